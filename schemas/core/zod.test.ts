import { describe, expect, test } from 'vitest';
import * as z from './zod.ts';

const messages = (schema: z.ZodMiniType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('the error map speaks Vietnamese for every issue', () => {
  test('a union failure, which has no mapping of its own, falls back to Vietnamese', () => {
    expect(messages(z.union([z.literal('a'), z.number()]), true)).toEqual(['Giá trị không hợp lệ.']);
  });

  test('an invalid record key falls back to Vietnamese', () => {
    expect(messages(z.record(z.string().check(z.maxLength(1)), z.number()), { ab: 1 })).toEqual(['Giá trị không hợp lệ.']);
  });

  test('a rule that gives its own message keeps it', () => {
    expect(messages(z.string().check(z.minLength(3, 'Ba ký tự.')), 'a')).toEqual(['Ba ký tự.']);
  });

  test('no message anywhere is Zod\'s English default', () => {
    const all = [
      ...messages(z.union([z.string(), z.number()]), null),
      ...messages(z.strictObject({ a: z.number() }), { a: 'x', b: 1 }),
      ...messages(z.array(z.int()), [1.5]),
      ...messages(z.enum(['a', 'b']), 'c'),
    ];
    expect(all.length).toBeGreaterThan(3);
    for (const message of all) expect(message).not.toMatch(/Invalid|Expected|Unrecognized/);
  });
});
