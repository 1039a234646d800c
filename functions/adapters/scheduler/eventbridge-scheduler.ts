/**
 * A round's schedules as EventBridge Scheduler schedules, in the one schedule
 * group the stack creates (infra/aws/app-stack.ts). The API calls `sync`
 * whenever a round is opened, moved or closed; each schedule invokes the jobs
 * function with `{ job, roundId }` through the scheduler role, which may invoke
 * nothing else. A one-time schedule deletes itself once it has fired.
 *
 * A round has at most one schedule per job, named `<job>-<round id>` (ids are
 * at most 48 characters, names 64), so `sync` needs no listing: it writes the
 * wanted names (create; update when one exists) and deletes the others (a
 * missing one is fine). That keeps the API's permissions on the group's
 * schedules alone: ListSchedules cannot be limited to a group in IAM.
 *
 * The SDK comes with the Lambda runtime and is loaded on the first sync, not at
 * cold start: only opening, moving or closing a round writes schedules.
 */
import type { CreateScheduleCommandInput, SchedulerClient } from '@aws-sdk/client-scheduler';
import { systemClock, type Clock, type RoundScheduler } from '../../core/ports.ts';
import { ROUND_ID } from '../../core/rounds.ts';
import type { JobName, ScheduleEntry } from '../../core/schedules.ts';
import { toScheduleSpec, type ScheduleSpec } from './schedule-specs.ts';

/** Every job a round can schedule: the names `sync` owns for a round. */
const JOBS = Object.keys({ summary: true, reminder: true } satisfies Record<JobName, true>) as JobName[];

/**
 * When EventBridge Scheduler cannot invoke the jobs function (throttled, or the
 * function is being replaced), it retries for up to two hours, then sends the
 * event to the dead-letter queue. A job that fails once invoked is retried by
 * Lambda (the function's own asynchronous settings) into the same queue.
 */
export const SCHEDULE_RETRY = { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 2 * 60 * 60 } as const;

/** A stalled call fails in seconds: an official is waiting for the round to open. */
export const SCHEDULER_CLIENT_LIMITS = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
} as const;

export interface EventBridgeSchedulerConfig {
  region: string;
  /** The stack's schedule group, `baocao-<env>`. */
  groupName: string;
  /** The jobs function. */
  targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke it. */
  roleArn: string;
  /** Where an event goes when the scheduler cannot deliver it. */
  deadLetterArn?: string;
  /** Tests only: a client that records requests. */
  client?: Pick<SchedulerClient, 'send'>;
  clock?: Clock;
}

/** The schedule name of a round's job. */
export const scheduleName = (job: JobName, roundId: string) => `${job}-${roundId}`;

/**
 * The CreateSchedule (and, as it replaces every field, UpdateSchedule) request of a spec.
 * @example scheduleRequest(spec, config).ScheduleExpression // 'at(2030-07-20T17:00:00)'
 */
export function scheduleRequest(spec: ScheduleSpec, config: Pick<EventBridgeSchedulerConfig, 'groupName' | 'targetArn' | 'roleArn' | 'deadLetterArn'>): CreateScheduleCommandInput {
  const { entry } = spec;
  const once = entry.expression.kind === 'at';
  return {
    Name: entry.id,
    GroupName: config.groupName,
    Description: `${entry.job} of round ${entry.roundId} (form ${entry.formId})`,
    ScheduleExpression: spec.expression,
    ScheduleExpressionTimezone: spec.timeZone,
    ...(spec.start ? { StartDate: spec.start } : {}),
    ...(spec.end ? { EndDate: spec.end } : {}),
    FlexibleTimeWindow: { Mode: 'OFF' },
    State: 'ENABLED',
    ...(once ? { ActionAfterCompletion: 'DELETE' as const } : {}),
    Target: {
      Arn: config.targetArn,
      RoleArn: config.roleArn,
      Input: JSON.stringify(spec.payload),
      RetryPolicy: { ...SCHEDULE_RETRY },
      ...(config.deadLetterArn ? { DeadLetterConfig: { Arn: config.deadLetterArn } } : {}),
    },
  };
}

