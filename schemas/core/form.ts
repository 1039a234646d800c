/** What a form file declares: the schema plus everything the platform needs around it. */
import type * as z from './zod.ts';
import type { Text } from './i18n.ts';
import type { OrgUnit, OrgUnitKind } from './org-unit.ts';
import type { PeriodSpec } from './period.ts';

export interface Directive {
  /** Official document number, e.g. `971/TTg-KGVX`. */
  number: string;
  /** Org unit code of the issuer, e.g. `VN`. */
  issuer: string;
  issuerName: Text;
  /** Date of issue, `YYYY-MM-DD`. */
  date: string;
  title: Text;
  urgency: 'normal' | 'urgent';
}

/** Who must answer: every unit of one of `kinds` below `under`. */
export interface ReporterSpec {
  under: string;
  kinds: OrgUnitKind[];
}

/** A recipient of the summary, by role; addresses come from configuration. */
export interface Recipient {
  key: string;
  name: Text;
}

export type Timeliness = 'on-time' | 'late';

export interface SummaryInput<T> {
  period: string;
  /** The current submission of every unit that reported, with its data parsed by the form's schema. */
  reports: Array<{ unit: OrgUnit; data: T; timeliness: Timeliness }>;
  /** Every unit that must report, reported or not. */
  reporters: OrgUnit[];
  /**
   * Forms whose outputs declare `earlierDays: true`: every earlier period's current submissions, oldest first,
   * for cumulative figures (empty for a once-form). Undefined otherwise: they are not read.
   */
  earlier?: Array<{ period: string; unit: OrgUnit; data: T }> | undefined;
  /**
   * The first period of the round the summary is of (a daily round's first day): where cumulative figures
   * start. Each round has its own: an official's November round of a daily form starts on its 1 November,
   * whatever period the form file declares. Undefined (a hand-built input): the summary's own period.
   */
  firstPeriod?: string | undefined;
}

export type Cell = string | number | null;

/**
 * A summary's words: every output (email, XLSX, CSV, dashboard) reads only
 * `vi`, so English is optional here.
 */
export interface SummaryText {
  vi: string;
  en?: string;
}

export interface SummaryColumn {
  key: string;
  label: SummaryText;
  /**
   * `percent` cells hold a number like 42.5, shown "42,5 %"; `datetime` cells
   * an ISO instant, shown in Vietnam time and typed as a date in the XLSX.
   */
  kind: 'text' | 'integer' | 'percent' | 'datetime';
}

export interface SummaryTable {
  id: string;
  title: SummaryText;
  columns: SummaryColumn[];
  rows: Array<Record<string, Cell>>;
  /** A closing row of totals, shown in bold. */
  total?: Record<string, Cell>;
  /**
   * The XLSX sheet's name, at most 31 characters (Excel's limit): required
   * when the title is longer, so a sheet is never named by a cut title.
   */
  sheet?: string;
  /**
   * For long tables (one row per unit), the column whose largest values the
   * email shows first; the whole table goes in the XLSX. Without it the email
   * shows the first rows in the table's own order.
   */
  emailTop?: string;
}

export interface SummaryFigure {
  label: SummaryText;
  value: number;
  /** `percent` values like 93.5 are shown "93,5 %"; counts are the default. */
  kind?: 'integer' | 'percent';
}

/** A line chart for the dashboard: one series per line, values aligned with `x`. */
export interface SummaryChart {
  id: string;
  title: SummaryText;
  /** Labels of the x axis, e.g. the days of a round. */
  x: string[];
  series: Array<{ label: SummaryText; values: Array<number | null> }>;
  unit?: SummaryText;
  /**
   * How many reports came in out of how many were due, aligned with `x` (for a
   * running total, all those up to that x): where fewer came in, the values
   * there are not the whole; where none did, they are null (a gap, not a zero).
   */
  coverage?: Array<{ reported: number; expected: number }>;
}

