/**
 * DynamoDB request building, pure: each function returns the command input the
 * adapter sends. Tested without a network.
 */
import type {
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import type { PeriodRange, ReviewMark, ReviewState, SaveOptions, SessionGuard, SubmissionKey, SubmissionRecord } from '../../core/ports.ts';
import {
  REVISION_PREFIX,
  TABLE_KEY,
  orgUnitPartition,
  orgUnitSort,
  revisionKey,
  revisionPrefix,
  runningAttribute,
  runningValue,
  runningKey,
  sessionKey,
  statusKey,
  statusPartition,
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

/** The unit's last revision: its history, newest first, one item. */
export function getCurrentRequest(tableName: string, key: SubmissionKey): QueryCommandInput {
  return { ...listRevisionsRequest(tableName, key), ScanIndexForward: false, Limit: 1 };
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

/** Every revision of a (form, period), each unit's in order: the store keeps each unit's last. */
export function listCurrentRequest(tableName: string, formId: string, period: string): QueryCommandInput {
  return queryPrefixRequest(tableName, submissionPartition(formId, period), REVISION_PREFIX);
}

export function listRevisionsRequest(tableName: string, key: SubmissionKey): QueryCommandInput {
  return queryPrefixRequest(tableName, submissionPartition(key.formId, key.period), revisionPrefix(key.orgUnit));
}

/**
 * Writes, in one transaction: the answer's status item (the answer without its
 * data), its revision item (the data, written once) and (with `kept`) the
 * period's entry in the unit's running item. The status item is guarded by the
 * revision the answer was based on (and that revision's first submission, which
 * the new one carries on) and by the data's hash: two writers cannot both become
 * revision N, and the same answer sent again writes nothing. A failed guard
 * returns the stored status (`ReturnValuesOnConditionCheckFailure`), so the
 * writer learns what is there without reading it. With `session`, a check that
 * the writer's session still says what authorised the write comes first (see
 * `sessionCheck`).
 */
export function saveRevisionRequest(tableName: string, record: SubmissionRecord, { base, kept, session }: SaveOptions): TransactWriteCommandInput {
  const guard: { ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> } =
    base.revision === 0
      ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': TABLE_KEY.partition } }
      : {
          // An accepted answer is final until an official reopens it.
          ConditionExpression: [
            '#rev = :base',
            ...(base.firstSubmittedAt ? ['#first = :first'] : []),
            ...(record.dataHash ? ['(attribute_not_exists(#hash) OR #hash <> :hash)'] : []),
            '(attribute_not_exists(#review) OR #review <> :accepted)',
          ].join(' AND '),
          ExpressionAttributeNames: {
            '#rev': 'revision',
            '#review': 'review',
            ...(base.firstSubmittedAt ? { '#first': 'firstSubmittedAt' } : {}),
            ...(record.dataHash ? { '#hash': 'dataHash' } : {}),
          },
          ExpressionAttributeValues: {
            ':base': base.revision,
            ':accepted': 'accepted',
            ...(base.firstSubmittedAt ? { ':first': base.firstSubmittedAt } : {}),
            ...(record.dataHash ? { ':hash': record.dataHash } : {}),
          },
        };
  const { data: _data, ...head } = record;
  const { formId, period, orgUnit } = record;
  return {
    TransactItems: [
      ...(session ? [sessionCheck(tableName, session)] : []),
      { Put: { TableName: tableName, Item: { ...statusKey(record), type: 'Status', ...head }, ...guard, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      {
        Put: {
          TableName: tableName,
          Item: { ...revisionKey(record, record.revision), type: 'Submission', ...record },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': TABLE_KEY.partition },
        },
      },
      ...(kept === undefined
        ? []
        : [
            {
              Update: {
                TableName: tableName,
                Key: runningKey(formId, kept.round, orgUnit),
                UpdateExpression: 'SET #day = :kept, #type = :type',
                ExpressionAttributeNames: { '#day': runningAttribute(period), '#type': 'type' },
                ExpressionAttributeValues: { ':kept': runningValue(kept.value), ':type': 'Running' },
              },
            },
          ]),
    ],
  };
}

/**
 * The session item still there, active, live at `at`, with the role and unit the write was authorised for:
 * a disable deletes it and a change of the user rewrites it, so either fails this check.
 */
export function sessionCheck(tableName: string, guard: SessionGuard) {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: sessionKey(guard.tokenHash),
      ConditionExpression: '#status = :active AND #role = :role AND #unit = :unit AND #expires > :at',
      ExpressionAttributeNames: { '#status': 'status', '#role': 'role', '#unit': 'unit', '#expires': 'expiresAt' },
      ExpressionAttributeValues: { ':active': 'active', ':role': guard.role, ':unit': guard.unit, ':at': guard.at },
    },
  };
}

/**
 * An official's act on the current answer, on its status item and its revision item at once, only while
 * `revision` is current (and the mark is `from`, when given): the status item holds the guard.
 */
export function setReviewRequest(tableName: string, key: SubmissionKey, revision: number, mark: ReviewMark, from?: ReviewState): TransactWriteCommandInput {
  const fields = { review: mark.review, reviewNote: mark.reviewNote ?? null, reviewedBy: mark.reviewedBy, reviewedAt: mark.reviewedAt };
  const update = (Key: { pk: string; sk: string }, guard: boolean) => ({
    Update: {
      TableName: tableName,
      Key,
      UpdateExpression: 'SET #review = :review, #reviewedBy = :by, #reviewedAt = :at' + (mark.reviewNote ? ', #reviewNote = :note' : ' REMOVE #reviewNote'),
      ...(guard
        ? { ConditionExpression: `#rev = :rev${from ? ' AND #review = :from' : ''}`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }
        : { ConditionExpression: 'attribute_exists(#pk)' }),
      ExpressionAttributeNames: { '#review': 'review', '#reviewedBy': 'reviewedBy', '#reviewedAt': 'reviewedAt', '#reviewNote': 'reviewNote', ...(guard ? { '#rev': 'revision' } : { '#pk': TABLE_KEY.partition }) },
      ExpressionAttributeValues: {
        ':review': fields.review,
        ':by': fields.reviewedBy,
        ':at': fields.reviewedAt,
        ...(mark.reviewNote ? { ':note': mark.reviewNote } : {}),
        ...(guard ? { ':rev': revision, ...(from ? { ':from': from } : {}) } : {}),
      },
    },
  });
  return { TransactItems: [update(statusKey(key), true), update(revisionKey(key, revision), false)] };
}

/** Every item of one partition (paginated by `queryAll`). */
export function partitionRequest(tableName: string, pk: string, options: { consistent?: boolean } = {}): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': TABLE_KEY.partition },
    ExpressionAttributeValues: { ':pk': pk },
    ...(options.consistent ? { ConsistentRead: true } : {}),
  };
}

/**
 * The status items of a form, of the periods `from`..`to` when given (a status's sort key starts with its
 * period): the dashboard's one Query, which reads its round's periods, not every round the form ever had.
 */
export function listStatusesRequest(tableName: string, formId: string, periods?: PeriodRange): QueryCommandInput {
  const all = partitionRequest(tableName, statusPartition(formId), { consistent: true });
  if (!periods) return all;
  return {
    ...all,
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
    ExpressionAttributeNames: { ...all.ExpressionAttributeNames, '#sk': TABLE_KEY.sort },
    // `~` sorts after the `#` that ends a period in the key: the last period's units are all within.
    ExpressionAttributeValues: { ...all.ExpressionAttributeValues, ':from': periods.from, ':to': `${periods.to}~` },
  };
}

export function getKeptRequest(tableName: string, formId: string, roundId: string, orgUnit: string): GetCommandInput {
  return { TableName: tableName, Key: runningKey(formId, roundId, orgUnit), ConsistentRead: true };
}

export function putOrgUnitRequest(tableName: string, unit: OrgUnit): PutCommandInput {
  return { TableName: tableName, Item: { pk: orgUnitPartition(), sk: orgUnitSort(unit.code), type: 'OrgUnit', ...unit } };
}

export function listOrgUnitsRequest(tableName: string): QueryCommandInput {
  return partitionRequest(tableName, orgUnitPartition());
}
