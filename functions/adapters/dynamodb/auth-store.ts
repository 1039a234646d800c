/** Users, login attempts, sessions and rate windows in the one table. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { UserExistsError } from '../../core/errors.ts';
import type { AuthStore, LastCode, LoginAttempt, Session } from '../../core/ports.ts';
import type { User } from '../../core/users.ts';
import {
  changeUserItemCount,
  changeUserRequest,
  consumeLoginRequest,
  createUserRequest,
  deleteSessionsRequests,
  deleteUserSessionRequest,
  listUserSessionsRequest,
  USER_REV,
  type UserSessionRef,
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
  setLastCodeRequest,
} from './auth-requests.ts';
import { cancellationReasons, lostRace } from './client.ts';
import { pick, queryAll } from './store.ts';


const USER_FIELDS = ['email', 'name', 'unit', 'role', 'status', 'sessionGeneration', 'createdAt', 'updatedAt'] as const;
const LOGIN_FIELDS = ['id', 'email', 'codeHash', 'expiresAt', 'tries', 'codeOf'] as const;
const LAST_CODE_FIELDS = ['email', 'attemptId', 'codeHash', 'expiresAt'] as const;
const SESSION_FIELDS = ['tokenHash', 'email', 'name', 'role', 'unit', 'status', 'createdAt', 'expiresAt', 'generation'] as const;

const failedCondition = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** DynamoDB's limit of items in one TransactWrite. */
const TRANSACTION_LIMIT = 100;
/** Each round loses only to a session opened or a change written in the meantime: a handful is plenty. */
const CHANGE_ROUNDS = 10;

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
    return (await queryAll(this.client, listUsersRequest(this.table))).map((i) => pick<User>(i, USER_FIELDS));
  }

  async createUser(user: User) {
    try {
      await this.client.send(new PutCommand(createUserRequest(this.table, user)));
    } catch (error) {
      if (failedCondition(error)) throw new UserExistsError(`user ${user.email} exists`, { cause: error });
      throw error;
    }
  }

  /**
   * Read the user and the list of their sessions, then write the user at the
   * `rev` it was read at together with every session in one TransactWrite. A
   * session opened meanwhile bumped `rev`, so the write fails and the round
   * starts again: no session opened before the change escapes it.
   *
   * More sessions than one transaction holds (49 to delete, 99 to update: a
   * user who signed in that often within 12 hours) are first deleted in
   * batches, signing the user out everywhere, and the round starts again; the
   * deletes come before the user is written, so no session outlives the change
   * even for a moment, and any opened after the listing bumped `rev`.
   */
  async changeUser(email: string, change: (current: User | undefined) => User | undefined | Promise<User | undefined>) {
    for (let round = 0; round < CHANGE_ROUNDS; round++) {
      const [item, listed] = await Promise.all([
        this.client.send(new GetCommand(getUserRequest(this.table, email))).then((out) => out.Item),
        queryAll(this.client, listUserSessionsRequest(this.table, email)),
      ]);
      const next = await change(pick<User>(item, USER_FIELDS));
      if (!next) return undefined;
      if (next.email !== email) throw new Error(`changeUser cannot rename ${email}`);
      const sessions: UserSessionRef[] = listed.map((i) => ({ tokenHash: i.sk as string, generation: (i.generation as number | undefined) ?? 0 }));
      if (changeUserItemCount(next, sessions) > TRANSACTION_LIMIT) {
        await this.deleteSessions(email, sessions.map((s) => s.tokenHash));
        continue;
      }
      const readRev = item ? ((item[USER_REV] as number | undefined) ?? 0) : undefined;
      const request = changeUserRequest(this.table, next, readRev, sessions);
      try {
        await this.client.send(new TransactWriteCommand(request));
        return next;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!lostRace(reasons)) throw error;
        // An update refused for want of its session: logged out with the listing left behind (or expired).
        const orphans = reasons.flatMap((reason, i) => (i > 0 && reason.Code === 'ConditionalCheckFailed' ? [request.TransactItems![i]!.Update!.Key!.pk as string] : []));
        for (const pk of orphans) await this.client.send(new DeleteCommand(deleteUserSessionRequest(this.table, email, pk.slice('SESSION#'.length))));
      }
    }
    throw new Error(`user ${email} kept changing; gave up after ${CHANGE_ROUNDS} rounds`);
  }

  private async deleteSessions(email: string, tokenHashes: readonly string[]) {
    for (const batch of deleteSessionsRequests(this.table, email, tokenHashes)) {
      let request: BatchWriteCommandInput['RequestItems'] | undefined = batch.RequestItems;
      for (let tries = 0; request && Object.keys(request).length > 0; tries++) {
        if (tries === 8) throw new Error(`could not delete the sessions of ${email}`);
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** tries * 10));
        request = (await this.client.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
      }
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
    try {
      await this.client.send(new TransactWriteCommand(createSessionRequest(this.table, session)));
      return true;
    } catch (error) {
      if (lostRace(cancellationReasons(error))) return false;
      throw error;
    }
  }

  async getSession(tokenHash: string) {
    return pick<Session>((await this.client.send(new GetCommand(getSessionRequest(this.table, tokenHash)))).Item, SESSION_FIELDS);
  }

  async deleteSession(tokenHash: string) {
    const old = (await this.client.send(new DeleteCommand(deleteSessionRequest(this.table, tokenHash)))).Attributes;
    if (typeof old?.email === 'string') await this.client.send(new DeleteCommand(deleteUserSessionRequest(this.table, old.email, tokenHash)));
  }

  async hit(scope: string, key: string, windowStart: string, expiresAt: Date) {
    const out = await this.client.send(new UpdateCommand(hitRequest(this.table, scope, key, windowStart, expiresAt)));
    return out.Attributes?.count as number;
  }
}
