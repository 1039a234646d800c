/**
 * Sends mail with nodemailer over any transport it is given: SMTP to the local
 * sink here, SES in production. Takes its transport and sender in the constructor.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from '../../core/ports.ts';
import { DELIVERY_ID_HEADER, SES_CLIENT_LIMITS } from './ses-mailer.ts';

export class NodemailerMailer implements Mailer {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(transport: Transporter, from: string) {
    this.transport = transport;
    this.from = from;
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      ...(message.attachments ? { attachments: message.attachments } : {}),
      // SMTP keeps it; SES replaces Message-ID with its own, so the header below carries it there.
      ...(message.messageId ? { messageId: message.messageId, headers: { [DELIVERY_ID_HEADER]: message.messageId } } : {}),
    });
    return { messageId: info.messageId };
  }
}

/** A mailer for a plain SMTP server without TLS or auth, such as the local sink. */
export function createSmtpMailer(options: { host: string; port: number; from: string }): NodemailerMailer {
  return new NodemailerMailer(
    nodemailer.createTransport({ host: options.host, port: options.port, secure: false, ignoreTLS: true }),
    options.from,
  );
}

/** A mailer that sends through Amazon SES (v2 API) with nodemailer's SES transport. */
export function createSesMailer(options: { region: string; from: string }): NodemailerMailer {
  const sesClient = new SESv2Client({ region: options.region, ...SES_CLIENT_LIMITS });
  return new NodemailerMailer(nodemailer.createTransport({ SES: { sesClient, SendEmailCommand } }), options.from);
}
