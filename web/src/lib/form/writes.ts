/**
 * The form page's writes to the API: sending an answer (on submit) and asking for a roll-up (the roll-up panel).
 * Apart from api.ts so that the island fetches them with the parts that use them (lazy.ts), not with the page.
 */
import type { RollupAnswer, SaveResult } from '#functions/api/contract.ts';
import { request, submissionPath, type ApiResult } from '../api.ts';

export async function putSubmission(
  formId: string,
  period: string,
  orgUnit: string,
  /** `base`: the stored revision the answer was based on (0: none), so the server writes without reading first. */
  body: { data: unknown; submittedBy: string; origin?: 'rollup'; base?: { revision: number; firstSubmittedAt?: string | undefined } },
): Promise<ApiResult<SaveResult>> {
  return request<SaveResult>(submissionPath(formId, period, orgUnit), { method: 'PUT', body: JSON.stringify(body) });
}

/** A draft answer of `orgUnit` built from its sub-units' answers to the forms it relayed this one to. */
export function getRollup(
  formId: string,
  period: string,
  orgUnit: string,
): Promise<ApiResult<RollupAnswer>> {
  return request(`/api/forms/${encodeURIComponent(formId)}/periods/${encodeURIComponent(period)}/rollup/${encodeURIComponent(orgUnit)}`);
}
