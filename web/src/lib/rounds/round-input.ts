/**
 * What the officials' round forms read and say: dates typed day first (dd/mm/yyyy, as on the form pages), times
 * as hh:mm on the 24-hour clock, Vietnam time; a round's period in words; the server's field errors by field.
 */
import { tick } from 'svelte';
import type { OrgUnitKind } from '#schemas/core/org-unit.ts';
import type { PeriodSpec } from '#schemas/core/period.ts';
import { formatDate, formatWallClock, UNIT_KIND_PLURAL } from '#schemas/core/format.ts';
import type { FieldErrors } from '#schemas/core/validate.ts';
import type { ApiResult } from '#lib/api.ts';
import { isoDate } from '../form/schema.ts';

/**
 * A date typed day first, as an ISO date; undefined when it is not a real day.
 * @example dayOf('3/12/2026') // '2026-12-03'
 */
export function dayOf(text: string): string | undefined {
  const iso = isoDate(text.trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? iso : undefined;
}

/**
 * A time typed hh:mm (or hhgmm, hh.mm, hh), as `HH:mm`; undefined when it is not one.
 * @example timeOf('7:30') // '07:30'
 */
export function timeOf(text: string): string | undefined {
  const match = /^(\d{1,2})(?:\s*[:hg.]\s*(\d{2}))?$/i.exec(text.trim());
  if (!match) return undefined;
  const [h, m] = [Number(match[1]), Number(match[2] ?? 0)];
  return h < 24 && m < 60 ? `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` : undefined;
}

/**
 * A round's period in words.
 * @example periodWords({ kind: 'once', period: '2026-12-03', deadline: '2026-12-03T17:00' }) // 'Một lần, hạn nộp 17:00 03/12/2026'
 */
export function periodWords(period: PeriodSpec): string {
  return period.kind === 'once'
    ? `Một lần, hạn nộp ${formatWallClock(period.deadline)}`
    : `Hằng ngày từ ${formatDate(period.from)} đến ${formatDate(period.to)}, hạn nộp ${period.deadlineTime} mỗi ngày`;
}

export const kindWords = (kind: string) => UNIT_KIND_PLURAL[kind as OrgUnitKind] ?? kind;

/** The server's field errors by the form's field (the first part of each path): `period.deadline` → `period`. */
export function byField(fields: FieldErrors | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fields ?? {})) {
    const key = path.split('.')[0] || 'form';
    out[key] = [out[key], ...messages].filter(Boolean).join(' ');
  }
  return out;
}

/**
 * Sends a round form unless its own checks `found` something. `show` puts the marks and the summary on the page:
 * none while it is sent; when it is refused (by those checks or by the server), the marks and a summary that says
 * what to do, and then the focus goes to the first marked field. The server's answer when it took the form.
 * @example const round = await sendForm(`${uid}-form`, check(), () => issueRound(body), 'Chưa mở được đợt báo cáo.', show)
 */
export async function sendForm<T>(
  formId: string,
  found: Record<string, string>,
  send: () => Promise<ApiResult<T>>,
  what: string,
  show: (errors: Record<string, string>, failure: string) => void,
): Promise<T | undefined> {
  let errors = found;
  let failure = '';
  if (Object.keys(found).length === 0) {
    show({}, '');
    const result = await send();
    if (result.ok) return result.value;
    errors = byField(result.error.fields);
    failure = result.error.message;
  }
  show(errors, Object.keys(errors).length > 0 ? `${what} Vui lòng sửa các mục được đánh dấu bên dưới.` : failure);
  await tick();
  document.querySelector<HTMLElement>(`#${formId} [aria-invalid="true"], #${formId} .has-error input`)?.focus();
  return undefined;
}

/** What the round forms say of a date or time they cannot read, and of reporters not chosen. */
export const INPUT_WORDS = {
  deadlineDay: 'Ngày hạn nộp phải có dạng ngày/tháng/năm, ví dụ 03/12/2026.',
  time: 'Giờ nộp phải có dạng giờ:phút, ví dụ 17:00.',
  reporters: 'Vui lòng chọn đơn vị phải báo cáo.',
} as const;

/** Whether a reporters choice names no unit at all. */
export const noReporters = (choice: ReportersChoice) => (choice.mode === 'kinds' ? choice.kinds.length === 0 : choice.units.length === 0);

/** Reporters as the API takes them. */
export type ReportersChoice = { mode: 'kinds'; kinds: string[] } | { mode: 'units'; units: string[] };

export function reportersBody(choice: ReportersChoice) {
  return choice.mode === 'kinds' ? { kinds: choice.kinds } : { units: choice.units };
}
