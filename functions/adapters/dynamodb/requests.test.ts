/**
 * The DynamoDB adapter without a network: the requests it builds, and how it
 * reads a refused save's cancellation reasons (DynamoDB Local cannot be made to
 * cancel a transaction for a conflict on demand, so a client answers with the
 * error DynamoDB sends).
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from 'vitest';
import { RevisionConflictError, SessionChangedError } from '../../core/errors.ts';
import type { SubmissionRecord } from '../../core/ports.ts';
import { revisionKey, revisionSort, statusKey } from './keys.ts';
import { getCurrentRequest, listCurrentRequest, listRevisionsRequest, saveRevisionRequest, setReviewRequest } from './requests.ts';
import { DynamoRoundStore } from './round-store.ts';
import { DynamoSubmissionStore } from './store.ts';

const record: SubmissionRecord = {
  formId: '971-nhan-luc-y-te',
  period: '2021-07-20',
  orgUnit: '79',
  revision: 2,
  schemaVersion: 1,
  data: { a: 1 },
  submittedBy: 'x',
  submittedAt: '2021-07-20T09:00:00.000Z',
  firstSubmittedAt: '2021-07-20T08:00:00.000Z',
};
const guard = { tokenHash: 'ab'.repeat(32), role: 'reporter' as const, unit: '79', at: '2021-07-20T09:00:00.000Z' };

describe('key design', () => {
  test('one partition per (form, period) for the answers; one per form for their status items', () => {
    expect(revisionKey(record, 2)).toEqual({ pk: 'SUB#971-nhan-luc-y-te#2021-07-20', sk: 'REV#79#000002' });
    expect(statusKey(record)).toEqual({ pk: 'STATUS#971-nhan-luc-y-te', sk: '2021-07-20#79' });
  });

  test('the current answer is the unit\'s last revision: one item, newest first, strongly consistent', () => {
    expect(getCurrentRequest('t', record)).toMatchObject({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'SUB#971-nhan-luc-y-te#2021-07-20', ':prefix': 'REV#79#' },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    });
  });

  test('revision sort keys sort numerically', () => {
    const keys = [10, 9, 100, 1].map((r) => revisionSort('79', r)).sort();
    expect(keys).toEqual(['REV#79#000001', 'REV#79#000009', 'REV#79#000010', 'REV#79#000100']);
  });

  test('a unit code that is a prefix of another does not leak into its history query', () => {
    expect(listRevisionsRequest('t', { ...record, orgUnit: '7' }).ExpressionAttributeValues).toEqual({
      ':pk': 'SUB#971-nhan-luc-y-te#2021-07-20',
      ':prefix': 'REV#7#',
    });
  });
});

describe('saving a revision', () => {
  test('with the writer\'s session guard, its check comes first: the store tells a failed session apart by position', () => {
    const request = saveRevisionRequest('t', record, { base: { revision: 1, firstSubmittedAt: record.firstSubmittedAt }, session: guard });
    const [check, current] = request.TransactItems!;
    expect(check!.ConditionCheck).toMatchObject({
      Key: { pk: `SESSION#${guard.tokenHash}`, sk: 'SESSION' },
      ConditionExpression: '#status = :active AND #role = :role AND #unit = :unit AND #expires > :at',
      ExpressionAttributeValues: { ':active': 'active', ':role': 'reporter', ':unit': '79', ':at': guard.at },
    });
    expect(current!.Put!.Item).toMatchObject(statusKey(record));
    expect(saveRevisionRequest('t', record, { base: { revision: 0 } }).TransactItems!.some((i) => i.ConditionCheck)).toBe(false);
  });

  test('writes the status and the revision in one transaction, the status guarded by the revision the answer was based on', () => {
    const request = saveRevisionRequest('t', { ...record, dataHash: 'h2' }, { base: { revision: 1, firstSubmittedAt: record.firstSubmittedAt } });
    const [status, history, ...rest] = request.TransactItems!;
    const { data: _data, ...head } = record;
    expect(status!.Put).toEqual({
      TableName: 't',
      // The answer without its data: what the dashboard reads, what the next save is guarded by, what a refused one learns.
      Item: { pk: 'STATUS#971-nhan-luc-y-te', sk: '2021-07-20#79', type: 'Status', ...head, dataHash: 'h2' },
      // An answer an official accepted is final until reopened.
      ConditionExpression: '#rev = :base AND #first = :first AND (attribute_not_exists(#hash) OR #hash <> :hash) AND (attribute_not_exists(#review) OR #review <> :accepted)',
      ExpressionAttributeNames: { '#rev': 'revision', '#review': 'review', '#first': 'firstSubmittedAt', '#hash': 'dataHash' },
      ExpressionAttributeValues: { ':base': 1, ':accepted': 'accepted', ':first': record.firstSubmittedAt, ':hash': 'h2' },
      // What is stored comes back when the guard fails: no read to learn it.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    // The data is written once, in its revision item.
    expect(history!.Put).toEqual({
      TableName: 't',
      Item: { pk: 'SUB#971-nhan-luc-y-te#2021-07-20', sk: 'REV#79#000002', type: 'Submission', ...record, dataHash: 'h2' },
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': 'pk' },
    });
    // No history rule, no running item.
    expect(rest).toEqual([]);
  });

  test('a first report may only be written where none exists', () => {
    const [current] = saveRevisionRequest('t', { ...record, revision: 1 }, { base: { revision: 0 } }).TransactItems!;
    expect(current!.Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(#pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    expect(current!.Put!.ExpressionAttributeValues).toBeUndefined();
  });

  test('what a history rule keeps of the day goes into the unit’s running item of the round, one JSON text per period', () => {
    const items = saveRevisionRequest('t', { ...record, period: '2021-10-04' }, { base: { revision: 0 }, kept: { round: 'thang-10', value: { dose1: 5, dose2: 1 } } }).TransactItems!;
    expect(items).toHaveLength(3);
    expect(items[2]!.Update).toEqual({
      TableName: 't',
      Key: { pk: 'RUN#971-nhan-luc-y-te#thang-10#79', sk: 'RUN' },
      UpdateExpression: 'SET #day = :kept, #type = :type',
      ExpressionAttributeNames: { '#day': 'j2021-10-04', '#type': 'type' },
      ExpressionAttributeValues: { ':kept': '{"dose1":5,"dose2":1}', ':type': 'Running' },
    });
  });

  test('a summary reads the revision items of its partition, strongly consistent', () => {
    expect(listCurrentRequest('t', '971-nhan-luc-y-te', '2021-07-20')).toMatchObject({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'SUB#971-nhan-luc-y-te#2021-07-20', ':prefix': 'REV#' },
      ConsistentRead: true,
    });
  });

  test('a review marks the status item, guarded by the revision, and that revision\'s item', () => {
    const [status, revision] = setReviewRequest('t', record, 2, { review: 'accepted', reviewedBy: 'a@b.vn', reviewedAt: record.submittedAt }, 'returned').TransactItems!;
    expect(status!.Update).toMatchObject({ Key: statusKey(record), ConditionExpression: '#rev = :rev AND #review = :from', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    expect(status!.Update!.ExpressionAttributeValues).toMatchObject({ ':rev': 2, ':from': 'returned' });
    expect(revision!.Update).toMatchObject({ Key: revisionKey(record, 2), ConditionExpression: 'attribute_exists(#pk)' });
  });
});

const base = { revision: 1, firstSubmittedAt: record.firstSubmittedAt };

/** A store whose every transaction is cancelled for these reasons, in the order of its items. */
function refusing(...codes: Array<{ Code: string; Item?: Record<string, unknown> }>) {
  const error = Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes });
  const client = { send: async () => Promise.reject(error) } as unknown as DynamoDBDocumentClient;
  return new DynamoSubmissionStore(client, 't');
}

