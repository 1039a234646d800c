/**
 * The officials' dashboard: for a form, every reporting unit × every period
 * due so far, on time / late / missing, and the rates per period.
 */
import { computeCompleteness } from './completeness.ts';
import { deadlineOf, duePeriods } from '#schemas/core/calendar.ts';
import { gridRow, type GridCell, type GridRow } from '#schemas/core/dashboard-grid.ts';
import type { ReportingService } from './reporting.ts';

/** One cell of the grid: a unit's report for a period. */
export type DashboardCell = GridCell;

export interface PeriodRates {
  period: string;
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  missing: number;
  /** Shares of the expected units, percent with one decimal. */
  reportedRate: number;
  onTimeRate: number;
}

export interface Dashboard {
  formId: string;
  roundId: string;
  periods: string[];
  units: Array<{ code: string; name: string; kind: string }>;
  /** Per unit code, its row: one status letter per period of `periods`, and the late minutes and revisions where any (schemas/core/dashboard-grid.ts). */
  grid: Record<string, GridRow>;
  rates: PeriodRates[];
  /**
   * Per unit that relayed this round to the units under it, how its relay stands at the latest due period:
   * its own round, who answered of how many.
   */
  relays: Record<string, { roundId: string; period: string; reported: number; expected: number }>;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * Completeness and rates for one period; shared by the dashboard and the summary.
 * Only the counts are copied: a completeness object also carries every row, and
 * spreading it put a copy of the whole grid into each period (77 % of a 4.6 MB
 * dashboard at 700 districts × 31 days).
 * @example ratesOf('2021-07-20', computeCompleteness(reporters, records, deadline)).reportedRate // 92.1
 */
export function ratesOf(period: string, c: { expected: number; reported: number; onTime: number; late: number; missing: number }): PeriodRates {
  const { expected, reported, onTime, late, missing } = c;
  return { period, expected, reported, onTime, late, missing, reportedRate: percent(reported, expected), onTimeRate: percent(onTime, expected) };
}

/**
 * Every reporter × every period due so far, from one Query of the form's report statuses (written with every
 * save) over those periods, whatever their number and whatever other rounds of the form hold.
 */
export async function buildDashboard(service: ReportingService, roundId: string, now: Date): Promise<Dashboard> {
  const round = await service.round(roundId);
  const reporters = await service.reporters(round.id);
  const periods = duePeriods(round.period, now);
  const byPeriod = Map.groupBy(await service.statuses(round.formId, { from: periods[0]!, to: periods.at(-1)! }), (s) => s.period);
  const cells = new Map<string, Array<GridCell | undefined>>(reporters.map((u) => [u.code, []]));
  const rates = periods.map((period, i) => {
    const c = computeCompleteness(reporters, byPeriod.get(period) ?? [], deadlineOf(round.period, period));
    for (const row of c.rows) {
      if (row.status === 'missing') continue;
      // Returned (until resubmitted: a new revision's status carries no mark) or accepted; reopened is neither.
      const review = row.review === 'returned' || row.review === 'accepted' ? row.review : undefined;
      cells.get(row.unit.code)![i] = {
        status: row.status,
        ...(row.lateByMinutes !== undefined ? { lateByMinutes: row.lateByMinutes } : {}),
        ...(row.revision !== undefined ? { revision: row.revision } : {}),
        ...(review ? { review } : {}),
      };
    }
    return ratesOf(period, c);
  });
  const grid = Object.fromEntries(reporters.map((u) => [u.code, gridRow(periods.map((_, i) => cells.get(u.code)![i]))]));
  const relays: Dashboard['relays'] = {};
  for (const child of (await service.rounds()).filter((r) => r.parent === round.id)) {
    const latest = await latestRates(service, child.id, now);
    relays[child.issuer] = { roundId: child.id, period: latest.period, reported: latest.reported, expected: latest.expected };
  }
  return { formId: round.formId, roundId: round.id, periods, units: reporters.map((u) => ({ code: u.code, name: u.name, kind: u.kind })), grid, rates, relays };
}

/** The rates of a round's latest due period: what the list of followed rounds shows, one read per round. */
export async function latestRates(service: ReportingService, roundId: string, now: Date): Promise<PeriodRates> {
  const round = await service.round(roundId);
  const period = duePeriods(round.period, now).at(-1)!;
  const { records } = await service.currentSubmissions(round.id, period);
  return ratesOf(period, computeCompleteness(await service.reporters(round.id), records, deadlineOf(round.period, period)));
}
