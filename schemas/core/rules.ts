/**
 * Conditions and cross-field rules as data: declared in a form's schema
 * metadata, so they travel in the form's JSON Schema, and checked by this one
 * engine on that JSON Schema and the parsed answer. Messages are generated in
 * Vietnamese from the field labels, or given per rule.
 *
 * Paths are dotted from the form root. `*` stands for every row of a table (or
 * every row of a grid): in a rule's `field` it checks each row on its own, and
 * the same `*` in the other side of the rule means that same row; a `*` only in
 * the other side adds up every row (`vaccines.*.received` is all received doses).
 * A path ending at a grid or a section adds up every number in it.
 */
import type { JsonSchemaNode } from './describe.ts';
import { formatDate, formatInteger } from './format.ts';

/** A condition on another field's answer, e.g. `{ field: 'appliesDirective16', equals: true }`. */
export interface Condition {
  field: string;
  equals: string | number | boolean;
}

/** The other side of a comparison: a path, a constant, or the sum of paths (labelled for messages). */
export type Operand = string | number | { sum: string[]; label?: string };

/**
 * `message` overrides the generated one; `{value}` and `{limit}` in it are the
 * two sides as shown (vi-VN numbers, dd/mm/yyyy dates), `{row}` the first row of a duplicate.
 */
export type Rule =
  | { check: 'atMost' | 'atLeast' | 'equals'; field: string; than: Operand; message?: string }
  | { check: 'unique'; field: string; message?: string }
  | { check: 'requiredIf'; field: string; when: Condition; message?: string }
  | { check: 'listedIn'; field: string; list: string; message?: string };

/** @example atMost('screening.positive', 'screening.tested') */
export const atMost = (field: string, than: Operand, message?: string): Rule => ({ check: 'atMost', field, than, ...(message ? { message } : {}) });
/** @example atLeast('plan.*.endDate', 'plan.*.startDate') // per row */
export const atLeast = (field: string, than: Operand, message?: string): Rule => ({ check: 'atLeast', field, than, ...(message ? { message } : {}) });
/** @example equals('population.total', sumOf('population.men', 'population.women')) */
export const equals = (field: string, than: Operand, message?: string): Rule => ({ check: 'equals', field, than, ...(message ? { message } : {}) });
/** @example sumOf('vaccines.*.openingStock', 'vaccines.*.received') */
export const sumOf = (...paths: string[]): Operand => ({ sum: paths });
/** No two rows of `table` with the same `column` (text compared without case). @example uniqueIn('vaccines', 'vaccine') */
export const uniqueIn = (table: string, column: string, message?: string): Rule => ({ check: 'unique', field: `${table}.*.${column}`, ...(message ? { message } : {}) });
/** @example requiredIf('facilities.*.missing', { field: 'facilities.*.ready', equals: false }) */
export const requiredIf = (field: string, when: Condition, message?: string): Rule => ({ check: 'requiredIf', field, when, ...(message ? { message } : {}) });
/** The answer must be one of a table column's values (text compared without case). @example listedIn('plan.*.facility', 'facilities.*.name') */
export const listedIn = (field: string, list: string, message?: string): Rule => ({ check: 'listedIn', field, list, ...(message ? { message } : {}) });

export interface RuleIssue {
  path: string;
  message: string;
}

