import { dueAt, explainDeadline, WorkingCalendar } from '../../functions/domain/calendar/index.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** Due dates computed per second, and how much a full explanation costs next to a bare due date. */
export function calendarFigures(): Figure[] {
  const calendar = new WorkingCalendar();
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = 2 * 365 * 24 * 3600 * 1000;
  const receipts = Array.from({ length: 20_000 }, (_, i) => new Date(start + ((i * 7_919_993) % span)));
  const measure = (fn: (at: Date, n: number) => unknown, ms: number) => {
    const t0 = performance.now();
    let count = 0;
    while (performance.now() - t0 < ms) {
      for (let i = 0; i < 500; i++, count++) fn(receipts[count % receipts.length]!, [3, 5, 15, 20][count % 4]!);
    }
    return count / ((performance.now() - t0) / 1000);
  };
  const bareFn = (at: Date, n: number) => dueAt(calendar, at, n);
  const explainedFn = (at: Date, n: number) => explainDeadline(calendar, at, n);
  // Warm both up, then alternate short rounds and keep the medians: a noisy machine slows both alike.
  measure(bareFn, 300);
  measure(explainedFn, 300);
  const bareRounds: number[] = [];
  const explainedRounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    bareRounds.push(measure(bareFn, 200));
    explainedRounds.push(measure(explainedFn, 200));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bare = median(bareRounds);
  const explained = median(explainedRounds);
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) new WorkingCalendar();
  const build = (performance.now() - t0) / 20;
  return [
    { name: 'calendar: due dates computed per second (3/5/15/20 working days)', value: Math.round(bare), unit: 'ops/s' },
    { name: 'calendar: explained deadlines per second', value: Math.round(explained), unit: 'ops/s' },
    { name: 'calendar: explanation cost relative to a bare due date', value: Math.round((bare / explained) * 100) / 100, unit: 'x' },
    { name: 'calendar: building the calendar (packaged years + overrides)', value: Math.round(build * 100) / 100, unit: 'ms' },
  ];
}
