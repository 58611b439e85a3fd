import { defaultDeps } from '../services/deps.ts';

/**
 * Step Functions callback task: remembers the token the execution waits on, for the version of the
 * case it decided on. If the case changed since, the wait is already out of date: resume at once
 * so the workflow looks again.
 */
export const handler = async (event: { caseId: string; version: number; taskToken: string }) => {
  const { repo, workflow } = defaultDeps();
  const stored = await repo.setWaitToken(event.caseId, event.version, event.taskToken);
  if (!stored) await workflow.resume(event.taskToken);
  return { stored };
};
