/** In-memory implementations of the ports, for core unit tests. */
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { RevisionConflictError, RoundConflictError } from '../../functions/core/errors.ts';
import type { Round } from '../../functions/core/rounds.ts';
import type {
  MailMessage,
  Mailer,
  OrgUnitStore,
  PeriodRange,
  RoundEvent,
  RoundStore,
  ReportStatusRecord,
  ReviewMark,
  ReviewState,
  SaveOptions,
  SubmissionHead,
  SubmissionKey,
  SubmissionRecord,
  SubmissionStore,
} from '../../functions/core/ports.ts';

const id = (k: SubmissionKey) => `${k.formId}|${k.period}|${k.orgUnit}`;
const headOf = ({ data: _data, ...head }: SubmissionRecord): SubmissionHead => structuredClone(head);

export class MemorySubmissionStore implements SubmissionStore {
  readonly current = new Map<string, SubmissionRecord>();
  readonly revisions: SubmissionRecord[] = [];
  /** `formId|roundId|orgUnit` → period → what the history rule kept. */
  readonly kept = new Map<string, Map<string, unknown>>();
  /** Simulates another writer landing just before our next save. */
  interfere?: () => void;

  async getCurrent(key: SubmissionKey) {
    return structuredClone(this.current.get(id(key)));
  }
  async listCurrent(formId: string, period: string) {
    return [...this.current.values()].filter((r) => r.formId === formId && r.period === period);
  }
  async listRevisions(key: SubmissionKey) {
    return this.revisions.filter((r) => id(r) === id(key));
  }
  /** The same guard as the DynamoDB adapter's (requests.ts), and the stored record, without its data, handed back when it fails. */
  async saveRevision(record: SubmissionRecord, { base, kept }: SaveOptions) {
    const interfere = this.interfere;
    this.interfere = undefined;
    interfere?.();
    const stored = this.current.get(id(record));
    const holds = stored
      ? base.revision > 0 &&
        stored.revision === base.revision &&
        (!base.firstSubmittedAt || stored.firstSubmittedAt === base.firstSubmittedAt) &&
        (!record.dataHash || stored.dataHash !== record.dataHash) &&
        stored.review !== 'accepted'
      : base.revision === 0;
    if (!holds) throw new RevisionConflictError('conflict', { current: stored && headOf(stored) });
    this.current.set(id(record), structuredClone(record));
    this.revisions.push(structuredClone(record));
    if (kept !== undefined) {
      const unit = `${record.formId}|${kept.round}|${record.orgUnit}`;
      this.kept.set(unit, (this.kept.get(unit) ?? new Map()).set(record.period, structuredClone(kept.value)));
    }
  }
  async setReview(key: SubmissionKey, revision: number, mark: ReviewMark, from?: ReviewState) {
    const stored = this.current.get(id(key));
    if (!stored || stored.revision !== revision || (from && stored.review !== from)) throw new RevisionConflictError('conflict', { current: stored && headOf(stored) });
    const { reviewNote: _drop, ...rest } = stored;
    const next = { ...rest, ...mark };
    this.current.set(id(key), next);
    return structuredClone(next);
  }
  async listStatuses(formId: string, periods?: PeriodRange): Promise<ReportStatusRecord[]> {
    return [...this.current.values()]
      .filter((r) => r.formId === formId && (!periods || (r.period >= periods.from && r.period <= periods.to)))
      .map(({ formId, period, orgUnit, revision, firstSubmittedAt, origin, review }) => ({ formId, period, orgUnit, revision, firstSubmittedAt, ...(origin ? { origin } : {}), ...(review ? { review } : {}) }));
  }
  async getKept(formId: string, roundId: string, orgUnit: string) {
    return new Map(this.kept.get(`${formId}|${roundId}|${orgUnit}`));
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

export class MemoryRoundStore implements RoundStore {
  readonly rounds = new Map<string, Round>();
  readonly logged: RoundEvent[] = [];
  async list() {
    return [...this.rounds.values()];
  }
  async get(id: string) {
    return this.rounds.get(id);
  }
  async put(round: Round, expectedVersion: number, event?: RoundEvent) {
    if ((this.rounds.get(round.id)?.version ?? 0) !== expectedVersion) throw new RoundConflictError(`round ${round.id}`);
    this.rounds.set(round.id, round);
    if (event) this.logged.push(event);
  }
  async log(event: RoundEvent) {
    this.logged.push(event);
  }
  async events(roundId: string) {
    return this.logged.filter((e) => e.roundId === roundId);
  }
}

export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(message);
    return { messageId: `<${this.sent.length}@memory>` };
  }
}
