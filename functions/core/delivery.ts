/**
 * Exactly-once email per (job, form, period, recipient): a job may run twice or
 * be retried after a partial failure; a recipient already mailed is skipped, a
 * failed one is tried again. The one window no store can close (the mail server
 * accepted, then the record of it failed) is narrowed by a Message-ID that is the
 * same on every resend of one delivery, so mail servers and clients can drop the copy.
 */
import { createHash } from 'node:crypto';
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
 * The Message-ID of one delivery: derived from (job with its edition, form,
 * period, recipient) only, so a resend after a crash carries the same one.
 * @example deliveryMessageId({ job: 'summary', formId: '971-nhan-luc-y-te', period: '2021-07-20', recipient: 'a@b.vn' }, 'baocao.gov.vn')
 * // '<3f…@baocao.gov.vn>'
 */
export function deliveryMessageId(key: DeliveryKey, domain: string): string {
  const hash = createHash('sha256').update(JSON.stringify([key.job, key.formId, key.period, key.recipient])).digest('hex');
  return `<${hash.slice(0, 40)}@${domain}>`;
}

/**
 * Sends one message per recipient, each at most once.
 * @throws DeliveryFailedError after trying everyone, when any send failed
 * @throws the store's error when recording a claim or a sent mail fails: the run
 *   stops, and a sent-but-unrecorded mail stays claimed until its lease lapses
 */
export async function deliverOnce(
  deps: { deliveries: DeliveryStore; mailer: Mailer; clock: Clock; messageIdDomain: string },
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
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.send({ to: [recipient], ...(await message(recipient)), messageId: deliveryMessageId(k, deps.messageIdDomain) }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await deps.deliveries.markFailed(k, reason.slice(0, 500), deps.clock.now());
      report.failed.push({ recipient, reason });
      continue;
    }
    // Not in the try above: the mail is out, so a failure to record it must not
    // mark it failed (that would resend at once); the claim's lease decides.
    await deps.deliveries.markSent(k, messageId, deps.clock.now());
    report.sent.push(recipient);
  }
  if (report.failed.length > 0) {
    throw new DeliveryFailedError(`${key.job} ${key.formId}/${key.period}: ${report.failed.map((f) => `${f.recipient} (${f.reason})`).join(', ')}`, {
      cause: report,
    });
  }
  return report;
}
