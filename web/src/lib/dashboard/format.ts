/** How the dashboard writes numbers, periods and report statuses (vi-VN). */
import type { Cell, SummaryColumn } from '#schemas/core/form.ts';
import { formatDecimal, formatDuration, formatInteger } from '#schemas/core/format.ts';
import type { DashboardCell } from '#lib/api.ts';
import { formatDate } from '#schemas/core/format.ts';

const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A percentage as the API gives it (42.5 means 42,5 %), with one decimal.
 * @example formatPercent(42.5) // "42,5 %" (with a no-break space)
 */
export function formatPercent(value: number): string {
  return `${percentFormat.format(value)}\u00a0%`;
}

/**
 * A count: grouped the vi-VN way; a fraction (an average, say) keeps one decimal.
 * @example formatCount(12345) // "12.345"
 */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
}

/** A table cell or figure by its kind; empty for no value. */
export function formatCell(value: Cell | undefined, kind: SummaryColumn['kind'] | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return value;
  return kind === 'percent' ? formatPercent(value) : formatCount(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Period ids are dates for the forms in use; anything else is shown as the server wrote it.
 * @example periodLabel('2021-07-20') // "20/07/2021"
 */
export function periodLabel(period: string): string {
  return DATE.test(period) ? formatDate(period) : period;
}

/**
 * A chart's x label: a date becomes "dd/mm", anything else stays.
 * @example shortDate('2021-10-03') // "03/10"
 */
export function shortDate(label: string): string {
  return DATE.test(label) ? `${label.slice(8, 10)}/${label.slice(5, 7)}` : label;
}

/**
 * A unit's status for one period in words, never by colour alone.
 * @example statusText({ status: 'late', lateByMinutes: 125 }) // "Muộn 2 giờ 5 phút"
 */
export function statusText(cell: DashboardCell | undefined): string {
  switch (cell?.status) {
    case 'on-time':
      return 'Đúng hạn';
    case 'late':
      return cell.lateByMinutes === undefined ? 'Muộn' : `Muộn ${formatDuration(cell.lateByMinutes)}`;
    default:
      return 'Chưa báo cáo';
  }
}
