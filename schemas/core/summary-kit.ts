/**
 * Summary builders: the ordinary parts of a summary as declarations, so a form's
 * `outputs.summary` says which figures and tables, not how to add them up.
 *
 * - `table`: any rows; columns `{ key: 'Nhãn' }`; totals and percent columns computed.
 * - `unitTable`: one row per unit, sorted by code, with the report status the
 *   platform decides (on time, late, missing); `countTable` derives it from the
 *   schema's count fields.
 * - `groupTable`: the same sums per economic region or per parent unit.
 * - `crossTab`: rows × columns of counts (a grid, or items counted by two choices).
 * - `daily`: every day of a daily form's round so far (`earlier` plus today), per unit
 *   and in total, with how many units reported each day.
 * - `figures`, `percent`: the key figures; the first goes into the email subject.
 *
 * Labels are Vietnamese strings; a `{ vi, en }` passes through unchanged.
 */
import * as z from './zod.ts';
import { evaluateFormula } from './computed.ts';
import { fieldMeta } from './fields.ts';
import { statusText, UNIT_KIND_PLURAL } from './format.ts';
import type { Cell, SummaryChart, SummaryColumn, SummaryFigure, SummaryInput, SummaryTable, SummaryText, Timeliness } from './form.ts';
import type { OrgUnit } from './org-unit.ts';
import { addDays } from './period.ts';
import regions from '../data/vung-kinh-te.json' with { type: 'json' };

export type Label = string | SummaryText;
type Kind = SummaryColumn['kind'];
type Row = Record<string, Cell>;

export const label = (l: Label): SummaryText => (typeof l === 'string' ? { vi: l } : l);

/** Units in code order, the order every list of units is read in. */
export const byCode = <U extends { code: string }>(units: Iterable<U>): U[] => [...units].sort((a, b) => a.code.localeCompare(b.code));

/** Reports in their units' code order. */
export const inCodeOrder = <R extends { unit: { code: string } }>(reports: Iterable<R>): R[] =>
  [...reports].sort((a, b) => a.unit.code.localeCompare(b.unit.code));

export const sum = (values: ReadonlyArray<number | null | undefined>): number => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** How a column's total is found: summed (counts), a percent of two totals (percent columns), or given. */
type TotalSpec = Cell | ((rows: Row[]) => Cell);

export interface Column<R> {
  label: Label;
  /** Inferred when left out: `percent` for percent columns, else from the cells (a number is `integer`), else `integer`. */
  kind?: Kind;
  value?: (row: R) => Cell;
  /** `[numerator, denominator]`: keys of other columns; the cell is their percent, one decimal, empty when dividing by 0. */
  percent?: [string, string];
  total?: TotalSpec;
}

/** A column: its label (the cell is `row[key]`), `[label, value or kind]`, or in full. */
export type ColumnSpec<R> = Label | [Label, ((row: R) => Cell) | Kind] | Column<R>;

function columnOf<R>(spec: ColumnSpec<R>): Column<R> {
  if (typeof spec === 'string' || !Array.isArray(spec)) return typeof spec === 'object' && 'label' in spec ? spec : { label: spec };
  const [l, second] = spec;
  return typeof second === 'function' ? { label: l, value: second } : { label: l, kind: second };
}

const percentOf = (numerator: Cell | undefined, denominator: Cell | undefined): number | null =>
  evaluateFormula({ op: 'percent', numerator: 'n', denominator: 'd' }, { n: numerator, d: denominator }) ?? null;

/** How a table is named outside the page: see `SummaryTable.sheet` and `emailTop`. */
export interface TableNames {
  /** The XLSX sheet's name (≤ 31 characters), required when the title is longer. */
  sheet?: string;
  /** For a table of one row per unit: the column whose largest values the email shows. */
  emailTop?: string;
}

const namesOf = (spec: TableNames): TableNames => ({ ...(spec.sheet ? { sheet: spec.sheet } : {}), ...(spec.emailTop ? { emailTop: spec.emailTop } : {}) });

export interface TableSpec<R> extends TableNames {
  id: string;
  title: Label;
  rows: readonly R[];
  columns: Record<string, ColumnSpec<R>>;
  /** The total row's label, e.g. "Tổng cộng"; no total row without it. */
  total?: string;
  /** The column that holds the total's label: the first one unless said. */
  totalAt?: string;
}

