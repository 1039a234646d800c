/**
 * Renders a summary as an email a ministry official reads in any client, on
 * a phone too: HTML with inline styles (no scripts, no external assets) plus
 * a plain-text alternative. Everything from data is HTML-escaped.
 *
 * The email arrives whole (Gmail clips HTML past ~102 KB): it carries who has
 * not reported, who was late, the key figures and, of each of the form's
 * tables, at most EMAIL_ROWS rows (the largest by the table's `emailTop`
 * column, else the first) and the total, saying how many rows the XLSX
 * attachment holds. Data tables are real tables (`th scope`), each in its own
 * horizontally scrolling box; the plain text keeps within 100 columns.
 */
import type { Cell, SummaryColumn, SummaryFigure, SummaryTable } from '#schemas/core/form.ts';
import { formatCell, formatDateTime, formatDuration, formatPercent, formatPeriod, STATUS_WORDS } from '#schemas/core/format.ts';
import { formatDeadline } from '#schemas/core/format-deadline.ts';
import type { PeriodSummary } from '../core/summary.ts';
import { escapeHtml, type RenderedEmail } from './html.ts';
import { sheetNameOf } from './names.ts';

/** Rows of one table the email shows; the rest are in the attachment. */
export const EMAIL_ROWS = 15;
/** Characters of one text cell the email shows (a unit's narrative can run to pages). */
export const EMAIL_CELL_CHARS = 240;
/** Width of the plain-text alternative. */
export const TEXT_COLUMNS = 100;

function formatFigure(figure: SummaryFigure): string {
  return formatCell(figure.value, figure.kind ?? 'integer');
}

/** A cell as the email shows it: on one line (a typed break cannot split a text row), long text cut with "…". */
function emailCell(value: Cell | undefined, kind: SummaryColumn['kind']): string {
  const text = formatCell(value, kind).replace(/\s*[\r\n]+\s*/g, ' / ');
  return text.length > EMAIL_CELL_CHARS ? `${text.slice(0, EMAIL_CELL_CHARS - 1).trimEnd()}…` : text;
}

/** The column that names a row (read first by a screen reader): the unit's name, else the first column. */
function rowHeaderOf(table: SummaryTable): string | undefined {
  return (table.columns.find((c) => c.key === 'name') ?? table.columns[0])?.key;
}

interface Excerpt {
  table: SummaryTable;
  rows: SummaryTable['rows'];
  /** Said under the table when rows were left out. */
  note?: string;
}

/** What of a table the email shows, and the sentence that says where the rest is. */
function excerptOf(table: SummaryTable, attachment: string | undefined): Excerpt {
  if (table.rows.length <= EMAIL_ROWS) return { table, rows: table.rows };
  const top = table.columns.find((c) => c.key === table.emailTop && c.kind !== 'text');
  const ranked = top
    ? [...table.rows].sort((a, b) => (typeof b[top.key] === 'number' ? (b[top.key] as number) : -Infinity) - (typeof a[top.key] === 'number' ? (a[top.key] as number) : -Infinity))
    : table.rows;
  const which = top ? `${EMAIL_ROWS} dòng có «${top.label.vi}» lớn nhất` : `${EMAIL_ROWS} dòng đầu`;
  const where = attachment ? `trang «${sheetNameOf(table)}» của tệp đính kèm ${attachment}` : `trang «${sheetNameOf(table)}» của tệp XLSX`;
  return {
    table,
    rows: ranked.slice(0, EMAIL_ROWS),
    note: `Thư này chỉ nêu ${which} trong tổng số ${table.rows.length} dòng. Bảng đầy đủ ở ${where} và trên hệ thống báo cáo.`,
  };
}

const CELL = 'border:1px solid #c8ccd2;padding:4px 6px;vertical-align:top;';
const HEAD = `${CELL}background:#eef1f5;text-align:left;`;

