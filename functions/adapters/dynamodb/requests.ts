/**
 * DynamoDB request building, pure: each function returns the command input the
 * adapter sends. Tested without a network.
 */
import type {
  BatchGetCommandInput,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import type { SubmissionKey, SubmissionRecord } from '../../core/ports.ts';
import {
  CURRENT_PREFIX,
  TABLE_KEY,
  currentKey,
  orgUnitPartition,
  orgUnitSort,
  revisionKey,
  revisionPrefix,
  submissionPartition,
} from './keys.ts';

/** The table as local runs and tests create it; the CDK data stack declares the same keys. */
export function createTableRequest(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TABLE_KEY.partition, AttributeType: 'S' },
      { AttributeName: TABLE_KEY.sort, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: TABLE_KEY.partition, KeyType: 'HASH' },
      { AttributeName: TABLE_KEY.sort, KeyType: 'RANGE' },
    ],
  };
}

export function getCurrentRequest(tableName: string, key: SubmissionKey): GetCommandInput {
  return { TableName: tableName, Key: currentKey(key), ConsistentRead: true };
}

/** At most 100 keys, DynamoDB's BatchGetItem limit. */
export function batchGetCurrentRequest(tableName: string, keys: SubmissionKey[]): BatchGetCommandInput {
  if (keys.length > 100) throw new Error('BatchGetItem takes at most 100 keys');
  return { RequestItems: { [tableName]: { Keys: keys.map(currentKey), ConsistentRead: true } } };
}

export function queryPrefixRequest(tableName: string, pk: string, prefix: string): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ExpressionAttributeNames: { '#pk': TABLE_KEY.partition, '#sk': TABLE_KEY.sort },
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    ConsistentRead: true,
  };
}

export function listCurrentRequest(tableName: string, formId: string, period: string): QueryCommandInput {
  return queryPrefixRequest(tableName, submissionPartition(formId, period), CURRENT_PREFIX);
}

export function listRevisionsRequest(tableName: string, key: SubmissionKey): QueryCommandInput {
  return queryPrefixRequest(tableName, submissionPartition(key.formId, key.period), revisionPrefix(key.orgUnit));
}

/**
 * Writes the new current item and its revision item in one transaction. The
 * current item is guarded by the revision the writer read, so two writers
 * cannot both become revision N.
 */
export function saveRevisionRequest(
  tableName: string,
  record: SubmissionRecord,
  expectedRevision: number,
): TransactWriteCommandInput {
  const item = { ...record, type: 'Submission' };
  return {
    TransactItems: [
      {
        Put: {
          TableName: tableName,
          Item: { ...currentKey(record), ...item },
          ...(expectedRevision === 0
            ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': TABLE_KEY.partition } }
            : {
                ConditionExpression: '#rev = :expected',
                ExpressionAttributeNames: { '#rev': 'revision' },
                ExpressionAttributeValues: { ':expected': expectedRevision },
              }),
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: { ...revisionKey(record, record.revision), ...item },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': TABLE_KEY.partition },
        },
      },
    ],
  };
}

export function putOrgUnitRequest(tableName: string, unit: OrgUnit): PutCommandInput {
  return { TableName: tableName, Item: { pk: orgUnitPartition(), sk: orgUnitSort(unit.code), type: 'OrgUnit', ...unit } };
}

export function listOrgUnitsRequest(tableName: string): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': TABLE_KEY.partition },
    ExpressionAttributeValues: { ':pk': orgUnitPartition() },
  };
}