describe('a refused save', () => {
  test('a failed session check, or a change of its user in flight, is SessionChangedError whatever else failed', async () => {
    const stored = { Code: 'ConditionalCheckFailed', Item: marshall({ ...record, revision: 1 }) };
    await expect(refusing({ Code: 'ConditionalCheckFailed' }, stored, { Code: 'None' }).saveRevision(record, { base, session: guard })).rejects.toBeInstanceOf(SessionChangedError);
    await expect(refusing({ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }).saveRevision(record, { base, session: guard })).rejects.toBeInstanceOf(SessionChangedError);
  });

  test('with the session check passed, the stored status comes back with the revision conflict', async () => {
    const { data: _data, ...head } = record;
    const stored = { Code: 'ConditionalCheckFailed', Item: marshall({ ...statusKey(record), type: 'Status', ...head, revision: 1, dataHash: 'h1' }) };
    const refused = refusing({ Code: 'None' }, stored, { Code: 'None' }).saveRevision(record, { base, session: guard });
    await expect(refused).rejects.toBeInstanceOf(RevisionConflictError);
    const error = (await refused.catch((e: unknown) => e)) as RevisionConflictError;
    // Everything of the stored answer but its data (the keys and the item type are not fields of it).
    expect(error.current).toEqual({ ...head, revision: 1, dataHash: 'h1' });
  });

  test('without a session check the first item is the status', async () => {
    const stored = { Code: 'ConditionalCheckFailed', Item: marshall({ ...record, revision: 1 }) };
    await expect(refusing(stored, { Code: 'None' }).saveRevision(record, { base })).rejects.toMatchObject({ current: { revision: 1 } });
  });
});

describe('rounds', () => {
  test('are read consistently: a round just opened or extended is seen by the next read', async () => {
    const sent: Array<Record<string, unknown>> = [];
    const client = { send: async (command: { input: Record<string, unknown> }) => (sent.push(command.input), {}) } as unknown as DynamoDBDocumentClient;
    const rounds = new DynamoRoundStore(client, 't');
    await rounds.list();
    await rounds.get('r1');
    expect(sent.map((input) => input.ConsistentRead)).toEqual([true, true]);
  });
});
