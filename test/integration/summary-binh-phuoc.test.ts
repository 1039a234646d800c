/**
 * The three Bình Phước forms end to end: demo answers stored in DynamoDB Local,
 * the summary job mailing through the SMTP sink, and the email read back as a
 * mail client would. Every number is recomputed here from the stored items,
 * never through the forms' own `outputs.summary`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import vaccines from '#schemas/data/vac-xin-covid-19.json' with { type: 'json' };
import { createSmtpMailer } from '../../functions/adapters/mail/nodemailer-mailer.ts';
import type { SubmissionRecord } from '../../functions/core/ports.ts';
import { fillDemoSubmissions } from '../../infra/local/demo-data.ts';
import { startSmtpSink, type SmtpSink } from '../../infra/local/smtp-sink.ts';
import { formLoaders } from '#schemas/registry.ts';
import { freshRuntime } from '../support/local-runtime.ts';
import { completenessLine, emailTables, readMails, viNumber } from '../support/mail.ts';

const DAILY = '3294-tien-do-tiem-hang-ngay';
const RESULTS = '347-ket-qua-thuc-hien';
const FEEDBACK = '347-y-kien-doanh-nghiep-nguoi-dan';

/** Deadlines written out by hand in UTC: 18:00 each day; 00:00 on 08/01 and 10/01/2022, Vietnam time. */
const dailyDeadline = (day: number) => Date.UTC(2021, 9, day, 11, 0);
const RESULTS_DEADLINE = Date.UTC(2022, 0, 7, 17, 0);
const FEEDBACK_DEADLINE = Date.UTC(2022, 0, 9, 17, 0);

type Doses = Record<'dose1' | 'dose2', Record<'age18to49' | 'age50plus', number>>;
type Daily = {
  doses: Doses;
  sites: { fixed: number; mobile: number };
  vaccines: Array<{ vaccine: string; openingStock: number; received: number }>;
  dataEntry: { enteredToday: number; backlog: number };
};
type Coverage = { target: number; vaccinated: number; lastWeek?: number };
type Results = {
  dose2Age18Plus?: Coverage;
  dose2Age12to17?: Coverage;
  dose3Age18Plus?: Coverage;
  mobileTeams: number;
  screening: { tested: number; positive: number };
  drugs: { received: number; allocated: number; facilities: number };
  medicalStations: number;
  workforce: { retired: number; private: number };
  narrative: string;
};
type Feedback = { items: Array<{ source: string; topic: string; content: string; proposal?: string }> };

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const vi = (n: number) => n.toLocaleString('vi-VN');
const status = (record: SubmissionRecord | undefined, deadlineMs: number) =>
  !record ? 'Chưa báo cáo' : Date.parse(record.firstSubmittedAt) <= deadlineMs ? 'Đúng hạn' : 'Muộn';
const completeness = (records: SubmissionRecord[], expected: number, deadlineMs: number) => {
  const onTime = records.filter((r) => Date.parse(r.firstSubmittedAt) <= deadlineMs).length;
  return { reported: records.length, expected, onTime, late: records.length - onTime, missing: expected - records.length };
};

async function table(mail: ParsedMail, title: string) {
  const found = (await emailTables(mail)).get(title);
  if (!found) throw new Error(`no table "${title}" in the email`);
  return found;
}

/** The value of a key figure in the plain-text part ("Label: 1.234"). */
function figure(mail: ParsedMail, label: string): number {
  const line = mail.text!.split('\n').find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`no figure "${label}" in:\n${mail.text}`);
  return viNumber(line.slice(label.length + 2));
}

function percentFigure(mail: ParsedMail, label: string): number | null {
  const line = mail.text!.split('\n').find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`no figure "${label}" in:\n${mail.text}`);
  return percentCell(line.slice(label.length + 2));
}

