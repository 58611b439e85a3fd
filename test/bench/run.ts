/**
 * `npm run bench`: speed and size figures, printed, never asserted (these machines are noisy:
 * read ratios within one run).
 */
import { calendarFigures, type Figure } from './calendar.ts';

const sections: [string, () => Promise<Figure[]> | Figure[]][] = [['calendar', calendarFigures]];

try {
  const { webSizeFigures } = await import('./web-size.ts');
  sections.push(['web', webSizeFigures]);
} catch {
  console.log('(web size: web-size.ts not available)');
}

for (const [name, run] of sections) {
  console.log(`\n## ${name}`);
  for (const f of await run()) console.log(`${f.name.padEnd(70)} ${String(f.value).padStart(12)} ${f.unit}`);
}
