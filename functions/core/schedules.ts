/**
 * The schedule list, derived from the form registry. The local scheduler and
 * the AWS stack both read it, so they cannot drift apart.
 */
import { VIETNAM_TIME_ZONE } from '#schemas/core/format.ts';
import type { AnyForm } from '#schemas/core/form.ts';

export type ScheduleExpression =
  | { kind: 'at'; /** Vietnam wall clock, `YYYY-MM-DDTHH:mm` */ local: string }
  | { kind: 'daily'; hour: number; minute: number; /** first and last day, inclusive */ from: string; to: string };

export interface ScheduleEntry {
  /** Unique and stable, e.g. `summary-971-nhan-luc-y-te`. */
  id: string;
  job: 'summary';
  formId: string;
  expression: ScheduleExpression;
  timeZone: string;
}

/**
 * One summary schedule per form at its deadline.
 * @example listSchedules(registry.list())[0].expression // { kind: 'at', local: '2021-07-20T17:00' }
 */
export function listSchedules(forms: AnyForm[]): ScheduleEntry[] {
  return forms.map((form) => {
    const spec = form.period;
    let expression: ScheduleExpression;
    if (spec.kind === 'once') {
      expression = { kind: 'at', local: spec.deadline };
    } else {
      const [hour, minute] = spec.deadlineTime.split(':').map(Number) as [number, number];
      expression = { kind: 'daily', hour, minute, from: spec.from, to: spec.to };
    }
    return { id: `summary-${form.id}`, job: 'summary', formId: form.id, expression, timeZone: VIETNAM_TIME_ZONE };
  });
}

/**
 * The EventBridge Scheduler expression of an entry.
 * @example toEventBridgeExpression({ kind: 'daily', hour: 18, minute: 0, ... }) // 'cron(0 18 * * ? *)'
 */
export function toEventBridgeExpression(expression: ScheduleExpression): string {
  return expression.kind === 'at'
    ? `at(${expression.local}:00)`
    : `cron(${expression.minute} ${expression.hour} * * ? *)`;
}
