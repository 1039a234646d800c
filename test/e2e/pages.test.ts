/**
 * Pages that fit their reader: `/bao-cao/` lists what the signed-in reporter
 * must answer; an official's home shows the forms they follow, not forms to
 * submit; dates are typed day first and decimals with a comma whatever the
 * browser's locale; a form says "Quá hạn" before it is submitted late.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { date, decimal, fields } from '#schemas/core/fields.ts';
import { defineForm } from '#schemas/core/form.ts';
import { formLoaders, loadForms } from '#schemas/registry.ts';
import { launchChromium } from '../support/browser.ts';
import { signInBrowser, startE2E, type E2E } from '../support/e2e.ts';

const DISTRICT = '689'; // Thành phố Đồng Xoài, Bình Phước
const L = (vi: string) => ({ vi, en: vi });

/** A decimal and a date, due in 2021: past its deadline. */
const inputs = defineForm({
  id: 'thu-so-thap-phan',
  version: 1,
  title: L('Thử số thập phân và ngày'),
  directive: { number: '4/TEST', issuer: '70', issuerName: L('UBND tỉnh Bình Phước'), date: '2021-07-01', title: L('Thử'), urgency: 'normal' },
  schema: fields({ area: decimal({ label: 'Diện tích', max: 10_000, unit: 'ha' }), start: date({ label: 'Ngày bắt đầu' }) }),
  reporters: { under: '70', kinds: ['district'] },
  period: { kind: 'once', period: '2021-07-20', deadline: '2021-07-20T17:00' },
  summary: { recipients: [] },
});

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ registry: await loadForms({ ...formLoaders, [inputs.id]: async () => ({ default: inputs }) }) });
});
afterAll(() => e2e?.stop());

async function open(path: string): Promise<Page> {
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.platform.url}${path}`);
  await page.waitForLoadState('networkidle');
  return page;
}

/** The error shown beside a field, found the way assistive technology finds it. */
async function errorOf(page: Page, selector: string): Promise<string> {
  expect(await page.getAttribute(selector, 'aria-invalid')).toBe('true');
  const ids = ((await page.getAttribute(selector, 'aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return (await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()))).join(' ');
}

describe('/bao-cao/ and the home page', () => {
  test('/bao-cao/ signed out: its heading and a way to sign in', async () => {
    await e2e.browser.clearCookies();
    const page = await open('/bao-cao/');
    await expect.poll(() => page.getByRole('link', { name: 'Đăng nhập' }).last().getAttribute('href')).toBe('/dang-nhap/?next=%2Fbao-cao%2F');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Báo cáo cần nộp');
    await page.close();
  });

  test('/bao-cao/ lists the forms the reporter’s unit must answer, each linked to its page', async () => {
    await e2e.browser.clearCookies();
    await signInBrowser(e2e, { unit: DISTRICT });
    const page = await open('/bao-cao/');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Báo cáo cần nộp');
    const due = page.getByTestId('due-list');
    await expect.poll(() => due.getByRole('link', { name: 'Thử số thập phân và ngày' }).getAttribute('href')).toBe('/bao-cao/thu-so-thap-phan/');
    expect(await due.getByRole('link', { name: /tiến độ tiêm vắc xin/ }).count()).toBe(1);
    // A form of another province's units is not theirs to answer.
    expect(await due.getByRole('link', { name: /nhân lực y tế/ }).count()).toBe(0);
    await page.close();
  });

  test('an official’s home shows the forms they follow, with their rates and dashboards, and no forms to submit', async () => {
    await e2e.browser.clearCookies();
    await signInBrowser(e2e, { unit: '70', role: 'official' });
    const page = await open('/');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Biểu mẫu đang theo dõi');
    const followed = page.getByTestId('dashboard-forms');
    const item = followed.locator('li[data-form="thu-so-thap-phan"]');
    await expect.poll(() => item.getByRole('link').first().getAttribute('href')).toBe('/bang-dieu-khien/thu-so-thap-phan/');
    expect(await item.innerText()).toMatch(/Đã báo cáo \d+\/\d+/);
    expect(await page.locator('a[href^="/bao-cao/"]').count()).toBe(0);
    expect(await page.getByText('Báo cáo cần nộp').count()).toBe(0);
    await page.close();
  });
});

describe('form inputs', () => {
  test('a decimal takes "12,34" and refuses "12.34" beside the field; a date is typed day first and kept ISO; "Quá hạn" before submitting', async () => {
    await e2e.browser.clearCookies();
    await signInBrowser(e2e, { unit: DISTRICT });
    const page = await open(`/bao-cao/${inputs.id}/`);
    await expect.poll(() => page.locator(`#unit option[value="${DISTRICT}"]`).count()).toBe(1);
    await page.selectOption('#unit', DISTRICT);
    const status = page.locator('.lookup').first();
    await expect.poll(() => status.innerText()).toContain('Đơn vị chưa nộp báo cáo cho kỳ này.');
    expect(await status.innerText()).toContain('Quá hạn nộp.');

    await page.fill('#submittedBy', 'Lê Thị Thu');
    await page.fill('#f-area', '12.34');
    await page.fill('#f-start', '31/02/2021');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByTestId('error-summary').isVisible()).toBe(true);
    expect(await errorOf(page, '#f-area')).toBe('Dùng dấu phẩy cho phần thập phân, ví dụ 12,34 (không dùng dấu chấm).');
    expect(await errorOf(page, '#f-start')).toContain('Ngày không hợp lệ.');
    // Left as typed: not read as 1.234.
    expect(await page.inputValue('#f-area')).toBe('12.34');

    // What is typed is a draft, restored as typed.
    await page.fill('#f-area', '12,34');
    await page.fill('#f-start', '5/10/2021');
    await page.reload();
    await expect.poll(() => page.inputValue('#f-start')).toBe('5/10/2021');
    expect(await page.inputValue('#f-area')).toBe('12,34');

    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);
    const receipt = await page.getByTestId('receipt').innerText();
    expect(receipt).toContain('12,34 ha');
    expect(receipt).toContain('05/10/2021');
    expect(receipt).toContain('Nộp muộn');
    const stored = await e2e.platform.runtime.submissions.getCurrent({ formId: inputs.id, period: '2021-07-20', orgUnit: DISTRICT });
    expect(stored?.data).toEqual({ area: 12.34, start: '2021-10-05' });

    // The stored answer comes back day first and with its comma.
    await page.reload();
    await expect.poll(() => page.inputValue('#f-start')).toBe('05/10/2021');
    expect(await page.inputValue('#f-area')).toBe('12,34');
    expect(await page.locator('.lookup').first().innerText()).not.toContain('Quá hạn');
    await page.close();
  });

  test('a daily form’s date is shown and typed day first, under an en-US browser too; an impossible one is refused beside it', async () => {
    const browser = await launchChromium({ locale: 'en-US' });
    await signInBrowser({ platform: e2e.platform, browser }, { unit: DISTRICT });
    const page = await browser.newPage();
    await page.goto(`${e2e.platform.url}/bao-cao/3294-tien-do-tiem-hang-ngay/`);
    expect(await page.evaluate('navigator.language')).toBe('en-US');
    // The round is over: the form opens on its last day.
    await expect.poll(() => page.inputValue('#period')).toBe('31/10/2021');
    await page.fill('#period', '31/09/2021');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByTestId('error-summary').isVisible()).toBe(true);
    expect(await errorOf(page, '#period')).toContain('dạng ngày/tháng/năm');
    await browser.close();
  });
});
