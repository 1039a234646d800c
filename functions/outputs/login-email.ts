/** The sign-in code email. */
import { formatDateTime } from '#schemas/core/format.ts';
import { escapeHtml, type RenderedEmail } from './html.ts';

/**
 * @example renderLoginEmail('123456', new Date('2021-07-20T10:10:00Z')).subject // 'Mã đăng nhập hệ thống báo cáo: 123456'
 */
export function renderLoginEmail(code: string, expiresAt: Date): RenderedEmail {
  const until = formatDateTime(expiresAt);
  return {
    subject: `Mã đăng nhập hệ thống báo cáo: ${code}`,
    text: `Mã đăng nhập của bạn là ${code}.\nMã dùng được một lần, đến ${until} (giờ Việt Nam).\nNếu bạn không yêu cầu mã này, hãy bỏ qua thư.`,
    html: `<p>Mã đăng nhập của bạn là <strong style="font-size:20px;letter-spacing:2px">${escapeHtml(code)}</strong>.</p><p>Mã dùng được một lần, đến ${escapeHtml(until)} (giờ Việt Nam).</p><p>Nếu bạn không yêu cầu mã này, hãy bỏ qua thư.</p>`,
  };
}
