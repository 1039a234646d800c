/**
 * The dashboard reads one Query, however many periods are due: every save
 * writes the report's status under one partition per form (keys.ts), and the
 * grid and the rates of all periods come from it. The Query asks only for the
 * round's periods (the sort key starts with the period), so a form answered
 * round after round for a year does not make each dashboard read the year.
 * Calls are counted by SDK middleware on the document client.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { outputs as outputs3294 } from '#schemas/forms/3294-tien-do-tiem-hang-ngay.ts';
import { gridCell } from '#schemas/core/dashboard-grid.ts';
import type { FormDashboard } from '../../functions/api/contract.ts';
import { countCalls, freshRuntime, openDailyRound, signIn } from '../support/local-runtime.ts';

const FORM = '3294-tien-do-tiem-hang-ngay';
let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let official: string;
let calls: string[] = [];
/** Items each Query returned, as DynamoDB counted them. */
const returned: number[] = [];

beforeAll(async () => {
  // A fortnight after the round began: 14 days due.
  runtime = await freshRuntime();
  runtime.clock.set(new Date('2021-10-14T12:00:00Z'));
  const units = await runtime.service.reporters(FORM);
  // Unit 0 reports every day, unit 1 every other day, the rest never.
  for (let d = 1; d <= 14; d++) {
    const period = `2021-10-${String(d).padStart(2, '0')}`;
    for (const unit of units.slice(0, d % 2 === 0 ? 2 : 1)) {
      await runtime.service.putSubmission({ formId: FORM, period, orgUnit: unit.code }, { data: outputs3294.demo({ unit, random: () => 0.3, period }), submittedBy: 'x' });
    }
  }
  official = await signIn(runtime, { role: 'official', unit: '70' });
  calls = countCalls(runtime.db);
  runtime.db.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (context.commandName === 'QueryCommand') returned.push((out.output as { Count?: number }).Count ?? -1);
      return out;
    },
    { step: 'initialize', name: 'returned-items' },
  );
});

describe('the dashboard of a daily form', () => {
  test('14 days due: the session read and one Query, the grid and the rates from it', async () => {
    calls.length = 0;
    const res = await runtime.app.request(`/api/dashboard/${FORM}`, { headers: { cookie: official } });
    expect(res.status).toBe(200);
    const dashboard = (await res.json()) as FormDashboard;
    expect(calls).toEqual(['GetItemCommand', 'QueryCommand']);
    expect(dashboard.periods).toHaveLength(14);
    const [first, second, third] = dashboard.units;
    expect(dashboard.periods.map((_, i) => gridCell(dashboard.grid[first!.code], i).status !== 'missing')).toEqual(Array(14).fill(true));
    expect(dashboard.periods.map((_, i) => gridCell(dashboard.grid[second!.code], i).status !== 'missing')).toEqual(
      dashboard.periods.map((_, i) => (i + 1) % 2 === 0),
    );
    expect(dashboard.grid[third!.code]!.status).toBe('-'.repeat(14));
    expect(dashboard.rates.map((r) => r.reported)).toEqual(dashboard.periods.map((_, i) => ((i + 1) % 2 === 0 ? 2 : 1)));
  });

  test('a later round of the form: each dashboard reads its own round\'s statuses only', async () => {
    const round = { id: await openDailyRound(runtime, official, FORM, '2021-11-01', '2021-11-30') };
    const [unit] = await runtime.service.reporters(round.id);
    for (const period of ['2021-11-01', '2021-11-02', '2021-11-03']) {
      await runtime.service.putSubmission({ formId: FORM, period, orgUnit: unit!.code }, { data: outputs3294.demo({ unit: unit!, random: () => 0.3, period }), submittedBy: 'x' });
    }
    runtime.clock.set(new Date('2021-11-02T12:00:00Z'));
    // A session of the day (the one opened on 14 October has expired by now).
    official = await signIn(runtime, { role: 'official', unit: '70' });
    // October's round, all 31 days due: its 21 statuses, not the later round's three.
    returned.length = 0;
    const first = (await (await runtime.app.request(`/api/dashboard/${FORM}`, { headers: { cookie: official } })).json()) as FormDashboard;
    expect(first.periods).toHaveLength(31);
    expect(returned).toEqual([21]);
    // The later round: two days due, and their two statuses read, not October's 21 nor 3 November's.
    returned.length = 0;
    const later = (await (await runtime.app.request(`/api/dashboard/${FORM}?dot=${round.id}`, { headers: { cookie: official } })).json()) as FormDashboard;
    expect(later.periods).toEqual(['2021-11-01', '2021-11-02']);
    expect(returned).toEqual([2]);
    expect(later.rates.map((r) => r.reported)).toEqual([1, 1]);
  });
});
