/** Request building for users, login attempts, sessions and rate windows: pure, tested without a network. */
import type {
  BatchWriteCommandInput,
  DeleteCommandInput,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  TransactWriteCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { LastCode, LoginAttempt, Session } from '../../core/ports.ts';
import type { User } from '../../core/users.ts';
import {
  TTL_ATTRIBUTE,
  USERS_PARTITION,
  epochSeconds,
  lastCodeKey,
  loginKey,
  rateKey,
  sessionKey,
  userKey,
  userSessionKey,
  userSessionsPartition,
} from './keys.ts';

const MUST_BE_NEW = { ConditionExpression: 'attribute_not_exists(pk)' };

/**
 * The user item's `rev` counts its writes and the sessions opened for it: a
 * change of the user is written only if nothing of either happened since it
 * read the user and listed the sessions, so no session escapes the change.
 */
export const USER_REV = 'rev';

export function createUserRequest(table: string, user: User): PutCommandInput {
  return { TableName: table, Item: { ...userKey(user.email), type: 'User', ...user, [USER_REV]: 0 }, ...MUST_BE_NEW };
}

/** A user's session as listed under the user: what deciding its fate needs, without reading it. */
export interface UserSessionRef {
  tokenHash: string;
  generation: number;
}

/** Whether a session opened under `generation` may live on for `user`. */
export const sessionAllowed = (user: User, generation: number): boolean =>
  user.status === 'active' && (user.sessionGeneration ?? 0) === generation;

/** Items a change of the user writes: the user, one per session kept, two per session deleted. */
export const changeUserItemCount = (user: User, sessions: readonly UserSessionRef[]): number =>
  1 + sessions.reduce((n, s) => n + (sessionAllowed(user, s.generation) ? 1 : 2), 0);

/**
 * The user written only at the `rev` it was read at (`undefined`: it did not exist),
 * and each listed session updated or deleted with it. An update requires the
 * session to exist, so a session logged out meanwhile is not written back half.
 */
export function changeUserRequest(table: string, user: User, readRev: number | undefined, sessions: readonly UserSessionRef[]): TransactWriteCommandInput {
  const userPut = {
    Put: {
      TableName: table,
      Item: { ...userKey(user.email), type: 'User', ...user, [USER_REV]: (readRev ?? -1) + 1 },
      ...(readRev === undefined
        ? MUST_BE_NEW
        : { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': USER_REV }, ExpressionAttributeValues: { ':rev': readRev } }),
    },
  };
  type Item = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
  const sessionWrites = sessions.flatMap((s): Item[] =>
    sessionAllowed(user, s.generation)
      ? [
          {
            Update: {
              TableName: table,
              Key: sessionKey(s.tokenHash),
              UpdateExpression: 'SET #name = :name, #role = :role, #unit = :unit, #status = :status',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: { '#name': 'name', '#role': 'role', '#unit': 'unit', '#status': 'status' },
              ExpressionAttributeValues: { ':name': user.name, ':role': user.role, ':unit': user.unit, ':status': user.status },
            },
          },
        ]
      : [
          { Delete: { TableName: table, Key: sessionKey(s.tokenHash) } },
          { Delete: { TableName: table, Key: userSessionKey(user.email, s.tokenHash) } },
        ],
  );
  return { TransactItems: [userPut, ...sessionWrites] };
}

/** Deletes sessions and their listing, 25 items (the batch limit) a request. */
export function deleteSessionsRequests(table: string, email: string, tokenHashes: readonly string[]): BatchWriteCommandInput[] {
  const keys = tokenHashes.flatMap((h) => [sessionKey(h), userSessionKey(email, h)]);
  const batches: BatchWriteCommandInput[] = [];
  for (let i = 0; i < keys.length; i += 25) {
    batches.push({ RequestItems: { [table]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) } });
  }
  return batches;
}

export function listUserSessionsRequest(table: string, email: string): QueryCommandInput {
  return {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': userSessionsPartition(email) },
    ProjectionExpression: 'sk, #gen',
    ExpressionAttributeNames: { '#gen': 'generation' },
    ConsistentRead: true,
  };
}

export function getUserRequest(table: string, email: string): GetCommandInput {
  return { TableName: table, Key: userKey(email), ConsistentRead: true };
}

export function listUsersRequest(table: string): QueryCommandInput {
  return {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': USERS_PARTITION },
  };
}

export function createLoginRequest(table: string, attempt: LoginAttempt): PutCommandInput {
  return {
    TableName: table,
    Item: { ...loginKey(attempt.id), type: 'LoginAttempt', ...attempt, [TTL_ATTRIBUTE]: epochSeconds(new Date(attempt.expiresAt)) },
    ...MUST_BE_NEW,
  };
}

export function getLoginRequest(table: string, id: string): GetCommandInput {
  return { TableName: table, Key: loginKey(id), ConsistentRead: true };
}

/**
 * One more try, only while the attempt exists and has fewer than `max`; the caller
 * compares the code only after this succeeded, so a burst of guesses gets `max`
 * comparisons in all. The old item on failure tells "locked" from "no such attempt".
 */
export function countTryRequest(table: string, id: string, max: number): UpdateCommandInput {
  return {
    TableName: table,
    Key: loginKey(id),
    UpdateExpression: 'ADD tries :one',
    ConditionExpression: 'attribute_exists(pk) AND tries < :max',
    ExpressionAttributeValues: { ':one': 1, ':max': max },
    ReturnValues: 'ALL_NEW',
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  };
}

export function setLastCodeRequest(table: string, last: LastCode): PutCommandInput {
  return {
    TableName: table,
    Item: { ...lastCodeKey(last.email), type: 'LastCode', ...last, [TTL_ATTRIBUTE]: epochSeconds(new Date(last.expiresAt)) },
  };
}

export function getLastCodeRequest(table: string, email: string): GetCommandInput {
  return { TableName: table, Key: lastCodeKey(email), ConsistentRead: true };
}

/** Deleting the attempt is what makes a code single-use: only one delete can succeed. */
export function consumeLoginRequest(table: string, id: string): DeleteCommandInput {
  return { TableName: table, Key: loginKey(id), ConditionExpression: 'attribute_exists(pk)' };
}

/**
 * The session, its listing under the user, and a `rev` bump of the user that
 * holds only while the user is active with exactly what the session copies: a
 * change of the user before this is refused here, one after it sees the session.
 */
export function createSessionRequest(table: string, session: Session): TransactWriteCommandInput {
  const ttl = epochSeconds(new Date(session.expiresAt));
  const sameGeneration = session.generation === 0 ? '(attribute_not_exists(#gen) OR #gen = :gen)' : '#gen = :gen';
  return {
    TransactItems: [
      { Put: { TableName: table, Item: { ...sessionKey(session.tokenHash), type: 'Session', ...session, [TTL_ATTRIBUTE]: ttl }, ...MUST_BE_NEW } },
      {
        Put: {
          TableName: table,
          Item: { ...userSessionKey(session.email, session.tokenHash), type: 'UserSession', generation: session.generation, expiresAt: session.expiresAt, [TTL_ATTRIBUTE]: ttl },
        },
      },
      {
        Update: {
          TableName: table,
          Key: userKey(session.email),
          UpdateExpression: 'ADD #rev :one',
          ConditionExpression: `#status = :active AND #name = :name AND #role = :role AND #unit = :unit AND ${sameGeneration}`,
          ExpressionAttributeNames: { '#rev': USER_REV, '#status': 'status', '#name': 'name', '#role': 'role', '#unit': 'unit', '#gen': 'sessionGeneration' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':active': 'active',
            ':name': session.name,
            ':role': session.role,
            ':unit': session.unit,
            ':gen': session.generation,
          },
        },
      },
    ],
  };
}

export function getSessionRequest(table: string, tokenHash: string): GetCommandInput {
  return { TableName: table, Key: sessionKey(tokenHash), ConsistentRead: true };
}

/** The old item tells whose listing to delete too. */
export function deleteSessionRequest(table: string, tokenHash: string): DeleteCommandInput {
  return { TableName: table, Key: sessionKey(tokenHash), ReturnValues: 'ALL_OLD' };
}

export function deleteUserSessionRequest(table: string, email: string, tokenHash: string): DeleteCommandInput {
  return { TableName: table, Key: userSessionKey(email, tokenHash) };
}

export function hitRequest(table: string, scope: string, key: string, windowStart: string, expiresAt: Date): UpdateCommandInput {
  return {
    TableName: table,
    Key: rateKey(scope, key, windowStart),
    UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
    ExpressionAttributeNames: { '#count': 'count', '#ttl': TTL_ATTRIBUTE },
    ExpressionAttributeValues: { ':one': 1, ':ttl': epochSeconds(expiresAt) },
    ReturnValues: 'UPDATED_NEW',
  };
}
