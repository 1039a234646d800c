/** Request building for users, login attempts, sessions and rate windows: pure, tested without a network. */
import type {
  DeleteCommandInput,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { LastCode, LoginAttempt, Session } from '../../core/ports.ts';
import type { User } from '../../core/users.ts';
import { TTL_ATTRIBUTE, USERS_PARTITION, epochSeconds, lastCodeKey, loginKey, rateKey, sessionKey, userKey } from './keys.ts';

const MUST_BE_NEW = { ConditionExpression: 'attribute_not_exists(pk)' };

export function putUserRequest(table: string, user: User, mustBeNew: boolean): PutCommandInput {
  return { TableName: table, Item: { ...userKey(user.email), type: 'User', ...user }, ...(mustBeNew ? MUST_BE_NEW : {}) };
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

export function createSessionRequest(table: string, session: Session): PutCommandInput {
  return {
    TableName: table,
    Item: { ...sessionKey(session.tokenHash), type: 'Session', ...session, [TTL_ATTRIBUTE]: epochSeconds(new Date(session.expiresAt)) },
    ...MUST_BE_NEW,
  };
}

export function getSessionRequest(table: string, tokenHash: string): GetCommandInput {
  return { TableName: table, Key: sessionKey(tokenHash), ConsistentRead: true };
}

export function deleteSessionRequest(table: string, tokenHash: string): DeleteCommandInput {
  return { TableName: table, Key: sessionKey(tokenHash) };
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
