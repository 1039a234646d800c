/**
 * Benchmark: the gzipped JS + CSS each prerendered form page loads, against the
 * ~40 KB budget. Follows what the browser would fetch: the page's stylesheets
 * and scripts, every module they import, and the modules they load lazily
 * (the form's schema chunk, needed on submit), which count towards the total.
 * The island can load every form's schema; a page counts only its own form's
 * (the generic page `/bao-cao/`, for forms built after the web, none).
 *
 * Run after `npm run build:web`: `node_modules/.bin/node web/scripts/measure-bundle.ts [formId] [--check]`.
 * With `--check` it exits with 1 when a page is over budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 40 * 1024;
const build = path.resolve(import.meta.dirname, '..', 'build');
const pagesDir = path.join(build, 'bao-cao');
if (!existsSync(pagesDir)) {
  console.error('No build found: run `npm run build:web` first.');
  process.exit(2);
}

// Minifiers quote module specifiers with ', " or `.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** Site-absolute URL → file path under build/. */
const fileOf = (url: string) => path.join(build, new URL(url, 'http://x/').pathname);

/** Form schema chunks by form id, from the island build's manifest (chunks are named after the form's file). */
const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../static/_island/.vite/manifest.json'), 'utf8')) as Record<
  string,
  { file: string; name?: string; src?: string; isDynamicEntry?: boolean }
>;
const formChunks = new Map(
  Object.values(manifest)
    .filter((c) => c.isDynamicEntry && c.src?.includes('/forms/'))
    .map((c) => [`/_island/${c.file}`, c.name ?? '']),
);

function follow(url: string, seen: Map<string, 'load' | 'lazy'>, how: 'load' | 'lazy', formId: string): void {
  if (seen.get(url) === 'load' || (seen.has(url) && how === 'lazy')) return;
  if (formChunks.has(url) && formChunks.get(url) !== formId) return;
  seen.set(url, how);
  if (!url.endsWith('.js')) return;
  const code = readFileSync(fileOf(url), 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) follow(new URL(m[1]!, `http://x${url}`).pathname, seen, how, formId);
  for (const m of code.matchAll(DYNAMIC_IMPORT)) follow(new URL(m[1]!, `http://x${url}`).pathname, seen, 'lazy', formId);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const args = process.argv.slice(2);
const wanted = args.find((a) => !a.startsWith('--'));
let over = false;

const pages = ['', ...readdirSync(pagesDir).filter((id) => existsSync(path.join(pagesDir, id, 'index.html')))];
for (const formId of pages.filter((id) => wanted === undefined || id === wanted)) {
  const html = readFileSync(path.join(pagesDir, formId, 'index.html'), 'utf8');
  if (formId && ![...formChunks.values()].includes(formId)) {
    // Chunks are named after the form's file; a file not named like its form would go uncounted.
    console.error(`\n/bao-cao/${formId}/: no schema chunk named ${formId} in the island build`);
    over = true;
  }
  const seen = new Map<string, 'load' | 'lazy'>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    if (href?.startsWith('/') && /rel="(modulepreload|stylesheet)"/.test(m[0])) follow(href, seen, 'load', formId);
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)) follow(m[1]!, seen, 'load', formId);

  console.log(formId ? `\n/bao-cao/${formId}/` : '\n/bao-cao/ (generic page, forms added after the build)');
  const totals = { load: 0, lazy: 0 };
  for (const [url, how] of [...seen].sort()) {
    const bytes = readFileSync(fileOf(url));
    const gz = gzipSync(bytes).length;
    totals[how] += gz;
    console.log(`  ${how.padEnd(5)} ${url.padEnd(56)} ${kb(bytes.length).padStart(9)} raw ${kb(gz).padStart(8)} gzip`);
  }
  const total = totals.load + totals.lazy;
  console.log(`  on load ${kb(totals.load)}, on submit ${kb(totals.lazy)}, TOTAL ${kb(total)} gzip: ${total <= BUDGET ? 'within' : 'OVER'} the ${kb(BUDGET)} budget (${((total / BUDGET) * 100).toFixed(0)}%)`);
  over ||= total > BUDGET;
}
process.exit(args.includes('--check') && over ? 1 : 0);
