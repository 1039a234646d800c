/**
 * Adding a form touches only its file and a registry line: with a throwaway
 * form in a fixture registry, the API serves it, accepts answers to it and
 * summarises it, and the schedule list runs its summary. (The browser side is
 * `test/e2e/vocabulary.test.ts`, which renders the same fixture form.)
 */
import { describe, expect, test } from 'vitest';
import { formLoaders } from '#schemas/registry.ts';
import { listSchedules } from '../../functions/core/schedules.ts';
import { freshRuntime, signIn } from '../support/local-runtime.ts';
import sample, { outputs as sampleOutputs } from '../fixtures/forms/vi-du-tu-vung.ts';

const loaders = { ...formLoaders, 'vi-du-tu-vung': () => import('../fixtures/forms/vi-du-tu-vung.ts') };

describe('a throwaway form in a fixture registry', () => {
  test('is listed, described, answered and summarised by the API', async () => {
    const runtime = await freshRuntime({ loaders });
    const list = (await (await runtime.app.request('/api/forms')).json()) as { forms: Array<{ id: string }> };
    expect(list.forms.map((f) => f.id)).toContain('vi-du-tu-vung');

    const described = (await (await runtime.app.request('/api/forms/vi-du-tu-vung')).json()) as {
      jsonSchema: { properties: Record<string, { widget?: string }> };
    };
    expect(Object.fromEntries(Object.entries(described.jsonSchema.properties).map(([k, v]) => [k, v.widget]))).toEqual({
      doses: 'grid',
      coverage: 'section',
      sites: 'table',
      vaccine: 'choice',
      startDate: 'date',
      endDate: 'date',
    });

    runtime.clock.set(new Date('2099-10-02T09:00:00Z'));
    const official = { headers: { cookie: await signIn(runtime, { role: 'official', unit: '70' }) } };
    const reporters = (await (await runtime.app.request('/api/forms/vi-du-tu-vung/reporters', official)).json()) as { units: Array<{ code: string }> };
    expect(reporters.units.map((u) => u.code)).toEqual(['688', '689', '690', '691', '692', '693', '694', '695', '696', '697', '698']);

    runtime.clock.set(new Date('2099-10-02T09:00:00Z'));
    const data = sampleOutputs.demo({ unit: { code: '689', name: 'Đồng Xoài', kind: 'district' }, random: () => 0.5, period: '2099-10-02' });
    const put = await runtime.app.request('/api/forms/vi-du-tu-vung/periods/2099-10-02/submissions/689', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: await signIn(runtime, { role: 'reporter', unit: '689' }) },
      body: JSON.stringify({ data, submittedBy: 'Cán bộ Đồng Xoài' }),
    });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({ submission: { timeliness: 'on-time', deadline: '2099-10-02T11:00:00.000Z' } });

    const summary = (await (await runtime.app.request('/api/forms/vi-du-tu-vung/periods/2099-10-02/summary', official)).json()) as {
      summary: { completeness: { reported: number; expected: number }; content: { figures: Array<{ value: number }> } };
    };
    expect(summary.summary.completeness).toMatchObject({ reported: 1, expected: 11 });
    expect(summary.summary.content.figures[0]!.value).toBe(1);
  });

  test('gets a daily summary schedule at its deadline, in Vietnam time', async () => {
    const runtime = await freshRuntime({ loaders, seed: false });
    expect(listSchedules(await runtime.service.rounds())).toContainEqual({
      id: 'summary-vi-du-tu-vung',
      job: 'summary',
      roundId: 'vi-du-tu-vung',
      formId: 'vi-du-tu-vung',
      expression: { kind: 'daily', hour: 18, minute: 0, from: '2099-10-01', to: '2099-10-07' },
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });

  test('rejects the form id of another registry entry', async () => {
    await expect(freshRuntime({ loaders: { 'khac-id': async () => ({ default: sample }) } })).rejects.toThrow(/does not match/);
  });
});
