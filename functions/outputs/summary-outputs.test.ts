/**
 * Every registered form's summary email and XLSX at national size (63
 * provinces, 700 districts of synthetic answers from the form's own `demo`),
 * parsed as a mail client and a spreadsheet would: the email arrives whole
 * (HTML ≤ 100 KB, Gmail clips at ~102 KB), its plain text fits 100 columns,
 * data tables have header cells, no date reads as ISO; the workbook's sheets
 * are named whole, its times are dates, its text is text.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { localTimeOf } from '#schemas/core/calendar.ts';
import type { AnyForm } from '#schemas/core/form.ts';
import { loadForms } from '#schemas/registry.ts';
import type { PeriodSummary } from '../core/summary.ts';
import { syntheticSummary } from '../../test/support/synthetic-summary.ts';
import { sheetNameOf, SHEET_NAME_MAX, slug, summaryFileName, uniqueSheetNames } from './names.ts';
import { EMAIL_ROWS, renderSummaryEmail, TEXT_COLUMNS, wrap } from './summary-email.ts';
import { summaryToXlsx, XLSX_FORMATS } from './xlsx.ts';

const registry = await loadForms();
const forms = registry.list();
const synthetic = (formId: string, count: number) => syntheticSummary(registry.get(formId)!, registry.outputs(formId)!, count);
const SIZES = [63, 700];
const KB = 1024;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const URL = 'https://baocao.example.gov.vn/bang-dieu-khien/x/?ky=2021-07-20';

/** What a reader sees of the HTML: the text between tags, entities decoded enough for date matching. */
const visibleText = (html: string) => html.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, ' ');

describe.each(forms.map((f) => [f.id, f] as [string, AnyForm]))('%s', (_, form) => {
  describe.each(SIZES)('%i units', (count) => {
    let summary: PeriodSummary;
    let email: ReturnType<typeof renderSummaryEmail>;
    let workbook: ExcelJS.Workbook;
    const file = () => summaryFileName(summary, 'xlsx');

    beforeAll(async () => {
      summary = synthetic(form.id, count);
      email = renderSummaryEmail(summary, { dashboardUrl: URL, attachment: summaryFileName(summary, 'xlsx') });
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await summaryToXlsx(summary)) as unknown as ArrayBuffer);
    });

    test('the HTML is at most 100 KB and names every unit that has not reported', () => {
      expect(Buffer.byteLength(email.html)).toBeLessThanOrEqual(100 * KB);
      for (const row of summary.completeness.rows.filter((r) => r.status === 'missing')) expect(email.html).toContain(row.unit.name);
    });

    test('a table cut for the email says how many rows the attachment holds, and where', () => {
      const long = summary.content.tables.filter((t) => t.rows.length > EMAIL_ROWS);
      if (count === 700) expect(long.length).toBeGreaterThan(0);
      for (const table of long) {
        expect(email.html).toContain(`trong tổng số ${table.rows.length} dòng`);
        expect(email.html).toContain(`trang «${sheetNameOf(table)}» của tệp đính kèm ${file()}`);
      }
    });

    test('plain text lines fit in 100 columns', () => {
      const wide = email.text.split('\n').filter((l) => l.length > TEXT_COLUMNS);
      expect(wide).toEqual([]);
    });

    test('data tables have column headers with scope and a row header; no layout role on them', () => {
      const tables = email.html.match(/<table[\s\S]*?<\/table>/g) ?? [];
      expect(tables.length).toBe(summary.content.tables.length);
      for (const table of tables) {
        expect(table).not.toContain('role="presentation"');
        expect(table).toMatch(/<thead><tr>(<th scope="col"[^>]*>[^<]*<\/th>)+<\/tr><\/thead>/);
        if (/<tbody><tr>/.test(table)) expect(table).toContain('<th scope="row"');
      }
    });

    test('no ISO date in what a reader sees (HTML text, plain text but the link, subject, sheet cells)', () => {
      expect(visibleText(email.html)).not.toMatch(ISO_DATE);
      expect(email.text.split('\n').filter((l) => l !== URL).join('\n')).not.toMatch(ISO_DATE);
      expect(email.subject).not.toMatch(ISO_DATE);
      const strings = workbook.worksheets.flatMap((w) => (w.getSheetValues().flat(2) as unknown[]).filter((v): v is string => typeof v === 'string'));
      expect(strings.filter((s) => ISO_DATE.test(s))).toEqual([]);
    });

    test('sheet names are whole: a declared short name or the whole title, at most 31 characters', () => {
      const names = workbook.worksheets.map((w) => w.name);
      expect(names).toEqual(['Thông tin', ...summary.tables.map((t) => t.sheet ?? t.title.vi)]);
      for (const name of names) expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    });

    test('each table sheet: a frozen, filterable header row; numbers as numbers; submission times as dates in Vietnam time', () => {
      summary.tables.forEach((table, i) => {
        const sheet = workbook.worksheets[i + 1]!;
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeTruthy();
        table.columns.forEach((c, j) => {
          expect(sheet.getColumn(j + 1).width).toBeGreaterThanOrEqual(8);
          const cell = sheet.getRow(2).getCell(j + 1);
          const value = table.rows[0]?.[c.key];
          if (typeof value === 'number') expect(cell.value).toBe(c.kind === 'percent' ? value / 100 : value);
          if (c.kind === 'datetime' && typeof value === 'string') {
            expect(cell.value).toBeInstanceOf(Date);
            expect(cell.numFmt).toBe(XLSX_FORMATS.datetime);
            expect((cell.value as Date).toISOString().slice(0, 16)).toBe(localTimeOf(value));
          }
        });
      });
      const status = workbook.getWorksheet('Tình hình báo cáo')!;
      const at = (status.getRow(1).values as unknown[]).indexOf('Thời điểm nộp');
      const times = status.getColumn(at).values.slice(2).filter((v) => v !== null && v !== undefined);
      expect(times.length).toBe(summary.completeness.reported);
      for (const t of times) expect(t).toBeInstanceOf(Date);
    });
  });
});

