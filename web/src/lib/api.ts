import { lang, t } from './i18n.ts';

export interface FieldError {
  path: string;
  message: string;
  messageEn?: string;
}

/** A failed call in the API's error shape ({error: {code, message, messageEn, fields}}). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly fields: FieldError[] = [],
  ) {
    super(messageEn);
  }
}

// Used when the API's Chinese message is missing or not Chinese, so a Chinese page never shows English.
const FALLBACK: Record<string, [string, string]> = {
  validation: ['提交的内容有误，请检查标出的字段', 'Some fields are invalid; please check them'],
  unauthorized: ['登录已失效，请重新登录', 'Please sign in again'],
  forbidden: ['无权执行此操作', 'You are not allowed to do this'],
  'not-found': ['未找到相关记录', 'Not found'],
  conflict: ['操作未能完成：案件状态已变化，请刷新后重试', 'Could not complete: the record changed; reload and try again'],
  'payload-too-large': ['提交的内容过大', 'The submission is too large'],
  'rate-limited': ['操作过于频繁，请稍后再试', 'Too many requests; please try again later'],
  network: ['网络连接失败，请检查网络后重试', 'Network error; check your connection and try again'],
  internal: ['系统暂时无法处理，请稍后再试', 'The service could not handle this; please try again later'],
};

const CJK = /[\u4e00-\u9fff]/;

function chooseText(zh: string | undefined, en: string | undefined, code: string): string {
  const fallback = FALLBACK[code] ?? FALLBACK.internal!;
  return t(zh && CJK.test(zh) ? zh : fallback[0], en || fallback[1]);
}

/** The message to show for any error, in the page's language. */
export function errorText(err: unknown): string {
  if (err instanceof ApiFailure) return chooseText(err.messageZh, err.messageEn, err.code);
  return chooseText(undefined, undefined, 'internal');
}

export const fieldText = (f: FieldError): string => t(f.message, f.messageEn || f.message);

interface Auth {
  token(): string | undefined;
  /** The token was refused: drop it so the page asks to sign in again. */
  rejected(): void;
}

let auth: Auth | undefined;
export const setStaffAuth = (a: Auth) => void (auth = a);

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  staff?: boolean;
}

export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  // The page's language, so that what the server writes to the citizen (their notices) is in it.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang() === 'en' ? 'en' : 'zh-CN', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = options.staff ? auth?.token() : undefined;
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiFailure(0, 'network', '', '');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) return json as T;
  const e = (json as { error?: { code?: string; message?: string; messageEn?: string; fields?: FieldError[] } } | undefined)?.error;
  const failure = new ApiFailure(res.status, e?.code ?? (res.status >= 500 ? 'internal' : 'not-found'), e?.message ?? '', e?.messageEn ?? '', e?.fields ?? []);
  if (res.status === 401 && options.staff) auth?.rejected();
  throw failure;
}

/** A staff download (a CSV): the API needs the bearer token, so it is fetched and handed over as a Blob. */
export async function staffBlob(path: string): Promise<Blob> {
  const token = auth?.token();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  } catch {
    throw new ApiFailure(0, 'network', '', '');
  }
  if (res.ok) return res.blob();
  if (res.status === 401) auth?.rejected();
  let e: { code?: string; message?: string; messageEn?: string } | undefined;
  try {
    e = ((await res.json()) as { error?: typeof e }).error;
  } catch {
    e = undefined;
  }
  throw new ApiFailure(res.status, e?.code ?? (res.status >= 500 ? 'internal' : 'not-found'), e?.message ?? '', e?.messageEn ?? '');
}
