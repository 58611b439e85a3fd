import { revealContactField } from '../services/contact.ts';
import { depsWithVault } from '../services/vault-deps.ts';
import { staffRoute } from '../shared/http.ts';
import { requestIdParams } from '../shared/schemas/contact.ts';

/** The approved field, to the requester, once, within 24 hours of approval. */
export const handler = staffRoute({ route: 'GET /v1/contact-requests/{requestId}/reveal', params: requestIdParams }, async ({ params, user }) => ({
  body: await revealContactField(params.requestId, user, depsWithVault()),
  headers: { 'cache-control': 'no-store' },
}));
