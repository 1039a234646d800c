import { describe, expect, test } from 'vitest';
import type { RevisionConflictError } from '../../functions/core/errors.ts';
import type { SubmissionRecord } from '../../functions/core/ports.ts';
import { freshRuntime, seedUnits } from '../support/local-runtime.ts';

const base: SubmissionRecord = {
  formId: '971-nhan-luc-y-te',
  period: '2021-07-20',
  orgUnit: '79',
  revision: 1,
  schemaVersion: 1,
  data: { need: { doctors: 10 }, note: 'Sài Gòn — ưu tiên' },
  submittedBy: 'Nguyễn Văn A',
  submittedAt: '2021-07-20T08:00:00.000Z',
  firstSubmittedAt: '2021-07-20T08:00:00.000Z',
};

describe('DynamoDB adapter against DynamoDB Local', () => {
  test('loading the seed org units twice writes them once', async () => {
    const runtime = await freshRuntime({ seed: false });
    expect(await runtime.orgUnits.upsertAll(seedUnits())).toEqual({ written: 94, unchanged: 0 });
    expect(await runtime.orgUnits.upsertAll(seedUnits())).toEqual({ written: 0, unchanged: 94 });
    const stored = await runtime.orgUnits.list();
    expect(stored).toHaveLength(94);
    expect(stored.find((u) => u.code === '70-SYT')).toMatchObject({ kind: 'department', parent: '70' });
    expect(stored.find((u) => u.code === '12')).toEqual({
      code: '12',
      name: 'Tỉnh Lai Châu',
      kind: 'province',
      parent: 'VN',
      region: 'Trung du và miền núi phía Bắc',
    });
  });

  test('keeps the current revision and every earlier one, Vietnamese text intact', async () => {
    const { submissions } = await freshRuntime({ seed: false });
    await submissions.saveRevision(base, { base: { revision: 0 } });
    const second = { ...base, revision: 2, data: { need: { doctors: 12 } }, submittedAt: '2021-07-20T09:00:00.000Z' };
    await submissions.saveRevision(second, { base: { revision: 1, firstSubmittedAt: base.firstSubmittedAt } });
    expect(await submissions.getCurrent(base)).toEqual(second);
    expect(await submissions.listRevisions(base)).toEqual([base, second]);
    expect(await submissions.listCurrent(base.formId, base.period)).toEqual([second]);
  });

  test('the current answer is each unit’s last revision, also for a unit whose code begins another’s', async () => {
    const { submissions } = await freshRuntime({ seed: false });
    // '7' sorts before '79' and its revision items' keys are a prefix of none of 79's (REV#7# vs REV#79#).
    const save = async (orgUnit: string, revisions: number) => {
      for (let revision = 1; revision <= revisions; revision++) {
        await submissions.saveRevision({ ...base, orgUnit, revision, data: { need: { doctors: revision } } }, { base: { revision: revision - 1, firstSubmittedAt: base.firstSubmittedAt } });
      }
    };
    await save('79', 2);
    await save('7', 3);
    await save('790', 1);
    expect((await submissions.getCurrent({ ...base, orgUnit: '7' }))?.revision).toBe(3);
    expect((await submissions.getCurrent({ ...base, orgUnit: '79' }))?.data).toEqual({ need: { doctors: 2 } });
    expect((await submissions.listCurrent(base.formId, base.period)).map((r) => [r.orgUnit, r.revision])).toEqual([['7', 3], ['79', 2], ['790', 1]]);
    // The status item holds the answer without its data; the data is stored once, in the revision item.
    const { data: _data, ...head } = (await submissions.getCurrent({ ...base, orgUnit: '7' }))!;
    expect(await submissions.listStatuses(base.formId)).toContainEqual({ formId: head.formId, period: head.period, orgUnit: '7', revision: 3, firstSubmittedAt: head.firstSubmittedAt });
  });

  test('refuses a write based on a stale revision and leaves both items untouched', async () => {
    const { submissions } = await freshRuntime({ seed: false });
    await submissions.saveRevision(base, { base: { revision: 0 } });
    // The stored answer comes back with the refusal (ReturnValuesOnConditionCheckFailure), unmarshalled, without its data.
    const { data: _data, ...head } = base;
    const refused = await submissions.saveRevision({ ...base, data: { stale: true } }, { base: { revision: 0 } }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'REVISION_CONFLICT' });
    expect((refused as RevisionConflictError).current).toEqual(head);
    await expect(
      submissions.saveRevision({ ...base, revision: 3 }, { base: { revision: 2, firstSubmittedAt: base.firstSubmittedAt } }),
    ).rejects.toMatchObject({ code: 'REVISION_CONFLICT', current: head });
    // Based on the stored revision but claiming another first submission: refused too.
    await expect(
      submissions.saveRevision({ ...base, revision: 2 }, { base: { revision: 1, firstSubmittedAt: '2021-07-20T00:00:00.000Z' } }),
    ).rejects.toMatchObject({ code: 'REVISION_CONFLICT', current: head });
    expect(await submissions.getCurrent(base)).toEqual(base);
    expect(await submissions.listRevisions(base)).toEqual([base]);
  });

  test('pages through a partition larger than one query page', async () => {
    const { submissions } = await freshRuntime({ seed: false });
    const bulky = 'x'.repeat(20_000);
    const codes = Array.from({ length: 70 }, (_, i) => String(i).padStart(3, '0'));
    for (const orgUnit of codes) await submissions.saveRevision({ ...base, orgUnit, data: { bulky } }, { base: { revision: 0 } });
    // 70 × ~20 KB is past DynamoDB's 1 MB page, so this needs LastEvaluatedKey paging.
    expect((await submissions.listCurrent(base.formId, base.period)).map((r) => r.orgUnit)).toEqual(codes);
  });
});
