import { calendarList, caseGet, caseIndex, casePut, mailSend, workflowReconcile, workflowResume, type Access } from '../adapters/access.ts';

/**
 * Functions that run on a schedule. CDK gives each an EventBridge Scheduler schedule in
 * Asia/Shanghai time; the local runtime runs them on its (virtual) clock at the same time.
 * The schedule fires daily: whether a day is a working day is the official calendar's call,
 * made in the function, since holidays and make-up days are not a cron pattern.
 */
export interface JobDef {
  name: string;
  handler: string;
  /** Daily at this Shanghai time. */
  at: { hour: number; minute: number };
  access: readonly Access[];
}

export const jobs: JobDef[] = [
  {
    name: 'DailyDigest',
    handler: 'jobs/daily-digest.ts',
    at: { hour: 8, minute: 30 },
    // The day's claim, the calendar, the overdue and review indexes, mail.
    access: [casePut, calendarList, caseIndex('openDeadlines'), caseIndex('openReviews'), mailSend],
  },
  {
    name: 'ReconcileWorkflows',
    handler: 'jobs/reconcile-workflows.ts',
    at: { hour: 3, minute: 0 },
    // Every unit's cases, the calendar, each open case's executions (and a fresh one where all
    // ended), its registered wait (GetItem) and a resume where that wait is outdated.
    access: [caseIndex('byUnit'), calendarList, workflowReconcile, caseGet, workflowResume],
  },
];
