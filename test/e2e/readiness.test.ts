/**
 * 4380 in the browser: a province fills its facility register, priority groups
 * and vaccine plan; Lai Châu builds its answer from its districts by roll-up.
 * Each answer then appears in the summary email.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fillDemoSubmissions } from '../../infra/local/demo-data.ts';
import { emailTables, readMails } from '../support/mail.ts';
import { openForm, startE2E, submitAndReadReceipt, type E2E } from '../support/e2e.ts';

const NATIONAL = '4380-san-sang-tiem-chung';
const PERIOD = '2021-06-04';
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

/** Fills one facility, the eleven priority groups and one plan row naming `planSite`. */
async function fillReadiness(page: Page, facility: string, planSite: string) {
    await page.fill('#f-facilities-0-name', facility);
    await page.fill('#f-facilities-0-district', 'Đống Đa');
    await page.fill('#f-facilities-0-address', '78 Giải Phóng');
    await page.check('#f-facilities-0-ownership-0');
    await page.check('#f-facilities-0-sector-0');
    await page.check('#f-facilities-0-mode-0');
    await page.fill('#f-facilities-0-dosesPerDay', '1.500');
    await page.fill('#f-facilities-0-cold2to8', '800');
    await page.fill('#f-facilities-0-coldMinus15to25', '120');
    await page.fill('#f-facilities-0-coldUltra', '60');
    await page.fill('#f-facilities-0-vaccinators', '40');
    await page.check('#f-facilities-0-ready-0');
    for (let g = 1; g <= 11; g++) await page.fill(`#f-population-g${String(g).padStart(2, '0')}`, String(g * 1000));
    await expect.poll(() => page.locator('#f-population').innerText()).toContain('66.000');

    await page.click('#f-plan-add');
    await page.fill('#f-plan-0-batch', 'Đợt 5');
    await page.selectOption('#f-plan-0-vaccine', 'pfizer');
    await page.fill('#f-plan-0-doses', '20000');
    await page.selectOption('#f-plan-0-group', 'g01');
    await page.fill('#f-plan-0-facility', planSite);
    await page.check('#f-plan-0-method-0');
    await page.fill('#f-plan-0-startDate', '2021-06-10');
    await page.fill('#f-plan-0-endDate', '2021-06-12');
    await page.fill('#f-contact-name', 'Trần Thị Hà');
    await page.fill('#f-contact-phone', '024 3998 5765');

}

