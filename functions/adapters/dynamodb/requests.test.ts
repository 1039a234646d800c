import { describe, expect, test } from 'vitest';
import type { SubmissionRecord } from '../../core/ports.ts';
import { currentKey, revisionKey, revisionSort } from './keys.ts';
import { listCurrentRequest, listRevisionsRequest, saveRevisionRequest } from './requests.ts';

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

describe('key design', () => {
  test('one partition per (form, period); current and revision items of a unit apart', () => {
    expect(currentKey(record)).toEqual({ pk: 'SUB#971-nhan-luc-y-te#2021-07-20', sk: 'CUR#79' });
    expect(revisionKey(record, 2)).toEqual({ pk: 'SUB#971-nhan-luc-y-te#2021-07-20', sk: 'REV#79#000002' });
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
  test('writes current and history in one transaction guarded by the revision read', () => {
    const request = saveRevisionRequest('t', record, 1);
    const [current, history] = request.TransactItems!;
    expect(current!.Put).toMatchObject({
      TableName: 't',
      Item: { pk: 'SUB#971-nhan-luc-y-te#2021-07-20', sk: 'CUR#79', revision: 2, data: { a: 1 }, type: 'Submission' },
      ConditionExpression: '#rev = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
    expect(history!.Put).toMatchObject({
      Item: { sk: 'REV#79#000002', revision: 2 },
      ConditionExpression: 'attribute_not_exists(#pk)',
    });
  });

  test('a first report may only be written where none exists', () => {
    const [current] = saveRevisionRequest('t', { ...record, revision: 1 }, 0).TransactItems!;
    expect(current!.Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(#pk)' });
    expect(current!.Put!.ExpressionAttributeValues).toBeUndefined();
  });

  test('a summary reads only the current items of its partition, strongly consistent', () => {
    expect(listCurrentRequest('t', '971-nhan-luc-y-te', '2021-07-20')).toMatchObject({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'SUB#971-nhan-luc-y-te#2021-07-20', ':prefix': 'CUR#' },
      ConsistentRead: true,
    });
  });
});
