/** Who reported on time, late, or not at all, for one (form, period). */
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import type { SubmissionRecord } from './ports.ts';

export type ReportStatus = 'on-time' | 'late' | 'missing';

export interface CompletenessRow {
  unit: OrgUnit;
  status: ReportStatus;
  /** ISO instant of the first submission, when there is one. */
  firstSubmittedAt?: string;
  /** Minutes past the deadline, for late reports. */
  lateByMinutes?: number;
  revision?: number;
  origin?: 'rollup';
  /** An official's mark on the answer: `returned` until the unit sends it again. */
  review?: 'returned' | 'accepted' | 'reopened';
}

export interface Completeness {
  rows: CompletenessRow[];
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  missing: number;
}

/** A report is on time when its first revision was saved at or before the deadline. */
export function timelinessOf(firstSubmittedAt: string, deadline: Date): 'on-time' | 'late' {
  return new Date(firstSubmittedAt).getTime() <= deadline.getTime() ? 'on-time' : 'late';
}

/**
 * Classifies every expected reporter. Submissions from units that are not expected
 * reporters are ignored here (they cannot be stored through the core anyway).
 * @example computeCompleteness(provinces, submissions, deadline).missing
 */
export function computeCompleteness(
  reporters: OrgUnit[],
  submissions: ReadonlyArray<Pick<SubmissionRecord, 'orgUnit' | 'firstSubmittedAt' | 'revision' | 'origin' | 'review'>>,
  deadline: Date,
): Completeness {
  const byUnit = new Map(submissions.map((s) => [s.orgUnit, s]));
  const rows = reporters.map((unit): CompletenessRow => {
    const submission = byUnit.get(unit.code);
    if (!submission) return { unit, status: 'missing' };
    const status = timelinessOf(submission.firstSubmittedAt, deadline);
    const row: CompletenessRow = {
      unit,
      status,
      firstSubmittedAt: submission.firstSubmittedAt,
      revision: submission.revision,
      ...(submission.origin ? { origin: submission.origin } : {}),
      ...(submission.review ? { review: submission.review } : {}),
    };
    if (status === 'late') {
      row.lateByMinutes = Math.ceil((new Date(submission.firstSubmittedAt).getTime() - deadline.getTime()) / 60_000);
    }
    return row;
  });
  const count = (status: ReportStatus) => rows.filter((r) => r.status === status).length;
  const onTime = count('on-time');
  const late = count('late');
  return { rows, expected: rows.length, reported: onTime + late, onTime, late, missing: count('missing') };
}
