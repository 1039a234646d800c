/** What the core needs from the outside world; adapters implement these. */
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import type { Round } from './rounds.ts';
import type { ScheduleEntry } from './schedules.ts';
import type { Role, User } from './users.ts';

export interface SubmissionKey {
  formId: string;
  period: string;
  orgUnit: string;
}

/** One revision of a unit's answer to a form for a period. */
export interface SubmissionRecord extends SubmissionKey {
  revision: number;
  schemaVersion: number;
  data: unknown;
  submittedBy: string;
  /** ISO instant this revision was saved. */
  submittedAt: string;
  /** ISO instant of revision 1: timeliness follows from it. */
  firstSubmittedAt: string;
  /** `rollup`: the unit built this answer from its sub-units' answers (then checked and sent it). */
  origin?: 'rollup';
  /**
   * SHA-256 of the data (keys sorted) and schema version: a write of the same answer is recognised by its
   * condition, without reading the stored one first. Absent on records saved before it existed.
   */
  dataHash?: string;
  /** An official's last act on this revision; a new revision clears it (an accepted one cannot be written). */
  review?: ReviewState;
  reviewNote?: string;
  reviewedBy?: string;
  reviewedAt?: string;
}

/** `returned`: sent back for correction; `accepted`: taken as final (amendments refused); `reopened`: open again. */
export type ReviewState = 'returned' | 'accepted' | 'reopened';

export interface ReviewMark {
  review: ReviewState;
  reviewNote?: string;
  reviewedBy: string;
  reviewedAt: string;
}

/**
 * A stored answer without its data: what the store keeps beside every answer (its status item) and hands back
 * when a save's guard fails. Data that hashes the same is the same answer: with `dataHash` it says everything.
 */
export type SubmissionHead = Omit<SubmissionRecord, 'data'>;

/** What the dashboard needs of a unit's report for a period: written with every save, read for a whole form at once. */
export type ReportStatusRecord = Pick<SubmissionRecord, 'formId' | 'period' | 'orgUnit' | 'revision' | 'firstSubmittedAt' | 'origin' | 'review'>;

/** How a save is guarded and what it updates besides the answer. */
export interface SaveOptions {
  /**
   * The stored revision the answer was based on (0: none yet) and, for an amendment, that revision's first
   * submission instant, which the new revision carries on: the write happens only if both still hold and the
   * stored answer differs from this one.
   */
  base: { revision: number; firstSubmittedAt?: string | undefined };
  /**
   * What the form's history rule keeps of this answer (`value`), for the unit's running item in the round the
   * answer belongs to (daily forms with a rule).
   */
  kept?: { round: string; value: unknown };
  /**
   * The session the writer was authorised from, when it used a copy held in memory rather than reading it:
   * the write holds only while the stored session still says the same (see `SessionGuard`).
   * @throws SessionChangedError otherwise, before any other refusal
   */
  session?: SessionGuard | undefined;
}

/** Periods `from` to `to`, both included (ISO dates: they sort as they fall). */
export interface PeriodRange {
  from: string;
  to: string;
}

export interface SubmissionStore {
  getCurrent(key: SubmissionKey): Promise<SubmissionRecord | undefined>;
  listCurrent(formId: string, period: string): Promise<SubmissionRecord[]>;
  /** Every revision, oldest first. */
  listRevisions(key: SubmissionKey): Promise<SubmissionRecord[]>;
  /**
   * Saves `record` as the current revision, appends it to the history and writes its status (and what the
   * history rule keeps of it), atomically, in one request, only if the stored answer is still `options.base`
   * and differs from `record` (by `dataHash`).
   * @throws RevisionConflictError otherwise, carrying what is stored now (without its data)
   */
  saveRevision(record: SubmissionRecord, options: SaveOptions): Promise<void>;
  /** The status of every report of a form, of the periods in `periods` (all without): one Query. */
  listStatuses(formId: string, periods?: PeriodRange): Promise<ReportStatusRecord[]>;
  /** What the history rule kept of a unit's answers in one round of a form, by period: one read. */
  getKept(formId: string, roundId: string, orgUnit: string): Promise<Map<string, unknown>>;
  /**
   * Marks the current answer (and its status) with an official's act, only while `revision` is still the
   * current one (and, with `from`, while its mark is `from`).
   * @throws RevisionConflictError otherwise
   */
  setReview(key: SubmissionKey, revision: number, mark: ReviewMark, from?: ReviewState): Promise<SubmissionRecord>;
}

export interface OrgUnitStore {
  list(): Promise<OrgUnit[]>;
  /** Writes units that are new or changed; returns how many were written. */
  upsertAll(units: OrgUnit[]): Promise<{ written: number; unchanged: number }>;
}

export interface MailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
  /** `<id@domain>`, the same for every resend of one delivery, so mail systems can drop duplicates. */
  messageId?: string;
}

/** One email of a job to one recipient: what makes "exactly once" checkable. */
export interface DeliveryKey {
  job: string;
  formId: string;
  period: string;
  recipient: string;
}