/** "93,5 %" → 93.5; "" → null */
const percentCell = (text: string) => (text === '—' ? null : Number(text.replace(/\s%/, '').replace(/\./g, '').replace(',', '.')));
const intCell = (text: string) => (text === '—' ? null : viNumber(text));

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ dir: mkdtempSync(join(tmpdir(), 'mail-')) });
});
afterAll(() => sink.stop());

/**
 * A runtime whose registry holds only `formId`, filled from the form's `demo`.
 * The shares are chosen per form so that its seeded draws give on-time, late and
 * missing units (each test asserts it, so a change of seeds cannot pass silently).
 */
async function filledRuntime(formId: string, shares: { missingShare: number; lateShare: number }) {
  const runtime = await freshRuntime({ loaders: { [formId]: formLoaders[formId]! } });
  const filled = await fillDemoSubmissions(runtime.service, runtime.clock, { ...shares, maxPeriods: 3 });
  const job = runtime.summaryJob({
    mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'bao-cao@baocao.local' }),
    recipients: {
      'truong-bcd-tinh-binh-phuoc': ['bcd@binhphuoc.test'],
      'ubnd-tinh-binh-phuoc': ['ubnd@binhphuoc.test'],
      'so-y-te-binh-phuoc': ['syt@binhphuoc.test'],
    },
    publicUrl: 'http://127.0.0.1:9/',
  });
  async function mail(period: string) {
    const result = await job({ formId, period });
    const mails = (await readMails(sink)).filter((m) => m.subject === result.subject);
    // One message per recipient, each addressed to that recipient alone.
    expect(mails.map((m) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t!.value.map((v) => v.address)))).toEqual(
      [...result.to].sort().map((a) => [a]).sort(),
    );
    return mails[0]!;
  }
  return { runtime, filled, mail };
}

function doseTotals(d: Doses) {
  const dose1 = d.dose1.age18to49 + d.dose1.age50plus;
  const dose2 = d.dose2.age18to49 + d.dose2.age50plus;
  return { dose1, dose2 };
}

