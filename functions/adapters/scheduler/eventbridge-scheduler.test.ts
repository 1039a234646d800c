/**
 * The requests the EventBridge adapter sends, against a client that records
 * them (no AWS). What EventBridge does with them is AWS's; what is asked is ours.
 */
import { ConflictException, ResourceNotFoundException, type SchedulerClient } from '@aws-sdk/client-scheduler';
import { describe, expect, test } from 'vitest';
import type { Round } from '../../core/rounds.ts';
import { roundSchedules, type ScheduleEntry } from '../../core/schedules.ts';
import { readLambdaConfig } from '../../config.ts';
import { EventBridgeRoundScheduler, SCHEDULE_RETRY, schedulerFromConfig, type EventBridgeSchedulerConfig } from './eventbridge-scheduler.ts';

const GROUP = 'baocao-test';
const JOBS_ARN = 'arn:aws:lambda:ap-southeast-1:111111111111:function:jobs';
const ROLE_ARN = 'arn:aws:iam::111111111111:role/scheduler';
const DLQ_ARN = 'arn:aws:sqs:ap-southeast-1:111111111111:dead-letters';
const NOW = new Date('2030-07-01T00:00:00Z');

type Sent = { command: string; input: Record<string, any> };

/** A client that records each request and answers with `answer`'s error, if any. */
function recording(answer: (sent: Sent) => Error | undefined = () => undefined) {
  const sent: Sent[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, any> }) => {
      const request = { command: command.constructor.name.replace(/Command$/, ''), input: command.input };
      sent.push(request);
      const error = answer(request);
      if (error) throw error;
      return {};
    },
  } as unknown as Pick<SchedulerClient, 'send'>;
  return { sent, client };
}

function scheduler(client: Pick<SchedulerClient, 'send'>, now = NOW, extra: Partial<EventBridgeSchedulerConfig> = {}) {
  return new EventBridgeRoundScheduler({
    region: 'ap-southeast-1',
    groupName: GROUP,
    targetArn: JOBS_ARN,
    roleArn: ROLE_ARN,
    client,
    clock: { now: () => now },
    ...extra,
  });
}

