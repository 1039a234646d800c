/**
 * Scheduled jobs in Lambda, invoked by EventBridge Scheduler with a round's
 * schedule payload (`{ job, roundId }`, written by the API when the round was
 * opened or moved; see job-event.ts). Config from the environment, read once.
 * Scheduler invokes asynchronously: a thrown error makes Lambda retry, then land
 * the event in the dead-letter queue (infra/aws), whose alarm tells the operators.
 */
import { loadForms } from '#schemas/registry.ts';
import { createSesMailer } from '../adapters/mail/nodemailer-mailer.ts';
import { readLambdaConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { parseJobEvent } from './job-event.ts';
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

const runners = createJobRunners(runtime);
const jobs = { summary: runners.summaryJob(), reminder: runners.reminderJob() };

export async function handler(event: unknown) {
  const { job, roundId, period } = parseJobEvent(event);
  const result = await jobs[job]({ roundId, ...(period ? { period } : {}) });
  return { job, roundId, sent: result.delivery.sent.length, skipped: result.delivery.skipped.length };
}
