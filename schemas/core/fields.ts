/**
 * Field helpers: each returns a Zod schema with its labels, help and widget
 * registered in `fieldMeta`. The web renders from the JSON Schema that
 * `describeForm` builds with this registry, so a form file never writes markup.
 */
import * as z from './zod.ts';
import { wording, type Text, type Wording } from './i18n.ts';
import type { ComputedField } from './computed.ts';
import { cleanText } from './text.ts';
import type { Condition, Rule } from './rules.ts';

/** A condition on another field, by its dotted path from the form root. */
export type ShowWhen = Condition;

export interface ChoiceOption {
  value: string | number | boolean;
  label: Text;
}

/** A choice or a grid row or column as a form writes it: its label may be the Vietnamese alone. */
interface Option<V> {
  value: V;
  label: Wording;
}

/** One row or column of a disaggregation grid. */
export interface GridAxis {
  key: string;
  label: Text;
}

export interface FieldMeta {
  label: Text;
  help?: Text;
  unit?: Text;
  widget: 'count' | 'decimal' | 'text' | 'textarea' | 'phone' | 'email' | 'choice' | 'date' | 'section' | 'table' | 'grid';
  /** Choices, with labels; radio buttons when few, a select when many. */
  options?: ChoiceOption[];
  showWhen?: ShowWhen;
  /** A conditional field that may be left empty even when shown. */
  optional?: boolean;
  /** Values shown beside a section's or a table row's fields, computed from them, never typed. */
  computed?: ComputedField[];
  /** Tables: columns whose sum is shown under the table. */
  totals?: string[];
  /** Tables: what one row is, e.g. "cơ sở tiêm chủng". */
  rowLabel?: Text;
  /** Grids: rows and columns; each cell is `<row>.<column>`; totals of both are shown. */
  rows?: GridAxis[];
  columns?: GridAxis[];
}

/** The form root's metadata: the rules across its fields. */
export interface FormMeta {
  rules: Rule[];
}

/** The typed metadata registry every form field is registered in. */
export const fieldMeta = z.registry<FieldMeta | FormMeta>();

/** A field's words as a form writes them: each a Vietnamese string or `{ vi, en }`. */
interface Labels {
  label: Wording;
  help?: Wording | undefined;
  unit?: Wording | undefined;
}

/** The words as the metadata carries them, so the web and the rules read `.vi` everywhere. */
function words({ label, help, unit }: Labels): Pick<FieldMeta, 'label' | 'help' | 'unit'> {
  return { label: wording(label), ...(help ? { help: wording(help) } : {}), ...(unit ? { unit: wording(unit) } : {}) };
}

/**
 * A whole, non-negative count with an upper bound.
 * @example count({ label: 'Bác sỹ', max: 50_000, unit: 'người' })
 */
export function count(labels: Labels & { max: number }) {
  return z
    .int()
    .check(z.minimum(0, 'Không được là số âm.'), z.maximum(labels.max))
    .register(fieldMeta, { ...words(labels), widget: 'count' });
}

/** Why a decimal field refused what was sent: a dot is ambiguous ("12.34": 12,34 or 1.234?), so the page sends it as typed. */
const decimalMessage = (input: unknown) =>
  typeof input === 'string' && input.includes('.') ? 'Dùng dấu phẩy cho phần thập phân, ví dụ 12,34 (không dùng dấu chấm).' : 'Vui lòng nhập một số, ví dụ 12,34.';

/**
 * A non-negative number that may have decimals, typed the Vietnamese way ("12,34"), with an upper bound.
 * @example decimal({ label: 'Diện tích', max: 10_000, unit: 'ha' })
 */
export function decimal(labels: Labels & { max: number }) {
  return z
    .number({ error: (issue) => (issue.code === 'invalid_type' && issue.input !== undefined ? decimalMessage(issue.input) : undefined) })
    .check(z.minimum(0, 'Không được là số âm.'), z.maximum(labels.max))
    .register(fieldMeta, { ...words(labels), widget: 'decimal' });
}

/**
 * Free text, trimmed, NFC, bounded, free of invisible characters (see `textProblem`);
 * one line unless `multiline`. Required unless wrapped in `optionalText`.
 * @example text({ label: { vi: 'Họ và tên', en: 'Full name' }, max: 120 })
 */
export function text(labels: Labels & { max: number; multiline?: boolean }) {
  const { max, multiline } = labels;
  return cleanText({ max, multiline: multiline ?? false }).register(fieldMeta, { ...words(labels), widget: multiline ? 'textarea' : 'text' });
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
      // Spaces, not \s: a line break or tab is no way to write a number.
      z.regex(/^(\+84|0)[\d .-]{8,13}$/, 'Số điện thoại không hợp lệ (ví dụ: 0912 345 678).'),
    )
    .register(fieldMeta, { ...words(labels), widget: 'phone' });
}

export function email(labels: Labels) {
  return z.email().register(fieldMeta, { ...words(labels), widget: 'email' });
}

/**
 * One answer out of a list; stored as the option's value.
 * @example choice({ label: { vi: 'Loại hình', en: 'Ownership' } }, [{ value: 'public', label: { vi: 'Công lập', en: 'Public' } }, ...])
 */
export function choice<const V extends string>(labels: Labels, options: ReadonlyArray<Option<V>>) {
  const values = options.map((o) => o.value) as [V, ...V[]];
  return z.enum(values).register(fieldMeta, { ...words(labels), widget: 'choice', options: options.map((o) => ({ value: o.value, label: wording(o.label) })) });
}

