/**
 * Renders a summary as an email a ministry official reads in any client:
 * HTML with inline styles and plain tables (no scripts, no external assets)
 * plus a plain-text alternative. Everything from data is HTML-escaped.
 */
import type { Cell, SummaryFigure, SummaryTable } from '#schemas/core/form.ts';
import { formatCell, formatDateTime, formatPercent, formatPeriod, STATUS_WORDS } from '#schemas/core/format.ts';
import { formatDeadline } from '#schemas/core/format-deadline.ts';
import type { PeriodSummary } from '../core/summary.ts';
import { escapeHtml, type RenderedEmail } from './html.ts';


function formatFigure(figure: SummaryFigure): string {
  return formatCell(figure.value, figure.kind ?? 'integer');
}

/** Text cells on one line, so a typed line break cannot split a row of the plain-text table. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' / ');

const TD = 'border:1px solid #c8ccd2;padding:4px 8px;';

function tableHtml(table: SummaryTable): string {
  const head = table.columns
    .map((c) => `<th style="${TD}background:#eef1f5;text-align:left;">${escapeHtml(c.label.vi)}</th>`)
    .join('');
  const row = (cells: Record<string, Cell>, bold: boolean) =>
    `<tr>${table.columns
      .map((c) => {
        const align = c.kind === 'text' ? '' : 'text-align:right;';
        const weight = bold ? 'font-weight:bold;' : '';
        return `<td style="${TD}${align}${weight}">${escapeHtml(formatCell(cells[c.key], c.kind))}</td>`;
      })
      .join('')}</tr>`;
  const body = table.rows.map((r) => row(r, false)).join('');
  const total = table.total ? row(table.total, true) : '';
  return `<h2 style="font-size:16px;margin:20px 0 8px;">${escapeHtml(table.title.vi)}</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;font-size:13px;">
<thead><tr>${head}</tr></thead><tbody>${body}${total}</tbody></table>`;
}

function tableText(table: SummaryTable): string {
  const rows = [...table.rows, ...(table.total ? [table.total] : [])];
  const cells = [
    table.columns.map((c) => c.label.vi),
    ...rows.map((r) => table.columns.map((c) => oneLine(formatCell(r[c.key], c.kind)))),
  ];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((v, i) => (table.columns[i]!.kind === 'text' ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ').trimEnd();
  const [head, ...body] = cells;
  return [table.title.vi.toUpperCase(), line(head!), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)].join('\n');
}

/**
 * @example renderSummaryEmail(summary, { dashboardUrl: 'http://localhost:8080/' }).subject
 * // '[971/TTg-KGVX] Tổng nhu cầu: 1.234 — 58/63 tỉnh, thành phố đã báo cáo'
 */
export function renderSummaryEmail(summary: PeriodSummary, options: { dashboardUrl: string }): RenderedEmail {
  const { headline, tables } = summary;
  const key = summary.content.figures[0];
  const subject = [
    `[${summary.directive.number}]`,
    key ? `${key.label.vi}: ${formatFigure(key)} —` : '',
    headline,
  ]
    .filter(Boolean)
    .join(' ');
  const { onTime, late, missing, rows } = summary.completeness;
  const facts = [
    `Kỳ báo cáo: ${formatPeriod(summary.period)}`,
    `Hạn nộp: ${formatDeadline(summary.deadline)} (giờ Việt Nam)`,
    `Tổng hợp lúc: ${formatDateTime(summary.generatedAt)}`,
    `${headline}: ${onTime} đúng hạn, ${late} muộn, ${missing} chưa báo cáo`,
    `Tỷ lệ đã báo cáo: ${formatPercent(summary.rates.reportedRate)}; đúng hạn: ${formatPercent(summary.rates.onTimeRate)}`,
  ];
  // At the deadline the issuer's first question: who has not reported.
  const missingNames = rows.filter((r) => r.status === 'missing').map((r) => r.unit.name);
  const missingLine = missingNames.length ? `${STATUS_WORDS.missing} (${missingNames.length}): ${missingNames.join(', ')}` : 'Tất cả đơn vị đã báo cáo.';
  const figures = summary.content.figures.map((f) => `${f.label.vi}: ${formatFigure(f)}`);

  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1b1f24;margin:0;padding:16px;">
<p style="margin:0 0 4px;color:#555;">${escapeHtml(summary.directive.issuerName.vi)} — Văn bản số ${escapeHtml(summary.directive.number)}</p>
<h1 style="font-size:20px;margin:0 0 12px;">${escapeHtml(summary.formTitle.vi)}</h1>
<ul style="padding-left:18px;margin:0 0 12px;">${facts.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>
<p style="margin:0 0 12px;padding:8px 12px;background:#fff4e5;border-left:4px solid #b35c00;">${escapeHtml(missingLine)}</p>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;margin:8px 0;"><tr>${summary.content.figures
    .map(
      (f) =>
        `<td style="border:1px solid #c8ccd2;padding:8px 12px;"><div style="font-size:12px;color:#555;">${escapeHtml(f.label.vi)}</div><div style="font-size:20px;font-weight:bold;">${escapeHtml(formatFigure(f))}</div></td>`,
    )
    .join('')}</tr></table>
${tables.map(tableHtml).join('\n')}
<p style="margin-top:20px;"><a href="${escapeHtml(options.dashboardUrl)}">Xem chi tiết trên hệ thống báo cáo</a></p>
</body></html>`;

  const text = [
    `${summary.directive.issuerName.vi} — Văn bản số ${summary.directive.number}`,
    summary.formTitle.vi,
    '',
    ...facts,
    missingLine,
    '',
    ...figures,
    '',
    ...tables.map(tableText).flatMap((t) => [t, '']),
    `Xem chi tiết: ${options.dashboardUrl}`,
  ].join('\n');

  return { subject, html, text };
}
