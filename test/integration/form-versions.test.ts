/**
 * After a field is added to a form, answers stored under the older version
 * still display as they were sent and still aggregate.
 */
import { describe, expect, test } from 'vitest';
import { buildSummary } from '../../functions/core/summary.ts';
import { v1, v1Outputs, v2, v2Outputs } from '../fixtures/forms/versioned.ts';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

const key = (orgUnit: string) => ({ formId: 'vi-du-phien-ban', period: '2021-02-01', orgUnit });

describe('form versions', () => {
  test('a version-1 answer keeps its version, displays as sent, and aggregates under version 2', async () => {
    const before = await freshRuntime({ loaders: { 'vi-du-phien-ban': async () => ({ default: v1, outputs: v1Outputs }) } });
    await before.service.putSubmission(key('01'), { data: { beds: 120 }, submittedBy: 'Hà Nội' });
    await before.service.putSubmission(key('79'), { data: { beds: 300 }, submittedBy: 'TP HCM' });

    const after = await freshRuntime({
      loaders: { 'vi-du-phien-ban': async () => ({ default: v2, outputs: v2Outputs }) },
      tableName: before.tableName,
      seed: false,
    });
    // The old answer reads back exactly as it was sent, with the version it was sent under.
    const official = await signIn(after, { role: 'official', unit: 'VN' });
    const res = await after.app.request('/api/forms/vi-du-phien-ban/periods/2021-02-01/submissions/01', { headers: { cookie: official } });
    expect(await res.json()).toMatchObject({ submission: { schemaVersion: 1, revision: 1, data: { beds: 120 } } });

    // A new answer is stored under version 2; an amendment of an old one too.
    await after.service.putSubmission(key('48'), { data: { beds: 80, icuBeds: 12 }, submittedBy: 'Đà Nẵng' });
    const amended = await after.service.putSubmission(key('79'), { data: { beds: 300, icuBeds: 40 }, submittedBy: 'TP HCM' });
    expect(amended).toMatchObject({ status: 'amended', submission: { schemaVersion: 2, revision: 2 } });
    expect((await after.service.listRevisions(key('79'))).map((r) => r.schemaVersion)).toEqual([1, 2]);

    const summary = await buildSummary(after.service, 'vi-du-phien-ban', '2021-02-01', new Date('2021-02-02T00:00:00Z'));
    expect(summary.content.figures.map((f) => f.value)).toEqual([120 + 300 + 80, 0 + 40 + 12]);
    expect(summary.content.tables[0]!.rows).toContainEqual({ code: '01', beds: 120, icuBeds: 0 });
    expect(summary.completeness).toMatchObject({ reported: 3, missing: 60 });
  });

  test('re-sending an old answer unchanged under a new version stores it as a new revision of the new version', async () => {
    const before = await freshRuntime({ loaders: { 'vi-du-phien-ban': async () => ({ default: v1, outputs: v1Outputs }) } });
    await before.service.putSubmission(key('01'), { data: { beds: 120 }, submittedBy: 'Hà Nội' });
    const after = await freshRuntime({ loaders: { 'vi-du-phien-ban': async () => ({ default: v2, outputs: v2Outputs }) }, tableName: before.tableName, seed: false });
    // Version 2 requires ICU beds: the old data alone is not a valid version-2 answer.
    await expect(after.service.putSubmission(key('01'), { data: { beds: 120 }, submittedBy: 'Hà Nội' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { icuBeds: ['Vui lòng nhập thông tin này.'] },
    });
    const again = await after.service.putSubmission(key('01'), { data: { beds: 120, icuBeds: 0 }, submittedBy: 'Hà Nội' });
    expect(again).toMatchObject({ status: 'amended', submission: { schemaVersion: 2, revision: 2 } });
  });
});
