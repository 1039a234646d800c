/**
 * Benchmark: the gzipped JS + CSS each prerendered form page loads, against the
 * 36 KB budget, and what it loads before any interaction, against the 26 KB
 * on-load budget (issue 11). What a page fetches later (the rules engine, error
 * summary and receipt on submit; the roll-up button for units that relayed the
 * form: web/src/lib/form/lazy.ts) counts towards the total only. Follows what the browser would fetch: the page's stylesheets and
 * scripts, every module they import, and the modules they load lazily, which
 * count towards the total. The island holds no form's code (the server checks
 * answers with the form's schema; the page carries the form as data), so a
 * page weighs the same whatever the number of forms: a chunk built from
 * `schemas/forms/` fails the check.
 *
 * Run after `npm run build:web`:
 *   node web/scripts/measure-bundle.ts [formId] [--check] [--extra-forms N]
 * `--check` exits with 1 when a page is over either budget or the island holds
 * form code. `--extra-forms N` also builds a temporary copy of the repository with N
 * more forms registered (copies of test/fixtures/forms/guide-hang-ngay.ts, the
 * guide's daily form, each with its own id, added as `npm run new-form` adds a
 * form) and checks that every page is within budget and that each page of the
 * real build weighs exactly the same there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GENERIC_FORM_PAGE } from '../../infra/aws/web-routing.ts';
import { registryWithForm } from '../../infra/local/new-form.ts';

const BUDGET = 36 * 1024;
/** What a page may fetch before the officer does anything. */
const ON_LOAD_BUDGET = 26 * 1024;
const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXTRA_FORM_SOURCE = 'test/fixtures/forms/guide-hang-ngay.ts';

// Minifiers quote module specifiers with ', " or `.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

interface PageWeight {
  /** '' for the generic form page (`/bieu-mau/index.html`, served for `/bao-cao/<id>/` of a form added after the build). */
  formId: string;
  files: Array<{ url: string; how: 'load' | 'lazy'; raw: number; gzip: number }>;
  load: number;
  total: number;
}

interface Measured {
  pages: PageWeight[];
  /** Island chunks built from form files: their presence means page weight grows with the number of forms. */
  formChunks: string[];
}

/** Weighs every form page of the site built in `<root>/web`. */
function measure(root: string): Measured {
  const build = path.join(root, 'web', 'build');
  const pagesDir = path.join(build, 'bao-cao');
  if (!existsSync(pagesDir)) throw new Error(`no build in ${build}: run \`npm run build:web\` first`);
  const manifest = JSON.parse(readFileSync(path.join(root, 'web/static/_island/.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; src?: string }
  >;
  const formChunks = Object.values(manifest)
    .filter((c) => c.src?.includes('schemas/forms/'))
    .map((c) => `${c.src} → ${c.file}`);

  /** Site-absolute URL → file path under build/. */
  const fileOf = (url: string) => path.join(build, new URL(url, 'http://x/').pathname);
  function follow(url: string, seen: Map<string, 'load' | 'lazy'>, how: 'load' | 'lazy'): void {
    if (seen.get(url) === 'load' || (seen.has(url) && how === 'lazy')) return;
    seen.set(url, how);
    if (!url.endsWith('.js')) return;
    const code = readFileSync(fileOf(url), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) follow(new URL(m[1]!, `http://x${url}`).pathname, seen, how);
    for (const m of code.matchAll(DYNAMIC_IMPORT)) follow(new URL(m[1]!, `http://x${url}`).pathname, seen, 'lazy');
  }

  // `/bao-cao/` itself lists the reports due (a SvelteKit page, not a form page).
  const ids = ['', ...readdirSync(pagesDir).filter((id) => existsSync(path.join(pagesDir, id, 'index.html')))];
  const pages = ids.map((formId): PageWeight => {
    const html = readFileSync(path.join(build, formId ? `bao-cao/${formId}/index.html` : GENERIC_FORM_PAGE), 'utf8');
    const seen = new Map<string, 'load' | 'lazy'>();
    for (const m of html.matchAll(/<link\b[^>]*>/g)) {
      const href = /href="([^"]+)"/.exec(m[0])?.[1];
      if (href?.startsWith('/') && /rel="(modulepreload|stylesheet)"/.test(m[0])) follow(href, seen, 'load');
    }
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)) follow(m[1]!, seen, 'load');
    const files = [...seen].sort().map(([url, how]) => {
      const bytes = readFileSync(fileOf(url));
      return { url, how, raw: bytes.length, gzip: gzipSync(bytes).length };
    });
    const load = files.filter((f) => f.how === 'load').reduce((sum, f) => sum + f.gzip, 0);
    return { formId, files, load, total: files.reduce((sum, f) => sum + f.gzip, 0) };
  });
  return { pages, formChunks };
}

