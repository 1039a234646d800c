/**
 * What officials do with rounds at run time: open one for units under their
 * own unit, relay one their unit must answer to the units under it (with an
 * earlier deadline), extend or close it; and, on a unit's answer, return it
 * for correction, accept it, or reopen it. Each act is checked against the
 * access rules, written with the event that records who, when and why, and
 * moves the round's schedules at once (the local scheduler, or EventBridge
 * Scheduler on AWS).
 */
import * as z from 'zod/mini';
import { instantOf, localTimeOf } from '#schemas/core/calendar.ts';
import { formatDeadline } from '#schemas/core/format-deadline.ts';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { listPeriods, type PeriodSpec } from '#schemas/core/period.ts';
import { cleanText } from '#schemas/core/text.ts';
import { toFieldErrors } from '#schemas/core/validate.ts';
import { renderRoundEmail } from '../outputs/round-email.ts';
import { deliverOnce } from './delivery.ts';
import { ForbiddenError, RoundClosedError, RoundOverlapError, SubmissionNotFoundError, ValidationFailedError } from './errors.ts';
import type { AuthStore, Clock, DeliveryStore, Mailer, RoundEvent, RoundScheduler, RoundStore, SubmissionKey, SubmissionStore } from './ports.ts';
import type { ReportingService } from './reporting.ts';
import { formLink, overlaps, reportersOf, ROUND_ID, type Round } from './rounds.ts';
import { roundSchedules } from './schedules.ts';
import { access, within, type Actor, type User } from './users.ts';

export interface RoundAdminDeps {
  service: ReportingService;
  rounds: RoundStore;
  submissions: SubmissionStore;
  users: Pick<AuthStore, 'listUsers'>;
  clock: Clock;
  mailer: Mailer;
  deliveries: DeliveryStore;
  publicUrl: string;
  /** Recipient keys configured with addresses (e.g. `thu-tuong`): the ones a round may name. */
  recipientKeys: string[];
  scheduler?: RoundScheduler | undefined;
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

const localTime = z.string('Vui lòng nhập hạn nộp.').check(z.regex(LOCAL_TIME, 'Hạn nộp phải có dạng ngày và giờ (giờ Việt Nam).'));
const date = (what: string) => z.string(`Vui lòng nhập ${what}.`).check(z.regex(DATE, `${what.charAt(0).toUpperCase()}${what.slice(1)} phải là một ngày.`));

const reportersInput = z.union(
  [
    z.strictObject({ kinds: z.array(z.enum(['province', 'district', 'department', 'facility'])).check(z.minLength(1, 'Vui lòng chọn ít nhất một loại đơn vị.')) }),
    z.strictObject({ units: z.array(z.string().check(z.maxLength(20))).check(z.minLength(1, 'Vui lòng chọn ít nhất một đơn vị.'), z.maxLength(1000)) }),
  ],
  'Vui lòng chọn đơn vị phải báo cáo.',
);

const recipientsInput = z.optional(
  z.strictObject({
    users: z.optional(z.array(z.email('Địa chỉ thư điện tử không hợp lệ.')).check(z.maxLength(50))),
    keys: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(20))),
  }),
);

const note = z.optional(cleanText({ max: 1000 }));
const reminderMinutes = z.optional(z.int('Số phút nhắc trước phải là số nguyên.').check(z.minimum(0), z.maximum(7 * 24 * 60)));

export const issueInput = z.strictObject({
  formId: z.string('Vui lòng chọn biểu mẫu.').check(z.minLength(1, 'Vui lòng chọn biểu mẫu.'), z.maxLength(64)),
  period: z.union(
    [
      z.strictObject({ kind: z.literal('once'), deadline: localTime, period: z.optional(date('kỳ báo cáo')) }),
      z.strictObject({ kind: z.literal('daily'), from: date('ngày bắt đầu'), to: date('ngày kết thúc'), deadlineTime: z.string().check(z.regex(TIME, 'Giờ nộp phải có dạng giờ:phút.')) }),
    ],
    'Vui lòng chọn kỳ báo cáo và hạn nộp.',
  ),
  reporters: reportersInput,
  reminderMinutes,
  recipients: recipientsInput,
  note,
});

