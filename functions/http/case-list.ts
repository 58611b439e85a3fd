import { listCases } from '../services/queries.ts';
import { staffRoute } from '../shared/http.ts';
import { caseListQuery } from '../shared/schemas/cases.ts';

/** Staff queues, a page at a time, nearest deadline first within the page; filters and search in the query. */
export const handler = staffRoute({ route: 'GET /v1/cases', query: caseListQuery }, async ({ query, user, now }) => ({ body: await listCases(user, query, now) }));
