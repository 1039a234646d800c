/**
 * Thousands of bad bodies through the real HTTP app against DynamoDB Local:
 * every one is refused with its 4xx and a stable error code, none gets a 5xx,
 * and the table is exactly as it was. `npm run fuzz` runs the same with more.
 * A failure prints its seed: `FUZZ_SEED=<seed> npx vitest run --project integration test/integration/fuzz.test.ts`.
 */
import { beforeAll, expect, test } from 'vitest';
import { freshRuntime, signIn } from '../support/local-runtime.ts';
import { fuzzTargets, runFuzz, scanTable, send, type Target } from '../fuzz/bodies.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PER_TARGET = Number(process.env.FUZZ_PER_TARGET ?? 375);

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let targets: Target[];

beforeAll(async () => {
  runtime = await freshRuntime();
  targets = await fuzzTargets(runtime, (user) => signIn(runtime, user));
});

test(`bad bodies to every form and the admin routes → 4xx with a code, never 5xx, nothing written (seed ${SEED})`, { timeout: 120_000 }, async () => {
  const before = await scanTable(runtime.db, runtime.tableName);
  const report = await runFuzz(runtime.app, targets, { seed: SEED, perTarget: PER_TARGET });
  const after = await scanTable(runtime.db, runtime.tableName);

  const summary = `seed ${SEED}: ${report.sent} bodies in ${Math.round(report.elapsedMs)} ms, statuses ${JSON.stringify(report.byStatus)}`;
  expect(report.failures.filter((f) => !f.got.startsWith("4")).concat(report.failures).slice(0, 5), `${summary}; first failures`).toEqual([]);
  expect(Object.keys(report.byStatus).filter((s) => Number(s) >= 500), summary).toEqual([]);
  expect(after, `the table changed (${summary})`).toEqual(before);
  expect(report.sent).toBe(PER_TARGET * targets.length);
});

test('the unpoisoned body of each target is accepted, so refusals above are not a wrong address', async () => {
  for (const target of targets) {
    const outcome = await send(runtime.app, {
      target,
      kind: 'type',
      steps: [],
      contentType: 'application/json',
      body: new TextEncoder().encode(JSON.stringify(target.valid)),
    });
    expect([target.name, outcome.status]).toEqual([target.name, target.method === 'PUT' || target.name === 'create user' ? 201 : 200]);
  }
});
