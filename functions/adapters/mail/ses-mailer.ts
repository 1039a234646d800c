/**
 * A small SES mailer for plain messages (login codes): SES builds the MIME
 * itself, and the AWS SDK comes with the Lambda runtime, so the API bundle stays
 * small. Messages with attachments go through nodemailer (jobs).
 */
import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { MailMessage, Mailer } from '../../core/ports.ts';

/**
 * The delivery's own id, in a header of its own: SES overwrites any Message-ID
 * it is given, so on SES this is what identifies a resend of the same delivery.
 */
export const DELIVERY_ID_HEADER = 'X-BaoCao-Delivery-Id';

/** A stalled SES call fails in seconds (the API mails login codes while a user waits); two retries. */
export const SES_CLIENT_LIMITS = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
} as const;

/** Pure request building, tested without a network. */
export function sendEmailRequest(from: string, message: MailMessage): SendEmailCommandInput {
  if (message.attachments?.length) throw new Error('SesSimpleMailer sends no attachments; use the nodemailer mailer');
  const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: message.to },
    Content: {
      Simple: {
        Subject: utf8(message.subject),
        Body: { Text: utf8(message.text), Html: utf8(message.html) },
        ...(message.messageId ? { Headers: [{ Name: DELIVERY_ID_HEADER, Value: message.messageId }] } : {}),
      },
    },
  };
}

export class SesSimpleMailer implements Mailer {
  private readonly client: SESv2Client;
  private readonly from: string;

  constructor(options: { region: string; from: string }) {
    this.client = new SESv2Client({ region: options.region, ...SES_CLIENT_LIMITS });
    this.from = options.from;
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const out = await this.client.send(new SendEmailCommand(sendEmailRequest(this.from, message)));
    return { messageId: out.MessageId ?? '' };
  }
}
