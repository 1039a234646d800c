/**
 * Prints the gzipped JS + CSS each prerendered form page loads, against the
 * ~40 KB budget: what its HTML preloads and links, every chunk those import,
 * and the form's lazily loaded schema chunk (needed on submit).
 *
 * Run after `npm run build:web`: `node_modules/.bin/node web/scripts/measure-bundle.ts [formId] [--check]`.
 * With `--check` it exits with 1 when a page is over budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 40 * 1024;
const web = path.resolve(import.meta.dirname, '..');
const build = path.join(web, 'build');
const manifestFile = path.join(web, '.svelte-kit/output/client/.vite/manifest.json');

interface ManifestEntry {
  file: string;
  src?: string;
  imports?: string[];
  css?: string[];
}

if (!existsSync(manifestFile) || !existsSync(build)) {
  console.error('No build found: run `npm run build:web` first.');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestEntry>;
const byFile = new Map(Object.values(manifest).map((entry) => [entry.file, entry]));

/** Adds a file and, for JS, everything it statically imports, as the browser would fetch them. */
function addWithImports(file: string, into: Set<string>): void {
  if (into.has(file)) return;
  into.add(file);
  const entry = byFile.get(file);
  for (const key of entry?.imports ?? []) {
    const imported = manifest[key];
    if (imported) addWithImports(imported.file, into);
  }
  for (const css of entry?.css ?? []) into.add(css);
}

/** Asset URLs a prerendered page references: modulepreloads, stylesheets, scripts and the boot script's imports. */
function assetsOf(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href && /rel="(modulepreload|stylesheet)"/.test(tag)) urls.add(href);
  }
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) urls.add(match[1]!);
  return [...urls].filter((url) => url.includes('/_app/')).map((url) => url.slice(url.indexOf('_app/')));
}

function gzipSize(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path.join(build, file));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const pagesDir = path.join(build, 'bao-cao');
const args = process.argv.slice(2);
const check = args.includes('--check');
const wanted = args.find((arg) => !arg.startsWith('--'));
const formIds = readdirSync(pagesDir).filter((id) => !wanted || id === wanted);
if (formIds.length === 0) {
  console.error(`No prerendered form page${wanted ? ` for ${wanted}` : ''} in ${pagesDir}.`);
  process.exit(2);
}

let over = false;
for (const formId of formIds) {
  const html = readFileSync(path.join(pagesDir, formId, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const file of assetsOf(html)) addWithImports(file, initial);

  const formEntry = Object.values(manifest).find((entry) => entry.src?.endsWith(`schemas/forms/${formId}.ts`));
  const lazy = new Set<string>();
  if (formEntry) addWithImports(formEntry.file, lazy);
  for (const file of initial) lazy.delete(file);

  console.log(`\n/bao-cao/${formId}/`);
  let total = 0;
  for (const [label, files] of [
    ['on load', initial],
    ['on submit (form schema)', lazy],
  ] as const) {
    let subtotal = 0;
    for (const file of [...files].sort()) {
      const size = gzipSize(file);
      subtotal += size.gzip;
      console.log(`  ${file.padEnd(52)} ${kb(size.raw).padStart(9)} raw ${kb(size.gzip).padStart(9)} gzip`);
    }
    console.log(`  ${`subtotal ${label}`.padEnd(52)} ${''.padStart(13)} ${kb(subtotal).padStart(9)} gzip`);
    total += subtotal;
  }
  if (!formEntry) console.log('  (no lazy form chunk found in the manifest)');
  const verdict = total <= BUDGET ? 'within' : 'OVER';
  console.log(`  TOTAL JS+CSS: ${total} bytes gzip (${kb(total)}), ${verdict} the ${kb(BUDGET)} budget`);
  over ||= total > BUDGET;
}
process.exit(check && over ? 1 : 0);