export const relayInput = z.strictObject({
  /** Another form declared as this one's relay (its `relayOf`); the same form by default. */
  formId: z.optional(z.string().check(z.maxLength(64))),
  /** The relay's own deadline: a local time for a one-off round, `HH:mm` for a daily one. */
  deadline: z.string('Vui lòng nhập hạn nộp.').check(z.maxLength(16)),
  reporters: reportersInput,
  reminderMinutes,
  recipients: recipientsInput,
  note,
});

export const extendInput = z.strictObject({
  /** One-off: the new deadline (local time). Daily: the new last day and/or time. */
  deadline: z.optional(localTime),
  to: z.optional(date('ngày kết thúc')),
  deadlineTime: z.optional(z.string().check(z.regex(TIME, 'Giờ nộp phải có dạng giờ:phút.'))),
  note,
});

export const reviewInput = z.strictObject({
  /** The revision the official read: a newer one makes the act refused, not misapplied. */
  revision: z.int().check(z.minimum(1)),
  note,
});

function parse<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationFailedError(toFieldErrors(parsed.error.issues));
  return parsed.data;
}

const invalid = (field: string, message: string) => new ValidationFailedError({ [field]: [message] });

/** A round id: the form's id, a dot, the opening instant in base 36 and two random letters. */
function newRoundId(formId: string, now: Date): string {
  const id = `${formId}.${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 4)}`;
  if (!ROUND_ID.test(id)) throw new Error(`round id ${id} is not valid`);
  return id;
}

