/**
 * Benchmark: the gzipped JS + CSS each prerendered form page loads, against the
 * 36 KB budget. Follows what the browser would fetch: the page's stylesheets
 * and scripts, every module they import, and the modules they load lazily,
 * which count towards the total. The island holds no form's code (the server
 * checks answers with the form's schema; the page carries the form as data),
 * so a page weighs the same whatever the number of forms: a chunk built from
 * `schemas/forms/` fails the check.
 *
 * Run after `npm run build:web`: `node_modules/.bin/node web/scripts/measure-bundle.ts [formId] [--check]`.
 * With `--check` it exits with 1 when a page is over budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 36 * 1024;
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

/** Chunks built from form files: their presence means page weight grows with the number of forms. */
const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../static/_island/.vite/manifest.json'), 'utf8')) as Record<
  string,
  { file: string; src?: string }
>;
const formChunks = Object.values(manifest).filter((c) => c.src?.includes('schemas/forms/'));

function follow(url: string, seen: Map<string, 'load' | 'lazy'>, how: 'load' | 'lazy'): void {
  if (seen.get(url) === 'load' || (seen.has(url) && how === 'lazy')) return;
  seen.set(url, how);
  if (!url.endsWith('.js')) return;
  const code = readFileSync(fileOf(url), 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) follow(new URL(m[1]!, `http://x${url}`).pathname, seen, how);
  for (const m of code.matchAll(DYNAMIC_IMPORT)) follow(new URL(m[1]!, `http://x${url}`).pathname, seen, 'lazy');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const args = process.argv.slice(2);
const wanted = args.find((a) => !a.startsWith('--'));
let over = false;
for (const chunk of formChunks) {
  console.error(`The island holds form code (${chunk.src} → ${chunk.file}): form pages would grow with every form registered.`);
  over = true;
}

const pages = ['', ...readdirSync(pagesDir).filter((id) => existsSync(path.join(pagesDir, id, 'index.html')))];
for (const formId of pages.filter((id) => wanted === undefined || id === wanted)) {
  const html = readFileSync(path.join(pagesDir, formId, 'index.html'), 'utf8');
  const seen = new Map<string, 'load' | 'lazy'>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    if (href?.startsWith('/') && /rel="(modulepreload|stylesheet)"/.test(m[0])) follow(href, seen, 'load');
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)) follow(m[1]!, seen, 'load');

  console.log(formId ? `\n/bao-cao/${formId}/` : '\n/bao-cao/ (generic page, forms added after the build)');
  const totals = { load: 0, lazy: 0 };
  for (const [url, how] of [...seen].sort()) {
    const bytes = readFileSync(fileOf(url));
    const gz = gzipSync(bytes).length;
    totals[how] += gz;
    console.log(`  ${how.padEnd(5)} ${url.padEnd(56)} ${kb(bytes.length).padStart(9)} raw ${kb(gz).padStart(8)} gzip`);
  }
  const total = totals.load + totals.lazy;
  console.log(`  on load ${kb(totals.load)}, later ${kb(totals.lazy)}, TOTAL ${kb(total)} gzip: ${total <= BUDGET ? 'within' : 'OVER'} the ${kb(BUDGET)} budget (${((total / BUDGET) * 100).toFixed(0)}%)`);
  over ||= total > BUDGET;
}
process.exit(args.includes('--check') && over ? 1 : 0);
