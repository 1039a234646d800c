/**
 * What free text may contain, shared by the browser and the API: NFC, no
 * invisible characters that corrupt exports or disguise content, and one line
 * where the field is one line. Kept to a few regular expressions because form
 * pages download it.
 */
import * as z from './zod.ts';

// Controls (C0, DEL, C1), lone surrogates, noncharacters, and bidi overrides and isolates:
// none is typed on purpose; they break XML exports or make text read other than it is stored.
const INVISIBLE_ONE_LINE = /(?![\n\r])[\p{Cc}\p{Cs}\p{NChar}\u202A-\u202E\u2066-\u2069]/u;
// Tabs survive a paste from a spreadsheet into a note and harm nothing.
const INVISIBLE_MULTI_LINE = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{NChar}\u202A-\u202E\u2066-\u2069]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

export const ONE_LINE_MESSAGE = 'Trường này chỉ nhập trên một dòng (không xuống dòng).';

/**
 * The Vietnamese reason `value` is refused, or undefined when it is clean.
 * @example textProblem('a\u0000b', true) // 'Có ký tự ẩn không hợp lệ ở vị trí 2. Vui lòng xoá và gõ lại đoạn đó.'
 */
export function textProblem(value: string, multiline: boolean): string | undefined {
  if (!multiline && LINE_BREAK.test(value)) return ONE_LINE_MESSAGE;
  const found = (multiline ? INVISIBLE_MULTI_LINE : INVISIBLE_ONE_LINE).exec(value);
  if (found) return `Có ký tự ẩn không hợp lệ ở vị trí ${found.index + 1}. Vui lòng xoá và gõ lại đoạn đó.`;
  return undefined;
}

/**
 * The check that refuses what `textProblem` names, as a Zod check to put after
 * trimming and normalising.
 */
export function cleanTextCheck(multiline: boolean) {
  return z.superRefine<string>((value, ctx) => {
    const problem = textProblem(value, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });
}

/**
 * A string as people type it: trimmed, NFC (macOS and some keyboards send
 * decomposed Vietnamese), clean by `textProblem`, bounded.
 * @example cleanText({ max: 200 }).parse(' Nguyễn Văn A ') // 'Nguyễn Văn A' in NFC
 */
export function cleanText(options: { max: number; multiline?: boolean; required?: string }) {
  return z.string().check(
    z.trim(),
    z.normalize('NFC'),
    cleanTextCheck(options.multiline ?? false),
    options.required === undefined ? z.minLength(1) : z.minLength(1, options.required),
    z.maxLength(options.max),
  );
}
