/** Reads mail the way a client would: the .eml from the sink, parsed as MIME. */
import { simpleParser, type ParsedMail } from 'mailparser';
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