/**
 * Any table: cells from `row[key]` or a column's `value`; a total row sums
 * integer columns, recomputes percent columns, and leaves text empty.
 * @example tableOf({ id: 'by-topic', title: 'Theo lĩnh vực', rows, columns: { topic: 'Lĩnh vực', count: 'Số ý kiến' }, total: 'Tổng cộng' })
 */
export function tableOf<R>(spec: TableSpec<R>): SummaryTable {
  const entries = Object.entries(spec.columns).map(([key, c]) => [key, columnOf(c)] as const);
  const rows = spec.rows.map((source) => {
    const row: Row = {};
    for (const [key, c] of entries) row[key] = c.value ? c.value(source) : ((source as Row)[key] ?? null);
    for (const [key, c] of entries) if (c.percent) row[key] = percentOf(row[c.percent[0]], row[c.percent[1]]);
    return row;
  });
  const kindOf = ([, c]: (typeof entries)[number], cells: Array<Cell | undefined>): Kind =>
    c.kind ?? (c.percent ? 'percent' : typeof cells.find((v) => v !== null && v !== undefined) === 'string' ? 'text' : 'integer');
  let total: Row | undefined;
  if (spec.total !== undefined) {
    const at = spec.totalAt ?? entries[0]?.[0];
    total = {};
    for (const [key, c] of entries) {
      const cells = rows.map((r) => r[key] ?? null);
      if (key === at) total[key] = spec.total;
      else if (typeof c.total === 'function') total[key] = c.total(rows);
      else if (c.total !== undefined) total[key] = c.total;
      else if (c.percent) total[key] = null;
      else total[key] = { integer: sum(cells.map((v) => (typeof v === 'number' ? v : 0))), text: '', percent: null, datetime: null }[kindOf([key, c], cells)];
    }
    for (const [key, c] of entries) if (c.percent && c.total === undefined) total[key] = percentOf(total[c.percent[0]], total[c.percent[1]]);
  }
  return {
    id: spec.id,
    title: label(spec.title),
    columns: entries.map((e) => ({ key: e[0], label: label(e[1].label), kind: kindOf(e, [...rows.map((r) => r[e[0]]), total?.[e[0]]]) })),
    rows,
    ...(total ? { total } : {}),
    ...namesOf(spec),
  };
}

/** One unit's line in a per-unit table: its report if it sent one. */
export interface UnitLine<T> {
  unit: OrgUnit;
  data?: T;
  timeliness?: Timeliness;
}

/** A per-unit column: `value` reads a report (empty for a unit that has none); `each` is asked of every unit. */
export type UnitColumn<T> =
  | Label
  | [Label, (data: T, unit: OrgUnit) => Cell]
  | (Omit<Column<UnitLine<T>>, 'value'> & { value?: (data: T, unit: OrgUnit) => Cell; each?: (unit: OrgUnit, data: T | undefined) => Cell });

export interface UnitTableSpec<T> extends TableNames {
  id: string;
  title: Label;
  columns: Record<string, UnitColumn<T>>;
  /** The name column's heading; by default the plural of the units' kind ("Tỉnh, thành phố"), or "Đơn vị". */
  name?: Label;
  /**
   * List every unit that must report (and any other unit that did), those
   * without a report marked "Chưa báo cáo"; the total says how many reported.
   * Without it only the units that reported are listed.
   */
  missing?: boolean;
  /** Which reports count, e.g. only districts. */
  only?: (unit: OrgUnit) => boolean;
  /** The total row's label; none without it. */
  total?: string;
}

function nameHeading(units: OrgUnit[]): string {
  const kinds = new Set(units.map((u) => u.kind));
  const [only] = kinds;
  if (kinds.size !== 1 || !only) return 'Đơn vị';
  const plural = UNIT_KIND_PLURAL[only];
  return plural.charAt(0).toUpperCase() + plural.slice(1);
}

/** Every unit a summary speaks of, in code order: reporters, plus any unit in `reports` or `earlier`. */
export function unitsOf(input: Pick<SummaryInput<unknown>, 'reporters' | 'reports' | 'earlier'>): OrgUnit[] {
  const units = new Map(input.reporters.map((u) => [u.code, u]));
  for (const { unit } of [...input.reports, ...(input.earlier ?? [])]) if (!units.has(unit.code)) units.set(unit.code, unit);
  return byCode(units.values());
}

/**
 * One row per unit, by code: code, name, the columns, then the report status in
 * the platform's words. Counts total up by themselves.
 * @example unitTable(input, { id: 'by-province', title: 'Chi tiết theo tỉnh', columns: { doctors: ['Bác sỹ', (d) => d.need.doctors] }, total: 'Tổng cộng' })
 */
