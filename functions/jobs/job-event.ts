/**
 * The event the jobs function is invoked with: a round's schedule payload
 * (`{ job, roundId }`, functions/core/schedules.ts), or an operator replaying a
 * dead letter, optionally with a `period`. The payload of the deploy-time
 * schedules, `{ job, formId }`, still runs: a seed round's id is its form's id.
 */
import * as z from 'zod/mini';
import { ROUND_ID } from '../core/rounds.ts';
import type { JobPayload } from '../core/schedules.ts';

const job = z.enum(['summary', 'reminder']);
const period = z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));
const roundId = z.string().check(z.regex(ROUND_ID));
const eventSchema = z.union([z.strictObject({ job, roundId, period }), z.strictObject({ job, formId: roundId, period })]);

export type JobInvocation = JobPayload & { period?: string };

/**
 * @example parseJobEvent({ job: 'summary', formId: '971-nhan-luc-y-te' }) // { job: 'summary', roundId: '971-nhan-luc-y-te' }
 * @throws z.core.$ZodError for anything else (the invocation fails and is dead-lettered)
 */
export function parseJobEvent(event: unknown): JobInvocation {
  const parsed = eventSchema.parse(event);
  return { job: parsed.job, roundId: 'roundId' in parsed ? parsed.roundId : parsed.formId, ...(parsed.period ? { period: parsed.period } : {}) };
}
