/**
 * What a daily form's summary reads: its own day's partition, and the earlier
 * days' only when its outputs add them up (`earlierDays`). Queries are counted
 * by partition with SDK middleware on the document client.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { formLoaders } from '#schemas/registry.ts';
import form3294, { outputs as outputs3294 } from '#schemas/forms/3294-tien-do-tiem-hang-ngay.ts';
import { daily } from '#schemas/core/summary-kit.ts';
import type { AnyOutputs } from '#schemas/core/form.ts';
import { buildSummary } from '../../functions/core/summary.ts';
import { freshRuntime, openDailyRound, signIn } from '../support/local-runtime.ts';

// 3294 again under another id, its summary speaking only of the day (no `earlierDays`).
const DAY_ONLY = 'thu-3294-trong-ngay';
const dayOnly: AnyOutputs = {
  demo: outputs3294.demo,
  summary: (input) => ({ figures: [{ label: { vi: 'Số đơn vị đã báo cáo' }, value: input.reports.length }], tables: [] }),
};
const loaders = { ...formLoaders, [DAY_ONLY]: async () => ({ default: { ...form3294, id: DAY_ONLY }, outputs: dayOnly }) };

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let partitions: string[] = [];

beforeAll(async () => {
  runtime = await freshRuntime({ loaders });
  runtime.clock.set(new Date('2021-10-05T12:00:00Z'));
  const [unit] = await runtime.service.reporters(form3294.id);
  for (const formId of [form3294.id, DAY_ONLY]) {
    for (let d = 1; d <= 5; d++) {
      const period = `2021-10-0${d}`;
      await runtime.service.putSubmission({ formId, period, orgUnit: unit!.code }, { data: outputs3294.demo({ unit: unit!, random: () => 0.3, period }), submittedBy: 'x' });
    }
  }
  runtime.db.middlewareStack.add(
    (next, context) => async (args) => {
      const pk = (args.input as { ExpressionAttributeValues?: Record<string, unknown> }).ExpressionAttributeValues?.[':pk'];
      if (context.commandName === 'QueryCommand' && typeof pk === 'string' && pk.startsWith('SUB#')) partitions.push(pk);
      return next(args);
    },
    { step: 'initialize', name: `partitions-${randomUUID()}` },
  );
});

describe('the summary of day 5 of a daily form', () => {
  test('that adds up the round so far reads every day up to it, one partition each', async () => {
    partitions = [];
    const summary = await buildSummary(runtime.service, form3294.id, '2021-10-05', runtime.clock.now());
    expect(partitions.sort()).toEqual([1, 2, 3, 4, 5].map((d) => `SUB#${form3294.id}#2021-10-0${d}`));
    // The round so far: the daily series has a column per day.
    expect(summary.tables.find((t) => t.id === 'daily-series')?.columns.length).toBeGreaterThanOrEqual(5);
  });

  test('that speaks only of its day reads that day alone', async () => {
    partitions = [];
    const summary = await buildSummary(runtime.service, DAY_ONLY, '2021-10-05', runtime.clock.now());
    expect(partitions).toEqual([`SUB#${DAY_ONLY}#2021-10-05`]);
    expect(summary.content.figures[0]!.value).toBe(1);
  });

  test('a later round of the form, opened by an official, is summed from its own first day', async () => {
    const official = await signIn(runtime, { role: 'official', unit: '70' });
    const round = { id: await openDailyRound(runtime, official, form3294.id, '2021-11-01', '2021-11-30') };
    const [unit] = await runtime.service.reporters(round.id);
    // Nobody reported on its first day: the series still starts there.
    const period = '2021-11-02';
    await runtime.service.putSubmission({ formId: form3294.id, period, orgUnit: unit!.code }, { data: outputs3294.demo({ unit: unit!, random: () => 0.3, period }), submittedBy: 'x' });
    partitions = [];
    const summary = await buildSummary(runtime.service, round.id, '2021-11-02', runtime.clock.now());
    // November's two days, not October's 31 before them.
    expect(partitions.sort()).toEqual([`SUB#${form3294.id}#2021-11-01`, `SUB#${form3294.id}#2021-11-02`]);
    expect(summary.content.charts!.find((c) => c.id === 'doses-per-day')!.x).toEqual(['01/11', '02/11']);
    expect(summary.content.figures.map((f) => f.label.vi)).toContainEqual(expect.stringMatching(/^Lũy kế số liều đã tiêm từ 01\/11\/2021/));
  });

  test('daily() without the earlier days says what to declare instead of showing a round of one day', () => {
    expect(() => daily({ period: '2021-10-05', reports: [], reporters: [] })).toThrow(/earlierDays: true/);
  });
});
