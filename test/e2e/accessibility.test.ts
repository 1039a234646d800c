/**
 * Every page, as each kind of user sees it, checked by axe-core against the
 * WCAG 2.2 A and AA rules and its best practices (unique landmark labels, one
 * h1, all content in landmarks, heading order; 0 violations of any impact) and for sideways
 * scrolling at a phone's 360 px (the page itself must not scroll sideways;
 * wide tables scroll inside their own box).
 *
 * Pages: signed out (home, sign-in, the reports due); a reporter (home, the
 * reports due, every form page before and after a refused submit); an official
 * (home, the reports due, the list of followed forms, every form's dashboard; the rounds page with its issue and relay
 * forms refused, a round dashboard with a unit's answer and history open).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { currentPeriod } from '#schemas/core/calendar.ts';
import { formLoaders } from '#schemas/registry.ts';
import { createRoundAdmin } from '../../functions/core/round-admin.ts';
import { fillDemoSubmissions } from '../../infra/local/demo-data.ts';
import { signInBrowser, startE2E, type E2E } from '../support/e2e.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const PHONE = { width: 360, height: 780 };

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
  await fillDemoSubmissions(e2e.platform.runtime.service, e2e.clock, { missingShare: 0.15, lateShare: 0.15 });
});
afterAll(() => e2e?.stop());

/** What is wrong with the page as it is now: axe's violations (rule, impact, where) and sideways scrolling at 360 px. */
async function problems(page: Page, label: string): Promise<string[]> {
  const found: string[] = [];
  // The WCAG rules and best practices only (`options` replaces what `withTags` would set), and violations only: collecting what
  // passes is most of axe's time on a large grid.
  const { violations } = await new AxeBuilder({ page }).options({ runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] }).analyze();
  for (const v of violations) {
    found.push(`${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }
  await page.setViewportSize(PHONE);
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  if (width > PHONE.width) found.push(`${label}: scrolls sideways at 360 px (${width} px wide)`);
  return found;
}

async function open(path: string, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await e2e.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${e2e.platform.url}${path}`);
  await ready(page);
  return page;
}

const settled = (page: Page) => page.waitForLoadState('networkidle');

