/**
 * 4380 readiness end to end: the national summary's figures against sums of the
 * stored submissions, and Lai Châu building its answer from its districts'.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSmtpMailer } from '../../functions/adapters/mail/nodemailer-mailer.ts';
import { fillDemoSubmissions } from '../../infra/local/demo-data.ts';
import { startSmtpSink, type SmtpSink } from '../../infra/local/smtp-sink.ts';
import { freshRuntime, signIn } from '../support/local-runtime.ts';
import { buildSummary, completenessTable } from '../../functions/core/summary.ts';
import { emailTables, readMails, viNumber } from '../support/mail.ts';

const NATIONAL = '4380-san-sang-tiem-chung';
const RELAY = 'laichau-4380-san-sang-tiem-chung';

type Facility = { ownership: string; sector: string; dosesPerDay: number; cold2to8: number; coldMinus15to25: number; coldUltra: number };
type Readiness = { facilities: Facility[]; population: Record<string, number>; plan: Array<{ vaccine: string; doses: number }> };

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ dir: mkdtempSync(join(tmpdir(), 'mail-')) });
});
afterAll(() => sink.stop());

/** The number in the text part's row that starts with `label`, at column `index` (0 = first number). */
function numberInRow(text: string, label: string, index = 0): number {
  const line = text.split('\n').find((l) => l.startsWith(label));
  if (!line) throw new Error(`no row "${label}" in:\n${text}`);
  const cells = line.split(/[|:]/).map((c) => c.trim()).filter((c) => /^-?[\d.]+$/.test(c));
  return viNumber(cells[index]!);
}

const cases = [
  { formId: NATIONAL, period: '2021-06-04', expected: 63, who: 'tỉnh, thành phố' },
  { formId: RELAY, period: '2021-06-03', expected: 13, who: 'đơn vị' },
];

describe.each(cases)('$formId summary', ({ formId, period, expected, who }) => {
  test('emails facility, capacity, cold-chain, population and planned-dose totals equal to the stored data', async () => {
    const runtime = await freshRuntime();
    const filled = await fillDemoSubmissions(runtime.service, runtime.clock, { missingShare: 0.2, lateShare: 0.2 });
    const counts = filled.find((f) => f.formId === formId)!;
    expect(counts.onTime * counts.late * counts.missing).toBeGreaterThan(0);

    const job = runtime.summaryJob({
      mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'bao-cao@baocao.local' }),
      recipients: { 'bo-y-te': ['cucytdp@test.local'], 'ubnd-tinh-lai-chau': ['ubnd@laichau.test'] },
      publicUrl: 'http://127.0.0.1:9/',
    });
    const result = await job({ formId });
    const mail = (await readMails(sink)).find((m) => m.subject === result.subject)!;
    const text = mail.text!;

    const records = await runtime.submissions.listCurrent(formId, period);
    const stored = records.map((r) => r.data as Readiness);
    const facilities = stored.flatMap((d) => d.facilities);
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

    expect(numberInRow(text, 'Số cơ sở tiêm chủng:')).toBe(facilities.length);
    expect(numberInRow(text, 'Công suất tiêm (liều/ngày):')).toBe(sum(facilities.map((f) => f.dosesPerDay)));
    expect(numberInRow(text, 'Tổng số đối tượng:')).toBe(sum(stored.flatMap((d) => Object.values(d.population))));
    expect(numberInRow(text, 'Số liều theo kế hoạch:')).toBe(sum(stored.flatMap((d) => d.plan.map((p) => p.doses))));
    const byKind = (await emailTables(mail)).get('Cơ sở tiêm chủng theo loại hình')!;
    const publicHealth = byKind.find((r) => r['Loại hình'] === 'Công lập' && r['Thuộc'] === 'Trong ngành y tế')!;
    expect(viNumber(publicHealth['Số cơ sở']!)).toBe(facilities.filter((f) => f.ownership === 'public' && f.sector === 'health').length);
    expect(numberInRow(text, '2 °C đến 8 °C')).toBe(sum(facilities.map((f) => f.cold2to8)));
    expect(numberInRow(text, '−15 °C đến −25 °C')).toBe(sum(facilities.map((f) => f.coldMinus15to25)));
    expect(numberInRow(text, 'Siêu lạnh')).toBe(sum(facilities.map((f) => f.coldUltra)));
    const astra = stored.flatMap((d) => d.plan).filter((p) => p.vaccine === 'astrazeneca');
    if (astra.length > 0) expect(numberInRow(text, 'AstraZeneca')).toBe(sum(astra.map((p) => p.doses)));
    expect(text).toContain(`${stored.length}/${expected} ${who} đã báo cáo`);
    // Units not yet reporting are named.
    const reported = new Set(records.map((r) => r.orgUnit));
    const missing = (await runtime.service.reporters(formId)).filter((u) => !reported.has(u.code));
    expect(missing.length).toBeGreaterThan(0);
    const missingLine = text.replace(/\n +/g, ' ').split('\n').find((l) => l.startsWith(`Chưa báo cáo (${missing.length}): `))!;
    for (const unit of missing) expect(missingLine).toContain(unit.name);
  });
});

