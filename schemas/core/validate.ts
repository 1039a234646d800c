/**
 * Validation shared by the browser and the API: one schema, one error shape.
 */
import type * as z from './zod.ts';

/** Field errors keyed by dotted path from the form root (`need.doctors`); `''` is the form itself. */
export type FieldErrors = Record<string, string[]>;

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors };

/** Flattens Zod issues into Vietnamese messages per field path. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  const add = (path: PropertyKey[], message: string) => {
    const key = path.map(String).join('.');
    (fields[key] ??= []).push(message);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'Trường này không có trong biểu mẫu.');
    } else {
      add(issue.path, issue.message);
    }
  }
  return fields;
}

/**
 * Parses form data with the form's schema.
 * @example validateData(form.schema, { need: { doctors: -1 } }) // { ok: false, fields: { 'need.doctors': [...] } }
 */
export function validateData<S extends z.core.$ZodType>(schema: S, data: unknown): ValidationResult<z.output<S>> {
  const result = (schema as unknown as z.ZodMiniType<z.output<S>>).safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: toFieldErrors(result.error.issues) };
}