/** Row indices chosen so far, by the pattern up to their `*` (`plan.*` → `3`). */
type Binding = ReadonlyMap<string, string>;
interface Match {
  path: string[];
  value: unknown;
  bind: Binding;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
// Own keys only: a path segment named `constructor` is a key like any other, never a prototype member.
const own = (v: unknown, key: string) => (isRecord(v) && Object.hasOwn(v, key) ? v[key] : undefined);

/** Every present value a pattern reaches; an unbound `*` fans out over rows. */
function expand(data: unknown, pattern: string, bind: Binding = new Map()): Match[] {
  const segments = pattern.split('.');
  const out: Match[] = [];
  const walk = (value: unknown, i: number, path: string[], bind: Binding) => {
    if (value === undefined) return;
    if (i === segments.length) return void out.push({ path, value, bind });
    const segment = segments[i]!;
    if (segment !== '*') return walk(own(value, segment), i + 1, [...path, segment], bind);
    const prefix = segments.slice(0, i + 1).join('.');
    const bound = bind.get(prefix);
    if (bound !== undefined) return walk(own(value, bound), i + 1, [...path, bound], bind);
    for (const key of isRecord(value) ? Object.keys(value) : []) {
      walk(own(value, key), i + 1, [...path, key], new Map(bind).set(prefix, key));
    }
  };
  walk(data, 0, [], bind);
  return out;
}

/** One text or date, or the sum of every number in the values; `empty` when there is none. */
function amount(values: unknown[], empty: number | undefined): number | string | undefined {
  if (values.length === 1 && typeof values[0] === 'string') return values[0];
  let sum = 0;
  let found = false;
  const add = (v: unknown): void => {
    if (typeof v === 'number') [sum, found] = [sum + v, true];
    else if (isRecord(v)) Object.values(v).forEach(add);
  };
  values.forEach(add);
  return found ? sum : empty;
}

/** What the other side of a rule amounts to at a row binding. */
function measure(data: unknown, operand: Operand, bind: Binding): number | string | undefined {
  if (typeof operand === 'number') return operand;
  const patterns = typeof operand === 'string' ? [operand] : operand.sum;
  // Adding up the rows of an empty table is 0; a single field left out is no figure at all.
  const fansOut = patterns.some((p) => p.split('.').some((s, i, all) => s === '*' && !bind.has(all.slice(0, i + 1).join('.'))));
  return amount(patterns.flatMap((p) => expand(data, p, bind).map((m) => m.value)), fansOut ? 0 : undefined);
}

/** The schema node a pattern points at (`*` or a row number steps into a table's rows; `*` into a grid's rows). */
export function nodeAtPattern(root: JsonSchemaNode, pattern: string): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const segment of pattern.split('.')) {
    if (!node) return undefined;
    if (node.type === 'array') node = segment === '*' || /^\d+$/.test(segment) ? node.items : undefined;
    else if (segment === '*') node = Object.values(node.properties ?? {})[0];
    else node = node.properties && Object.hasOwn(node.properties, segment) ? node.properties[segment] : undefined;
  }
  return node;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const shown = (v: unknown) =>
  typeof v === 'number' ? formatInteger(v) : typeof v === 'string' && ISO_DATE.test(v) ? formatDate(v) : String(v);
/** Mid-sentence, "Số người" reads "số người"; an acronym ("BCĐ") keeps its capitals. */
const lower = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLocaleLowerCase('vi') + s.slice(1) : s);
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
const same = (v: unknown) => (typeof v === 'string' ? v.toLocaleLowerCase('vi') : v);

export class RuleEngine {
  readonly #root: JsonSchemaNode;
  readonly #data: unknown;
  readonly issues: RuleIssue[] = [];

  constructor(root: JsonSchemaNode, data: unknown) {
    this.#root = root;
    this.#data = data;
  }

  #label(pattern: string): string {
    return nodeAtPattern(this.#root, pattern)?.label?.vi ?? pattern;
  }

  #operandLabel(operand: Operand): string {
    if (typeof operand === 'number') return '';
    if (typeof operand === 'string') return lower(this.#label(operand));
    return operand.label ?? `tổng ${operand.sum.map((p) => lower(this.#label(p))).join(', ')}`;
  }

  /** Why a condition holds or not, in the officer's words: the option they chose. */
  #reason(when: Condition, bind: Binding): string {
    const node = nodeAtPattern(this.#root, when.field);
    const value = expand(this.#data, when.field, bind)[0]?.value;
    const option = node?.options?.find((o) => o.value === value);
    const question = node?.label?.vi ?? when.field;
    if (option) return `đã chọn “${option.label.vi}”`;
    return value === undefined ? `chưa trả lời “${question}”` : `“${question}” là ${shown(value)}`;
  }

  #holds(when: Condition, bind: Binding): boolean {
    return expand(this.#data, when.field, bind)[0]?.value === when.equals;
  }

  #add(path: string[], message: string) {
    this.issues.push({ path: path.join('.'), message });
  }

  /** Shown → present unless optional; hidden → absent. Hidden parts are not looked into. */
  checkConditions(node: JsonSchemaNode = this.#root, value: unknown = this.#data, path: string[] = [], pattern: string[] = [], bind: Binding = new Map()): void {
    if (node.type === 'array' && node.items && Array.isArray(value)) {
      const prefix = [...pattern, '*'];
      value.forEach((row, i) => this.checkConditions(node.items!, row, [...path, String(i)], prefix, new Map(bind).set(prefix.join('.'), String(i))));
      return;
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childValue = own(value, key);
      const at = [...path, key];
      if (child.showWhen) {
        const label = child.label?.vi ?? key;
        const reason = this.#reason(child.showWhen, bind);
        if (!this.#holds(child.showWhen, bind)) {
          if (childValue !== undefined) this.#add(at, `Vui lòng bỏ trống “${label}” vì ${reason}.`);
          continue;
        }
        if (childValue === undefined && !child.optional) this.#add(at, `Vui lòng điền “${label}” vì ${reason}.`);
      }
      this.checkConditions(child, childValue, at, [...pattern, key], bind);
    }
  }

