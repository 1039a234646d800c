/**
 * The whole key design of the single table, as pure functions.
 *
 * | item                  | pk                              | sk                      |
 * |-----------------------|---------------------------------|-------------------------|
 * | org unit              | `ORGUNIT`                       | `<code>`                |
 * | current submission    | `SUB#<formId>#<period>`         | `CUR#<orgUnit>`         |
 * | submission revision   | `SUB#<formId>#<period>`         | `REV#<orgUnit>#<rev 6>` |
 *
 * A summary reads one partition (`SUB#form#period`, `CUR#` prefix); a unit's
 * history is one prefix query. Form ids are kebab-case and periods are dates,
 * so `#` never appears inside a component.
 */
import type { SubmissionKey } from '../../core/ports.ts';

export const TABLE_KEY = { partition: 'pk', sort: 'sk' } as const;

export const orgUnitPartition = (): string => 'ORGUNIT';
export const orgUnitSort = (code: string): string => code;

export const submissionPartition = (formId: string, period: string): string => `SUB#${formId}#${period}`;
export const currentSort = (orgUnit: string): string => `CUR#${orgUnit}`;
export const CURRENT_PREFIX = 'CUR#';
export const revisionPrefix = (orgUnit: string): string => `REV#${orgUnit}#`;
/** Zero-padded so revisions sort numerically. @example revisionSort('79', 3) // 'REV#79#000003' */
export const revisionSort = (orgUnit: string, revision: number): string =>
  `${revisionPrefix(orgUnit)}${String(revision).padStart(6, '0')}`;

export function currentKey(key: SubmissionKey): { pk: string; sk: string } {
  return { pk: submissionPartition(key.formId, key.period), sk: currentSort(key.orgUnit) };
}

export function revisionKey(key: SubmissionKey, revision: number): { pk: string; sk: string } {
  return { pk: submissionPartition(key.formId, key.period), sk: revisionSort(key.orgUnit, revision) };
}
