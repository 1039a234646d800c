/**
 * The DynamoDB adapter: sends the requests `requests.ts` builds. Takes its
 * client and table name in the constructor; never reads the environment.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { RevisionConflictError, SessionChangedError } from '../../core/errors.ts';
import type { OrgUnitStore, PeriodRange, ReportStatusRecord, ReviewMark, ReviewState, SaveOptions, SubmissionHead, SubmissionKey, SubmissionRecord, SubmissionStore } from '../../core/ports.ts';
import { readRunning } from './keys.ts';
import {
  getCurrentRequest,
  getKeptRequest,
  listStatusesRequest,
  listCurrentRequest,
  listOrgUnitsRequest,
  listRevisionsRequest,
  putOrgUnitRequest,
  saveRevisionRequest,
  setReviewRequest,
} from './requests.ts';

import { cancellationReasons, lostRace } from './client.ts';

export { createDocumentClient } from './client.ts';

const RECORD_FIELDS = [
  'formId',
  'period',
  'orgUnit',
  'revision',
  'schemaVersion',
  'data',
  'submittedBy',
  'submittedAt',
  'firstSubmittedAt',
  'origin',
  'dataHash',
  'review',
  'reviewNote',
  'reviewedBy',
  'reviewedAt',
] as const;

const STATUS_FIELDS = ['formId', 'period', 'orgUnit', 'revision', 'firstSubmittedAt', 'origin', 'review'] as const;

/** The fields of an item that are present, without its keys and type; undefined for no item (a Get that found none). */
export function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T;
export function pick<T>(item: Record<string, unknown> | undefined, fields: readonly string[]): T | undefined;
export function pick<T>(item: Record<string, unknown> | undefined, fields: readonly string[]): T | undefined {
  return item ? (Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as T) : undefined;
}

const toRecord = (item: Record<string, unknown>) => pick<SubmissionRecord>(item, RECORD_FIELDS);
const HEAD_FIELDS = RECORD_FIELDS.filter((f) => f !== 'data');
const toHead = (item: Record<string, unknown>) => pick<SubmissionHead>(item, HEAD_FIELDS);

function toOrgUnit(item: Record<string, unknown>): OrgUnit {
  const { pk: _pk, sk: _sk, type: _type, ...unit } = item;
  return unit as OrgUnit;
}

export async function queryAll(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export class DynamoSubmissionStore implements SubmissionStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async getCurrent(key: SubmissionKey): Promise<SubmissionRecord | undefined> {
    const out = await this.client.send(new QueryCommand(getCurrentRequest(this.tableName, key)));
    return out.Items?.[0] ? toRecord(out.Items[0]) : undefined;
  }

  async listCurrent(formId: string, period: string): Promise<SubmissionRecord[]> {
    // Each unit's revisions come in order (zero-padded sort keys): the last one seen is its current answer.
    const last = new Map<string, Record<string, unknown>>();
    for (const item of await queryAll(this.client, listCurrentRequest(this.tableName, formId, period))) last.set(item.orgUnit as string, item);
    return [...last.values()].map(toRecord);
  }

  async listRevisions(key: SubmissionKey): Promise<SubmissionRecord[]> {
    return (await queryAll(this.client, listRevisionsRequest(this.tableName, key))).map(toRecord);
  }

  async saveRevision(record: SubmissionRecord, options: SaveOptions): Promise<void> {
    await this.guarded(saveRevisionRequest(this.tableName, record, options), `revision ${options.base.revision} of ${record.orgUnit} is no longer current`, Boolean(options.session));
  }

  async setReview(key: SubmissionKey, revision: number, mark: ReviewMark, from?: ReviewState): Promise<SubmissionRecord> {
    await this.guarded(setReviewRequest(this.tableName, key, revision, mark, from), `revision ${revision} of ${key.orgUnit} is not current${from ? ` or not ${from}` : ''}`);
    return (await this.getCurrent(key))!;
  }

  /**
   * Sends a transaction whose first item (after the session check, `withSession`) is the status item, guarded
   * by the current answer's revision: a failed guard (or another writer's transaction on the same items) becomes
   * a RevisionConflictError carrying what is stored now, without its data; a failed session check, a
   * SessionChangedError, whatever else failed (the writer is told nothing of the answer).
   */
  private async guarded(request: TransactWriteCommandInput, message: string, withSession = false): Promise<void> {
    try {
      await this.client.send(new TransactWriteCommand(request));
    } catch (error) {
      const all = cancellationReasons(error);
      // The session failed its check, or its user is being changed by a transaction in flight: read it again.
      if (withSession && lostRace(all.slice(0, 1))) {
        throw new SessionChangedError('the session changed since it was read', { cause: error });
      }
      const reasons = withSession ? all.slice(1) : all;
      // TransactionConflict: another writer's transaction on the same items was in flight.
      if (lostRace(reasons)) {
        // The failed guard of the status item returns it (marshalled: the document client leaves errors as they are).
        const stored = reasons[0]?.Code === 'ConditionalCheckFailed' && reasons[0].Item ? toHead(unmarshall(reasons[0].Item)) : undefined;
        throw new RevisionConflictError(message, { cause: error, current: stored });
      }
      throw error;
    }
  }

  async listStatuses(formId: string, periods?: PeriodRange): Promise<ReportStatusRecord[]> {
    return (await queryAll(this.client, listStatusesRequest(this.tableName, formId, periods))).map((item) => pick<ReportStatusRecord>(item, STATUS_FIELDS));
  }

  async getKept(formId: string, roundId: string, orgUnit: string): Promise<Map<string, unknown>> {
    const out = await this.client.send(new GetCommand(getKeptRequest(this.tableName, formId, roundId, orgUnit)));
    return readRunning(out.Item);
  }
}

export class DynamoOrgUnitStore implements OrgUnitStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async list(): Promise<OrgUnit[]> {
    return (await queryAll(this.client, listOrgUnitsRequest(this.tableName))).map(toOrgUnit);
  }

  async upsertAll(units: OrgUnit[]): Promise<{ written: number; unchanged: number }> {
    const existing = new Map((await this.list()).map((u) => [u.code, u]));
    const changed = units.filter((u) => !isDeepStrictEqual(existing.get(u.code), u));
    // Seed loads are small (hundreds of units); sequential puts keep errors simple.
    for (const unit of changed) await this.client.send(new PutCommand(putOrgUnitRequest(this.tableName, unit)));
    return { written: changed.length, unchanged: units.length - changed.length };
  }
}
