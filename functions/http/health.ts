import { publicRoute } from '../shared/http.ts';

/** Liveness: answers without touching any store so a load balancer check stays cheap. */
export const handler = publicRoute({}, async ({ now }) => ({
  body: { status: 'ok', service: 'disclosure-intake', time: now.toISOString() },
}));
