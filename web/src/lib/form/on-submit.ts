/**
 * What a form page needs only once the officer submits, fetched then (see
 * `afterSubmit`) rather than with the page, so that what every page loads first
 * stays small on slow provincial links: the form's conditions and rules, checked
 * by the engine the server runs (schemas/core/rules.ts), the error summary and
 * the receipt.
 */
import { formatDate } from '#schemas/core/format.ts';
import { isValidPeriod, type PeriodSpec } from '#schemas/core/period.ts';
import { checkRules } from '#schemas/core/rules.ts';
import type { FieldErrors } from '#schemas/core/validate.ts';
import type { JsonSchemaNode } from '#schemas/core/describe.ts';
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
    errors.period = `Vui lòng chọn ngày từ ${formatDate(spec.from)} đến ${formatDate(spec.to)}.`;
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