describe('971: the shortage read from the workbook never nets surplus against it', () => {
  test('per profession max(need − offer, 0), surplus apart, the headline their sum', async () => {
    const summary = synthetic('971-nhan-luc-y-te', 63);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await summaryToXlsx(summary)) as unknown as ArrayBuffer);
    const table = summary.tables.find((t) => t.id === 'by-profession')!;
    const sheet = workbook.getWorksheet(sheetNameOf(table))!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (key: string) => header.indexOf(table.columns.find((c) => c.key === key)!.label.vi) + 1;
    let gaps = 0;
    let anySurplus = false;
    for (let r = 2; r < 2 + table.rows.length; r++) {
      const row = sheet.getRow(r);
      const need = row.getCell(column('need')).value as number;
      const offer = row.getCell(column('offer')).value as number;
      const shortage = row.getCell(column('shortage')).value as number;
      expect(shortage).toBeGreaterThanOrEqual(0);
      expect(shortage).toBe(Math.max(need - offer, 0));
      expect(row.getCell(column('surplus')).value).toBe(Math.max(offer - need, 0));
      anySurplus ||= offer > need;
      gaps += shortage;
    }
    // The synthetic answers offer more than is needed somewhere: the netting would show here.
    expect(anySurplus).toBe(true);
    const info = workbook.getWorksheet('Thông tin')!;
    const headline = info.getColumn(1).values.findIndex((v) => typeof v === 'string' && v.startsWith('Còn thiếu'));
    expect(info.getRow(headline).getCell(2).value).toBe(gaps);
  });
});

describe('XLSX text', () => {
  test('a text that looks like a formula is a typed text cell, shown as written: no apostrophe, no formula', async () => {
    const summary = synthetic('347-y-kien-doanh-nghiep-nguoi-dan', 3);
    const items = summary.tables.find((t) => t.id === 'items')!;
    const evil = '=HYPERLINK("http://evil.example","Nhấn vào đây")';
    items.rows[0]!.content = evil;
    const buffer = await summaryToXlsx(summary);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(sheetNameOf(items))!;
    const at = (sheet.getRow(1).values as unknown[]).indexOf(items.columns.find((c) => c.key === 'content')!.label.vi);
    const cell = sheet.getRow(2).getCell(at);
    expect(cell.value).toBe(evil);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe(XLSX_FORMATS.text);
    expect(cell.formula).toBeUndefined();
  });
});

describe('names', () => {
  test('file names are ASCII slugs of the title and the period, dd-mm-yyyy', () => {
    expect(slug('Thống kê nhân lực y tế phục vụ phòng, chống dịch Covid-19')).toBe('thong-ke-nhan-luc-y-te-phuc-vu-phong-chong-dich-covid-19');
    expect(slug('Đường Đắk Lắk')).toBe('duong-dak-lak');
    expect(summaryFileName({ formTitle: { vi: 'Thống kê nhân lực y tế' }, period: '2021-07-20' }, 'xlsx')).toBe('thong-ke-nhan-luc-y-te-20-07-2021.xlsx');
    expect(summaryFileName({ formTitle: { vi: 'Thống kê' }, period: '2021-07-20' }, 'csv', { title: { vi: 'Tình hình báo cáo' } })).toBe('thong-ke-20-07-2021-tinh-hinh-bao-cao.csv');
    for (const form of forms) expect(summaryFileName({ formTitle: form.title, period: '2021-07-20' }, 'xlsx')).toMatch(/^[a-z0-9-]{1,80}\.xlsx$/);
  });

  test('an undeclared long title is cut at a word, never inside one; equal names are numbered', () => {
    expect(sheetNameOf({ title: { vi: 'Nhu cầu và khả năng hỗ trợ theo chuyên môn' } })).toBe('Nhu cầu và khả năng hỗ trợ theo');
    expect(sheetNameOf({ title: { vi: 'Ghi chú: a/b' } })).toBe('Ghi chú a b');
    expect(uniqueSheetNames(['Bảng', 'bảng', 'Bảng'])).toEqual(['Bảng', 'bảng (2)', 'Bảng (3)']);
  });

  test('wrap keeps every line within the width, splitting only a word longer than a line', () => {
    expect(wrap('một hai ba bốn', 7)).toEqual(['một hai', 'ba bốn']);
    expect(wrap('abcdefghij', 4, ' ')).toEqual(['abcd', ' efg', ' hij']);
  });
});
