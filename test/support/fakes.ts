/** In-memory implementations of the ports, for core unit tests. */
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { RevisionConflictError } from '../../functions/core/errors.ts';
import type { MailMessage, Mailer, OrgUnitStore, SubmissionKey, SubmissionRecord, SubmissionStore } from '../../functions/core/ports.ts';

const id = (k: SubmissionKey) => `${k.formId}|${k.period}|${k.orgUnit}`;

export class MemorySubmissionStore implements SubmissionStore {
  readonly current = new Map<string, SubmissionRecord>();
  readonly revisions: SubmissionRecord[] = [];
  /** Simulates another writer landing just before our next save. */
  interfere?: () => void;

  async getCurrent(key: SubmissionKey) {
    return structuredClone(this.current.get(id(key)));
  }
  async getCurrentMany(keys: SubmissionKey[]) {
    return keys.flatMap((k) => (this.current.has(id(k)) ? [structuredClone(this.current.get(id(k))!)] : []));
  }
  async listCurrent(formId: string, period: string) {
    return [...this.current.values()].filter((r) => r.formId === formId && r.period === period);
  }
  async listRevisions(key: SubmissionKey) {
    return this.revisions.filter((r) => id(r) === id(key));
  }
  async saveRevision(record: SubmissionRecord, expectedRevision: number) {
    const interfere = this.interfere;
    this.interfere = undefined;
    interfere?.();
    if ((this.current.get(id(record))?.revision ?? 0) !== expectedRevision) throw new RevisionConflictError('conflict');
    this.current.set(id(record), structuredClone(record));
    this.revisions.push(structuredClone(record));
  }
}

export class MemoryOrgUnitStore implements OrgUnitStore {
  units: OrgUnit[];
  constructor(units: OrgUnit[]) {
    this.units = units;
  }
  async list() {
    return this.units;
  }
  async upsertAll(units: OrgUnit[]) {
    this.units = units;
    return { written: units.length, unchanged: 0 };
  }
}

export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(message);
    return { messageId: `<${this.sent.length}@memory>` };
  }
}