export function unitTable<T>(input: SummaryInput<T>, spec: UnitTableSpec<T>): SummaryTable {
  const reports = input.reports.filter((r) => !spec.only || spec.only(r.unit));
  const sent = new Map(reports.map((r) => [r.unit.code, r]));
  const lines: Array<UnitLine<T>> = spec.missing
    ? unitsOf(input).filter((u) => !spec.only || spec.only(u)).map((unit) => ({ unit, ...sent.get(unit.code) }))
    : byCode(reports.map((r) => r.unit)).map((unit) => sent.get(unit.code)!);
  const columns: Record<string, ColumnSpec<UnitLine<T>>> = {
    code: { label: 'Mã', kind: 'text', value: (l) => l.unit.code },
    name: { label: spec.name ?? nameHeading(unitsOf(input)), kind: 'text', value: (l) => l.unit.name },
  };
  for (const [key, c] of Object.entries(spec.columns)) {
    const col = typeof c === 'string' || !('label' in c) ? (Array.isArray(c) ? { label: c[0], value: c[1] } : { label: c }) : c;
    const { value, each, ...rest } = col as Exclude<UnitColumn<T>, Label | unknown[]>;
    columns[key] = {
      ...rest,
      value: (l) => (each ? each(l.unit, l.data) : l.data === undefined ? null : value ? value(l.data, l.unit) : ((l.data as Row)[key] ?? null)),
    };
  }
  // A table that may list units without a report says how many reported; one of reports only, when each was due.
  columns[spec.missing ? 'status' : 'timeliness'] = {
    label: spec.missing ? 'Tình trạng báo cáo' : 'Thời hạn',
    kind: 'text',
    value: (l) => statusText(l.timeliness ?? 'missing'),
    total: spec.missing ? `${reports.length}/${lines.length} đã báo cáo` : '',
  };
  return tableOf({ id: spec.id, title: spec.title, rows: lines, columns, ...(spec.total ? { total: spec.total, totalAt: 'name' } : {}), ...namesOf(spec) });
}

/** Where a field sits and what it is called, for every count field of a schema. */
export function countFields(schema: z.core.$ZodType): Array<{ path: string; label: string }> {
  const found: Array<{ path: string; label: string }> = [];
  const walk = (node: Record<string, unknown>, path: string[], prefix: string) => {
    const meta = node as { widget?: string; label?: { vi: string }; properties?: Record<string, Record<string, unknown>> };
    if (meta.widget === 'count' && path.length) found.push({ path: path.join('.'), label: prefix ? `${prefix}: ${meta.label?.vi}` : (meta.label?.vi ?? path.join('.')) });
    // Tables repeat rows of their own; their counts are summed by `table`, not per unit.
    if (meta.widget === 'table') return;
    const here = path.length && meta.widget !== undefined && meta.widget !== 'count' ? (meta.label?.vi ?? '') : prefix;
    for (const [key, child] of Object.entries(meta.properties ?? {})) walk(child, [...path, key], here);
  };
  walk(z.toJSONSchema(schema, { metadata: fieldMeta, io: 'output', unrepresentable: 'any' }) as Record<string, unknown>, [], '');
  return found;
}

function valueAt(data: unknown, path: string): Cell {
  let cur = data;
  for (const key of path.split('.')) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[key] : undefined;
  return typeof cur === 'number' ? cur : null;
}

/**
 * The default per-unit table: every count field of the schema, labelled as in
 * the form (inside a section: "Section: Field"), for every unit that must
 * report, totalled. A count in a hidden section is empty, not 0.
 * @example tables: [countTable(schema, input)]
 */
export function countTable<T>(schema: z.core.$ZodType, input: SummaryInput<T>, spec: Partial<UnitTableSpec<T>> = {}): SummaryTable {
  const columns = Object.fromEntries(countFields(schema).map((f) => [f.path, [f.label, (d: T) => valueAt(d, f.path)] as [Label, (d: T) => Cell]]));
  return unitTable(input, { id: 'by-unit', title: 'Chi tiết theo đơn vị', missing: true, total: 'Tổng cộng', ...spec, columns: { ...columns, ...spec.columns } });
}

