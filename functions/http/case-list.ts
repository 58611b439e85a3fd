import { listCases } from '../services/queries.ts';
import { staffRoute } from '../shared/http.ts';
import { caseListQuery } from '../shared/schemas/cases.ts';

/** Staff queues sorted by nearest deadline. */
export const handler = staffRoute({ route: 'GET /v1/cases', query: caseListQuery }, async ({ query, user, now }) => ({ body: await listCases(user, query, now) }));
