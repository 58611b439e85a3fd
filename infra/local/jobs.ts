import { pathToFileURL } from 'node:url';
import { jobs, type JobDef } from '../../functions/jobs/jobs.ts';
import type { Clock } from './clock.ts';

const DAY_MS = 24 * 3600 * 1000;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The next time after `now` that it is hour:minute in Shanghai. */
export function nextRun(at: JobDef['at'], now: number): number {
  const shanghaiMidnight = Math.floor((now + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  const today = shanghaiMidnight + (at.hour * 60 + at.minute) * 60 * 1000;
  return today > now ? today : today + DAY_MS;
}

/**
 * Runs the scheduled jobs as EventBridge Scheduler would, on the runtime's clock (virtual time
 * included): a jump over several mornings runs each morning's job in turn. Returns a stop function.
 */
export function startLocalJobs(clock: Clock, functionsDir: URL, log: (line: string) => void): () => void {
  let stopped = false;
  for (const job of jobs) {
    void (async () => {
      const mod = (await import(pathToFileURL(new URL(job.handler, functionsDir).pathname).href)) as { handler(event: { scheduledTime: string }): Promise<unknown> };
      for (let at = nextRun(job.at, clock.now()); !stopped; at = nextRun(job.at, at)) {
        await clock.sleepUntil(at);
        if (stopped) return;
        await clock.track(
          mod.handler({ scheduledTime: new Date(at).toISOString() }).catch((error: unknown) => log(`job ${job.name} failed: ${error instanceof Error ? error.name : 'error'}`)),
        );
      }
    })().catch((error: unknown) => log(`job ${job.name} not scheduled: ${error instanceof Error ? error.message : String(error)}`));
  }
  return () => {
    stopped = true;
  };
}

/** What the start-up lines say of the schedule. */
export const scheduleText = () => jobs.map((j) => `${j.name} daily ${String(j.at.hour).padStart(2, '0')}:${String(j.at.minute).padStart(2, '0')} Asia/Shanghai`).join(', ');
