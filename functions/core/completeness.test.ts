import { describe, expect, test } from 'vitest';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { computeCompleteness } from './completeness.ts';
import type { SubmissionRecord } from './ports.ts';

const deadline = new Date('2021-07-20T10:00:00Z');
const unit = (code: string): OrgUnit => ({ code, name: `Tỉnh ${code}`, kind: 'province', parent: 'VN' });
const submitted = (orgUnit: string, firstSubmittedAt: string, revision = 1): SubmissionRecord => ({
  formId: 'f',
  period: '2021-07-20',
  orgUnit,
  revision,
  schemaVersion: 1,
  data: {},
  submittedBy: 'x',
  submittedAt: firstSubmittedAt,
  firstSubmittedAt,
});

describe('completeness of a period', () => {
  const result = computeCompleteness(
    [unit('01'), unit('02'), unit('04'), unit('06')],
    [
      submitted('01', '2021-07-20T10:00:00.000Z'),
      submitted('02', '2021-07-20T12:05:30.000Z', 3),
      submitted('06', '2021-07-19T01:00:00.000Z'),
      submitted('99', '2021-07-19T01:00:00.000Z'),
    ],
    deadline,
  );

  test('counts a report saved exactly at the deadline as on time', () => {
    expect(result.rows[0]).toMatchObject({ status: 'on-time' });
  });

  test('says how late a late report was, rounding up to the minute', () => {
    expect(result.rows[1]).toMatchObject({ status: 'late', lateByMinutes: 126, revision: 3 });
  });

  test('lists units with no report as missing, and ignores units that were not asked', () => {
    expect(result.rows.map((r) => [r.unit.code, r.status])).toEqual([
      ['01', 'on-time'],
      ['02', 'late'],
      ['04', 'missing'],
      ['06', 'on-time'],
    ]);
    expect(result).toMatchObject({ expected: 4, reported: 3, onTime: 2, late: 1, missing: 1 });
  });
});
