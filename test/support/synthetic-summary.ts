/**
 * A summary of `count` synthetic reporting units for any form, built without
 * a store: each unit answers with the form's own `demo` (fixed seeds), one in
 * ten is missing and one in seven late. Used by the email and XLSX tests at
 * national size (63 provinces, 700 districts); nothing here is asserted.
 */
import type { AnyForm, AnyOutputs } from '#schemas/core/form.ts';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import { listPeriods } from '#schemas/core/period.ts';
import { computeCompleteness } from '../../functions/core/completeness.ts';
import { assembleSummary, type PeriodSummary } from '../../functions/core/summary.ts';
import { seededRandom } from '../../infra/local/demo-data.ts';

export function syntheticSummary(form: AnyForm, outputs: AnyOutputs, count: number): PeriodSummary {
  const kind = form.reporters.kinds[0]!;
  const names = ['Tỉnh Điện Biên', 'Thành phố Hồ Chí Minh', 'Huyện Mường Nhé', 'Thị xã Phước Long', 'Tỉnh Bà Rịa - Vũng Tàu'];
  const units: OrgUnit[] = Array.from({ length: count }, (_, i) => ({
    code: String(100 + i),
    name: `${names[i % names.length]} ${i + 1}`,
    kind,
    parent: form.reporters.under,
  }));
  const periods = listPeriods(form.period);
  const period = periods[Math.min(2, periods.length - 1)]!;
  const deadline = deadlineOf(form.period, period);
  const answer = (unit: OrgUnit, day: string) => form.schema.parse(outputs.demo({ unit, random: seededRandom(`synthetic/${form.id}/${day}/${unit.code}`), period: day })) as unknown;
  const records = units.flatMap((unit, i) => {
    if (i % 10 === 3) return [];
    const minutes = i % 7 === 5 ? 45 : -120;
    return [{ orgUnit: unit.code, firstSubmittedAt: new Date(deadline.getTime() + minutes * 60_000).toISOString(), revision: 1 }];
  });
  const completeness = computeCompleteness(units, records, deadline);
  const reports = completeness.rows.flatMap((row) => (row.status === 'missing' ? [] : [{ unit: row.unit, data: answer(row.unit, period), timeliness: row.status }]));
  const earlier = periods.filter((p) => p < period).flatMap((day) => units.map((unit) => ({ period: day, unit, data: answer(unit, day) })));
  return assembleSummary({
    formId: form.id,
    roundId: form.id,
    formTitle: form.title,
    directive: form.directive,
    period,
    deadline: deadline.toISOString(),
    generatedAt: new Date(deadline.getTime() + 5 * 3600_000).toISOString(),
    reporterKinds: form.reporters.kinds,
    completeness,
    content: outputs.summary({ period, reports, reporters: units, earlier: outputs.earlierDays ? earlier : undefined, firstPeriod: periods[0] }),
  });
}
