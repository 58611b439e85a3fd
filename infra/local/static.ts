/**
 * The citizen and staff web pages (web/dist) on the API's origin, as CloudFront serves them on
 * AWS: same origin, so no CORS, and a CSP that allows nothing from elsewhere but the uploads' S3.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The one origin besides 'self' the pages may call: the local S3 stand-in (AWS_ENDPOINT_URL_S3,
 * set when it starts), where the browser sends evidence files with their presigned POST.
 */
const uploadOrigin = () => {
  try {
    return process.env.AWS_ENDPOINT_URL_S3 ? ` ${new URL(process.env.AWS_ENDPOINT_URL_S3).origin}` : '';
  } catch {
    return '';
  }
};

export const securityHeaders = () => ({
  'content-security-policy':
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'${uploadOrigin()}; ` +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>网页尚未构建</title></head>
<body><h1>网页尚未构建 / Web pages not built</h1>
<p>API 已在运行（/v1/health）。请先构建 web 目录，生成 web/dist 后刷新本页。</p>
<p>The API is running (/v1/health). Build the web pages into web/dist, then reload.</p></body></html>
`;

const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() ?? false;

function send(res: ServerResponse, status: number, type: string, body: string | undefined, head: boolean) {
  res.writeHead(status, { ...securityHeaders(), 'content-type': type, 'cache-control': 'no-cache' });
  res.end(head ? undefined : body);
}

/** Answers a GET or HEAD for a page or asset. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  root = WEB_ROOT,
): Promise<void> {
  const head = req.method === 'HEAD';
  if (!(await isFile(join(root, 'index.html')))) {
    if (pathname === '/' || pathname === '/index.html') return send(res, 200, TYPES['.html']!, NOT_BUILT, head);
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found', head);
  }
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname));
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad path', head);
  }
  let file = join(root, relative);
  if (relative.includes('\0') || !(file === root || file.startsWith(root + sep))) {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found', head);
  }
  if (!(await isFile(file))) {
    // Client-side routes (/track/ABC) have no extension and get the app; a missing asset is a 404.
    if (extname(relative) !== '' && !relative.endsWith(sep)) {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found', head);
    }
    file = join(root, 'index.html');
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { ...securityHeaders(), 'content-type': type, 'cache-control': 'no-cache' });
  if (head) return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
