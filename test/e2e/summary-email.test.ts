/**
 * The summary email as a phone shows it: every form's HTML (63 provinces and
 * 700 districts of synthetic answers) opened in Chromium at 360 px does not
 * scroll sideways (wide tables scroll in their own box), and axe-core finds no
 * WCAG 2.2 A/AA violation in it (data tables with headers, a language, a title).
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnyForm } from '#schemas/core/form.ts';
import { loadForms } from '#schemas/registry.ts';
import { summaryFileName } from '../../functions/outputs/names.ts';
import { renderSummaryEmail } from '../../functions/outputs/summary-email.ts';
import { launchChromium } from '../support/browser.ts';
import { syntheticSummary } from '../support/synthetic-summary.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const registry = await loadForms();
const forms = registry.list();

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 780 });
});
afterAll(() => browser?.close());

describe.each(forms.map((f) => [f.id, f] as [string, AnyForm]))('%s', (_, form) => {
  test.each([700])('%i units: fits 360 px, no axe violation, every data table has column headers', async (count) => {
    const summary = syntheticSummary(form, registry.outputs(form.id)!, count);
    const { html } = renderSummaryEmail(summary, { dashboardUrl: 'https://baocao.example.gov.vn/bang-dieu-khien/', attachment: summaryFileName(summary, 'xlsx') });
    await page.setContent(html);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    const tables = await page.evaluate<Array<{ headers: number }>>(
      `[...document.querySelectorAll('table')].map((t) => ({ headers: t.querySelectorAll('thead th[scope=col]').length }))`,
    );
    expect(tables.length).toBe(summary.content.tables.length);
    for (const t of tables) expect(t.headers).toBeGreaterThan(0);
    const { violations } = await new AxeBuilder({ page }).options({ runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
});
