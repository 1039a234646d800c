/**
 * Summaries as files: an XLSX workbook (one sheet per table, Vietnamese
 * headers, numbers as numbers) and CSV per table. Text that a spreadsheet
 * would read as a formula is neutralised; Vietnamese text is kept as is.
 */
import ExcelJS from 'exceljs';
import type { Cell, SummaryColumn, SummaryTable } from '#schemas/core/form.ts';
import { formatDateTime, STATUS_WORDS } from '#schemas/core/format.ts';
import type { PeriodSummary } from './summary.ts';

/**
 * A leading `=`, `+`, `-`, `@` (or tab / carriage return) makes spreadsheets
 * evaluate a cell; a leading apostrophe makes it plain text again.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

// XML 1.0 has no way to write these, escaped or not: one in a cell makes Excel call the file corrupt.
// Stored answers from before input was checked may hold them, so the writers drop them.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text with every character XML cannot carry removed (controls but tab and
 * line breaks, U+FFFE, U+FFFF, lone surrogates).
 * @example xmlSafe('A\u0000B\uFFFF') // 'AB'
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A text cell for a spreadsheet: readable by XML, never a formula. */
function textCell(text: string): string {
  return neutraliseFormula(xmlSafe(text));
}

function cellValue(value: Cell | undefined, kind: SummaryColumn['kind']): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return kind === 'percent' ? value / 100 : value;
  return textCell(value);
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = xmlSafe(title).replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Bảng';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * @example const xlsx = await summaryToXlsx(summary); // Buffer, opens in Excel and LibreOffice
 */
export async function summaryToXlsx(summary: PeriodSummary, onlyTable?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nền tảng báo cáo theo chỉ đạo';
  workbook.created = new Date(summary.generatedAt);
  const taken = new Set<string>();

  const tables = summary.tables.filter((t) => !onlyTable || t.id === onlyTable);
  const info = workbook.addWorksheet(sheetName('Thông tin', taken));
  const { expected, reported, onTime, late, missing } = summary.completeness;
  info.addRows([
    ['Văn bản', textCell(`${summary.directive.number} — ${summary.directive.issuerName.vi}`)],
    ['Biểu mẫu', textCell(summary.formTitle.vi)],
    ['Kỳ báo cáo', summary.period],
    ['Hạn nộp (giờ Việt Nam)', formatDateTime(summary.deadline)],
    ['Tổng hợp lúc (giờ Việt Nam)', formatDateTime(summary.generatedAt)],
    ['Số đơn vị phải báo cáo', expected],
    ['Đã báo cáo', reported],
    [STATUS_WORDS['on-time'], onTime],
    [STATUS_WORDS.late, late],
    [STATUS_WORDS.missing, missing],
    ...summary.content.figures.map((f) => [textCell(f.label.vi), f.kind === 'percent' ? f.value / 100 : f.value]),
  ]);
  info.getColumn(1).width = 32;
  info.getColumn(2).width = 60;
  summary.content.figures.forEach((f, i) => {
    if (f.kind === 'percent') info.getCell(11 + i, 2).numFmt = '0.0%';
  });

  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title.vi, taken));
    sheet.addRow(table.columns.map((c) => textCell(c.label.vi))).font = { bold: true };
    for (const row of table.rows) sheet.addRow(table.columns.map((c) => cellValue(row[c.key], c.kind)));
    if (table.total) sheet.addRow(table.columns.map((c) => cellValue(table.total![c.key], c.kind))).font = { bold: true };
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(60, Math.max(10, c.label.vi.length + 2));
      if (c.kind === 'percent') column.numFmt = '0.0%';
      if (c.kind === 'integer') column.numFmt = '#,##0';
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One table as CSV: UTF-8 with a byte-order mark so spreadsheet programs read
 * Vietnamese correctly, CRLF line ends, numbers unformatted.
 */
export function tableToCsv(table: SummaryTable): string {
  const line = (cells: Array<string | number | null>) => cells.map((v) => (v === null ? '' : csvField(String(v)))).join(',');
  const rows = [...table.rows, ...(table.total ? [table.total] : [])];
  return `\uFEFF${[line(table.columns.map((c) => textCell(c.label.vi))), ...rows.map((r) => line(table.columns.map((c) => {
    const v = r[c.key];
    return v === null || v === undefined ? null : typeof v === 'number' ? v : textCell(v);
  })))].join('\r\n')}\r\n`;
}
