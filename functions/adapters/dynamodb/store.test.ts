/**
 * How the adapter reads a refused save's cancellation reasons. DynamoDB Local
 * cannot be made to cancel a transaction for a conflict on demand, so the
 * client here answers with the error DynamoDB sends.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from 'vitest';
import { RevisionConflictError, SessionChangedError } from '../../core/errors.ts';
import type { SubmissionRecord } from '../../core/ports.ts';
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
const session = { tokenHash: 'ab'.repeat(32), role: 'reporter' as const, unit: '79', at: '2021-07-20T09:00:00.000Z' };
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
    await expect(refusing({ Code: 'ConditionalCheckFailed' }, stored, { Code: 'None' }, { Code: 'None' }).saveRevision(record, { base, session })).rejects.toBeInstanceOf(SessionChangedError);
    await expect(refusing({ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }).saveRevision(record, { base, session })).rejects.toBeInstanceOf(SessionChangedError);
  });

  test('with the session check passed, the current item comes back with the revision conflict', async () => {
    const stored = { Code: 'ConditionalCheckFailed', Item: marshall({ ...record, revision: 1, dataHash: 'h1' }) };
    const refused = refusing({ Code: 'None' }, stored, { Code: 'None' }, { Code: 'None' }).saveRevision(record, { base, session });
    await expect(refused).rejects.toBeInstanceOf(RevisionConflictError);
    await expect(refused).rejects.toMatchObject({ current: { revision: 1, dataHash: 'h1' } });
  });

  test('without a session check the first item is the current one', async () => {
    const stored = { Code: 'ConditionalCheckFailed', Item: marshall({ ...record, revision: 1 }) };
    await expect(refusing(stored, { Code: 'None' }, { Code: 'None' }).saveRevision(record, { base })).rejects.toMatchObject({ current: { revision: 1 } });
  });
});