describe('3294 daily vaccination progress, day 3 of the round', () => {
  const DAYS = ['2021-10-01', '2021-10-02', '2021-10-03'];
  let ctx: Awaited<ReturnType<typeof filledRuntime>>;
  beforeAll(async () => {
    ctx = await filledRuntime(DAILY, { missingShare: 0.2, lateShare: 0.25 });
  });

  test('demo data has on-time, late and missing districts, and day 3 lacks someone who reported before', async () => {
    const days = ctx.filled.filter((f) => f.formId === DAILY);
    expect(days.map((d) => d.period)).toEqual(DAYS);
    for (const d of days) expect(d.onTime + d.late + d.missing).toBe(11);
    expect(sum(days.map((d) => d.onTime))).toBeGreaterThan(0);
    expect(sum(days.map((d) => d.late))).toBeGreaterThan(0);
    expect(days[2]!.missing).toBeGreaterThan(0);
  });

  test('the email’s today and cumulative figures, per district and for the province, equal the stored days', async () => {
    const { runtime } = ctx;
    const mail = await ctx.mail('2021-10-03');
    const stored = await Promise.all(DAYS.map((day) => runtime.submissions.listCurrent(DAILY, day)));
    const today = new Map(stored[2]!.map((r) => [r.orgUnit, r]));
    const districts = await runtime.service.reporters(DAILY);
    expect(districts.map((u) => u.code)).toEqual(['688', '689', '690', '691', '692', '693', '694', '695', '696', '697', '698']);

    const rows = await table(mail, 'Tiến độ tiêm chủng theo huyện, thị xã, thành phố');
    expect(rows).toHaveLength(11 + 1);
    let silentWithHistory = 0;
    for (const [i, unit] of districts.entries()) {
      const all = stored.flatMap((day) => day.filter((r) => r.orgUnit === unit.code)).map((r) => doseTotals((r.data as Daily).doses));
      const cumulative = { dose1: sum(all.map((d) => d.dose1)), dose2: sum(all.map((d) => d.dose2)) };
      const record = today.get(unit.code);
      const now = record ? doseTotals((record.data as Daily).doses) : undefined;
      const row = rows[i]!;
      expect(row['Mã']).toBe(unit.code);
      expect(row['Huyện, thị xã, thành phố']).toBe(unit.name);
      expect(intCell(row['Trong ngày: Mũi 1']!)).toBe(now?.dose1 ?? null);
      expect(intCell(row['Trong ngày: Mũi 2']!)).toBe(now?.dose2 ?? null);
      expect(intCell(row['Trong ngày: Tổng']!)).toBe(now ? now.dose1 + now.dose2 : null);
      expect(intCell(row['Lũy kế từ 01/10/2021: Mũi 1']!)).toBe(cumulative.dose1);
      expect(intCell(row['Lũy kế từ 01/10/2021: Mũi 2']!)).toBe(cumulative.dose2);
      expect(intCell(row['Lũy kế từ 01/10/2021: Tổng']!)).toBe(cumulative.dose1 + cumulative.dose2);
      expect(intCell(row['Tồn đọng chưa nhập']!)).toBe(record ? (record.data as Daily).dataEntry.backlog : null);
      expect(row['Tình trạng báo cáo']).toBe(status(record, dailyDeadline(3)));
      if (!record && cumulative.dose1 > 0) silentWithHistory++;
    }
    expect(silentWithHistory).toBeGreaterThan(0);

    const todayData = stored[2]!.map((r) => r.data as Daily);
    const allData = stored.flat().map((r) => r.data as Daily);
    const todayTotal = sum(todayData.map((d) => doseTotals(d.doses).dose1 + doseTotals(d.doses).dose2));
    const cumulative1 = sum(allData.map((d) => doseTotals(d.doses).dose1));
    const cumulative2 = sum(allData.map((d) => doseTotals(d.doses).dose2));
    expect(todayTotal).toBeGreaterThan(0);
    expect(cumulative1 + cumulative2).toBeGreaterThan(todayTotal);

    expect(mail.subject).toBe(`[3294/UBND-KGVX] Số liều đã tiêm trong ngày: ${vi(todayTotal)} — ${stored[2]!.length}/11 huyện, thị xã, thành phố đã báo cáo`);
    expect(figure(mail, 'Số liều đã tiêm trong ngày')).toBe(todayTotal);
    // A running total says how many of the round's reports it adds up when some are missing.
    const received = stored.flat().length;
    const held = received < 11 * DAYS.length ? ` (${received}/${11 * DAYS.length} báo cáo đã nhận)` : '';
    expect(received).toBeLessThan(11 * DAYS.length);
    expect(figure(mail, `Lũy kế số liều đã tiêm từ 01/10/2021${held}`)).toBe(cumulative1 + cumulative2);
    expect(figure(mail, `Lũy kế mũi 1 từ 01/10/2021${held}`)).toBe(cumulative1);
    expect(figure(mail, `Lũy kế mũi 2 từ 01/10/2021${held}`)).toBe(cumulative2);
    expect(figure(mail, 'Số đối tượng nhập lên Hệ thống trong ngày')).toBe(sum(todayData.map((d) => d.dataEntry.enteredToday)));
    expect(figure(mail, 'Số đối tượng tồn đọng chưa nhập lên Hệ thống (các huyện báo cáo hôm nay)')).toBe(
      sum(todayData.map((d) => d.dataEntry.backlog)),
    );

    const total = rows.at(-1)!;
    expect(total['Huyện, thị xã, thành phố']).toBe('Toàn tỉnh');
    expect(intCell(total['Lũy kế từ 01/10/2021: Tổng']!)).toBe(cumulative1 + cumulative2);
    expect(intCell(total['Cơ sở cố định']!)).toBe(sum(todayData.map((d) => d.sites.fixed)));
    expect(intCell(total['Điểm tiêm lưu động']!)).toBe(sum(todayData.map((d) => d.sites.mobile)));

    const byAge = await table(mail, 'Số liều đã tiêm trong ngày theo mũi và nhóm tuổi (toàn tỉnh)');
    for (const [i, dose] of (['dose1', 'dose2'] as const).entries()) {
      expect(intCell(byAge[i]!['Từ 18 đến 49 tuổi']!)).toBe(sum(todayData.map((d) => d.doses[dose].age18to49)));
      expect(intCell(byAge[i]!['Từ 50 tuổi trở lên']!)).toBe(sum(todayData.map((d) => d.doses[dose].age50plus)));
    }
    expect(intCell(byAge[2]!['Tổng']!)).toBe(todayTotal);

    const stock = await table(mail, 'Vắc xin trong ngày theo loại (toàn tỉnh, các huyện đã báo cáo)');
    const rowsOf = todayData.flatMap((d) => d.vaccines);
    const used = vaccines.filter((v) => rowsOf.some((r) => r.vaccine === v.key));
    expect(stock.map((r) => r['Loại vắc xin'])).toEqual([...used.map((v) => v.vi), 'Tổng cộng']);
    for (const [i, v] of used.entries()) {
      const of = rowsOf.filter((r) => r.vaccine === v.key);
      expect(intCell(stock[i]!['Tồn đầu ngày']!)).toBe(sum(of.map((r) => r.openingStock)));
      expect(intCell(stock[i]!['Nhận trong ngày']!)).toBe(sum(of.map((r) => r.received)));
      expect(intCell(stock[i]!['Có thể sử dụng']!)).toBe(sum(of.map((r) => r.openingStock + r.received)));
    }

    expect(completenessLine(mail.text!)).toEqual(completeness(stored[2]!, 11, dailyDeadline(3)));
    expect(mail.to).toMatchObject({ value: [{ address: 'bcd@binhphuoc.test' }] });
  });

  test('a day-4 report that takes cumulative dose 2 above cumulative dose 1 is refused and nothing is stored', async () => {
    const { runtime } = ctx;
    const stored = (await Promise.all(DAYS.map((day) => runtime.submissions.listCurrent(DAILY, day)))).flat();
    const byUnit = Map.groupBy(stored, (r) => r.orgUnit);
    // The district with the most days reported, so the rule has history to add up.
    const [orgUnit, records] = [...byUnit.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const totals = records.map((r) => doseTotals((r.data as Daily).doses));
    const dose1 = sum(totals.map((t) => t.dose1));
    const dose2 = sum(totals.map((t) => t.dose2));
    const room = dose1 - dose2;
    expect(records.length).toBeGreaterThan(1);
    expect(room).toBeGreaterThan(0);

    const dayFour = (dose2Today: number) => ({
      doses: { dose1: { age18to49: 0, age50plus: 0 }, dose2: { age18to49: dose2Today, age50plus: 0 } },
      sites: { fixed: 5, mobile: 1 },
      vaccines: [{ vaccine: 'pfizer', openingStock: dose2Today, received: 0 }],
      dataEntry: { enteredToday: dose2Today, backlog: 0 },
      contact: { name: 'Trần Văn Bình', phone: '0271 3879 123' },
    });
    const key = { formId: DAILY, period: '2021-10-04', orgUnit };
    runtime.clock.set(new Date(dailyDeadline(4) - 3600_000));

    await expect(runtime.service.putSubmission(key, { data: dayFour(room + 1), submittedBy: 'Cán bộ huyện' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: {
        doses: [
          `Lũy kế mũi 2 trong đợt tiêm (${vi(dose2 + room + 1)} liều) vượt quá lũy kế mũi 1 (${vi(dose1)} liều). Vui lòng kiểm tra lại số liệu hôm nay và các ngày trước, hoặc nhập lũy kế trước đợt tiêm.`,
        ],
      },
    });
    expect(await runtime.submissions.getCurrent(key)).toBeUndefined();
    expect(await runtime.submissions.listRevisions(key)).toEqual([]);

    // Exactly as many second doses as first doses is allowed.
    await expect(runtime.service.putSubmission(key, { data: dayFour(room), submittedBy: 'Cán bộ huyện' })).resolves.toMatchObject({ status: 'created' });
  });
});

describe('347 results, due before 08/01/2022', () => {
  test('coverage adds up districts only; measures and completeness equal the stored answers', async () => {
    const { runtime, filled, mail: mailOf } = await filledRuntime(RESULTS, { missingShare: 0.2, lateShare: 0.25 });
    expect(filled).toEqual([expect.objectContaining({ formId: RESULTS, period: '2022-01-08' })]);
    const counts = filled[0]!;
    expect(counts.onTime * counts.late * counts.missing).toBeGreaterThan(0);

    const mail = await mailOf('2022-01-08');
    const records = await runtime.submissions.listCurrent(RESULTS, '2022-01-08');
    const kinds = new Map((await runtime.orgUnits.list()).map((u) => [u.code, u.kind]));
    const ofKind = (kind: string) => records.filter((r) => kinds.get(r.orgUnit) === kind).map((r) => r.data as Results);
    const districts = ofKind('district');
    const departments = ofKind('department');
    expect(districts.length).toBeGreaterThan(0);
    // A department reporting vaccination (the Sở Y tế, province-wide) is what must stay out of the sums.
    expect(departments.some((d) => d.dose2Age18Plus)).toBe(true);

    const coverage = await table(mail, 'Kết quả tiêm vắc xin theo mục tiêu — cộng số liệu các huyện, thị xã, thành phố (số liệu của sở, ban, ngành không cộng vào)');
    const targets = ['dose2Age18Plus', 'dose2Age12to17', 'dose3Age18Plus'] as const;
    const wholePercents: number[] = [];
    for (const [i, key] of targets.entries()) {
      const target = sum(districts.map((d) => d[key]?.target ?? 0));
      const vaccinated = sum(districts.map((d) => d[key]?.vaccinated ?? 0));
      expect(intCell(coverage[i]!['Số người cần tiêm']!)).toBe(target);
      expect(intCell(coverage[i]!['Số người đã tiêm']!)).toBe(vaccinated);
      expect(percentCell(coverage[i]!['Tỷ lệ đạt']!)).toBe(Math.round((vaccinated / target) * 1000) / 10);
      expect(intCell(coverage[i]!['Số huyện có số liệu']!)).toBe(districts.filter((d) => d[key]).length);
      wholePercents.push(Math.round((vaccinated / target) * 1000) / 10);
    }

    // Progress: the 12–17 target is due 31/01/2022, 23 days after the report date.
    const progress = await table(mail, 'Tiến độ so với mục tiêu, tính đến 08/01/2022');
    const teens = progress.find((r) => r['Đơn vị'] === 'Toàn tỉnh (các huyện)' && r['Mục tiêu'] === 'Tiêm mũi 2 cho người từ 12-17 tuổi')!;
    const left = sum(districts.map((d) => d.dose2Age12to17?.target ?? 0)) - sum(districts.map((d) => d.dose2Age12to17?.vaccinated ?? 0));
    const pace = sum(districts.map((d) => d.dose2Age12to17?.lastWeek ?? 0)) / 7;
    expect(intCell(teens['Số người còn phải tiêm']!)).toBe(left);
    expect(intCell(teens['Tốc độ cần (người/ngày)']!)).toBe(Math.ceil(left / 23));
    expect(intCell(teens['Tốc độ hiện tại (người/ngày, 7 ngày qua)']!)).toBe(Math.round(pace));
    const done = new Date(Date.UTC(2022, 0, 8) + Math.ceil(left / pace) * 86_400_000);
    expect(teens['Dự kiến hoàn thành']).toBe(done.toISOString().slice(0, 10).split('-').reverse().join('/'));
    expect(teens['Đánh giá']).toBe(done.getTime() > Date.UTC(2022, 0, 31) ? 'Chậm tiến độ' : 'Kịp tiến độ');

    const first = 'Tỷ lệ tiêm mũi 2 cho người từ 18 tuổi trở lên (các huyện)';
    const vi = (n: number) => `${n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0%`;
    expect(mail.subject).toBe(`[…/UBND-KGVX] ${first}: ${vi(wholePercents[0]!)} — ${records.length}/17 đơn vị đã báo cáo`);
    expect(percentFigure(mail, first)).toBe(wholePercents[0]);
    expect(percentFigure(mail, 'Tỷ lệ tiêm mũi 2 cho người từ 12-17 tuổi (các huyện)')).toBe(wholePercents[1]);
    expect(percentFigure(mail, 'Tỷ lệ tiêm mũi thứ 3 cho người từ 18 tuổi trở lên (các huyện)')).toBe(wholePercents[2]);

    const measures: Array<[string, (d: Results) => number]> = [
      ['Số người được xét nghiệm tầm soát', (d) => d.screening.tested],
      ['Số ca dương tính phát hiện qua tầm soát', (d) => d.screening.positive],
      ['Số liệu trình thuốc điều trị đã tiếp nhận', (d) => d.drugs.received],
      ['Số liệu trình đã phân bổ cho cơ sở thu dung, điều trị', (d) => d.drugs.allocated],
      ['Số cơ sở thu dung, điều trị được cấp thuốc', (d) => d.drugs.facilities],
      ['Số Trạm Y tế lưu động đã thành lập', (d) => d.medicalStations],
      ['Số nhân viên y tế đã nghỉ hưu được huy động', (d) => d.workforce.retired],
      ['Số nhân viên y tế tư nhân được huy động', (d) => d.workforce.private],
      ['Số tổ lưu động vận động và tiêm vắc xin', (d) => d.mobileTeams],
    ];
    const other = await table(mail, 'Các biện pháp khác (số liệu do từng đơn vị báo cáo; số của sở, ban, ngành và của huyện có thể trùng nhau)');
    expect(other.map((r) => r['Nội dung'])).toEqual(measures.map(([label]) => label));
    for (const [i, [, value]] of measures.entries()) {
      expect(intCell(other[i]!['Các huyện, thị xã, thành phố']!)).toBe(sum(districts.map(value)));
      expect(intCell(other[i]!['Các sở, ban, ngành']!)).toBe(sum(departments.map(value)));
      expect(intCell(other[i]!['Tổng cộng']!)).toBe(sum([...districts, ...departments].map(value)));
    }
    // Key figures add up the districts only, and say so: a department's count may include a district's.
    expect(figure(mail, 'Số người được xét nghiệm tầm soát (các huyện)')).toBe(sum(districts.map((d) => d.screening.tested)));
    expect(figure(mail, 'Số nhân viên y tế nghỉ hưu, tư nhân được huy động (các huyện)')).toBe(sum(districts.map((d) => d.workforce.retired + d.workforce.private)));

    const byUnit = await table(mail, 'Chi tiết theo đơn vị');
    expect(byUnit.slice(0, -1).map((r) => r['Mã'])).toEqual(records.map((r) => r.orgUnit).sort());
    const narratives = await table(mail, 'Tóm tắt kết quả, khó khăn, vướng mắc và đề xuất của các đơn vị');
    expect(narratives).toHaveLength(records.length);

    expect(completenessLine(mail.text!)).toEqual(completeness(records, 17, RESULTS_DEADLINE));
    expect(mail.to).toMatchObject({ value: [{ address: 'ubnd@binhphuoc.test' }] });
  });
});

describe('347 feedback from businesses and citizens, due before 10/01/2022', () => {
  const SOURCES: Record<string, string> = { business: 'Doanh nghiệp', citizen: 'Người dân' };
  const TOPICS: Record<string, string> = {
    measures: 'Biện pháp phòng, chống dịch',
    vaccination: 'Tiêm vắc xin',
    testing: 'Xét nghiệm',
    isolationTreatment: 'Cách ly, điều trị',
    safeProduction: 'Sản xuất, kinh doanh an toàn',
    socialSecurity: 'An sinh xã hội',
    other: 'Khác',
  };

  test('counts by topic, source and district, and the full list, equal the stored opinions', async () => {
    const { runtime, filled, mail: mailOf } = await filledRuntime(FEEDBACK, { missingShare: 0.32, lateShare: 0.1 });
    const counts = filled[0]!;
    expect(counts).toMatchObject({ formId: FEEDBACK, period: '2022-01-10' });
    expect(counts.onTime * counts.late * counts.missing).toBeGreaterThan(0);

    const mail = await mailOf('2022-01-10');
    const records = (await runtime.submissions.listCurrent(FEEDBACK, '2022-01-10')).sort((a, b) => a.orgUnit.localeCompare(b.orgUnit));
    const districts = await runtime.service.reporters(FEEDBACK);
    const names = new Map(districts.map((u) => [u.code, u.name]));
    const items = records.flatMap((r) => (r.data as Feedback).items.map((item) => ({ orgUnit: r.orgUnit, ...item })));

    expect(mail.subject).toBe(`[…/UBND-KGVX] Số ý kiến: ${vi(items.length)} — ${records.length}/11 huyện, thị xã, thành phố đã báo cáo`);
    expect(figure(mail, 'Số ý kiến')).toBe(items.length);
    expect(figure(mail, 'Ý kiến của doanh nghiệp')).toBe(items.filter((i) => i.source === 'business').length);
    expect(figure(mail, 'Ý kiến của người dân')).toBe(items.filter((i) => i.source === 'citizen').length);
    expect(figure(mail, 'Số ý kiến có đề xuất, kiến nghị')).toBe(items.filter((i) => i.proposal).length);

    const byTopic = await table(mail, 'Số ý kiến theo lĩnh vực');
    expect(byTopic.map((r) => r['Lĩnh vực'])).toEqual([...Object.values(TOPICS), 'Tổng cộng']);
    for (const row of byTopic) {
      const of = row['Lĩnh vực'] === 'Tổng cộng' ? items : items.filter((i) => TOPICS[i.topic] === row['Lĩnh vực']);
      expect(intCell(row['Doanh nghiệp']!)).toBe(of.filter((i) => i.source === 'business').length);
      expect(intCell(row['Người dân']!)).toBe(of.filter((i) => i.source === 'citizen').length);
      expect(intCell(row['Tổng']!)).toBe(of.length);
    }

    const byDistrict = await table(mail, 'Số ý kiến theo huyện, thị xã, thành phố');
    for (const [i, unit] of districts.entries()) {
      const record = records.find((r) => r.orgUnit === unit.code);
      expect(byDistrict[i]!['Mã']).toBe(unit.code);
      expect(intCell(byDistrict[i]!['Tổng']!)).toBe(record ? (record.data as Feedback).items.length : null);
      expect(byDistrict[i]!['Tình trạng báo cáo']).toBe(status(record, FEEDBACK_DEADLINE));
    }

    const list = await table(mail, 'Danh sách ý kiến');
    expect(list).toEqual(
      items.map((item, i) => ({
        STT: String(i + 1),
        'Huyện, thị xã, thành phố': names.get(item.orgUnit),
        'Ý kiến của': SOURCES[item.source],
        'Lĩnh vực': TOPICS[item.topic],
        'Nội dung ý kiến': item.content,
        'Đề xuất, kiến nghị': item.proposal ?? '',
      })),
    );

    expect(completenessLine(mail.text!)).toEqual(completeness(records, 11, FEEDBACK_DEADLINE));
  });
});