describe('4380 readiness form in the browser', () => {
  test('a province lists a facility, its people and a plan row, fixes the plan, submits, and is counted in the summary', async () => {
    e2e.clock.set(new Date('2021-06-03T02:00:00Z'));
    const page = await openForm(e2e, NATIONAL, '01');
    await page.fill('#submittedBy', 'Sở Y tế Hà Nội');

    await fillReadiness(page, 'Bệnh viện Bạch Mai', 'Bệnh viện khác');

    // The plan names a site that is not in the register: refused beside that cell.
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByTestId('error-summary').isVisible()).toBe(true);
    expect(await page.getAttribute('#f-plan-0-facility', 'aria-invalid')).toBe('true');
    expect(await page.getByTestId('error-summary').innerText()).toContain('Điểm tiêm chủng chưa có trong danh sách cơ sở tiêm chủng trên địa bàn.');

    await page.fill('#f-plan-0-facility', 'Bệnh viện Bạch Mai');
    const receipt = await submitAndReadReceipt(page);
    expect(receipt).toContain('Thành phố Hà Nội');

    const stored = await e2e.platform.runtime.submissions.getCurrent({ formId: NATIONAL, period: PERIOD, orgUnit: '01' });
    expect(stored?.data).toMatchObject({
      facilities: [{ name: 'Bệnh viện Bạch Mai', ownership: 'public', dosesPerDay: 1500, coldUltra: 60, ready: true }],
      population: { g01: 1000, g11: 11000 },
      plan: [{ vaccine: 'pfizer', doses: 20000, group: 'g01', method: 'fixed', startDate: '2021-06-10' }],
    });

    const result = await e2e.platform.runSummary({ formId: NATIONAL });
    const mail = (await readMails(e2e.platform.sink)).find((m) => m.subject === result.subject)!;
    expect(mail.text).toContain('Số cơ sở tiêm chủng: 1');
    expect(mail.text).toContain('Công suất tiêm (liều/ngày): 1.500');
    expect(mail.text).toMatch(/Pfizer-BioNTech \(Comirnaty\)\s*\|\s*20\.000/);
    await page.close();
  });

  test('a Lai Châu district answers the province’s relay of the form, and appears in the province’s summary', async () => {
    e2e.clock.set(new Date('2021-06-02T02:00:00Z'));
    const page = await openForm(e2e, 'laichau-4380-san-sang-tiem-chung', '106');
    await page.fill('#submittedBy', 'Trung tâm Y tế huyện Tam Đường');
    await fillReadiness(page, 'Trung tâm Y tế huyện Tam Đường', 'Trung tâm Y tế huyện Tam Đường');
    expect(await submitAndReadReceipt(page)).toContain('Huyện Tam Đường');
    const result = await e2e.platform.runSummary({ formId: 'laichau-4380-san-sang-tiem-chung' });
    const mails = (await readMails(e2e.platform.sink)).filter((m) => m.subject === result.subject);
    // One message to each recipient the province named.
    expect(mails.map((m) => (m.to as { value: Array<{ address: string }> }).value[0]!.address).sort()).toEqual([
      'so-y-te-lai-chau@baocao.local',
      'ubnd-tinh-lai-chau@baocao.local',
    ]);
    const mail = mails[0]!;
    expect(mail.text).toContain('1/13 đơn vị đã báo cáo');
    const byUnit = (await emailTables(mail)).get('Chi tiết theo đơn vị báo cáo')!;
    expect(Object.values(byUnit.find((r) => r['Mã'] === '106')!).slice(0, 5)).toEqual(['106', 'Huyện Tam Đường', '1', '1', '1.500']);
    await page.close();
  });

  test('Lai Châu rolls its districts’ answers up into its own, reviews, and submits', async () => {
    await fillDemoSubmissions(e2e.platform.runtime.service, e2e.clock, { missingShare: 0.2, lateShare: 0 });
    const relayed = await e2e.platform.runtime.submissions.listCurrent('laichau-4380-san-sang-tiem-chung', '2021-06-03');
    const facilities = relayed.flatMap((r) => (r.data as { facilities: unknown[] }).facilities).length;

    e2e.clock.set(new Date('2021-06-04T08:00:00Z'));
    const page = await openForm(e2e, NATIONAL, '12');
    await page.fill('#submittedBy', 'Sở Y tế Lai Châu');
    // The demo also stored Lai Châu's own answer, which is prefilled first; the roll-up replaces it.
    const rollupButton = page.getByRole('button', { name: 'Tổng hợp từ báo cáo của đơn vị cấp dưới' });
    await expect.poll(() => rollupButton.isEnabled()).toBe(true);
    await rollupButton.click();
    await expect.poll(() => page.locator('main').innerText()).toContain(`Đã tổng hợp từ ${relayed.length}/13 đơn vị`);
    expect(await page.locator('[id^="f-facilities-"][id$="-name"]').count()).toBe(facilities);

    await page.fill('#f-contact-name', 'Lò Văn Minh');
    await page.fill('#f-contact-phone', '0213 3876 543');
    await submitAndReadReceipt(page);
    const stored = await e2e.platform.runtime.submissions.getCurrent({ formId: NATIONAL, period: PERIOD, orgUnit: '12' });
    expect((stored?.data as { facilities: unknown[] }).facilities).toHaveLength(facilities);
    expect(stored?.origin).toBe('rollup');
    await page.close();
  });
});