const round = (overrides: Partial<Round> = {}): Round => ({
  id: '971-dot-2',
  formId: '971-nhan-luc-y-te',
  issuer: 'VN',
  reporters: { under: 'VN', kinds: ['province'] },
  period: { kind: 'once', period: '2030-07-20', deadline: '2030-07-20T17:00' },
  reminderMinutes: 120,
  recipients: { users: [], keys: [] },
  status: 'open',
  createdBy: 'a@b.vn',
  createdAt: '2030-07-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

const daily = round({ id: '3294-thang-11', formId: '3294-tiem-chung', period: { kind: 'daily', from: '2030-11-01', to: '2030-11-30', deadlineTime: '18:00' }, reminderMinutes: 0 });

const byName = (sent: Sent[]) => Object.fromEntries(sent.map((s) => [`${s.command} ${s.input.Name}`, s.input]));

describe('EventBridge Scheduler requests for a round', () => {
  test('a one-time round: an at() summary and reminder in Vietnam time, to the jobs function through the role, deleted once fired', async () => {
    const { sent, client } = recording();
    await scheduler(client).sync('971-dot-2', roundSchedules(round()));
    expect(sent.map((s) => `${s.command} ${s.input.Name}`).sort()).toEqual(['CreateSchedule reminder-971-dot-2', 'CreateSchedule summary-971-dot-2']);
    const requests = byName(sent);
    expect(requests['CreateSchedule summary-971-dot-2']).toEqual({
      Name: 'summary-971-dot-2',
      GroupName: GROUP,
      Description: 'summary of round 971-dot-2 (form 971-nhan-luc-y-te)',
      ScheduleExpression: 'at(2030-07-20T17:00:00)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: JOBS_ARN,
        RoleArn: ROLE_ARN,
        Input: '{"job":"summary","roundId":"971-dot-2"}',
        RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 7200 },
      },
    });
    expect(requests['CreateSchedule reminder-971-dot-2']).toMatchObject({ ScheduleExpression: 'at(2030-07-20T15:00:00)', Target: { Input: '{"job":"reminder","roundId":"971-dot-2"}' } });
    expect(SCHEDULE_RETRY).toEqual({ MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 7200 });
  });

  test('a daily round: a cron() between its first and last day, kept after it ends (no ActionAfterCompletion); the dead-letter queue when given', async () => {
    const { sent, client } = recording();
    await scheduler(client, NOW, { deadLetterArn: DLQ_ARN }).sync(daily.id, roundSchedules(daily));
    const summary = byName(sent)['CreateSchedule summary-3294-thang-11']!;
    expect(summary).toMatchObject({
      ScheduleExpression: 'cron(0 18 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      StartDate: new Date('2030-10-31T17:00:00Z'),
      EndDate: new Date('2030-11-30T16:59:59Z'),
      Target: { Input: '{"job":"summary","roundId":"3294-thang-11"}', DeadLetterConfig: { Arn: DLQ_ARN } },
    });
    expect(summary).not.toHaveProperty('ActionAfterCompletion');
    // No reminder (reminderMinutes 0): any earlier one goes.
    expect(byName(sent)['DeleteSchedule reminder-3294-thang-11']).toEqual({ Name: 'reminder-3294-thang-11', GroupName: GROUP });
  });

  test('a daily round under way starts at once: no StartDate, which EventBridge refuses in the past', async () => {
    const { sent, client } = recording();
    await scheduler(client, new Date('2030-11-10T00:00:00Z')).sync(daily.id, roundSchedules(daily));
    const summary = byName(sent)['CreateSchedule summary-3294-thang-11']!;
    expect(summary).not.toHaveProperty('StartDate');
    expect(summary.EndDate).toEqual(new Date('2030-11-30T16:59:59Z'));
  });

  test('a schedule that exists already is replaced in full (moved deadline)', async () => {
    const { sent, client } = recording((s) => (s.command === 'CreateSchedule' ? new ConflictException({ Message: 'exists', message: 'exists', $metadata: {} }) : undefined));
    const moved = round({ period: { kind: 'once', period: '2030-07-20', deadline: '2030-07-22T09:30' }, reminderMinutes: 0 });
    await scheduler(client).sync(moved.id, roundSchedules(moved));
    const requests = byName(sent);
    expect(Object.keys(requests).sort()).toEqual(['CreateSchedule summary-971-dot-2', 'DeleteSchedule reminder-971-dot-2', 'UpdateSchedule summary-971-dot-2']);
    expect(requests['UpdateSchedule summary-971-dot-2']).toEqual(requests['CreateSchedule summary-971-dot-2']);
    expect(requests['UpdateSchedule summary-971-dot-2']!.ScheduleExpression).toBe('at(2030-07-22T09:30:00)');
  });

  test('a closed round: both schedules deleted, missing ones are fine', async () => {
    const { sent, client } = recording((s) => (s.command === 'DeleteSchedule' && s.input.Name.startsWith('reminder') ? new ResourceNotFoundException({ Message: 'gone', message: 'gone', $metadata: {} }) : undefined));
    await scheduler(client).sync('971-dot-2', roundSchedules(round({ status: 'closed' })));
    expect(sent.map((s) => `${s.command} ${s.input.Name} ${s.input.GroupName}`).sort()).toEqual([
      `DeleteSchedule reminder-971-dot-2 ${GROUP}`,
      `DeleteSchedule summary-971-dot-2 ${GROUP}`,
    ]);
  });

  test('entries that can no longer fire are not written, and deleted if they exist', async () => {
    const { sent, client } = recording();
    // 16:00 Vietnam time on the deadline day: the 15:00 reminder is past, the 17:00 summary is not.
    await scheduler(client, new Date('2030-07-20T09:00:00Z')).sync('971-dot-2', roundSchedules(round()));
    expect(sent.map((s) => `${s.command} ${s.input.Name}`).sort()).toEqual(['CreateSchedule summary-971-dot-2', 'DeleteSchedule reminder-971-dot-2']);
  });

  test('other errors stop the sync (the API then reports the failure): no update after a refused create, no deletion taken as done', async () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    const refused = recording((s) => (s.command === 'CreateSchedule' ? Object.assign(new Error('bad expression'), { name: 'ValidationException' }) : undefined));
    await expect(scheduler(refused.client).sync('971-dot-2', roundSchedules(round()))).rejects.toThrow('bad expression');
    expect(refused.sent.map((s) => s.command)).not.toContain('UpdateSchedule');
    const conflictThenDenied = recording((s) => (s.command === 'CreateSchedule' ? new ConflictException({ Message: 'exists', message: 'exists', $metadata: {} }) : denied));
    await expect(scheduler(conflictThenDenied.client).sync('971-dot-2', roundSchedules(round()))).rejects.toThrow('not authorized');
    const deleteDenied = recording((s) => (s.command === 'DeleteSchedule' ? denied : undefined));
    await expect(scheduler(deleteDenied.client).sync('971-dot-2', roundSchedules(round({ status: 'closed' })))).rejects.toThrow('not authorized');
  });

  test('refuses entries of another round, duplicates and ids that are not round ids, sending nothing', async () => {
    const { sent, client } = recording();
    const [summary] = roundSchedules(round()) as [ScheduleEntry];
    await expect(scheduler(client).sync('other', [summary])).rejects.toThrow(/not one of round other/);
    await expect(scheduler(client).sync('971-dot-2', [{ ...summary, id: 'summary-x' }])).rejects.toThrow(/not one of/);
    await expect(scheduler(client).sync('971-dot-2', [summary, summary])).rejects.toThrow(/twice/);
    await expect(scheduler(client).sync('../x', [])).rejects.toThrow(/not a round id/);
    expect(sent).toEqual([]);
  });
});

