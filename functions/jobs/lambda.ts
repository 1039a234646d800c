/**
 * Scheduled jobs in Lambda, invoked by EventBridge Scheduler with the schedule
 * entry's payload (`{ job, formId, period? }`). Config from the environment, read once.
 * Scheduler invokes asynchronously: a thrown error makes Lambda retry, then land
 * the event in the dead-letter queue (infra/aws), whose alarm tells the operators.
 */
import * as z from 'zod/mini';
import { loadForms } from '#schemas/registry.ts';
import { createSesMailer } from '../adapters/mail/nodemailer-mailer.ts';
import { readLambdaConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { createJobRunners } from './runners.ts';

const config = readLambdaConfig(process.env, { needsAuthSecret: false });

const runtime = createRuntime({
  registry: await loadForms(),
  tableName: config.TABLE_NAME,
  dynamodb: { region: config.AWS_REGION },
  mailer: createSesMailer({ region: config.AWS_REGION, from: config.MAIL_FROM }),
  publicUrl: config.PUBLIC_URL,
  recipients: config.recipients,
});

const eventSchema = z.strictObject({
  job: z.enum(['summary', 'reminder']),
  formId: z.string().check(z.minLength(1)),
  period: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});

const runners = createJobRunners(runtime);
const jobs = { summary: runners.summaryJob(), reminder: runners.reminderJob() };

export async function handler(event: unknown) {
  const parsed = eventSchema.parse(event);
  const result = await jobs[parsed.job]({ formId: parsed.formId, ...(parsed.period ? { period: parsed.period } : {}) });
  return { job: parsed.job, formId: parsed.formId, sent: result.delivery.sent.length, skipped: result.delivery.skipped.length };
}
