import { listContactRequests } from '../services/contact.ts';
import { staffRoute } from '../shared/http.ts';
import { contactListQuery } from '../shared/schemas/contact.ts';

/** Contact requests in one status (default pending): all of them for custodians, one's own for the rest. */
export const handler = staffRoute({ route: 'GET /v1/contact-requests', query: contactListQuery }, async ({ query, user }) => ({
  body: { items: await listContactRequests(query.status, user) },
}));
