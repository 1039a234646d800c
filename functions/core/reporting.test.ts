import { beforeEach, describe, expect, test } from 'vitest';
import { readSeedOrgUnits } from '#schemas/data/seed.ts';
import { loadForms } from '#schemas/registry.ts';
import { MemoryOrgUnitStore, MemoryRoundStore, MemorySubmissionStore } from '../../test/support/fakes.ts';
import { createReportingService, type ReportingService } from './reporting.ts';

const units = readSeedOrgUnits();
const registry = await loadForms();
const FORM = '971-nhan-luc-y-te';
const key = { formId: FORM, period: '2021-07-20', orgUnit: '79' };
const data = {
  appliesDirective16: true,
  need: { doctors: 500, nurses: 1200, technicians: 80 },
  contact: { name: 'Lê Văn C', phone: '0909 000 111' },
};

let store: MemorySubmissionStore;
let service: ReportingService;
let now: Date;

beforeEach(() => {
  store = new MemorySubmissionStore();
  now = new Date('2021-07-20T08:00:00Z');
  service = createReportingService({
    registry,
    submissions: store,
    orgUnits: new MemoryOrgUnitStore(units),
    rounds: new MemoryRoundStore(),
    clock: { now: () => now },
  });
});

describe('who must report', () => {
  test('971 asks the 63 provinces and no one else', async () => {
    const reporters = await service.reporters(FORM);
    expect(reporters).toHaveLength(63);
    expect(new Set(reporters.map((u) => u.kind))).toEqual(new Set(['province']));
  });

  test('a district cannot answer a province form', async () => {
    await expect(service.putSubmission({ ...key, orgUnit: '105' }, { data, submittedBy: 'x' })).rejects.toMatchObject({
      code: 'NOT_A_REPORTER',
    });
  });

  test('unknown forms, units and periods are refused with their own codes', async () => {
    await expect(service.getSubmission({ ...key, formId: 'nope' })).rejects.toMatchObject({ code: 'FORM_NOT_FOUND' });
    await expect(service.getSubmission({ ...key, orgUnit: '999' })).rejects.toMatchObject({ code: 'ORG_UNIT_NOT_FOUND' });
    await expect(service.getSubmission({ ...key, period: '2021-07-21' })).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
  });
});

describe('submitting', () => {
  test('stores a first report as revision 1, on time before the deadline', async () => {
    const result = await service.putSubmission(key, { data, submittedBy: 'Lê Văn C' });
    expect(result.status).toBe('created');
    expect(result.submission).toMatchObject({
      revision: 1,
      schemaVersion: 1,
      submittedBy: 'Lê Văn C',
      submittedAt: '2021-07-20T08:00:00.000Z',
      deadline: '2021-07-20T10:00:00.000Z',
      timeliness: 'on-time',
    });
  });

  test('sending the same report again keeps one current report and adds no revision', async () => {
    await service.putSubmission(key, { data, submittedBy: 'Lê Văn C' });
    now = new Date('2021-07-20T09:00:00Z');
    const again = await service.putSubmission(key, { data: structuredClone(data), submittedBy: 'Lê Văn C' });
    expect(again.status).toBe('unchanged');
    expect(again.submission.submittedAt).toBe('2021-07-20T08:00:00.000Z');
    expect(store.revisions).toHaveLength(1);
  });

  test('an amendment after the deadline becomes revision 2 and keeps revision 1 and the original timeliness', async () => {
    await service.putSubmission(key, { data, submittedBy: 'Lê Văn C' });
    now = new Date('2021-07-20T11:00:00Z');
    const amended = await service.putSubmission(key, {
      data: { ...data, need: { ...data.need, doctors: 650 } },
      submittedBy: 'Phạm Thị D',
    });
    expect(amended.status).toBe('amended');
    expect(amended.submission).toMatchObject({ revision: 2, timeliness: 'on-time', firstSubmittedAt: '2021-07-20T08:00:00.000Z' });
    const history = await service.listRevisions(key);
    expect(history.map((r) => [r.revision, r.submittedBy, (r.data as typeof data).need.doctors])).toEqual([
      [1, 'Lê Văn C', 500],
      [2, 'Phạm Thị D', 650],
    ]);
  });

  test('invalid data is refused with field errors and nothing is stored', async () => {
    await expect(
      service.putSubmission(key, { data: { ...data, need: { doctors: -1, nurses: 1, technicians: 1 } }, submittedBy: 'x' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { 'need.doctors': ['Không được là số âm.'] } });
    expect(store.current.size).toBe(0);
    expect(store.revisions).toHaveLength(0);
  });

  test('when another writer lands first, the report is re-read and saved on top of theirs', async () => {
    await service.putSubmission(key, { data, submittedBy: 'A' });
    store.interfere = () => {
      const cur = store.current.get(`${FORM}|2021-07-20|79`)!;
      store.current.set(`${FORM}|2021-07-20|79`, { ...cur, revision: 2, data: { other: true } });
      store.revisions.push({ ...cur, revision: 2, data: { other: true } });
    };
    const result = await service.putSubmission(key, { data: { ...data, note: 'mới' }, submittedBy: 'B' });
    expect(result.submission.revision).toBe(3);
  });
});
