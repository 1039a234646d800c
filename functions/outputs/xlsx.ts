/**
 * A summary as an XLSX workbook officials can work with: an information
 * sheet, then one sheet per table named by the table's declared short name;
 * Vietnamese headers in a frozen, filterable first row; numbers as numbers
 * (#,##0 and 0.0%), times as real dates in Vietnam time (dd/mm/yyyy hh:mm);
 * text cells typed as text, so a value starting with "=" is shown as written
 * (no visible apostrophe) and is never evaluated.
 */
import ExcelJS from 'exceljs';
import { localTimeOf } from '#schemas/core/calendar.ts';
import type { Cell, SummaryColumn, SummaryTable } from '#schemas/core/form.ts';
import { formatCell, formatPeriod, STATUS_WORDS } from '#schemas/core/format.ts';
import { formatDeadline } from '#schemas/core/format-deadline.ts';
import type { PeriodSummary } from '../core/summary.ts';
import { xmlSafe } from './cell-text.ts';
import { sheetNameOf, uniqueSheetNames } from './names.ts';

export const XLSX_FORMATS = {
  integer: '#,##0',
  percent: '0.0%',
  datetime: 'dd/mm/yyyy hh:mm',
  date: 'dd/mm/yyyy',
  text: '@',
} as const;

/**
 * A Vietnam wall-clock time as the date Excel shows: Excel dates carry no
 * time zone, so the cell holds 17:00 for 17:00 in Hà Nội whatever the reader's.
 */
function excelTime(instant: string): Date {
  return new Date(`${localTimeOf(instant)}:00Z`);
}

function cellValue(value: Cell | undefined, kind: SummaryColumn['kind']): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return kind === 'percent' ? value / 100 : value;
  if (kind === 'datetime') return excelTime(value);
  return xmlSafe(value);
}

const WIDTH_MIN = 8;
const WIDTH_MAX = 60;

/** Widths from what each column shows (the header or its longest cell), within 8 and 60 characters. */
function columnWidths(table: SummaryTable): number[] {
  const rows = [...table.rows, ...(table.total ? [table.total] : [])];
  return table.columns.map((c) => {
    const longest = Math.max(c.label.vi.length, ...rows.map((r) => Math.max(...formatCell(r[c.key], c.kind).split('\n').map((l) => l.length))));
    return Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, longest + 2));
  });
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, table: SummaryTable): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = columnWidths(table);
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = widths[i]!;
    column.numFmt = XLSX_FORMATS[c.kind];
  });
  sheet.addRow(table.columns.map((c) => xmlSafe(c.label.vi))).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => cellValue(row[c.key], c.kind)));
  // The filter covers the data rows only: sorting must not move the total into them.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  if (table.total) sheet.addRow(table.columns.map((c) => cellValue(table.total![c.key], c.kind))).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * @example const xlsx = await summaryToXlsx(summary); // Buffer, opens in Excel and LibreOffice
 */
export async function summaryToXlsx(summary: PeriodSummary, onlyTable?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nền tảng báo cáo theo chỉ đạo';
  workbook.created = new Date(summary.generatedAt);

  const tables = summary.tables.filter((t) => !onlyTable || t.id === onlyTable);
  const [infoName, ...names] = uniqueSheetNames(['Thông tin', ...tables.map(sheetNameOf)]);
  const info = workbook.addWorksheet(infoName);
  info.getColumn(1).width = 32;
  info.getColumn(2).width = 60;
  const { expected, reported, onTime, late, missing } = summary.completeness;
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(summary.period);
  const rows: Array<[string, string | number | Date, string?]> = [
    ['Văn bản', xmlSafe(`${summary.directive.number} — ${summary.directive.issuerName.vi}`), XLSX_FORMATS.text],
    ['Biểu mẫu', xmlSafe(summary.formTitle.vi), XLSX_FORMATS.text],
    isDate ? ['Kỳ báo cáo', new Date(`${summary.period}T00:00:00Z`), XLSX_FORMATS.date] : ['Kỳ báo cáo', formatPeriod(summary.period), XLSX_FORMATS.text],
    ['Hạn nộp (giờ Việt Nam)', formatDeadline(summary.deadline), XLSX_FORMATS.text],
    ['Thời điểm hạn nộp (giờ Việt Nam)', excelTime(summary.deadline), XLSX_FORMATS.datetime],
    ['Tổng hợp lúc (giờ Việt Nam)', excelTime(summary.generatedAt), XLSX_FORMATS.datetime],
    ['Số đơn vị phải báo cáo', expected, XLSX_FORMATS.integer],
    ['Đã báo cáo', reported, XLSX_FORMATS.integer],
    [STATUS_WORDS['on-time'], onTime, XLSX_FORMATS.integer],
    [STATUS_WORDS.late, late, XLSX_FORMATS.integer],
    [STATUS_WORDS.missing, missing, XLSX_FORMATS.integer],
    ...summary.content.figures.map((f): [string, number, string] =>
      f.kind === 'percent' ? [xmlSafe(f.label.vi), f.value / 100, XLSX_FORMATS.percent] : [xmlSafe(f.label.vi), f.value, XLSX_FORMATS.integer],
    ),
  ];
  for (const [label, value, numFmt] of rows) {
    const row = info.addRow([label, value]);
    row.getCell(1).numFmt = XLSX_FORMATS.text;
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
  }

  tables.forEach((table, i) => addTableSheet(workbook, names[i]!, table));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