function tableHtml({ table, rows, note }: Excerpt): string {
  const header = rowHeaderOf(table);
  const head = table.columns.map((c) => `<th scope="col" style="${HEAD}">${escapeHtml(c.label.vi)}</th>`).join('');
  const row = (cells: Record<string, Cell>, bold: boolean) =>
    `<tr>${table.columns
      .map((c) => {
        const style = `${c.key === header ? HEAD : CELL}${c.kind === 'text' ? '' : 'text-align:right;'}${bold ? 'font-weight:bold;' : ''}`;
        const tag = c.key === header ? 'th scope="row"' : 'td';
        return `<${tag} style="${style}">${escapeHtml(emailCell(cells[c.key], c.kind))}</${tag.slice(0, 2)}>`;
      })
      .join('')}</tr>`;
  const body = rows.map((r) => row(r, false)).join('');
  const total = table.total ? row(table.total, true) : '';
  return `<h2 style="font-size:16px;margin:20px 0 8px;">${escapeHtml(table.title.vi)}</h2>
${note ? `<p style="margin:0 0 8px;color:#444;">${escapeHtml(note)}</p>\n` : ''}<div role="region" aria-label="${escapeHtml(table.title.vi)}" tabindex="0" style="overflow-x:auto;max-width:100%;">
<table style="border-collapse:collapse;font-size:13px;">
<thead><tr>${head}</tr></thead><tbody>${body}${total}</tbody></table></div>`;
}

/**
 * Words wrapped to `width` columns, each line after the first indented; a
 * word longer than a line is split.
 * @example wrap('a b c', 3) // ['a b', 'c']
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  // Split at spaces only: a no-break space ("50,0 %") holds its words together.
  for (let word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    for (;;) {
      const lead = lines.length === 0 ? '' : indent;
      const candidate = line ? `${line} ${word}` : `${lead}${word}`;
      if (candidate.length <= width) {
        line = candidate;
        break;
      }
      if (line) {
        lines.push(line);
        line = '';
        continue;
      }
      // One word wider than the line: split it.
      const room = width - lead.length;
      lines.push(`${lead}${word.slice(0, room)}`);
      word = word.slice(room);
      if (!word) break;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** A table in plain text: aligned columns when they fit in 100 columns, else one block per row. */
