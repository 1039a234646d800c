/** Delivery records for exactly-once email: one item per (job, form, period, recipient). */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DeliveryKey, DeliveryStore } from '../../core/ports.ts';
import { deliveryKey } from './keys.ts';

/** Claim unless sent, or unless another run holds a live claim. */
export function claimRequest(table: string, key: DeliveryKey, now: Date, leaseUntil: Date): UpdateCommandInput {
  return {
    TableName: table,
    Key: deliveryKey(key),
    UpdateExpression: 'SET #status = :sending, leaseUntil = :lease, attempts = if_not_exists(attempts, :zero) + :one, #type = :type',
    ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed OR (#status = :sending AND leaseUntil < :now)',
    ExpressionAttributeNames: { '#status': 'status', '#type': 'type' },
    ExpressionAttributeValues: {
      ':sending': 'sending',
      ':failed': 'failed',
      ':now': now.toISOString(),
      ':lease': leaseUntil.toISOString(),
      ':zero': 0,
      ':one': 1,
      ':type': 'Delivery',
    },
  };
}

export function markRequest(table: string, key: DeliveryKey, fields: Record<string, string>): UpdateCommandInput {
  const names = Object.keys(fields);
  return {
    TableName: table,
    Key: deliveryKey(key),
    UpdateExpression: `SET ${names.map((n, i) => `#f${i} = :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
    ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n]])),
  };
}

export class DynamoDeliveryStore implements DeliveryStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.table = tableName;
  }

  async claim(key: DeliveryKey, now: Date, leaseUntil: Date) {
    try {
      await this.client.send(new UpdateCommand(claimRequest(this.table, key, now, leaseUntil)));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async markSent(key: DeliveryKey, messageId: string, at: Date) {
    await this.client.send(new UpdateCommand(markRequest(this.table, key, { status: 'sent', messageId, sentAt: at.toISOString() })));
  }

  async markFailed(key: DeliveryKey, reason: string, at: Date) {
    await this.client.send(new UpdateCommand(markRequest(this.table, key, { status: 'failed', lastError: reason, failedAt: at.toISOString() })));
  }
}
