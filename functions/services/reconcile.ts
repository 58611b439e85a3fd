import { StepFunctionsCaseWorkflow } from '../adapters/stepfunctions/case-workflow.ts';
import { kindOf, nextWait, refreshProvisional } from '../domain/index.ts';
import { logger } from '../shared/logger.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';

/**
 * The reconciler: every case that still has something to wait for (an open deadline, a status its
 * kind waits in) must have a running workflow; one whose execution died (a failed start after the
 * case was saved, an execution that failed or was stopped) gets a fresh one. Idempotent: running
 * ones are left alone, unless they wait on an outdated version of the case (a lost resume).
 */
export async function reconcileWorkflows(deps: ServiceDeps = defaultDeps(), workflows = new StepFunctionsCaseWorkflow()) {
  const calendar = await deps.calendar();
  let open = 0;
  let started = 0;
  let resumed = 0;
  for (const unit of deps.units()) {
    for (const stored of await deps.repo.byUnit(unit.code)) {
      const c = refreshProvisional(calendar, stored);
      if (nextWait(calendar, c, kindOf(c.kind).waitsIn).done) continue;
      open += 1;
      if ((await workflows.ensureRunning(c.caseId)) === 'started') {
        started += 1;
        continue;
      }
      // A running workflow still waiting on an older version of the case missed its resume (the
      // action committed, the callback failed): wake it so it sends the action's notices and
      // follows the new deadlines tonight rather than at the old deadline's timer.
      const wait = await deps.repo.registeredWait(c.caseId);
      if (wait && wait.version < stored.version) {
        await deps.workflow.resume(wait.token);
        resumed += 1;
      }
    }
  }
  logger.info('workflows reconciled', { open, started, resumed });
  return { open, started, resumed };
}