const named = (error: unknown, name: string) => error instanceof Error && error.name === name;

type Sdk = typeof import('@aws-sdk/client-scheduler');

export class EventBridgeRoundScheduler implements RoundScheduler {
  private readonly config: EventBridgeSchedulerConfig;
  private readonly clock: Clock;
  private sdk: Promise<{ client: Pick<SchedulerClient, 'send'>; sdk: Sdk }> | undefined;

  constructor(config: EventBridgeSchedulerConfig) {
    this.config = config;
    this.clock = config.clock ?? systemClock;
  }

  /** Makes the round's schedules exactly `entries` (those that can still fire): creates, replaces and deletes. */
  async sync(roundId: string, entries: ScheduleEntry[]): Promise<void> {
    if (!ROUND_ID.test(roundId)) throw new Error(`not a round id: ${JSON.stringify(roundId)}`);
    const wanted = new Map<string, ScheduleSpec>();
    const now = this.clock.now();
    for (const entry of entries) {
      if (entry.roundId !== roundId || entry.id !== scheduleName(entry.job, roundId)) {
        throw new Error(`schedule ${entry.id} is not one of round ${roundId}'s`);
      }
      if (wanted.has(entry.id)) throw new Error(`schedule ${entry.id} given twice`);
      const spec = toScheduleSpec(entry, now);
      if (spec) wanted.set(entry.id, spec);
    }
    const { client, sdk } = await this.load();
    await Promise.all(
      JOBS.map(async (job) => {
        const name = scheduleName(job, roundId);
        const spec = wanted.get(name);
        if (spec) await this.put(client, sdk, spec);
        else await this.remove(client, sdk, name);
      }),
    );
  }

  private async put(client: Pick<SchedulerClient, 'send'>, sdk: Sdk, spec: ScheduleSpec): Promise<void> {
    const request = scheduleRequest(spec, this.config);
    try {
      await client.send(new sdk.CreateScheduleCommand(request));
    } catch (error) {
      if (!named(error, 'ConflictException')) throw error;
      await client.send(new sdk.UpdateScheduleCommand(request));
    }
  }

  private async remove(client: Pick<SchedulerClient, 'send'>, sdk: Sdk, name: string): Promise<void> {
    try {
      await client.send(new sdk.DeleteScheduleCommand({ Name: name, GroupName: this.config.groupName }));
    } catch (error) {
      if (!named(error, 'ResourceNotFoundException')) throw error;
    }
  }

  private async load() {
    this.sdk ??= import('@aws-sdk/client-scheduler').then((sdk) => ({
      client: this.config.client ?? new sdk.SchedulerClient({ region: this.config.region, ...SCHEDULER_CLIENT_LIMITS }),
      sdk,
    }));
    return this.sdk.catch((error: unknown) => {
      this.sdk = undefined;
      throw error;
    });
  }
}

/** The Lambda environment's scheduler settings (functions/config.ts checks they come together). */
export interface SchedulerEnv {
  AWS_REGION: string;
  SCHEDULE_GROUP?: string | undefined;
  SCHEDULER_ROLE_ARN?: string | undefined;
  JOBS_FUNCTION_ARN?: string | undefined;
  JOBS_DEAD_LETTER_ARN?: string | undefined;
}

/**
 * The EventBridge scheduler when the stack named its group, role and target
 * (the API function); otherwise none (the export function, local runs).
 * @example createRuntime({ ..., scheduler: schedulerFromConfig(readLambdaConfig(env)) })
 */
export function schedulerFromConfig(config: SchedulerEnv): RoundScheduler | undefined {
  const { SCHEDULE_GROUP: groupName, SCHEDULER_ROLE_ARN: roleArn, JOBS_FUNCTION_ARN: targetArn } = config;
  if (!groupName || !roleArn || !targetArn) return undefined;
  return new EventBridgeRoundScheduler({
    region: config.AWS_REGION,
    groupName,
    roleArn,
    targetArn,
    ...(config.JOBS_DEAD_LETTER_ARN ? { deadLetterArn: config.JOBS_DEAD_LETTER_ARN } : {}),
  });
}
