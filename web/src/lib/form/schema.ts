/**
 * Reading a form's JSON Schema (from `describeForm`) the way the generic
 * renderer needs: field ids, visibility, and the conversion between what the
 * inputs hold and the data the form's Zod schema parses.
 */
import { evaluateFormula, type ComputedField } from '#schemas/core/computed.ts';
import type { JsonSchemaNode } from '#schemas/core/describe.ts';
import { formatInteger, parseIntegerInput } from '#schemas/core/format.ts';

/**
 * What an input holds: typed text for text-like widgets, the option's value for
 * choices; at a table's own path, its number of rows.
 */
export type RawValue = string | number | boolean | undefined;
/** Input values keyed by dotted path from the form root; table rows by index (`sites.0.name`). */
export type RawValues = Record<string, RawValue>;

export type Widget = NonNullable<JsonSchemaNode['widget']>;

/** Deterministic DOM id of a field, so errors, labels and tests can point at it. */
export function fieldId(path: string): string {
  return `f-${path.replaceAll('.', '-')}`;
}

export function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/** The widget to render; a node without metadata falls back on its JSON type. */
export function widgetOf(node: JsonSchemaNode): Widget {
  if (node.widget) return node.widget;
  if (node.type === 'object') return 'section';
  if (node.type === 'array') return 'table';
  if (node.type === 'integer' || node.type === 'number') return 'count';
  return 'text';
}

/** Nodes whose children are fields of the same object: sections and grids. */
const isGroup = (node: JsonSchemaNode) => ['section', 'grid'].includes(widgetOf(node));

export interface Child {
  key: string;
  path: string;
  node: JsonSchemaNode;
  required: boolean;
}

export function childrenOf(node: JsonSchemaNode, path: string): Child[] {
  return Object.entries(node.properties ?? {}).map(([key, child]) => ({
    key,
    path: joinPath(path, key),
    node: child,
    required: node.required?.includes(key) ?? false,
  }));
}

/** A property, or for a table any row index. */
export function childNode(node: JsonSchemaNode | undefined, key: string): JsonSchemaNode | undefined {
  return node?.type === 'array' ? (/^\d+$/.test(key) ? node.items : undefined) : node?.properties?.[key];
}

export function nodeAt(root: JsonSchemaNode, path: string): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const key of path ? path.split('.') : []) node = childNode(node, key);
  return node;
}

/** A table's rows on screen; a new table starts with the rows it must have. */
export function rowCount(node: JsonSchemaNode, path: string, values: RawValues): number {
  const count = values[path];
  return typeof count === 'number' ? count : (node.minItems ?? 0);
}

/**
 * The values (or errors) after deleting row `index` of the table at `path`:
 * that row's keys go, and later rows move up one.
 */
export function withoutRow<T>(record: Record<string, T>, path: string, index: number): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) {
    const row = key.startsWith(`${path}.`) ? /^(\d+)(.*)$/.exec(key.slice(path.length + 1)) : null;
    const i = Number(row?.[1]);
    if (!row || i < index) out[key] = value;
    else if (i > index) out[`${path}.${i - 1}${row[2]}`] = value;
  }
  return out;
}

/**
 * A date as typed, day first, any one non-digit between the parts ("2/10/2021", "02.10.2021": a phone's numeric
 * keypad may have no slash), as the ISO date the schema stores; anything else as it is: an ISO date (an older draft)
 * passes, and the schema refuses the rest, impossible dates included.
 * @example isoDate('2/10/2021') // "2021-10-02"
 */
export const isoDate = (text: string) => text.replace(/\b(\d)\b/g, '0$1').replace(/^(\d\d)\D(\d\d)\D(\d{4})$/, '$3-$2-$1');

/**
 * An ISO date (a stored answer, an older draft) as the date inputs show it, day first; anything else as it is.
 * @example dayFirst('2021-10-02') // "02/10/2021"
 */
export const dayFirst = (text: string) => text.replace(/^(\d{4})-(\d\d)-(\d\d)$/, '$3/$2/$1');

/**
 * A decimal as Vietnamese write it, with a comma ("12,34"); NaN for anything else, a dot included: "12.34" could
 * mean 12,34 or 1.234, and the schema says which to write.
 * @example parseDecimalInput('12,34') // 12.34
 */
