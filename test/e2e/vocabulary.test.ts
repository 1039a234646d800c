/**
 * Every kind of field in Chromium, on a form the web was not built with: the
 * generic page loads it from the API, and its row and cross-field rules (data in
 * the descriptor) are checked in the page by the server's own engine, before
 * anything is sent; the schema's checks come back from the server beside their
 * fields. Then a province rolls its districts' answers up into its own draft and
 * submits it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as z from '#schemas/core/zod.ts';
import { count, optionalText, table, text } from '#schemas/core/fields.ts';
import { defineForm } from '#schemas/core/form.ts';
import { formLoaders, loadForms } from '#schemas/registry.ts';
import { REPO_ROOT, type Platform } from '../../infra/local/platform.ts';
import { signInBrowser, startE2E, type E2E } from '../support/e2e.ts';

const FORM = 'vi-du-tu-vung';
const PERIOD = '2099-10-02';
const DISTRICT = '689'; // Thành phố Đồng Xoài, Bình Phước

const L = (vi: string) => ({ vi, en: vi });

/** A province-level form and Bình Phước's relay of it to its districts, for the roll-up. */
const siteList = () =>
  z.strictObject({
    sites: table(
      { label: L('Điểm tiêm'), rowLabel: L('điểm tiêm'), maxRows: 100, totals: ['perDay'] },
      { name: text({ label: L('Tên điểm tiêm'), max: 200 }), perDay: count({ label: L('Số liều/ngày'), max: 10_000 }) },
    ),
    note: optionalText({ label: L('Ghi chú'), max: 500 }),
  });
const common = {
  version: 1,
  summary: { recipients: [] },
};
const parentForm = defineForm({
  ...common,
  id: 'thu-tong-hop',
  title: L('Thử tổng hợp'),
  directive: { number: '2/TEST', issuer: 'VN', issuerName: L('Bộ Y tế'), date: '2099-10-01', title: L('Thử'), urgency: 'normal' },
  schema: siteList(),
  reporters: { under: 'VN', kinds: ['province'] },
  period: { kind: 'once', period: '2099-11-02', deadline: '2099-11-02T17:00' },
  rollup: (reports) => ({ sites: reports.flatMap((r) => r.data.sites) }),
});
const relayForm = defineForm({
  ...common,
  id: 'thu-tong-hop-binh-phuoc',
  relayOf: 'thu-tong-hop',
  title: L('Thử tổng hợp (Bình Phước)'),
  directive: { number: '3/TEST', issuer: '70', issuerName: L('UBND tỉnh Bình Phước'), date: '2099-10-02', title: L('Thử'), urgency: 'normal' },
  schema: siteList(),
  reporters: { under: '70', kinds: ['district'] },
  period: { kind: 'once', period: '2099-11-01', deadline: '2099-11-01T17:00' },
});

let e2e: E2E;
let platform: Platform;
let browser: BrowserContext;

beforeAll(async () => {
  const registry = await loadForms({
    ...formLoaders,
    [FORM]: () => import('../fixtures/forms/vi-du-tu-vung.ts'),
    [parentForm.id]: async () => ({ default: parentForm }),
    [relayForm.id]: async () => ({ default: relayForm }),
  });
  e2e = await startE2E({ registry });
  ({ platform, browser } = e2e);
});

afterAll(() => e2e?.stop());

