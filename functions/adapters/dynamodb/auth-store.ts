/** Users, login attempts, sessions and rate windows in the one table. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UserExistsError } from '../../core/errors.ts';
import type { AuthStore, LastCode, LoginAttempt, Session } from '../../core/ports.ts';
import type { User } from '../../core/users.ts';
import {
  consumeLoginRequest,
  countTryRequest,
  createLoginRequest,
  createSessionRequest,
  deleteSessionRequest,
  getLastCodeRequest,
  getLoginRequest,
  getSessionRequest,
  getUserRequest,
  hitRequest,
  listUsersRequest,
  putUserRequest,
  setLastCodeRequest,
} from './auth-requests.ts';
import { queryAll } from './store.ts';

const pick = <T>(item: Record<string, unknown> | undefined, fields: readonly string[]): T | undefined =>
  item ? (Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as T) : undefined;

const USER_FIELDS = ['email', 'name', 'unit', 'role', 'status', 'sessionGeneration', 'createdAt', 'updatedAt'] as const;
const LOGIN_FIELDS = ['id', 'email', 'codeHash', 'expiresAt', 'tries', 'codeOf'] as const;
const LAST_CODE_FIELDS = ['email', 'attemptId', 'codeHash', 'expiresAt'] as const;
const SESSION_FIELDS = ['tokenHash', 'email', 'createdAt', 'expiresAt', 'generation'] as const;

const failedCondition = (error: unknown) => error instanceof ConditionalCheckFailedException;

export class DynamoAuthStore implements AuthStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.table = tableName;
  }

  async getUser(email: string) {
    return pick<User>((await this.client.send(new GetCommand(getUserRequest(this.table, email)))).Item, USER_FIELDS);
  }

  async listUsers() {
    return (await queryAll(this.client, listUsersRequest(this.table))).map((i) => pick<User>(i, USER_FIELDS)!);
  }

  async putUser(user: User, options: { mustBeNew?: boolean } = {}) {
    try {
      await this.client.send(new PutCommand(putUserRequest(this.table, user, options.mustBeNew ?? false)));
    } catch (error) {
      if (failedCondition(error)) throw new UserExistsError(`user ${user.email} exists`, { cause: error });
      throw error;
    }
  }

  async createLogin(attempt: LoginAttempt) {
    await this.client.send(new PutCommand(createLoginRequest(this.table, attempt)));
  }

  async getLogin(id: string) {
    return pick<LoginAttempt>((await this.client.send(new GetCommand(getLoginRequest(this.table, id)))).Item, LOGIN_FIELDS);
  }

  async countTry(id: string, max: number) {
    try {
      const out = await this.client.send(new UpdateCommand(countTryRequest(this.table, id, max)));
      return pick<LoginAttempt>(out.Attributes, LOGIN_FIELDS);
    } catch (error) {
      if (failedCondition(error)) return (error as ConditionalCheckFailedException).Item ? ('locked' as const) : undefined;
      throw error;
    }
  }

  async setLastCode(last: LastCode) {
    await this.client.send(new PutCommand(setLastCodeRequest(this.table, last)));
  }

  async getLastCode(email: string) {
    return pick<LastCode>((await this.client.send(new GetCommand(getLastCodeRequest(this.table, email)))).Item, LAST_CODE_FIELDS);
  }

  async consumeLogin(id: string) {
    try {
      await this.client.send(new DeleteCommand(consumeLoginRequest(this.table, id)));
      return true;
    } catch (error) {
      if (failedCondition(error)) return false;
      throw error;
    }
  }

  async createSession(session: Session) {
    await this.client.send(new PutCommand(createSessionRequest(this.table, session)));
  }

  async getSession(tokenHash: string) {
    return pick<Session>((await this.client.send(new GetCommand(getSessionRequest(this.table, tokenHash)))).Item, SESSION_FIELDS);
  }

  async deleteSession(tokenHash: string) {
    await this.client.send(new DeleteCommand(deleteSessionRequest(this.table, tokenHash)));
  }

  async hit(scope: string, key: string, windowStart: string, expiresAt: Date) {
    const out = await this.client.send(new UpdateCommand(hitRequest(this.table, scope, key, windowStart, expiresAt)));
    return out.Attributes?.count as number;
  }
}
