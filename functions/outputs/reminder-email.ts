/** The reminder a reporter gets before a deadline their unit has not met. */
import { formatPeriod } from '#schemas/core/format.ts';
import { escapeHtml, type RenderedEmail } from './html.ts';

export interface Reminder {
  unitName: string;
  formTitle: string;
  directiveNumber: string;
  period: string;
  /** Already in words, e.g. "17:00 20/07/2021". */
  deadline: string;
  /** The form page. */
  link: string;
}

/**
 * @example renderReminderEmail({ unitName: 'Tỉnh Bình Phước', ... }).subject // '[Nhắc hạn 17:00 20/07/2021] 971/TTg-KGVX — Tỉnh Bình Phước chưa nộp báo cáo'
 */
export function renderReminderEmail(r: Reminder): RenderedEmail {
  const lines = [
    `${r.unitName} chưa nộp báo cáo "${r.formTitle}" (${r.directiveNumber}), kỳ ${formatPeriod(r.period)}.`,
    `Hạn nộp: ${r.deadline} (giờ Việt Nam).`,
    `Nộp báo cáo tại: ${r.link}`,
  ];
  return {
    subject: `[Nhắc hạn ${r.deadline}] ${r.directiveNumber} — ${r.unitName} chưa nộp báo cáo`,
    text: lines.join('\n'),
    html: `<!doctype html><html lang="vi"><body style="font-family:Arial,Helvetica,sans-serif">${lines
      .slice(0, 2)
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('')}<p><a href="${escapeHtml(r.link)}">Nộp báo cáo</a></p></body></html>`,
  };
}
