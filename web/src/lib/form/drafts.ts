/**
 * Unsent form values kept on this device, so that a reload, a crash, a lost
 * connection or an expired session costs nothing typed. One draft per user,
 * form, period and unit: a daily form keeps each day's typing apart, and on a
 * shared office computer nobody is shown another user's draft (other users'
 * drafts are deleted as soon as someone opens a form, and signing out deletes
 * them all; see login.ts).
 */
import type { RawValues } from './schema.ts';

/** The form fields as typed (FormState.values); the submitter's name is remembered apart (ReportForm). */
export type Draft = RawValues;

const PREFIX = 'baocao.draft ';

// Storage may be disabled or full: a draft is a safety net, never a reason to fail.
function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** Space-separated: no part (an email, a form id, a period, a unit code) can hold a space. */
export function draftKey(email: string, formId: string, period: string, unit: string): string {
  return `${PREFIX}${email} ${formId} ${period} ${unit}`;
}

export function readDraft(key: string): Draft | undefined {
  return attempt(() => JSON.parse(localStorage[key] ?? 'null') as Draft | null) ?? undefined;
}

/** `draft`: a Draft as JSON. */
export function saveDraft(key: string, draft: string): void {
  attempt(() => localStorage.setItem(key, draft));
}

export function removeDraft(key: string): void {
  attempt(() => localStorage.removeItem(key));
}

const SUBMITTER_KEY = 'baocao.submittedBy';

/**
 * The name typed in "Người nộp báo cáo", kept as it is typed (like a draft, so that a reload does not lose it) and
 * offered on every form opened on this device afterwards.
 */
export function rememberSubmitter(name: string): void {
  if (name) attempt(() => localStorage.setItem(SUBMITTER_KEY, name));
}

export function rememberedSubmitter(): string {
  return attempt(() => localStorage.getItem(SUBMITTER_KEY)) ?? '';
}

/** Deletes the drafts of every user other than `email`; of every user when it is undefined. */
export function keepOnlyDraftsOf(email?: string): void {
  attempt(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(PREFIX) && key.split(' ')[1] !== email) localStorage.removeItem(key);
    }
  });
}
