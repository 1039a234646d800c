/**
 * vi-VN formatting and the platform's words, shared by the browser, the API,
 * the emails and the exports: a status or a number reads the same everywhere.
 */
import { localTimeOf } from './calendar.ts';
import type { Cell, SummaryColumn } from './form.ts';
import type { OrgUnitKind } from './org-unit.ts';

/** A unit's report for a period, in the words officials use. */
export const STATUS_WORDS = { 'on-time': 'Đúng hạn', late: 'Muộn', missing: 'Chưa báo cáo' } as const;

export type ReportStatusWord = keyof typeof STATUS_WORDS;

/** An official's mark on a unit's answer, as the completeness says it. */
export const REVIEW_WORDS = { returned: 'Trả lại để sửa', accepted: 'Đã tiếp nhận', reopened: 'Mở lại để sửa' } as const;

/** Said of an answer a unit built from its sub-units' reports. */
export const ROLLUP_WORDS = 'Tổng hợp từ cấp dưới';

/** How Vietnamese officials name a group of units of one kind. */
export const UNIT_KIND_PLURAL: Record<OrgUnitKind, string> = {
  nation: 'quốc gia',
  province: 'tỉnh, thành phố',
  district: 'huyện, thị xã, thành phố',
  department: 'sở, ban, ngành',
  facility: 'cơ sở',
};

/**
 * A status in words, never by colour alone; "late" says by how long when known.
 * @example statusText('late', 125) // "Muộn 2 giờ 5 phút"
 */
export function statusText(status: ReportStatusWord | undefined, lateByMinutes?: number): string {
  const word = STATUS_WORDS[status ?? 'missing'];
  return status === 'late' && lateByMinutes !== undefined ? `${word} ${formatDuration(lateByMinutes)}` : word;
}

// Made on first use: the first vi-VN formatter loads the locale's data (~10 ms), which a cold start that
// formats nothing (a Lambda's submit) should not pay.
let integerFormat: Intl.NumberFormat | undefined;

/**
 * Formats an integer the vi-VN way.
 * @example formatInteger(12345) // "12.345"
 */
export function formatInteger(value: number): string {
  return (integerFormat ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })).format(value);
}

/**
 * Formats an instant as Vietnam wall-clock time.
 * @example formatDateTime('2021-07-20T10:00:00Z') // "17:00 20/07/2021"
 */
export function formatDateTime(instant: string | Date): string {
  return formatWallClock(localTimeOf(instant));
}

/**
 * A Vietnam wall-clock time `YYYY-MM-DDTHH:mm` the vi-VN way.
 * @example formatWallClock('2021-07-20T17:00') // "17:00 20/07/2021"
 */
export function formatWallClock(local: string): string {
  const [date = '', time = ''] = local.split('T');
  return `${time.slice(0, 5)} ${formatDate(date)}`;
}

/**
 * A period as a person reads it: a date dd/mm/yyyy; any other period id as it is.
 * @example formatPeriod('2021-07-20') // "20/07/2021"
 */
export function formatPeriod(period: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(period) ? formatDate(period) : period;
}

/**
 * A calendar date the vi-VN way.
 * @example formatDate('2021-07-20') // "20/07/2021"
 */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * Formats a duration in minutes as Vietnamese words, for "late by".
 * @example formatDuration(125) // "2 giờ 5 phút"
 */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ngày`);
  if (hours) parts.push(`${hours} giờ`);
  if (mins || parts.length === 0) parts.push(`${mins} phút`);
  return parts.join(' ');
}

/**
 * Parses what an officer types in a count box: digits, optionally grouped
 * with vi-VN dots or spaces. Returns undefined for empty, NaN for garbage.
 * @example parseIntegerInput('1.234') // 1234
 */
export function parseIntegerInput(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const compact = trimmed.replace(/[.\s\u00a0]/g, '');
  if (!/^-?\d+$/.test(compact)) return Number.NaN;
  return Number(compact);
}

let decimalFormat: Intl.NumberFormat | undefined;
let percentFormat: Intl.NumberFormat | undefined;

/**
 * Formats a number with at most one decimal, vi-VN style.
 * @example formatDecimal(33.3) // "33,3"
 */
export function formatDecimal(value: number): string {
  return (decimalFormat ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })).format(value);
}

/**
 * A percentage as summaries hold it (42.5 means 42,5 %), with one decimal.
 * @example formatPercent(42.5) // "42,5 %" (with a no-break space)
 */
export function formatPercent(value: number): string {
  return `${(percentFormat ??= new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(value)}\u00a0%`;
}

/**
 * A count: grouped the vi-VN way; a fraction (an average, say) keeps one decimal.
 * @example formatCount(12345) // "12.345"
 */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
}

/**
 * A summary cell or figure by its kind, as people read it; empty for no value.
 * @example formatCell(93.46, 'percent') // "93,5 %"
 */
export function formatCell(value: Cell | undefined, kind: SummaryColumn['kind'] | undefined): string {
  // No figure (a unit that did not report, a side it did not answer) reads "—", never as a 0 it did not give.
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return kind === 'datetime' ? formatDateTime(value) : value;
  return kind === 'percent' ? formatPercent(value) : formatCount(value);
}
