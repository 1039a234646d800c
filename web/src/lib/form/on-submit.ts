/**
 * What a form page needs only once the officer submits, fetched then (see
 * `afterSubmit`) rather than with the page, so that what every page loads first
 * stays small on slow provincial links: the form's conditions and rules, checked
 * by the engine the server runs (schemas/core/rules.ts), sending the answer, the
 * error summary and the receipt.
 */
import { formatDate } from '#schemas/core/format.ts';
import { isValidPeriod, type PeriodSpec } from '#schemas/core/period.ts';
import { checkRules } from '#schemas/core/rules.ts';
import type { FieldErrors } from '#schemas/core/validate.ts';
import type { FormDescriptor, JsonSchemaNode } from '#schemas/core/describe.ts';
import type { ApiError, SaveResult, SubmissionView } from '../api.ts';
import { putSubmission } from './writes.ts';
import ErrorSummary, { type SummaryItem } from './ErrorSummary.svelte';
import Receipt from './Receipt.svelte';
import { isPathShown, labelPath, pathsInOrder } from './review.ts';
import { fieldId, nodeAt, type RawValues } from './schema.ts';

export { ErrorSummary, Receipt };

/** The problems the form's conditions and rules find in an answer, by field, in the server's words. */
export function ruleErrors(schema: JsonSchemaNode, data: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of checkRules(schema, data)) (fields[issue.path] ??= []).push(issue.message);
  return fields;
}

/** The page's own fields, above the form's: who reports for which period. */
export type MetaErrors = Partial<Record<'unit' | 'period' | 'submittedBy', string>>;
const metaLabels = { unit: 'Đơn vị báo cáo', period: 'Ngày báo cáo', submittedBy: 'Người nộp báo cáo' };

export function checkMeta(spec: PeriodSpec, unit: string, period: string, submittedBy: string): MetaErrors {
  const errors: MetaErrors = {};
  if (!unit) errors.unit = 'Vui lòng chọn đơn vị báo cáo.';
  if (spec.kind === 'daily' && !isValidPeriod(spec, period)) {
    errors.period = `Vui lòng nhập một ngày có thật từ ${formatDate(spec.from)} đến ${formatDate(spec.to)}, dạng ngày/tháng/năm (ví dụ ${formatDate(spec.from)}).`;
  }
  const name = submittedBy.trim();
  if (!name) errors.submittedBy = 'Vui lòng nhập họ tên hoặc thư điện tử của người nộp.';
  else if (name.length > 200) errors.submittedBy = 'Tối đa 200 ký tự.';
  return errors;
}

/**
 * The error summary's entries: the page's own fields first, then the form's in the order of the page, each
 * linked to its field when it is on screen.
 */
export function summaryItems(schema: JsonSchemaNode, values: RawValues, fields: FieldErrors, meta: MetaErrors): SummaryItem[] {
  // A map, not indexOf: a table of a thousand rows has tens of thousands of paths.
  const order = new Map(pathsInOrder(schema, values).map((path, i) => [path, i]));
  const rank = (path: string) => order.get(path) ?? order.size;
  const own: SummaryItem[] = Object.entries(meta).map(([key, message]) => ({ target: key, label: metaLabels[key as keyof MetaErrors], message }));
  return own.concat(
    Object.keys(fields)
      .sort((a, b) => rank(a) - rank(b))
      .flatMap((path) => {
      const target = path && isPathShown(schema, path, values) ? fieldId(path) : undefined;
      const label = path && nodeAt(schema, path) ? labelPath(schema, path) : undefined;
        return (fields[path] ?? []).map((message) => ({ target, label, message }));
      }),
  );
}

/** What submitting came to: problems to show beside their fields (found here, or by the server), an error, or the receipt. */
export type Sent = { meta: MetaErrors; fields: FieldErrors; items: SummaryItem[] } | { error: ApiError } | { saved: SaveResult };

/**
 * Checks an answer by the form's conditions and rules, by the engine the server runs (a broken rule is shown
 * without a round trip on a slow link), and sends it when they hold. The schema's own checks (types, required
 * fields, ranges) stay the server's, which answers with the same Vietnamese messages; its word is the final one.
 * `values`: as typed, for the summary's order and links. `stored`: the stored answer on screen (null: none; undefined: not known), so the server writes at once and reads
 * only if it changed meanwhile.
 */
export async function send(
  descriptor: FormDescriptor,
  unit: string,
  period: string,
  submittedBy: string,
  values: RawValues,
  data: Record<string, unknown>,
  stored: SubmissionView | null | undefined,
  rolledUp: boolean,
): Promise<Sent> {
  const { period: spec, jsonSchema: schema } = descriptor;
  const meta = checkMeta(spec, unit, period, submittedBy);
  const fields = ruleErrors(schema, data);
  if (Object.keys(meta).length > 0 || Object.keys(fields).length > 0) return { meta, fields, items: summaryItems(schema, values, fields, meta) };
  const saved = await putSubmission(descriptor.id, period, unit, {
    data,
    submittedBy: submittedBy.trim(),
    ...(rolledUp ? { origin: 'rollup' as const } : {}),
    ...(stored === undefined ? {} : { base: { revision: stored?.revision ?? 0, firstSubmittedAt: stored?.firstSubmittedAt } }),
  });
  if (saved.ok) return { saved: saved.value };
  if (saved.error.code !== 'VALIDATION_FAILED') return { error: saved.error };
  const { submittedBy: bodyError, ...rest } = saved.error.fields ?? {};
  // The API checks the request body too; its `submittedBy` is this page's field, not a form field.
  if (bodyError && !nodeAt(schema, 'submittedBy')) meta.submittedBy = bodyError.join(' ');
  else if (bodyError) rest.submittedBy = bodyError;
  const items = summaryItems(schema, values, rest, meta);
  // Refused with no field named: the server's message alone.
  if (items.length === 0) items.push({ message: saved.error.message });
  return { meta, fields: rest, items };
}
