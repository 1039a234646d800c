/**
 * The whole key design of the single table, as pure functions.
 *
 * | item                  | pk                              | sk                      |
 * |-----------------------|---------------------------------|-------------------------|
 * | org unit              | `ORGUNIT`                       | `<code>`                |
 * | submission revision   | `SUB#<formId>#<period>`         | `REV#<orgUnit>#<rev 6>` |
 * | report status         | `STATUS#<formId>`               | `<period>#<orgUnit>`    |
 * | unit's running item   | `RUN#<formId>#<round>#<unit>`   | `RUN`                   |
 * | user                  | `USER`                          | `<email>`               |
 * | login attempt         | `LOGIN#<attemptId>`             | `LOGIN`                 |
 * | session               | `SESSION#<sha256 of token>`     | `SESSION`               |
 * | a user's session      | `SESSIONS#<email>`              | `<sha256 of token>`     |
 * | last code of address  | `LASTCODE#<email>`              | `LASTCODE`              |
 * | rate-limit window     | `RATE#<scope>#<key>`            | `<window start ISO>`    |
 * | email delivery        | `MAIL#<job>#<formId>#<period>`  | `<recipient>`           |
 *
 * A session carries the user's name, role, unit and status, so a request reads that
 * one item; `SESSIONS#<email>` lists a user's sessions so that every change of
 * the user reaches them in the same transaction.
 *
 * Login attempts, last codes, sessions (both items) and rate windows carry `ttl` (epoch seconds) so
 * DynamoDB deletes them once expired; the code checks expiry itself too.
 * An answer's data is written once, in its revision item; the current answer is
 * its unit's last revision (one Query, newest first, one item), a summary keeps
 * each unit's last of one partition (`SUB#form#period`, `REV#` prefix), a unit's
 * history is one prefix query. Every save also writes, in the same transaction,
 * the report's status item: the answer without its data (revision, first
 * submission, who and when, data hash, review), which guards the next save, and
 * all of a form's under one partition, so the dashboard's grid and rates for
 * every period are one Query; and, for a form with a history rule, what the
 * rule keeps of the day in the unit's running item (one attribute per period),
 * so checking day 31 reads one item, as day 1 does. Form ids are kebab-case and periods are dates,
 * so `#` never appears inside a component.
 */
import type { SubmissionKey } from '../../core/ports.ts';

export const TABLE_KEY = { partition: 'pk', sort: 'sk' } as const;

export const orgUnitPartition = (): string => 'ORGUNIT';
export const orgUnitSort = (code: string): string => code;

export const submissionPartition = (formId: string, period: string): string => `SUB#${formId}#${period}`;
/** Every revision item of a partition (a summary keeps each unit's last). */
export const REVISION_PREFIX = 'REV#';
export const revisionPrefix = (orgUnit: string): string => `${REVISION_PREFIX}${orgUnit}#`;
/** Zero-padded so revisions sort numerically. @example revisionSort('79', 3) // 'REV#79#000003' */
export const revisionSort = (orgUnit: string, revision: number): string =>
  `${revisionPrefix(orgUnit)}${String(revision).padStart(6, '0')}`;

export const statusPartition = (formId: string): string => `STATUS#${formId}`;
export const statusKey = (key: SubmissionKey) => ({ pk: statusPartition(key.formId), sk: `${key.period}#${key.orgUnit}` });
/**
 * A unit's running item in one round of a form: what the history rule kept of each of its periods. One per
 * round, so it holds at most that round's days, and a November round's rule never counts October's doses.
 */
export const runningKey = (formId: string, roundId: string, orgUnit: string) => ({ pk: `RUN#${formId}#${roundId}#${orgUnit}`, sk: 'RUN' });
/**
 * A period's attribute in the running item: `j` and the period (names must not start with a digit in
 * expressions' eyes), holding the kept value as JSON text (`runningValue`). One string attribute per day rather
 * than a map: the item is read and rewritten by every save, and DynamoDB (Local above all) parses a string far
 * faster than a nested map, so day 31 costs what day 1 costs.
 */
export const runningAttribute = (period: string): string => `${RUNNING_JSON}${period}`;
/** What the running item stores of a period's kept value. */
export const runningValue = (kept: unknown): string => JSON.stringify(kept ?? null);
const RUNNING_JSON = 'j';
/** The prefix of a period's attribute in running items written before the JSON text: a map, read as it is. */
const RUNNING_MAP = 'd';

/**
 * The kept values of a running item, by period. Items written before the JSON text held maps under `d`; a
 * day's JSON text wins over a map the same day kept then.
 */
export function readRunning(item: Record<string, unknown> | undefined): Map<string, unknown> {
  const kept = new Map<string, unknown>();
  const days = Object.entries(item ?? {}).filter(([name]) => /^\d/.test(name.slice(1)));
  for (const [name, value] of days) if (name.startsWith(RUNNING_MAP)) kept.set(name.slice(1), value);
  for (const [name, value] of days) if (name.startsWith(RUNNING_JSON) && typeof value === 'string') kept.set(name.slice(1), JSON.parse(value));
  return kept;
}

export function revisionKey(key: SubmissionKey, revision: number): { pk: string; sk: string } {
  return { pk: submissionPartition(key.formId, key.period), sk: revisionSort(key.orgUnit, revision) };
}

/** The table's TTL attribute, in epoch seconds. */
export const ROUNDS_PARTITION = 'ROUND';
export const roundKey = (roundId: string) => ({ pk: ROUNDS_PARTITION, sk: roundId });
export const roundLogPartition = (roundId: string): string => `ROUNDLOG#${roundId}`;

export const TTL_ATTRIBUTE = 'ttl';
export const epochSeconds = (date: Date): number => Math.ceil(date.getTime() / 1000);

export const userKey = (email: string) => ({ pk: 'USER', sk: email });
export const USERS_PARTITION = 'USER';
export const loginKey = (attemptId: string) => ({ pk: `LOGIN#${attemptId}`, sk: 'LOGIN' });
export const sessionKey = (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' });
export const userSessionsPartition = (email: string) => `SESSIONS#${email}`;
export const userSessionKey = (email: string, tokenHash: string) => ({ pk: userSessionsPartition(email), sk: tokenHash });
export const lastCodeKey = (email: string) => ({ pk: `LASTCODE#${email}`, sk: 'LASTCODE' });
export const rateKey = (scope: string, key: string, windowStart: string) => ({ pk: `RATE#${scope}#${key}`, sk: windowStart });
export const deliveryKey = (k: { job: string; formId: string; period: string; recipient: string }) => ({
  pk: `MAIL#${k.job}#${k.formId}#${k.period}`,
  sk: k.recipient,
});
