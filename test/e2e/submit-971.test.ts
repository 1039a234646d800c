/**
 * A province officer opens the 971 form in Chromium, fills it, fixes a mistake,
 * submits; then the summary job runs and its email's totals must equal the
 * sums of what is stored.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fillDemoSubmissions, settableClock } from '../../infra/local/demo-data.ts';
import { REPO_ROOT, startPlatform, type Platform } from '../../infra/local/platform.ts';
import { launchChromium } from '../support/browser.ts';
import { completenessLine, professionRows, readMails } from '../support/mail.ts';
import { DEADLINE_971_MS, expected971 } from '../support/expected-971.ts';

const FORM = '971-nhan-luc-y-te';
const PERIOD = '2021-07-20';
const DEADLINE_MS = DEADLINE_971_MS;

let platform: Platform;
let browser: BrowserContext;
const clock = settableClock();

beforeAll(async () => {
  if (!existsSync(join(REPO_ROOT, 'web/build'))) throw new Error('web/build is missing: run `npm run build:web` first');
  platform = await startPlatform({ port: 0, mailDir: mkdtempSync(join(tmpdir(), 'e2e-mail-')), clock, scheduler: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function openForm(page: Page, unitCode: string) {
  await page.goto(`${platform.url}/bao-cao/${FORM}`);
  await expect.poll(() => page.locator(`#unit option[value="${unitCode}"]`).count()).toBe(1);
  await page.selectOption('#unit', unitCode);
}

describe('971 in the browser', () => {
  test('a province officer submits, and the emailed totals equal the sums of stored submissions', async () => {
    const filled = await fillDemoSubmissions(platform.runtime.service, clock, { missingShare: 0.15, lateShare: 0.12 });
    expect(filled[0]).toMatchObject({ formId: FORM });
    const before = await platform.runtime.submissions.listCurrent(FORM, PERIOD);
    const reporters = await platform.runtime.service.reporters(FORM);
    const target = reporters.find((u) => u.region === 'Đông Nam Bộ' && !before.some((s) => s.orgUnit === u.code))
      ?? reporters.find((u) => !before.some((s) => s.orgUnit === u.code))!;

    clock.set(new Date(DEADLINE_MS - 90 * 60_000));
    const page = await browser.newPage();
    await openForm(page, target.code);
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
    expect(await platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: target.code })).toBeUndefined();

    await page.fill('#f-need-nurses', '2000');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const receipt = page.getByTestId('receipt');
    await expect.poll(() => receipt.isVisible(), { timeout: 15_000 }).toBe(true);
    const receiptText = await receipt.innerText();
    expect(receiptText).toContain(target.name);
    expect(receiptText).toContain('1.250');
    expect(receiptText).toContain('2.000');

    const stored = await platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: target.code });
    expect(stored).toMatchObject({
      revision: 1,
      submittedBy: 'Nguyễn Thị Hoa',
      data: { appliesDirective16: true, need: { doctors: 1250, nurses: 2000, technicians: 75 } },
    });

    clock.set(new Date(DEADLINE_MS));
    const result = await platform.runSummary({ formId: FORM });
    const mail = (await readMails(platform.sink)).find((m) => m.subject === result.subject)!;

    const current = await platform.runtime.submissions.listCurrent(FORM, PERIOD);
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
  test('an officer can choose the unit, answer every field and submit without a mouse', async () => {
    const reported = new Set((await platform.runtime.submissions.listCurrent(FORM, PERIOD)).map((s) => s.orgUnit));
    const page = await browser.newPage();
    await page.goto(`${platform.url}/bao-cao/${FORM}`);
    await expect.poll(() => page.locator('#unit option').count()).toBeGreaterThan(60);
    const focused = () => page.evaluate<string>('document.activeElement?.id ?? ""');
    async function tabTo(id: string) {
      for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    }
    await tabTo('unit');
    // Walk down the list to a province that has not reported yet.
    for (let i = 0; i < 70; i++) {
      await page.keyboard.press('ArrowDown');
      const value = await page.inputValue('#unit');
      if (value && !reported.has(value)) break;
    }
    const unitCode = await page.inputValue('#unit');
    expect(unitCode).not.toBe('');
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
    expect(await platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: unitCode })).toMatchObject({
      data: { appliesDirective16: true, need: { doctors: 12, nurses: 34, technicians: 5 } },
    });
    await page.close();
  });
});
