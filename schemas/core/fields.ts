/**
 * Field helpers: each returns a Zod schema with its labels, help and widget
 * registered in `fieldMeta`. The web renders from the JSON Schema that
 * `describeForm` builds with this registry, so a form file never writes markup.
 */
import * as z from './zod.ts';
import type { Text } from './i18n.ts';

/** A condition on another field, by its dotted path from the form root. */
export interface ShowWhen {
  field: string;
  equals: string | number | boolean;
}

export interface ChoiceOption {
  value: string | number | boolean;
  label: Text;
}

export interface FieldMeta {
  label: Text;
  help?: Text;
  unit?: Text;
  widget: 'count' | 'text' | 'textarea' | 'phone' | 'email' | 'choice' | 'section';
  options?: ChoiceOption[];
  showWhen?: ShowWhen;
}

/** The typed metadata registry every form field is registered in. */
export const fieldMeta = z.registry<FieldMeta>();

type Labels = Pick<FieldMeta, 'label' | 'help' | 'unit'>;

/**
 * A whole, non-negative count with an upper bound.
 * @example count({ label: { vi: 'Bác sỹ', en: 'Doctors' }, max: 50_000, unit: PEOPLE })
 */
export function count(labels: Labels & { max: number }) {
  const { max, ...rest } = labels;
  return z
    .int()
    .check(z.minimum(0, 'Không được là số âm.'), z.maximum(max))
    .register(fieldMeta, { ...rest, widget: 'count' });
}

/**
 * Free text, trimmed and bounded. Required unless wrapped in `optionalText`.
 * @example text({ label: { vi: 'Họ và tên', en: 'Full name' }, max: 120 })
 */
export function text(labels: Labels & { max: number; multiline?: boolean }) {
  const { max, multiline, ...rest } = labels;
  return z
    .string()
    .check(z.trim(), z.minLength(1), z.maxLength(max))
    .register(fieldMeta, { ...rest, widget: multiline ? 'textarea' : 'text' });
}

/** Optional free text: empty means absent. */
export function optionalText(labels: Labels & { max: number; multiline?: boolean }) {
  return z.optional(text(labels));
}

/**
 * A Vietnamese phone number as people write it: digits with spaces, dots or dashes,
 * optionally +84.
 */
export function phone(labels: Labels) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.regex(/^(\+84|0)[\d\s.-]{8,13}$/, 'Số điện thoại không hợp lệ (ví dụ: 0912 345 678).'),
    )
    .register(fieldMeta, { ...labels, widget: 'phone' });
}

export function email(labels: Labels) {
  return z.email().register(fieldMeta, { ...labels, widget: 'email' });
}

/** A yes/no question rendered as two radio buttons. */
export function yesNo(labels: Labels & { yes: Text; no: Text }) {
  const { yes, no, ...rest } = labels;
  return z.boolean().register(fieldMeta, {
    ...rest,
    widget: 'choice',
    options: [
      { value: true, label: yes },
      { value: false, label: no },
    ],
  });
}

/**
 * A titled group of fields. With `showWhen`, the section is present only when
 * the condition holds; the form's cross-field rule enforces that on the server.
 */
export function section<S extends z.core.$ZodLooseShape>(
  labels: Labels & { showWhen?: ShowWhen },
  shape: S,
) {
  return z.strictObject(shape).register(fieldMeta, { ...labels, widget: 'section' });
}
