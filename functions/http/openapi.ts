import { publicRoute } from '../shared/http.ts';
import { openApiDocument } from '../shared/openapi.ts';
import { routes } from './routes.ts';

let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = publicRoute({}, async () => {
  document ??= openApiDocument(routes);
  return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
