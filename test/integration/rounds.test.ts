/**
 * Rounds at run time, through the HTTP API on DynamoDB Local: an official
 * opens a round of a form for units under their unit; reporters see it, are
 * emailed, and answer it; the summary goes, exactly once, to the recipients
 * chosen at issue; a unit relays a round to the units under it with an
 * earlier deadline and builds its answer from theirs; an official returns,
 * accepts and reopens an answer, each act recorded with who, when and why;
 * the schedules follow the stored rounds; and the access rules hold.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { RoundEvent } from '../../functions/core/ports.ts';
import type { Round } from '../../functions/core/rounds.ts';
import { seededRandom } from '../../infra/local/demo-data.ts';
import { startScheduler, type LocalScheduler } from '../../infra/local/scheduler.ts';
import type { MemoryMailer } from '../support/fakes.ts';
import { answer971, freshRuntime, signIn } from '../support/local-runtime.ts';

const F971 = '971-nhan-luc-y-te';
const F4380 = '4380-san-sang-tiem-chung';
/** "Now" in these tests: 10:00 on 02/12/2026 in Hà Nội. */
const NOW = new Date('2026-12-02T03:00:00Z');

type Rt = Awaited<ReturnType<typeof freshRuntime>>;

async function call(rt: Rt, cookie: string, method: string, path: string, body?: unknown) {
  const res = await rt.app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json', origin: 'http://127.0.0.1:9' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const mailsTo = (mailer: MemoryMailer, address: string) => mailer.sent.filter((m) => m.to.includes(address));

describe('a national official opens 971 again; a province answers; the summary goes once to the chosen recipients', () => {
  let rt: Rt;
  let scheduler: LocalScheduler;
  let official: string;
  let round: Round;
  const ran: string[] = [];

  beforeAll(async () => {
    // The scheduler fires the runtime's jobs on the runtime's clock.
    const jobs: Record<string, (e: { roundId: string }) => Promise<unknown>> = {};
    let now = NOW;
    scheduler = startScheduler({ clock: { now: () => now }, run: (e) => (ran.push(e.id), jobs[e.job]!({ roundId: e.roundId })), log: () => {}, pollMs: 3_600_000 });
    rt = await freshRuntime({ scheduler, recipients: { 'thu-tuong': ['thutuong@test.local'] } });
    rt.clock.set(NOW);
    rt.clock.set = ((set) => (d: Date) => ((now = d), set(d)))(rt.clock.set.bind(rt.clock));
    jobs.summary = rt.summaryJob();
    jobs.reminder = rt.reminderJob();
    official = await signIn(rt, { role: 'official', unit: 'VN', email: 'cuc@test.local' });
    await signIn(rt, { role: 'official', unit: 'VN', email: 'vu@test.local' });
    await signIn(rt, { role: 'reporter', unit: '12', email: 'laichau@test.local' });
  });

  test('refused with a clear field error: a deadline in the past, units outside the issuer, a recipient who is not a user of it', async () => {
    const base = { formId: F971, reporters: { kinds: ['province'] } };
    const past = await call(rt, official, 'POST', '/api/rounds', { ...base, period: { kind: 'once', deadline: '2026-12-01T17:00' } });
    expect(past).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', fields: { period: ['Hạn nộp phải sau thời điểm hiện tại.'] } } } });
    const laiChau = await signIn(rt, { role: 'official', unit: '12' });
    const outside = await call(rt, laiChau, 'POST', '/api/rounds', { ...base, reporters: { units: ['70'] }, period: { kind: 'once', deadline: '2026-12-03T17:00' } });
    expect(outside).toMatchObject({ status: 400, body: { error: { fields: { reporters: ['Đơn vị 70 không thuộc đơn vị của bạn.'] } } } });
    const stranger = await call(rt, official, 'POST', '/api/rounds', { ...base, period: { kind: 'once', deadline: '2026-12-03T17:00' }, recipients: { users: ['ai@test.local'] } });
    expect(stranger.body.error.fields.recipients).toEqual(['ai@test.local không phải người dùng của đơn vị ban hành.']);
    const reporter = await signIn(rt, { role: 'reporter', unit: '01' });
    expect((await call(rt, reporter, 'POST', '/api/rounds', { ...base, period: { kind: 'once', deadline: '2026-12-03T17:00' } })).status).toBe(403);
  });

  test('issued due tomorrow 17:00: stored, scheduled, announced to the reporters, listed in their due reports', async () => {
    const res = await call(rt, official, 'POST', '/api/rounds', {
      formId: F971,
      period: { kind: 'once', deadline: '2026-12-03T17:00' },
      reporters: { kinds: ['province'] },
      recipients: { users: ['cuc@test.local', 'vu@test.local'], keys: ['thu-tuong'] },
      note: 'Thống kê lại nhân lực y tế tháng 12',
    });
    expect(res.status).toBe(201);
    round = res.body.round as Round;
    expect(round).toMatchObject({ formId: F971, issuer: 'VN', period: { kind: 'once', period: '2026-12-03', deadline: '2026-12-03T17:00' }, status: 'open' });
    expect(scheduler.nextRuns()).toEqual(
      expect.arrayContaining([
        { id: `summary-${round.id}`, next: new Date('2026-12-03T10:00:00Z') },
        { id: `reminder-${round.id}`, next: new Date('2026-12-03T08:00:00Z') },
      ]),
    );
    const [announce] = mailsTo(rt.mailer as MemoryMailer, 'laichau@test.local');
    expect(announce!.subject).toBe('[971/TTg-KGVX] Việt Nam đề nghị báo cáo: Thống kê nhân lực y tế phục vụ phòng, chống dịch Covid-19 — hạn 17:00 03/12/2026');
    expect(announce!.text).toContain(`/bao-cao/${F971}/?dot=${round.id}&ky=2026-12-03&han=2026-12-03T17%3A00`);

    const reporter = await signIn(rt, { role: 'reporter', unit: '12', email: 'laichau@test.local' });
    const due = (await call(rt, reporter, 'GET', '/api/me/due')).body.items as Array<{ roundId: string; period: string; status: string }>;
    expect(due.find((d) => d.roundId === round.id)).toMatchObject({ period: '2026-12-03', status: 'missing' });
    // Opening the same form for the same units and period again is refused.
    const again = await call(rt, official, 'POST', '/api/rounds', { formId: F971, period: { kind: 'once', deadline: '2026-12-03T20:00' }, reporters: { units: ['12'] } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'ROUND_OVERLAP' } } });
  });

  test('the province answers the new period; at the deadline the summary goes once, to the recipients chosen at issue', async () => {
    const reporter = await signIn(rt, { role: 'reporter', unit: '12', email: 'laichau@test.local' });
    const put = await call(rt, reporter, 'PUT', `/api/forms/${F971}/periods/2026-12-03/submissions/12`, { data: answer971(7), submittedBy: 'Lò Văn A', base: { revision: 0 } });
    expect(put.status).toBe(201);
    expect(put.body.submission.deadline).toBe('2026-12-03T10:00:00.000Z');
    // The seed round's 2021 period is still the seed round's.
    expect((await call(rt, reporter, 'PUT', `/api/forms/${F971}/periods/2026-12-04/submissions/12`, { data: answer971(7), submittedBy: 'A' })).body.error.code).toBe('PERIOD_INVALID');

    const before = (rt.mailer as MemoryMailer).sent.length;
    rt.clock.set(new Date('2026-12-03T10:00:30Z'));
    await scheduler.tick();
    await scheduler.tick();
    const summaries = (rt.mailer as MemoryMailer).sent.slice(before).filter((m) => m.subject.startsWith('[971/TTg-KGVX] Tổng nhu cầu'));
    expect(summaries.map((m) => m.to[0]).sort()).toEqual(['cuc@test.local', 'thutuong@test.local', 'vu@test.local']);
    expect(summaries[0]!.subject).toBe('[971/TTg-KGVX] Tổng nhu cầu: 1.287 — 1/63 tỉnh, thành phố đã báo cáo');
    expect(summaries[0]!.text).toContain(`/bang-dieu-khien/${F971}/?ky=2026-12-03&dot=${round.id}`);
    expect(ran.filter((id) => id === `summary-${round.id}`)).toHaveLength(1);
    // Run again by hand: nothing is sent twice.
    const again = await rt.summaryJob()({ roundId: round.id });
    expect(again.delivery).toMatchObject({ sent: [], skipped: expect.arrayContaining(['cuc@test.local', 'thutuong@test.local', 'vu@test.local']) });
  });

  test('extending moves the schedules; closing removes them and refuses answers', async () => {
    rt.clock.set(new Date('2026-12-02T04:00:00Z'));
    const ext = await call(rt, official, 'POST', `/api/rounds/${round.id}/extend`, { deadline: '2026-12-05T17:00', note: 'Gia hạn theo đề nghị của các tỉnh' });
    expect(ext.status).toBe(200);
    expect(scheduler.nextRuns()).toContainEqual({ id: `summary-${round.id}`, next: new Date('2026-12-05T10:00:00Z') });
    rt.clock.set(new Date('2026-12-02T04:10:00Z'));
    expect((await call(rt, official, 'POST', `/api/rounds/${round.id}/close`, { note: 'Đủ số liệu' })).status).toBe(200);
    expect(scheduler.nextRuns().filter((r) => r.id.endsWith(round.id))).toEqual([]);
    const reporter = await signIn(rt, { role: 'reporter', unit: '12', email: 'laichau@test.local' });
    const late = await call(rt, reporter, 'PUT', `/api/forms/${F971}/periods/2026-12-03/submissions/12`, { data: answer971(9), submittedBy: 'Lò Văn A' });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'ROUND_CLOSED' } } });
    const { events } = (await call(rt, official, 'GET', `/api/rounds/${round.id}`)).body as { events: RoundEvent[] };
    expect(events.map((e) => [e.action, e.by, e.note])).toEqual([
      ['issue', 'cuc@test.local', 'Thống kê lại nhân lực y tế tháng 12'],
      ['extend', 'cuc@test.local', 'Gia hạn theo đề nghị của các tỉnh'],
      ['close', 'cuc@test.local', 'Đủ số liệu'],
    ]);
  });
});

