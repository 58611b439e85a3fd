/**
 * Deployment settings read from CDK context (cdk.json, `-c key=value`), each with a default so
 * `cdk synth` works with no arguments. Only values that differ between deployments live here;
 * everything that is a design decision is fixed in the stacks.
 */
import type { Node } from 'constructs';
import { officialSettings } from '../../functions/notices/official-settings.ts';

export interface Unit {
  code: string;
  name: string;
  email: string;
}

/**
 * Deployment profile, chosen by the region: `china` for cn-* regions (no Cognito user pool, SES
 * or SNS SMS there: the agency's OIDC issuer signs staff in, mail goes through its SMTP relay),
 * `global` anywhere else (Cognito user pool, SES). An environment-agnostic synth is `global`.
 */
export type Profile = 'global' | 'china';
export type Stage = 'dev' | 'prod';
export type AttachmentScan = 'guardduty' | 'scanner' | 'off';

/** The agency's OpenID Connect provider (China profile): what the API's JWT authorizer and the functions check. */
export interface OidcSettings {
  issuer: string;
  audience: string;
  /** The issuer's JWKS; default `<issuer>/.well-known/jwks.json` (check the issuer's discovery document). */
  jwksUrl: string;
  /** ID-token claim carrying the staff groups (an array of strings) and the unit code. */
  groupsClaim: string;
  unitClaim: string;
}

export interface Settings {
  /** `-c stage=dev|prod`: separate stacks (and so tables, keys, functions) per stage. */
  stage: Stage;
  /** `-c region=...`: pins the stacks to a region; decides the profile. */
  region?: string;
  profile: Profile;
  /** SES domain identity; MAIL_FROM must be an address in it. */
  mailDomain: string;
  mailFrom: string;
  supervisorEmails: string[];
  units: Unit[];
  /** Cognito hosted UI prefix; globally unique per region, hence the account id in the default. */
  authDomainPrefix?: string;
  /** Path under the site URL that the hosted UI redirects back to after sign-in / sign-out. */
  authCallbackPath: string;
  authLogoutPath: string;
  /**
   * Optional custom domain for the site. Global profile: with an ACM certificate in us-east-1
   * (siteCertificateArn). China profile: with an IAM server certificate (siteCertificateId; an
   * ICP-registered domain), without which no CloudFront distribution is built.
   */
  siteDomain?: string;
  siteCertificateArn?: string;
  siteCertificateId?: string;
  apiRateLimit: number;
  apiBurstLimit: number;
  /** China profile only. */
  oidc?: OidcSettings;
  /** China profile: Secrets Manager secret (name) with the SMTP relay's host, port and credentials. */
  smtpSecretName?: string;
  /** Global profile: End User Messaging origination identity (phone number, pool or sender id ARN / id); optional. */
  smsOriginationIdentity?: string;
  /** China profile: the agency's SMS gateway (https); without it SMS is off and the forms say so. */
  smsGatewayUrl?: string;
  /**
   * China profile: Secrets Manager secret (name) whose value is the gateway's bearer token; never a
   * plain environment variable. Optional (a gateway reached without a token).
   */
  smsGatewaySecretName?: string;
  /**
   * Who scans evidence files before anyone may open them (the object tag
   * `GuardDutyMalwareScanStatus` = `NO_THREATS_FOUND`): `guardduty` (GuardDuty Malware Protection
   * for S3; global profile, the default there), `scanner` (the agency's own scanner writes that
   * tag; until it does, files stay unopenable) or `off` (no attachments at all: the upload route
   * refuses and the forms hide the field; the default in China regions, which have no GuardDuty
   * Malware Protection for S3).
   */
  attachmentScan: AttachmentScan;
  /**
   * Days an attachment is kept after its upload, to match the agency's retention of case records
   * (its records schedule); unset: kept as long as the case records, which are never deleted.
   */
  attachmentRetentionDays?: number;
  /** Base of links in notices when there is no site URL (China without siteDomain). */
  publicBaseUrl?: string;
  /** The only principal that may schedule deletion of or disable the KMS keys. */
  breakGlassRoleArn?: string;
  /** Subscribed (e-mail) to the alarm topic when set. */
  alarmEmail?: string;
  /**
   * The agency as its official notices name it (`-c agency='{"code":…,"name":…,"shortName":…}'`,
   * AGENCY_JSON) and the document number format per case kind (`-c documentNumberFormats=…`,
   * DOCUMENT_NUMBER_FORMATS_JSON); checked at synth, so a malformed one never deploys.
   */
  agencyJson?: string;
  documentNumberFormatsJson?: string;
}

