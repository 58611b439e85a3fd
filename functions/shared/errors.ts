/** API errors in the contract's shape: {error: {code, message, messageEn, fields?}}. */
export type ErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
};

export interface FieldError {
  path: string;
  message: string;
  messageEn?: string;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly messageEn: string,
    readonly fields?: FieldError[],
    /** Response headers that belong to the error (429: Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        messageEn: this.messageEn,
        ...(this.fields ? { fields: this.fields } : {}),
      },
    };
  }
}

export const notFound = (what = '记录', whatEn = 'Resource') =>
  new ApiError('not-found', `${what}不存在`, `${whatEn} not found`);
export const conflict = (message: string, messageEn: string) => new ApiError('conflict', message, messageEn);
export const forbidden = () => new ApiError('forbidden', '无权执行此操作', 'You are not allowed to do this');
export const unauthorized = () => new ApiError('unauthorized', '请先登录', 'Sign-in required');
