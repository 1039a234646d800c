/**
 * The reminder job: before a deadline, each reporter of a unit that has not
 * reported gets one email (exactly once per form and period).
 */
import { formatDeadline } from '#schemas/core/format-deadline.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import { deliverOnce, type DeliveryReport } from '../core/delivery.ts';
import type { AuthStore } from '../core/ports.ts';
import { renderReminderEmail } from '../outputs/reminder-email.ts';
import { jobPeriod, type JobDeps, type JobEvent } from './summary-job.ts';

export interface ReminderResult {
  period: string;
  missingUnits: string[];
  delivery: DeliveryReport;
}

export function createReminderJob(deps: JobDeps & { users: Pick<AuthStore, 'listUsers'> }) {
  return async function runReminderJob(event: JobEvent): Promise<ReminderResult> {
    const form = deps.service.form(event.formId);
    const period = jobPeriod(form, event, deps.clock.now());
    const reported = new Set((await deps.service.currentSubmissions(form.id, period)).records.map((r) => r.orgUnit));
    const missing = (await deps.service.reporters(form.id)).filter((u) => !reported.has(u.code));
    const byUnit = new Map(missing.map((u) => [u.code, u]));
    const users = (await deps.users.listUsers()).filter((u) => u.status === 'active' && u.role === 'reporter' && byUnit.has(u.unit));
    const unitOf = new Map(users.map((u) => [u.email, byUnit.get(u.unit)!]));
    const deadline = formatDeadline(deadlineOf(form.period, period));
    const link = new URL(`/bao-cao/${form.id}/`, deps.publicUrl).toString();

    const delivery = await deliverOnce({ ...deps, messageIdDomain: new URL(deps.publicUrl).hostname }, { job: 'reminder', formId: form.id, period }, users.map((u) => u.email), (recipient) => {
      const unit = unitOf.get(recipient)!;
      return renderReminderEmail({ unitName: unit.name, formTitle: form.title.vi, directiveNumber: form.directive.number, period, deadline, link });
    });
    return { period, missingUnits: missing.map((u) => u.code), delivery };
  };
}