export interface DeliveryStore {
  /**
   * Takes the right to send: true when nothing was sent yet, the last try failed,
   * or an earlier claim's lease ran out (its sender died mid-way).
   */
  claim(key: DeliveryKey, now: Date, leaseUntil: Date): Promise<boolean>;
  markSent(key: DeliveryKey, messageId: string, at: Date): Promise<void>;
  markFailed(key: DeliveryKey, reason: string, at: Date): Promise<void>;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

export interface LoginAttempt {
  id: string;
  /** Stored for unknown addresses too, so a wrong guess behaves the same either way. */
  email: string;
  /** HMAC of `<id>:<code>` under the server's secret; the code itself is never stored. */
  codeHash: string;
  expiresAt: string;
  /** Tries counted so far, right or wrong: each is counted before its code is compared. */
  tries: number;
  /**
   * Set when the attempt reuses the code of an earlier one (the address's mail budget
   * was spent): the id `codeHash` is bound to. The earlier attempt keeps its own tries.
   */
  codeOf?: string;
}

/** The newest code mailed (or, for an address without an active user, made) for an address. */
export interface LastCode {
  email: string;
  attemptId: string;
  codeHash: string;
  expiresAt: string;
}

/**
 * What a request needs to know about its user, copied from the user when the
 * session opens and rewritten (or the session deleted) by every change of the
 * user, in the same transaction: authenticating reads this one item.
 */
export interface Session {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  tokenHash: string;
  email: string;
  name: string;
  role: Role;
  /** The unit's code; the unit itself comes from the org-unit directory. */
  unit: string;
  /** Always `'active'` while the session lives: a disable deletes it. */
  status: User['status'];
  createdAt: string;
  expiresAt: string;
  /** The user's `sessionGeneration` when it was opened; a disable bumps it, so the session stays dead. */
  generation: number;
}

/**
 * What a write checks of the session it was authorised from, in the same transaction: the session item still
 * exists, is active, not expired at `at`, with the role and unit the decision used. A disable deletes the
 * session and a change of the user rewrites it, so either refuses the write at once, whichever process made it.
 */
export interface SessionGuard {
  tokenHash: string;
  role: Role;
  unit: string;
  /** ISO instant the session must still be live at. */
  at: string;
}

export interface AuthStore {
  getUser(email: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** @throws UserExistsError when the email is taken */
  createUser(user: User): Promise<void>;
  /**
   * Reads the user (undefined when there is none), writes what `change` returns
   * (nothing when it returns undefined) and brings every session of the user in
   * line in the same operation: sessions the new user no longer allows (not
   * active, another generation) are deleted, the others get the new name, role
   * and unit. `change` may run more than once: when a session opened or the
   * user changed meanwhile, everything is read again.
   * @returns the user written, or undefined when nothing was
   */
  changeUser(email: string, change: (current: User | undefined) => User | undefined | Promise<User | undefined>): Promise<User | undefined>;
  createLogin(attempt: LoginAttempt): Promise<void>;
  getLogin(id: string): Promise<LoginAttempt | undefined>;
  /**
   * Counts one try, atomically and only while fewer than `max` were counted, before
   * any comparison: the attempt with its new count, `'locked'` once `max` were
   * counted, `undefined` when there is no such attempt.
   */
  countTry(id: string, max: number): Promise<LoginAttempt | 'locked' | undefined>;
  setLastCode(last: LastCode): Promise<void>;
  getLastCode(email: string): Promise<LastCode | undefined>;
  /** Deletes the attempt; false when it was already used. */
  consumeLogin(id: string): Promise<boolean>;
  /**
   * Stores the session only while the user is still active with exactly the
   * name, role, unit and generation it copies; false (nothing stored) otherwise.
   */
  createSession(session: Session): Promise<boolean>;
  getSession(tokenHash: string): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Counts one event in a fixed window and returns the window's count so far. */
  hit(scope: string, key: string, windowStart: string, expiresAt: Date): Promise<number>;
}

/** Something done with a round or with a unit's answer in it: who, when, why. */
export interface RoundEvent {
  roundId: string;
  action: 'issue' | 'relay' | 'extend' | 'close' | 'return' | 'accept' | 'reopen';
  /** ISO instant. */
  at: string;
  /** The official's email. */
  by: string;
  /** The unit whose answer it concerns (return, accept, reopen), or the relaying unit. */
  orgUnit?: string;
  period?: string;
  /** The official's words: why it was returned, what was extended. */
  note?: string;
  /** What changed, e.g. `{ deadline: ['…', '…'] }`. */
  change?: Record<string, unknown>;
}

/** Rounds in the table: one partition, a few hundred items at most. */
export interface RoundStore {
  list(): Promise<Round[]>;
  get(id: string): Promise<Round | undefined>;
  /**
   * Creates the round (`expectedVersion` 0) or replaces it only while its stored version is
   * `expectedVersion`, with the event that says why, in one transaction.
   * @throws RoundConflictError otherwise
   */
  put(round: Round, expectedVersion: number, event?: RoundEvent): Promise<void>;
  log(event: RoundEvent): Promise<void>;
  /** A round's events, oldest first. */
  events(roundId: string): Promise<RoundEvent[]>;
}

/**
 * Where a round's schedules live: the in-process scheduler locally, EventBridge
 * Scheduler (one schedule group) on AWS. Called whenever a round is opened,
 * moved or closed, so summaries and reminders fire without a deploy.
 */
export interface RoundScheduler {
  /** Makes the round's schedules exactly `entries`: creates, replaces and deletes (none: every one deleted). */
  sync(roundId: string, entries: ScheduleEntry[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
