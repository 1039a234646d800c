/**
 * Reading CSV files people make in Excel or LibreOffice: quoted fields with
 * commas, line breaks and doubled quotes, a byte-order mark, CRLF. csv-parse
 * does the reading; this only fixes the options and the error.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** The file line the row ends on, for messages ("dòng 3"). */
  line: number;
  fields: string[];
}

/** The file is not CSV (an unclosed quote, say); `line` is where reading stopped. */
export class CsvSyntaxError extends Error {
  readonly code = 'CSV_INVALID';
  readonly line: number;
  constructor(message: string, line: number, options?: ErrorOptions) {
    super(message, options);
    this.line = line;
  }
}

/**
 * Every non-empty row, fields trimmed; rows may differ in length (callers say which length they need).
 * @example readCsv('email,name\r\na@b.vn,"Nguyễn, Văn A"') // [{ line: 1, fields: ['email', 'name'] }, { line: 2, fields: ['a@b.vn', 'Nguyễn, Văn A'] }]
 */
export function readCsv(text: string): CsvRow[] {
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    return records.filter((r) => r.record.some((f) => f !== '')).map((r) => ({ line: r.info.lines, fields: r.record }));
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    throw new CsvSyntaxError(`not CSV: ${(error as Error).message}`, line, { cause: error });
  }
}
