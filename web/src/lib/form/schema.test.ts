import { describe, expect, test } from 'vitest';
import { decimal } from '#schemas/core/fields.ts';
import type { JsonSchemaNode } from '#schemas/core/describe.ts';
import { dayFirst, isoDate, parseDecimalInput, toData, valuesFromData } from './schema.ts';

const node = (widget: string): JsonSchemaNode => ({ widget });

describe('dates are typed day first, whatever the browser’s locale', () => {
  test.each([
    ['02/10/2021', '2021-10-02'],
    ['2/10/2021', '2021-10-02'],
    ['31.12.2021', '2021-12-31'],
    ['1-7-2021', '2021-07-01'],
    // An ISO date (a draft kept before dates were typed) passes as it is.
    ['2021-10-02', '2021-10-02'],
  ])('%s is %s', (typed, iso) => {
    expect(isoDate(typed)).toBe(iso);
    expect(toData(node('date'), ` ${typed} `)).toBe(iso);
  });

  test('anything else goes to the schema as typed, which refuses it (an impossible date too)', () => {
    expect(isoDate('10/2021')).toBe('10/2021');
    expect(isoDate('hôm nay')).toBe('hôm nay');
    // Turned into the ISO form, where z.iso.date() finds that February has no 31st.
    expect(isoDate('31/02/2021')).toBe('2021-02-31');
  });

  test('a stored date is shown day first, and comes back unchanged', () => {
    expect(dayFirst('2021-10-02')).toBe('02/10/2021');
    expect(dayFirst('02/10/2')).toBe('02/10/2');
    const root: JsonSchemaNode = { type: 'object', properties: { start: node('date') } };
    const values = valuesFromData(root, { start: '2021-10-02' });
    expect(toData(node('date'), dayFirst(String(values.start)))).toBe('2021-10-02');
  });
});

describe('decimals take a comma', () => {
  test('"12,34" is 12.34; whole numbers are numbers', () => {
    expect(parseDecimalInput('12,34')).toBe(12.34);
    expect(parseDecimalInput('7')).toBe(7);
    expect(toData(node('decimal'), '0,5')).toBe(0.5);
  });

  test('"12.34" is ambiguous (12,34 or 1.234?): sent as typed, and the schema says to use a comma', () => {
    expect(parseDecimalInput('12.34')).toBeNaN();
    expect(toData(node('decimal'), '12.34')).toBe('12.34');
    const refused = decimal({ label: 'Diện tích', max: 1000 }).safeParse('12.34');
    expect(refused.error?.issues.map((i) => i.message)).toEqual(['Dùng dấu phẩy cho phần thập phân, ví dụ 12,34 (không dùng dấu chấm).']);
    expect(decimal({ label: 'Diện tích', max: 1000 }).safeParse('abc').error?.issues[0]?.message).toBe('Vui lòng nhập một số, ví dụ 12,34.');
    expect(decimal({ label: 'Diện tích', max: 1000 }).safeParse(1000.5).error?.issues[0]?.message).toBe('Không được lớn hơn 1.000.');
  });

  test('a count keeps reading dots as thousands', () => {
    expect(toData(node('count'), '1.234')).toBe(1234);
    expect(toData(node('count'), '12.34')).toBe(1234);
  });

  test('a stored decimal is shown with a comma and comes back the same', () => {
    const root: JsonSchemaNode = { type: 'object', properties: { area: node('decimal') } };
    const values = valuesFromData(root, { area: 12.34 });
    expect(values.area).toBe('12,34');
    expect(toData(node('decimal'), values.area)).toBe(12.34);
  });
});