const focused = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');
const cells = (page: Page, selector: string) => page.locator(selector).locator('td').allInnerTexts();
/** The error shown beside a field, found the way assistive technology finds it. */
async function errorOf(page: Page, selector: string): Promise<string> {
  expect(await page.getAttribute(selector, 'aria-invalid')).toBe('true');
  const ids = ((await page.getAttribute(selector, 'aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  expect(ids.length).toBeGreaterThan(0);
  return (await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()))).join(' ');
}

describe('every field kind, on a form added after the web was built', () => {
  test('grid totals, computed rate, table rows, rules refused in the page, schema checks by the server, receipt and stored data', async () => {
    expect(existsSync(join(REPO_ROOT, `web/build/bao-cao/${FORM}`))).toBe(false);
    await signInBrowser({ platform, browser }, { unit: DISTRICT });
    const page = await browser.newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT') sent.push(request.url());
    });
    await page.goto(`${platform.url}/bao-cao/${FORM}/`);
    await expect.poll(() => page.locator(`#unit option[value="${DISTRICT}"]`).count()).toBe(1);
    expect(await page.title()).toContain('Biểu mẫu thử nghiệm mọi loại trường');
    await page.selectOption('#unit', DISTRICT);
    await page.fill('#period', PERIOD);
    await page.fill('#submittedBy', 'Lê Thị Thu');

    // Grid: live totals per row, per column and overall, vi-VN formatted.
    await page.fill('#f-doses-dose1-age18to49', '1200');
    await page.fill('#f-doses-dose1-age50plus', '340');
    await page.fill('#f-doses-dose2-age18to49', '800');
    await page.fill('#f-doses-dose2-age50plus', '100');
    expect(await page.getAttribute('#f-doses-dose1-age50plus', 'aria-describedby')).toBeNull();
    expect(await page.getByLabel('Mũi 2, 18–49 tuổi').getAttribute('id')).toBe('f-doses-dose2-age18to49');
    expect((await cells(page, '#f-doses-dose1')).at(-1)).toBe('1.540');
    expect((await cells(page, '#f-doses-dose2')).at(-1)).toBe('900');
    expect(await cells(page, '#f-doses tfoot')).toEqual(['2.000', '440', '2.440']);

    // Computed value: read-only, live, never an input.
    await page.fill('#f-coverage-target', '1000');
    await page.fill('#f-coverage-vaccinated', '420');
    const coverage = page.locator('#f-coverage .computed');
    await expect.poll(() => coverage.innerText()).toContain('42,0 %');
    expect(await page.locator('#f-coverage input').count()).toBe(2);

    // Table: the first row is there (minimum one); add rows, delete one, later rows move up.
    await page.getByLabel('Tên điểm tiêm, dòng 1').fill('Trạm Y tế phường Tân Phú');
    await page.check('#f-sites-0-kind-0');
    await page.fill('#f-sites-0-perDay', '200');
    await page.getByRole('group', { name: 'Sẵn sàng?, dòng 1' }).getByLabel('Chưa').check();
    const add = page.getByRole('button', { name: 'Thêm điểm tiêm' });
    await add.click();
    expect(await focused(page)).toBe('f-sites-1-name');
    await add.click();
    await page.fill('#f-sites-2-name', 'Điểm tiêm lưu động số 3');
    await page.fill('#f-sites-2-perDay', '50');
    expect(await page.locator('#f-sites tfoot').innerText()).toContain('250');
    await page.getByRole('button', { name: 'Xoá điểm tiêm 2' }).click();
    expect(await focused(page)).toBe('f-sites-add');
    expect(await page.inputValue('#f-sites-1-name')).toBe('Điểm tiêm lưu động số 3');
    expect(await page.locator('#f-sites-2-name').count()).toBe(0);
    await page.getByRole('button', { name: 'Xoá điểm tiêm 2' }).click();
    expect(await page.locator('#f-sites tbody tr').count()).toBe(1);
    expect(await page.locator('#f-sites tfoot').innerText()).toContain('200');

    // A choice of five is a select; dates are date inputs; end before start.
    await page.selectOption('#f-vaccine', { label: 'Pfizer-BioNTech' });
    await page.fill('#f-startDate', '2099-10-05');
    await page.fill('#f-endDate', '2099-10-01');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();

    // Both rules are refused in the page, by the engine the server runs, with its messages, beside their fields:
    // nothing was sent.
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await focused(page)).toBe('error-summary');
    expect(await errorOf(page, '#f-sites-0-missing')).toContain('Ghi rõ điểm tiêm còn thiếu gì.');
    expect(await errorOf(page, '#f-endDate')).toContain('Ngày kết thúc phải sau ngày bắt đầu.');
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('Điểm tiêm › Dòng 1 › Còn thiếu: Ghi rõ điểm tiêm còn thiếu gì.');
    expect(summaryText.indexOf('Còn thiếu')).toBeLessThan(summaryText.indexOf('Ngày kết thúc'));
    await summary.getByRole('link', { name: /Còn thiếu/ }).click();
    expect(await focused(page)).toBe('f-sites-0-missing');
    expect(await platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: DISTRICT })).toBeUndefined();
    expect(sent).toEqual([]);

    // The rules now hold; a count over the schema's maximum is the server's to refuse (a 400, beside the field).
    await page.keyboard.type('Thiếu tủ lạnh bảo quản vắc xin');
    await page.fill('#f-startDate', '2099-10-01');
    await page.fill('#f-sites-0-perDay', '10001');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => sent.length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toContain('Số liều/ngày');
    expect(await errorOf(page, '#f-sites-0-perDay')).toMatch(/10\.000/);
    expect(await summary.innerText()).not.toContain('Còn thiếu');

    await page.fill('#f-sites-0-perDay', '200');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const receipt = page.getByTestId('receipt');
    await expect.poll(() => receipt.isVisible(), { timeout: 15_000 }).toBe(true);
    const receiptText = await receipt.innerText();
    for (const shown of ['Thành phố Đồng Xoài', '02/10/2099', 'Pfizer-BioNTech', '01/10/2099', 'Trạm Y tế phường Tân Phú', 'Cố định', 'Chưa', '2.440', '42,0 %']) {
      expect(receiptText).toContain(shown);
    }

    const stored = await platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: DISTRICT });
    expect(stored).toMatchObject({ revision: 1, submittedBy: 'Lê Thị Thu' });
    expect(stored!.data).toEqual({
      doses: { dose1: { age18to49: 1200, age50plus: 340 }, dose2: { age18to49: 800, age50plus: 100 } },
      coverage: { target: 1000, vaccinated: 420 },
      sites: [{ name: 'Trạm Y tế phường Tân Phú', kind: 'fixed', perDay: 200, ready: false, missing: 'Thiếu tủ lạnh bảo quản vắc xin' }],
      vaccine: 'pfizer',
      startDate: '2099-10-01',
      endDate: '2099-10-01',
    });

    // Coming back shows the stored answer, the table with its rows.
    await page.reload();
    await expect.poll(() => page.locator(`#unit option[value="${DISTRICT}"]`).count()).toBe(1);
    await page.selectOption('#unit', DISTRICT);
    await page.fill('#period', PERIOD);
    await expect.poll(() => page.inputValue('#f-sites-0-missing')).toBe('Thiếu tủ lạnh bảo quản vắc xin');
    expect(await page.inputValue('#f-vaccine')).not.toBe('');
    expect(await page.isChecked('#f-sites-0-ready-1')).toBe(true);
    await page.close();
  });

  test('an unknown form on the generic page says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/bao-cao/khong-co-bieu-mau-nay/`);
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('Không tìm thấy biểu mẫu.');
    await page.close();
  });
});

