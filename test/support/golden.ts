/**
 * Golden outputs of the six registered forms: what officials receive and see
 * for one fixed set of demo submissions, so that rewriting a form (or the
 * platform under it) can be checked to change nothing they read.
 *
 * Per form: the page descriptor, the submissions (each form's own `demo` with
 * fixed seeds; some units missing, some late, one late amendment per period,
 * the relay issuer's answer built by roll-up), the roll-up drafts, the
 * dashboard, and per period the summary JSON, the email, every XLSX cell and
 * every CSV. Used by test/integration/golden-outputs.test.ts.
 *
 * Recorded submissions are replayed as stored data (not regenerated), so the
 * outputs are compared on the same input even when a form's `demo` changes;
 * whether `demo` still gives the recorded data is its own part.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import ExcelJS from 'exceljs';
import type { AnyForm, AnyOutputs } from '#schemas/core/form.ts';
import { describeForm } from '#schemas/core/describe.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import { listPeriods } from '#schemas/core/period.ts';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { buildDashboard } from '../../functions/core/dashboard.ts';
import type { ReportingService } from '../../functions/core/reporting.ts';
import { buildSummary, type PeriodSummary } from '../../functions/core/summary.ts';
import { tableToCsv } from '../../functions/outputs/csv.ts';
import { renderSummaryEmail } from '../../functions/outputs/summary-email.ts';
import { summaryToXlsx } from '../../functions/outputs/xlsx.ts';
import { seededRandom } from '../../infra/local/demo-data.ts';

/** Every table a summary exports, completeness last (the one place that differs between code versions). */
const tablesOf = (summary: PeriodSummary) => summary.tables;

const DAILY_PERIODS = 3;
const MISSING_SHARE = 0.1;
const LATE_SHARE = 0.15;
/** Summaries and the dashboard are taken this long after a period's deadline: after every late answer. */
const SUMMARY_AFTER_MS = 5 * 3600_000;
const LATE_MAX_MINUTES = 240;
const AMEND_AFTER_MINUTES = 270;
export const GOLDEN_DASHBOARD_URL = 'https://baocao.example.gov.vn/bang-dieu-khien';

export interface GoldenInput {
  period: string;
  orgUnit: string;
  at: string;
  submittedBy: string;
  origin?: 'rollup';
  data: unknown;
}

export interface GoldenPeriod {
  summary: unknown;
  email: { subject: string; text: string[]; html: string[] };
  xlsx: Record<string, unknown>;
  csv: Record<string, string[]>;
}

export interface GoldenForm {
  formId: string;
  descriptor: unknown;
  inputs: GoldenInput[];
  rollups: Record<string, unknown>;
  dashboard: unknown;
  periods: Record<string, GoldenPeriod>;
}

/** The parts compared one by one; the test names each. */
export const GOLDEN_PARTS = ['descriptor', 'inputs', 'rollups', 'dashboard', 'summary', 'email', 'xlsx', 'csv'] as const;


export const goldenPeriods = (form: AnyForm) => listPeriods(form.period).slice(0, form.period.kind === 'daily' ? DAILY_PERIODS : 1);

const iso = (ms: number) => new Date(ms).toISOString();

/** Units that answer a form by rolling up the relays they issued, instead of typing it. */
function rollupIssuers(form: AnyForm, forms: AnyForm[]): string[] {
  if (!form.rollup) return [];
  return forms.filter((f) => f.relayOf === form.id).map((f) => f.directive.issuer);
}

/**
 * The typed answers: each form's `demo` per unit and period with fixed seeds.
 * Pure given the reporters, so it can be recomputed to check `demo` has not moved.
 */
export function planDemoInputs(form: AnyForm, demo: AnyOutputs['demo'], forms: AnyForm[], reporters: OrgUnit[]): GoldenInput[] {
  const skip = new Set(rollupIssuers(form, forms));
  const inputs: GoldenInput[] = [];
  for (const period of goldenPeriods(form)) {
    const deadline = deadlineOf(form.period, period).getTime();
    let amended = false;
    for (const unit of reporters) {
      if (skip.has(unit.code)) continue;
      const random = seededRandom(`golden/${form.id}/${period}/${unit.code}`);
      const roll = random();
      if (roll < MISSING_SHARE) continue;
      const late = roll < MISSING_SHARE + LATE_SHARE;
      const minutes = late ? 10 + Math.floor(random() * LATE_MAX_MINUTES) : -(30 + Math.floor(random() * 30 * 60));
      const submittedBy = `Cán bộ ${unit.name}`;
      inputs.push({ period, orgUnit: unit.code, at: iso(deadline + minutes * 60_000), submittedBy, data: demo({ unit, random, period }) });
      // One on-time unit per period corrects its answer after the deadline: figures follow the amendment, timeliness the first send.
      if (!late && !amended) {
        amended = true;
        const again = seededRandom(`golden/${form.id}/${period}/${unit.code}/amend`);
        inputs.push({ period, orgUnit: unit.code, at: iso(deadline + AMEND_AFTER_MINUTES * 60_000), submittedBy, data: demo({ unit, random: again, period }) });
      }
    }
  }
  return inputs;
}