export interface SummaryContent {
  /** The key figures, first one goes into the email subject. */
  figures: SummaryFigure[];
  tables: SummaryTable[];
  /** Charts the dashboard draws (emails carry the tables instead). */
  charts?: SummaryChart[];
}

export interface FormDefinition<S extends z.core.$ZodType = z.core.$ZodType, K = unknown> {
  /** Stable id, kebab-case; the URL and the table key use it. */
  id: string;
  /** Bumped whenever fields change; each submission records it. */
  version: number;
  title: Text;
  directive: Directive;
  schema: S;
  reporters: ReporterSpec;
  period: PeriodSpec;
  /** Who the summary goes to; what it says is the form file's `outputs` export (`OutputsOf`). */
  summary: {
    recipients: Recipient[];
  };
  /**
   * Set on a form a lower level issues to relay a higher level's form (the id
   * here): its answers can be rolled up into the issuer's own answer to that form.
   */
  relayOf?: string;
  /** How the answers of sub-units to relays of this form combine into one draft answer. */
  rollup?(reports: Array<{ unit: OrgUnit; data: z.output<S> }>): Partial<z.input<S>>;
  /**
   * A rule across periods (e.g. cumulative 2nd doses cannot exceed cumulative
   * 1st doses). `keep` says what the rule needs of one period's answer; it is
   * stored with every save in the unit's running item (keep it small: a few
   * numbers), so checking day 31 reads that one item, as day 1 does. `check`
   * runs on submit against what was kept of the unit's earlier periods, oldest
   * first; an amended earlier day replaces what was kept of it.
   */
  history?: {
    keep(data: z.output<S>): K;
    check(current: z.output<S>, earlier: Array<{ period: string; kept: K }>, issue: (path: string, message: string) => void): void;
  };
  /** Hours before each deadline that units still missing are reminded; 0 turns reminders off (default 2). */
  reminderHoursBefore?: number;
  /** Brings data stored under an older `version` up to this one, for display and aggregation. */
  upgrade?(data: unknown, fromVersion: number): z.output<S>;
}

/**
 * What a form's answers make beyond the answer itself: its summary and its demo
 * data. Declared apart from the form (`export const outputs` beside the form's
 * default export) so the function on the submit path bundles the declarations
 * without them: outputs are built by the export and jobs functions.
 */
export interface FormOutputs<S extends z.core.$ZodType = z.core.$ZodType> {
  /** The period's summary from the current answers: the figures, tables and charts every output shows. */
  summary(input: SummaryInput<z.output<S>>): SummaryContent;
  /**
   * The summary adds up the round's earlier periods (`input.earlier`, `daily(input)`): each is read for it, one
   * partition per day. Without it none is read (a weekly form's 52nd summary would read 51 partitions for nothing).
   */
  earlierDays?: boolean;
  /** Plausible data a unit might send, for `npm run demo` and generated tests. */
  demo(context: { unit: OrgUnit; random: () => number; period: string }): z.input<S>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOutputs = FormOutputs<any>;

/**
 * The outputs type of a form, for a form file's `outputs` export: a plain object
 * (no call), so a bundle that imports only the form leaves the outputs and the
 * helpers only they use out.
 * @example export const outputs: OutputsOf<typeof form> = { summary(input) { ... }, demo({ unit, random }) { ... } };
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OutputsOf<F> = F extends FormDefinition<infer S, any> ? FormOutputs<S> : never;

/** Any form, whatever its schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyForm = FormDefinition<any, any>;

const FORM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Declares a form; checks what types cannot.
 * @example export default defineForm({ id: '971-nhan-luc-y-te', version: 1, ... })
 */
export function defineForm<S extends z.core.$ZodType, K = unknown>(form: FormDefinition<S, K>): FormDefinition<S, K> {
  if (!FORM_ID.test(form.id)) throw new Error(`form id must be kebab-case: ${form.id}`);
  if (!Number.isInteger(form.version) || form.version < 1) throw new Error(`form ${form.id}: version must be a positive integer`);
  return form;
}
