/**
 * The summary job: builds the summary of a (form, period) and emails it to the
 * form's recipients. Thin over the core; the same function runs from
 * EventBridge Scheduler, the local scheduler and the `npm run summary` command.
 */
import { renderSummaryEmail } from '../core/render-email.ts';
import { buildSummary, type PeriodSummary } from '../core/summary.ts';
import { vietnamDate } from '../core/deadlines.ts';
import type { Clock, Mailer } from '../core/ports.ts';
import type { ReportingService } from '../core/reporting.ts';

export interface SummaryJobDeps {
  service: ReportingService;
  mailer: Mailer;
  clock: Clock;
  /** Addresses per recipient key declared by forms. */
  recipients: Record<string, string[]>;
  /** Where the dashboard lives, linked from the email. */
  publicUrl: string;
}

export interface SummaryJobEvent {
  formId: string;
  /** Defaults to the form's period (one-off) or today in Vietnam (daily). */
  period?: string;
}

export interface SummaryJobResult {
  summary: PeriodSummary;
  to: string[];
  subject: string;
  messageId: string;
}

export class RecipientsNotConfiguredError extends Error {
  readonly code = 'RECIPIENTS_NOT_CONFIGURED';
}

export function createSummaryJob(deps: SummaryJobDeps) {
  return async function runSummaryJob(event: SummaryJobEvent): Promise<SummaryJobResult> {
    const now = deps.clock.now();
    const form = deps.service.form(event.formId);
    const period = event.period ?? (form.period.kind === 'once' ? form.period.period : vietnamDate(now));
    const summary = await buildSummary(deps.service, form.id, period, now);
    const to = form.summary.recipients.flatMap((r) => deps.recipients[r.key] ?? []);
    if (to.length === 0) {
      throw new RecipientsNotConfiguredError(
        `no addresses for ${form.summary.recipients.map((r) => r.key).join(', ')} (form ${form.id})`,
      );
    }
    const email = renderSummaryEmail(summary, {
      dashboardUrl: new URL(`/bao-cao/${form.id}`, deps.publicUrl).toString(),
    });
    const { messageId } = await deps.mailer.send({ to, ...email });
    return { summary, to, subject: email.subject, messageId };
  };
}
