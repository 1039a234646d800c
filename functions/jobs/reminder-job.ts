/**
 * The reminder job: before a deadline, each reporter of a unit that has not
 * reported gets one email (exactly once per form and period).
 */
import { formatDeadline } from '#schemas/core/format-deadline.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import { deliverOnce, type DeliveryReport } from '../core/delivery.ts';
import type { AuthStore } from '../core/ports.ts';
import { formLink } from '../core/rounds.ts';
import { renderReminderEmail } from '../outputs/reminder-email.ts';
import { jobPeriod, jobRound, type JobDeps, type JobEvent } from './summary-job.ts';

export interface ReminderResult {
  period: string;
  missingUnits: string[];
  delivery: DeliveryReport;
}

export function createReminderJob(deps: JobDeps & { users: Pick<AuthStore, 'listUsers'> }) {
  return async function runReminderJob(event: JobEvent): Promise<ReminderResult> {
    const round = await jobRound(deps.service, event);
    const form = deps.service.form(round.formId);
    const period = jobPeriod(round, event, deps.clock.now());
    const reported = new Set((await deps.service.currentSubmissions(round.id, period)).records.map((r) => r.orgUnit));
    const missing = (await deps.service.reporters(round.id)).filter((u) => !reported.has(u.code));
    const byUnit = new Map(missing.map((u) => [u.code, u]));
    const users = (await deps.users.listUsers()).filter((u) => u.status === 'active' && u.role === 'reporter' && byUnit.has(u.unit));
    const unitOf = new Map(users.map((u) => [u.email, byUnit.get(u.unit)!]));
    const deadline = formatDeadline(deadlineOf(round.period, period));
    const link = formLink(deps.publicUrl, round, period);

    const delivery = await deliverOnce({ ...deps, messageIdDomain: new URL(deps.publicUrl).hostname }, { job: 'reminder', formId: round.id, period }, users.map((u) => u.email), (recipient) => {
      const unit = unitOf.get(recipient)!;
      return renderReminderEmail({ unitName: unit.name, formTitle: form.title.vi, directiveNumber: form.directive.number, period, deadline, link });
    });
    return { period, missingUnits: missing.map((u) => u.code), delivery };
  };
}