export const parseDecimalInput = (text: string) => (/^-?\d+(,\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN);

/** Converts one input's value to what the schema parses; `undefined` means "left empty". */
export function toData(node: JsonSchemaNode, raw: RawValue): unknown {
  const widget = widgetOf(node);
  if (widget === 'choice') return raw;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (widget !== 'count' && widget !== 'decimal') return widget === 'date' ? isoDate(text) : text;
  const number = widget === 'count' ? parseIntegerInput(text) : parseDecimalInput(text);
  // Garbage stays text so the schema answers "Vui lòng nhập một số nguyên." rather than "required".
  return Number.isNaN(number) ? text : number;
}

/** A count input's number, 0 when empty or not a number: what running totals add up. */
export function countAt(values: RawValues, path: string): number {
  const raw = values[path];
  const number = typeof raw === 'string' ? parseIntegerInput(raw) : undefined;
  return Number.isSafeInteger(number) ? number! : 0;
}

export function isShown(root: JsonSchemaNode, node: JsonSchemaNode, values: RawValues): boolean {
  const when = node.showWhen;
  if (!when) return true;
  const target = nodeAt(root, when.field);
  return target !== undefined && toData(target, values[when.field]) === when.equals;
}

/**
 * The data to validate and send. Hidden nodes are dropped; an empty optional
 * field is absent; an empty required field is `undefined` so the schema reports it.
 */
export function collectData(root: JsonSchemaNode, values: RawValues): Record<string, unknown> {
  return collectObject(root, root, '', values);
}

/** The data of one object node at `path`: the form, a section, a grid or a table row. */
export function collectObject(root: JsonSchemaNode, node: JsonSchemaNode, path: string, values: RawValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of childrenOf(node, path)) {
    if (!isShown(root, child.node, values)) continue;
    let value: unknown;
    if (widgetOf(child.node) === 'table') {
      const row = child.node.items ?? {};
      value = Array.from({ length: rowCount(child.node, child.path, values) }, (_, i) =>
        collectObject(root, row, `${child.path}.${i}`, values),
      );
    } else if (isGroup(child.node)) {
      const section = collectObject(root, child.node, child.path, values);
      const empty = Object.values(section).every((v) => v === undefined);
      // A conditional section that is shown is expected, even when left empty.
      value = empty && !child.required && !child.node.showWhen ? undefined : section;
    } else {
      value = toData(child.node, values[child.path]);
    }
    if (value !== undefined || child.required) out[child.key] = value;
  }
  return out;
}

/** Input values that show existing data, e.g. a previous submission or a roll-up. */
export function valuesFromData(root: JsonSchemaNode, data: unknown): RawValues {
  const values: RawValues = {};
  const walk = (node: JsonSchemaNode, path: string, value: unknown) => {
    if (widgetOf(node) === 'table') {
      if (!Array.isArray(value)) return;
      values[path] = value.length;
      value.forEach((row, i) => walk(node.items ?? {}, `${path}.${i}`, row));
    } else if (isGroup(node)) {
      if (typeof value !== 'object' || value === null) return;
      for (const child of childrenOf(node, path)) walk(child.node, child.path, (value as Record<string, unknown>)[child.key]);
    } else if (widgetOf(node) === 'count' && typeof value === 'number') {
      values[path] = formatInteger(value);
    } else if (widgetOf(node) === 'decimal' && typeof value === 'number') {
      values[path] = String(value).replace('.', ',');
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      values[path] = value;
    }
  };
  walk(root, '', data);
  return values;
}

const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A computed value of a section or row as shown: "42,0 %", "1.250 người", or "—" while it cannot be computed. */
export function formatComputed(field: ComputedField, data: unknown): string {
  const value = evaluateFormula(field.formula, data);
  if (value === undefined) return '—';
  // Always one decimal for rates, so "42,0 %" does not read as a rounded figure.
  const text = field.formula.op === 'percent' ? oneDecimal.format(value) : formatInteger(value);
  return field.unit ? `${text} ${field.unit.vi}` : text;
}
