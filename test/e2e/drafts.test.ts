/**
 * Nothing typed is lost: drafts kept on the device and restored on reload,
 * a hung submit that times out and is safely sent again, a submit while
 * offline, a daily form whose date changes under typed values, and a draft
 * that goes once the server has the report.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openForm, signInBrowser, startE2E, submitAndReadReceipt, type E2E } from '../support/e2e.ts';

const FORM = '971-nhan-luc-y-te';
const PERIOD = '2021-07-20';
const DAILY = '3294-tien-do-tiem-hang-ngay';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

/** A valid 971 answer, typed as an officer would. */
async function fill971(page: Page, contact: string) {
  await page.fill('#submittedBy', contact);
  await page.getByLabel('Có — báo cáo nhu cầu hỗ trợ').check();
  await page.fill('#f-need-doctors', '12');
  await page.fill('#f-need-nurses', '30');
  await page.fill('#f-need-technicians', '4');
  await page.fill('#f-contact-name', contact);
  await page.fill('#f-contact-phone', '0912 345 678');
}

/** Waits until the page has looked up the unit's stored report (its status line says how it went). */
async function lookedUp(page: Page) {
  await expect.poll(() => page.locator('p.lookup').first().innerText()).toMatch(/Đã nộp lần|chưa nộp|Không kiểm tra được/);
}

/** Đồng Xoài's stored report of a day of the daily form: 400 first doses aged 18–49. */
const storeDay = (period: string) =>
  e2e.platform.runtime.service.putSubmission(
    { formId: DAILY, period, orgUnit: '689' },
    {
      data: {
        doses: { dose1: { age18to49: 400, age50plus: 100 }, dose2: { age18to49: 50, age50plus: 30 } },
        sites: { fixed: 3, mobile: 2 },
        vaccines: [{ vaccine: 'astrazeneca', openingStock: 2000, received: 0 }],
        dataEntry: { enteredToday: 500, backlog: 1200 },
        contact: { name: 'Điểu Văn Hùng', phone: '0271 3879 123' },
      },
      submittedBy: 'Đồng Xoài',
    },
  );

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('baocao.draft')));
const notice = async (page: Page) => (await page.locator('p.lookup').nth(1).textContent())?.trim() ?? '';

