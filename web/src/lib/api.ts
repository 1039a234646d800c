/**
 * The browser's client for the same-origin JSON API. Every failure comes back
 * as a value with a Vietnamese message, so pages never see a thrown error or
 * a stack trace.
 */
import type { FormDescriptor } from '#schemas/core/describe.ts';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import type { FieldErrors } from '#schemas/core/validate.ts';
import type {
  DueItem,
  FollowedForm,
  FormDashboard,
  FormListItem,
  HistoryItem,
  Me,
  PeriodSummary,
  Round,
  RoundChoices,
  RoundEvent,
  RoundListItem,
  SaveResult,
  SubmissionView,
} from '#functions/api/contract.ts';

// Every response type is the server's own, from its one contract module (type-only: nothing of the server is bundled).
export type {
  DashboardCell,
  DueItem,
  FollowedForm as DashboardForm,
  FormDashboard,
  FormListItem,
  HistoryItem,
  Me,
  PeriodRates,
  PeriodSummary,
  ReportStatus,
  ReportStatus as DueStatus,
  RollupSource,
  Round,
  RoundChoices,
  RoundEvent,
  RoundListItem,
  SaveResult,
  SaveStatus,
  SubmissionView,
} from '#functions/api/contract.ts';

export interface ApiError {
  /** 0 when the server could not be reached or did not answer in time (codes NETWORK_ERROR, TIMEOUT; an offline browser gets NETWORK_ERROR, whose message says to check the connection). */
  status: number;
  code: string;
  message: string;
  fields?: FieldErrors;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const NETWORK_MESSAGE = 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.';
const TIMEOUT_MESSAGE = 'Máy chủ không trả lời sau 20 giây. Vui lòng thử lại.';
/**
 * A stalled connection otherwise waits as long as the browser does (minutes), showing "Đang gửi…" all along.
 * Long enough for a slow provincial link to send a large report; trying again is safe (same data: `unchanged`).
 */
const TIMEOUT_MS = 20_000;
const SERVER_MESSAGE = 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau ít phút.';
const UNEXPECTED_MESSAGE = 'Máy chủ trả về phản hồi không hợp lệ. Vui lòng thử lại.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Turns a failed response into an ApiError, trusting only the documented `{ error: { code, message, fields } }` shape. */
function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : `HTTP_${status}`;
  // A 5xx body may come from a proxy rather than our API, so its text is not shown.
  const message =
    status < 500 && typeof error.message === 'string' && error.message.length <= 500
      ? error.message
      : status >= 500
        ? SERVER_MESSAGE
        : UNEXPECTED_MESSAGE;
  const fields = isRecord(error.fields) ? (error.fields as FieldErrors) : undefined;
  return { status, code, message, fields };
}

/** One call to the API; exported for the form page's writes (form/writes.ts), fetched apart from the page. */
export async function request<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timeout = (error as Error).name === 'TimeoutError';
    return { ok: false, error: { status: 0, code: timeout ? 'TIMEOUT' : 'NETWORK_ERROR', message: timeout ? TIMEOUT_MESSAGE : NETWORK_MESSAGE } };
  }
  // A 204 (logging out) has no body.
  if (response.status === 204) return { ok: true, value: undefined as T };
  const body = await readJson(response);
  if (!response.ok) return { ok: false, error: toApiError(response.status, body) };
  if (!isRecord(body)) return { ok: false, error: { status: response.status, code: 'BAD_RESPONSE', message: UNEXPECTED_MESSAGE } };
  return { ok: true, value: body as T };
}

const segment = encodeURIComponent;

export async function listForms(): Promise<ApiResult<FormListItem[]>> {
  const result = await request<{ forms: FormListItem[] }>('/api/forms');
  return result.ok ? { ok: true, value: result.value.forms ?? [] } : result;
}

/** A form's description, for a form page built before the form existed. */
export function getForm(formId: string): Promise<ApiResult<FormDescriptor>> {
  return request<FormDescriptor>(`/api/forms/${segment(formId)}`);
}

/** `?dot=<round>` when a round other than the form's seed round is meant. */
const dot = (round?: string | null) => (round ? `?dot=${segment(round)}` : '');

/** The units the user may answer (or follow) for in a round: `query` `?dot=<round>`, by default the form's seed round. */
export async function listReporters(formId: string, query = ''): Promise<ApiResult<OrgUnit[]>> {
  const result = await request<{ units: OrgUnit[] }>(`/api/forms/${segment(formId)}/reporters${query}`);
  return result.ok ? { ok: true, value: result.value.units ?? [] } : result;
}

export function submissionPath(formId: string, period: string, orgUnit: string): string {
  return `/api/forms/${segment(formId)}/periods/${segment(period)}/submissions/${segment(orgUnit)}`;
}

/** The unit's current submission for the period, or null when it has not reported yet. */
export async function getSubmission(formId: string, period: string, orgUnit: string): Promise<ApiResult<SubmissionView | null>> {
  const result = await request<{ submission: SubmissionView }>(submissionPath(formId, period, orgUnit));
  if (!result.ok) return result.error.status === 404 && result.error.code === 'SUBMISSION_NOT_FOUND' ? { ok: true, value: null } : result;
  return { ok: true, value: result.value.submission };
}

