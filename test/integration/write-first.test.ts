/**
 * Write first: the page sends the stored revision it showed (`base`), and the
 * save is one conditional TransactWrite, the stored answer read only when the
 * condition fails (it comes back with the failure). Calls are counted by SDK
 * middleware on the document client, as DynamoDB would bill them.
 *
 * The session is read only when this process holds no copy of it (it opened or
 * read it before: see session-guard.test.ts); the write checks the copy in the
 * same transaction. Here the sessions are opened by the process that saves.
 *
 * | request                                         | calls                                   |
 * |-------------------------------------------------|-----------------------------------------|
 * | first answer, or an amendment of what it showed | TransactWrite (with the session check)  |
 * | the same answer again                           | TransactWrite (refused)                 |
 * | based on an older revision                      | + one more TransactWrite (no read)      |
 * | no `base` (an API client that did not say)      | Get (session), Get (current), TransactWrite |
 * | a daily form with a history rule, any day       | + Get (the unit's running item)         |
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, test } from 'vitest';
import { runningKey } from '../../functions/adapters/dynamodb/keys.ts';
import { outputs as outputs3294 } from '#schemas/forms/3294-tien-do-tiem-hang-ngay.ts';
import { answer971 as dataWith, countCalls, freshRuntime, openDailyRound, signIn } from '../support/local-runtime.ts';

const FORM = '971-nhan-luc-y-te';
const KEY = { formId: FORM, period: '2021-07-20', orgUnit: '79' };

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let cookie: string;
let counted: string[];
/** The calls of the last `put`. */
let calls: string[] = [];

beforeEach(async () => {
  runtime = await freshRuntime();
  cookie = await signIn(runtime, { role: 'reporter', unit: '79' });
  // Org units are read once per process, rounds once per 10 s; warm them so the counts are a request's own.
  await runtime.service.orgUnits();
  await runtime.service.rounds();
  counted = countCalls(runtime.db);
});

interface Answer {
  http: number;
  status?: string;
  submission?: { revision: number; firstSubmittedAt: string; data: unknown };
}

