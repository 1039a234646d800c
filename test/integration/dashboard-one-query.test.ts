/**
 * The dashboard reads one Query, however many periods are due: every save
 * writes the report's status under one partition per form (keys.ts), and the
 * grid and the rates of all periods come from it. Calls are counted by SDK
 * middleware on the document client.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { outputs as outputs3294 } from '#schemas/forms/3294-tien-do-tiem-hang-ngay.ts';
import { gridCell } from '#schemas/core/dashboard-grid.ts';
import type { FormDashboard } from '../../functions/api/contract.ts';
import { countCalls, freshRuntime, signIn } from '../support/local-runtime.ts';

const FORM = '3294-tien-do-tiem-hang-ngay';
let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let official: string;
let calls: string[] = [];

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
});