describe('Lai Châu relays the Ministry\'s 4380 round to its districts and builds its answer from theirs', () => {
  let rt: Rt;
  let parent: Round;
  let relay: Round;
  const demo = (rt: Rt, unit: string, period: string) => {
    const form = rt.service.form(F4380);
    return rt.service.outputs(form.id).demo({ unit: { code: unit, name: unit, kind: 'district', parent: '12' }, random: seededRandom(`relay/${unit}`), period });
  };

  beforeAll(async () => {
    rt = await freshRuntime();
    rt.clock.set(NOW);
    const ministry = await signIn(rt, { role: 'official', unit: 'VN' });
    parent = (await call(rt, ministry, 'POST', '/api/rounds', { formId: F4380, period: { kind: 'once', deadline: '2026-12-09T17:00' }, reporters: { kinds: ['province'] } })).body.round as Round;
  });

  test('a relay must be earlier than the parent, by an official of a unit that answers it, to units under it', async () => {
    const laiChau = await signIn(rt, { role: 'official', unit: '12' });
    const late = await call(rt, laiChau, 'POST', `/api/rounds/${parent.id}/relay`, { deadline: '2026-12-10T17:00', reporters: { kinds: ['district'] } });
    expect(late.body.error.fields.deadline[0]).toMatch(/^Hạn nộp của đơn vị cấp dưới phải trước hạn của cấp trên/);
    const reporter = await signIn(rt, { role: 'reporter', unit: '12' });
    expect((await call(rt, reporter, 'POST', `/api/rounds/${parent.id}/relay`, { deadline: '2026-12-07T17:00', reporters: { kinds: ['district'] } })).status).toBe(403);
    const district = await signIn(rt, { role: 'official', unit: '105' });
    expect((await call(rt, district, 'POST', `/api/rounds/${parent.id}/relay`, { deadline: '2026-12-07T17:00', reporters: { kinds: ['district'] } })).status).toBe(403);
  });

  test('relayed two days earlier; districts answer; the province rolls up, adjusts and submits; both levels count right', async () => {
    const laiChau = await signIn(rt, { role: 'official', unit: '12' });
    const res = await call(rt, laiChau, 'POST', `/api/rounds/${parent.id}/relay`, { deadline: '2026-12-07T17:00', reporters: { kinds: ['district'] } });
    expect(res.status).toBe(201);
    relay = res.body.round as Round;
    expect(relay).toMatchObject({ formId: F4380, issuer: '12', parent: parent.id, period: { period: '2026-12-09', deadline: '2026-12-07T17:00' } });

    const districts = (await rt.service.reporters(relay.id)).map((u) => u.code);
    expect(districts).toHaveLength(8);
    for (const code of districts.slice(0, 6)) {
      const cookie = await signIn(rt, { role: 'reporter', unit: code });
      expect((await call(rt, cookie, 'PUT', `/api/forms/${F4380}/periods/2026-12-09/submissions/${code}`, { data: demo(rt, code, '2026-12-09'), submittedBy: `Cán bộ ${code}` })).status).toBe(201);
    }
    const province = await signIn(rt, { role: 'reporter', unit: '12' });
    const rollup = (await call(rt, province, 'GET', `/api/forms/${F4380}/periods/2026-12-09/rollup/12`)).body as { data: { facilities: unknown[] }; sources: Array<{ roundId: string; status: string }> };
    expect(rollup.sources.filter((s) => s.roundId === relay.id && s.status === 'included')).toHaveLength(6);
    expect(rollup.sources.filter((s) => s.status === 'missing')).toHaveLength(2);
    const expectedFacilities = districts.slice(0, 6).reduce((n, code) => n + (demo(rt, code, '2026-12-09') as { facilities: unknown[] }).facilities.length, 0);
    expect(rollup.data.facilities).toHaveLength(expectedFacilities);
    const put = await call(rt, province, 'PUT', `/api/forms/${F4380}/periods/2026-12-09/submissions/12`, { data: { ...rollup.data, contact: { name: 'Lò Thị B', phone: '0213 3876 000' } }, submittedBy: 'Lò Thị B', origin: 'rollup' });
    expect(put.status).toBe(201);

    const relayBoard = (await call(rt, laiChau, 'GET', `/api/dashboard/${F4380}?dot=${relay.id}`)).body as { rates: Array<{ reported: number; expected: number }> };
    expect(relayBoard.rates.at(-1)).toMatchObject({ reported: 6, expected: 8 });
    const ministry = await signIn(rt, { role: 'official', unit: 'VN' });
    const parentBoard = (await call(rt, ministry, 'GET', `/api/dashboard/${F4380}?dot=${parent.id}`)).body as { rates: Array<{ reported: number; expected: number }>; relays: Record<string, unknown> };
    expect(parentBoard.rates.at(-1)).toMatchObject({ reported: 1, expected: 63 });
    // The Ministry sees, for Lai Châu, how its own relay is going.
    expect(parentBoard.relays).toEqual({ '12': { roundId: relay.id, period: '2026-12-09', reported: 6, expected: 8 } });
    // The relay's dashboard is Lai Châu's; the Ministry's is not Lai Châu's to see.
    expect((await call(rt, laiChau, 'GET', `/api/dashboard/${F4380}?dot=${parent.id}`)).status).toBe(403);
  });
});

