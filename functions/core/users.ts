/**
 * Users and what they may do. A user belongs to one org unit and has one role:
 * a `reporter` answers for their own unit; an `official` reads what their unit
 * and everything below it reported; an `admin` manages users there. Every
 * check is made against the signed-in user's own unit, never against ids the
 * request names.
 */
import * as z from 'zod/mini';
import { isDescendant, type OrgUnit } from '#schemas/core/org-unit.ts';
import { answersIn, type Round } from './rounds.ts';
import { cleanText } from '#schemas/core/text.ts';

export const roles = ['reporter', 'official', 'admin'] as const;
export type Role = (typeof roles)[number];

export const ROLE_LABEL: Record<Role, string> = {
  reporter: 'Cán bộ báo cáo',
  official: 'Lãnh đạo, chuyên viên theo dõi',
  admin: 'Quản trị người dùng',
};

/** Emails are compared lower-cased and trimmed: that is the user's id. */
export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email('Địa chỉ thư điện tử không hợp lệ.'),
);

export const userInputSchema = z.strictObject({
  email: emailSchema,
  name: cleanText({ max: 120, required: 'Vui lòng nhập họ và tên.' }),
  unit: z.string().check(z.trim(), z.minLength(1, 'Vui lòng nhập mã đơn vị.'), z.maxLength(20)),
  role: z.enum(roles, 'Vai trò phải là reporter, official hoặc admin.'),
});
export type UserInput = z.output<typeof userInputSchema>;

export interface User extends UserInput {
  status: 'active' | 'disabled';
  /** Bumped by every disable: sessions opened under an older generation stay dead after a re-enable. */
  sessionGeneration?: number;
  createdAt: string;
  updatedAt: string;
}

/** The signed-in user with their unit resolved. */
export interface Actor {
  email: string;
  name: string;
  role: Role;
  unit: OrgUnit;
}

type Units = ReadonlyMap<string, OrgUnit>;

/** Whether `code` is the actor's unit or lies below it. */
export function inSubtree(actor: Pick<Actor, 'unit'>, code: string, units: Units): boolean {
  return within(units, code, actor.unit.code);
}

/** Whether unit `code` is `ancestor` or lies below it. */
export function within(units: Units, code: string, ancestor: string): boolean {
  if (code === ancestor) return true;
  const unit = units.get(code);
  return unit !== undefined && isDescendant(units, unit, ancestor);
}

/** What access rules need of a round: who answers it and who asked. */
type RoundTarget = Pick<Round, 'reporters' | 'issuer'>;

export const access = {
  /** Writing an answer: a reporter, for their own unit, in a round their unit answers. */
  writeSubmission(actor: Actor, round: RoundTarget, unitCode: string, units: Units): boolean {
    return actor.role === 'reporter' && actor.unit.code === unitCode && answersIn(round, actor.unit, units);
  },
  /** Reading an answer: its unit's reporter, or an official above or at that unit. */
  readSubmission(actor: Actor, round: RoundTarget, unitCode: string, units: Units): boolean {
    if (actor.role === 'reporter') return access.writeSubmission(actor, round, unitCode, units);
    return actor.role === 'official' && inSubtree(actor, unitCode, units);
  },
  /** A summary covers every reporter of the round, so only officials at or above the issuer read it. */
  readSummary(actor: Actor, round: RoundTarget, units: Units): boolean {
    return actor.role === 'official' && inSubtree(actor, round.issuer, units);
  },
  /** Building a draft from sub-units' answers is part of writing one's own answer. */
  rollup(actor: Actor, round: RoundTarget, unitCode: string, units: Units): boolean {
    return access.writeSubmission(actor, round, unitCode, units);
  },
  /** Opening a round: an official (or an admin) asks units under their own unit. */
  issueRound(actor: Actor, issuer: string): boolean {
    return (actor.role === 'official' || actor.role === 'admin') && actor.unit.code === issuer;
  },
  /** Extending, closing, returning and accepting answers: officials of the issuing unit or above. */
  manageRound(actor: Actor, round: RoundTarget, units: Units): boolean {
    return actor.role === 'official' && inSubtree(actor, round.issuer, units);
  },
  /** Relaying: an official of a unit that answers the round asks the units under it. */
  relayRound(actor: Actor, round: RoundTarget, units: Units): boolean {
    return actor.role === 'official' && answersIn(round, actor.unit, units);
  },
  /** Seeing a round at all: the ones an official (or admin) issued at or below their unit, and the ones that reach their unit. */
  seeRound(actor: Actor, round: RoundTarget, units: Units): boolean {
    if (actor.role === 'reporter') return answersIn(round, actor.unit, units);
    return inSubtree(actor, round.issuer, units) || answersIn(round, actor.unit, units);
  },
  /** Admins manage users of their unit and below. */
  manageUsersOf(actor: Actor, unitCode: string, units: Units): boolean {
    return actor.role === 'admin' && inSubtree(actor, unitCode, units);
  },
  /** The reporters of a round the actor may see or act for. */
  visibleReporters(actor: Actor, round: RoundTarget, reporters: OrgUnit[], units: Units): OrgUnit[] {
    if (actor.role === 'reporter') return reporters.filter((u) => access.writeSubmission(actor, round, u.code, units));
    if (actor.role === 'official') return reporters.filter((u) => inSubtree(actor, u.code, units));
    return [];
  },
};
