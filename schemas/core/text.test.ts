import { describe, expect, test } from 'vitest';
import * as z from './zod.ts';
import { contactSection, phone, text } from './fields.ts';
import { ONE_LINE_MESSAGE, textProblem } from './text.ts';
import { validateData } from './validate.ts';

const L = { vi: 'Ghi chú', en: 'Note' };
const form = z.strictObject({
  name: text({ label: L, max: 120 }),
  note: z.optional(text({ label: L, max: 2000, multiline: true })),
});
const invisible = (position: number) => `Có ký tự ẩn không hợp lệ ở vị trí ${position}. Vui lòng xoá và gõ lại đoạn đó.`;

describe('text answers are stored in NFC', () => {
  test('decomposed Vietnamese (as macOS keyboards send it) is stored composed', () => {
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n A';
    expect(decomposed).not.toBe('Nguyễn Văn A');
    expect(validateData(form, { name: decomposed, note: `Ghi chu\u0301\ndòng 2` })).toEqual({
      ok: true,
      data: { name: 'Nguyễn Văn A', note: 'Ghi chú\ndòng 2' },
    });
  });

  test('the whole contact section is normalised too', () => {
    const parsed = contactSection().safeParse({ name: 'Le\u0302 Va\u0306n C', position: 'Gia\u0301m đốc', phone: '0909 000 111' });
    expect(parsed.data).toEqual({ name: 'Lê Văn C', position: 'Giám đốc', phone: '0909 000 111' });
  });
});

describe('one-line fields refuse line breaks, multi-line fields keep them', () => {
  for (const [name, value] of [['LF', 'a\nb'], ['CR', 'a\rb'], ['CRLF', 'a\r\nb'], ['U+2028', 'a\u2028b'], ['U+2029', 'a\u2029b']]) {
    test(`${name} in a one-line field → the one-line message on that field`, () => {
      expect(validateData(form, { name: value })).toEqual({ ok: false, fields: { name: [ONE_LINE_MESSAGE] } });
    });
  }

  test('line breaks and tabs in a multi-line field are kept as typed', () => {
    expect(validateData(form, { name: 'A', note: 'một\r\nhai\nba\tbốn' })).toEqual({ ok: true, data: { name: 'A', note: 'một\r\nhai\nba\tbốn' } });
  });

  test('a tab inside a one-line field is refused, at its position', () => {
    expect(validateData(form, { name: 'ab\tc' })).toEqual({ ok: false, fields: { name: [invisible(3)] } });
  });

  test('a phone number split over two lines is refused', () => {
    expect(phone({ label: L }).safeParse('0912\n345 678').error?.issues.map((i) => i.message)).toEqual([ONE_LINE_MESSAGE]);
  });
});

describe('invisible characters are refused in every text field, naming the field', () => {
  const cases: Array<[string, string]> = [
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001B'],
    ['DEL', '\u007F'],
    ['C1 control U+0085', '\u0085'],
    ['noncharacter U+FFFE', '\uFFFE'],
    ['noncharacter U+FFFF', '\uFFFF'],
    ['noncharacter U+FDD0', '\uFDD0'],
    ['noncharacter U+FDEF', '\uFDEF'],
    ['plane-end noncharacter U+1FFFF', '\u{1FFFF}'],
    ['plane-end noncharacter U+10FFFE', '\u{10FFFE}'],
    ['lone high surrogate', '\uD800'],
    ['lone low surrogate', '\uDFFF'],
    ['right-to-left override U+202E', '\u202E'],
    ['left-to-right embedding U+202A', '\u202A'],
    ['first strong isolate U+2068', '\u2068'],
    ['pop directional isolate U+2069', '\u2069'],
  ];
  for (const [name, ch] of cases) {
    test(`${name} → 400-shaped error on the field, in both kinds of field`, () => {
      expect(validateData(form, { name: `ab${ch}c` })).toEqual({ ok: false, fields: { name: [invisible(3)] } });
      expect(validateData(form, { name: 'A', note: `x\n${ch}` })).toEqual({ ok: false, fields: { note: [invisible(3)] } });
    });
  }

  test('nested fields are named by their full path', () => {
    const nested = z.strictObject({ contact: contactSection() });
    expect(validateData(nested, { contact: { name: 'Lê\u202EVăn', phone: '0909 000 111' } })).toEqual({
      ok: false,
      fields: { 'contact.name': [invisible(3)] },
    });
  });

  test('what people really type passes: Vietnamese, emoji (surrogate pairs), other scripts, joiners', () => {
    for (const ok of ['Nguyễn Thị Ánh Tuyết', 'Đắk Lắk 👍🏽', '北京 – «Paris» — “x”', 'a\u200Db', 'ﬁ', '\u{1F600}']) {
      expect(textProblem(ok, false)).toBeUndefined();
      expect(textProblem(ok, true)).toBeUndefined();
    }
  });
});
