/**
 * Rounds: who answers a form and when. A form file declares *what* is asked;
 * a round says which units answer (under the issuing unit, by kinds, or a
 * picked list), for which period(s) and by which deadline, who is reminded and
 * who receives the summary. Rounds live in the table; the seed forms' own
 * `period` and `reporters` become their seed rounds (id = the form's id), so a
 * form file still works as it did, and an official opens the next round at run
 * time without a developer.
 *
 * A relay is a round whose `parent` is another round: a unit that must answer
 * the parent asks the units under it, with an earlier deadline; their answers
 * roll up into a draft of its own.
 */
import type { AnyForm } from '#schemas/core/form.ts';
import { isDescendant, type OrgUnit, type OrgUnitKind } from '#schemas/core/org-unit.ts';
import { isValidPeriod, listPeriods, type PeriodSpec } from '#schemas/core/period.ts';

/** Who answers: every unit of `kinds` under `under`, or exactly the units listed. */
export type RoundReporters = { under: string; kinds: OrgUnitKind[] } | { units: string[] };

export interface RoundRecipients {
  /** Platform users' addresses (e.g. the issuing officials), chosen at issue time. */
  users: string[];
  /** Configured recipient keys (e.g. `thu-tuong`), resolved to addresses from configuration. */
  keys: string[];
}

export type RoundStatus = 'open' | 'closed';

export interface Round {
  /** `[a-z0-9.-]`, at most 48 characters: a seed round's id is its form's id. */
  id: string;
  formId: string;
  /** The unit that asks (its officials manage the round). */
  issuer: string;
  /** The round this one relays, when it is a relay. */
  parent?: string;
  reporters: RoundReporters;
  period: PeriodSpec;
  /** Reminder this many minutes before each deadline; 0: none. */
  reminderMinutes: number;
  recipients: RoundRecipients;
  status: RoundStatus;
  /** Who opened it (an email, or `seed`) and when (ISO). */
  createdBy: string;
  createdAt: string;
  /** Bumped by every change: writes are conditional on it. */
  version: number;
}

/** Round ids: safe in URLs, table keys and EventBridge schedule names. */
export const ROUND_ID = /^[a-z0-9][a-z0-9.-]{0,47}$/;

/** Reminders go out this long before a deadline unless a form or a round says otherwise. */
export const DEFAULT_REMINDER_MINUTES = 120;

/**
 * The seed round of a form: its file's period and reporters, its recipient
 * keys, id = the form's id.
 * @example seedRound(form971).id // '971-nhan-luc-y-te'
 */
export function seedRound(form: AnyForm): Round {
  return {
    id: form.id,
    formId: form.id,
    issuer: form.directive.issuer,
    // A relay form (Lai Châu's 4380) relays its parent form's seed round.
    ...(form.relayOf ? { parent: form.relayOf } : {}),
    reporters: { under: form.reporters.under, kinds: [...form.reporters.kinds] },
    period: form.period,
    reminderMinutes: Math.round((form.reminderHoursBefore ?? DEFAULT_REMINDER_MINUTES / 60) * 60),
    recipients: { users: [], keys: form.summary.recipients.map((r) => r.key) },
    status: 'open',
    createdBy: 'seed',
    createdAt: '2021-01-01T00:00:00.000Z',
    version: 1,
  };
}

/** Whether `unit` answers in `round`. */
export function answersIn(round: Pick<Round, 'reporters'>, unit: OrgUnit, units: ReadonlyMap<string, OrgUnit>): boolean {
  const r = round.reporters;
  if ('units' in r) return r.units.includes(unit.code);
  return r.kinds.includes(unit.kind) && isDescendant(units, unit, r.under);
}

/** The units that answer in `round`, by code. */
export function reportersOf(round: Pick<Round, 'reporters'>, units: { all: OrgUnit[]; byCode: ReadonlyMap<string, OrgUnit> }): OrgUnit[] {
  return units.all.filter((u) => answersIn(round, u, units.byCode)).sort((a, b) => a.code.localeCompare(b.code));
}

/** Whether two rounds of one form would ask one unit for one period twice. */
export function overlaps(a: Round, b: Round, units: { all: OrgUnit[]; byCode: ReadonlyMap<string, OrgUnit> }): boolean {
  if (a.formId !== b.formId || a.id === b.id) return false;
  const periods = listPeriods(a.period);
  if (!periods.some((p) => isValidPeriod(b.period, p))) return false;
  const mine = new Set(reportersOf(a, units).map((u) => u.code));
  return reportersOf(b, units).some((u) => mine.has(u.code));
}

export { formLink } from '#schemas/core/round-link.ts';
