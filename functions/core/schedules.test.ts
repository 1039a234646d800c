import { describe, expect, test } from 'vitest';
import { loadForms } from '#schemas/registry.ts';
import { listSchedules, toEventBridgeExpression } from './schedules.ts';

describe('schedules from the registry', () => {
  test('971 gets one summary at its deadline, in Vietnam time', async () => {
    const registry = await loadForms();
    expect(listSchedules(registry.list())).toContainEqual({
      id: 'summary-971-nhan-luc-y-te',
      job: 'summary',
      formId: '971-nhan-luc-y-te',
      expression: { kind: 'at', local: '2021-07-20T17:00' },
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });

  test('render as EventBridge Scheduler expressions', () => {
    expect(toEventBridgeExpression({ kind: 'at', local: '2021-07-20T17:00' })).toBe('at(2021-07-20T17:00:00)');
    expect(toEventBridgeExpression({ kind: 'daily', hour: 18, minute: 0, from: '2021-10-01', to: '2021-10-31' })).toBe(
      'cron(0 18 * * ? *)',
    );
  });
});