describe('schedulerFromConfig', () => {
  const env = { AWS_REGION: 'ap-southeast-1', SCHEDULE_GROUP: GROUP, SCHEDULER_ROLE_ARN: ROLE_ARN, JOBS_FUNCTION_ARN: JOBS_ARN };

  test('the EventBridge scheduler when group, role and target are all named; none otherwise', () => {
    expect(schedulerFromConfig(env)).toBeInstanceOf(EventBridgeRoundScheduler);
    expect(schedulerFromConfig({ AWS_REGION: 'ap-southeast-1' })).toBeUndefined();
    for (const key of ['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'JOBS_FUNCTION_ARN'] as const) {
      expect(schedulerFromConfig({ ...env, [key]: undefined }), key).toBeUndefined();
    }
  });
});

describe('the Lambda configuration’s scheduler settings', () => {
  const base = { TABLE_NAME: 't', AWS_REGION: 'ap-southeast-1', MAIL_FROM: 'a@b.vn', PUBLIC_URL: 'https://baocao.example.org', SUMMARY_RECIPIENTS: '{}', AUTH_SECRET: 'x'.repeat(32) };
  const scheduler = { SCHEDULE_GROUP: GROUP, SCHEDULER_ROLE_ARN: ROLE_ARN, JOBS_FUNCTION_ARN: JOBS_ARN };

  test('all three or none; half a setting stops the cold start, naming what is missing', () => {
    expect(schedulerFromConfig(readLambdaConfig({ ...base, ...scheduler }))).toBeInstanceOf(EventBridgeRoundScheduler);
    expect(schedulerFromConfig(readLambdaConfig(base))).toBeUndefined();
    expect(() => readLambdaConfig({ ...base, SCHEDULE_GROUP: GROUP })).toThrow(/SCHEDULER_ROLE_ARN, JOBS_FUNCTION_ARN missing/);
    expect(() => readLambdaConfig({ ...base, ...scheduler, JOBS_FUNCTION_ARN: 'jobs' })).toThrow(/JOBS_FUNCTION_ARN/);
  });
});
