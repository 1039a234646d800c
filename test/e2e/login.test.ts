/**
 * Signing in as a person would: the code arrives in the mail sink, is typed
 * into the login page, and the session then lets the officer report for their
 * own unit only. Text they type is shown, never run.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startE2E, type E2E } from '../support/e2e.ts';

const FORM = '971-nhan-luc-y-te';
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
  e2e.clock.set(new Date('2021-07-20T03:00:00Z'));
  await e2e.platform.runtime.users.create('system', { email: 'hoa@soyte79.vn', name: 'Nguyễn Thị Hoa', unit: '79', role: 'reporter' });
});
afterAll(() => e2e?.stop());

/** The code in the first mail to `email` among those that arrived after the first `seen`. */
async function codeMailedTo(email: string, seen: number): Promise<string> {
  for (let i = 0; i < 50; i++) {
    for (const path of e2e.platform.sink.messages().slice(seen)) {
      const mail = await simpleParser(e2e.platform.sink.read(path));
      const to = Array.isArray(mail.to) ? mail.to : [mail.to];
      if (to.some((t) => t?.value.some((v) => v.address === email))) {
        const code = /(\d{6})/.exec(mail.subject ?? '')?.[1];
        if (code) return code;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code mailed to ${email}`);
}

describe('signing in with a code from the mail', () => {
  test('an officer signs in, reports for their own unit, is refused for another, and signs out', async () => {
    const page = await e2e.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${e2e.platform.url}/dang-nhap/?next=/bao-cao/${FORM}/`);
    await page.fill('#email', 'hoa@soyte79.vn');
    const seen = e2e.platform.sink.messages().length;
    await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
    await page.fill('#code', await codeMailedTo('hoa@soyte79.vn', seen));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`**/bao-cao/${FORM}/`);
    await expect.poll(() => page.getByTestId('current-user').innerText()).toContain('Nguyễn Thị Hoa');

    // The unit is the officer's own: the only one offered, chosen for them.
    await expect.poll(() => page.inputValue('#unit')).toBe('79');
    expect(await page.locator('#unit option[value]:not([value=""])').count()).toBe(1);
    await page.fill('#submittedBy', 'Nguyễn Thị Hoa');
    await page.check('#f-appliesDirective16-0');
    await page.fill('#f-need-doctors', '700');
    await page.fill('#f-need-nurses', '1.400');
    await page.fill('#f-need-technicians', '90');
    await page.fill('#f-note', '<img src=x onerror="window.__xss=1">Cần gấp');
    await page.fill('#f-contact-name', 'Nguyễn Thị Hoa');
    await page.fill('#f-contact-phone', '0283 829 5641');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('receipt').innerText()).toContain('<img src=x onerror="window.__xss=1">Cần gấp');
    expect(await page.evaluate('window.__xss')).toBeUndefined();

    // The same session may not write for another province, whatever the page is made to send.
    const other = await page.evaluate(async (form) => {
      const res = await fetch(`/api/forms/${form}/periods/2021-07-20/submissions/01`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: {}, submittedBy: 'x' }),
      });
      return { status: res.status, body: await res.json() };
    }, FORM);
    expect(other).toEqual({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' } } });
    expect(await e2e.platform.runtime.submissions.getCurrent({ formId: FORM, period: '2021-07-20', orgUnit: '01' })).toBeUndefined();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/dang-nhap/**');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('pages carry the security headers and a CSP that forbids framing', async () => {
    for (const path of ['/', `/bao-cao/${FORM}/`, '/dang-nhap/']) {
      const res = await fetch(`${e2e.platform.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(await res.text()).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self'/i);
    }
  });

  test('a wrong code is refused beside the code field', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.platform.url}/dang-nhap/`);
    await page.fill('#email', 'hoa@soyte79.vn');
    const seen = e2e.platform.sink.messages().length;
    await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
    const right = await codeMailedTo('hoa@soyte79.vn', seen);
    await page.fill('#code', right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getAttribute('#code', 'aria-invalid')).toBe('true');
    expect(await page.locator('main').innerText()).toContain('Mã đăng nhập không đúng hoặc đã hết hạn.');
    await page.close();
  });
});
