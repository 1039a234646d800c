/**
 * What free text may contain, shared by the browser and the API: NFC, no
 * invisible characters that corrupt exports or disguise content, and one line
 * where the field is one line. A regular expression or two, because every
 * form page downloads this and its budget is tight.
 */
import * as z from './zod.ts';

// Controls (C0 but tab and line breaks, DEL, C1), lone surrogates, noncharacters, bidi overrides
// and isolates: none is typed on purpose; they break XML exports or make text read other than
// it is stored. Tabs survive a paste from a spreadsheet into a note and harm nothing; one-line
// fields refuse them with line breaks.
const clean = (more: string) => RegExp(`^[^${more}\\0-\\b\\v\\f\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}\\p{NChar}\\u202A-\\u202E\\u2066-\\u2069]*$`, 'u');

export const ONE_LINE_MESSAGE = 'Không được xuống dòng.';
export const INVISIBLE_MESSAGE = 'Có ký tự ẩn không hợp lệ, vui lòng gõ lại.';

/**
 * A string as people type it: trimmed, NFC (macOS and some keyboards send
 * decomposed Vietnamese), free of invisible characters, bounded.
 * @example cleanText({ max: 200 }).parse(' Nguyễn Văn A ') // 'Nguyễn Văn A' in NFC
 */
export function cleanText(options: { max: number; multiline?: boolean; required?: string }) {
  return z.string().check(
    z.trim(),
    z.normalize(),
    ...(options.multiline ? [] : [z.regex(/^[^\n\r\u2028\u2029]*$/, ONE_LINE_MESSAGE)]),
    z.regex(clean(options.multiline ? '' : '\\t'), INVISIBLE_MESSAGE),
    z.minLength(1, options.required),
    z.maxLength(options.max),
  );
}
