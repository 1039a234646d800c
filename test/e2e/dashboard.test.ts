/**
 * The officials' dashboard in the browser: the completeness grid of 971 says of
 * every province what the stored submissions say (worked out here on its own),
 * its tables download as XLSX and CSV with the summary's numbers, a daily
 * form shows the days so far and its charts, and a reporter is refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Cell, SummaryContent } from '#schemas/core/form.ts';
import { formLoaders, loadForms } from '#schemas/registry.ts';
import { fillDemoSubmissions, seededRandom } from '../../infra/local/demo-data.ts';
import { REPO_ROOT } from '../../infra/local/platform.ts';
import { signInBrowser, startE2E, type E2E } from '../support/e2e.ts';

const NATIONAL = '971-nhan-luc-y-te';
const NATIONAL_PERIOD = '2021-07-20';
/** 17:00 on 20/07/2021 in Vietnam. */
const NATIONAL_DEADLINE = Date.parse('2021-07-20T10:00:00Z');
const DAILY = '3294-tien-do-tiem-hang-ngay';
/** 3294 (and the fixture form) are due at 18:00 each day in Vietnam. */
const dailyDeadline = (day: string) => Date.parse(`${day}T11:00:00Z`);
/** A form the web build does not know: its dashboard comes from the SPA fallback. */
const LATER = 'vi-du-tu-vung';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ registry: await loadForms({ ...formLoaders, [LATER]: () => import('../fixtures/forms/vi-du-tu-vung.ts') }) });
  await fillDemoSubmissions(e2e.platform.runtime.service, e2e.clock, { missingShare: 0.15, lateShare: 0.15 });
});
afterAll(() => e2e?.stop());

/** A new page that records Content-Security-Policy violations (the dashboard must cause none). */
async function newPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await e2e.browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return { page, violations };
}

/** Every grid row as its unit code and its cells' periods and statuses. */
function readGrid(page: Page) {
  return page.getByTestId('completeness-grid').evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => ({
      unit: tr.getAttribute('data-unit'),
      cells: [...tr.querySelectorAll('td')].map((td) => ({ period: td.dataset.period, status: td.dataset.status, text: td.textContent?.trim() })),
    })),
  );
}

/** What the stored submissions say of each unit: first saved by the deadline, after it, or never. */
async function expectedStatuses(formId: string, period: string, deadline: number): Promise<Map<string, string>> {
  const records = await e2e.platform.runtime.submissions.listCurrent(formId, period);
  const reporters = await e2e.platform.runtime.service.reporters(formId);
  const first = new Map(records.map((r) => [r.orgUnit, Date.parse(r.firstSubmittedAt)]));
  return new Map(
    reporters.map((u) => {
      const at = first.get(u.code);
      return [u.code, at === undefined ? 'missing' : at <= deadline ? 'on-time' : 'late'];
    }),
  );
}

interface SummaryBody {
  summary: { formTitle: { vi: string }; content: SummaryContent };
}

/** The summary as the API gives it to the signed-in browser. */
function summaryOf(page: Page, formId: string, period: string): Promise<SummaryBody['summary']> {
  return page.evaluate(async (path) => ((await (await fetch(path)).json()) as SummaryBody).summary, `/api/forms/${formId}/periods/${period}/summary`);
}

/** Clicks a download link and returns the downloaded file's bytes. */
async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<{ name: string; bytes: Buffer; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path), path };
}

