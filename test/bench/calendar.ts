import { addDays, dueAt, explainDeadline, shanghaiDate, WorkingCalendar } from '../../functions/domain/calendar/index.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/**
 * The due date as computed before the working-day index: a walk day by day over
 * `calendar.day` (kept here only to give the indexed version a ratio within one run).
 */
function dayByDayDueDate(calendar: WorkingCalendar, receivedAt: Date, workingDays: number): string {
  let date = shanghaiDate(receivedAt);
  let provisional = false;
  let day = calendar.day(date);
  while (!day.working) {
    date = addDays(date, 1);
    day = calendar.day(date);
    provisional ||= day.provisional;
  }
  let counted = 0;
  while (counted < workingDays) {
    date = addDays(date, 1);
    day = calendar.day(date);
    provisional ||= day.provisional;
    if (day.working) counted += 1;
  }
  return provisional ? `${date}?` : date;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Due dates computed per second, against the old day-by-day walk, and what an explanation costs. */
export function calendarFigures(): Figure[] {
  const calendar = new WorkingCalendar();
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = 2 * 365 * 24 * 3600 * 1000;
  const receipts = Array.from({ length: 20_000 }, (_, i) => new Date(start + ((i * 7_919_993) % span)));
  let sink = 0;
  const measure = (fn: (at: Date, n: number) => unknown, ms: number) => {
    const t0 = performance.now();
    let count = 0;
    while (performance.now() - t0 < ms) {
      for (let i = 0; i < 500; i++, count++) if (fn(receipts[count % receipts.length]!, [3, 5, 15, 20][count % 4]!)) sink++;
    }
    return count / ((performance.now() - t0) / 1000);
  };
  const bareFn = (at: Date, n: number) => dueAt(calendar, at, n);
  const walkFn = (at: Date, n: number) => dayByDayDueDate(calendar, at, n);
  const explainedFn = (at: Date, n: number) => explainDeadline(calendar, at, n);
  const pausedFn = (at: Date, n: number) => dueAt(calendar, at, n, { pauses: [{ from: at, to: new Date(at.getTime() + 6 * 86_400_000) }] });
  // The same answers first: the ratio means nothing otherwise.
  for (const at of receipts.slice(0, 2000)) {
    for (const n of [3, 5, 15, 20]) {
      const d = dueAt(calendar, at, n);
      if (walkFn(at, n) !== `${d.dueDate}${d.provisional ? '?' : ''}`) throw new Error(`indexed and day-by-day disagree for ${at.toISOString()} + ${n}`);
    }
  }
  // Warm each up, then alternate short rounds and keep the medians: a noisy machine slows all alike.
  const fns = { bareFn, walkFn, explainedFn, pausedFn };
  const rounds: Record<keyof typeof fns, number[]> = { bareFn: [], walkFn: [], explainedFn: [], pausedFn: [] };
  for (const fn of Object.values(fns)) measure(fn, 300);
  for (let round = 0; round < 5; round++) for (const [name, fn] of Object.entries(fns)) rounds[name as keyof typeof fns].push(measure(fn, 200));
  const bare = median(rounds.bareFn);
  const walk = median(rounds.walkFn);
  const explained = median(rounds.explainedFn);
  const paused = median(rounds.pausedFn);
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) new WorkingCalendar();
  const build = (performance.now() - t0) / 20;
  // A calendar as a request builds it, then its first due date (which builds that year's index).
  const firstRounds: number[] = [];
  for (let i = 0; i < 200; i++) {
    const fresh = new WorkingCalendar();
    const t = performance.now();
    dueAt(fresh, receipts[i]!, 15);
    firstRounds.push(performance.now() - t);
  }
  if (sink < 0) console.log(sink);
  return [
    { name: 'calendar: due dates computed per second (3/5/15/20 working days)', value: Math.round(bare), unit: 'ops/s' },
    { name: 'calendar: due dates per second, old day-by-day walk (reference)', value: Math.round(walk), unit: 'ops/s' },
    { name: 'calendar: indexed / day-by-day walk', value: Math.round((bare / walk) * 10) / 10, unit: 'x' },
    { name: 'calendar: due dates per second with a 6-day pause', value: Math.round(paused), unit: 'ops/s' },
    { name: 'calendar: explained deadlines per second (day by day, on demand)', value: Math.round(explained), unit: 'ops/s' },
    { name: 'calendar: explanation cost relative to a bare due date', value: Math.round((bare / explained) * 100) / 100, unit: 'x' },
    { name: 'calendar: building the calendar (packaged years + overrides)', value: Math.round(build * 1000) / 1000, unit: 'ms' },
    { name: 'calendar: first due date on a fresh calendar (builds a year index), p50', value: Math.round(median(firstRounds) * 1000) / 1000, unit: 'ms' },
  ];
}
