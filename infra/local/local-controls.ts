/**
 * The /__local controls of the local runtime (virtual clock, staff sign-in, sent mail). They exist
 * only under VIRTUAL_CLOCK; otherwise every /__local path answers 404, as on AWS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StaffUser } from '../../functions/shared/auth.ts';
import { ApiError, conflict, notFound } from '../../functions/shared/errors.ts';
import type { Clock } from './clock.ts';
import { faults, type FaultRule } from './faults.ts';
import type { LocalIssuer } from './local-auth.ts';
import { internal, invalid, readBody, sendError, sendJson, sendMethodNotAllowed, tooLarge } from './replies.ts';
import type { LocalEmail } from './ses.ts';
import type { LocalSmsMessage } from './sms.ts';

const MAX_LOCAL_BODY = 64 * 1024;

export interface LocalServices {
  clock: Clock;
  issuer: LocalIssuer;
  listEmails(): Promise<LocalEmail[]>;
  listSms(): LocalSmsMessage[];
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, MAX_LOCAL_BODY);
  if (!body) throw tooLarge();
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below as not an object.
  }
  throw invalid('', '请求内容须为 JSON 对象', 'Body must be a JSON object');
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

async function advanceClock(req: IncomingMessage, clock: Clock) {
  const { now } = await readJson(req);
  if (typeof now !== 'string' || !ISO_TIME.test(now) || Number.isNaN(Date.parse(now))) {
    throw invalid('now', '须为带时区的 ISO 8601 时间', 'Must be an ISO 8601 time with offset');
  }
  try {
    await clock.advanceTo(now);
  } catch (err) {
    if (err instanceof RangeError) throw conflict('虚拟时钟只能向前调整', 'The virtual clock only moves forward');
    throw err;
  }
  return { now: new Date().toISOString() };
}

const FAULT_TARGET = /^(dynamodb|states|lambda|ses|kms):[A-Za-z]+$/;

/** Body: {faults: [{target, mode: 'fail' | 'lose-reply', skip?, times?}]} (see faults.ts). */
async function armFaults(req: IncomingMessage) {
  const { faults: rules } = await readJson(req);
  if (!Array.isArray(rules)) throw invalid('faults', '须为数组', 'Must be an array');
  const count = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0);
  for (const r of rules as Record<string, unknown>[]) {
    if (typeof r?.target !== 'string' || !FAULT_TARGET.test(r.target)) throw invalid('target', '格式为 服务:操作', 'Must be service:Operation');
    if (r.mode !== 'fail' && r.mode !== 'lose-reply') throw invalid('mode', '须为 fail 或 lose-reply', 'Must be fail or lose-reply');
    if (!count(r.skip) || !count(r.times)) throw invalid('skip', '须为非负整数', 'Must be a non-negative integer');
  }
  faults.arm(rules as FaultRule[]);
  return faults.report();
}

async function login(req: IncomingMessage, issuer: LocalIssuer) {
  const body = await readJson(req);
  const { sub, name = '', groups = [], unit = '', email } = body;
  if (typeof sub !== 'string' || sub === '') throw invalid('sub', '必填', 'Required');
  if (typeof name !== 'string') throw invalid('name', '须为字符串', 'Must be a string');
  if (typeof unit !== 'string') throw invalid('unit', '须为字符串', 'Must be a string');
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) {
    throw invalid('groups', '须为字符串数组', 'Must be an array of strings');
  }
  if (email !== undefined && (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email))) {
    throw invalid('email', '电子邮箱格式不正确', 'Not a valid e-mail address');
  }
  const user: StaffUser = { sub, name, groups, unit, ...(email ? { email } : {}) };
  return { token: await issuer.issue(user) };
}

export async function serveLocal(req: IncomingMessage, res: ServerResponse, path: string, services: LocalServices) {
  if (!services.clock.virtual) return sendError(res, notFound('接口', 'Endpoint'));
  const method = req.method ?? 'GET';
  const endpoints: Record<string, Record<string, () => Promise<unknown>>> = {
    '/__local/clock': {
      GET: async () => ({ now: new Date().toISOString() }),
      POST: () => advanceClock(req, services.clock),
    },
    '/__local/login': { POST: () => login(req, services.issuer) },
    '/__local/emails': { GET: async () => ({ items: await services.listEmails() }) },
    '/__local/sms': { GET: async () => ({ items: services.listSms().map(({ to, text, at }) => ({ to, text, at })) }) },
    '/__local/faults': {
      GET: async () => faults.report(),
      POST: () => armFaults(req),
      DELETE: async () => (faults.reset(), faults.report()),
    },
  };
  const methods = endpoints[path];
  if (!methods) return sendError(res, notFound('接口', 'Endpoint'));
  const run = methods[method];
  if (!run) return sendMethodNotAllowed(res, Object.keys(methods));
  try {
    sendJson(res, 200, await run());
  } catch (err) {
    if (err instanceof ApiError) return sendError(res, err);
    console.error(`[local] ${method} ${path} failed: ${(err as Error).name}: ${(err as Error).message}`);
    sendError(res, internal());
  }
}
