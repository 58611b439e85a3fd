/**
 * Size of the web pages' JavaScript as a phone downloads it: gzipped, per entry. The citizen
 * pages (the entry and everything it imports statically) have a budget of 100 KB; the staff
 * console is a chunk loaded only under /console.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb, ROOT } from '../browser/browser.ts';
import type { Figure } from './calendar.ts';

interface Chunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const DIST = join(ROOT, 'web/dist');
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** A chunk's file and every file it imports statically (what the browser must load before it runs). */
function closure(manifest: Record<string, Chunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

export async function webSizeFigures(): Promise<Figure[]> {
  buildWeb();
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const figures: Figure[] = [];
  const citizenKeys = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue;
    const keys = closure(manifest, key);
    keys.forEach((k) => citizenKeys.add(k));
    const js = [...keys].reduce((sum, k) => sum + gzipped(manifest[k]!.file), 0);
    const css = (chunk.css ?? []).reduce((sum, f) => sum + gzipped(f), 0);
    figures.push({ name: `web: citizen pages JS, gzipped (${key}, budget 100 KB)`, value: kb(js), unit: 'KB' });
    figures.push({ name: `web: citizen pages CSS, gzipped (${key})`, value: kb(css), unit: 'KB' });
  }
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry) continue;
    // Only what the lazy chunk adds: the entry's code is already loaded.
    const extra = [...closure(manifest, key)].filter((k) => !citizenKeys.has(k));
    const js = extra.reduce((sum, k) => sum + gzipped(manifest[k]!.file), 0);
    figures.push({ name: `web: lazy chunk JS added, gzipped (${key})`, value: kb(js), unit: 'KB' });
  }
  return figures;
}
