/**
 * The authoring guide's two examples (schemas/README.md includes them
 * verbatim, see test/infra/guide.test.ts), registered as fixtures: the API lists
 * and describes them, their rule refuses in Vietnamese beside the field, and
 * their summaries have the tables the guide shows.
 */
import { describe, expect, test } from 'vitest';
import { formLoaders } from '#schemas/registry.ts';
import type { PeriodSummary } from '../../functions/core/summary.ts';
import { renderSummaryEmail } from '../../functions/outputs/summary-email.ts';
import { freshRuntime, signIn } from '../support/local-runtime.ts';
import daily from '../fixtures/forms/guide-hang-ngay.ts';
import once from '../fixtures/forms/guide-mot-lan.ts';

const loaders = { ...formLoaders, [once.id]: () => import('../fixtures/forms/guide-mot-lan.ts'), [daily.id]: () => import('../fixtures/forms/guide-hang-ngay.ts') };

type Runtime = Awaited<ReturnType<typeof freshRuntime>>;
async function put(runtime: Runtime, formId: string, period: string, unit: string, data: unknown) {
  return runtime.app.request(`/api/forms/${formId}/periods/${period}/submissions/${unit}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: await signIn(runtime, { role: 'reporter', unit }) },
    body: JSON.stringify({ data, submittedBy: 'Cán bộ thử' }),
  });
}
async function summaryOf(runtime: Runtime, formId: string, period: string) {
  const official = { headers: { cookie: await signIn(runtime, { role: 'official', unit: '70' }) } };
  const body = (await (await runtime.app.request(`/api/forms/${formId}/periods/${period}/summary`, official)).json()) as {
    summary: PeriodSummary;
  };
  return body.summary;
}

describe('the guide’s examples, registered', () => {
  test('are listed and described by the API', async () => {
    const runtime = await freshRuntime({ loaders, seed: false });
    const list = (await (await runtime.app.request('/api/forms')).json()) as { forms: Array<{ id: string }> };
    expect(list.forms.map((f) => f.id)).toEqual(expect.arrayContaining(['guide-mot-lan', 'guide-hang-ngay']));
    const described = (await (await runtime.app.request('/api/forms/guide-hang-ngay')).json()) as {
      jsonSchema: { properties: Record<string, { widget?: string }> };
    };
    expect(Object.fromEntries(Object.entries(described.jsonSchema.properties).map(([k, v]) => [k, v.widget]))).toEqual({
      pcr: 'section',
      rapid: 'section',
      pooled: 'choice',
      pools: 'count',
    });
  });

  test('the once-form refuses more occupied beds than beds, beside the field, and sums the rest', async () => {
    const runtime = await freshRuntime({ loaders });
    runtime.clock.set(new Date('2021-10-05T02:00:00Z'));
    const refused = await put(runtime, once.id, '2021-10-04', '689', { beds: 10, occupied: 11 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { occupied: ['Số giường đang sử dụng không được lớn hơn tổng số giường (10).'] } },
    });

    expect((await put(runtime, once.id, '2021-10-04', '689', { beds: 120, occupied: 90 })).status).toBe(201);
    expect((await put(runtime, once.id, '2021-10-04', '688', { beds: 80, occupied: 20 })).status).toBe(201);
    const summary = await summaryOf(runtime, once.id, '2021-10-04');
    expect(summary.content.figures.map((f) => f.value)).toEqual([90, 55]);
    // As the guide says: the first figure goes into the subject.
    expect(renderSummaryEmail(summary, { dashboardUrl: 'http://127.0.0.1:9/' }).subject).toBe(
      '[12/SYT-NVY] Giường còn trống: 90 — 2/11 huyện, thị xã, thành phố đã báo cáo',
    );
    expect(summary.content.tables).toEqual([
      {
        id: 'giuong-theo-don-vi',
        title: { vi: 'Giường bệnh theo đơn vị' },
        columns: [
          { key: 'code', label: { vi: 'Mã' }, kind: 'text' },
          { key: 'name', label: { vi: 'Huyện, thị xã, thành phố' }, kind: 'text' },
          { key: 'beds', label: { vi: 'Tổng số giường' }, kind: 'integer' },
          { key: 'occupied', label: { vi: 'Đang sử dụng' }, kind: 'integer' },
          { key: 'free', label: { vi: 'Còn trống' }, kind: 'integer' },
          { key: 'rate', label: { vi: 'Tỷ lệ sử dụng' }, kind: 'percent' },
          { key: 'timeliness', label: { vi: 'Thời hạn' }, kind: 'text' },
        ],
        rows: [
          { code: '688', name: 'Thị xã Phước Long', beds: 80, occupied: 20, free: 60, rate: 25, timeliness: 'Đúng hạn' },
          { code: '689', name: 'Thành phố Đồng Xoài', beds: 120, occupied: 90, free: 30, rate: 75, timeliness: 'Đúng hạn' },
        ],
        total: { code: '', name: 'Tổng cộng', beds: 200, occupied: 110, free: 90, rate: 55, timeliness: '' },
      },
    ]);
  });

  test('the daily form counts positives per day and cumulatively from earlier days', async () => {
    const runtime = await freshRuntime({ loaders });
    const day = (pcr: [number, number], rapid: [number, number]) => ({
      pcr: { tests: pcr[0], positives: pcr[1] },
      rapid: { tests: rapid[0], positives: rapid[1] },
      pooled: false,
    });
    runtime.clock.set(new Date('2021-10-01T08:00:00Z'));
    expect((await put(runtime, daily.id, '2021-10-01', '689', day([100, 3], [200, 2]))).status).toBe(201);
    runtime.clock.set(new Date('2021-10-02T08:00:00Z'));
    const refused = await put(runtime, daily.id, '2021-10-02', '689', day([100, 101], [10, 0]));
    expect(await refused.json()).toMatchObject({
      error: { fields: { 'pcr.positives': ['Số mẫu dương tính không được lớn hơn số mẫu xét nghiệm (100).'] } },
    });
    // Shown, so required: the platform says so without a rule in the form.
    const unshown = await put(runtime, daily.id, '2021-10-02', '689', { ...day([100, 1], [10, 0]), pooled: true });
    expect(await unshown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: { pools: ['Vui lòng điền “Số mẫu gộp” vì đã chọn “Có”.'] } } });
    const hidden = await put(runtime, daily.id, '2021-10-02', '689', { ...day([100, 1], [10, 0]), pools: 3 });
    expect(await hidden.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: { pools: ['Vui lòng bỏ trống “Số mẫu gộp” vì đã chọn “Không”.'] } } });
    expect((await put(runtime, daily.id, '2021-10-02', '689', day([50, 1], [150, 3]))).status).toBe(201);

    const summary = await summaryOf(runtime, daily.id, '2021-10-02');
    expect(summary.content.figures.map((f) => f.value)).toEqual([4, 200]);
    expect(summary.content.tables[0]).toMatchObject({
      id: 'xet-nghiem-theo-don-vi',
      rows: [{ code: '689', name: 'Thành phố Đồng Xoài', tests: 200, positives: 4, rate: 2, cumulative: 9, timeliness: 'Đúng hạn' }],
      total: { name: 'Tổng cộng', tests: 200, positives: 4, rate: 2, cumulative: 9 },
    });
    // Day by day, every district (empty on days it did not report) and all of them; the dashboard draws the same days.
    const perDay = summary.content.tables[1]!;
    // 11 districts, then how many of them reported each day.
    expect(perDay.rows).toHaveLength(12);
    expect(perDay.rows.at(-1)).toEqual({ name: 'Số huyện, thị xã, thành phố đã báo cáo (trên 11)', '2021-10-01': 1, '2021-10-02': 1, total: null });
    expect(perDay.rows.find((r) => r.name === 'Thành phố Đồng Xoài')).toEqual({ name: 'Thành phố Đồng Xoài', '2021-10-01': 5, '2021-10-02': 4, total: 9 });
    expect(perDay.rows.find((r) => r.name === 'Thị xã Phước Long')).toEqual({ name: 'Thị xã Phước Long', '2021-10-01': null, '2021-10-02': null, total: 0 });
    expect(perDay.total).toEqual({ name: 'Tổng cộng', '2021-10-01': 5, '2021-10-02': 4, total: 9 });
    expect(summary.content.charts).toEqual([
      { id: 'duong-tinh', title: { vi: 'Số mẫu dương tính mỗi ngày' }, x: ['01/10', '02/10'], series: [{ label: { vi: 'Các đơn vị đã báo cáo' }, values: [5, 4] }], coverage: [{ reported: 1, expected: 11 }, { reported: 1, expected: 11 }] },
    ]);
  });
});
