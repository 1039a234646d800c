/**
 * The summary job: builds the summary of a (form, period) and emails it, with
 * the XLSX of its tables, to each of the form's recipients exactly once. Thin
 * over the core; the same function runs from EventBridge Scheduler, the local
 * scheduler and `npm run summary`.
 */
import { deliverOnce, type DeliveryReport } from '../core/delivery.ts';
import { currentPeriod } from '#schemas/core/calendar.ts';
import { summaryToXlsx } from '../outputs/xlsx.ts';
import { summaryFileName } from '../outputs/names.ts';
import type { Clock, DeliveryStore, Mailer } from '../core/ports.ts';
import { renderSummaryEmail } from '../outputs/summary-email.ts';
import type { ReportingService } from '../core/reporting.ts';
import { buildSummary, type PeriodSummary } from '../core/summary.ts';
import type { AnyForm } from '#schemas/core/form.ts';

export interface JobDeps {
  service: ReportingService;
  mailer: Mailer;
  clock: Clock;
  deliveries: DeliveryStore;
  /** Where the site lives, linked from the emails. */
  publicUrl: string;
}

export interface SummaryJobDeps extends JobDeps {
  /** Addresses per recipient key declared by forms. */
  recipients: Record<string, string[]>;
}

export interface JobEvent {
  formId: string;
  /** Defaults to the form's period (one-off) or today in Vietnam (daily). */
  period?: string;
  /**
   * A deliberate extra edition (an official asking for the summary again):
   * its own exactly-once key, so it is neither blocked by nor blocks the scheduled one.
   */
  edition?: string;
}

export interface SummaryJobResult {
  summary: PeriodSummary;
  to: string[];
  subject: string;
  delivery: DeliveryReport;
}

export class RecipientsNotConfiguredError extends Error {
  readonly code = 'RECIPIENTS_NOT_CONFIGURED';
}

/** The period a job acts on when the schedule does not say. */
export function jobPeriod(form: AnyForm, event: JobEvent, now: Date): string {
  return event.period ?? currentPeriod(form.period, now);
}

/** The officials' page for a form and period. */
export function dashboardUrl(publicUrl: string, formId: string, period: string): string {
  return new URL(`/bang-dieu-khien/${formId}/?ky=${period}`, publicUrl).toString();
}

export function createSummaryJob(deps: SummaryJobDeps) {
  return async function runSummaryJob(event: JobEvent): Promise<SummaryJobResult> {
    const now = deps.clock.now();
    const form = deps.service.form(event.formId);
    const period = jobPeriod(form, event, now);
    const to = form.summary.recipients.flatMap((r) => deps.recipients[r.key] ?? []);
    if (to.length === 0) {
      throw new RecipientsNotConfiguredError(`no addresses for ${form.summary.recipients.map((r) => r.key).join(', ')} (form ${form.id})`);
    }
    const summary = await buildSummary(deps.service, form.id, period, now);
    const filename = summaryFileName(summary, 'xlsx');
    const email = renderSummaryEmail(summary, { dashboardUrl: dashboardUrl(deps.publicUrl, form.id, period), attachment: filename });
    const xlsx = await summaryToXlsx(summary);
    const attachment = {
      filename,
      content: xlsx,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    const job = event.edition ? `summary@${event.edition}` : 'summary';
    const delivery = await deliverOnce({ ...deps, messageIdDomain: new URL(deps.publicUrl).hostname }, { job, formId: form.id, period }, to, () => ({ ...email, attachments: [attachment] }));
    return { summary, to, subject: email.subject, delivery };
  };
}
