/**
 * The emails of a round: to a unit's reporters when a round (or a relay)
 * asks them for a report, and when an official returns their answer for
 * correction. What is asked, by when (Vietnam time, the end of a day said as
 * such) and where to answer.
 */
import type { AnyForm } from '#schemas/core/form.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import { formatDeadline } from '#schemas/core/format-deadline.ts';
import { formatDate, formatPeriod } from '#schemas/core/format.ts';
import { listPeriods } from '#schemas/core/period.ts';
import type { Round } from '../core/rounds.ts';
import { escapeHtml, type RenderedEmail } from './html.ts';

export interface RoundEmail {
  round: Round;
  form: AnyForm;
  unitName: string;
  issuerName: string;
  /** The form page, for the round's first period. */
  link: string;
  relay?: boolean;
  /** Set when an official returned the unit's answer. */
  returned?: { note: string; by: string };
}

/**
 * @example renderRoundEmail({ round, form, unitName: 'Tỉnh Lai Châu', issuerName: 'Bộ Y tế', link }).subject
 * // '[971/TTg-KGVX] Bộ Y tế đề nghị báo cáo: Thống kê nhân lực y tế … — hạn 17:00 03/12/2026'
 */
export function renderRoundEmail(e: RoundEmail): RenderedEmail {
  const { round, form } = e;
  const first = listPeriods(round.period)[0]!;
  const deadline = formatDeadline(deadlineOf(round.period, first));
  const when =
    round.period.kind === 'once'
      ? `Kỳ báo cáo: ${formatPeriod(round.period.period)}. Hạn nộp: ${deadline} (giờ Việt Nam).`
      : `Báo cáo hằng ngày từ ${formatDate(round.period.from)} đến ${formatDate(round.period.to)}, hạn ${round.period.deadlineTime} mỗi ngày (giờ Việt Nam).`;
  const lines = e.returned
    ? [
        `${e.issuerName} trả lại báo cáo "${form.title.vi}" (${form.directive.number}) của ${e.unitName} để sửa.`,
        `Nội dung cần sửa: ${e.returned.note}`,
        `Người trả lại: ${e.returned.by}.`,
        when,
      ]
    : [
        `${e.issuerName} ${e.relay ? 'chuyển tiếp và ' : ''}đề nghị ${e.unitName} báo cáo "${form.title.vi}" (theo văn bản ${form.directive.number} của ${form.directive.issuerName.vi}).`,
        when,
      ];
  const subject = e.returned
    ? `[${form.directive.number}] Báo cáo được trả lại để sửa — ${e.unitName}`
    : `[${form.directive.number}] ${e.issuerName} đề nghị báo cáo: ${form.title.vi} — hạn ${round.period.kind === 'once' ? deadline : `${round.period.deadlineTime} hằng ngày`}`;
  return {
    subject,
    text: [...lines, `Nộp báo cáo tại: ${e.link}`].join('\n'),
    html: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,Helvetica,sans-serif">${lines
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('')}<p><a href="${escapeHtml(e.link)}">Nộp báo cáo</a></p></body></html>`,
  };
}
