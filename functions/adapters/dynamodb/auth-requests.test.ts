import { describe, expect, test } from 'vitest';
import type { User } from '../../core/users.ts';
import { changeUserItemCount, changeUserRequest } from './auth-requests.ts';

const user: User = { email: 'lan@soyte79.vn', name: 'Lan', unit: '79', role: 'official', status: 'active', sessionGeneration: 2, createdAt: 'c', updatedAt: 'u' };
const sessions = [
  { tokenHash: 'keep', generation: 2 },
  { tokenHash: 'old', generation: 1 },
];

describe('changing a user with their sessions', () => {
  test('the user is written only at the rev it was read at; a user not read yet only if still absent', () => {
    const put = changeUserRequest('t', user, 7, []).TransactItems![0]!.Put!;
    expect(put).toMatchObject({ Item: { pk: 'USER', sk: 'lan@soyte79.vn', rev: 8 }, ConditionExpression: '#rev = :rev', ExpressionAttributeValues: { ':rev': 7 } });
    expect(changeUserRequest('t', user, undefined, []).TransactItems![0]!.Put).toMatchObject({ Item: { rev: 0 }, ConditionExpression: 'attribute_not_exists(pk)' });
  });

  test('a session of the current generation gets the new copy, only if it still exists; one of another generation is deleted with its listing', () => {
    const [, keep, ...gone] = changeUserRequest('t', user, 1, sessions).TransactItems!;
    expect(keep!.Update).toMatchObject({
      Key: { pk: 'SESSION#keep', sk: 'SESSION' },
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':name': 'Lan', ':role': 'official', ':unit': '79', ':status': 'active' },
    });
    expect(gone.map((i) => i.Delete?.Key)).toEqual([
      { pk: 'SESSION#old', sk: 'SESSION' },
      { pk: 'SESSIONS#lan@soyte79.vn', sk: 'old' },
    ]);
  });

  test('a disabled user keeps no session: two deletes each, counted against the transaction limit', () => {
    const disabled = { ...user, status: 'disabled' as const, sessionGeneration: 3 };
    expect(changeUserRequest('t', disabled, 1, sessions).TransactItems!.filter((i) => i.Delete)).toHaveLength(4);
    expect(changeUserItemCount(disabled, sessions)).toBe(5);
    expect(changeUserItemCount(user, sessions)).toBe(4);
  });
});
