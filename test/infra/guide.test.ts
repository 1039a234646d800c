/**
 * The authoring guide cannot drift from code that runs: every
 * `<!-- include: path -->` in schemas/README.md is followed by a code block
 * equal to that file, and both guide examples are included. The files
 * themselves are exercised by test/integration/guide-forms.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../infra/aws/bundling.ts';

const readme = readFileSync(join(REPO_ROOT, 'schemas/README.md'), 'utf8');
const includes = [...readme.matchAll(/<!-- include: (\S+) -->\n```ts\n([\s\S]*?)```\n/g)].map((m) => ({ path: m[1]!, block: m[2]! }));

describe('schemas/README.md', () => {
  test('includes both guide examples', () => {
    expect(includes.map((i) => i.path)).toEqual(['test/fixtures/forms/guide-mot-lan.ts', 'test/fixtures/forms/guide-hang-ngay.ts']);
  });

  test.each(includes)('shows $path exactly as it is', ({ path, block }) => {
    expect(block).toBe(readFileSync(join(REPO_ROOT, path), 'utf8'));
  });

  test('every include marker is followed by its code block', () => {
    expect(readme.match(/<!-- include: /g)?.length).toBe(includes.length);
  });
});
