/**
 * A summary as an XLSX workbook: an information sheet, then one sheet per
 * table, Vietnamese headers, numbers as numbers, percentages as 0.0%.
 */
import ExcelJS from 'exceljs';
import type { Cell, SummaryColumn } from '#schemas/core/form.ts';
import { formatDateTime, formatPeriod, STATUS_WORDS } from '#schemas/core/format.ts';
import { formatDeadline } from '#schemas/core/format-deadline.ts';
import type { PeriodSummary } from '../core/summary.ts';
import { textCell, xmlSafe } from './cell-text.ts';

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
    ['Kỳ báo cáo', formatPeriod(summary.period)],
    ['Hạn nộp (giờ Việt Nam)', formatDeadline(summary.deadline)],
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
