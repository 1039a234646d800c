/**
 * A small SES mailer for plain messages (login codes): SES builds the MIME
 * itself, and the AWS SDK comes with the Lambda runtime, so the API bundle stays
 * small. The SES client is loaded on the first message, not at cold start: only
 * `/auth/code` mails, and a submit should not pay for loading it. Messages with
 * attachments go through nodemailer (jobs).
 */
import type { SESv2Client, SendEmailCommandInput } from '@aws-sdk/client-sesv2';
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
const ASCII = /^[\x20-\x7e]*$/;
/** `Name <addr>` or `"Name" <addr>`, the quoted name possibly with quoted-pairs. */
const NAME_ADDR = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^"<]*?))\s*<([^<>\s]+)>\s*$/;
/** 45 bytes of UTF-8 make 60 base64 characters: with `=?UTF-8?B?` and `?=`, under RFC 2047's 75 per word. */
const WORD_BYTES = 45;

/**
 * The sender as SES takes it in `FromEmailAddress`: ASCII only, so a
 * non-ASCII display name goes as RFC 2047 encoded-words (SES garbles or refuses
 * it raw). Words break between characters, never inside one, and readers join
 * adjacent encoded-words without the space between them.
 * @example encodeSender('"Hệ thống" <a@b.vn>') // '=?UTF-8?B?SOG7hyB0aOG7kW5n?= <a@b.vn>'
 */
export function encodeSender(from: string): string {
  if (ASCII.test(from)) return from;
  const match = NAME_ADDR.exec(from);
  if (!match) throw new Error(`sender ${JSON.stringify(from)} is neither an address nor "Name" <address>`);
  const [, quoted, bare, address] = match;
  if (!ASCII.test(address!)) throw new Error(`sender address ${address} must be ASCII (a punycode domain) for SES`);
  const name = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : bare!;
  const words: string[] = [];
  let chunk = '';
  for (const char of name) {
    if (Buffer.byteLength(chunk + char) > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return `${words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(' ')} <${address}>`;
}

/** Pure request building, tested without a network. */
export function sendEmailRequest(from: string, message: MailMessage): SendEmailCommandInput {
  if (message.attachments?.length) throw new Error('SesSimpleMailer sends no attachments; use the nodemailer mailer');
  const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
  return {
    FromEmailAddress: encodeSender(from),
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
  private readonly region: string;
  private readonly from: string;
  private sdk: Promise<{ client: SESv2Client; SendEmailCommand: typeof import('@aws-sdk/client-sesv2').SendEmailCommand }> | undefined;

  constructor(options: { region: string; from: string }) {
    this.region = options.region;
    // A sender that cannot be encoded stops the cold start rather than every sign-in.
    this.from = encodeSender(options.from);
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    this.sdk ??= import('@aws-sdk/client-sesv2').then(({ SESv2Client, SendEmailCommand }) => ({
      client: new SESv2Client({ region: this.region, ...SES_CLIENT_LIMITS }),
      SendEmailCommand,
    }));
    const { client, SendEmailCommand } = await this.sdk.catch((error: unknown) => {
      this.sdk = undefined;
      throw error;
    });
    const out = await client.send(new SendEmailCommand(sendEmailRequest(this.from, message)));
    return { messageId: out.MessageId ?? '' };
  }
}
