/**
 * Users and what they may do. A user belongs to one org unit and has one role:
 * a `reporter` answers for their own unit; an `official` reads what their unit
 * and everything below it reported; an `admin` manages users there. Every
 * check is made against the signed-in user's own unit, never against ids the
 * request names.
 */
import * as z from 'zod/mini';
import type { AnyForm } from '#schemas/core/form.ts';
import { isDescendant, isReporter, type OrgUnit } from '#schemas/core/org-unit.ts';
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
export function inSubtree(actor: Actor, code: string, units: Units): boolean {
  if (code === actor.unit.code) return true;
  const unit = units.get(code);
  return unit !== undefined && isDescendant(units, unit, actor.unit.code);
}

export const access = {
  /** Writing an answer: a reporter, for their own unit, on a form their unit must answer. */
  writeSubmission(actor: Actor, form: AnyForm, unitCode: string, units: Units): boolean {
    return actor.role === 'reporter' && actor.unit.code === unitCode && isReporter(form, actor.unit, units);
  },
  /** Reading an answer: its unit's reporter, or an official above or at that unit. */
  readSubmission(actor: Actor, form: AnyForm, unitCode: string, units: Units): boolean {
    if (actor.role === 'reporter') return access.writeSubmission(actor, form, unitCode, units);
    return actor.role === 'official' && inSubtree(actor, unitCode, units);
  },
  /** A summary covers every reporter of the form, so only officials at or above the issuer read it. */
  readSummary(actor: Actor, form: AnyForm, units: Units): boolean {
    return actor.role === 'official' && inSubtree(actor, form.directive.issuer, units);
  },
  /** Building a draft from sub-units' answers is part of writing one's own answer. */
  rollup(actor: Actor, form: AnyForm, unitCode: string, units: Units): boolean {
    return access.writeSubmission(actor, form, unitCode, units);
  },
  /** Admins manage users of their unit and below. */
  manageUsersOf(actor: Actor, unitCode: string, units: Units): boolean {
    return actor.role === 'admin' && inSubtree(actor, unitCode, units);
  },
  /** The reporters of a form the actor may see or act for. */
  visibleReporters(actor: Actor, form: AnyForm, reporters: OrgUnit[], units: Units): OrgUnit[] {
    if (actor.role === 'reporter') return reporters.filter((u) => access.writeSubmission(actor, form, u.code, units));
    if (actor.role === 'official') return reporters.filter((u) => inSubtree(actor, u.code, units));
    return [];
  },
};
