import { describe, expect, test } from 'vitest';
import { explainFailure, parseDay, planSummaryRun } from './run-job.ts';

const forms = [
  { id: 'hang-ngay', period: { kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '16:00' } as const },
  { id: 'mot-lan', period: { kind: 'once', period: '2021-10-04', deadline: '2021-10-05T17:00' } as const },
];
/** 07:30 in Vietnam on the given day. */
const at = (day: string) => new Date(`${day}T00:30:00Z`);

describe('npm run summary: which period', () => {
  test('a daily form whose round is over: its last day, said to be so', () => {
    expect(planSummaryRun(['hang-ngay'], forms, at('2026-12-02'))).toEqual({
      ok: true,
      formId: 'hang-ngay',
      period: '2021-10-31',
      again: false,
      why: 'Kỳ 31/10/2021: ngày cuối của đợt báo cáo hằng ngày từ 01/10/2021 đến 31/10/2021 (đợt đã kết thúc). Chọn ngày khác bằng --ky dd/mm/yyyy.',
    });
  });

  test('during the round: today in Vietnam, even before the deadline hour', () => {
    // 23:30 UTC on 04/10 is 06:30 on 05/10 in Vietnam.
    expect(planSummaryRun(['hang-ngay'], forms, new Date('2021-10-04T23:30:00Z'))).toMatchObject({
      ok: true,
      period: '2021-10-05',
      why: expect.stringContaining('ngày gần nhất đã đến'),
    });
  });

  test('before the round: nothing is due, and --ky is suggested', () => {
    expect(planSummaryRun(['hang-ngay'], forms, at('2021-09-30'))).toEqual({
      ok: false,
      message: 'Chưa đến ngày báo cáo nào: đợt báo cáo hằng ngày từ 01/10/2021 đến 31/10/2021. Dùng --ky dd/mm/yyyy để tổng hợp một ngày trong đợt.',
    });
  });

  test('--ky dd/mm/yyyy picks a day of the round; --again is kept', () => {
    expect(planSummaryRun(['hang-ngay', '--ky', '5/10/2021', '--again'], forms, at('2026-12-02'))).toEqual({
      ok: true,
      formId: 'hang-ngay',
      period: '2021-10-05',
      again: true,
      why: 'Kỳ 05/10/2021 (chọn bằng --ky).',
    });
    expect(planSummaryRun(['--ky', '05/10/2021', 'hang-ngay'], forms, at('2026-12-02'))).toMatchObject({ ok: true, period: '2021-10-05' });
  });

  test('a one-off form: its only period', () => {
    expect(planSummaryRun(['mot-lan'], forms, at('2026-12-02'))).toMatchObject({ ok: true, period: '2021-10-04' });
  });

  test.each([
    [['khong-co'], 'Không có biểu mẫu "khong-co".\nCác biểu mẫu: hang-ngay, mot-lan'],
    [[], 'Thiếu mã biểu mẫu.'],
    [['hang-ngay', '--ky', '05/11/2021'], 'Ngày 05/11/2021 nằm ngoài đợt báo cáo hằng ngày từ 01/10/2021 đến 31/10/2021 của biểu mẫu hang-ngay.'],
    [['hang-ngay', '--ky', '31/02/2021'], 'Ngày "31/02/2021" không hợp lệ: viết theo dạng dd/mm/yyyy'],
    [['hang-ngay', '--ky'], 'Thiếu ngày sau --ky'],
    [['mot-lan', '--ky', '05/10/2021'], 'Biểu mẫu mot-lan chỉ báo cáo một lần, kỳ 04/10/2021; không có kỳ 05/10/2021.'],
    [['hang-ngay', '--period', 'x'], 'Không hiểu tùy chọn "--period".'],
  ])('refuses %j in Vietnamese', (args, message) => {
    const plan = planSummaryRun(args, forms, at('2026-12-02'));
    expect(plan.ok).toBe(false);
    expect(plan.ok ? '' : plan.message).toContain(message);
  });
});

describe('dates and failures', () => {
  test('days are dd/mm/yyyy or yyyy-mm-dd, and real', () => {
    expect([parseDay('1/2/2021'), parseDay('2021-02-01'), parseDay('29/02/2021'), parseDay('2021-13-01'), parseDay('hôm nay')]).toEqual([
      '2021-02-01',
      '2021-02-01',
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('errors are told in Vietnamese by their code; a stopped platform by the network error', () => {
    expect(explainFailure(Object.assign(new Error('no addresses for x'), { code: 'RECIPIENTS_NOT_CONFIGURED' }))).toMatch(/^Chưa cấu hình địa chỉ nhận/);
    expect(explainFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }))).toMatch(/npm start/);
    expect(explainFailure(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toMatch(/^Không kết nối được với nền tảng/);
    expect(explainFailure(new Error('boom'))).toBe('Không chạy được tổng hợp do lỗi ngoài dự kiến (chi tiết kỹ thuật: Error: boom).');
  });
});
