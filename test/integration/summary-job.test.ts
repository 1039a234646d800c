import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSmtpMailer } from '../../functions/adapters/mail/nodemailer-mailer.ts';
import { fillDemoSubmissions } from '../../infra/local/demo-data.ts';
import { startSmtpSink, type SmtpSink } from '../../infra/local/smtp-sink.ts';
import { completenessLine, emailTables, professionRows, readMails, viNumber } from '../support/mail.ts';
import { freshRuntime } from '../support/local-runtime.ts';
import { DEADLINE_971_MS, expected971, type Report971 } from '../support/expected-971.ts';

const FORM = '971-nhan-luc-y-te';
const PERIOD = '2021-07-20';
const DEADLINE_MS = DEADLINE_971_MS;

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ dir: mkdtempSync(join(tmpdir(), 'mail-')) });
});
afterAll(() => sink.stop());

describe('971 summary job, end to end through DynamoDB Local and the SMTP sink', () => {
  test('the emailed totals and completeness equal independently computed figures of the stored submissions', async () => {
    const runtime = await freshRuntime();
    const filled = await fillDemoSubmissions(runtime.service, runtime.clock, {
      missingShare: 0.12,
      lateShare: 0.12,
    });
    const f = filled.find((x) => x.formId === FORM)!;
    expect(f.onTime).toBeGreaterThan(0);
    expect(f.late).toBeGreaterThan(0);
    expect(f.missing).toBeGreaterThan(0);

    // A late amendment of an on-time report: totals follow the current data, timeliness the first send.
    const stored = await runtime.submissions.listCurrent(FORM, PERIOD);
    const onTimeOne = stored.find((s) => Date.parse(s.firstSubmittedAt) <= DEADLINE_MS)!;
    runtime.clock.set(new Date(DEADLINE_MS + 3 * 3600_000));
    const amendedData = structuredClone(onTimeOne.data) as Report971;
    const section = amendedData.need ?? amendedData.offer!;
    section.doctors += 7;
    await runtime.service.putSubmission(
      { formId: FORM, period: PERIOD, orgUnit: onTimeOne.orgUnit },
      { data: amendedData, submittedBy: 'Người sửa' },
    );

    const job = runtime.summaryJob({
      mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'bao-cao@baocao.local' }),
      recipients: { 'thu-tuong': ['thutuong@test.local'], 'bcd-quoc-gia': ['bcd@test.local', 'bcd2@test.local'] },
      publicUrl: 'http://127.0.0.1:9/',
    });
    const before = sink.messages().length;
    await job({ formId: FORM });
    const mails = await readMails(sink);
    // One message per recipient.
    expect(mails).toHaveLength(before + 3);
    const mail = mails.at(-1)!;

    const current = await runtime.submissions.listCurrent(FORM, PERIOD);
    const expected = expected971(current);
    expect(professionRows(mail.text!)).toEqual(expected.rows);
    expect(completenessLine(mail.text!)).toEqual(expected.completeness);
    expect(expected.completeness.late).toBeGreaterThan(0);

    // The proposed matching moves min(need, offer) per profession, never more than a province needs or offers.
    // The whole table (the email shows the largest moves and names the sheet holding all of them).
    const transfers = (await emailTables(mail))
      .get('Đề xuất điều phối nhân lực (ưu tiên vùng gần nhất, rồi nhu cầu lớn nhất)')!
      .filter((r) => r['Chuyên môn'] !== 'Tổng cộng')
      .map((r) => ({ profession: r['Chuyên môn']!, from: r['Tỉnh hỗ trợ']!, to: r['Tỉnh nhận']!, count: viNumber(r['Số người']!) }));
    expect(transfers.length).toBeGreaterThan(0);
    const names = new Map((await runtime.service.reporters(FORM)).map((u) => [u.name, u.code]));
    for (const [label, key] of [['Bác sỹ', 'doctors'], ['Điều dưỡng viên', 'nurses'], ['Kỹ thuật viên', 'technicians']] as const) {
      const moved = transfers.filter((t) => t.profession === label);
      const row = expected.rows[label]!;
      expect(moved.reduce((s, t) => s + t.count, 0)).toBe(Math.min(row.need, row.offer));
      for (const record of current) {
        const d = record.data as Report971;
        const unitName = [...names].find(([, code]) => code === record.orgUnit)![0];
        expect(moved.filter((t) => t.to === unitName).reduce((s, t) => s + t.count, 0)).toBeLessThanOrEqual(d.need?.[key] ?? 0);
        expect(moved.filter((t) => t.from === unitName).reduce((s, t) => s + t.count, 0)).toBeLessThanOrEqual(d.offer?.[key] ?? 0);
      }
    }

    // As a mail client sees it.
    expect(mails.slice(before).map((m) => (m.to as { value: Array<{ address: string }> }).value.map((v) => v.address)).sort()).toEqual([
      ['bcd2@test.local'],
      ['bcd@test.local'],
      ['thutuong@test.local'],
    ]);
    expect(mail.subject).toBe(
      `[971/TTg-KGVX] Tổng nhu cầu: ${expected.totalNeed.toLocaleString('vi-VN')} — ${current.length}/63 tỉnh, thành phố đã báo cáo`,
    );
    expect(mail.html).toContain(`>${expected.totalNeed.toLocaleString('vi-VN')}</strong>`);
    expect(mail.html).toContain(`Chưa báo cáo (${expected.completeness.missing}): `);
  });

  test('with nothing submitted, the email still goes out and says every province is missing', async () => {
    const runtime = await freshRuntime();
    const job = runtime.summaryJob({
      mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'bao-cao@baocao.local' }),
      recipients: { 'thu-tuong': ['thutuong@test.local'] },
      publicUrl: 'http://127.0.0.1:9/',
    });
    const result = await job({ formId: FORM });
    expect(result.subject).toBe('[971/TTg-KGVX] Tổng nhu cầu: 0 — 0/63 tỉnh, thành phố đã báo cáo');
    const mail = (await readMails(sink)).find((m) => m.subject === result.subject)!;
    expect(completenessLine(mail.text!)).toEqual({ reported: 0, expected: 63, onTime: 0, late: 0, missing: 63 });
  });

  test('a form whose recipients have no configured address fails with a stable code and sends nothing', async () => {
    const runtime = await freshRuntime();
    const before = sink.messages().length;
    const job = runtime.summaryJob({
      mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'bao-cao@baocao.local' }),
      recipients: {},
      publicUrl: 'http://127.0.0.1:9/',
    });
    await expect(job({ formId: FORM })).rejects.toMatchObject({ code: 'RECIPIENTS_NOT_CONFIGURED' });
    expect(sink.messages()).toHaveLength(before);
  });
});
