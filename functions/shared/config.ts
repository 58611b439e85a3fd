/**
 * Everything a function reads from its environment, in one place. The CDK stack and the local
 * runtime set the same variables; nothing here knows which of the two it runs on.
 */
const read = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`Missing environment variable ${name}`);
  return value;
};

export const config = {
  get casesTable() {
    return read('CASES_TABLE');
  },
  get vaultTable() {
    return read('VAULT_TABLE');
  },
  get calendarTable() {
    return read('CALENDAR_TABLE');
  },
  get idempotencyTable() {
    return read('IDEMPOTENCY_TABLE');
  },
  get caseStateMachineArn() {
    return read('CASE_STATE_MACHINE_ARN');
  },
  get mailFrom() {
    return read('MAIL_FROM', 'noreply@disclosure.example.gov.cn');
  },
  /** Comma-separated addresses that receive escalations (督办). */
  get supervisorEmails() {
    return read('SUPERVISOR_EMAILS', '').split(',').map((s) => s.trim()).filter(Boolean);
  },
  /** JSON: [{"code":"office","name":"办公室","email":"office@..."}] */
  get unitsJson() {
    return read('UNITS_JSON', '');
  },
  /** AWS: a KMS key ARN for the reporter vault. */
  get vaultKmsKeyArn() {
    return process.env.VAULT_KMS_KEY_ARN;
  },
  /** Outside AWS: a file holding a raw AES-256 key for the reporter vault. */
  get vaultKeyFile() {
    return process.env.VAULT_KEY_FILE;
  },
  /**
   * JSON, the agency's own caps on extensions per kind, e.g. {"complaint": {"maxTotal": 30}};
   * what it leaves out keeps the kind's default (a complaint: no cap, as the seed says).
   */
  get extensionPolicy(): Record<string, { maxPerExtension?: number | null; maxTotal?: number | null; maxCount?: number | null }> {
    const raw = read('EXTENSION_POLICY_JSON', '');
    return raw ? JSON.parse(raw) : {};
  },
  /**
   * JSON, the agency's consultation policy: {"maxOpenWorkingDays": 7, "reportWorkingDays": 7}
   * (the comment period's longest and default length from publication, and the adoption report's
   * period after closing, in working days); what it leaves out keeps seed 000's 7 and 7.
   */
  get consultationPolicy(): { maxOpenWorkingDays?: number; reportWorkingDays?: number } {
    const raw = read('CONSULTATION_POLICY_JSON', '');
    return raw ? JSON.parse(raw) : {};
  },
  get publicBaseUrl() {
    return read('PUBLIC_BASE_URL', 'http://localhost:3000');
  },
  /** `aws` (End User Messaging SMS), `gateway` (the agency's HTTP gateway) or `off`. */
  get smsTransport() {
    return read('SMS_TRANSPORT', 'off');
  },
  /** Whether citizens can be reached by SMS here (intake records it; the form shows it). */
  get smsEnabled() {
    return ['aws', 'gateway'].includes(this.smsTransport);
  },
  /** End User Messaging: the phone number, pool or sender id to send from (optional). */
  get smsOriginationIdentity() {
    return process.env.SMS_ORIGINATION_IDENTITY || undefined;
  },
  get smsGatewayUrl() {
    return process.env.SMS_GATEWAY_URL || undefined;
  },
  /** Secrets Manager secret (id or name) holding the gateway's bearer token; unset: no token. */
  get smsGatewaySecretId() {
    return process.env.SMS_GATEWAY_SECRET_ID || undefined;
  },
  /** `guardduty`, `scanner` (files open once scanned clean) or `off` (no attachments in this deployment). */
  get attachmentScan() {
    return read('ATTACHMENT_SCAN', 'guardduty');
  },
  get attachmentsEnabled() {
    return this.attachmentScan !== 'off';
  },
  /** Private, KMS-encrypted bucket for evidence attachments. */
  get attachmentsBucket() {
    return read('ATTACHMENTS_BUCKET');
  },
  /** Path-style S3 URLs (the local stand-in). */
  get s3PathStyle() {
    return process.env.S3_FORCE_PATH_STYLE === 'true';
  },
  /**
   * JSON, the agency this deployment serves, for the start page and the official notices
   * (functions/shared/agency.ts lists the fields and their defaults): {"code": "…", "name": "…", "shortName": "…", "phone": "…", …}.
   */
  get agencyJson() {
    return read('AGENCY_JSON', '');
  },
  /**
   * JSON, the document number format per case kind, e.g. {"complaint": "{agency}投诉〔{year}〕第 {n} 号"}
   * (tokens: {agency} short name, {kind}, {year}, {n} or {n:3} zero-padded); a kind left out keeps its default.
   */
  get documentNumberFormatsJson() {
    return read('DOCUMENT_NUMBER_FORMATS_JSON', '');
  },
};
