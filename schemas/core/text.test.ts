import { describe, expect, test } from 'vitest';
import * as z from './zod.ts';
import { contactSection, phone, text } from './fields.ts';
import { INVISIBLE_MESSAGE, ONE_LINE_MESSAGE } from './text.ts';
import { validateData } from './validate.ts';

const L = { vi: 'Ghi chú', en: 'Note' };
const form = z.strictObject({
  name: text({ label: L, max: 120 }),
  note: z.optional(text({ label: L, max: 2000, multiline: true })),
});

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

  test('a tab inside a one-line field is refused', () => {
    expect(validateData(form, { name: 'ab\tc' })).toEqual({ ok: false, fields: { name: [INVISIBLE_MESSAGE] } });
  });

  test('a phone number split over two lines, or with a tab, is refused', () => {
    for (const bad of ['0912\n345 678', '0912\t345 678', '0912\u2028345 678']) {
      expect(phone({ label: L }).safeParse(bad).error?.issues.map((i) => i.message)).toEqual(['Số điện thoại không hợp lệ (ví dụ: 0912 345 678).']);
    }
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
    test(`${name} → an error on the field, in both kinds of field`, () => {
      expect(validateData(form, { name: `ab${ch}c` })).toEqual({ ok: false, fields: { name: [INVISIBLE_MESSAGE] } });
      expect(validateData(form, { name: 'A', note: `x\n${ch}` })).toEqual({ ok: false, fields: { note: [INVISIBLE_MESSAGE] } });
    });
  }

  test('nested fields are named by their full path', () => {
    const nested = z.strictObject({ contact: contactSection() });
    expect(validateData(nested, { contact: { name: 'Lê\u202EVăn', phone: '0909 000 111' } })).toEqual({
      ok: false,
      fields: { 'contact.name': [INVISIBLE_MESSAGE] },
    });
  });

  test('what people really type passes: Vietnamese, emoji (surrogate pairs), other scripts, joiners', () => {
    for (const ok of ['Nguyễn Thị Ánh Tuyết', 'Đắk Lắk 👍🏽', '北京 – «Paris» — “x”', 'a\u200Db', 'ﬁ', '\u{1F600}', '\u00A0x\u00A0y']) {
      expect(validateData(form, { name: ok, note: ok })).toMatchObject({ ok: true });
    }
  });
});

describe('long text is checked in linear time', () => {
  test('200 000 characters, clean or with a bad one at the end, are judged within a second', () => {
    const long = 'Nguyễn Văn A '.repeat(15_400).slice(0, 200_000);
    const started = performance.now();
    expect(validateData(form, { name: 'A', note: long })).toMatchObject({ ok: false, fields: { note: ['Tối đa 2.000 ký tự.'] } });
    expect(validateData(form, { name: 'A', note: `${long}\u0000` })).toMatchObject({ ok: false, fields: { note: [INVISIBLE_MESSAGE, 'Tối đa 2.000 ký tự.'] } });
    expect(validateData(form, { name: `A\n${long}` })).toMatchObject({ ok: false, fields: { name: [ONE_LINE_MESSAGE, 'Tối đa 120 ký tự.'] } });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
