import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npm start` listens here; the dev server forwards API calls so pages and API share an origin.
const api = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // test/bench/web-size.ts reads it to measure each entry's JS.
    manifest: true,
    target: 'es2022',
    // Inlined assets would be data: URLs; the CSP allows them for images only.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/v1': api, '/__local': api, '/.well-known': api },
  },
});