  check(rule: Rule): void {
    for (const match of expand(this.#data, rule.field, new Map())) this.#checkAt(rule, match);
    if (rule.check === 'requiredIf') {
      // The field is absent, so it matches nothing above: look for the rows where it should be.
      const parent = rule.field.split('.').slice(0, -1).join('.');
      const rows = parent ? expand(this.#data, parent) : [{ path: [], value: this.#data, bind: new Map() as Binding }];
      const key = rule.field.split('.').at(-1)!;
      for (const row of rows) {
        if (own(row.value, key) === undefined && this.#holds(rule.when, row.bind)) {
          const label = this.#label(rule.field);
          this.#add([...row.path, key], rule.message ?? `Vui lòng điền “${label}” vì ${this.#reason(rule.when, row.bind)}.`);
        }
      }
    }
  }

  #checkAt(rule: Rule, { path, value, bind }: Match): void {
    const label = this.#label(rule.field);
    switch (rule.check) {
      case 'atMost':
      case 'atLeast':
      case 'equals': {
        const left = amount([value], undefined);
        const right = measure(this.#data, rule.than, bind);
        if (left === undefined || right === undefined || typeof left !== typeof right) return;
        const fails = rule.check === 'atMost' ? left > right : rule.check === 'atLeast' ? left < right : left !== right;
        if (!fails) return;
        const dates = typeof left === 'string';
        const verb = {
          atMost: dates ? 'không được sau' : 'không được lớn hơn',
          atLeast: dates ? 'không được trước' : 'không được nhỏ hơn',
          equals: 'phải bằng',
        }[rule.check];
        const other = this.#operandLabel(rule.than);
        const generated = other ? `${label} ${verb} ${other} ({limit}).` : `${label} ${verb} {limit}.`;
        return this.#add(path, fill(rule.message ?? generated, { value: shown(left), limit: shown(right) }));
      }
      case 'unique': {
        const rows = expand(this.#data, rule.field);
        const first = rows.findIndex((m) => same(m.value) === same(value));
        if (rows[first]!.path.join('.') === path.join('.')) return;
        const table = nodeAtPattern(this.#root, rule.field.slice(0, rule.field.indexOf('.*')));
        const each = table?.rowLabel ? `mỗi ${table.rowLabel.vi} chỉ khai một dòng` : 'không khai trùng';
        const row = String(Number(rows[first]!.path[rule.field.split('.').indexOf('*')]) + 1);
        return this.#add(path, fill(rule.message ?? `${label} này đã có ở dòng {row}; ${each}.`, { value: shown(value), row }));
      }
      case 'listedIn': {
        const list = new Set(expand(this.#data, rule.list).map((m) => same(m.value)));
        if (list.has(same(value))) return;
        const table = this.#label(rule.list.slice(0, rule.list.lastIndexOf('.*')));
        return this.#add(path, fill(rule.message ?? `${label} chưa có trong ${lower(table)}.`, { value: shown(value) }));
      }
      case 'requiredIf':
        return;
    }
  }
}

/**
 * Every condition and rule of a form, on an answer its schema has already parsed.
 * @example checkRules(describeForm(form).jsonSchema, data) // [{ path: 'screening.positive', message: 'Số ca dương tính ...' }]
 */
export function checkRules(root: JsonSchemaNode, data: unknown): RuleIssue[] {
  const engine = new RuleEngine(root, data);
  engine.checkConditions();
  for (const rule of root.rules ?? []) engine.check(rule);
  return engine.issues;
}

/** Paths in a form's rules and conditions that name no field: a typo caught when the form is tested, not when a unit reports. */
export function unknownPaths(root: JsonSchemaNode): string[] {
  const paths: string[] = [];
  const walk = (node: JsonSchemaNode) => {
    if (node.showWhen) paths.push(node.showWhen.field);
    Object.values(node.properties ?? {}).forEach(walk);
    if (node.items) walk(node.items);
  };
  walk(root);
  for (const rule of root.rules ?? []) {
    paths.push(rule.field);
    if ('than' in rule && typeof rule.than !== 'number') paths.push(...(typeof rule.than === 'string' ? [rule.than] : rule.than.sum));
    if ('when' in rule) paths.push(rule.when.field);
    if ('list' in rule) paths.push(rule.list);
  }
  return paths.filter((p) => !nodeAtPattern(root, p));
}