/**
 * The moment each submission is stamped with, per call: stores run
 * concurrently (one at a time took most of the test's time), so one settable
 * clock would stamp them with each other's moments.
 */
const moment = new AsyncLocalStorage<Date>();

/** Makes `clock` answer the moment of the store under way, and returns how to undo that. */
function followMoments(clock: GoldenClock): () => void {
  const before = clock.now;
  clock.now = () => moment.getStore() ?? before.call(clock);
  return () => void (clock.now = before);
}

export interface GoldenClock {
  now(): Date;
}

/** Requests in flight at once: more makes DynamoDB Local refuse connections on a busy machine. */
const IN_FLIGHT = 8;
let flying = 0;
const queue: Array<() => void> = [];
async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (flying >= IN_FLIGHT) await new Promise<void>((start) => queue.push(start));
  flying++;
  try {
    return await work();
  } finally {
    flying--;
    queue.shift()?.();
  }
}

/** Stores inputs in order of revision: a key's amendment after its first answer, different keys at once. */
async function storeAll(service: ReportingService, formId: string, inputs: GoldenInput[]) {
  const waves: GoldenInput[][] = [];
  const seen = new Map<string, number>();
  for (const input of inputs) {
    const key = `${input.period}/${input.orgUnit}`;
    const wave = seen.get(key) ?? 0;
    seen.set(key, wave + 1);
    (waves[wave] ??= []).push(input);
  }
  for (const wave of waves) await Promise.all(wave.map((input) => limited(() => store(service, formId, input))));
}

async function store(service: ReportingService, formId: string, input: GoldenInput) {
  try {
    await moment.run(new Date(input.at), () =>
      service.putSubmission(
        { formId, period: input.period, orgUnit: input.orgUnit },
        { data: input.data, submittedBy: input.submittedBy, ...(input.origin ? { origin: input.origin } : {}) },
      ),
    );
  } catch (error) {
    // A recorded answer the form now refuses: stored data of that shape would be refused too.
    const detail = (error as { fields?: unknown }).fields;
    throw new Error(`${formId} ${input.period} ${input.orgUnit}: ${String(error)}${detail ? ` ${JSON.stringify(detail)}` : ''}`, { cause: error });
  }
}

/** Compact cells: a bare value, or the value with what formats it. */
function xlsxCell(cell: ExcelJS.Cell): unknown {
  const raw = cell.value;
  const value = raw instanceof Date ? raw.toISOString() : (raw ?? null);
  const style: Record<string, unknown> = {};
  if (cell.numFmt) style.numFmt = cell.numFmt;
  if (cell.font?.bold) style.bold = true;
  return Object.keys(style).length ? { v: value, ...style } : value;
}

/** Sheets keyed by position and name (`02 Nhu cầu theo tỉnh`), so a difference names its sheet. */
async function readXlsx(buffer: Buffer): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets = workbook.worksheets.map((sheet, i) => {
    const rows: unknown[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) row.push(xlsxCell(sheet.getCell(r, c)));
      rows.push(row);
    }
    const widths = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getColumn(i + 1).width ?? null);
    return [`${String(i + 1).padStart(2, '0')} ${sheet.name}`, { views: sheet.views, widths, rows }] as const;
  });
  return Object.fromEntries(sheets);
}

/** Lossless line splits so a diff points at one line: text at line ends, HTML also before each table row. */
const textLines = (text: string) => text.split(/(?<=\n)/);
const htmlLines = (html: string) => html.split(/(?<=\n)|(?=<tr>)/);

async function periodOutputs(service: ReportingService, form: AnyForm, period: string): Promise<GoldenPeriod> {
  const now = new Date(deadlineOf(form.period, period).getTime() + SUMMARY_AFTER_MS);
  const summary = await buildSummary(service, form.id, period, now);
  const email = renderSummaryEmail(summary, { dashboardUrl: GOLDEN_DASHBOARD_URL });
  return {
    summary,
    email: { subject: email.subject, text: textLines(email.text), html: htmlLines(email.html) },
    xlsx: await readXlsx(await summaryToXlsx(summary)),
    csv: Object.fromEntries(tablesOf(summary).map((t) => [t.id, textLines(tableToCsv(t))])),
  };
}

/**
 * Stores the submissions of every form (recorded ones when given, else newly
 * planned) and captures every output. `service` must sit on a fresh table
 * seeded with the real org units; `clock` is the one it stamps submissions with.
 */
export async function generateGolden(
  service: ReportingService,
  clock: GoldenClock,
  recorded?: Record<string, GoldenForm>,
): Promise<Record<string, GoldenForm>> {
  const restore = followMoments(clock);
  try {
    return await generate(service, recorded);
  } finally {
    restore();
  }
}