const str = (node: Node, key: string): string | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value;
};

const num = (node: Node, key: string, fallback: number): number => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Context ${key} must be a positive number`);
  return n;
};

/** An object given as JSON (cdk.json) or a JSON string (`-c key='{…}'`), passed on as a JSON string. */
const json = (node: Node, key: string): string | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? JSON.stringify(JSON.parse(value)) : JSON.stringify(value);
};

/** A list given as JSON array (cdk.json) or a comma-separated string (`-c key=a,b`). */
const list = (node: Node, key: string): string[] | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : String(value).split(',');
  return items.map((s) => String(s).trim()).filter(Boolean);
};

const units = (node: Node, mailDomain: string): Unit[] => {
  const value: unknown = node.tryGetContext('units');
  // The contract's starting units (api-contract.md, Staff): office is the intake unit.
  if (value === undefined) {
    return [
      { code: 'office', name: '办公室', email: `office@${mailDomain}` },
      { code: 'policy', name: '政策法规科', email: `policy@${mailDomain}` },
      { code: 'finance', name: '财务科', email: `finance@${mailDomain}` },
    ];
  }
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const ok =
    Array.isArray(parsed) &&
    parsed.every((u: Partial<Unit>) => typeof u?.code === 'string' && typeof u.name === 'string' && typeof u.email === 'string');
  if (!ok) throw new Error('Context units must be a JSON array of {code, name, email}');
  return parsed as Unit[];
};

export const profileOf = (region: string | undefined): Profile => (region?.startsWith('cn-') ? 'china' : 'global');

const httpsUrl = (key: string, value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Context ${key} must be a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`Context ${key} must be an https URL`);
  return value.replace(/\/$/, '');
};

/** Values that are examples, not an agency's: fine for dev, refused for prod. */
const PLACEHOLDER = /(^|[.@/])example\.(gov\.cn|com|org|net)\b|\bexample\.gov\b/i;

export function readSettings(node: Node): Settings {
  const stageValue = str(node, 'stage') ?? 'dev';
  if (stageValue !== 'dev' && stageValue !== 'prod') throw new Error('Context stage must be dev or prod');
  const stage: Stage = stageValue;
  const region = str(node, 'region');
  const profile = profileOf(region);
  const mailDomain = str(node, 'mailDomain') ?? 'example.gov.cn';
  const siteDomain = str(node, 'siteDomain');
  const siteCertificateArn = str(node, 'siteCertificateArn');
  const siteCertificateId = str(node, 'siteCertificateId');
  if (profile === 'global' && Boolean(siteDomain) !== Boolean(siteCertificateArn)) {
    throw new Error('Context siteDomain and siteCertificateArn go together');
  }
  if (profile === 'china' && siteCertificateArn) {
    throw new Error('China regions: CloudFront takes an IAM server certificate there; give siteCertificateId, not siteCertificateArn');
  }
  if (profile === 'china' && Boolean(siteDomain) !== Boolean(siteCertificateId)) {
    throw new Error('Context siteDomain and siteCertificateId (IAM server certificate) go together');
  }
  const settings = readRest(node, mailDomain);
  const oidc = profile === 'china' ? readOidc(node) : undefined;
  const smtpSecretName = str(node, 'smtpSecretName');
  if (profile === 'china' && !smtpSecretName) {
    throw new Error('China regions have no SES: give -c smtpSecretName=<Secrets Manager secret with the SMTP relay>');
  }
  const result: Settings = {
    ...settings,
    stage,
    region,
    profile,
    siteDomain,
    siteCertificateArn,
    siteCertificateId,
    oidc,
    smtpSecretName: profile === 'china' ? smtpSecretName : undefined,
    smsOriginationIdentity: profile === 'global' ? str(node, 'smsOriginationIdentity') : undefined,
    smsGatewayUrl: profile === 'china' && str(node, 'smsGatewayUrl') ? httpsUrl('smsGatewayUrl', str(node, 'smsGatewayUrl')!) : undefined,
    smsGatewaySecretName: profile === 'china' && str(node, 'smsGatewayUrl') ? str(node, 'smsGatewaySecretName') : undefined,
    attachmentScan: attachmentScan(node, profile),
    attachmentRetentionDays: node.tryGetContext('attachmentRetentionDays') === undefined ? undefined : num(node, 'attachmentRetentionDays', 1),
    publicBaseUrl: str(node, 'publicBaseUrl') && httpsUrl('publicBaseUrl', str(node, 'publicBaseUrl')!),
    breakGlassRoleArn: str(node, 'breakGlassRoleArn'),
    alarmEmail: str(node, 'alarmEmail'),
    agencyJson: json(node, 'agency'),
    documentNumberFormatsJson: json(node, 'documentNumberFormats'),
  };
  // Parsed as the functions will parse them: a bad agency or number format fails the synth, not a notice.
  officialSettings(result.agencyJson ?? '', result.documentNumberFormatsJson ?? '');
  if (stage === 'prod') checkProd(result);
  return result;
}

function attachmentScan(node: Node, profile: Profile): AttachmentScan {
  const value = str(node, 'attachmentScan') ?? (profile === 'global' ? 'guardduty' : 'off');
  if (value !== 'guardduty' && value !== 'scanner' && value !== 'off') throw new Error('Context attachmentScan must be guardduty, scanner or off');
  if (value === 'guardduty' && profile === 'china') {
    throw new Error('China regions have no GuardDuty Malware Protection for S3: attachmentScan must be scanner (the agency\'s scanner tags files) or off');
  }
  return value;
}

function readOidc(node: Node): OidcSettings {
  const issuer = str(node, 'oidcIssuer');
  const audience = str(node, 'oidcAudience');
  if (!issuer || !audience) {
    throw new Error('China regions have no Cognito user pools: give -c oidcIssuer=https://... -c oidcAudience=<client id> (the agency\'s OIDC provider)');
  }
  const base = httpsUrl('oidcIssuer', issuer);
  return {
    issuer: base,
    audience,
    jwksUrl: httpsUrl('oidcJwksUrl', str(node, 'oidcJwksUrl') ?? `${base}/.well-known/jwks.json`),
    groupsClaim: str(node, 'groupsClaim') ?? 'groups',
    unitClaim: str(node, 'unitClaim') ?? 'unit',
  };
}

/** A prod synth with an example value would deploy mail to nobody and sign-in to nowhere: refuse it. */
function checkProd(s: Settings): void {
  const values: [string, string | undefined][] = [
    ['mailDomain', s.mailDomain],
    ['mailFrom', s.mailFrom],
    ['supervisorEmails', s.supervisorEmails.join(',')],
    ['units', s.units.map((u) => u.email).join(',')],
    ['siteDomain', s.siteDomain],
    ['oidcIssuer', s.oidc?.issuer],
    ['oidcJwksUrl', s.oidc?.jwksUrl],
    ['publicBaseUrl', s.publicBaseUrl],
    ['alarmEmail', s.alarmEmail],
  ];
  const placeholders = values.filter(([, v]) => v && PLACEHOLDER.test(v)).map(([k]) => k);
  if (placeholders.length) {
    throw new Error(`stage=prod refuses placeholder values (example.*) in: ${placeholders.join(', ')}; set them with -c or in cdk.json`);
  }
  if (!s.region) throw new Error('stage=prod needs -c region=... (it decides the deployment profile)');
  if (!s.breakGlassRoleArn) throw new Error('stage=prod needs -c breakGlassRoleArn=... (the only role that may disable or delete the KMS keys)');
  if (!s.alarmEmail) throw new Error('stage=prod needs -c alarmEmail=... (who receives the alarms)');
}

function readRest(node: Node, mailDomain: string) {
  return {
    mailDomain,
    mailFrom: str(node, 'mailFrom') ?? `noreply@${mailDomain}`,
    supervisorEmails: list(node, 'supervisorEmails') ?? [`supervisor@${mailDomain}`],
    units: units(node, mailDomain),
    authDomainPrefix: str(node, 'authDomainPrefix'),
    authCallbackPath: str(node, 'authCallbackPath') ?? '/console',
    authLogoutPath: str(node, 'authLogoutPath') ?? '/console',
    apiRateLimit: num(node, 'apiRateLimit', 50),
    apiBurstLimit: num(node, 'apiBurstLimit', 100),
  };
}
