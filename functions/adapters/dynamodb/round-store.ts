/**
 * Rounds and what was done with them, in the single table:
 *
 * | item        | pk                   | sk                                 |
 * |-------------|----------------------|------------------------------------|
 * | round       | `ROUND`              | `<round id>`                       |
 * | round event | `ROUNDLOG#<round id>`| `<ISO instant>#<unit or ->#<rand>` |
 *
 * A round and the event that changed it are written in one transaction,
 * conditional on the round's version, so two officials moving one deadline at
 * once cannot both win, and no change goes unrecorded.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RoundConflictError } from '../../core/errors.ts';
import type { RoundEvent, RoundStore } from '../../core/ports.ts';
import type { Round } from '../../core/rounds.ts';
import { cancellationReasons } from './client.ts';
import { roundKey, roundLogPartition, ROUNDS_PARTITION } from './keys.ts';
import { partitionRequest } from './requests.ts';
import { pick, queryAll } from './store.ts';

const ROUND_FIELDS = ['id', 'formId', 'issuer', 'parent', 'reporters', 'period', 'reminderMinutes', 'recipients', 'status', 'createdBy', 'createdAt', 'version'] as const;
const EVENT_FIELDS = ['roundId', 'action', 'at', 'by', 'orgUnit', 'period', 'note', 'change'] as const;

export class DynamoRoundStore implements RoundStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.client = client;
    this.table = table;
  }

  async list(): Promise<Round[]> {
    // Read right after a change (the service forgets its rounds when it changed one): consistent, or a round just
    // opened or extended could be missing or stale for a moment on DynamoDB (DynamoDB Local is always consistent).
    return (await queryAll(this.client, partitionRequest(this.table, ROUNDS_PARTITION, { consistent: true }))).map((item) => pick<Round>(item, ROUND_FIELDS));
  }

  async get(id: string): Promise<Round | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.table, Key: roundKey(id), ConsistentRead: true }));
    return pick<Round>(out.Item, ROUND_FIELDS);
  }

  async put(round: Round, expectedVersion: number, event?: RoundEvent): Promise<void> {
    const guard =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: { ...roundKey(round.id), type: 'Round', ...round }, ...guard } },
            ...(event ? [{ Put: { TableName: this.table, Item: this.eventItem(event) } }] : []),
          ],
        }),
      );
    } catch (error) {
      if (cancellationReasons(error)[0]?.Code === 'ConditionalCheckFailed') throw new RoundConflictError(`round ${round.id} is not at version ${expectedVersion}`, { cause: error });
      throw error;
    }
  }

  async log(event: RoundEvent): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: this.eventItem(event) }));
  }

  async events(roundId: string): Promise<RoundEvent[]> {
    return (await queryAll(this.client, partitionRequest(this.table, roundLogPartition(roundId)))).map((item) => pick<RoundEvent>(item, EVENT_FIELDS));
  }

  private eventItem(event: RoundEvent) {
    return { pk: roundLogPartition(event.roundId), sk: `${event.at}#${event.orgUnit ?? '-'}#${randomUUID().slice(0, 8)}`, type: 'RoundEvent', ...event };
  }
}
