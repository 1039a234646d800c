/**
 * What a user sees first: the published forms, what their unit must report
 * now, and the forms an official follows with their latest rates. Use cases
 * over the reporting service; the API routes only hand them the session's user.
 */
import { currentPeriod, deadlineOf, duePeriods } from '#schemas/core/calendar.ts';
import type { Directive, ReporterSpec } from '#schemas/core/form.ts';
import type { Text } from '#schemas/core/i18n.ts';
import type { PeriodSpec } from '#schemas/core/period.ts';
import { timelinessOf, type ReportStatus } from './completeness.ts';
import { latestRates, type PeriodRates } from './dashboard.ts';
import type { ReportingService } from './reporting.ts';
import { access, type Actor } from './users.ts';

export interface FormListItem {
  id: string;
  version: number;
  title: Text;
  directive: Directive;
  period: PeriodSpec;
  reporters: ReporterSpec;
  /** ISO instant of the one deadline; null for daily forms, which have one per day. */
  deadline: string | null;
}

export interface DueItem {
  formId: string;
  /** The round asking (a form's id names its seed round). */
  roundId: string;
  /** The round's periods and deadlines: the form page asks for this round's period. */
  periodSpec: PeriodSpec;
  title: Text;
  directive: { number: string; issuerName: Text };
  period: string;
  /** ISO instant. */
  deadline: string;
  status: ReportStatus;
  revision?: number;
  /** An official's last act on the answer: `returned` with what to correct, `accepted`. */
  review?: { state: 'returned' | 'accepted' | 'reopened'; note?: string; by?: string; at?: string };
}

export interface FollowedForm {
  /** The form's id. */
  id: string;
  /** The round followed (a form's id names its seed round); its dashboard is `/bang-dieu-khien/<id>/?dot=<roundId>`. */
  roundId: string;
  issuer: string;
  parent?: string;
  title: Text;
  directive: Directive;
  period: PeriodSpec;
  periods: string[];
  latest: PeriodRates;
}

/** Every registered form: forms are published documents. */
export function listForms(service: ReportingService): FormListItem[] {
  return service.forms().map((f) => ({
    id: f.id,
    version: f.version,
    title: f.title,
    directive: f.directive,
    period: f.period,
    reporters: f.reporters,
    deadline: f.period.kind === 'once' ? deadlineOf(f.period, f.period.period).toISOString() : null,
  }));
}

/**
 * What the actor's unit must report now, in every open round it answers, earliest deadline first, with where
 * each report stands.
 * @example const items = await listDue(service, actor, clock.now())
 */
export async function listDue(service: ReportingService, actor: Actor, now: Date): Promise<DueItem[]> {
  const { byCode } = await service.orgUnits();
  const rounds = (await service.rounds()).filter((r) => r.status === 'open' && access.writeSubmission(actor, r, actor.unit.code, byCode));
  const items = await Promise.all(
    rounds.map(async (round): Promise<DueItem> => {
      const form = service.form(round.formId);
      const period = currentPeriod(round.period, now);
      const current = await service.submissionOrUndefined({ formId: form.id, period, orgUnit: actor.unit.code });
      const deadline = deadlineOf(round.period, period);
      return {
        formId: form.id,
        roundId: round.id,
        periodSpec: round.period,
        title: form.title,
        directive: { number: form.directive.number, issuerName: form.directive.issuerName },
        period,
        deadline: deadline.toISOString(),
        status: current ? timelinessOf(current.firstSubmittedAt, deadline) : 'missing',
        ...(current ? { revision: current.revision } : {}),
        ...(current?.review
          ? { review: { state: current.review, ...(current.reviewNote ? { note: current.reviewNote } : {}), ...(current.reviewedBy ? { by: current.reviewedBy } : {}), ...(current.reviewedAt ? { at: current.reviewedAt } : {}) } }
          : {}),
      };
    }),
  );
  return items.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/**
 * The rounds an official follows (issued at or below their unit), each with its latest rates; and, apart, the
 * rounds that reach their unit (to answer or relay).
 */
export async function listFollowed(service: ReportingService, actor: Actor, now: Date): Promise<FollowedForm[]> {
  const { byCode } = await service.orgUnits();
  const rounds = (await service.rounds()).filter((r) => access.readSummary(actor, r, byCode));
  return Promise.all(
    rounds.map(async (r) => {
      const f = service.form(r.formId);
      return {
        id: f.id,
        roundId: r.id,
        issuer: r.issuer,
        ...(r.parent ? { parent: r.parent } : {}),
        title: f.title,
        directive: f.directive,
        period: r.period,
        periods: duePeriods(r.period, now),
        latest: await latestRates(service, r.id, now),
      };
    }),
  );
}
