/**
 * `npm run bench`: speed and size figures, printed, never asserted (these machines are noisy:
 * read ratios within one run). `npm run bench -- calendar intake` runs only those sections.
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { accessCodeFigures } from './access-code.ts';
import { calendarFigures, type Figure } from './calendar.ts';

const sections: [string, () => Promise<Figure[]> | Figure[]][] = [
  ['calendar', calendarFigures],
  ['access-code', accessCodeFigures],
  ['intake', async () => (await import('./intake.ts')).intakeFigures()],
  ['lambda', async () => (await import('./lambda-bundles.ts')).lambdaBundleFigures()],
  ['reads', async () => (await import('./reads.ts')).readFigures()],
];

try {
  const { webSizeFigures } = await import('./web-size.ts');
  sections.push(['web', webSizeFigures]);
} catch {
  console.log('(web size: web-size.ts not available)');
}

const wanted = process.argv.slice(2);
const shell = (cmd: string) => {
  try {
    return execSync(cmd, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
console.log(`# bench ${new Date().toISOString()}  node ${process.version}`);
console.log(`nproc ${shell('nproc')} (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(shell('free -h'));

for (const [name, run] of sections) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  const t0 = performance.now();
  for (const f of await run()) console.log(`${f.name.padEnd(100)} ${String(f.value).padStart(12)} ${f.unit}`);
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
