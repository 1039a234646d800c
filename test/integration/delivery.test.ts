/**
 * Exactly once: the summary and reminder jobs run three times, the SMTP sink
 * fails once in the middle of the first run; every recipient ends up with
 * exactly one email. And the emails as a mail client sees them: MIME parts,
 * the XLSX attachment's cells, HTML escaping of what users typed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSmtpMailer } from '../../functions/adapters/mail/nodemailer-mailer.ts';
import { buildSummary } from '../../functions/core/summary.ts';
import { CLAIM_LEASE_MS } from '../../functions/core/delivery.ts';
import { ServiceUnavailableError } from '../../functions/core/errors.ts';
import type { DeliveryStore } from '../../functions/core/ports.ts';
import { createSummaryJob } from '../../functions/jobs/summary-job.ts';
import { startSmtpSink, type SmtpSink } from '../../infra/local/smtp-sink.ts';
import { freshRuntime } from '../support/local-runtime.ts';
import { readMails } from '../support/mail.ts';

let sink: SmtpSink;
beforeEach(async () => {
  sink = await startSmtpSink({ dir: mkdtempSync(join(tmpdir(), 'mail-')) });
});
afterEach(() => sink.stop());

const addressesOf = (mails: ParsedMail[]) =>
  mails.map((m) => (m.to as { value: Array<{ address: string }> }).value.map((v) => v.address).join(',')).sort();

describe('the summary job, exactly once per recipient', () => {
  test('three runs with one failed send in the middle of the first: each recipient gets one email', async () => {
    const runtime = await freshRuntime();
    const mailer = createSmtpMailer({ host: sink.host, port: sink.port, from: 'bao-cao@baocao.local' });
    const job = runtime.summaryJob({
      mailer,
      recipients: { 'thu-tuong': ['a@test.local'], 'bcd-quoc-gia': ['b@test.local', 'c@test.local'] },
    });
    sink.failNext(1, 1); // a@ goes through, b@ fails, c@ goes through
    const first = await job({ formId: '971-nhan-luc-y-te' }).catch((e: unknown) => e);
    expect(first).toMatchObject({ code: 'DELIVERY_FAILED' });
    expect(addressesOf(await readMails(sink))).toEqual(['a@test.local', 'c@test.local']);

    const second = await job({ formId: '971-nhan-luc-y-te' });
    expect(second.delivery).toEqual({ sent: ['b@test.local'], skipped: ['a@test.local', 'c@test.local'], failed: [] });
    const third = await job({ formId: '971-nhan-luc-y-te' });
    expect(third.delivery).toEqual({ sent: [], skipped: ['a@test.local', 'b@test.local', 'c@test.local'], failed: [] });
    expect(addressesOf(await readMails(sink))).toEqual(['a@test.local', 'b@test.local', 'c@test.local']);

    // A deliberate new edition is its own delivery.
    const again = await job({ formId: '971-nhan-luc-y-te', edition: 'lan-2' });
    expect(again.delivery.sent).toHaveLength(3);
  });

  test('a run that died after claiming a recipient is taken over once the claim lapses', async () => {
    const runtime = await freshRuntime();
    const key = { job: 'summary', formId: '971-nhan-luc-y-te', period: '2021-07-20', recipient: 'a@test.local' };
    const now = runtime.clock.now();
    expect(await runtime.deliveries.claim(key, now, new Date(now.getTime() + 600_000))).toBe(true);
    const job = runtime.summaryJob({ mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'x@y.vn' }), recipients: { 'thu-tuong': ['a@test.local'] } });
    expect((await job({ formId: '971-nhan-luc-y-te' })).delivery.skipped).toEqual(['a@test.local']);
    runtime.clock.set(new Date(now.getTime() + 600_001));
    expect((await job({ formId: '971-nhan-luc-y-te' })).delivery.sent).toEqual(['a@test.local']);
  });
});

describe('a crash between the mail server accepting and the record of it', () => {
  test('the table fails right after SMTP accepted the summary: the resend after the lease carries the identical Message-ID', async () => {
    const runtime = await freshRuntime();
    const mailer = createSmtpMailer({ host: sink.host, port: sink.port, from: 'bao-cao@baocao.local' });
    // The real store, with the database "going down" for the write right after the send.
    let failWrites = 0;
    const real = runtime.deliveries;
    const outage = () => new ServiceUnavailableError('DynamoDB UpdateCommand failed: TimeoutError (simulated)');
    const deliveries: DeliveryStore = {
      claim: (...args) => real.claim(...args),
      markSent: async (...args) => (failWrites-- > 0 ? Promise.reject(outage()) : real.markSent(...args)),
      markFailed: async (...args) => (failWrites-- > 0 ? Promise.reject(outage()) : real.markFailed(...args)),
    };
    const job = createSummaryJob({ service: runtime.service, clock: runtime.clock, deliveries, mailer, recipients: { 'thu-tuong': ['a@test.local'] }, publicUrl: 'https://baocao.example.gov.vn' });

    failWrites = 1;
    await expect(job({ formId: '971-nhan-luc-y-te' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const [first] = await readMails(sink);
    expect(first!.messageId).toMatch(/^<[0-9a-f]{40}@baocao\.example\.gov\.vn>$/);

    // The claim holds until its lease lapses: a retry meanwhile sends nothing.
    expect((await job({ formId: '971-nhan-luc-y-te' })).delivery.skipped).toEqual(['a@test.local']);
    runtime.clock.set(new Date(runtime.clock.now().getTime() + CLAIM_LEASE_MS + 1));
    expect((await job({ formId: '971-nhan-luc-y-te' })).delivery.sent).toEqual(['a@test.local']);

    const mails = await readMails(sink);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.messageId).toBe(first!.messageId);
    expect(mails[1]!.headers.get('x-baocao-delivery-id')).toBe(first!.messageId);
    // Another edition, recipient or job is another message.
    await job({ formId: '971-nhan-luc-y-te', edition: 'lan-2' });
    expect((await readMails(sink))[2]!.messageId).not.toBe(first!.messageId);
  });
});

describe('the reminder job', () => {
  test('reporters of units still missing get one reminder each, across three runs with a failure in the middle', async () => {
    const runtime = await freshRuntime();
    const mailer = createSmtpMailer({ host: sink.host, port: sink.port, from: 'bao-cao@baocao.local' });
    for (const [email, unit, role] of [
      ['hcm1@test.local', '79', 'reporter'],
      ['hcm2@test.local', '79', 'reporter'],
      ['hn@test.local', '01', 'reporter'],
      ['dn@test.local', '48', 'reporter'],
      ['official@test.local', '79', 'official'],
      ['nghi@test.local', '48', 'reporter'],
    ] as const) {
      await runtime.users.create('system', { email, name: email, unit, role });
    }
    await runtime.users.setStatus('system', 'nghi@test.local', 'disabled');
    // Đà Nẵng has reported: no reminder there.
    await runtime.service.putSubmission(
      { formId: '971-nhan-luc-y-te', period: '2021-07-20', orgUnit: '48' },
      { data: { appliesDirective16: false, offer: { doctors: 1, nurses: 1, technicians: 1 }, contact: { name: 'A', phone: '0236 3822 222' } }, submittedBy: 'x' },
    );
    runtime.clock.set(new Date('2021-07-20T08:00:00Z'));
    const remind = runtime.reminderJob({ mailer });
    sink.failNext(1, 1);
    await expect(remind({ formId: '971-nhan-luc-y-te' })).rejects.toMatchObject({ code: 'DELIVERY_FAILED' });
    await remind({ formId: '971-nhan-luc-y-te' });
    const third = await remind({ formId: '971-nhan-luc-y-te' });
    expect(third.delivery.sent).toEqual([]);
    expect(third.missingUnits).toHaveLength(62);

    const mails = await readMails(sink);
    expect(addressesOf(mails)).toEqual(['hcm1@test.local', 'hcm2@test.local', 'hn@test.local']);
    const hn = mails.find((m) => addressesOf([m])[0] === 'hn@test.local')!;
    expect(hn.subject).toBe('[Nhắc hạn 17:00 20/07/2021] 971/TTg-KGVX — Thành phố Hà Nội chưa nộp báo cáo');
    expect(hn.text).toContain('Nộp báo cáo tại: http://127.0.0.1:9/bao-cao/971-nhan-luc-y-te/');
  });
});

describe('the summary email as a mail client sees it', () => {
  test('HTML, plain text and an XLSX whose sheets and cells match the summary; typed text escaped and neutralised', async () => {
    const runtime = await freshRuntime();
    const formId = '347-y-kien-doanh-nghiep-nguoi-dan';
    runtime.clock.set(new Date('2022-01-08T03:00:00Z'));
    const evil = '=HYPERLINK("http://evil.example","Nhấn vào đây") <script>alert(1)</script>';
    await runtime.service.putSubmission(
      { formId, period: '2022-01-10', orgUnit: '689' },
      {
        data: {
          items: [
            { source: 'business', topic: 'safeProduction', content: evil, proposal: 'Giảm xét nghiệm định kỳ' },
            { source: 'citizen', topic: 'vaccination', content: 'Tiêm mũi 3 cho người cao tuổi tại nhà' },
          ],
          contact: { name: 'Lê Văn Tám', phone: '0271 3879 000' },
        },
        submittedBy: 'Đồng Xoài',
      },
    );
    const job = runtime.summaryJob({ mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'x@y.vn' }), recipients: { 'so-y-te-binh-phuoc': ['syt@test.local'], 'ubnd-tinh-binh-phuoc': [] } });
    await job({ formId });
    const [mail] = await readMails(sink);

    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.text).toContain('Tiêm mũi 3 cho người cao tuổi tại nhà');
    expect(mail!.attachments).toHaveLength(1);
    const xlsx = mail!.attachments[0]!;
    expect(xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // A Vietnamese reader's file name: the form's title and the period, ASCII.
    expect(xlsx.filename).toBe('y-kien-cua-doanh-nghiep-nguoi-dan-ve-trien-khai-cac-bien-10-01-2022.xlsx');
    expect(mail!.text!.replace(/\n +/g, ' ')).toContain(`tệp đính kèm ${xlsx.filename}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.content as unknown as ArrayBuffer);
    const summary = await buildSummary(runtime.service, formId, '2022-01-10', runtime.clock.now());
    // An information sheet, then one sheet per table, named by its declared short name or its whole title.
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Thông tin', ...summary.tables.map((t) => t.sheet ?? t.title.vi)]);
    for (const table of summary.content.tables) {
      const sheet = workbook.getWorksheet(table.sheet ?? table.title.vi)!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...table.columns.map((c) => c.label.vi)]);
      table.rows.forEach((row, r) => {
        table.columns.forEach((c, i) => {
          const cell = sheet.getRow(r + 2).getCell(i + 1).value;
          const expected = row[c.key];
          if (typeof expected === 'number') expect(cell).toBe(c.kind === 'percent' ? expected / 100 : expected);
          // Text is a typed text cell, shown as written: never a formula, and no apostrophe to see.
          else if (typeof expected === 'string' && expected !== '') expect(cell).toBe(expected);
        });
      });
    }
    const cells = workbook.worksheets.flatMap((w) => w.getSheetValues().flat().filter((v) => typeof v === 'string')) as string[];
    expect(cells).toContain(evil);
    const formulas = workbook.worksheets.flatMap((w) => w.getSheetValues().flat().filter((v) => typeof v === 'object' && v !== null && 'formula' in v));
    expect(formulas).toEqual([]);
    expect(cells).toContain('Tiêm mũi 3 cho người cao tuổi tại nhà');
  });
});
