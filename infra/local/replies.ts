/**
 * Plain HTTP answers of the local server, in the contract's error shape, and a bounded body reader:
 * shared by the API adapter and the /__local controls.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../functions/shared/errors.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export const sendError = (res: ServerResponse, err: ApiError, headers?: Record<string, string>) =>
  sendJson(res, err.status, err.toBody(), headers);

export function sendMethodNotAllowed(res: ServerResponse, allowed: string[]) {
  // Not one of the contract's codes (API Gateway itself answers 404 here); kept to this file.
  sendJson(
    res,
    405,
    { error: { code: 'method-not-allowed', message: '不支持该请求方法', messageEn: 'Method not allowed' } },
    { allow: allowed.join(', ') },
  );
}

export const internal = () => new ApiError('internal', '服务器内部错误，请稍后再试', 'Internal server error');
export const tooLarge = () => new ApiError('payload-too-large', '提交的内容过大', 'Request body too large');
export const invalid = (path: string, message: string, messageEn: string) =>
  new ApiError('validation', '请求内容有误', 'Invalid request', [{ path, message, messageEn }]);

/** Reads at most `limit` bytes; `undefined` means the body was larger (and is being discarded). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
