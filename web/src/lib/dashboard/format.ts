/** How the dashboard writes periods and report statuses (vi-VN); cells and numbers come from the shared format. */
import { statusText as statusWords } from '#schemas/core/format.ts';
import type { DashboardCell } from '#lib/api.ts';

export { formatCell, formatCount, formatPercent } from '#schemas/core/format.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Period ids are dates for the forms in use; anything else is shown as the server wrote it. */
export { formatPeriod as periodLabel } from '#schemas/core/format.ts';

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
  return statusWords(cell?.status, cell?.lateByMinutes);
}
