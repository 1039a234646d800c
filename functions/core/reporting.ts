/**
 * The reporting service: the use cases the API and the jobs call. Pure over its
 * ports, so it is tested with in-memory fakes and against DynamoDB Local alike.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { AnyForm, AnyOutputs } from '#schemas/core/form.ts';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { isValidPeriod, listPeriods } from '#schemas/core/period.ts';
import { fieldErrors, validateData } from '#schemas/core/validate.ts';
import type { FormRegistry } from '#schemas/registry.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import { timelinessOf } from './completeness.ts';
import {
  FormNotFoundError,
  NoRollupError,
  NotAReporterError,
  OrgUnitNotFoundError,
  PeriodInvalidError,
  RevisionConflictError,
  RoundClosedError,
  RoundNotFoundError,
  SubmissionAcceptedError,
  SubmissionNotFoundError,
  ValidationFailedError,
} from './errors.ts';
import type { Clock, OrgUnitStore, PeriodRange, RoundStore, SaveOptions, SessionGuard, SubmissionHead, SubmissionKey, SubmissionRecord, SubmissionStore } from './ports.ts';
import { answersIn, reportersOf, seedRound, type Round } from './rounds.ts';

export interface SubmissionView extends SubmissionRecord {
  deadline: string;
  timeliness: 'on-time' | 'late';
}

export type PutStatus = 'created' | 'amended' | 'unchanged';

export interface ReportingDeps {
  registry: FormRegistry;
  submissions: SubmissionStore;
  orgUnits: OrgUnitStore;
  rounds: RoundStore;
  clock: Clock;
}

/**
 * Rounds are read once and kept this long (wall-clock, not the platform clock): a round opened in another
 * Lambda instance is seen within it; a change made through this process is seen at once.
 */
export const ROUNDS_CACHE_MS = 10_000;

export interface OrgUnitDirectory {
  byCode: ReadonlyMap<string, OrgUnit>;
  all: OrgUnit[];
}

/**
 * A stored record's data as the form's current version reads it.
 * @example dataOf(form, record).need.doctors
 */
export function dataOf(f: AnyForm, record: SubmissionRecord): unknown {
  return record.schemaVersion < f.version && f.upgrade ? f.upgrade(record.data, record.schemaVersion) : record.data;
}

/** JSON with every object's keys sorted: the same data always gives the same text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

/**
 * What identifies an answer's content for "sent again, nothing changed": its data and the schema version it was read under.
 * @example dataHash({ need: { doctors: 2 } }, 1) // 'b1f0…' (64 hex digits)
 */
export function dataHash(data: unknown, schemaVersion: number): string {
  return createHash('sha256').update(`${schemaVersion}\n${canonical(data)}`).digest('hex');
}

/** The stored revision a new answer was based on: the page sends the one it showed; 0 when there was none. */
export interface SubmissionBase {
  revision: number;
  firstSubmittedAt?: string | undefined;
}

