/**
 * Bình Phước's three forms in the browser: a district's daily vaccination
 * report (grid, vaccine table, the cumulative-dose rule from the server), the
 * 347 implementation report (conditional sections, computed coverage) and the
 * business/citizen feedback table; each then appears in its summary email.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emailTables, readMails } from '../support/mail.ts';
import { openForm, startE2E, submitAndReadReceipt, type E2E } from '../support/e2e.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

async function summaryMail(formId: string, period?: string) {
  const result = await e2e.platform.runSummary({ formId, ...(period ? { period } : {}) });
  return (await readMails(e2e.platform.sink)).find((m) => m.subject === result.subject)!;
}

describe('3294 daily vaccination progress', () => {
  const FORM = '3294-tien-do-tiem-hang-ngay';
  const day1 = {
    doses: { dose1: { age18to49: 400, age50plus: 100 }, dose2: { age18to49: 50, age50plus: 30 } },
    sites: { fixed: 3, mobile: 2 },
    vaccines: [{ vaccine: 'astrazeneca', openingStock: 2000, received: 0 }],
    dataEntry: { enteredToday: 500, backlog: 1200 },
    contact: { name: 'Điểu Văn Hùng', phone: '0271 3879 123' },
  };

  test('a district reports its day; the server refuses a cumulative 2nd-dose excess beside the doses; the summary adds the days', async () => {
    e2e.clock.set(new Date('2021-10-01T09:00:00Z'));
    await e2e.platform.runtime.service.putSubmission({ formId: FORM, period: '2021-10-01', orgUnit: '689' }, { data: day1, submittedBy: 'Đồng Xoài' });

    e2e.clock.set(new Date('2021-10-02T09:30:00Z'));
    const page = await openForm(e2e, FORM, '689');
    await page.fill('#period', '2021-10-02');
    await page.fill('#submittedBy', 'Điểu Văn Hùng');
    await page.fill('#f-doses-dose1-age18to49', '300');
    await page.fill('#f-doses-dose1-age50plus', '120');
    await page.fill('#f-doses-dose2-age18to49', '900');
    await page.fill('#f-doses-dose2-age50plus', '20');
    // Row, column and grand totals follow the typing.
    await expect.poll(() => page.locator('#f-doses').innerText()).toContain('1.340');
    await page.fill('#f-sites-fixed', '3');
    await page.fill('#f-sites-mobile', '4');
    await page.click('#f-vaccines-add');
    await page.selectOption('#f-vaccines-0-vaccine', 'astrazeneca');
    await page.fill('#f-vaccines-0-openingStock', '1.920');
    await page.fill('#f-vaccines-0-received', '1.000');
    await expect.poll(() => page.locator('#f-vaccines').innerText()).toContain('2.920');
    await page.fill('#f-dataEntry-enteredToday', '1.100');
    await page.fill('#f-dataEntry-backlog', '800');
    await page.fill('#f-contact-name', 'Điểu Văn Hùng');
    await page.fill('#f-contact-phone', '0271 3879 123');

    // 80 + 920 second doses against 500 + 420 first doses over the two days.
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByTestId('error-summary').isVisible()).toBe(true);
    expect(await page.getByTestId('error-summary').innerText()).toContain('Lũy kế mũi 2 trong đợt tiêm (1.000 liều) vượt quá lũy kế mũi 1 (920 liều)');
    expect(await e2e.platform.runtime.submissions.getCurrent({ formId: FORM, period: '2021-10-02', orgUnit: '689' })).toBeUndefined();

    await page.fill('#f-doses-dose2-age18to49', '200');
    const receipt = await submitAndReadReceipt(page);
    expect(receipt).toContain('Thành phố Đồng Xoài');
    expect(await e2e.platform.runtime.submissions.getCurrent({ formId: FORM, period: '2021-10-02', orgUnit: '689' })).toMatchObject({
      data: { doses: { dose1: { age18to49: 300, age50plus: 120 }, dose2: { age18to49: 200, age50plus: 20 } }, vaccines: [{ openingStock: 1920 }] },
    });

    const mail = await summaryMail(FORM, '2021-10-02');
    // Đồng Xoài: today 420 + 220 = 640; cumulative 500 + 420 first and 80 + 220 second doses.
    const byDistrict = (await emailTables(mail)).get('Tiến độ tiêm chủng theo huyện, thị xã, thành phố')!;
    expect(Object.values(byDistrict.find((r) => r['Mã'] === '689')!).slice(0, 8)).toEqual(['689', 'Thành phố Đồng Xoài', '420', '220', '640', '920', '300', '1.220']);
    expect(mail.text).toContain('1/11 huyện, thị xã, thành phố đã báo cáo');
    await page.close();
  });
});

describe('347 implementation report', () => {
  const FORM = '347-ket-qua-thuc-hien';

  test('a district reports coverage (computed, not typed) and its measures; a rule is shown beside its field', async () => {
    e2e.clock.set(new Date('2022-01-06T03:00:00Z'));
    const page = await openForm(e2e, FORM, '690');
    await page.fill('#submittedBy', 'UBND thị xã Bình Long');
    await page.check('#f-reportsVaccination-0');
    await page.fill('#f-dose2Age18Plus-target', '40.000');
    await page.fill('#f-dose2Age18Plus-vaccinated', '37.400');
    await expect.poll(() => page.locator('#f-dose2Age18Plus').innerText()).toContain('93,5');
    await page.fill('#f-dose2Age12to17-target', '6.000');
    await page.fill('#f-dose2Age12to17-vaccinated', '3.000');
    await page.fill('#f-dose3Age18Plus-target', '40.000');
    await page.fill('#f-dose3Age18Plus-vaccinated', '8.000');
    for (const [id, value] of [
      ['#f-mobileTeams', '12'],
      ['#f-screening-tested', '5.000'],
      ['#f-screening-positive', '6.000'],
      ['#f-drugs-received', '300'],
      ['#f-drugs-allocated', '250'],
      ['#f-drugs-facilities', '4'],
      ['#f-medicalStations', '3'],
      ['#f-workforce-retired', '15'],
      ['#f-workforce-private', '22'],
    ]) {
      await page.fill(id!, value!);
    }
    await page.fill('#f-narrative', 'Đã hoàn thành tiêm mũi 2 cho người trên 50 tuổi; tiếp tục tiêm lưu động tại nhà.');
    await page.fill('#f-contact-name', 'Nguyễn Văn Thành');
    await page.fill('#f-contact-phone', '0271 3666 888');

    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByTestId('error-summary').isVisible()).toBe(true);
    expect(await page.getAttribute('#f-screening-positive', 'aria-invalid')).toBe('true');
    await page.fill('#f-screening-positive', '40');
    await submitAndReadReceipt(page);

    const mail = await summaryMail(FORM);
    expect(mail.text).toContain('Tỷ lệ tiêm mũi 2 cho người từ 18 tuổi trở lên (các huyện): 93,5\u00a0%');
    expect(mail.text).toContain('1/17 đơn vị đã báo cáo');
    await page.close();
  });
});

describe('347 feedback from businesses and citizens', () => {
  const FORM = '347-y-kien-doanh-nghiep-nguoi-dan';

  test('a district lists two opinions; the email lists them with typed markup escaped', async () => {
    e2e.clock.set(new Date('2022-01-09T03:00:00Z'));
    const page = await openForm(e2e, FORM, '691');
    await page.fill('#submittedBy', 'UBND huyện Bù Gia Mập');
    await page.check('#f-items-0-source-0');
    await page.selectOption('#f-items-0-topic', 'safeProduction');
    await page.fill('#f-items-0-content', 'Doanh nghiệp đề nghị <b>giảm</b> tần suất xét nghiệm <script>alert(1)</script>');
    await page.click('#f-items-add');
    await page.check('#f-items-1-source-1');
    await page.selectOption('#f-items-1-topic', 'vaccination');
    await page.fill('#f-items-1-content', 'Người dân muốn được tiêm mũi 3 sớm.');
    await page.fill('#f-items-1-proposal', 'Tổ chức điểm tiêm lưu động cuối tuần.');
    await page.fill('#f-contact-name', 'Lê Thị Mai');
    await page.fill('#f-contact-phone', '0271 3777 999');
    await submitAndReadReceipt(page);

    const stored = await e2e.platform.runtime.submissions.getCurrent({ formId: FORM, period: '2022-01-10', orgUnit: '691' });
    expect((stored?.data as { items: unknown[] }).items).toHaveLength(2);
    const mail = await summaryMail(FORM);
    expect(mail.text).toMatch(/Số ý kiến[^:\n]*: 2/);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>alert(1)</script>');
    expect(mail.html).toContain('Tổ chức điểm tiêm lưu động cuối tuần.');
    await page.close();
  });
});