describe('the officials’ dashboard', () => {
  test('971: the grid shows every province’s status, and its tables download as XLSX and CSV', async () => {
    e2e.clock.set(new Date('2021-07-21T00:00:00Z'));
    await signInBrowser(e2e, { unit: 'VN', role: 'official' });
    const { page, violations } = await newPage();
    await page.goto(`${e2e.platform.url}/bang-dieu-khien/${NATIONAL}/?ky=${NATIONAL_PERIOD}`);

    const rows = page.locator('[data-testid="completeness-grid"] tbody tr[data-unit]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(63);

    // Every cell, against the stored submissions.
    const expected = await expectedStatuses(NATIONAL, NATIONAL_PERIOD, NATIONAL_DEADLINE);
    const grid = await readGrid(page);
    expect(grid.map((r) => r.unit).sort()).toEqual([...expected.keys()].sort());
    for (const row of grid) {
      expect(row.cells).toHaveLength(1);
      expect(row.cells[0]!.period).toBe(NATIONAL_PERIOD);
      expect(row.cells[0]!.status, `province ${row.unit}`).toBe(expected.get(row.unit!));
    }
    // The demo data has each status, so each is written out in words.
    const statuses = [...expected.values()];
    for (const status of ['on-time', 'late', 'missing']) expect(statuses).toContain(status);
    const texts = grid.map((r) => ({ status: r.cells[0]!.status, text: r.cells[0]!.text! }));
    for (const { status, text } of texts) {
      if (status === 'on-time') expect(text).toBe('Đúng hạn');
      if (status === 'late') expect(text).toMatch(/^Muộn (\d+ giờ ?)?(\d+ phút)?$/);
      if (status === 'missing') expect(text).toBe('Chưa báo cáo');
    }
    const reported = statuses.filter((s) => s !== 'missing').length;
    const rate = (n: number) => `${(Math.round((n / 63) * 1000) / 10).toFixed(1).replace('.', ',')}\u00a0%`;
    const reportedRate = await page.locator(`[data-testid="completeness-grid"] tfoot td[data-rate="reported"]`).innerText();
    expect(reportedRate.replace(/\s+/g, ' ')).toBe(`${reported}/63 ${rate(reported)}`.replace(/\s+/g, ' '));
    const onTimeRate = await page.locator(`[data-testid="completeness-grid"] tfoot td[data-rate="on-time"]`).innerText();
    expect(onTimeRate.trim()).toBe(rate(statuses.filter((s) => s === 'on-time').length));

    // Only the provinces still to chase, and back to all.
    const chase = page.getByRole('checkbox', { name: /^Chỉ hiện đơn vị chưa báo cáo hoặc báo cáo muộn kỳ 20\/07\/2021$/ });
    await chase.check();
    await expect.poll(() => rows.count()).toBe(statuses.filter((s) => s !== 'on-time').length);
    await chase.uncheck();
    await expect.poll(() => rows.count()).toBe(63);

    // The "by profession" table: on the page, then as XLSX, cell for cell as the summary API has it.
    const summary = await summaryOf(page, NATIONAL, NATIONAL_PERIOD);
    await expect.poll(() => page.locator('h1').innerText()).toBe(summary.formTitle.vi);
    const table = summary.content.tables.find((t) => t.id === 'by-profession')!;
    const section = page.getByTestId('table-by-profession');
    await expect.poll(() => section.locator('tbody tr').count()).toBe(table.rows.length);
    expect(await section.locator('thead th').allInnerTexts()).toEqual(table.columns.map((c) => c.label.vi));
    expect(await section.locator('tfoot td').first().innerText()).toBe('Tổng cộng');

    const xlsx = await download(page, section.getByRole('link', { name: /^Tải XLSX/ }));
    expect(xlsx.name).toBe('thong-ke-nhan-luc-y-te-phuc-vu-phong-chong-dich-covid-19-20-07-2021-theo-chuyen-mon.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.worksheets.find((s) => s.name !== 'Thông tin')!;
    expect(workbook.worksheets).toHaveLength(2);
    const want: Cell[][] = [
      table.columns.map((c) => c.label.vi),
      ...[...table.rows, ...(table.total ? [table.total] : [])].map((row) =>
        table.columns.map((c) => {
          const v = row[c.key] ?? null;
          return typeof v === 'number' && c.kind === 'percent' ? v / 100 : v;
        }),
      ),
    ];
    const got: Cell[][] = [];
    sheet.eachRow((row) => got.push(table.columns.map((_, i) => (row.getCell(i + 1).value as Cell) ?? null)));
    expect(got).toEqual(want);
    // Numbers are numbers, not text.
    expect(typeof got[1]![1]).toBe('number');

    // The same table as CSV: a byte-order mark, then the Vietnamese headers as they are.
    const csv = await download(page, section.getByRole('link', { name: /^Tải CSV/ }));
    expect(csv.name).toBe('thong-ke-nhan-luc-y-te-phuc-vu-phong-chong-dich-covid-19-20-07-2021-theo-chuyen-mon.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(table.columns.map((c) => c.label.vi).join(','));
    expect(text).toContain('Khả năng hỗ trợ');

    // The whole summary, one sheet per table and the completeness, plus the info sheet.
    const all = page.getByRole('link', { name: 'Tải toàn bộ tổng hợp (XLSX)' });
    expect(await all.getAttribute('href')).toBe(`/api/exports/${NATIONAL}/${NATIONAL_PERIOD}?dinh-dang=xlsx`);
    expect(await all.getAttribute('download')).not.toBeNull();

    // Every summary table is on the page, with both links.
    for (const t of summary.content.tables) {
      const box = page.getByTestId(`table-${t.id}`);
      expect(await box.getByRole('link', { name: /^Tải XLSX/ }).getAttribute('href')).toBe(`/api/exports/${NATIONAL}/${NATIONAL_PERIOD}?dinh-dang=xlsx&bang=${t.id}`);
      expect(await box.getByRole('link', { name: /^Tải CSV/ }).getAttribute('href')).toBe(`/api/exports/${NATIONAL}/${NATIONAL_PERIOD}?dinh-dang=csv&bang=${t.id}`);
    }
    expect(violations).toEqual([]);
    await page.close();
  });

  test('the list of followed forms links to each form’s dashboard, with its latest rates', async () => {
    e2e.clock.set(new Date('2021-07-21T00:00:00Z'));
    await signInBrowser(e2e, { unit: 'VN', role: 'official' });
    const { page, violations } = await newPage();
    await page.goto(`${e2e.platform.url}/`);
    await page.getByRole('link', { name: 'Bảng điều khiển' }).click();
    await page.waitForURL('**/bang-dieu-khien/');
    const item = page.locator(`[data-form="${NATIONAL}"]`);
    await expect.poll(() => item.innerText(), { timeout: 15_000 }).toMatch(/Đã báo cáo \d+\/63/);
    expect(await item.innerText()).toContain('971/TTg-KGVX');
    await item.getByRole('link').click();
    await page.waitForURL(`**/bang-dieu-khien/${NATIONAL}/`);
    await expect.poll(() => page.locator('[data-testid="completeness-grid"] tbody tr').count(), { timeout: 15_000 }).toBe(63);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('3294 (daily): the grid has the days so far, the period selector follows the URL, and the charts are drawn', async () => {
    e2e.clock.set(new Date('2021-10-03T12:00:00Z'));
    await signInBrowser(e2e, { unit: '70', role: 'official' });
    const { page, violations } = await newPage();
    await page.goto(`${e2e.platform.url}/bang-dieu-khien/${DAILY}/`);

    const days = ['2021-10-01', '2021-10-02', '2021-10-03'];
    const districts = await e2e.platform.runtime.service.reporters(DAILY);
    const rows = page.locator('[data-testid="completeness-grid"] tbody tr[data-unit]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(districts.length);
    const grid = await readGrid(page);
    for (const day of days) {
      const expected = await expectedStatuses(DAILY, day, dailyDeadline(day));
      for (const row of grid) expect(row.cells.find((c) => c.period === day)?.status, `${row.unit} on ${day}`).toBe(expected.get(row.unit!));
    }
    for (const row of grid) expect(row.cells.map((c) => c.period)).toEqual(days);

    // The latest day by default; choosing another puts it in the address.
    expect(await page.inputValue('#ky')).toBe('2021-10-03');
    await page.selectOption('#ky', '2021-10-02');
    await page.waitForURL(`**/bang-dieu-khien/${DAILY}/?ky=2021-10-02`);
    await expect.poll(() => page.locator('#figures-title').innerText()).toBe('Số liệu chính kỳ 02/10/2021');

    // Each chart of the summary: an SVG image with a title, its lines, and its numbers in a table.
    const summary = await summaryOf(page, DAILY, '2021-10-02');
    const charts = summary.content.charts ?? [];
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const figure = page.getByTestId(`chart-${chart.id}`);
      await expect.poll(() => figure.locator('svg[role="img"] > title').textContent()).toBe(chart.title.vi);
      expect(await figure.locator('svg[role="img"] > desc').textContent()).toContain('Biểu đồ đường');
      const drawn = (await figure.locator('svg[role="img"] polyline').count()) + (await figure.locator('svg[role="img"] circle').count());
      expect(drawn).toBeGreaterThan(0);
      expect(await figure.locator('table tbody tr').count()).toBe(chart.x.length);
    }
    // A chart with several lines can hide one from its legend.
    const busy = charts.find((c) => c.series.length > 1);
    if (busy) {
      const figure = page.getByTestId(`chart-${busy.id}`);
      const before = await figure.locator('svg[role="img"] g.series').count();
      await figure.getByRole('checkbox', { name: busy.series[0]!.label.vi, exact: true }).uncheck();
      await expect.poll(() => figure.locator('svg[role="img"] g.series').count()).toBe(before - 1);
    }
    expect(violations).toEqual([]);
    await page.close();
  });

  test('3294 (daily): the charts cover every day of the round, a day nobody reported is a gap, and a day few reported says n/N', async () => {
    // Days 01–03 as the demo filled them, nobody on 04/10 and 05/10, then one district on 06/10.
    const service = e2e.platform.runtime.service;
    const [first] = await service.reporters(DAILY);
    e2e.clock.set(new Date('2021-10-06T10:00:00Z'));
    await service.putSubmission(
      { formId: DAILY, period: '2021-10-06', orgUnit: first!.code },
      { data: service.outputs(DAILY).demo({ unit: first!, random: seededRandom('e2e/3294/06'), period: '2021-10-06' }), submittedBy: `Cán bộ ${first!.name}` },
    );
    e2e.clock.set(new Date('2021-10-06T12:00:00Z'));
    await signInBrowser(e2e, { unit: '70', role: 'official' });
    const { page, violations } = await newPage();
    await page.goto(`${e2e.platform.url}/bang-dieu-khien/${DAILY}/?ky=2021-10-06`);

    // What the stored submissions say of each day, worked out here: how many of the districts reported.
    const districts = (await service.reporters(DAILY)).length;
    const days = ['2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06'];
    const reported = await Promise.all(days.map(async (d) => (await e2e.platform.runtime.submissions.listCurrent(DAILY, d)).length));
    expect(reported.slice(3)).toEqual([0, 0, 1]);

    const figure = page.getByTestId('chart-doses-per-day');
    await expect.poll(() => figure.locator('table tbody tr').count(), { timeout: 15_000 }).toBe(days.length);
    // The hidden table: the date, how many reported of how many, the province's line.
    const rows = await figure.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(rows.map((r) => r[0])).toEqual(['01/10', '02/10', '03/10', '04/10', '05/10', '06/10']);
    rows.forEach((row, i) => {
      const n = reported[i]!;
      expect(row[1], days[i]).toBe(n < districts ? `${n}/${districts} (chưa đủ, số liệu chưa phải tổng)` : `${n}/${districts}`);
      if (n === 0) expect(row[2], days[i]).toBe('không có số liệu');
      else expect(row[2], days[i]).toMatch(/^\d[\d.]*$/);
    });
    expect(await figure.locator('table thead th').allTextContents()).toEqual(['Ngày', 'Báo cáo đã nhận/phải nộp', 'Toàn tỉnh (các huyện đã báo cáo)']);

    // The line: 01–03 joined, a gap over 04–05 (no segment across it), 06/10 a hollow dot alone.
    const line = figure.locator('svg[role="img"] g.series');
    const polylines = await line.locator('polyline').evaluateAll((ls) => ls.map((l) => l.getAttribute('points')!.trim().split(/\s+/).length));
    expect(polylines).toEqual([3]);
    const lone = line.locator('circle.partial', { hasText: '06/10' });
    expect(await lone.count()).toBe(1);
    expect(await lone.locator('title').textContent()).toContain(`(đã nhận 1/${districts} báo cáo, chưa đủ)`);
    expect(await line.locator('circle.full', { hasText: '06/10' }).count()).toBe(0);
    // Said in words beside the chart, and under the date on the axis.
    expect(await figure.getByTestId('coverage-note').innerText()).toContain('Điểm rỗng: ngày chưa đủ đơn vị báo cáo');
    expect(await figure.locator('svg[role="img"] text.coverage').allTextContents()).toContain(`1/${districts}`);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('a form added after the web was built has its dashboard too (the SPA fallback)', async () => {
    expect(existsSync(join(REPO_ROOT, `web/build/bang-dieu-khien/${LATER}`))).toBe(false);
    e2e.clock.set(new Date('2099-10-02T12:00:00Z'));
    await signInBrowser(e2e, { unit: '70', role: 'official' });
    const { page, violations } = await newPage();
    await page.goto(`${e2e.platform.url}/bang-dieu-khien/${LATER}/?ky=2099-10-01`);
    const districts = await e2e.platform.runtime.service.reporters(LATER);
    await expect.poll(() => page.locator('[data-testid="completeness-grid"] tbody tr').count(), { timeout: 15_000 }).toBe(districts.length);
    const expected = await expectedStatuses(LATER, '2099-10-01', dailyDeadline('2099-10-01'));
    for (const row of await readGrid(page)) {
      expect(row.cells.map((c) => c.period)).toEqual(['2099-10-01', '2099-10-02']);
      expect(row.cells[0]!.status).toBe(expected.get(row.unit!));
    }
    expect(await page.inputValue('#ky')).toBe('2099-10-01');
    await expect.poll(() => page.locator('#tables-title').count()).toBe(1);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('a reporter is told they may not see the dashboard; a visitor is sent to sign in', async () => {
    e2e.clock.set(new Date('2021-07-21T00:00:00Z'));
    await signInBrowser(e2e, { unit: '01', role: 'reporter' });
    const { page } = await newPage();
    await page.goto(`${e2e.platform.url}/bang-dieu-khien/${NATIONAL}/?ky=${NATIONAL_PERIOD}`);
    await expect
      .poll(() => page.getByRole('alert').first().innerText(), { timeout: 15_000 })
      .toBe('Bạn không có quyền xem bảng điều khiển của biểu mẫu này.');
    expect(await page.getByTestId('completeness-grid').count()).toBe(0);
    // No link to the dashboard in the header for a reporter.
    expect(await page.locator('header nav').isHidden()).toBe(true);

    await e2e.browser.clearCookies();
    await page.reload();
    const login = page.getByRole('link', { name: 'Đăng nhập để xem bảng điều khiển' });
    await expect.poll(() => login.count(), { timeout: 15_000 }).toBe(1);
    expect(await login.getAttribute('href')).toBe(`/dang-nhap/?next=${encodeURIComponent(`/bang-dieu-khien/${NATIONAL}/?ky=${NATIONAL_PERIOD}`)}`);
    await page.close();
  });
});
