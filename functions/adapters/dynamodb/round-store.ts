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
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RoundConflictError } from '../../core/errors.ts';
import type { RoundEvent, RoundStore } from '../../core/ports.ts';
import type { Round } from '../../core/rounds.ts';
import { pick, queryAll } from './store.ts';

const ROUNDS = 'ROUND';
const logPartition = (roundId: string) => `ROUNDLOG#${roundId}`;

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
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': ROUNDS },
    });
    return items.map((item) => pick<Round>(item, ROUND_FIELDS));
  }

  async get(id: string): Promise<Round | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.table, Key: { pk: ROUNDS, sk: id } }));
    return out.Item ? pick<Round>(out.Item, ROUND_FIELDS) : undefined;
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
            { Put: { TableName: this.table, Item: { pk: ROUNDS, sk: round.id, type: 'Round', ...round }, ...guard } },
            ...(event ? [{ Put: { TableName: this.table, Item: this.eventItem(event) } }] : []),
          ],
        }),
      );
    } catch (error) {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new RoundConflictError(`round ${round.id} is not at version ${expectedVersion}`, { cause: error });
      throw error;
    }
  }

  async log(event: RoundEvent): Promise<void> {
    await this.client.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: this.table, Item: this.eventItem(event) } }] }));
  }

  async events(roundId: string): Promise<RoundEvent[]> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': logPartition(roundId) },
    });
    return items.map((item) => pick<RoundEvent>(item, EVENT_FIELDS));
  }

  private eventItem(event: RoundEvent) {
    return { pk: logPartition(event.roundId), sk: `${event.at}#${event.orgUnit ?? '-'}#${randomUUID().slice(0, 8)}`, type: 'RoundEvent', ...event };
  }
}