/** WCAG's contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the focus ring', () => {
  test('stands out at 3:1 or more on the page (white) and on the blue header (WCAG 1.4.11)', async () => {
    await e2e.browser.clearCookies();
    const page = await open('/', settled);
    // Keyboard focus (not a click), so :focus-visible applies: the skip link first, then the header's first link.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate<{ outline: string; shadow: string; header: string }>(`(() => {
      const style = getComputedStyle(document.activeElement);
      return { outline: style.outlineColor, shadow: style.boxShadow, header: getComputedStyle(document.querySelector('.site-header')).backgroundColor };
    })()`);
    const shadow = /rgba?\([^)]*\)/.exec(ring.shadow)?.[0] ?? '';
    expect(contrast(ring.outline, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    expect(contrast(shadow, ring.header)).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

describe('signed out', () => {
  test.each(['/', '/dang-nhap/', '/bao-cao/'])('%s', async (path) => {
    await e2e.browser.clearCookies();
    const page = await open(path, settled);
    expect(await problems(page, path)).toEqual([]);
    await page.close();
  });
});

describe('a reporter', () => {
  test.each(Object.keys(formLoaders))('the form page of %s, new and after a refused submit', async (formId) => {
    await e2e.browser.clearCookies();
    const found: string[] = [];
    const { service, submissions } = e2e.platform.runtime;
    // A unit that has not answered the period the page opens on (today's, by the browser's clock): its form starts empty.
    const spec = service.form(formId).period;
    const period = spec.kind === 'once' ? spec.period : currentPeriod(spec, Date.now());
    const answered = new Set((await submissions.listCurrent(formId, period)).map((r) => r.orgUnit));
    const reporters = await service.reporters(formId);
    const unit = (reporters.find((u) => !answered.has(u.code)) ?? reporters[0]!).code;
    await signInBrowser(e2e, { unit });
    const page = await open(`/bao-cao/${formId}/`, async (p) => {
      await expect.poll(() => p.locator(`#unit option[value="${unit}"]`).count()).toBe(1);
      await settled(p);
    });
    found.push(...(await problems(page, `${formId} (new)`)));
    // Nothing filled in (and a count or a phone number that is not one, should the unit's stored answer fill the
    // form): the server's refusal, beside each field and in the summary.
    await page.fill('#submittedBy', 'Cán bộ kiểm thử');
    if ((await page.locator('input.count').count()) > 0) await page.locator('input.count').first().fill('không rõ');
    else await page.locator('input[type="tel"]').first().fill('không rõ');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await expect
      .poll(async () => ((await page.getByTestId('error-summary').isVisible()) ? 'refused' : (await page.locator('#report-form').innerText()).slice(0, 300)))
      .toBe('refused');
    found.push(...(await problems(page, `${formId} (refused)`)));
    await page.close();
    expect(found).toEqual([]);
  });

  test.each(['/', '/bao-cao/'])('%s', async (path) => {
    await e2e.browser.clearCookies();
    await signInBrowser(e2e, { unit: '79' });
    const page = await open(path, settled);
    expect(await problems(page, `${path} (reporter)`)).toEqual([]);
    await page.close();
  });
});

describe('an official', () => {
  // The national office follows the national forms; Bình Phước's office its own daily form.
  const pages: Array<[unit: string, path: string]> = [
    ['VN', '/'],
    ['VN', '/bao-cao/'],
    ['VN', '/bang-dieu-khien/'],
    ...Object.keys(formLoaders)
      .filter((id) => !id.startsWith('3294'))
      .map((id): [string, string] => ['VN', `/bang-dieu-khien/${id}/`]),
    ['70', '/bang-dieu-khien/'],
    ['70', '/bang-dieu-khien/3294-tien-do-tiem-hang-ngay/'],
  ];
  test.each(pages)('of %s: %s', async (unit, path) => {
    await e2e.browser.clearCookies();
    e2e.clock.set(new Date('2021-11-01T00:00:00Z'));
    await signInBrowser(e2e, { unit, role: 'official' });
    const page = await open(path, settled);
    expect(await problems(page, `${path} (official, ${unit})`)).toEqual([]);
    await page.close();
  });
});

describe('rounds', () => {
  test('the rounds page with "Mở đợt báo cáo" open (the Ministry) and a relay form open (Lai Châu); a round dashboard with a unit\'s answer and history open', async () => {
    e2e.clock.set(new Date('2021-11-01T00:00:00Z'));
    const { runtime } = e2e.platform;
    const found: string[] = [];
    // A 4380 round still open at the clock's time, so that Lai Châu may relay it.
    const ministry = { email: 'a11y-bo-y-te@e2e.local', name: 'Bộ Y tế', role: 'official' as const, unit: (await runtime.service.orgUnits()).byCode.get('VN')! };
    if (!(await runtime.authStore.getUser(ministry.email))) await runtime.users.create('system', { email: ministry.email, name: ministry.name, unit: 'VN', role: 'official' });
    const admin = createRoundAdmin({ ...runtime, users: runtime.authStore, mailer: runtime.config.mailer, publicUrl: e2e.platform.url, recipientKeys: Object.keys(runtime.config.recipients) });
    const round = await admin.issue(ministry, { formId: '4380-san-sang-tiem-chung', period: { kind: 'once', deadline: '2021-11-10T17:00' }, reporters: { kinds: ['province'] } });

    await e2e.browser.clearCookies();
    await signInBrowser(e2e, { unit: 'VN', role: 'official' });
    const issuing = await open('/bang-dieu-khien/dot-bao-cao/', async (p) => {
      await p.getByRole('button', { name: 'Mở đợt báo cáo' }).click();
      await p.getByTestId('issue-form').getByRole('button', { name: 'Mở đợt báo cáo' }).click();
      await expect.poll(() => p.getByTestId('issue-form').locator('.field-error').count()).toBeGreaterThan(0);
    });
    found.push(...(await problems(issuing, 'rounds page, issue form refused (VN)')));
    await issuing.close();

    await e2e.browser.clearCookies();
    await signInBrowser(e2e, { unit: '12', role: 'official' });
    const relaying = await open('/bang-dieu-khien/dot-bao-cao/', async (p) => {
      const item = p.locator(`[data-testid=reaching-rounds] li[data-round="${round.id}"]`);
      await item.getByRole('button', { name: /^Chuyển tiếp/ }).click();
      await item.getByRole('button', { name: 'Chuyển tiếp', exact: true }).click();
      await expect.poll(() => item.locator('.field-error').count()).toBeGreaterThan(0);
    });
    found.push(...(await problems(relaying, 'rounds page, relay form refused (12)')));
    await relaying.close();

    await e2e.browser.clearCookies();
    await signInBrowser(e2e, { unit: 'VN', role: 'official' });
    const answered = (await runtime.submissions.listCurrent('971-nhan-luc-y-te', '2021-07-20'))[0]!.orgUnit;
    const review = await open('/bang-dieu-khien/971-nhan-luc-y-te/', async (p) => {
      await p.selectOption('#review-unit', answered);
      await expect.poll(() => p.getByTestId('history').count()).toBe(1);
      await p.getByText('Xem nội dung báo cáo').click();
    });
    found.push(...(await problems(review, 'round dashboard, a unit\'s answer and history')));
    await review.close();
    expect(found).toEqual([]);
  });
});

describe('wide tables', () => {
  test('scroll in their own box, which the keyboard reaches, with a visible cue while they are wider than it', async () => {
    await e2e.browser.clearCookies();
    e2e.clock.set(new Date('2021-11-01T00:00:00Z'));
    await signInBrowser(e2e, { unit: '70', role: 'official' });
    const page = await e2e.browser.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${e2e.platform.url}/bang-dieu-khien/3294-tien-do-tiem-hang-ngay/`);
    await settled(page);
    const boxes = () =>
      page.evaluate<Array<{ label: string; tabindex: string | null; wide: boolean; cue: string }>>(`[...document.querySelectorAll('[role=region]')].map((box) => {
        const label = (box.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
        const cue = document.getElementById(box.getAttribute('aria-describedby') ?? '');
        return { label, tabindex: box.getAttribute('tabindex'), wide: box.scrollWidth > box.clientWidth + 1, cue: cue && cue.checkVisibility() ? cue.textContent : '' };
      })`);
    const phone = await boxes();
    expect(phone.filter((b) => b.wide).length).toBeGreaterThan(0);
    for (const box of phone) {
      expect(box.label).not.toBe('');
      expect(box.tabindex).toBe('0');
      expect(box.cue).toBe(box.wide ? 'Kéo ngang để xem thêm →' : '');
    }
    // On a wide screen, a table that fits says nothing.
    await page.setViewportSize({ width: 1920, height: 900 });
    await expect.poll(async () => (await boxes()).filter((b) => !b.wide).every((b) => b.cue === '')).toBe(true);
    await page.close();
  });
});

