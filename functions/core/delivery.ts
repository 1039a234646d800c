/**
 * Exactly-once email per (job, form, period, recipient): a job may run twice or
 * be retried after a partial failure; a recipient already mailed is skipped, a
 * failed one is tried again.
 */
import { DeliveryFailedError } from './errors.ts';
import type { Clock, DeliveryKey, DeliveryStore, MailMessage, Mailer } from './ports.ts';

/** How long a claim holds before another run may take over a send that never finished. */
export const CLAIM_LEASE_MS = 10 * 60_000;

export interface DeliveryReport {
  sent: string[];
  skipped: string[];
  failed: Array<{ recipient: string; reason: string }>;
}

/**
 * Sends one message per recipient, each at most once.
 * @throws DeliveryFailedError after trying everyone, when any send failed
 */
export async function deliverOnce(
  deps: { deliveries: DeliveryStore; mailer: Mailer; clock: Clock },
  key: Omit<DeliveryKey, 'recipient'>,
  recipients: string[],
  message: (recipient: string) => Promise<Omit<MailMessage, 'to'>> | Omit<MailMessage, 'to'>,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: [], skipped: [], failed: [] };
  for (const recipient of [...new Set(recipients.map((r) => r.trim().toLowerCase()))]) {
    const k = { ...key, recipient };
    const now = deps.clock.now();
    if (!(await deps.deliveries.claim(k, now, new Date(now.getTime() + CLAIM_LEASE_MS)))) {
      report.skipped.push(recipient);
      continue;
    }
    try {
      const { messageId } = await deps.mailer.send({ to: [recipient], ...(await message(recipient)) });
      await deps.deliveries.markSent(k, messageId, deps.clock.now());
      report.sent.push(recipient);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await deps.deliveries.markFailed(k, reason.slice(0, 500), deps.clock.now());
      report.failed.push({ recipient, reason });
    }
  }
  if (report.failed.length > 0) {
    throw new DeliveryFailedError(`${key.job} ${key.formId}/${key.period}: ${report.failed.map((f) => `${f.recipient} (${f.reason})`).join(', ')}`, {
      cause: report,
    });
  }
  return report;
}
