/** One summary table as CSV. */
import type { SummaryTable } from '#schemas/core/form.ts';
import { formatCell } from '#schemas/core/format.ts';
import { textCell } from './cell-text.ts';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One table as CSV: UTF-8 with a byte-order mark so spreadsheet programs read
 * Vietnamese correctly, CRLF line ends, numbers unformatted, times as people
 * read them (Vietnam time, dd/mm/yyyy). CSV has no cell types, so a text
 * starting like a formula keeps a leading apostrophe here (not in the XLSX).
 */
export function tableToCsv(table: SummaryTable): string {
  const line = (cells: Array<string | number | null>) => cells.map((v) => (v === null ? '' : csvField(String(v)))).join(',');
  const rows = [...table.rows, ...(table.total ? [table.total] : [])];
  return `\uFEFF${[line(table.columns.map((c) => textCell(c.label.vi))), ...rows.map((r) => line(table.columns.map((c) => {
    const v = r[c.key];
    return v === null || v === undefined ? null : typeof v === 'number' ? v : textCell(formatCell(v, c.kind));
  })))].join('\r\n')}\r\n`;
}
