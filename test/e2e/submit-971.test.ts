/**
 * A province officer opens the 971 form in Chromium, fills it, fixes a mistake,
 * submits; then the summary job runs and its email's totals must equal the
 * sums of what is stored.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fillDemoSubmissions } from '../../infra/local/demo-data.ts';
import { completenessLine, professionRows, readMails } from '../support/mail.ts';
import { DEADLINE_971_MS, expected971 } from '../support/expected-971.ts';
import { openForm, startE2E, type E2E } from '../support/e2e.ts';

const FORM = '971-nhan-luc-y-te';
const PERIOD = '2021-07-20';
const DEADLINE_MS = DEADLINE_971_MS;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

describe('971 in the browser', () => {
  test('a province officer submits, and the emailed totals equal the sums of stored submissions', async () => {
    const filled = await fillDemoSubmissions(e2e.platform.runtime.service, e2e.clock, { missingShare: 0.15, lateShare: 0.12 });
    expect(filled[0]).toMatchObject({ formId: FORM });
    const before = await e2e.platform.runtime.submissions.listCurrent(FORM, PERIOD);
    const reporters = await e2e.platform.runtime.service.reporters(FORM);
    const target = reporters.find((u) => u.region === 'Đông Nam Bộ' && !before.some((s) => s.orgUnit === u.code))
      ?? reporters.find((u) => !before.some((s) => s.orgUnit === u.code))!;

    e2e.clock.set(new Date(DEADLINE_MS - 90 * 60_000));
    const page = await openForm(e2e, FORM, target.code);
    await page.fill('#submittedBy', 'Nguyễn Thị Hoa');
    await page.getByLabel('Có — báo cáo nhu cầu hỗ trợ').check();
    await page.fill('#f-need-doctors', '1.250');
    await page.fill('#f-need-nurses', '-5');
    await page.fill('#f-need-technicians', '75');
    await page.fill('#f-contact-name', 'Nguyễn Thị Hoa');
    await page.fill('#f-contact-phone', '0912 345 678');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();

    // The browser refuses the negative count beside its field; nothing reaches the server.
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await page.getAttribute('#f-need-nurses', 'aria-invalid')).toBe('true');
    const describedBy = (await page.getAttribute('#f-need-nurses', 'aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').find((id) => id.includes('error')) ?? describedBy}"]`).innerText()).toContain(
      'Không được là số âm.',
    );
    expect(await e2e.platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: target.code })).toBeUndefined();

    await page.fill('#f-need-nurses', '2000');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const receipt = page.getByTestId('receipt');
    await expect.poll(() => receipt.isVisible(), { timeout: 15_000 }).toBe(true);
    const receiptText = await receipt.innerText();
    expect(receiptText).toContain(target.name);
    expect(receiptText).toContain('1.250');
    expect(receiptText).toContain('2.000');

    const stored = await e2e.platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: target.code });
    expect(stored).toMatchObject({
      revision: 1,
      submittedBy: 'Nguyễn Thị Hoa',
      data: { appliesDirective16: true, need: { doctors: 1250, nurses: 2000, technicians: 75 } },
    });

    e2e.clock.set(new Date(DEADLINE_MS));
    const result = await e2e.platform.runSummary({ formId: FORM });
    const mail = (await readMails(e2e.platform.sink)).find((m) => m.subject === result.subject)!;

    const current = await e2e.platform.runtime.submissions.listCurrent(FORM, PERIOD);
    const expected = expected971(current);
    expect(professionRows(mail.text!)).toEqual(expected.rows);
    expect(completenessLine(mail.text!)).toEqual(expected.completeness);
    const onTime = expected.completeness.onTime;
    expect(current.length).toBe(before.length + 1);
    expect(onTime).toBeGreaterThan(0);
    expect(current.length - onTime).toBeGreaterThan(0);
    expect(63 - current.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('971 by keyboard alone', () => {
  test('an officer can reach the unit, answer every field and submit without a mouse', async () => {
    const reported = new Set((await e2e.platform.runtime.submissions.listCurrent(FORM, PERIOD)).map((s) => s.orgUnit));
    const unitCode = (await e2e.platform.runtime.service.reporters(FORM)).find((u) => !reported.has(u.code))!.code;
    // Signed in as that province's reporter, whose unit is chosen for them.
    const page = await openForm(e2e, FORM, unitCode);
    const focused = () => page.evaluate<string>('document.activeElement?.id ?? ""');
    async function tabTo(id: string) {
      for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    }
    await page.locator('body').focus();
    await tabTo('unit');
    expect(await page.inputValue('#unit')).toBe(unitCode);
    await tabTo('submittedBy');
    await page.keyboard.type('Trần Văn Bàn Phím');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the first radio: Có — báo cáo nhu cầu hỗ trợ
    await tabTo('f-need-doctors');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.type('34');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await tabTo('f-contact-name');
    await page.keyboard.type('Trần Văn Bàn Phím');
    await tabTo('f-contact-phone');
    await page.keyboard.type('0987654321');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('receipt').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await e2e.platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: unitCode })).toMatchObject({
      data: { appliesDirective16: true, need: { doctors: 12, nurses: 34, technicians: 5 } },
    });
    await page.close();
  });
});
