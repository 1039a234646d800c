/**
 * A browser test whose setup fails half-way leaves nothing running: the
 * platform (DynamoDB Local's JVM, the SMTP sink, the server) started before the
 * failing step is stopped again, and the failure is one line saying what to do.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { startE2E } from '../support/e2e.ts';

const javaChildren = () =>
  execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /\bjava\b/.test(line));

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

test('Chromium missing: one line naming the install command, and the platform started before it is stopped', async () => {
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  const failure = (await startE2E().then(
    (e2e) => e2e,
    (e: unknown) => e,
  )) as Error;
  expect(failure).toBeInstanceOf(Error);
  expect(failure.message).toMatch(/apt-get install chromium/);
  expect(failure.message.split('\n')).toHaveLength(1);
  expect(javaChildren()).toEqual([]);
});
