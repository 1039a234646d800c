/**
 * The reminder job: before a deadline, each reporter of a unit that has not
 * reported gets one email (exactly once per form and period).
 */
import { formatDateTime } from '#schemas/core/format.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import { deliverOnce, type DeliveryReport } from '../core/delivery.ts';
import type { AuthStore } from '../core/ports.ts';
import { escapeHtml } from '../core/render-email.ts';
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
    const deadline = formatDateTime(deadlineOf(form.period, period));
    const link = new URL(`/bao-cao/${form.id}/`, deps.publicUrl).toString();

    const delivery = await deliverOnce({ ...deps, messageIdDomain: new URL(deps.publicUrl).hostname }, { job: 'reminder', formId: form.id, period }, users.map((u) => u.email), (recipient) => {
      const unit = unitOf.get(recipient)!;
      const lines = [
        `${unit.name} chưa nộp báo cáo "${form.title.vi}" (${form.directive.number}), kỳ ${period}.`,
        `Hạn nộp: ${deadline} (giờ Việt Nam).`,
        `Nộp báo cáo tại: ${link}`,
      ];
      return {
        subject: `[Nhắc hạn ${deadline}] ${form.directive.number} — ${unit.name} chưa nộp báo cáo`,
        text: lines.join('\n'),
        html: `<!doctype html><html lang="vi"><body style="font-family:Arial,Helvetica,sans-serif">${lines
          .slice(0, 2)
          .map((l) => `<p>${escapeHtml(l)}</p>`)
          .join('')}<p><a href="${escapeHtml(link)}">Nộp báo cáo</a></p></body></html>`,
      };
    });
    return { period, missingUnits: missing.map((u) => u.code), delivery };
  };
}
