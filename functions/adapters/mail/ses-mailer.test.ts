import { simpleParser } from 'mailparser';
import { describe, expect, test } from 'vitest';
import { encodeSender, sendEmailRequest } from './ses-mailer.ts';

/** How a mail reader shows a From header: name and address, decoded by a real MIME parser. */
async function readFrom(header: string): Promise<{ name: string; address: string | undefined }> {
  const mail = await simpleParser(`From: ${header}\r\nSubject: x\r\n\r\nx\r\n`);
  const [from] = mail.from!.value;
  return { name: from!.name, address: from!.address };
}

describe('SES request for a plain message', () => {
  test('carries sender, recipients, UTF-8 subject, text and HTML', () => {
    expect(sendEmailRequest('He thong <bao-cao@syt.gov.vn>', { to: ['lan@soyte79.vn'], subject: 'Mã đăng nhập: 123456', text: 'Mã 123456', html: '<p>Mã</p>' })).toEqual({
      FromEmailAddress: 'He thong <bao-cao@syt.gov.vn>',
      Destination: { ToAddresses: ['lan@soyte79.vn'] },
      Content: {
        Simple: {
          Subject: { Data: 'Mã đăng nhập: 123456', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Mã 123456', Charset: 'UTF-8' }, Html: { Data: '<p>Mã</p>', Charset: 'UTF-8' } },
        },
      },
    });
  });

  test('a delivery id travels in its own header, since SES replaces any Message-ID', () => {
    const request = sendEmailRequest('a@b.vn', { to: ['c@d.vn'], subject: 's', text: 't', html: 'h', messageId: '<abc@baocao.gov.vn>' });
    expect(request.Content?.Simple?.Headers).toEqual([{ Name: 'X-BaoCao-Delivery-Id', Value: '<abc@baocao.gov.vn>' }]);
  });

  test('refuses attachments rather than dropping them', () => {
    expect(() =>
      sendEmailRequest('a@b.vn', { to: ['c@d.vn'], subject: 's', text: 't', html: 'h', attachments: [{ filename: 'x.xlsx', content: Buffer.from(''), contentType: 'x' }] }),
    ).toThrow(/no attachments/);
  });

  test('sends a Vietnamese sender name as RFC 2047 encoded-words, as SES requires', async () => {
    const { FromEmailAddress } = sendEmailRequest('"Hệ thống báo cáo" <bao-cao@syt.gov.vn>', { to: ['lan@soyte79.vn'], subject: 's', text: 't', html: 'h' });
    expect(FromEmailAddress).toMatch(/^(=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= ?)+ <bao-cao@syt\.gov\.vn>$/);
    expect(await readFrom(FromEmailAddress!)).toEqual({ name: 'Hệ thống báo cáo', address: 'bao-cao@syt.gov.vn' });
  });
});

describe('encodeSender', () => {
  test('leaves an ASCII sender as it is', () => {
    expect(encodeSender('bao-cao@syt.gov.vn')).toBe('bao-cao@syt.gov.vn');
    expect(encodeSender('"So Y te, TP HCM" <bao-cao@syt.gov.vn>')).toBe('"So Y te, TP HCM" <bao-cao@syt.gov.vn>');
  });

  test('an unquoted name and a quoted one with quoted-pairs read back the same', async () => {
    expect(await readFrom(encodeSender('Sở Y tế <a@b.vn>'))).toEqual({ name: 'Sở Y tế', address: 'a@b.vn' });
    expect(await readFrom(encodeSender('"Sở \\"Y tế\\", TP.HCM" <a@b.vn>'))).toEqual({ name: 'Sở "Y tế", TP.HCM', address: 'a@b.vn' });
  });

  test('a long name is split into words of at most 75 characters, never inside a character', async () => {
    const name = 'Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19 — Văn phòng thường trực tại Thành phố Hồ Chí Minh';
    const encoded = encodeSender(`"${name}" <bcd@example.gov.vn>`);
    const words = encoded.replace(/ <.*$/, '').split(' ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      // Each word alone is whole UTF-8: no replacement character when decoded by itself.
      expect(Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).not.toContain('\uFFFD');
    }
    expect(await readFrom(encoded)).toEqual({ name, address: 'bcd@example.gov.vn' });
  });

  test('refuses what it cannot encode instead of sending it garbled', () => {
    expect(() => encodeSender('Hệ thống bao-cao@syt.gov.vn')).toThrow(/neither an address nor/);
    expect(() => encodeSender('"Hệ thống" <bao-cao@sở-y-tế.vn>')).toThrow(/must be ASCII/);
  });
});
