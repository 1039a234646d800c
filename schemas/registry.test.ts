/**
 * The registry's convention: `forms/<id>.ts` is registered as `'<id>'`, its
 * loader loads that very file, and the file's default export is the form `<id>`.
 * A form file nobody registered, or a line pointing at another file, fails here
 * rather than as a missing page or a form the API does not know.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formLoaders } from './registry.ts';

const formsDir = path.join(import.meta.dirname, 'forms');
const formFiles = readdirSync(formsDir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
  .map((entry) => entry.name.slice(0, -'.ts'.length));

describe('the form registry', () => {
  test('registers every form file under its file name, and nothing else', () => {
    expect(Object.keys(formLoaders).sort()).toEqual(formFiles.sort());
  });

  test.each(Object.keys(formLoaders))('loads forms/%s.ts, whose default export is the form of that id', async (id) => {
    const loaded = await formLoaders[id]!();
    const file = (await import(pathToFileURL(path.join(formsDir, `${id}.ts`)).href)) as { default: { id: string } };
    // The same module instance: the loader imports this very file, not another one exporting the same id.
    expect(loaded).toBe(file);
    expect(file.default.id).toBe(id);
    // Nothing else: the build derives what the browser needs, so a form file has no exports for tools;
    // its outputs (summary, demo data) are apart from the form so the submit path's bundle leaves them out.
    expect(Object.keys(file).sort()).toEqual(['default', 'outputs']);
    const { outputs } = file as unknown as { outputs: Record<string, unknown> };
    expect([typeof outputs['summary'], typeof outputs['demo']]).toEqual(['function', 'function']);
    expect(readFileSync(path.join(formsDir, `${id}.ts`), 'utf8')).not.toContain('@__PURE__');
  });

  test('form ids are kebab-case, as the scaffolder and the page addresses expect', () => {
    for (const id of Object.keys(formLoaders)) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