async function put(key: typeof KEY, data: unknown, base?: { revision: number; firstSubmittedAt?: string }, who = cookie): Promise<Answer> {
  counted.length = 0;
  const response = await runtime.app.request(`/api/forms/${key.formId}/periods/${key.period}/submissions/${key.orgUnit}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: who },
    body: JSON.stringify({ data, submittedBy: 'Sở Y tế', ...(base ? { base } : {}) }),
  });
  const body = (await response.json()) as { status?: string; submission?: Answer['submission']; error?: { code: string } };
  calls = [...counted];
  return { http: response.status, status: body.status ?? body.error?.code, ...(body.submission ? { submission: body.submission } : {}) };
}

const baseOf = (a: Answer) => ({ revision: a.submission!.revision, firstSubmittedAt: a.submission!.firstSubmittedAt });

describe('a save is one conditional write', () => {
  test('first answer and an amendment: one TransactWrite each, which checks the session this process holds', async () => {
    const first = await put(KEY, dataWith(10), { revision: 0 });
    expect(first).toMatchObject({ http: 201, status: 'created', submission: { revision: 1 } });
    expect(calls).toEqual(['TransactWriteItemsCommand']);

    const second = await put(KEY, dataWith(11), baseOf(first));
    expect(second).toMatchObject({ http: 200, status: 'amended', submission: { revision: 2, firstSubmittedAt: first.submission!.firstSubmittedAt } });
    expect(calls).toEqual(['TransactWriteItemsCommand']);
    expect((await runtime.submissions.listRevisions(KEY)).map((r) => r.data)).toEqual([dataWith(10), dataWith(11)]);
  });

  test('the same answer again is `unchanged` from the refused write alone, whatever base it names', async () => {
    const first = await put(KEY, dataWith(10), { revision: 0 });
    // A double click: both sent with the base the page showed (none).
    expect(await put(KEY, dataWith(10), { revision: 0 })).toMatchObject({ http: 200, status: 'unchanged', submission: { revision: 1 } });
    expect(calls).toEqual(['TransactWriteItemsCommand']);
    // Sent again after the receipt, based on what it stored.
    expect(await put(KEY, dataWith(10), baseOf(first))).toMatchObject({ status: 'unchanged', submission: { revision: 1 } });
    expect(calls).toEqual(['TransactWriteItemsCommand']);
    expect(await runtime.submissions.listRevisions(KEY)).toHaveLength(1);
  });

  test('an answer based on an older revision becomes the next one with one more write, no read', async () => {
    const first = await put(KEY, dataWith(10), { revision: 0 });
    // Another desk amends meanwhile.
    await put(KEY, dataWith(20), baseOf(first));
    const late = await put(KEY, dataWith(30), baseOf(first));
    expect(late).toMatchObject({ status: 'amended', submission: { revision: 3, firstSubmittedAt: first.submission!.firstSubmittedAt } });
    expect(calls).toEqual(['TransactWriteItemsCommand', 'TransactWriteItemsCommand']);
    expect((await runtime.submissions.listRevisions(KEY)).map((r) => r.revision)).toEqual([1, 2, 3]);
  });

  test('a base that lies about the first submission cannot move it: the stored one is kept', async () => {
    const first = await put(KEY, dataWith(10), { revision: 0 });
    const moved = await put(KEY, dataWith(11), { revision: 1, firstSubmittedAt: '2021-07-19T00:00:00.000Z' });
    expect(moved).toMatchObject({ status: 'amended', submission: { revision: 2, firstSubmittedAt: first.submission!.firstSubmittedAt } });
    expect((await runtime.submissions.getCurrent(KEY))?.firstSubmittedAt).toBe(first.submission!.firstSubmittedAt);
  });

  test('without a base the session and the stored answer are read first, as before', async () => {
    expect(await put(KEY, dataWith(10))).toMatchObject({ status: 'created' });
    // The session item, then the unit's last revision (a one-item Query).
    expect(calls).toEqual(['GetItemCommand', 'QueryCommand', 'TransactWriteItemsCommand']);
    expect(await put(KEY, dataWith(10))).toMatchObject({ status: 'unchanged' });
    expect(calls).toEqual(['GetItemCommand', 'QueryCommand']);
  });

  test('a malformed base is refused by name, nothing stored', async () => {
    const bad = await put(KEY, dataWith(10), { revision: -1 });
    expect(bad).toMatchObject({ http: 400, status: 'VALIDATION_FAILED' });
    expect(await runtime.submissions.getCurrent(KEY)).toBeUndefined();
  });

  test('every save writes the report’s status, which the dashboard reads for all periods at once', async () => {
    const first = await put(KEY, dataWith(10), { revision: 0 });
    await put(KEY, dataWith(11), baseOf(first));
    expect(await runtime.submissions.listStatuses(FORM)).toEqual([
      { formId: FORM, period: KEY.period, orgUnit: '79', revision: 2, firstSubmittedAt: first.submission!.firstSubmittedAt },
    ]);
  });
});

describe('a daily form’s history rule reads one item, whatever the day', () => {
  const DAILY = '3294-tien-do-tiem-hang-ngay';
  const day = (d: number) => `2021-10-${String(d).padStart(2, '0')}`;
  const key = (d: number) => ({ formId: DAILY, period: day(d), orgUnit: '689' });
  const unit = { code: '689', name: 'Thành phố Đồng Xoài', kind: 'district' as const, parent: '70' };
  let district: string;

  beforeEach(async () => {
    district = await signIn(runtime, { role: 'reporter', unit: '689' });
  });

  const report = (d: number, dose1: number, dose2: number) => {
    const data = outputs3294.demo({ unit, random: () => 0.5, period: day(d) }) as Record<string, unknown>;
    return { ...data, doses: { dose1: { age18to49: dose1, age50plus: 0 }, dose2: { age18to49: dose2, age50plus: 0 } } };
  };

  test('day 1 and day 14 cost the same calls; an amended earlier day counts in the cumulative rule', async () => {
    const counts: string[][] = [];
    for (let d = 1; d <= 14; d++) {
      const answer = await put(key(d), report(d, 100, 50), { revision: 0 }, district);
      expect(answer.status).toBe('created');
      counts.push(calls);
    }
    expect(counts[0]).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    expect(new Set(counts.map((c) => c.join()))).toEqual(new Set([counts[0]!.join()]));

    // Cumulative so far: dose 1 1,400, dose 2 700. Day 15 with 800 second doses: 1,500 ≤ 1,500, accepted.
    expect((await put(key(15), report(15, 100, 800), { revision: 0 }, district)).status).toBe('created');
    // Day 3 amended to no doses: what was kept of it changes, so day 16 (no doses either) now sees 1,400 first
    // doses against 1,450 second ones. Had day 3 kept its first figures, day 16 would pass (1,500 against 1,500).
    const day3 = await runtime.service.getSubmission(key(3));
    expect((await put(key(3), report(3, 0, 0), baseOf({ http: 200, submission: day3 }), district)).status).toBe('amended');
    const refused = await put(key(16), report(16, 0, 0), { revision: 0 }, district);
    expect(refused).toMatchObject({ http: 400, status: 'VALIDATION_FAILED' });
    expect(await runtime.submissions.getCurrent(key(16))).toBeUndefined();
    expect((await runtime.submissions.getKept(DAILY, DAILY, '689')).get(day(3))).toEqual({ dose1: 0, dose2: 0 });
  });

  test('the running item holds each day as JSON text; one written before as maps is still read, a newer day’s text wins', async () => {
    expect((await put(key(1), report(1, 100, 50), { revision: 0 }, district)).status).toBe('created');
    const running = runningKey(DAILY, DAILY, '689');
    const stored = await runtime.db.send(new GetCommand({ TableName: runtime.tableName, Key: running }));
    expect(stored.Item).toMatchObject({ type: 'Running', [`j${day(1)}`]: JSON.stringify({ dose1: 100, dose2: 50 }) });
    // An item of the earlier encoding: day 2 as a map under `d`, and a stale map of day 1 beside its text.
    await runtime.db.send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: running,
        UpdateExpression: 'SET #d1 = :stale, #d2 = :map',
        ExpressionAttributeNames: { '#d1': `d${day(1)}`, '#d2': `d${day(2)}` },
        ExpressionAttributeValues: { ':stale': { dose1: 1, dose2: 1 }, ':map': { dose1: 0, dose2: 140 } },
      }),
    );
    const kept = await runtime.submissions.getKept(DAILY, DAILY, '689');
    expect(Object.fromEntries(kept)).toEqual({ [day(1)]: { dose1: 100, dose2: 50 }, [day(2)]: { dose1: 0, dose2: 140 } });
    // The rule counts the map-encoded day: 100 first doses against 190 second ones by day 3 is refused.
    expect(await put(key(3), report(3, 0, 0), { revision: 0 }, district)).toMatchObject({ http: 400, status: 'VALIDATION_FAILED' });
  });

  test('a later round of the form keeps its own running item: November’s rule does not count October’s doses', async () => {
    const answer = (period: string, dose1: number, dose2: number, before?: { dose1: number; dose2: number }) => {
      const { before: _, ...data } = outputs3294.demo({ unit, random: () => 0.5, period }) as Record<string, unknown>;
      return { ...data, doses: { dose1: { age18to49: dose1, age50plus: 0 }, dose2: { age18to49: dose2, age50plus: 0 } }, ...(before ? { before } : {}) };
    };
    expect((await put(key(31), answer(day(31), 1000, 0), { revision: 0 }, district)).status).toBe('created');
    const official = await signIn(runtime, { role: 'official', unit: '70' });
    const november = await openDailyRound(runtime, official, DAILY, '2021-11-01', '2021-11-30');
    const first = { formId: DAILY, period: '2021-11-01', orgUnit: '689' };
    // 500 second doses on the round's first day, none first in it, nothing said of before it: refused, as on
    // 1 October. Counting October's 1,000 first doses would have let it through.
    const refused = await put(first, answer(first.period, 0, 500), { revision: 0 }, district);
    expect(refused).toMatchObject({ http: 400, status: 'VALIDATION_FAILED' });
    // With the figures from before the round (October's among them) it is accepted, and kept in November's item.
    expect((await put(first, answer(first.period, 0, 500, { dose1: 1000, dose2: 0 }), { revision: 0 }, district)).status).toBe('created');
    expect([...(await runtime.submissions.getKept(DAILY, november, '689')).keys()]).toEqual(['2021-11-01']);
    expect([...(await runtime.submissions.getKept(DAILY, DAILY, '689')).keys()]).toEqual([day(31)]);
  });
});
