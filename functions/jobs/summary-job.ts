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
import type { Round } from '../core/rounds.ts';

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
  /** The round (a form's id names its seed round). */
  roundId?: string;
  /** The form's seed round, as schedules and commands named it before rounds. */
  formId?: string;
  /** Defaults to the round's period (one-off) or today in Vietnam (daily). */
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
export function jobPeriod(round: Pick<Round, 'period'>, event: JobEvent, now: Date): string {
  return event.period ?? currentPeriod(round.period, now);
}

/** The round a job event names, read afresh: a job runs what is stored now (an extension made a second ago included). */
export function jobRound(service: ReportingService, event: JobEvent): Promise<Round> {
  service.forgetRounds();
  return service.round(event.roundId ?? event.formId ?? '');
}

/** The officials' page for a round and period (a seed round's is its form's). */
export function dashboardUrl(publicUrl: string, round: Pick<Round, 'id' | 'formId'>, period: string): string {
  return new URL(`/bang-dieu-khien/${round.formId}/?ky=${period}${round.id === round.formId ? '' : `&dot=${round.id}`}`, publicUrl).toString();
}

export function createSummaryJob(deps: SummaryJobDeps) {
  return async function runSummaryJob(event: JobEvent): Promise<SummaryJobResult> {
    const now = deps.clock.now();
    const round = await jobRound(deps.service, event);
    const period = jobPeriod(round, event, now);
    // The recipients chosen when the round was opened: platform users, and configured keys' addresses.
    const to = [...new Set([...round.recipients.users, ...round.recipients.keys.flatMap((key) => deps.recipients[key] ?? [])])];
    if (to.length === 0) {
      throw new RecipientsNotConfiguredError(`no addresses for ${round.recipients.keys.join(', ') || 'no keys'} (round ${round.id})`);
    }
    const summary = await buildSummary(deps.service, round.id, period, now);
    const filename = summaryFileName(summary, 'xlsx');
    const email = renderSummaryEmail(summary, { dashboardUrl: dashboardUrl(deps.publicUrl, round, period), attachment: filename });
    const xlsx = await summaryToXlsx(summary);
    const attachment = {
      filename,
      content: xlsx,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    const job = event.edition ? `summary@${event.edition}` : 'summary';
    // Keyed by round: a relay's summary for the same period is another delivery.
    const delivery = await deliverOnce({ ...deps, messageIdDomain: new URL(deps.publicUrl).hostname }, { job, formId: round.id, period }, to, () => ({ ...email, attachments: [attachment] }));
    return { summary, to, subject: email.subject, delivery };
  };
}