export function createReportingService(deps: ReportingDeps) {
  const { registry, submissions, clock } = deps;
  // Org units change only when seed data is reloaded; one read per process is enough.
  let directory: Promise<OrgUnitDirectory> | undefined;

  async function orgUnits(): Promise<OrgUnitDirectory> {
    directory ??= deps.orgUnits.list().then((all) => ({ all, byCode: new Map(all.map((u) => [u.code, u])) }));
    try {
      return await directory;
    } catch (error) {
      directory = undefined;
      throw error;
    }
  }

  function form(formId: string): AnyForm {
    const found = registry.get(formId);
    if (!found) throw new FormNotFoundError(`no form ${formId}`);
    return found;
  }

  /** The form's summary and demo data; the function on the submit path loads its forms without them. */
  function outputs(formId: string): AnyOutputs {
    form(formId); // an unknown form is FormNotFoundError, as everywhere
    const found = registry.outputs(formId);
    if (!found) throw new Error(`the outputs of ${formId} are not loaded here: summaries are built by the export and jobs functions`);
    return found;
  }

  // Every form's seed round (its file's period and reporters) unless a stored round of that id replaces it
  // (an extended deadline), then the rounds officials opened.
  let roundCache: { at: number; rounds: Promise<Round[]> } | undefined;
  async function rounds(): Promise<Round[]> {
    if (!roundCache || Date.now() - roundCache.at > ROUNDS_CACHE_MS) {
      const load = deps.rounds.list().then((stored) => {
        const byId = new Map(registry.list().map((f) => [f.id, seedRound(f)]));
        for (const r of stored) if (registry.get(r.formId)) byId.set(r.id, r);
        return [...byId.values()];
      });
      roundCache = { at: Date.now(), rounds: load };
    }
    try {
      return await roundCache.rounds;
    } catch (error) {
      roundCache = undefined;
      throw error;
    }
  }

  async function round(roundId: string): Promise<Round> {
    const found = (await rounds()).find((r) => r.id === roundId);
    if (!found) throw new RoundNotFoundError(`no round ${roundId}`);
    return found;
  }

  /** Units that must answer in a round (a form's id names its seed round), ordered by code. */
  async function reporters(roundId: string): Promise<OrgUnit[]> {
    // A copy: callers may sort or cut it; the cached list stays as worked out.
    return [...(await reportersOfRound(await round(roundId)))];
  }

  // A round's units, worked out once per round object (a reloaded or changed round is a new object): a
  // summary asks for them per period, and walking 10,000 units' ancestry each time showed in the benchmark.
  const reporterCache = new WeakMap<Round, Promise<OrgUnit[]>>();
  function reportersOfRound(r: Round): Promise<OrgUnit[]> {
    let found = reporterCache.get(r);
    if (!found) {
      found = orgUnits().then((dir) => reportersOf(r, dir));
      found.catch(() => reporterCache.delete(r));
      reporterCache.set(r, found);
    }
    return found;
  }

  /**
   * The round a unit answers a form's period in; undefined when it answers none.
   * Rounds of one form never ask one unit for one period twice (checked when they open).
   */
  async function roundFor(key: SubmissionKey): Promise<Round | undefined> {
    const { byCode } = await orgUnits();
    const unit = byCode.get(key.orgUnit);
    if (!unit) return undefined;
    return (await rounds()).find((r) => r.formId === key.formId && isValidPeriod(r.period, key.period) && answersIn(r, unit, byCode));
  }

  function view(r: Round, record: SubmissionRecord): SubmissionView {
    const deadline = deadlineOf(r.period, record.period);
    return { ...record, deadline: deadline.toISOString(), timeliness: timelinessOf(record.firstSubmittedAt, deadline) };
  }

  /**
   * What the form's history rule kept of the unit's periods of round `r` before `key.period`, oldest first: one
   * read, whatever the day. Another round's days are not in it (each round has its own running item).
   */
  async function earlierOf(key: SubmissionKey, r: Round): Promise<Array<{ period: string; kept: unknown }>> {
    const kept = await submissions.getKept(key.formId, r.id, key.orgUnit);
    return [...kept]
      .filter(([period]) => period < key.period)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, value]) => ({ period, kept: value }));
  }

  async function currentView(key: SubmissionKey): Promise<SubmissionView | undefined> {
    const { round: r } = await resolve(key);
    const current = await submissions.getCurrent(key);
    return current ? view(r, current) : undefined;
  }

  /** The form, the round and the unit of a submission key, or the error that says which is wrong. */
  async function resolve(key: SubmissionKey): Promise<{ form: AnyForm; round: Round; unit: OrgUnit }> {
    const f = form(key.formId);
    const open = (await rounds()).filter((r) => r.formId === f.id && isValidPeriod(r.period, key.period));
    if (open.length === 0) throw new PeriodInvalidError(`form ${f.id} has no period ${key.period}`);
    const { byCode } = await orgUnits();
    const unit = byCode.get(key.orgUnit);
    if (!unit) throw new OrgUnitNotFoundError(`no org unit ${key.orgUnit}`);
    const r = open.find((candidate) => answersIn(candidate, unit, byCode));
    if (!r) throw new NotAReporterError(`${key.orgUnit} does not report ${f.id} for ${key.period}`);
    return { form: f, round: r, unit };
  }

  return {
    form,
    outputs,
    forms: () => registry.list(),
    reporters,
    orgUnits,
    rounds,
    round,
    roundFor,
    /** After this process changed a round: read them again on next use. */
    forgetRounds: () => void (roundCache = undefined),

    async getSubmission(key: SubmissionKey): Promise<SubmissionView> {
      const found = await currentView(key);
      if (!found) throw new SubmissionNotFoundError(`no submission ${key.formId}/${key.period}/${key.orgUnit}`);
      return found;
    },

    /** The current submission, or undefined when the unit has not reported. */
    submissionOrUndefined: currentView,

    async listRevisions(key: SubmissionKey): Promise<SubmissionView[]> {
      const { round: r } = await resolve(key);
      return (await submissions.listRevisions(key)).map((record) => view(r, record));
    },

    /**
     * Validates and stores a unit's answer. Sending the same data again changes
     * nothing; different data becomes a new revision and the old one is kept.
     *
     * Write first: with `base` (the stored revision the page showed, 0 for none)
     * the answer is written at once, one conditional transaction; when the
     * condition fails, what is stored comes back with the failure (without its
     * data: its hash says whether it is this answer): an identical re-send is then
     * `unchanged`, and an answer based on an older revision becomes the next one
     * (one retry, as for a double click).
     * Without `base` (an API client that did not say), the stored answer is read
     * first. With `session`, every write also checks the writer's session (see
     * SessionGuard), and a failed check ends the save with SessionChangedError.
     * @example await service.putSubmission(key, { data, submittedBy: 'Nguyễn Văn A', base: { revision: 0 } })
     */
    async putSubmission(
      key: SubmissionKey,
      input: { data: unknown; submittedBy: string; origin?: 'rollup' | undefined; base?: SubmissionBase | undefined },
      writer: { session?: SessionGuard | undefined } = {},
    ): Promise<{ status: PutStatus; submission: SubmissionView }> {
      const { form: f, round: r } = await resolve(key);
      if (r.status === 'closed') throw new RoundClosedError(`round ${r.id} is closed`);
      const result = validateData(f.schema, input.data);
      if (!result.ok) throw new ValidationFailedError(result.fields);
      if (f.history) {
        const { fields, add } = fieldErrors();
        f.history.check(result.data, await earlierOf(key, r), add);
        if (Object.keys(fields).length > 0) throw new ValidationFailedError(fields);
      }
      const hash = dataHash(result.data, f.version);
      // Data that hashes the same is the same answer; one saved before hashes existed is compared as it is.
      const same = (stored: SubmissionHead & { data?: unknown }) =>
        stored.dataHash === undefined ? stored.schemaVersion === f.version && isDeepStrictEqual(stored.data, result.data) : stored.dataHash === hash;
      const kept = f.history ? { kept: { round: r.id, value: f.history.keep(result.data) } } : {};

      // An amendment carries its first submission on: a base without it cannot be written against.
      let base = input.base && (input.base.revision === 0 || input.base.firstSubmittedAt) ? input.base : undefined;
      if (!base) {
        const current = await submissions.getCurrent(key);
        if (current && same(current)) return { status: 'unchanged', submission: view(r, current) };
        if (current?.review === 'accepted') throw new SubmissionAcceptedError(`${key.orgUnit}'s answer to ${key.formId}/${key.period} is accepted`);
        base = current ? { revision: current.revision, firstSubmittedAt: current.firstSubmittedAt } : { revision: 0 };
      }
      // One retry covers the common race of a double-clicked submit, and a page that showed an older revision.
      for (let attempt = 0; ; attempt++) {
        const now = clock.now().toISOString();
        const record: SubmissionRecord = {
          ...key,
          revision: base.revision + 1,
          schemaVersion: f.version,
          data: result.data,
          submittedBy: input.submittedBy,
          submittedAt: now,
          firstSubmittedAt: (base.revision > 0 ? base.firstSubmittedAt : undefined) ?? now,
          ...(input.origin ? { origin: input.origin } : {}),
          dataHash: hash,
        };
        const options: SaveOptions = { base, ...kept, ...(writer.session ? { session: writer.session } : {}) };
        try {
          await submissions.saveRevision(record, options);
          return { status: base.revision > 0 ? 'amended' : 'created', submission: view(r, record) };
        } catch (error) {
          if (!(error instanceof RevisionConflictError)) throw error;
          // What is stored now came back with the failed condition, without its data (the same hash: this data);
          // a store that could not say, or an answer saved before hashes existed, is read.
          const current = error.current?.dataHash ? error.current : await submissions.getCurrent(key);
          if (current && same(current)) return { status: 'unchanged', submission: view(r, { data: result.data, ...current }) };
          if (current?.review === 'accepted') throw new SubmissionAcceptedError(`${key.orgUnit}'s answer to ${key.formId}/${key.period} is accepted`);
          if (attempt >= 1) throw error;
          base = current ? { revision: current.revision, firstSubmittedAt: current.firstSubmittedAt } : { revision: 0 };
        }
      }
    },

    /**
     * A draft answer of `key.orgUnit` to a form, built from what its sub-units answered in the rounds it
     * relayed this one's round to (of the same form, or of a form declared as its relay).
     * @example await service.rollup({ formId: '4380-...', period: '2021-06-04', orgUnit: '12' })
     */
    async rollup(key: SubmissionKey) {
      const { form: f, round: r } = await resolve(key);
      const relays = (await rounds()).filter((child) => child.parent === r.id && child.issuer === key.orgUnit);
      if (!f.rollup || relays.length === 0) throw new NoRollupError(`${key.orgUnit} has no relay of ${f.id}`);
      const reports: Array<{ unit: OrgUnit; data: unknown }> = [];
      const sources: Array<{ formId: string; roundId: string; period: string; unit: { code: string; name: string }; status: 'included' | 'missing' }> = [];
      for (const relay of relays) {
        const relayForm = form(relay.formId);
        const period = isValidPeriod(relay.period, key.period) ? key.period : listPeriods(relay.period)[0]!;
        const stored = new Map((await submissions.listCurrent(relay.formId, period)).map((record) => [record.orgUnit, record]));
        for (const unit of await reportersOfRound(relay)) {
          const record = stored.get(unit.code);
          if (record) reports.push({ unit, data: dataOf(relayForm, record) });
          sources.push({ formId: relay.formId, roundId: relay.id, period, unit: { code: unit.code, name: unit.name }, status: record ? 'included' : 'missing' });
        }
      }
      return { data: f.rollup(reports), sources };
    },

    /** The status of every report of a form, of the periods in `periods` (all without): one Query, for the dashboard. */
    async statuses(formId: string, periods?: PeriodRange) {
      return submissions.listStatuses(form(formId).id, periods);
    },

    /**
     * Current submissions of a round's period, for summaries (a form's id names its seed round). Rounds of
     * one form may share a period (a relay asks the units below for the same period): only the round's
     * reporters' answers are returned.
     */
    async currentSubmissions(roundId: string, period: string): Promise<{ form: AnyForm; round: Round; records: SubmissionRecord[] }> {
      const r = await round(roundId);
      const f = form(r.formId);
      if (!isValidPeriod(r.period, period)) throw new PeriodInvalidError(`round ${r.id} has no period ${period}`);
      const mine = new Set((await reportersOfRound(r)).map((u) => u.code));
      return { form: f, round: r, records: (await submissions.listCurrent(f.id, period)).filter((record) => mine.has(record.orgUnit)) };
    },
  };
}

export type ReportingService = ReturnType<typeof createReportingService>;