/** Copies what the web build reads into a temporary directory, registers `count` more forms and builds it. */
function buildWithExtraForms(count: number): { root: string; ids: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'extra-forms-'));
  const skip = new Set(['node_modules', 'build', '.svelte-kit', '_island', 'cdk.out']);
  for (const part of ['package.json', 'tsconfig.json', 'schemas', 'functions', 'web']) {
    cpSync(path.join(REPO_ROOT, part), path.join(root, part), { recursive: true, filter: (src) => !skip.has(path.basename(src)) });
  }
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');

  const source = readFileSync(path.join(REPO_ROOT, EXTRA_FORM_SOURCE), 'utf8');
  const [sourceId] = /(?<=\bid: ')[a-z0-9-]+(?=')/.exec(source) ?? [];
  if (!sourceId) throw new Error(`no \`id: '…'\` in ${EXTRA_FORM_SOURCE}`);
  const registryFile = path.join(root, 'schemas', 'registry.ts');
  let registry = readFileSync(registryFile, 'utf8');
  const ids = Array.from({ length: count }, (_, i) => `them-${String(i + 1).padStart(3, '0')}-${sourceId}`);
  for (const id of ids) {
    writeFileSync(path.join(root, 'schemas', 'forms', `${id}.ts`), source.replace(`id: '${sourceId}'`, `id: '${id}'`));
    registry = registryWithForm(registry, id);
  }
  writeFileSync(registryFile, registry);

  // `prepare` (svelte-kit sync) writes what web/tsconfig.json extends.
  const built = ['prepare', 'build:web'].map((script) => spawnSync('npm', ['run', script], { cwd: root, encoding: 'utf8' })).find((r) => r.status !== 0);
  if (built) throw new Error(`the build with ${count} extra forms failed:\n${built.stdout}\n${built.stderr}`);
  return { root, ids };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pageName = (formId: string) => (formId ? `/bao-cao/${formId}/` : `${GENERIC_FORM_PAGE} (generic page, forms added after the build)`);

function report(label: string, measured: Measured, detailed: boolean): string[] {
  const problems = measured.formChunks.map(
    (chunk) => `${label}: the island holds form code (${chunk}): form pages would grow with every form registered.`,
  );
  for (const page of measured.pages) {
    if (detailed) {
      console.log(`\n${pageName(page.formId)}`);
      for (const f of page.files) {
        console.log(`  ${f.how.padEnd(5)} ${f.url.padEnd(56)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(8)} gzip`);
      }
      console.log(
        `  on load ${kb(page.load)}, later ${kb(page.total - page.load)}, TOTAL ${kb(page.total)} gzip: ` +
          `${page.total <= BUDGET ? 'within' : 'OVER'} the ${kb(BUDGET)} budget (${((page.total / BUDGET) * 100).toFixed(0)}%)`,
      );
    }
    if (page.total > BUDGET) problems.push(`${label}: ${pageName(page.formId)} weighs ${kb(page.total)}, over the ${kb(BUDGET)} budget.`);
    if (page.load > ON_LOAD_BUDGET) {
      problems.push(`${label}: ${pageName(page.formId)} loads ${page.load} bytes before any interaction, over the ${ON_LOAD_BUDGET}-byte on-load budget.`);
    }
  }
  const heaviest = measured.pages.reduce((a, b) => (b.total > a.total ? b : a));
  const mostOnLoad = measured.pages.reduce((a, b) => (b.load > a.load ? b : a));
  console.log(
    `\n${label}: ${measured.pages.length - 1} form pages + the generic one; heaviest ${kb(heaviest.total)} in total ` +
      `(budget ${kb(BUDGET)}: ${heaviest.total <= BUDGET ? 'within' : 'OVER'}), ` +
      `${kb(mostOnLoad.load)} on load (${mostOnLoad.load} bytes; budget ${kb(ON_LOAD_BUDGET)}: ${mostOnLoad.load <= ON_LOAD_BUDGET ? `within, ${ON_LOAD_BUDGET - mostOnLoad.load} bytes to spare` : `${mostOnLoad.load - ON_LOAD_BUDGET} bytes OVER`}).`,
  );
  return problems;
}

const args = process.argv.slice(2);
const extraAt = args.indexOf('--extra-forms');
const extra = extraAt >= 0 ? Number(args[extraAt + 1]) : 0;
if (!Number.isInteger(extra) || extra < 0) {
  console.error('--extra-forms takes a number of forms, e.g. --extra-forms 50');
  process.exit(2);
}
const wanted = args.find((a, i) => !a.startsWith('--') && (extraAt < 0 || i !== extraAt + 1));

let base: Measured;
try {
  base = measure(REPO_ROOT);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
if (wanted !== undefined) base.pages = base.pages.filter((p) => p.formId === wanted);
const problems = report('With the registered forms', base, true);

if (extra > 0) {
  console.log(`\nBuilding a copy with ${extra} extra forms (${EXTRA_FORM_SOURCE} under new ids)…`);
  const { root, ids } = buildWithExtraForms(extra);
  try {
    const more = measure(root);
    const built = new Set(more.pages.map((p) => p.formId));
    for (const id of ids) if (!built.has(id)) problems.push(`With ${extra} extra forms: no page for ${id}.`);
    problems.push(...report(`With ${extra} extra forms`, more, false));
    // Independence, exactly: a page's scripts and styles do not change when other forms are registered.
    for (const page of base.pages) {
      const there = more.pages.find((p) => p.formId === page.formId);
      if (there && there.total !== page.total) {
        problems.push(`${pageName(page.formId)} weighs ${there.total} bytes with ${extra} extra forms, ${page.total} without: page weight depends on the number of forms.`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

for (const problem of problems) console.error(problem);
process.exit(args.includes('--check') && problems.length > 0 ? 1 : 0);
