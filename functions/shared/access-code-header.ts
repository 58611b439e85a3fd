import { ApiError } from './errors.ts';

/** The citizen's access code, from the X-Access-Code header. */
export function accessCodeHeader(headers: Record<string, string | undefined>): string {
  const code = headers['x-access-code']?.trim();
  if (!code || code.length > 64) throw new ApiError('validation', '请填写查询码', 'The X-Access-Code header is required');
  return code;
}
