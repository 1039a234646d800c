/**
 * `npm run new-form -- <id>`, run into a temporary copy of `schemas/`: the form
 * it writes type-checks, its test passes and the registry's convention test
 * accepts the new line; a taken or malformed id writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../infra/aws/bundling.ts';
import { refuseFormId, registryWithForm } from '../../infra/local/new-form.ts';

let copy: string;
const run = (...args: string[]) => spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8' });
const newForm = (...args: string[]) => run(path.join(REPO_ROOT, 'infra/local/new-form.ts'), ...args, '--dir', copy);

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'new-form-'));
  cpSync(path.join(REPO_ROOT, 'schemas'), path.join(copy, 'schemas'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'package.json'), path.join(copy, 'package.json'));
  for (const file of ['submit-forms.ts', 'submit-forms.test.ts']) cpSync(path.join(REPO_ROOT, 'functions/api', file), path.join(copy, 'functions/api', file));
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  // The project's compiler options, on the scaffolded files alone (and what they import): the rest is checked by `npm run check`.
  const tsconfig = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
  const files = ['schemas/forms/9999-so-giuong-benh.ts', 'schemas/forms/9999-so-giuong-benh.test.ts', 'schemas/registry.ts', 'functions/api/submit-forms.ts'];
  writeFileSync(path.join(copy, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: undefined, files }));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run new-form', () => {
  test('scaffolds a form, its test and the registry lines; all check and pass', () => {
    const made = newForm('9999-so-giuong-benh');
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('schemas/forms/9999-so-giuong-benh.test.ts');
    expect(readFileSync(path.join(copy, 'schemas/registry.ts'), 'utf8')).toContain(
      "  '9999-so-giuong-benh': () => import('./forms/9999-so-giuong-benh.ts'),\n};",
    );
    expect(readFileSync(path.join(copy, 'functions/api/submit-forms.ts'), 'utf8')).toMatch(
      /\nexport \{ default as '9999-so-giuong-benh' \} from '#schemas\/forms\/9999-so-giuong-benh.ts';\n$/,
    );

    const tsc = run(path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json');
    expect(tsc.stdout + tsc.stderr).toBe('');

    const vitest = run(
      path.join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      copy,
      'schemas/forms/9999-so-giuong-benh.test.ts',
      'schemas/registry.test.ts',
      'functions/api/submit-forms.test.ts',
    );
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0);
    expect(vitest.stdout).toMatch(/Test Files\s.*3 passed/);
  }, 120_000);

  test('refuses a taken id and a malformed one, in Vietnamese, writing nothing', () => {
    const before = readFileSync(path.join(copy, 'schemas/registry.ts'), 'utf8');
    const taken = newForm('971-nhan-luc-y-te');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('Đã có biểu mẫu "971-nhan-luc-y-te"');
    const bad = newForm('Sổ_Giường');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Mã biểu mẫu "Sổ_Giường" không hợp lệ');
    expect(readFileSync(path.join(copy, 'schemas/registry.ts'), 'utf8')).toBe(before);
  });
});

describe('the id rules', () => {
  test.each([
    ['', 'Thiếu mã biểu mẫu'],
    ['abc-', 'không hợp lệ'],
    ['a--b', 'không hợp lệ'],
    ['ABC', 'không hợp lệ'],
    ['x', 'Đã có biểu mẫu'],
  ])('refuses %j', (id, message) => {
    expect(refuseFormId(id, ['x'])).toContain(message);
  });

  test('accepts a kebab-case id not yet taken', () => {
    expect(refuseFormId('1234-so-giuong-benh', ['x'])).toBeUndefined();
  });

  test('a registry whose list it cannot find is left to the developer', () => {
    expect(() => registryWithForm('export const formLoaders = {};', 'a')).toThrow(/thêm dòng đăng ký bằng tay/);
  });
});
