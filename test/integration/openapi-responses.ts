import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { routes } from '../../functions/http/routes.ts';
import { openApiDocument } from '../../functions/shared/openapi.ts';

/**
 * Every answer the integration tests get from the API, checked against the OpenAPI document the
 * server publishes (built here from the same route registry): its status must be one the document
 * lists for that operation, and its JSON body must match the schema listed for that status.
 * `fetchJson` in harness.ts throws on a mismatch, so any test that meets one fails.
 */
type Doc = ReturnType<typeof openApiDocument>;
type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };

const doc: Doc = openApiDocument(routes);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(doc as object, 'openapi.json');

const templates = Object.keys(doc.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));
const validators = new Map<string, ValidateFunction>();

const pointer = (...segments: string[]) => segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

function validatorFor(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json#/${ref}` });
    validators.set(ref, validate);
  }
  return validate;
}

/** Why this answer disagrees with the OpenAPI document, or undefined when it agrees (or is not an API answer). */
export function responseMismatch(method: string, url: URL, status: number, body: unknown, isJson: boolean): string | undefined {
  if (!url.pathname.startsWith('/v1/')) return undefined;
  const m = method.toLowerCase();
  const found = templates.find((t) => t.pattern.test(url.pathname) && (doc.paths[t.template] as Record<string, unknown>)[m]);
  const where = `${method} ${url.pathname} ${status}`;
  const check = (ref: string) => {
    if (!isJson) return `${where}: the document lists a JSON body, the server sent none`;
    const validate = validatorFor(ref);
    return validate(body) ? undefined : `${where}: ${ajv.errorsText(validate.errors)}`;
  };
  // No such operation: the answer must still be the contract's error.
  if (!found) return status >= 400 ? check(pointer('components', 'schemas', 'Error')) : `${where}: no such operation in the document`;
  const operation = (doc.paths[found.template] as Record<string, Operation>)[m]!;
  const listed = operation.responses[String(status)];
  if (!listed) {
    if (status < 500) return `${where}: status not listed in the document for ${method} ${found.template}`;
    return check(pointer('components', 'schemas', 'Error'));
  }
  if (!listed.content?.['application/json']) return undefined;
  return check(pointer('paths', found.template, m, 'responses', String(status), 'content', 'application/json', 'schema'));
}
