/**
 * Reading a form's JSON Schema (from `describeForm`) the way the generic
 * renderer needs: field ids, visibility, and the conversion between what the
 * inputs hold and the data the form's Zod schema parses.
 */
import type { JsonSchemaNode } from '#schemas/core/describe.ts';
import { formatInteger, parseIntegerInput } from '#schemas/core/format.ts';

/** What an input holds: typed text for text-like widgets, the option's value for choices. */
export type RawValue = string | number | boolean | undefined;
/** Input values keyed by dotted path from the form root. */
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
  if (node.type === 'integer' || node.type === 'number') return 'count';
  return 'text';
}

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

export function nodeAt(root: JsonSchemaNode, path: string): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const key of path ? path.split('.') : []) node = node?.properties?.[key];
  return node;
}

/** Converts one input's value to what the schema parses; `undefined` means "left empty". */
export function toData(node: JsonSchemaNode, raw: RawValue): unknown {
  const widget = widgetOf(node);
  if (widget === 'choice') return raw;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (widget !== 'count') return text;
  const number = parseIntegerInput(text);
  // Garbage stays text so the schema answers "Vui lòng nhập một số nguyên." rather than "required".
  return Number.isNaN(number) ? text : number;
}

export function isShown(root: JsonSchemaNode, node: JsonSchemaNode, values: RawValues): boolean {
  const when = node.showWhen;
  if (!when) return true;
  const target = nodeAt(root, when.field);
  return target !== undefined && toData(target, values[when.field]) === when.equals;
}

/** Whether a path and every section above it are currently shown. */
export function isPathShown(root: JsonSchemaNode, path: string, values: RawValues): boolean {
  let node: JsonSchemaNode | undefined = root;
  for (const key of path ? path.split('.') : []) {
    node = node?.properties?.[key];
    if (!node || !isShown(root, node, values)) return false;
  }
  return node !== undefined;
}

/**
 * The data to validate and send. Hidden sections are dropped; an empty optional
 * field is absent; an empty required field is `undefined` so the schema reports it.
 */
export function collectData(root: JsonSchemaNode, values: RawValues): Record<string, unknown> {
  return collectObject(root, root, '', values);
}

function collectObject(root: JsonSchemaNode, node: JsonSchemaNode, path: string, values: RawValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of childrenOf(node, path)) {
    if (!isShown(root, child.node, values)) continue;
    let value: unknown;
    if (widgetOf(child.node) === 'section') {
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

/** Input values that show existing data, e.g. a previous submission. */
export function valuesFromData(root: JsonSchemaNode, data: unknown): RawValues {
  const values: RawValues = {};
  const walk = (node: JsonSchemaNode, path: string, value: unknown) => {
    if (widgetOf(node) === 'section') {
      if (typeof value !== 'object' || value === null) return;
      for (const child of childrenOf(node, path)) walk(child.node, child.path, (value as Record<string, unknown>)[child.key]);
    } else if (widgetOf(node) === 'count' && typeof value === 'number') {
      values[path] = formatInteger(value);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      values[path] = value;
    }
  };
  walk(root, '', data);
  return values;
}

/** Every field and section path in document order, to order error messages like the page. */
export function pathsInOrder(root: JsonSchemaNode): string[] {
  const paths: string[] = [];
  const walk = (node: JsonSchemaNode, path: string) => {
    for (const child of childrenOf(node, path)) {
      paths.push(child.path);
      if (widgetOf(child.node) === 'section') walk(child.node, child.path);
    }
  };
  walk(root, '');
  return paths;
}

/** The labels from the root down to a path, e.g. "Nhu cầu hỗ trợ nhân lực y tế › Bác sỹ". */
export function labelPath(root: JsonSchemaNode, path: string): string {
  const labels: string[] = [];
  let node: JsonSchemaNode | undefined = root;
  for (const key of path ? path.split('.') : []) {
    node = node?.properties?.[key];
    labels.push(node?.label?.vi ?? key);
  }
  return labels.join(' › ');
}

export interface DisplayItem {
  path: string;
  label: string;
  value?: string;
  children?: DisplayItem[];
}

/** Submitted data as labelled, vi-VN formatted items, for the receipt. */
export function displayItems(node: JsonSchemaNode, data: unknown, path = ''): DisplayItem[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const items: DisplayItem[] = [];
  for (const child of childrenOf(node, path)) {
    const value = record[child.key];
    if (value === undefined || value === null) continue;
    const label = child.node.label?.vi ?? child.key;
    if (widgetOf(child.node) === 'section') {
      items.push({ path: child.path, label, children: displayItems(child.node, value, child.path) });
    } else {
      items.push({ path: child.path, label, value: displayValue(child.node, value) });
    }
  }
  return items;
}

function displayValue(node: JsonSchemaNode, value: unknown): string {
  const option = node.options?.find((o) => o.value === value);
  if (option) return option.label.vi;
  if (typeof value === 'number') return node.unit ? `${formatInteger(value)} ${node.unit.vi}` : formatInteger(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return String(value);
}
