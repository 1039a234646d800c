import { describe, expect, test } from 'vitest';
import * as z from './zod.ts';
import { fieldErrors, toFieldErrors, validateData } from './validate.ts';

const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
const UNKNOWN = 'Trường này không có trong biểu mẫu.';
const schema = z.strictObject({ need: z.strictObject({ doctors: z.int() }) });

describe('keys named like Object.prototype members are keys like any other', () => {
  for (const key of PROTOTYPE_KEYS) {
    // JSON.parse, as the API reads bodies: `__proto__` becomes an own key, not the prototype.
    test(`"${key}" at the top and inside a group → an unknown-field error named by its path`, () => {
      const top = JSON.parse(`{"need": {"doctors": 1}, "${key}": 1}`);
      expect(validateData(schema, top)).toEqual({ ok: false, fields: { [key]: [UNKNOWN] } });
      const nested = JSON.parse(`{"need": {"doctors": 1, "${key}": {"x": 1}}}`);
      expect(validateData(schema, nested)).toEqual({ ok: false, fields: { [`need.${key}`]: [UNKNOWN] } });
    });
  }

  test('an error on a field named like a prototype member is collected, not thrown', () => {
    const fields = toFieldErrors([
      { code: 'custom', path: ['constructor'], message: 'a', input: 1 },
      { code: 'custom', path: ['constructor'], message: 'b', input: 1 },
      { code: 'custom', path: ['__proto__'], message: 'c', input: 1 },
    ]);
    expect(Object.entries(fields)).toEqual([
      ['constructor', ['a', 'b']],
      ['__proto__', ['c']],
    ]);
    expect(JSON.parse(JSON.stringify(fields))).toEqual({ constructor: ['a', 'b'], ['__proto__']: ['c'] });
  });

  test('fieldErrors() starts empty, with no inherited keys', () => {
    const { fields, add } = fieldErrors();
    expect(fields.toString).toBeUndefined();
    add('toString', 'x');
    expect(fields.toString).toEqual(['x']);
  });
});
