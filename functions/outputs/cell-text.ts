/**
 * Text as spreadsheet files carry it, for the XLSX and CSV writers: every
 * character XML cannot hold dropped (old stored answers may have them) and
 * formulas neutralised.
 */
/**
 * A leading `=`, `+`, `-`, `@` (or tab / carriage return) makes spreadsheets
 * evaluate a cell; a leading apostrophe makes it plain text again.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

// XML 1.0 has no way to write these, escaped or not: one in a cell makes Excel call the file corrupt.
// Stored answers from before input was checked may hold them, so the writers drop them.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text with every character XML cannot carry removed (controls but tab and
 * line breaks, U+FFFE, U+FFFF, lone surrogates).
 * @example xmlSafe('A\u0000B\uFFFF') // 'AB'
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A text cell for a spreadsheet: readable by XML, never a formula. */
export function textCell(text: string): string {
  return neutraliseFormula(xmlSafe(text));
}