describe('roll-up', () => {
  test('a province builds its draft from its districts’ answers, reviews it and submits it itself', async () => {
    const districts = await platform.runtime.service.reporters(relayForm.id);
    const [first, second] = districts;
    const relayPeriod = '2099-11-01';
    await platform.runtime.service.putSubmission(
      { formId: relayForm.id, period: relayPeriod, orgUnit: first!.code },
      { data: { sites: [{ name: 'Trạm Y tế xã A', perDay: 120 }] }, submittedBy: 'Huyện A' },
    );
    await platform.runtime.service.putSubmission(
      { formId: relayForm.id, period: relayPeriod, orgUnit: second!.code },
      { data: { sites: [{ name: 'Trạm Y tế xã B', perDay: 80 }, { name: 'Bệnh viện huyện B', perDay: 300 }] }, submittedBy: 'Huyện B' },
    );

    // Another province's reporter is not offered the roll-up.
    await signInBrowser({ platform, browser }, { unit: '01' });
    const page = await browser.newPage();
    await page.goto(`${platform.url}/bao-cao/${parentForm.id}/`);
    await expect.poll(() => page.locator('#unit option[value="01"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Tổng hợp từ báo cáo của đơn vị cấp dưới' }).count()).toBe(0);
    await signInBrowser({ platform, browser }, { unit: '70' });
    await page.reload();
    await expect.poll(() => page.locator('#unit option[value="70"]').count()).toBe(1);
    await page.selectOption('#unit', '70');
    const rollUp = page.getByRole('button', { name: 'Tổng hợp từ báo cáo của đơn vị cấp dưới' });
    await expect.poll(() => rollUp.isEnabled()).toBe(true);
    await rollUp.click();

    await expect.poll(() => page.locator('#f-sites tbody tr').count()).toBe(3);
    const status = await page.locator('.lookup', { hasText: 'Đã tổng hợp' }).innerText();
    expect(status).toContain(`Đã tổng hợp từ 2/${districts.length} đơn vị`);
    expect(status).toContain(districts[2]!.name);
    expect(await page.inputValue('#f-sites-2-name')).toBe('Bệnh viện huyện B');
    expect(await page.locator('#f-sites tfoot').innerText()).toContain('500');
    // A draft only: nothing is sent until the officer submits.
    expect(await platform.runtime.submissions.getCurrent({ formId: parentForm.id, period: '2099-11-02', orgUnit: '70' })).toBeUndefined();

    await page.fill('#submittedBy', 'Sở Y tế Bình Phước');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await platform.runtime.submissions.getCurrent({ formId: parentForm.id, period: '2099-11-02', orgUnit: '70' }))?.data).toEqual({
      sites: [
        { name: 'Trạm Y tế xã A', perDay: 120 },
        { name: 'Trạm Y tế xã B', perDay: 80 },
        { name: 'Bệnh viện huyện B', perDay: 300 },
      ],
    });
    await page.close();
  });
});
