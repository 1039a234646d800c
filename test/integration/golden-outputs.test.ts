/**
 * The six forms' outputs for fixed demo data stay what they were: page
 * descriptor, stored submissions, roll-up drafts, dashboard, and per period
 * the summary JSON, the email (subject, text, HTML), every XLSX cell with its
 * number format, and every CSV. Compared with test/fixtures/golden/<form>.json,
 * one test per form and part, failures listing `path: golden → now`.
 *
 * The recorded submissions are replayed (through validation, into DynamoDB
 * Local), so a rewritten form is judged on the same data; the `demo` test says
 * separately whether the form's `demo` still produces that data.
 *
 * After a deliberate change of output: `npm run golden:update` (sets
 * GOLDEN_UPDATE=1: submissions are planned anew from each form's `demo` and
 * every file is rewritten), then review `git diff test/fixtures/golden`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadForms } from '#schemas/registry.ts';
import { diffJson, generateGolden, GOLDEN_PARTS, partOf, planDemoInputs, stableJson, type GoldenForm } from '../support/golden.ts';
import { freshRuntime } from '../support/local-runtime.ts';

const DIR = join(import.meta.dirname, '../fixtures/golden');
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const SHOWN = 40;
const formIds = (await loadForms()).list().map((form) => form.id).sort();

const recorded: Record<string, GoldenForm> = {};
if (existsSync(DIR)) {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    recorded[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as GoldenForm;
  }
}

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let fresh: Record<string, GoldenForm>;

beforeAll(async () => {
  runtime = await freshRuntime();
  fresh = await generateGolden(runtime.service, runtime.clock, UPDATE ? undefined : recorded);
  if (UPDATE) {
    for (const file of existsSync(DIR) ? readdirSync(DIR) : []) rmSync(join(DIR, file));
    mkdirSync(DIR, { recursive: true });
    for (const [id, golden] of Object.entries(fresh)) {
      writeFileSync(join(DIR, `${id}.json`), stableJson(golden));
      recorded[id] = golden;
    }
  }
});
afterAll(() => runtime?.db.destroy());

function expectSame(label: string, golden: unknown, now: unknown) {
  const differences = diffJson(golden, now);
  if (differences.length === 0) return;
  const more = differences.length > SHOWN ? `\n… and ${differences.length - SHOWN} more` : '';
  throw new Error(
    `${label}: ${differences.length} difference(s) from test/fixtures/golden (golden → now):\n${differences.slice(0, SHOWN).join('\n')}${more}\n` +
      'If the change is deliberate: npm run golden:update, then review git diff test/fixtures/golden.',
  );
}

test('every registered form has a golden file, and every golden file a registered form', () => {
  expect(Object.keys(UPDATE ? fresh : recorded).sort()).toEqual(formIds);
});

describe.each(formIds)('%s', (formId) => {
  test.each(GOLDEN_PARTS)('%s is unchanged', (part) => {
    const golden = recorded[formId];
    if (!golden) throw new Error(`no test/fixtures/golden/${formId}.json: run npm run golden:update`);
    expectSame(`${formId} › ${part}`, partOf(golden, part), partOf(fresh[formId]!, part));
  });

  test('demo still produces the recorded submissions', async () => {
    const golden = recorded[formId];
    if (!golden) throw new Error(`no test/fixtures/golden/${formId}.json: run npm run golden:update`);
    const forms = runtime.service.forms();
    const form = runtime.service.form(formId);
    const planned = JSON.parse(JSON.stringify(planDemoInputs(form, runtime.service.outputs(formId).demo, forms, await runtime.service.reporters(formId)))) as unknown;
    expectSame(`${formId} › demo`, golden.inputs.filter((i) => !i.origin), planned);
  });
});
