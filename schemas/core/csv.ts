/**
 * Reading CSV files people make in Excel or LibreOffice: quoted fields with
 * commas, line breaks and doubled quotes, a byte-order mark, CRLF. d3-dsv does
 * the reading (a few KB, where the larger parsers would cost the API Lambda a
 * fifth of its bundle budget); this fixes the options and reports errors.
 */
import { csvParseRows } from 'd3-dsv';

export interface CsvRow {
  /** The file line the row starts on, for messages ("dòng 3"). */
  line: number;
  fields: string[];
}

/** The file is not CSV (an unclosed quote); `line` is where the open quote is. */
export class CsvSyntaxError extends Error {
  readonly code = 'CSV_INVALID';
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/**
 * Every non-empty row, fields trimmed; rows may differ in length (callers say which length they need).
 * @example readCsv('email,name\r\na@b.vn,"Nguyễn, Văn A"') // [{ line: 1, fields: ['email', 'name'] }, { line: 2, fields: ['a@b.vn', 'Nguyễn, Văn A'] }]
 */
export function readCsv(text: string): CsvRow[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // In CSV every quote is one of a pair (enclosing, or doubled inside a field): an odd count is an unclosed field,
  // which d3-dsv would silently run to the end of the file.
  const quotes = body.match(/"/g)?.length ?? 0;
  if (quotes % 2 === 1) {
    const lastQuote = body.lastIndexOf('"');
    throw new CsvSyntaxError('not CSV: a quoted field is not closed', body.slice(0, lastQuote).split('\n').length);
  }
  const rows: CsvRow[] = [];
  let line = 1;
  for (const fields of csvParseRows(body)) {
    const breaks = fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const trimmed = fields.map((f) => f.trim());
    if (trimmed.some((f) => f !== '')) rows.push({ line, fields: trimmed });
    line += 1 + breaks;
  }
  return rows;
}
