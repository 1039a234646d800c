import { describe, expect, test } from 'vitest';
import { sendEmailRequest } from './ses-mailer.ts';

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
});
