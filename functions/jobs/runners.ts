/** The scheduled jobs over a runtime; kept apart so the API Lambda bundles none of them. */
import type { Mailer } from '../core/ports.ts';
import type { Runtime } from '../runtime.ts';
import { createReminderJob } from './reminder-job.ts';
import { createSummaryJob } from './summary-job.ts';

export function createJobRunners(runtime: Runtime) {
  const { service, clock, deliveries, authStore, config } = runtime;
  return {
    /** The summary job; tests may swap the mailer or recipients. */
    summaryJob: (overrides: { mailer?: Mailer; recipients?: Record<string, string[]>; publicUrl?: string } = {}) =>
      createSummaryJob({
        service,
        clock,
        deliveries,
        mailer: overrides.mailer ?? config.mailer,
        recipients: overrides.recipients ?? config.recipients,
        publicUrl: overrides.publicUrl ?? config.publicUrl,
      }),
    /** The reminder job for reporters of units that have not reported. */
    reminderJob: (overrides: { mailer?: Mailer } = {}) =>
      createReminderJob({ service, clock, deliveries, users: authStore, mailer: overrides.mailer ?? config.mailer, publicUrl: config.publicUrl }),
  };
}
