import { staffComments } from '../services/consultations.ts';
import { staffRoute } from '../shared/http.ts';
import { consultationParams } from '../shared/schemas/consultations.ts';

/** Every comment with its commentId, hidden ones included, for the consultation's unit and supervisors. */
export const handler = staffRoute({ route: 'GET /v1/consultations/{id}/comments', params: consultationParams }, async ({ params, user }) => ({ body: await staffComments(params.id, user) }));
