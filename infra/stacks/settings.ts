/**
 * Deployment settings read from CDK context (cdk.json, `-c key=value`), each with a default so
 * `cdk synth` works with no arguments. Only values that differ between deployments live here;
 * everything that is a design decision is fixed in the stacks.
 */
import type { Node } from 'constructs';

export interface Unit {
  code: string;
  name: string;
  email: string;
}

export interface Settings {
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
  /** Optional custom domain for the site; needs an ACM certificate in us-east-1. */
  siteDomain?: string;
  siteCertificateArn?: string;
  apiRateLimit: number;
  apiBurstLimit: number;
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

export function readSettings(node: Node): Settings {
  const mailDomain = str(node, 'mailDomain') ?? 'example.gov.cn';
  const siteDomain = str(node, 'siteDomain');
  const siteCertificateArn = str(node, 'siteCertificateArn');
  if (Boolean(siteDomain) !== Boolean(siteCertificateArn)) {
    throw new Error('Context siteDomain and siteCertificateArn go together');
  }
  return {
    mailDomain,
    mailFrom: str(node, 'mailFrom') ?? `noreply@${mailDomain}`,
    supervisorEmails: list(node, 'supervisorEmails') ?? [`supervisor@${mailDomain}`],
    units: units(node, mailDomain),
    authDomainPrefix: str(node, 'authDomainPrefix'),
    authCallbackPath: str(node, 'authCallbackPath') ?? '/console',
    authLogoutPath: str(node, 'authLogoutPath') ?? '/console',
    siteDomain,
    siteCertificateArn,
    apiRateLimit: num(node, 'apiRateLimit', 50),
    apiBurstLimit: num(node, 'apiBurstLimit', 100),
  };
}
