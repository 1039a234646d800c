/**
 * The house rules, read from the sources: which room may import which, one
 * calendar, one place for the status words. A change that breaks one fails here
 * with the offending file named.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../infra/aws/bundling.ts';

const SOURCE = /\.(ts|svelte)$/;
const SKIP = new Set(['node_modules', 'build', '.svelte-kit', 'cdk.out', '.data', 'static']);

function files(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(join(REPO_ROOT, path)).isDirectory()) return files(path);
    return SOURCE.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports, as a path from the repository root (package imports as written). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith('#schemas/')) return `schemas/${spec.slice(9)}`;
    if (spec.startsWith('#functions/')) return `functions/${spec.slice(11)}`;
    if (spec.startsWith('#lib/')) return `web/src/lib/${spec.slice(5)}`;
    if (spec.startsWith('.')) return relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file), spec));
    return spec;
  });
}

const arrows = (from: string[], to: (target: string) => boolean) =>
  from.flatMap((file) => importsOf(file).filter(to).map((target) => `${file} → ${target}`));

describe('the rooms of the house', () => {
  test('schemas import nothing of functions, web or infra', () => {
    expect(arrows(files('schemas'), (t) => /^(functions|web|infra)\//.test(t))).toEqual([]);
  });

  test('the composition root builds no app: functions/runtime.ts imports nothing from functions/api', () => {
    expect(arrows(['functions/runtime.ts'], (t) => t.startsWith('functions/api/'))).toEqual([]);
  });

  test('core imports no entry point (api, jobs) and no composition root', () => {
    expect(arrows(files('functions/core'), (t) => /^functions\/(api|jobs)\//.test(t) || t === 'functions/runtime.ts')).toEqual([]);
  });

  test('the AWS app does not reach into the local runtime', () => {
    expect(arrows(files('infra/aws'), (t) => t.startsWith('infra/local/'))).toEqual([]);
  });

  test('the web takes nothing from functions but the type-only contract', () => {
    const web = [...files('web/src'), ...files('web/island')];
    expect(arrows(web, (t) => t.startsWith('functions/') && t !== 'functions/api/contract.ts')).toEqual([]);
    for (const file of web) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      for (const m of text.matchAll(/import\s+(type\s+)?[^'"]*from\s*['"]#functions\/[^'"]+['"]/g)) expect(m[1], `${file}: ${m[0]}`).toBeTruthy();
    }
  });
});

describe('one of each', () => {
  const all = [...files('schemas'), ...files('functions'), ...files('web/src'), ...files('web/island'), ...files('infra')];
  const holding = (text: string) => all.filter((f) => readFileSync(join(REPO_ROOT, f), 'utf8').includes(text));

  test('Vietnam’s time zone is named in one source file, the calendar', () => {
    expect(holding('Asia/Ho_Chi_Minh')).toEqual(['schemas/core/calendar.ts']);
  });

  test('each report status word is written in one source file', () => {
    for (const word of ["'Đúng hạn'", "'Muộn'", "'Chưa báo cáo'", "'Tổng hợp từ cấp dưới'"]) expect(holding(word), word).toEqual(['schemas/core/format.ts']);
  });
});
