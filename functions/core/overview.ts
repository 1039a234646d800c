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
  title: Text;
  directive: { number: string; issuerName: Text };
  period: string;
  /** ISO instant. */
  deadline: string;
  status: ReportStatus;
  revision?: number;
}

export interface FollowedForm {
  id: string;
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
 * What the actor's unit must report now, earliest deadline first, with where each report stands.
 * @example const items = await listDue(service, actor, clock.now())
 */
export async function listDue(service: ReportingService, actor: Actor, now: Date): Promise<DueItem[]> {
  const { byCode } = await service.orgUnits();
  const forms = service.forms().filter((f) => access.writeSubmission(actor, f, actor.unit.code, byCode));
  const items = await Promise.all(
    forms.map(async (form): Promise<DueItem> => {
      const period = currentPeriod(form.period, now);
      const current = await service.submissionOrUndefined({ formId: form.id, period, orgUnit: actor.unit.code });
      const deadline = deadlineOf(form.period, period);
      return {
        formId: form.id,
        title: form.title,
        directive: { number: form.directive.number, issuerName: form.directive.issuerName },
        period,
        deadline: deadline.toISOString(),
        status: current ? timelinessOf(current.firstSubmittedAt, deadline) : 'missing',
        ...(current ? { revision: current.revision } : {}),
      };
    }),
  );
  return items.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/** The forms an official follows (issued at or below their unit), each with its latest rates. */
export async function listFollowed(service: ReportingService, actor: Actor, now: Date): Promise<FollowedForm[]> {
  const { byCode } = await service.orgUnits();
  const forms = service.forms().filter((f) => access.readSummary(actor, f, byCode));
  return Promise.all(
    forms.map(async (f) => ({
      id: f.id,
      title: f.title,
      directive: f.directive,
      period: f.period,
      periods: duePeriods(f.period, now),
      latest: await latestRates(service, f.id, now),
    })),
  );
}