export interface GroupTableSpec<T> extends TableNames {
  id: string;
  title: Label;
  /** By economic region (north to south), by parent unit (by code), or by any key. */
  by: 'region' | 'parent' | ((unit: OrgUnit) => string);
  /** The group column's heading and, for parents, their names by code. */
  group?: Label;
  names?: Record<string, string>;
  /** Counts summed over each group's reports; percent columns recomputed from the sums. */
  columns: Record<string, [Label, (data: T, unit: OrgUnit) => number] | Column<{ data: T; unit: OrgUnit }> & { value?: never; sum?: (data: T, unit: OrgUnit) => number }>;
  total?: string;
}

/**
 * The per-unit sums per group of units, with how many of each group reported.
 * @example groupTable(input, { id: 'by-region', title: 'Theo vùng', by: 'region', columns: { doctors: ['Bác sỹ', (d) => d.need.doctors] }, total: 'Cả nước' })
 */
export function groupTable<T>(input: SummaryInput<T>, spec: GroupTableSpec<T>): SummaryTable {
  const keyOf = spec.by === 'region' ? (u: OrgUnit) => u.region ?? '' : spec.by === 'parent' ? (u: OrgUnit) => u.parent ?? '' : spec.by;
  const groups = new Map<string, { expected: number; reported: number; sums: Record<string, number> }>();
  const groupOf = (key: string) => groups.get(key) ?? groups.set(key, { expected: 0, reported: 0, sums: {} }).get(key)!;
  const entries = Object.entries(spec.columns).map(([key, c]) => [key, Array.isArray(c) ? { label: c[0], sum: c[1] } : c] as const);
  for (const unit of unitsOf(input)) groupOf(keyOf(unit)).expected++;
  for (const { unit, data } of input.reports) {
    const g = groupOf(keyOf(unit));
    g.reported++;
    for (const [key, c] of entries) if (c.sum) g.sums[key] = (g.sums[key] ?? 0) + c.sum(data, unit);
  }
  // Built here, not at module level, so a browser chunk that imports the kit unused keeps none of it.
  const regionOrder = new Map(regions.map((r) => [r.name, r.order]));
  const order = (k: string) => (spec.by === 'region' ? (regionOrder.get(k) ?? regions.length) : 0);
  const keys = [...groups.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const heading = spec.group ?? (spec.by === 'region' ? 'Vùng' : spec.by === 'parent' ? 'Đơn vị cấp trên' : 'Nhóm');
  return tableOf({
    id: spec.id,
    title: spec.title,
    rows: keys.map((k) => ({ key: k, ...groups.get(k)! })),
    columns: {
      group: { label: heading, kind: 'text', value: (g) => spec.names?.[g.key] ?? (g.key || 'Chưa xác định') },
      reported: ['Số đơn vị đã báo cáo', (g) => g.reported],
      expected: ['Số đơn vị phải báo cáo', (g) => g.expected],
      ...Object.fromEntries(entries.map(([key, { sum: s, ...c }]) => [key, { ...c, ...(s ? { value: (g: { sums: Record<string, number> }) => g.sums[key] ?? 0 } : {}) }])),
    },
    ...(spec.total ? { total: spec.total } : {}),
    ...namesOf(spec),
  });
}

/** A row or column of a cross-tab: `key` or `value` (as choices have) and its label. */
export interface Axis {
  key?: string;
  value?: string;
  label: Label;
}
const axisKey = (a: Axis) => a.key ?? a.value ?? '';

export interface CrossTabSpec extends TableNames {
  id: string;
  title: Label;
  /** The first column: its key and heading; rows show their Vietnamese label there. */
  corner: [string, Label];
  rows: readonly Axis[];
  columns: readonly Axis[];
  cell: (row: string, column: string) => number;
  /** The heading of the row-total column (key `total`); none without it. */
  rowTotal?: Label;
  total?: string;
}

/**
 * Rows × columns of counts, with a total column and a total row.
 * @example crossTab({ id: 'by-dose-and-age', title, corner: ['dose', 'Mũi tiêm'], rows: doseRows, columns: ageColumns, cell: (d, a) => sum(reports.map((r) => r.data.doses[d][a])), rowTotal: 'Tổng', total: 'Tổng cộng' })
 */
export function crossTab(spec: CrossTabSpec): SummaryTable {
  const [cornerKey, cornerLabel] = spec.corner;
  const rows = spec.rows.map((r) => {
    const cells = Object.fromEntries(spec.columns.map((c) => [axisKey(c), spec.cell(axisKey(r), axisKey(c))]));
    return { [cornerKey]: label(r.label).vi, ...cells, ...(spec.rowTotal ? { total: sum(Object.values(cells)) } : {}) };
  });
  return tableOf({
    id: spec.id,
    title: spec.title,
    rows,
    columns: {
      [cornerKey]: [cornerLabel, 'text'],
      ...Object.fromEntries(spec.columns.map((c) => [axisKey(c), [c.label, 'integer']])),
      ...(spec.rowTotal ? { total: [spec.rowTotal, 'integer'] } : {}),
    },
    ...(spec.total ? { total: spec.total } : {}),
    ...namesOf(spec),
  });
}

/**
 * Rows per choice, in the order of the list, of the items that chose it: each
 * cell a function of those items. Choices nobody chose are kept unless `skipEmpty`.
 * @example tally(planRows, (p) => p.vaccine, vaccineOptions, { vaccine: ['Loại vắc xin', (_, v) => v.label], doses: ['Số liều', (rows) => sum(rows.map((p) => p.doses))] })
 */
export function tally<I, C extends Axis>(
  items: readonly I[],
  choiceOf: (item: I) => string,
  choices: readonly C[],
  cells: Record<string, (items: I[], choice: C) => Cell>,
  options: { skipEmpty?: boolean } = {},
): Row[] {
  return choices.flatMap((choice) => {
    const mine = items.filter((i) => choiceOf(i) === axisKey(choice));
    if (options.skipEmpty && mine.length === 0) return [];
    return [Object.fromEntries(Object.entries(cells).map(([key, f]) => [key, f(mine, choice)]))];
  });
}

/** How many units reported on a day (or, for a running total, how many reports came up to it) out of how many were due. */
export interface Coverage {
  reported: number;
  expected: number;
}

/** The days of a daily form up to the summary's day, with each day's reports. */
export interface Days<T> {
  /** Every day from the round's first day to the summary's, none skipped, whether anyone reported or not. */
  days: string[];
  /** "01/10" for 2021-10-01: the x axis and the column headings. */
  labels: string[];
  /** Every unit, by code. */
  units: OrgUnit[];
  /** Per day, how many units reported out of all of them: a day with fewer is incomplete, its sums are not the whole. */
  coverage: Coverage[];
  /** Per day, the reports received up to that day out of those due (units × days): what a running total stands on. */
  runningCoverage: Coverage[];
  /** A unit's report on a day, if it sent one. */
  on(day: string, code: string): T | undefined;
  /** Per day, the sum of `value` over that day's reports; `null` on a day nobody reported (a gap, not a zero). */
  perDay(value: (data: T) => number): Array<number | null>;
  /** A unit's `value` per day, `null` on days it did not report. */
  ofUnit(code: string, value: (data: T) => number): Array<number | null>;
  /** A unit's sum of `value` over the days up to today. */
  cumulative(code: string, value: (data: T) => number): number;
  /** Running totals of a series; `null` stays `null` (a day nobody reported is a gap here too). */
  running(values: ReadonlyArray<number | null>): Array<number | null>;
  /**
   * A unit per row, a day per column, the unit's total last; below, how many
   * units reported each day, then the days' totals ("—" on a day nobody reported).
   */
  table(spec: { id: string; title: Label; name: Label; value: (data: T) => number; total: string; sumLabel?: Label } & TableNames): SummaryTable;
  /**
   * A line chart over every day, with each day's coverage so the dashboard marks
   * incomplete days: `'day'` (the default) for sums over the day's reports,
   * `'running'` for running totals, `false` for lines of one unit each.
   */
  chart(spec: { id: string; title: Label; unit?: Label; series: Array<[Label, ReadonlyArray<number | null>]>; coverage?: 'day' | 'running' | false }): SummaryChart;
}

/**
 * The round so far for daily forms: `earlier` plus today's reports, by day and
 * unit, over every day from `from` (by default `input.firstPeriod`, the first day
 * of the round the summary is of; without either, the first day anyone reported)
 * to the summary's day. A round an official opens later counts from its own
 * first day, not the form file's.
 * @example const round = daily(input); round.table({ id: 'daily-series', title, name: 'Huyện', value: (d) => d.doses, total: 'Toàn tỉnh' })
 */
export function daily<T>(input: SummaryInput<T>, options: { from?: string } = {}): Days<T> {
  if (!input.earlier) throw new Error('daily(input) adds up the earlier days: declare `earlierDays: true` in the form’s outputs');
  const dayOf = new Map<string, Map<string, T>>();
  for (const e of [...input.earlier, ...input.reports.map((r) => ({ period: input.period, unit: r.unit, data: r.data }))]) {
    if (e.period > input.period) continue;
    if (!dayOf.has(e.period)) dayOf.set(e.period, new Map());
    dayOf.get(e.period)!.set(e.unit.code, e.data);
  }
  const first = [options.from ?? input.firstPeriod ?? input.period, ...dayOf.keys()].sort()[0]!;
  const days: string[] = [];
  for (let d = first; d <= input.period && days.length < 3660; d = addDays(d, 1)) days.push(d);
  const units = unitsOf(input);
  const on = (day: string, code: string) => dayOf.get(day)?.get(code);
  const reportsOn = (day: string) => [...(dayOf.get(day)?.values() ?? [])];
  const coverage = days.map((d) => ({ reported: reportsOn(d).length, expected: units.length }));
  let received = 0;
  const runningCoverage = coverage.map((c, i) => ({ reported: (received += c.reported), expected: units.length * (i + 1) }));
  const running = (values: ReadonlyArray<number | null>) => {
    let acc = 0;
    return values.map((v) => (v === null ? null : (acc += v)));
  };
  const perDay = (value: (data: T) => number) =>
    days.map((d) => {
      const reported = reportsOn(d);
      return reported.length === 0 ? null : sum(reported.map(value));
    });
  const labels = days.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}`);
  const ofUnit = (code: string, value: (data: T) => number) =>
    days.map((d) => {
      const data = on(d, code);
      return data === undefined ? null : value(data);
    });
  const kinds = new Set(units.map((u) => u.kind));
  const [kind] = kinds;
  const unitsWord = kinds.size === 1 && kind ? UNIT_KIND_PLURAL[kind] : 'đơn vị';
  return {
    days,
    labels,
    units,
    coverage,
    runningCoverage,
    on,
    perDay,
    running,
    ofUnit,
    cumulative: (code, value) => sum(ofUnit(code, value)),
    table: (spec) => {
      const totals = perDay(spec.value);
      // Below the units, a row that says how many reported each day; the total row adds up the units alone.
      type Line = { unit: OrgUnit } | { count: string };
      const lines: Line[] = [...units.map((unit) => ({ unit })), { count: `Số ${unitsWord} đã báo cáo (trên ${units.length})` }];
      return tableOf<Line>({
        id: spec.id,
        title: spec.title,
        rows: lines,
        columns: {
          name: { label: spec.name, kind: 'text', value: (l) => ('unit' in l ? l.unit.name : l.count) },
          ...Object.fromEntries(
            days.map((d, i) => [
              d,
              {
                label: labels[i]!,
                kind: 'integer' as const,
                value: (l: Line) => ('unit' in l ? (on(d, l.unit.code) === undefined ? null : spec.value(on(d, l.unit.code)!)) : coverage[i]!.reported),
                total: totals[i]!,
              },
            ]),
          ),
          total: { label: spec.sumLabel ?? 'Cộng', kind: 'integer', value: (l) => ('unit' in l ? sum(ofUnit(l.unit.code, spec.value)) : null), total: sum(totals) },
        },
        total: spec.total,
        ...namesOf(spec),
      });
    },
    chart: (spec) => {
      const covered = spec.coverage === false ? undefined : spec.coverage === 'running' ? runningCoverage : coverage;
      return {
        id: spec.id,
        title: label(spec.title),
        x: labels,
        ...(spec.unit ? { unit: label(spec.unit) } : {}),
        series: spec.series.map(([l, values]) => ({ label: label(l), values: [...values] })),
        ...(covered ? { coverage: covered.map((c) => ({ ...c })) } : {}),
      };
    },
  };
}

/** A table's total row, its numbers only: for figures that repeat a total. */
export const totalOf = (t: SummaryTable): Record<string, number> =>
  Object.fromEntries(Object.entries(t.total ?? {}).flatMap(([k, v]) => (typeof v === 'number' ? [[k, v]] : [])));

/** A percent figure (42.5 reads "42,5 %"). */
export const percent = (value: number) => ({ percent: value });

/**
 * The key figures by their labels, in order; the first goes into the email subject.
 * @example figures({ 'Tổng nhu cầu': 471, 'Tỷ lệ đạt': percent(93.5) })
 */
export function figures(values: Record<string, number | { percent: number }>): SummaryFigure[] {
  return Object.entries(values).map(([vi, v]) =>
    typeof v === 'number' ? { label: { vi }, value: v } : { label: { vi }, value: v.percent, kind: 'percent' as const },
  );
}