describe('drafts of the form on this device', () => {
  test('typed values come back after a reload with a notice, and "Bỏ bản nháp" discards them', async () => {
    const page = await openForm(e2e, FORM, '01');
    await lookedUp(page);
    await fill971(page, 'Trần Văn An');
    await expect.poll(() => draftKeys(page)).toHaveLength(1);

    await page.reload();
    await expect.poll(() => page.inputValue('#f-contact-name')).toBe('Trần Văn An');
    expect(await page.inputValue('#f-need-nurses')).toBe('30');
    expect(await notice(page)).toContain('Đã khôi phục bản nháp chưa nộp.');

    await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
    expect(await page.inputValue('#f-contact-name')).toBe('');
    expect(await notice(page)).toBe('Đã bỏ bản nháp.');
    expect(await draftKeys(page)).toEqual([]);
    await page.reload();
    await lookedUp(page);
    expect(await page.inputValue('#f-contact-name')).toBe('');
    expect(await notice(page)).toBe('');
    await page.close();
  });

  test('a submit whose answer never comes times out with a message; sending again stores one revision', async () => {
    const page = await openForm(e2e, FORM, '79');
    await lookedUp(page);
    await fill971(page, 'Nguyễn Thị Hoa');
    // The first PUT reaches the server (which stores it) but its answer is held forever, as on a stalled link.
    let puts = 0;
    const held: Route[] = [];
    await page.route('**/submissions/79', async (route) => {
      if (route.request().method() !== 'PUT' || ++puts > 1) return route.continue();
      await route.fetch();
      held.push(route);
    });
    const started = Date.now();
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const alert = page.locator('p.alert[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 30_000, interval: 500 }).toBe(true);
    expect(await alert.innerText()).toContain('Máy chủ không trả lời sau 20 giây. Vui lòng thử lại.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(19_000);
    expect(await page.inputValue('#f-contact-name')).toBe('Nguyễn Thị Hoa');
    expect(await page.isEnabled('button[type="submit"]')).toBe(true);

    const receipt = await submitAndReadReceipt(page);
    expect(receipt).toContain('Không thay đổi');
    expect(receipt).toContain('Lần nộp thứ 1');
    const key = { formId: FORM, period: PERIOD, orgUnit: '79' };
    expect((await e2e.platform.runtime.submissions.listRevisions(key)).map((r) => r.revision)).toEqual([1]);
    expect(held).toHaveLength(1);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  });

  test('offline, a submit says so and keeps the draft; back online, it goes through', async () => {
    const page = await openForm(e2e, FORM, '48');
    await lookedUp(page);
    await fill971(page, 'Lê Thị Bình');
    // The page's checks (fetched while the officer types) are here before the network goes.
    await page.waitForLoadState('networkidle');
    await e2e.browser.setOffline(true);
    try {
      await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
      const alert = page.locator('p.alert[role="alert"]');
      await expect.poll(() => alert.isVisible()).toBe(true);
      expect(await alert.innerText()).toMatch(/kết nối mạng.*Dữ liệu bạn đã nhập vẫn được giữ nguyên\./s);
      expect(await draftKeys(page)).toHaveLength(1);
    } finally {
      await e2e.browser.setOffline(false);
    }
    expect(await submitAndReadReceipt(page)).toContain('Lê Thị Bình');
    expect(await e2e.platform.runtime.submissions.getCurrent({ formId: FORM, period: PERIOD, orgUnit: '48' })).toMatchObject({ revision: 1 });
    await page.close();
  });

  test('when the page cannot fetch its checks, a submit says so, sends nothing and keeps the draft; a reload recovers', async () => {
    const page = await openForm(e2e, FORM, '75');
    const sent: string[] = [];
    page.on('request', (request) => void (request.method() === 'PUT' && sent.push(request.url())));
    // The chunk fetched for submitting (the rules engine, error summary and receipt: web/src/lib/form/lazy.ts).
    const chunk = '**/_island/assets/on-submit-*.js';
    const refused: string[] = [];
    await page.route(chunk, (route: Route) => {
      refused.push(route.request().url());
      return route.abort('connectionreset');
    });
    await lookedUp(page);
    await fill971(page, 'Trần Văn Cường');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const alert = page.locator('p.alert[role="alert"]');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.innerText()).toBe(
      'Không tải được phần kiểm tra của trang. Vui lòng kiểm tra kết nối rồi tải lại trang. Dữ liệu bạn đã nhập vẫn được giữ nguyên.',
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(sent).toEqual([]);
    expect(await draftKeys(page)).toHaveLength(1);

    await page.unroute(chunk);
    await page.reload();
    await expect.poll(() => page.inputValue('#f-need-nurses')).toBe('30');
    // The submitter's name is kept as typed too.
    expect(await page.inputValue('#submittedBy')).toBe('Trần Văn Cường');
    expect(await submitAndReadReceipt(page)).toContain('Trần Văn Cường');
    expect(sent).toHaveLength(1);
    await page.close();
  });

  test('on the daily form, another date keeps the typed day as its draft and shows its own values', async () => {
    await storeDay('2021-10-04');
    const page = await openForm(e2e, DAILY, '689');
    await page.fill('#period', '2021-10-03');
    await expect.poll(() => page.locator('p.lookup').first().innerText()).toContain('chưa nộp');
    await page.fill('#f-doses-dose1-age18to49', '321');

    // A date with a stored report: its values are shown, the typed day is kept and the user is told so.
    await page.fill('#period', '2021-10-04');
    await expect.poll(() => page.inputValue('#f-doses-dose1-age18to49')).toBe('400');
    expect(await notice(page)).toContain('Bản nháp ngày 03/10/2021 vẫn được lưu.');

    // A date with nothing: an empty form, not the other day's typing.
    await page.fill('#period', '2021-10-05');
    await expect.poll(() => page.locator('p.lookup').first().innerText()).toContain('chưa nộp');
    expect(await page.inputValue('#f-doses-dose1-age18to49')).toBe('');

    await page.fill('#period', '2021-10-03');
    await expect.poll(() => page.inputValue('#f-doses-dose1-age18to49')).toBe('321');
    expect(await notice(page)).toContain('Đã khôi phục bản nháp chưa nộp.');
    // Nothing was sent for any of these days by switching.
    expect(await e2e.platform.runtime.submissions.getCurrent({ formId: DAILY, period: '2021-10-03', orgUnit: '689' })).toBeUndefined();
    expect(await e2e.platform.runtime.submissions.getCurrent({ formId: DAILY, period: '2021-10-04', orgUnit: '689' })).toMatchObject({ revision: 1 });
    await page.close();
  });

  test('what is typed while the date just chosen is still being looked up (a slow link) is that date\'s, and stays', async () => {
    await storeDay('2021-10-12');
    const page = await openForm(e2e, DAILY, '689');
    const dose = '#f-doses-dose1-age18to49';
    await page.fill('#period', '2021-10-11');
    await expect.poll(() => page.locator('p.lookup').first().innerText()).toContain('chưa nộp');
    await page.fill(dose, '111');
    const draftsOf = async (period: string) => (await draftKeys(page)).filter((k) => k.includes(` ${period} `));
    await expect.poll(() => draftsOf('2021-10-11')).toHaveLength(1);

    // The next date's stored report is held on the way until the officer has typed into it.
    const held: Route[] = [];
    await page.route('**/periods/2021-10-12/submissions/689*', (route) => (route.request().method() === 'GET' ? void held.push(route) : route.continue()));
    await page.fill('#period', '2021-10-12');
    await expect.poll(() => held.length).toBe(1);
    // Already the new date's screen: not the other day's typing.
    expect(await page.inputValue(dose)).toBe('');
    await page.fill(dose, '222');
    // One lookup for the one choice (typing does not start another).
    expect(held).toHaveLength(1);
    await held[0]!.continue();
    await expect.poll(() => page.locator('p.lookup').first().innerText()).toContain('Đã nộp lần 1');
    // Kept over the stored answer that arrived after it, which "Bỏ bản nháp" brings back.
    expect(await page.inputValue(dose)).toBe('222');
    expect(await notice(page)).toContain('Bản nháp ngày 11/10/2021 vẫn được lưu.');
    await expect.poll(() => draftsOf('2021-10-12')).toHaveLength(1);
    await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
    expect(await page.inputValue(dose)).toBe('400');

    // The other day's draft has its own figure, not the one typed after leaving it.
    await page.fill('#period', '2021-10-11');
    await expect.poll(() => page.inputValue(dose)).toBe('111');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  });

  test('once the server has the report, the draft is gone: a reload shows the stored report without the notice', async () => {
    const page = await openForm(e2e, FORM, '92');
    await lookedUp(page);
    await fill971(page, 'Phạm Văn Cường');
    await expect.poll(() => draftKeys(page)).toHaveLength(1);
    expect(await submitAndReadReceipt(page)).toContain('Phạm Văn Cường');
    expect(await draftKeys(page)).toEqual([]);

    await page.reload();
    await expect.poll(() => page.locator('p.lookup').first().innerText()).toContain('Đã nộp lần 1');
    expect(await page.inputValue('#f-contact-name')).toBe('Phạm Văn Cường');
    expect(await notice(page)).toBe('');
    await page.close();
  });

  test("another user on the same computer never sees the previous user's draft", async () => {
    const first = await openForm(e2e, FORM, '31');
    await lookedUp(first);
    await first.fill('#f-contact-name', 'Người thứ nhất');
    await expect.poll(() => draftKeys(first)).toHaveLength(1);
    await first.close();

    // Same unit, same form, another officer.
    await signInBrowser(e2e, { unit: '31', email: 'nguoi-thu-hai@e2e.local' });
    const second = await e2e.browser.newPage();
    await second.goto(`${e2e.platform.url}/bao-cao/${FORM}/`);
    await lookedUp(second);
    expect(await second.inputValue('#f-contact-name')).toBe('');
    expect(await draftKeys(second)).toEqual([]);
    await second.close();
  });
});