describe('return for correction, resubmit, accept, refuse an amendment until reopened; the history shows each step', () => {
  test('each act by an official of the issuing unit, recorded with who, when and why', async () => {
    const rt = await freshRuntime();
    rt.clock.set(NOW);
    const ministry = await signIn(rt, { role: 'official', unit: 'VN', email: 'cuc@test.local', name: 'Nguyễn Văn Cục' });
    const round = (await call(rt, ministry, 'POST', '/api/rounds', { formId: F971, period: { kind: 'once', deadline: '2026-12-04T17:00' }, reporters: { kinds: ['province'] } })).body.round as Round;
    const reporter = await signIn(rt, { role: 'reporter', unit: '12', email: 'laichau@test.local' });
    const path = `/api/forms/${F971}/periods/2026-12-04/submissions/12`;
    rt.clock.set(new Date('2026-12-02T03:30:00Z'));
    expect((await call(rt, reporter, 'PUT', path, { data: answer971(7), submittedBy: 'Lò Văn A' })).status).toBe(201);

    // Not the province's own officials, nor a reporter: the issuing unit's.
    const laiChau = await signIn(rt, { role: 'official', unit: '12' });
    expect((await call(rt, laiChau, 'POST', `${path}/return`, { revision: 1, note: 'x' })).status).toBe(403);
    expect((await call(rt, reporter, 'POST', `${path}/accept`, { revision: 1 })).status).toBe(403);
    expect((await call(rt, ministry, 'POST', `${path}/return`, { revision: 1 })).body.error.fields.note).toEqual(['Vui lòng ghi rõ nội dung cần sửa.']);

    rt.clock.set(new Date('2026-12-02T04:00:00Z'));
    const returned = await call(rt, ministry, 'POST', `${path}/return`, { revision: 1, note: 'Số bác sỹ cần hỗ trợ chưa khớp với công văn của tỉnh' });
    expect(returned).toMatchObject({ status: 200, body: { submission: { review: 'returned', reviewedBy: 'cuc@test.local' } } });
    const [mail] = mailsTo(rt.mailer as MemoryMailer, 'laichau@test.local').filter((m) => m.subject.includes('trả lại'));
    expect(mail!.text).toContain('Nội dung cần sửa: Số bác sỹ cần hỗ trợ chưa khớp với công văn của tỉnh');
    const due = (await call(rt, reporter, 'GET', '/api/me/due')).body.items as Array<{ roundId: string; review?: { state: string; note?: string } }>;
    expect(due.find((d) => d.roundId === round.id)!.review).toMatchObject({ state: 'returned', note: 'Số bác sỹ cần hỗ trợ chưa khớp với công văn của tỉnh' });
    const statuses = await rt.service.statuses(F971);
    expect(statuses.find((s) => s.orgUnit === '12' && s.period === '2026-12-04')!.review).toBe('returned');
    // The completeness says so until the unit sends it again.
    const statusOf = async () =>
      ((await call(rt, ministry, 'GET', `/api/forms/${F971}/periods/2026-12-04/summary?dot=${round.id}`)).body.summary.tables as Array<{ id: string; rows: Array<Record<string, string>> }>)
        .find((t) => t.id === 'completeness')!
        .rows.find((r) => r.code === '12')!.status;
    expect(await statusOf()).toBe('Đúng hạn — Trả lại để sửa');

    rt.clock.set(new Date('2026-12-02T05:00:00Z'));
    const resubmitted = await call(rt, reporter, 'PUT', path, { data: answer971(9), submittedBy: 'Lò Văn A' });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.submission.review).toBeUndefined();
    expect(await statusOf()).toBe('Đúng hạn');
    // Acting on a revision that is no longer current is refused, not misapplied.
    expect((await call(rt, ministry, 'POST', `${path}/accept`, { revision: 1 })).body.error.code).toBe('REVISION_CONFLICT');
    rt.clock.set(new Date('2026-12-02T06:00:00Z'));
    expect((await call(rt, ministry, 'POST', `${path}/accept`, { revision: 2 })).body.submission.review).toBe('accepted');

    const amend = await call(rt, reporter, 'PUT', path, { data: answer971(11), submittedBy: 'Lò Văn A', base: { revision: 2, firstSubmittedAt: resubmitted.body.submission.firstSubmittedAt } });
    expect(amend).toMatchObject({ status: 409, body: { error: { code: 'SUBMISSION_ACCEPTED' } } });
    const amendUnread = await call(rt, reporter, 'PUT', path, { data: answer971(11), submittedBy: 'Lò Văn A' });
    expect(amendUnread.body.error.code).toBe('SUBMISSION_ACCEPTED');
    // The same answer sent again is still just "unchanged".
    expect((await call(rt, reporter, 'PUT', path, { data: answer971(9), submittedBy: 'Lò Văn A' })).body.status).toBe('unchanged');

    rt.clock.set(new Date('2026-12-02T07:00:00Z'));
    expect((await call(rt, ministry, 'POST', `${path}/reopen`, { revision: 2, note: 'Tỉnh đề nghị cập nhật' })).status).toBe(200);
    expect((await call(rt, reporter, 'PUT', path, { data: answer971(11), submittedBy: 'Lò Văn A' })).status).toBe(200);

    const history = (await call(rt, ministry, 'GET', `${path}/history`)).body.items as Array<{ kind: string; action?: string; by: string; note?: string; revision?: number }>;
    expect(history.map((h) => (h.kind === 'revision' ? `revision ${h.revision}` : `${h.action} ${h.by}${h.note ? ` — ${h.note}` : ''}`))).toEqual([
      'issue cuc@test.local',
      'revision 1',
      'return cuc@test.local — Số bác sỹ cần hỗ trợ chưa khớp với công văn của tỉnh',
      'revision 2',
      'accept cuc@test.local',
      'reopen cuc@test.local — Tỉnh đề nghị cập nhật',
      'revision 3',
    ]);
    // The reporter reads their own answer's history; a reporter of another unit does not.
    expect((await call(rt, reporter, 'GET', `${path}/history`)).status).toBe(200);
    const other = await signIn(rt, { role: 'reporter', unit: '01' });
    expect((await call(rt, other, 'GET', `${path}/history`)).status).toBe(403);
  });
});

