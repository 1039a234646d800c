/**
 * Validation of an answer, on the server: one schema, one error shape.
 */
import type * as z from './zod.ts';
import { ruleTreeOf } from './rule-tree.ts';
import { checkRules } from './rules.ts';

/**
 * Field errors keyed by dotted path from the form root (`need.doctors`); `''` is the form itself.
 * Paths come from the request's own keys, so build these with `fieldErrors()`: a key
 * named `constructor` or `__proto__` must be a key like any other.
 */
export type FieldErrors = Record<string, string[]>;

/**
 * An empty error collection with no prototype, and `add` to append to it.
 * @example const { fields, add } = fieldErrors(); add('toString', 'Trường này không có trong biểu mẫu.');
 */
export function fieldErrors(): { fields: FieldErrors; add: (path: string, message: string) => void } {
  const fields: FieldErrors = Object.create(null);
  return { fields, add: (path, message) => void (fields[path] ??= []).push(message) };
}

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors };

/** Flattens Zod issues into Vietnamese messages per field path. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const { fields, add } = fieldErrors();
  const join = (path: PropertyKey[]) => path.map(String).join('.');
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(join([...issue.path, key]), 'Trường này không có trong biểu mẫu.');
    } else {
      add(join(issue.path), issue.message);
    }
  }
  return fields;
}

/**
 * Parses form data with the form's schema, then checks its conditions (`when`) and
 * rules (`fields(shape, rules)`), which need the whole answer parsed first.
 * @example validateData(form.schema, { need: { doctors: -1 } }) // { ok: false, fields: { 'need.doctors': [...] } }
 */
export function validateData<S extends z.core.$ZodType>(schema: S, data: unknown): ValidationResult<z.output<S>> {
  const result = (schema as unknown as z.ZodMiniType<z.output<S>>).safeParse(data);
  if (!result.success) return { ok: false, fields: toFieldErrors(result.error.issues) };
  const issues = checkRules(ruleTreeOf(schema), result.data);
  if (issues.length === 0) return { ok: true, data: result.data };
  const { fields, add } = fieldErrors();
  for (const issue of issues) add(issue.path, issue.message);
  return { ok: false, fields };
}
