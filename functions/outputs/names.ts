/**
 * Names people see outside the page: XLSX sheet names and download file
 * names. Shared by the XLSX writer, the email (which names the sheet holding
 * a table's other rows) and the download routes.
 */
import type { SummaryTable } from '#schemas/core/form.ts';
import { formatPeriod } from '#schemas/core/format.ts';
import { xmlSafe } from './cell-text.ts';

/** Excel refuses longer sheet names. */
export const SHEET_NAME_MAX = 31;

/**
 * A table's sheet name: the one it declares, else its title when that fits.
 * A long title without a declared name (a form the registry test would
 * refuse) is cut at a word, never inside one.
 * @example sheetNameOf({ title: { vi: 'Tình hình báo cáo' } }) // "Tình hình báo cáo"
 */
export function sheetNameOf(table: Pick<SummaryTable, 'title' | 'sheet'>): string {
  const name = xmlSafe(table.sheet ?? table.title.vi).replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  if (name.length <= SHEET_NAME_MAX) return name || 'Bảng';
  const cut = name.slice(0, SHEET_NAME_MAX + 1);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;—–-]+$/, '') || name.slice(0, SHEET_NAME_MAX);
}

/**
 * Sheet names for a workbook: unique whatever the case, numbered when two
 * tables would share one.
 */
export function uniqueSheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((base) => {
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

const SLUG_MAX = 60;

/**
 * Vietnamese words as an ASCII file-name part: marks dropped, đ as d,
 * lower case, words joined by hyphens, at most 60 characters ending on a word.
 * @example slug('Thống kê nhân lực y tế') // "thong-ke-nhan-luc-y-te"
 */
export function slug(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= SLUG_MAX) return words;
  const cut = words.slice(0, SLUG_MAX + 1);
  return cut.slice(0, cut.lastIndexOf('-'));
}

/**
 * A summary download's file name: the form's title and the period
 * (dd-mm-yyyy), then the table when it is one table.
 * @example summaryFileName({ formTitle: { vi: 'Thống kê nhân lực y tế' }, period: '2021-07-20' }, 'xlsx')
 * // "thong-ke-nhan-luc-y-te-20-07-2021.xlsx"
 */
export function summaryFileName(
  summary: { formTitle: { vi: string }; period: string },
  extension: 'xlsx' | 'csv',
  table?: Pick<SummaryTable, 'title' | 'sheet'>,
): string {
  const parts = [slug(summary.formTitle.vi), slug(formatPeriod(summary.period)), ...(table ? [slug(sheetNameOf(table))] : [])];
  return `${parts.filter(Boolean).join('-') || 'tong-hop'}.${extension}`;
}