async function generate(service: ReportingService, recorded?: Record<string, GoldenForm>): Promise<Record<string, GoldenForm>> {
  const forms = [...service.forms()].sort((a, b) => a.id.localeCompare(b.id));
  const inputs = new Map<string, GoldenInput[]>();
  await Promise.all(
    forms.map(async (form) => {
      const typed = recorded?.[form.id]?.inputs.filter((i) => !i.origin) ?? planDemoInputs(form, service.outputs(form.id).demo, forms, await service.reporters(form.id));
      // Period by period: a daily form checks each day against the days before.
      for (const period of goldenPeriods(form)) await storeAll(service, form.id, typed.filter((i) => i.period === period));
      inputs.set(form.id, [...typed]);
    }),
  );
  // Roll-ups after every relay is stored: the issuer takes the draft and completes the rest as it would have typed it.
  const rollups = new Map<string, Record<string, unknown>>();
  for (const form of forms) {
    const drafts: Record<string, unknown> = {};
    const reporters = new Map((await service.reporters(form.id)).map((u) => [u.code, u]));
    for (const issuer of rollupIssuers(form, forms)) {
      const unit = reporters.get(issuer);
      if (!unit) continue;
      for (const period of goldenPeriods(form)) {
        const draft = await service.rollup({ formId: form.id, period, orgUnit: issuer });
        drafts[`${period}/${issuer}`] = draft;
        const kept = recorded?.[form.id]?.inputs.find((i) => i.origin && i.period === period && i.orgUnit === issuer);
        const input: GoldenInput = kept ?? {
          period,
          orgUnit: issuer,
          at: iso(deadlineOf(form.period, period).getTime() - 3600_000),
          submittedBy: `Cán bộ ${unit.name}`,
          origin: 'rollup',
          data: { ...(service.outputs(form.id).demo({ unit, random: seededRandom(`golden/${form.id}/${period}/${issuer}/rollup`), period }) as object), ...draft.data },
        };
        await store(service, form.id, input);
        inputs.get(form.id)!.push(input);
      }
    }
    rollups.set(form.id, drafts);
  }

  const out: Record<string, GoldenForm> = {};
  await Promise.all(
    forms.map(async (form) => {
      const periods = goldenPeriods(form);
      const periodsOut: Record<string, GoldenPeriod> = {};
      for (const period of periods) periodsOut[period] = await periodOutputs(service, form, period);
      const lastDeadline = deadlineOf(form.period, periods.at(-1)!).getTime();
      out[form.id] = {
        formId: form.id,
        descriptor: describeForm(form, forms),
        inputs: inputs.get(form.id)!,
        rollups: rollups.get(form.id)!,
        dashboard: await buildDashboard(service, form.id, new Date(lastDeadline + SUMMARY_AFTER_MS)),
        periods: periodsOut,
      };
    }),
  );
  // Through JSON once, so fresh values compare with parsed files (undefined keys dropped, dates as strings).
  return JSON.parse(JSON.stringify(out)) as Record<string, GoldenForm>;
}

/** One part of a form's golden record, keyed by where it sits, for a per-part comparison. */
export function partOf(golden: GoldenForm, part: (typeof GOLDEN_PARTS)[number]): unknown {
  switch (part) {
    case 'descriptor':
    case 'inputs':
    case 'rollups':
    case 'dashboard':
      return golden[part];
    default:
      return Object.fromEntries(Object.entries(golden.periods).map(([period, p]) => [period, p[part]]));
  }
}

/**
 * JSON with sorted keys, short arrays and objects on one line (a table row,
 * an XLSX row), the rest one entry per line: stable, and diffs stay local.
 */
export function stableJson(value: unknown, width = 160): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
        : v;
  const render = (v: unknown, indent: string): string => {
    const flat = JSON.stringify(v);
    if (v === null || typeof v !== 'object' || flat.length + indent.length <= width) return flat;
    const inner = indent + '  ';
    const entries = Array.isArray(v)
      ? v.map((x) => inner + render(x, inner))
      : Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner)}`);
    if (entries.length === 0) return flat;
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    return `${open}\n${entries.join(',\n')}\n${indent}${close}`;
  };
  return `${render(sorted(value), '')}\n`;
}

/**
 * Where two JSON values differ, as `path: expected → actual` lines.
 * @example diffJson({ a: [1, 2] }, { a: [1, 3] }) // ['a[1]: 2 → 3']
 */
export function diffJson(expected: unknown, actual: unknown, path = '', out: string[] = []): string[] {
  const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) diffJson(expected[i], actual[i], `${path}[${i}]`, out);
  } else if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const k of keys) diffJson((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
  } else if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    out.push(`${path || '(root)'}: ${show(expected)} → ${show(actual)}`);
  }
  return out;
}
