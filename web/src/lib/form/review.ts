/**
 * Reading a form's schema and an answer once the officer submits, for the error
 * summary (fields in page order, labelled from the root) and the receipt (the
 * answer as labelled, vi-VN formatted items). Loaded with on-submit.ts, not with
 * the page.
 */
import type { JsonSchemaNode } from '#schemas/core/describe.ts';
import { formatDate, formatInteger } from '#schemas/core/format.ts';
import { childNode, childrenOf, formatComputed, isShown, joinPath, rowCount, widgetOf, type RawValues } from './schema.ts';

/** Whether a path is on screen: every node down to it shown, every row index within its table. */
export function isPathShown(root: JsonSchemaNode, path: string, values: RawValues): boolean {
  let node: JsonSchemaNode | undefined = root;
  let at = '';
  for (const key of path ? path.split('.') : []) {
    if (node.type === 'array' && Number(key) >= rowCount(node, at, values)) return false;
    node = childNode(node, key);
    at = joinPath(at, key);
    if (!node || !isShown(root, node, values)) return false;
  }
  return true;
}

/** Every path on screen in document order, table rows included, to order error messages like the page. */
export function pathsInOrder(root: JsonSchemaNode, values: RawValues): string[] {
  const paths: string[] = [];
  const walk = (node: JsonSchemaNode, path: string) => {
    if (path) paths.push(path);
    if (widgetOf(node) === 'table') {
      for (let i = 0; i < rowCount(node, path, values); i++) walk(node.items ?? {}, `${path}.${i}`);
    } else {
      for (const child of childrenOf(node, path)) walk(child.node, child.path);
    }
  };
  walk(root, '');
  return paths;
}

/**
 * The labels from the root down to a path, e.g. "Điểm tiêm › Dòng 2 › Còn thiếu";
 * a grid cell by its row and column, "Số liều › Mũi 1 › 18–49 tuổi".
 */
export function labelPath(root: JsonSchemaNode, path: string): string {
  const labels: string[] = [];
  let node: JsonSchemaNode | undefined = root;
  let grid: JsonSchemaNode | undefined;
  for (const key of path ? path.split('.') : []) {
    const parent: JsonSchemaNode | undefined = node;
    node = childNode(parent, key);
    const axis = parent?.widget === 'grid' ? parent.rows : grid?.columns;
    labels.push(
      parent?.type === 'array' ? `Dòng ${Number(key) + 1}` : (axis?.find((a) => a.key === key)?.label.vi ?? node?.label?.vi ?? key),
    );
    grid = parent?.widget === 'grid' ? parent : undefined;
  }
  return labels.join(' › ');
}

export interface DisplayItem {
  path: string;
  label: string;
  value?: string;
  children?: DisplayItem[];
}

const sum = (numbers: number[]) => numbers.reduce((s, n) => s + n, 0);
const numberIn = (record: unknown, key: string) => {
  const value = (record as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' ? value : 0;
};
/** One table row or grid row on one line: "Tên: Trạm Y tế xã · Số liều: 200". */
const line = (parts: Array<[string, string]>) => parts.map(([label, value]) => `${label}: ${value}`).join(' · ');

/** Submitted data as labelled, vi-VN formatted items, for the receipt; tables and grids one line per row. */
export function displayItems(node: JsonSchemaNode, data: unknown, path = ''): DisplayItem[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const items: DisplayItem[] = [];
  for (const child of childrenOf(node, path)) {
    const value = record[child.key];
    if (value === undefined || value === null) continue;
    const label = child.node.label?.vi ?? child.key;
    const widget = widgetOf(child.node);
    if (widget === 'table' && Array.isArray(value)) {
      items.push({ path: child.path, label, ...tableDisplay(child.node, child.path, value) });
    } else if (widget === 'grid') {
      items.push({ path: child.path, label, children: gridDisplay(child.node, child.path, value) });
    } else if (widget === 'section') {
      items.push({ path: child.path, label, children: displayItems(child.node, value, child.path) });
    } else {
      items.push({ path: child.path, label, value: displayValue(child.node, value) });
    }
  }
  for (const field of node.computed ?? []) {
    items.push({ path: `${path}#${field.key}`, label: field.label.vi, value: formatComputed(field, data) });
  }
  return items;
}

function tableDisplay(node: JsonSchemaNode, path: string, rows: unknown[]): Pick<DisplayItem, 'value' | 'children'> {
  if (rows.length === 0) return { value: `Không có ${node.rowLabel?.vi ?? 'dòng'} nào` };
  const row = node.items ?? {};
  const columns = childrenOf(row, '');
  const items: DisplayItem[] = rows.map((data, i) => ({
    path: `${path}.${i}`,
    label: `Dòng ${i + 1}`,
    value: line([
      ...columns.flatMap((c): Array<[string, string]> => {
        const value = (data as Record<string, unknown>)[c.key];
        return value === undefined || value === null ? [] : [[c.node.label?.vi ?? c.key, displayValue(c.node, value)]];
      }),
      ...(row.computed ?? []).map((f): [string, string] => [f.label.vi, formatComputed(f, data)]),
    ]),
  }));
  const totals = columns.filter((c) => node.totals?.includes(c.key));
  if (totals.length > 0) {
    items.push({
      path: `${path}#total`,
      label: 'Tổng cộng',
      value: line(totals.map((c) => [c.node.label?.vi ?? c.key, formatInteger(sum(rows.map((r) => numberIn(r, c.key))))])),
    });
  }
  return { children: items };
}

function gridDisplay(node: JsonSchemaNode, path: string, data: unknown): DisplayItem[] {
  const columns = node.columns ?? [];
  const rows = (node.rows ?? []).map((r) => ({ ...r, cells: columns.map((c) => numberIn((data as Record<string, unknown>)[r.key], c.key)) }));
  rows.push({ key: '#total', label: { vi: 'Tổng cộng', en: 'Total' }, cells: columns.map((_, i) => sum(rows.map((r) => r.cells[i]!))) });
  return rows.map((r) => ({
    path: `${path}.${r.key}`,
    label: r.label.vi,
    value: line([...columns.map((c, i): [string, string] => [c.label.vi, formatInteger(r.cells[i]!)]), ['Tổng cộng', formatInteger(sum(r.cells))]]),
  }));
}

const decimalFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20 });

function displayValue(node: JsonSchemaNode, value: unknown): string {
  const option = node.options?.find((o) => o.value === value);
  if (option) return option.label.vi;
  if (typeof value === 'number') {
    // A decimal keeps its decimals, written with a comma as typed ("12,34").
    const text = widgetOf(node) === 'decimal' ? decimalFormat.format(value) : formatInteger(value);
    return node.unit ? `${text} ${node.unit.vi}` : text;
  }
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (widgetOf(node) === 'date' && typeof value === 'string') return formatDate(value);
  return String(value);
}
