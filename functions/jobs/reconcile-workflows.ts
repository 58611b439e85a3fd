import { reconcileWorkflows } from '../services/reconcile.ts';

/** Scheduled nightly: every open case has a running workflow, or gets a fresh one. */
export const handler = async () => reconcileWorkflows();
