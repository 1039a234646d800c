/** Reads mail the way a client would: the .eml from the sink, parsed as MIME. */
import ExcelJS from 'exceljs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import type { SmtpSink } from '../../infra/local/smtp-sink.ts';

export async function readMails(sink: SmtpSink): Promise<ParsedMail[]> {
  return Promise.all(sink.messages().map((path) => simpleParser(sink.read(path))));
}

/** "1.234" → 1234, "-9.914" → -9914 */
export const viNumber = (text: string): number => Number(text.replace(/\./g, ''));

export interface EmailProfessionRow {
  need: number;
  offer: number;
  shortage: number;
  surplus: number;
}

/** The need/offer/shortage/surplus rows of the 971 summary, read back from the plain-text part. */
export function professionRows(text: string): Record<string, EmailProfessionRow> {
  const rows: Record<string, EmailProfessionRow> = {};
  for (const label of ['Bác sỹ', 'Điều dưỡng viên', 'Kỹ thuật viên', 'Tổng cộng']) {
    // Digits only: a shortage or surplus written with a minus sign does not match, and fails the comparison.
    const match = new RegExp(`^${label}\\s*\\|\\s*([\\d.]+)\\s*\\|\\s*([\\d.]+)\\s*\\|\\s*([\\d.]+)\\s*\\|\\s*([\\d.]+)\\s*$`, 'm').exec(text);
    if (match) rows[label] = { need: viNumber(match[1]!), offer: viNumber(match[2]!), shortage: viNumber(match[3]!), surplus: viNumber(match[4]!) };
  }
  return rows;
}

/** "61/63 tỉnh, thành phố đã báo cáo: 53 đúng hạn, 6 muộn, 2 chưa báo cáo" */
export function completenessLine(text: string) {
  const match = /(\d+)\/(\d+) [^:\n]+ đã báo cáo: (\d+) đúng hạn, (\d+) muộn, (\d+) chưa báo cáo/.exec(text);
  if (!match) return undefined;
  const [reported, expected, onTime, late, missing] = match.slice(1).map(Number);
  return { reported, expected, onTime, late, missing };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (html: string) => html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

const cellsOf = (row: string) => [...row.matchAll(/<(th|td)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => unescape(m[2]!));

/**
 * The tables of the HTML part by title: each row as { column label: cell text }, the total row last.
 * A table the email shows in part ("… trong tổng số N dòng … trang «X» …") is read whole from sheet X of
 * the XLSX attachment, written the way the email writes cells; the email's rows must be among it.
 */
export async function emailTables(mail: ParsedMail): Promise<Map<string, Array<Record<string, string>>>> {
  const tables = new Map<string, Array<Record<string, string>>>();
  let workbook: ExcelJS.Workbook | undefined;
  for (const [, title, between, body] of String(mail.html).matchAll(/<h2[^>]*>([^<]*)<\/h2>((?:(?!<h2)[\s\S])*?)<table[^>]*>([\s\S]*?)<\/table>/g)) {
    const [head, ...rows] = [...body!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
    const shown = rows.map((row) => Object.fromEntries(row.map((cell, i) => [head![i]!, cell])));
    const cut = /trong tổng số (\d+) dòng[\s\S]*?trang «([^»]+)»/.exec(unescape(between!));
    if (!cut) {
      tables.set(unescape(title!), shown);
      continue;
    }
    if (!workbook) {
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(mail.attachments[0]!.content as unknown as ArrayBuffer);
    }
    const sheet = workbook.getWorksheet(cut[2]!)!;
    const whole: Array<Record<string, string>> = [];
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      whole.push(Object.fromEntries(head!.map((label, i) => [label, sheetCellText(row.getCell(i + 1))])));
    });
    // The sheet holds the N rows the email speaks of (and the total row, when there is one).
    expect(whole.length - Number(cut[1])).toBeGreaterThanOrEqual(0);
    expect(whole.length - Number(cut[1])).toBeLessThanOrEqual(1);
    const names = new Set(whole.map((r) => r[head![0]!]));
    for (const row of shown) expect(names).toContain(row[head![0]!]);
    tables.set(unescape(title!), whole);
  }
  return tables;
}

/** An XLSX cell as the email writes it: vi-VN numbers and percentages, "—" for a number not given. */
function sheetCellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined || value === '') return cell.numFmt === '@' ? '' : '—';
  if (typeof value === 'number') {
    return cell.numFmt === '0.0%' ? `${(value * 100).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0%` : value.toLocaleString('vi-VN');
  }
  return String(value);
}