function tableText({ table, rows, note }: Excerpt): string[] {
  const all = [...rows, ...(table.total ? [table.total] : [])];
  const title = wrap(table.title.vi.toUpperCase(), TEXT_COLUMNS);
  const notes = note ? wrap(note, TEXT_COLUMNS) : [];
  const cells = [table.columns.map((c) => c.label.vi), ...all.map((r) => table.columns.map((c) => emailCell(r[c.key], c.kind)))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const aligned = widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1);
  if (aligned <= TEXT_COLUMNS) {
    const line = (r: string[]) =>
      r.map((v, i) => (table.columns[i]!.kind === 'text' ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ').trimEnd();
    const [head, ...body] = cells;
    return [...title, ...notes, line(head!), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)];
  }
  const header = rowHeaderOf(table);
  const blocks = all.flatMap((r) => {
    const name = header ? emailCell(r[header], table.columns.find((c) => c.key === header)!.kind) : '';
    const pairs = table.columns.filter((c) => c.key !== header).map((c) => `${c.label.vi}: ${emailCell(r[c.key], c.kind)}`);
    return [...wrap(`• ${name}`, TEXT_COLUMNS, '  '), ...wrap(pairs.join('; '), TEXT_COLUMNS - 2).map((l) => `  ${l}`)];
  });
  return [...title, ...notes, ...blocks];
}

/**
 * @example renderSummaryEmail(summary, { dashboardUrl: 'http://localhost:8080/' }).subject
 * // '[971/TTg-KGVX] Tổng nhu cầu: 1.234 — 58/63 tỉnh, thành phố đã báo cáo'
 */
export function renderSummaryEmail(summary: PeriodSummary, options: { dashboardUrl: string; attachment?: string }): RenderedEmail {
  const { headline } = summary;
  const key = summary.content.figures[0];
  const subject = [`[${summary.directive.number}]`, key ? `${key.label.vi}: ${formatFigure(key)} —` : '', headline].filter(Boolean).join(' ');
  const { onTime, late, missing, rows } = summary.completeness;
  const facts = [
    `Kỳ báo cáo: ${formatPeriod(summary.period)}`,
    `Hạn nộp: ${formatDeadline(summary.deadline)} (giờ Việt Nam)`,
    `Tổng hợp lúc: ${formatDateTime(summary.generatedAt)}`,
    `${headline}: ${onTime} đúng hạn, ${late} muộn, ${missing} chưa báo cáo`,
    `Tỷ lệ đã báo cáo: ${formatPercent(summary.rates.reportedRate)}; đúng hạn: ${formatPercent(summary.rates.onTimeRate)}`,
  ];
  // At the deadline the issuer's first questions: who has not reported, and who was late.
  const missingNames = rows.filter((r) => r.status === 'missing').map((r) => r.unit.name);
  const missingLine = missingNames.length ? `${STATUS_WORDS.missing} (${missingNames.length}): ${missingNames.join(', ')}.` : 'Tất cả đơn vị đã báo cáo.';
  const lateRows = rows.filter((r) => r.status === 'late');
  const lateLine = lateRows.length
    ? `Nộp muộn (${lateRows.length}): ${lateRows.map((r) => (r.lateByMinutes === undefined ? r.unit.name : `${r.unit.name} (${formatDuration(r.lateByMinutes)})`)).join(', ')}.`
    : undefined;
  const where = options.attachment ? `tệp đính kèm ${options.attachment}` : 'tệp XLSX';
  const status = summary.tables.find((t) => !summary.content.tables.includes(t));
  const statusLine = status ? `Tình hình báo cáo của từng đơn vị (thời điểm nộp, thời gian muộn): trang «${sheetNameOf(status)}» của ${where}.` : '';
  const excerpts = summary.content.tables.map((t) => excerptOf(t, options.attachment));
  const banner = (text: string) => `<p style="margin:0 0 12px;padding:8px 12px;background:#fff4e5;border-left:4px solid #b35c00;">${escapeHtml(text)}</p>`;

  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1b1f24;margin:0;padding:12px;">
<p style="margin:0 0 4px;color:#555;">${escapeHtml(summary.directive.issuerName.vi)} — Văn bản số ${escapeHtml(summary.directive.number)}</p>
<h1 style="font-size:20px;margin:0 0 12px;">${escapeHtml(summary.formTitle.vi)}</h1>
<ul style="padding-left:18px;margin:0 0 12px;">${facts.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>
${banner(missingLine)}${lateLine ? banner(lateLine) : ''}
<h2 style="font-size:16px;margin:20px 0 8px;">Số liệu chính</h2>
<ul style="list-style:none;padding:0;margin:0;">${summary.content.figures
    .map(
      (f) =>
        `<li style="display:inline-block;vertical-align:top;max-width:100%;box-sizing:border-box;margin:0 8px 8px 0;border:1px solid #c8ccd2;padding:8px 12px;"><span style="display:block;font-size:12px;color:#555;">${escapeHtml(f.label.vi)}</span><strong style="font-size:20px;">${escapeHtml(formatFigure(f))}</strong></li>`,
    )
    .join('')}</ul>
${excerpts.map(tableHtml).join('\n')}
${statusLine ? `<p style="margin-top:20px;">${escapeHtml(statusLine)}</p>` : ''}
<p><a href="${escapeHtml(options.dashboardUrl)}">Xem chi tiết trên hệ thống báo cáo</a></p>
</body></html>`;

  const paragraph = (text: string) => wrap(text, TEXT_COLUMNS, '  ');
  const text = [
    ...paragraph(`${summary.directive.issuerName.vi} — Văn bản số ${summary.directive.number}`),
    ...paragraph(summary.formTitle.vi),
    '',
    ...facts.flatMap(paragraph),
    ...paragraph(missingLine),
    ...(lateLine ? paragraph(lateLine) : []),
    '',
    ...summary.content.figures.flatMap((f) => paragraph(`${f.label.vi}: ${formatFigure(f)}`)),
    '',
    ...excerpts.flatMap((e) => [...tableText(e), '']),
    ...(statusLine ? [...paragraph(statusLine), ''] : []),
    'Xem chi tiết:',
    options.dashboardUrl,
  ].join('\n');

  return { subject, html, text };
}