/** A calendar date, `YYYY-MM-DD`. */
export function date(labels: Labels) {
  return z.iso.date().register(fieldMeta, { ...words(labels), widget: 'date' });
}

/**
 * A repeating table: every row has the same fields and is validated on its own;
 * rules within a row are form rules with `*` paths (`atLeast('plan.*.end', 'plan.*.start')`).
 * @example table({ label, rowLabel, maxRows: 500, totals: ['dosesPerDay'] }, { name: text(...), dosesPerDay: count(...) })
 */
export function table<S extends z.core.$ZodLooseShape>(
  labels: Labels & {
    rowLabel: Wording;
    minRows?: number;
    maxRows: number;
    totals?: string[];
    computed?: ComputedField[];
  },
  shape: S,
) {
  const { minRows = 0, maxRows, totals, computed } = labels;
  const rowLabel = wording(labels.rowLabel);
  let row = z.strictObject(shape);
  if (computed) row = row.register(fieldMeta, { label: rowLabel, widget: 'section', computed });
  return z
    .array(row)
    .check(z.minLength(minRows), z.maxLength(maxRows))
    .register(fieldMeta, { ...words(labels), widget: 'table', rowLabel, ...(totals ? { totals } : {}) });
}

/**
 * A disaggregation grid of counts, e.g. dose × age group; stored as
 * `{ [row]: { [column]: count } }`, shown with row and column totals.
 */
export function grid<const R extends string, const C extends string>(
  labels: Labels & { max: number },
  rowsAsWritten: ReadonlyArray<{ key: R; label: Wording }>,
  columnsAsWritten: ReadonlyArray<{ key: C; label: Wording }>,
) {
  const axis = (a: { key: string; label: Wording }): GridAxis => ({ key: a.key, label: wording(a.label) });
  const rows = rowsAsWritten.map(axis);
  const columns = columnsAsWritten.map(axis);
  const cell = (r: GridAxis, c: GridAxis) =>
    z.int().check(z.minimum(0, 'Không được là số âm.'), z.maximum(labels.max)).register(fieldMeta, {
      label: { vi: `${r.label.vi}, ${c.label.vi}`, ...(r.label.en && c.label.en ? { en: `${r.label.en}, ${c.label.en}` } : {}) },
      widget: 'count',
    });
  const shape = Object.fromEntries(
    rows.map((r) => [r.key, z.strictObject(Object.fromEntries(columns.map((c) => [c.key, cell(r, c)])) as Record<C, ReturnType<typeof cell>>)]),
  ) as Record<R, z.ZodMiniObject<Record<C, ReturnType<typeof cell>>>>;
  return z.strictObject(shape).register(fieldMeta, { ...words(labels), widget: 'grid', rows, columns });
}

/** A yes/no question rendered as two radio buttons. */
export function yesNo(labels: Labels & { yes: Wording; no: Wording }) {
  return z.boolean().register(fieldMeta, {
    ...words(labels),
    widget: 'choice',
    options: [
      { value: true, label: wording(labels.yes) },
      { value: false, label: wording(labels.no) },
    ],
  });
}

/** A titled group of fields; wrap it in `when` to make it conditional. */
export function section<S extends z.core.$ZodLooseShape>(labels: Labels & { computed?: ComputedField[] }, shape: S) {
  return z.strictObject(shape).register(fieldMeta, { ...words(labels), widget: 'section', ...(labels.computed ? { computed: labels.computed } : {}) });
}

type Shown<T extends z.core.SomeType> = T extends z.ZodMiniOptional<infer I extends z.core.SomeType> ? z.ZodMiniOptional<I> : z.ZodMiniOptional<T>;

/**
 * A field or section shown only when another field has a given answer. The
 * platform requires it when shown (unless `schema` is optional) and refuses it
 * when hidden, with messages naming both; no rule to write.
 * @example offer: when({ field: 'appliesDirective16', equals: false }, section({ label }, counts))
 */
export function when<T extends z.ZodMiniType>(showWhen: ShowWhen, schema: T): Shown<T> {
  const optional = schema instanceof z.ZodMiniOptional;
  const inner = (optional ? schema.def.innerType : schema) as z.ZodMiniType;
  // A copy, so a schema used in two places is conditional only where `when` wraps it.
  const shown = inner.clone();
  fieldMeta.add(shown, { ...(fieldMeta.get(inner) as FieldMeta), showWhen, ...(optional ? { optional } : {}) });
  return z.optional(shown) as Shown<T>;
}

/**
 * The whole answer: the form's fields, and the rules across them (`core/rules.ts`),
 * checked by the platform on every submission.
 * @example schema: fields({ screening: section(...) }, [atMost('screening.positive', 'screening.tested')])
 */
export function fields<S extends z.core.$ZodLooseShape>(shape: S, rules: Rule[] = []) {
  const schema = z.strictObject(shape);
  return rules.length > 0 ? schema.register(fieldMeta, { rules }) : schema;
}

/**
 * Who to call back about a report: every form ends with it.
 * @example schema = z.strictObject({ ..., contact: contactSection() })
 */
export function contactSection() {
  return section(
    { label: { vi: 'Người liên hệ', en: 'Contact person' } },
    {
      name: text({ label: { vi: 'Họ và tên', en: 'Full name' }, max: 120 }),
      position: optionalText({ label: { vi: 'Chức vụ, đơn vị', en: 'Position' }, max: 200 }),
      phone: phone({ label: { vi: 'Số điện thoại', en: 'Phone' } }),
      email: z.optional(email({ label: { vi: 'Thư điện tử', en: 'Email' } })),
    },
  );
}