describe('Lai Châu builds its answer to the Ministry from its districts', () => {
  test('the roll-up holds every district facility and plan row and the added-up people, and says who is missing', async () => {
    const runtime = await freshRuntime();
    await fillDemoSubmissions(runtime.service, runtime.clock, { missingShare: 0.25, lateShare: 0.1 });
    const relayed = await runtime.submissions.listCurrent(RELAY, '2021-06-03');
    const relayReporters = await runtime.service.reporters(RELAY);
    expect(relayReporters).toHaveLength(8 + 5);
    expect(relayed.length).toBeGreaterThan(0);
    expect(relayed.length).toBeLessThan(relayReporters.length);

    const laiChau = await signIn(runtime, { role: 'reporter', unit: '12' });
    const res = await runtime.app.request(`/api/forms/${NATIONAL}/periods/2021-06-04/rollup/12`, { headers: { cookie: laiChau } });
    expect(res.status).toBe(200);
    const { data, sources } = (await res.json()) as {
      data: Readiness;
      sources: Array<{ formId: string; unit: { code: string }; status: string }>;
    };
    const relayedData = relayed.map((r) => r.data as Readiness);
    expect(data.facilities).toHaveLength(relayedData.flatMap((d) => d.facilities).length);
    expect(data.plan).toHaveLength(relayedData.flatMap((d) => d.plan).length);
    expect(data.population.g08).toBe(relayedData.reduce((s, d) => s + d.population.g08!, 0));
    expect(sources.filter((s) => s.status === 'included').map((s) => s.unit.code).sort()).toEqual(relayed.map((r) => r.orgUnit).sort());
    expect(sources.filter((s) => s.status === 'missing')).toHaveLength(relayReporters.length - relayed.length);

    // The province adds its contact and submits the rolled-up answer as its own.
    const put = await runtime.app.request(`/api/forms/${NATIONAL}/periods/2021-06-04/submissions/12`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: laiChau },
      body: JSON.stringify({ data: { ...data, contact: { name: 'Lò Văn Minh', phone: '0213 3876 543' } }, submittedBy: 'Sở Y tế Lai Châu', origin: 'rollup' }),
    });
    expect(put.status).toBeLessThan(300);
    // The national summary says which provinces' answers were rolled up from their districts.
    const national = await buildSummary(runtime.service, NATIONAL, '2021-06-04', runtime.clock.now());
    const rows = completenessTable(national.completeness).rows;
    expect(rows.find((r) => r.code === '12')).toMatchObject({ origin: 'Tổng hợp từ cấp dưới' });
    expect(rows.filter((r) => r.origin !== '').map((r) => r.code)).toEqual(['12']);
  });

  test('a province that relayed nothing gets NO_ROLLUP; so does a form without roll-up', async () => {
    const runtime = await freshRuntime();
    const hcm = { headers: { cookie: await signIn(runtime, { role: 'reporter', unit: '79' }) } };
    const laiChau = { headers: { cookie: await signIn(runtime, { role: 'reporter', unit: '12' }) } };
    const other = await runtime.app.request(`/api/forms/${NATIONAL}/periods/2021-06-04/rollup/79`, hcm);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'NO_ROLLUP' } });
    const noRollup = await runtime.app.request('/api/forms/971-nhan-luc-y-te/periods/2021-07-20/rollup/12', laiChau);
    expect(await noRollup.json()).toMatchObject({ error: { code: 'NO_ROLLUP' } });
  });
});
