/** What the core needs from the outside world; adapters implement these. */
import type { OrgUnit } from '#schemas/core/org-unit.ts';

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
}

export interface SubmissionStore {
  getCurrent(key: SubmissionKey): Promise<SubmissionRecord | undefined>;
  /** The current records of many keys; missing ones are left out. */
  getCurrentMany(keys: SubmissionKey[]): Promise<SubmissionRecord[]>;
  listCurrent(formId: string, period: string): Promise<SubmissionRecord[]>;
  /** Every revision, oldest first. */
  listRevisions(key: SubmissionKey): Promise<SubmissionRecord[]>;
  /**
   * Saves `record` as the current revision and appends it to the history, atomically,
   * only if the current revision is still `expectedRevision` (0 = none yet).
   * @throws RevisionConflictError otherwise
   */
  saveRevision(record: SubmissionRecord, expectedRevision: number): Promise<void>;
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
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
