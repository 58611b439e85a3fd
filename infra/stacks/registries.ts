/**
 * The registries the stacks are generated from, as one value. The stacks take it as a prop so
 * tests can build the app from made-up routes and tasks (and so prove that permissions follow
 * the registry, not today's list); infra/app.ts passes the real ones.
 */
import { routes, type RouteDef } from '../../functions/http/routes.ts';
import { workflowTasks, type WorkflowTaskDef } from '../../functions/workflow/tasks.ts';
import { jobs, type JobDef } from '../../functions/jobs/jobs.ts';
import { stateMachines, type StateMachineDef } from '../state-machines.ts';
import { tables, type TableDef } from '../tables.ts';

export interface Registries {
  routes: readonly RouteDef[];
  workflowTasks: readonly WorkflowTaskDef[];
  jobs: readonly JobDef[];
  stateMachines: readonly StateMachineDef[];
  tables: readonly TableDef[];
}

export const defaultRegistries: Registries = { routes, workflowTasks, jobs, stateMachines, tables };

/** The table whose items only 'vault:*' functions may touch (functions/shared/config.ts: VAULT_TABLE). */
export const VAULT_TABLE_ID = 'ReporterVault';