describe('who sees and manages which rounds', () => {
  test('rounds issued at or below one\'s unit, or reaching it; a tampered id is refused without saying more', async () => {
    const rt = await freshRuntime();
    rt.clock.set(NOW);
    const ministry = await signIn(rt, { role: 'official', unit: 'VN' });
    const binhPhuoc = await signIn(rt, { role: 'official', unit: '70' });
    const laiChau = await signIn(rt, { role: 'official', unit: '12' });
    const district = (await call(rt, binhPhuoc, 'POST', '/api/rounds', { formId: F971, period: { kind: 'once', deadline: '2026-12-05T17:00' }, reporters: { kinds: ['district'] } })).body.round as Round;
    expect(district.issuer).toBe('70');
    const ids = async (cookie: string) => ((await call(rt, cookie, 'GET', '/api/rounds')).body.rounds as Array<{ round: Round }>).map((r) => r.round.id);
    expect(await ids(ministry)).toContain(district.id);
    expect(await ids(binhPhuoc)).toContain(district.id);
    expect(await ids(laiChau)).not.toContain(district.id);
    // Lai Châu sees the national rounds that reach it (to answer or relay), not Bình Phước's.
    expect(await ids(laiChau)).toContain(F971);
    expect((await call(rt, laiChau, 'GET', `/api/rounds/${district.id}`)).status).toBe(403);
    expect((await call(rt, laiChau, 'POST', `/api/rounds/${district.id}/extend`, { deadline: '2026-12-06T17:00' })).status).toBe(403);
    expect((await call(rt, laiChau, 'POST', `/api/rounds/${district.id}/close`, {})).status).toBe(403);
    const tampered = await call(rt, laiChau, 'GET', `/api/rounds/${district.id}x`);
    expect(tampered).toEqual({ status: 404, body: { error: { code: 'ROUND_NOT_FOUND', message: 'Không tìm thấy đợt báo cáo.' } } });
    expect((await call(rt, laiChau, 'GET', `/api/dashboard/${F971}?dot=${district.id}`)).status).toBe(403);
    expect((await call(rt, binhPhuoc, 'GET', `/api/dashboard/${F4380}?dot=${district.id}`)).status).toBe(404);
  });
});