export function createRoundAdmin(deps: RoundAdminDeps) {
  const { service, rounds, clock } = deps;

  async function units() {
    return service.orgUnits();
  }

  /** The round's units, checked to lie strictly below `under`. */
  async function reportersUnder(under: string, input: z.output<typeof reportersInput>): Promise<Round['reporters']> {
    const dir = await units();
    if ('kinds' in input) {
      const picked = reportersOf({ reporters: { under, kinds: input.kinds } }, dir);
      if (picked.length === 0) throw invalid('reporters', 'Không có đơn vị nào thuộc loại đã chọn dưới đơn vị của bạn.');
      return { under, kinds: input.kinds };
    }
    const codes = [...new Set(input.units)];
    for (const code of codes) {
      const unit = dir.byCode.get(code);
      if (!unit || code === under || !within(dir.byCode, code, under)) {
        throw invalid('reporters', `Đơn vị ${code} không thuộc đơn vị của bạn.`);
      }
    }
    return { units: codes.sort() };
  }

  async function recipientsOf(issuer: string, input: z.output<typeof recipientsInput>, actor: Actor, people: User[]): Promise<Round['recipients']> {
    const dir = await units();
    const users = [...new Set((input?.users ?? [actor.email]).map((e) => e.trim().toLowerCase()))];
    const known = new Map(people.map((u) => [u.email, u]));
    for (const email of users) {
      const user = known.get(email);
      // Platform users of the issuing unit or above it: a summary goes to those who asked.
      if (!user || user.status !== 'active' || !within(dir.byCode, issuer, user.unit)) {
        throw invalid('recipients', `${email} không phải người dùng của đơn vị ban hành.`);
      }
    }
    const keys = [...new Set(input?.keys ?? [])];
    for (const key of keys) if (!deps.recipientKeys.includes(key)) throw invalid('recipients', `Không có nhóm người nhận "${key}".`);
    return { users, keys };
  }

  function checkFuture(local: string, field: string) {
    if (instantOf(local).getTime() <= clock.now().getTime()) throw invalid(field, 'Hạn nộp phải sau thời điểm hiện tại.');
  }

  async function checkNoOverlap(round: Round) {
    const dir = await units();
    if ((await service.rounds()).some((other) => overlaps(round, other, dir))) throw new RoundOverlapError(`round ${round.id} overlaps another of ${round.formId}`);
  }

  /** The version a change is written against: a seed round not yet stored is created. */
  async function storedVersion(round: Round): Promise<number> {
    return (await rounds.get(round.id)) ? round.version : 0;
  }

  /** Stores the round with its event, moves its schedules, and forgets the cached rounds. */
  async function save(round: Round, expectedVersion: number, event: RoundEvent) {
    await rounds.put(round, expectedVersion, event);
    service.forgetRounds();
    await deps.scheduler?.sync(round.id, roundSchedules(round));
  }

  /** A new round of the actor's unit: open, version 1, its reporters and recipients checked. */
  async function newRound(
    actor: Actor,
    formId: string,
    now: Date,
    parts: { parent?: string; period: PeriodSpec; reporters: z.output<typeof reportersInput>; reminderMinutes: number; recipients: z.output<typeof recipientsInput> },
    people: User[],
  ): Promise<Round> {
    return {
      id: newRoundId(formId, now),
      formId,
      issuer: actor.unit.code,
      ...(parts.parent ? { parent: parts.parent } : {}),
      reporters: await reportersUnder(actor.unit.code, parts.reporters),
      period: parts.period,
      reminderMinutes: parts.reminderMinutes,
      recipients: await recipientsOf(actor.unit.code, parts.recipients, actor, people),
      status: 'open',
      createdBy: actor.email,
      createdAt: now.toISOString(),
      version: 1,
    };
  }

  /** Stores a new round (refused if it asks a unit for a period twice), schedules it and tells its reporters. */
  async function open(round: Round, event: RoundEvent, people: User[]) {
    await checkNoOverlap(round);
    await save(round, 0, event);
    await announce(round, people);
  }

  /** Reporters' users are told of a new round: what, by when, where (once per round and reporter). */
  async function announce(round: Round, people: User[]) {
    const form = service.form(round.formId);
    const dir = await units();
    const reporters = new Map(reportersOf(round, dir).map((u) => [u.code, u]));
    const users = people.filter((u) => u.status === 'active' && u.role === 'reporter' && reporters.has(u.unit));
    const first = listPeriods(round.period)[0]!;
    const issuer = dir.byCode.get(round.issuer);
    await deliverOnce({ ...deps, messageIdDomain: new URL(deps.publicUrl).hostname }, { job: 'round-open', formId: round.id, period: first }, users.map((u) => u.email), (recipient) => {
      const unit: OrgUnit = reporters.get(users.find((u) => u.email === recipient)!.unit)!;
      return renderRoundEmail({ round, form, unitName: unit.name, issuerName: issuer?.name ?? round.issuer, link: formLink(deps.publicUrl, round, first), relay: Boolean(round.parent) });
    });
  }

  return {
    /**
     * Opens a round of any form for units under the actor's unit.
     * @example await admin.issue(official, { formId: '971-nhan-luc-y-te', period: { kind: 'once', deadline: '2026-12-03T17:00' }, reporters: { kinds: ['province'] } })
     */
    async issue(actor: Actor, body: unknown): Promise<Round> {
      const input = parse(issueInput, body);
      if (!access.issueRound(actor, actor.unit.code)) throw new ForbiddenError(`${actor.email} may not open rounds`);
      const form = service.form(input.formId);
      const now = clock.now();
      let period: PeriodSpec;
      if (input.period.kind === 'once') {
        checkFuture(input.period.deadline, 'period');
        period = { kind: 'once', period: input.period.period ?? input.period.deadline.slice(0, 10), deadline: input.period.deadline };
      } else {
        const { from, to, deadlineTime } = input.period;
        if (to < from) throw invalid('period', 'Ngày kết thúc phải từ ngày bắt đầu trở đi.');
        if (listPeriods({ kind: 'daily', from, to, deadlineTime }).length > 366) throw invalid('period', 'Một đợt báo cáo hằng ngày dài tối đa một năm.');
        checkFuture(`${to}T${deadlineTime}`, 'period');
        period = { kind: 'daily', from, to, deadlineTime };
      }
      // The users, read once: the recipients are checked against them and the reporters among them are told.
      const people = await deps.users.listUsers();
      const round = await newRound(actor, form.id, now, {
        period,
        reporters: input.reporters,
        reminderMinutes: input.reminderMinutes ?? Math.round((form.reminderHoursBefore ?? 2) * 60),
        recipients: input.recipients,
      }, people);
      await open(round, { roundId: round.id, action: 'issue', at: now.toISOString(), by: actor.email, ...(input.note ? { note: input.note } : {}) }, people);
      return round;
    },

    /**
     * Relays a round the actor's unit must answer to the units under it, with an earlier deadline; their
     * answers roll up into a draft of the unit's own.
     */
    async relay(actor: Actor, parentId: string, body: unknown): Promise<Round> {
      const input = parse(relayInput, body);
      const parent = await service.round(parentId);
      const dir = await units();
      if (!access.relayRound(actor, parent, dir.byCode)) throw new ForbiddenError(`${actor.email} may not relay ${parent.id}`);
      if (parent.status === 'closed') throw new RoundClosedError(`round ${parent.id} is closed`);
      // The same form, or one declared as its relay (Lai Châu's own 4380 form).
      const formId = input.formId ?? parent.formId;
      const form = service.form(formId);
      if (form.id !== parent.formId && form.relayOf !== parent.formId) throw invalid('formId', 'Biểu mẫu này không dùng để chuyển tiếp đợt báo cáo đã chọn.');
      if (!service.form(parent.formId).rollup) throw invalid('formId', 'Biểu mẫu này không tổng hợp được từ báo cáo của đơn vị cấp dưới.');
      let period: PeriodSpec;
      const p = parent.period;
      if (p.kind === 'once') {
        if (!LOCAL_TIME.test(input.deadline)) throw invalid('deadline', 'Hạn nộp phải có dạng ngày và giờ (giờ Việt Nam).');
        if (input.deadline >= p.deadline) throw invalid('deadline', `Hạn nộp của đơn vị cấp dưới phải trước hạn của cấp trên (${formatDeadline(instantOf(p.deadline))}).`);
        checkFuture(input.deadline, 'deadline');
        period = { kind: 'once', period: p.period, deadline: input.deadline };
      } else {
        if (!TIME.test(input.deadline)) throw invalid('deadline', 'Giờ nộp phải có dạng giờ:phút.');
        if (input.deadline >= p.deadlineTime) throw invalid('deadline', `Giờ nộp của đơn vị cấp dưới phải trước ${p.deadlineTime} hằng ngày.`);
        period = { kind: 'daily', from: p.from, to: p.to, deadlineTime: input.deadline };
      }
      const now = clock.now();
      const people = await deps.users.listUsers();
      const round = await newRound(actor, form.id, now, {
        parent: parent.id,
        period,
        reporters: input.reporters,
        reminderMinutes: input.reminderMinutes ?? parent.reminderMinutes,
        recipients: input.recipients,
      }, people);
      const note = input.note ? { note: input.note } : {};
      await open(round, { roundId: round.id, action: 'relay', at: now.toISOString(), by: actor.email, orgUnit: actor.unit.code, change: { parent: parent.id }, ...note }, people);
      await rounds.log({ roundId: parent.id, action: 'relay', at: now.toISOString(), by: actor.email, orgUnit: actor.unit.code, change: { relay: round.id }, ...note });
      return round;
    },

    /** Moves a round's deadline (a one-off) or its last day or daily time; its schedules move with it. */
    async extend(actor: Actor, roundId: string, body: unknown): Promise<Round> {
      const input = parse(extendInput, body);
      const round = await service.round(roundId);
      if (!access.manageRound(actor, round, (await units()).byCode)) throw new ForbiddenError(`${actor.email} may not change ${round.id}`);
      let period: PeriodSpec;
      const p = round.period;
      if (p.kind === 'once') {
        if (!input.deadline) throw invalid('deadline', 'Vui lòng nhập hạn nộp mới.');
        checkFuture(input.deadline, 'deadline');
        period = { ...p, deadline: input.deadline };
      } else {
        const to = input.to ?? p.to;
        const deadlineTime = input.deadlineTime ?? p.deadlineTime;
        if (to < p.from) throw invalid('to', 'Ngày kết thúc phải từ ngày bắt đầu trở đi.');
        period = { ...p, to, deadlineTime };
      }
      const next: Round = { ...round, period, status: 'open', version: round.version + 1 };
      await checkNoOverlap(next);
      const now = clock.now().toISOString();
      await save(next, await storedVersion(round), {
        roundId: round.id,
        action: 'extend',
        at: now,
        by: actor.email,
        change: { period: [round.period, period] },
        ...(input.note ? { note: input.note } : {}),
      });
      return next;
    },

    /** Ends a round: no more answers, no more schedules. */
    async close(actor: Actor, roundId: string, body: unknown): Promise<Round> {
      const input = parse(z.strictObject({ note }), body ?? {});
      const round = await service.round(roundId);
      if (!access.manageRound(actor, round, (await units()).byCode)) throw new ForbiddenError(`${actor.email} may not close ${round.id}`);
      const next: Round = { ...round, status: 'closed', version: round.version + 1 };
      await save(next, await storedVersion(round), {
        roundId: round.id,
        action: 'close',
        at: clock.now().toISOString(),
        by: actor.email,
        ...(input.note ? { note: input.note } : {}),
      });
      return next;
    },

    /**
     * Returns a unit's answer for correction (the reporter is emailed and sees the comment), accepts it
     * (amendments then need a reopen), or reopens an accepted one. Officials of the issuing unit or above.
     */
    async review(actor: Actor, key: SubmissionKey, action: 'return' | 'accept' | 'reopen', body: unknown) {
      const input = parse(reviewInput, body);
      const round = await service.roundFor(key);
      if (!round) throw new SubmissionNotFoundError(`no round of ${key.formId}/${key.period} for ${key.orgUnit}`);
      if (!access.manageRound(actor, round, (await units()).byCode)) throw new ForbiddenError(`${actor.email} may not ${action} ${key.formId}/${key.orgUnit}`);
      if (action === 'return' && !input.note) throw invalid('note', 'Vui lòng ghi rõ nội dung cần sửa.');
      const at = clock.now().toISOString();
      const state = action === 'return' ? 'returned' : action === 'accept' ? 'accepted' : 'reopened';
      const updated = await deps.submissions.setReview(key, input.revision, { review: state, reviewedBy: actor.email, reviewedAt: at, ...(input.note ? { reviewNote: input.note } : {}) }, action === 'reopen' ? 'accepted' : undefined);
      await rounds.log({ roundId: round.id, action, at, by: actor.email, orgUnit: key.orgUnit, period: key.period, change: { revision: input.revision }, ...(input.note ? { note: input.note } : {}) });
      if (action === 'return') {
        const dir = await units();
        const unit = dir.byCode.get(key.orgUnit)!;
        const form = service.form(key.formId);
        const users = (await deps.users.listUsers()).filter((u) => u.status === 'active' && u.role === 'reporter' && u.unit === key.orgUnit);
        await deliverOnce({ ...deps, messageIdDomain: new URL(deps.publicUrl).hostname }, { job: `return@${at}`, formId: round.id, period: key.period }, users.map((u) => u.email), () =>
          renderRoundEmail({ round, form, unitName: unit.name, issuerName: dir.byCode.get(round.issuer)?.name ?? round.issuer, link: formLink(deps.publicUrl, round, key.period), returned: { note: input.note!, by: actor.name } }),
        );
      }
      return updated;
    },

    /** What happened to a unit's answer: each revision and each act of an official, oldest first; for whoever may read the answer. */
    async history(actor: Actor, key: SubmissionKey) {
      const form = service.form(key.formId);
      const round = await service.roundFor(key);
      if (!access.readSubmission(actor, round ?? (await service.round(form.id)), key.orgUnit, (await units()).byCode)) {
        throw new ForbiddenError(`${actor.email} may not read ${key.formId}/${key.orgUnit}`);
      }
      const revisions = await service.listRevisions(key);
      const events = round ? (await rounds.events(round.id)).filter((e) => (e.orgUnit === key.orgUnit && e.period === key.period) || e.action === 'issue' || e.action === 'extend' || e.action === 'close') : [];
      // At one instant an official's act comes before the revision it led to (the sort keeps this order).
      return [
        ...events.map((e) => ({ kind: 'event' as const, ...e })),
        ...revisions.map((r) => ({ kind: 'revision' as const, at: r.submittedAt, by: r.submittedBy, revision: r.revision, timeliness: r.timeliness })),
      ].sort((a, b) => a.at.localeCompare(b.at));
    },

    /** What the "open a round" form offers the actor: forms, the units under their unit, their unit's officials, recipient keys. */
    async choices(actor: Actor) {
      if (!access.issueRound(actor, actor.unit.code)) throw new ForbiddenError(`${actor.email} may not open rounds`);
      const dir = await units();
      const below = dir.all.filter((u) => u.code !== actor.unit.code && within(dir.byCode, u.code, actor.unit.code)).sort((a, b) => a.code.localeCompare(b.code));
      const kinds = [...new Set(below.map((u) => u.kind))].map((kind) => ({ kind, count: below.filter((u) => u.kind === kind).length }));
      const officials = (await deps.users.listUsers())
        .filter((u) => u.status === 'active' && u.role === 'official' && within(dir.byCode, actor.unit.code, u.unit))
        .map((u) => ({ email: u.email, name: u.name }));
      return {
        forms: service.forms().filter((f) => !f.relayOf).map((f) => ({ id: f.id, title: f.title, directive: { number: f.directive.number } })),
        kinds,
        units: below.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
        officials,
        keys: deps.recipientKeys,
      };
    },

    /** A round and its events, for those who may see it. */
    async show(actor: Actor, roundId: string) {
      const round = await service.round(roundId);
      const dir = await units();
      if (!access.seeRound(actor, round, dir.byCode)) throw new ForbiddenError(`${actor.email} may not see ${round.id}`);
      return { round, events: await rounds.events(round.id) };
    },

    /** Every round the actor may see: issued at or below their unit, or reaching it, with what they may do. */
    async list(actor: Actor) {
      const dir = await units();
      const now = clock.now();
      return (await service.rounds())
        .filter((r) => access.seeRound(actor, r, dir.byCode))
        .map((r) => {
          const form = service.form(r.formId);
          const firstDeadline = r.period.kind === 'once' ? r.period.deadline : `${r.period.to}T${r.period.deadlineTime}`;
          return {
            round: r,
            form: { id: form.id, title: form.title, directive: { number: form.directive.number, issuerName: form.directive.issuerName } },
            issuerName: dir.byCode.get(r.issuer)?.name ?? r.issuer,
            reporterCount: reportersOf(r, dir).length,
            canManage: access.manageRound(actor, r, dir.byCode),
            canRelay: access.relayRound(actor, r, dir.byCode) && r.status === 'open' && localTimeOf(now) < firstDeadline && Boolean(form.rollup),
            relays: service.forms().filter((f) => f.relayOf === form.id).map((f) => ({ id: f.id, title: f.title })),
          };
        });
    },
  };
}

export type RoundAdmin = ReturnType<typeof createRoundAdmin>;
