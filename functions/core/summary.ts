/** The summary of one (form, period): completeness plus the form's own tables. */
import type { OrgUnit, OrgUnitKind } from '#schemas/core/org-unit.ts';
import { listPeriods } from '#schemas/core/period.ts';
import type { AnyForm, Directive, SummaryContent, SummaryTable } from '#schemas/core/form.ts';
import type { Text } from '#schemas/core/i18n.ts';
import { formatDuration, REVIEW_WORDS, ROLLUP_WORDS, STATUS_WORDS, UNIT_KIND_PLURAL } from '#schemas/core/format.ts';
import { computeCompleteness, type Completeness } from './completeness.ts';
import { ratesOf, type PeriodRates } from './dashboard.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import { dataOf, type ReportingService } from './reporting.ts';

export interface PeriodSummary {
  formId: string;
  /** The round summarised: a form's id names its seed round. */
  roundId: string;
  formTitle: Text;
  directive: Directive;
  period: string;
  deadline: string;
  generatedAt: string;
  reporterKinds: OrgUnitKind[];
  completeness: Completeness;
  /** Reported and on-time shares of the expected units. */
  rates: PeriodRates;
  /** "58/63 tỉnh, thành phố đã báo cáo": in every subject and heading. */
  headline: string;
  content: SummaryContent;
  /** The form's tables, then the completeness table: everything emails, files and the dashboard show. */
  tables: SummaryTable[];
}


/**
 * Reads every current submission of a round's period and builds the summary (a form's id names its seed round).
 * @example const summary = await buildSummary(service, '971-nhan-luc-y-te', '2021-07-20', new Date())
 */
export async function buildSummary(
  service: ReportingService,
  roundId: string,
  period: string,
  now: Date,
): Promise<PeriodSummary> {
  const { form, round, records } = await service.currentSubmissions(roundId, period);
  const reporters = await service.reporters(round.id);
  const units = new Map(reporters.map((u) => [u.code, u]));
  const deadline = deadlineOf(round.period, period);
  const completeness = computeCompleteness(reporters, records, deadline);
  const byUnit = new Map(records.map((r) => [r.orgUnit, r]));
  const reports = completeness.rows.flatMap((row) => {
    const record = byUnit.get(row.unit.code);
    if (!record || row.status === 'missing') return [];
    return [{ unit: row.unit, data: dataOf(form, record), timeliness: row.status }];
  });
  const outputs = service.outputs(form.id);
  const periods = listPeriods(round.period);
  const earlier = outputs.earlierDays ? await earlierDays(service, form, round.id, periods.filter((p) => p < period), units) : undefined;
  return assembleSummary({
    formId: form.id,
    roundId: round.id,
    formTitle: form.title,
    directive: form.directive,
    period,
    deadline: deadline.toISOString(),
    generatedAt: now.toISOString(),
    reporterKinds: 'kinds' in round.reporters ? round.reporters.kinds : [...new Set(reporters.map((u) => u.kind))],
    completeness,
    content: outputs.summary({ period, reports, reporters, earlier, firstPeriod: periods[0] }),
  });
}

/** Each unit's current answer on each of the round's `days`, oldest first: one partition read per day. */
async function earlierDays(service: ReportingService, form: AnyForm, roundId: string, days: string[], units: ReadonlyMap<string, OrgUnit>) {
  const earlier: Array<{ period: string; unit: OrgUnit; data: unknown }> = [];
  for (const day of days) {
    const { records } = await service.currentSubmissions(roundId, day);
    for (const record of records.sort((a, b) => a.orgUnit.localeCompare(b.orgUnit))) {
      const unit = units.get(record.orgUnit);
      if (unit) earlier.push({ period: day, unit, data: dataOf(form, record) });
    }
  }
  return earlier;
}

/**
 * The parts every output shows, computed once from what was read: rates,
 * headline, and the tables in order. Renderers only render.
 * @example assembleSummary({ ...parts, completeness, content }).headline // "1/2 tỉnh, thành phố đã báo cáo"
 */
export function assembleSummary(parts: Omit<PeriodSummary, 'rates' | 'headline' | 'tables'>): PeriodSummary {
  return {
    ...parts,
    rates: ratesOf(parts.period, parts.completeness),
    headline: completenessHeadline(parts.completeness, parts.reporterKinds),
    tables: [...parts.content.tables, completenessTable(parts.completeness)],
  };
}

/** The completeness of a period as a table like the form's own. */
export function completenessTable(completeness: Completeness): SummaryTable {
  return {
    id: 'completeness',
    title: { vi: 'Tình hình báo cáo', en: 'Reporting status' },
    columns: [
      { key: 'code', label: { vi: 'Mã', en: 'Code' }, kind: 'text' },
      { key: 'name', label: { vi: 'Đơn vị', en: 'Unit' }, kind: 'text' },
      { key: 'status', label: { vi: 'Tình trạng', en: 'Status' }, kind: 'text' },
      { key: 'submittedAt', label: { vi: 'Thời điểm nộp', en: 'Submitted at' }, kind: 'datetime' },
      { key: 'lateBy', label: { vi: STATUS_WORDS.late, en: 'Late by' }, kind: 'text' },
      { key: 'origin', label: { vi: 'Cách lập', en: 'Built from' }, kind: 'text' },
    ],
    rows: completeness.rows.map((row) => ({
      code: row.unit.code,
      name: row.unit.name,
      // A returned answer says so until the unit sends it again; an accepted one says it was taken.
      status: row.review && row.review !== 'reopened' ? `${STATUS_WORDS[row.status]} — ${REVIEW_WORDS[row.review]}` : STATUS_WORDS[row.status],
      submittedAt: row.firstSubmittedAt ?? null,
      lateBy: row.lateByMinutes === undefined ? '' : formatDuration(row.lateByMinutes),
      origin: row.origin === 'rollup' ? ROLLUP_WORDS : '',
    })),
  };
}

/** "58/63 tỉnh, thành phố đã báo cáo" */
function completenessHeadline({ reported, expected }: Completeness, kinds: readonly OrgUnitKind[]): string {
  const [only, ...more] = kinds;
  const who = only && more.length === 0 ? UNIT_KIND_PLURAL[only] : 'đơn vị';
  return `${reported}/${expected} ${who} đã báo cáo`;
}