/** The signed-in user; a 401 (`UNAUTHENTICATED`) when nobody is. */
export async function getMe(): Promise<ApiResult<Me>> {
  const result = await request<{ user: Me }>('/api/me');
  return result.ok ? { ok: true, value: result.value.user } : result;
}

export async function listDue(): Promise<ApiResult<DueItem[]>> {
  const result = await request<{ items: DueItem[] }>('/api/me/due');
  return result.ok ? { ok: true, value: result.value.items ?? [] } : result;
}

/** Asks for a sign-in code by email. The answer is the same whether or not the address is known. */
export function requestCode(email: string): Promise<ApiResult<{ attemptId: string; message: string }>> {
  return request('/api/auth/code', { method: 'POST', body: JSON.stringify({ email }) });
}

/** Exchanges the emailed code for a session (an HttpOnly cookie the server sets). */
export async function verifyCode(attemptId: string, code: string): Promise<ApiResult<Me>> {
  const result = await request<{ user: Me }>('/api/auth/verify', { method: 'POST', body: JSON.stringify({ attemptId, code }) });
  return result.ok ? { ok: true, value: result.value.user } : result;
}

export function logout(): Promise<ApiResult<void>> {
  return request('/api/auth/logout', { method: 'POST', body: '{}' });
}

// ---- the officials' dashboard



export async function listDashboardForms(): Promise<ApiResult<FollowedForm[]>> {
  const result = await request<{ forms: FollowedForm[] }>('/api/dashboard');
  return result.ok ? { ok: true, value: result.value.forms ?? [] } : result;
}

export function getFormDashboard(formId: string, round?: string | null): Promise<ApiResult<FormDashboard>> {
  return request<FormDashboard>(`/api/dashboard/${segment(formId)}${dot(round)}`);
}

export async function getSummary(formId: string, period: string, round?: string | null): Promise<ApiResult<PeriodSummary>> {
  const result = await request<{ summary: PeriodSummary }>(`/api/forms/${segment(formId)}/periods/${segment(period)}/summary${dot(round)}`);
  return result.ok ? { ok: true, value: result.value.summary } : result;
}

/**
 * Where the server builds a summary's files: every table in one XLSX workbook, or one table (`bang`) as XLSX or CSV.
 * @example exportHref('971-nhan-luc-y-te', '2021-07-20', 'csv', 'by-profession') // "/api/exports/971-nhan-luc-y-te/2021-07-20?dinh-dang=csv&bang=by-profession"
 */
export function exportHref(formId: string, period: string, format: 'xlsx' | 'csv', tableId?: string, round?: string | null): string {
  const query = new URLSearchParams({ 'dinh-dang': format, ...(tableId ? { bang: tableId } : {}), ...(round ? { dot: round } : {}) });
  return `/api/exports/${segment(formId)}/${segment(period)}?${query}`;
}

// ---- rounds: who answers which form by when (officials open, relay, extend and close them)

export async function listRounds(): Promise<ApiResult<RoundListItem[]>> {
  const result = await request<{ rounds: RoundListItem[] }>('/api/rounds');
  return result.ok ? { ok: true, value: result.value.rounds ?? [] } : result;
}

export function getRoundChoices(): Promise<ApiResult<RoundChoices>> {
  return request<RoundChoices>('/api/rounds/choices');
}

/** A round and its events (issue, relay, extend, close, return, accept, reopen). */
export function getRound(roundId: string): Promise<ApiResult<{ round: Round; events: RoundEvent[] }>> {
  return request(`/api/rounds/${segment(roundId)}`);
}

async function roundAct(path: string, body: unknown): Promise<ApiResult<Round>> {
  const result = await request<{ round: Round }>(path, { method: 'POST', body: JSON.stringify(body) });
  return result.ok ? { ok: true, value: result.value.round } : result;
}

/** Opens a round (body: see issueInput in functions/core/round-admin.ts). */
export const issueRound = (body: unknown) => roundAct('/api/rounds', body);
/** Relays a round the official's unit answers to the units under it, with an earlier deadline. */
export const relayRound = (roundId: string, body: unknown) => roundAct(`/api/rounds/${segment(roundId)}/relay`, body);
export const extendRound = (roundId: string, body: unknown) => roundAct(`/api/rounds/${segment(roundId)}/extend`, body);
export const closeRound = (roundId: string, body: unknown = {}) => roundAct(`/api/rounds/${segment(roundId)}/close`, body);

/** An official's act on a unit's answer: return it for correction (note required), accept it, or reopen it. */
export async function reviewSubmission(
  formId: string,
  period: string,
  orgUnit: string,
  action: 'return' | 'accept' | 'reopen',
  body: { revision: number; note?: string },
): Promise<ApiResult<SubmissionView>> {
  const result = await request<{ submission: SubmissionView }>(`${submissionPath(formId, period, orgUnit)}/${action}`, { method: 'POST', body: JSON.stringify(body) });
  return result.ok ? { ok: true, value: result.value.submission } : result;
}

export async function getHistory(formId: string, period: string, orgUnit: string): Promise<ApiResult<HistoryItem[]>> {
  const result = await request<{ items: HistoryItem[] }>(`${submissionPath(formId, period, orgUnit)}/history`);
  return result.ok ? { ok: true, value: result.value.items ?? [] } : result;
}
