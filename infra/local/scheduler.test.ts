import { describe, expect, test } from 'vitest';
import { cronFor } from './scheduler.ts';

const noop = () => {};

describe('local scheduler', () => {
  test('a deadline already past never fires', () => {
    const job = cronFor(
      { id: 'a', job: 'summary', formId: 'f', timeZone: 'Asia/Ho_Chi_Minh', expression: { kind: 'at', local: '2021-07-20T17:00' } },
      noop,
    );
    expect(job.nextRun()).toBeNull();
    job.stop();
  });

  test('a future deadline fires at that Vietnam wall-clock time', () => {
    const job = cronFor(
      { id: 'b', job: 'summary', formId: 'f', timeZone: 'Asia/Ho_Chi_Minh', expression: { kind: 'at', local: '2099-01-02T17:00' } },
      noop,
    );
    expect(job.nextRun()?.toISOString()).toBe('2099-01-02T10:00:00.000Z');
    job.stop();
  });

  test('a daily schedule runs at 18:00 Vietnam time on each day of its round only', () => {
    const job = cronFor(
      {
        id: 'c',
        job: 'summary',
        formId: 'f',
        timeZone: 'Asia/Ho_Chi_Minh',
        expression: { kind: 'daily', hour: 18, minute: 0, from: '2099-03-01', to: '2099-03-03' },
      },
      noop,
    );
    expect(job.nextRuns(5).map((d) => d.toISOString())).toEqual([
      '2099-03-01T11:00:00.000Z',
      '2099-03-02T11:00:00.000Z',
      '2099-03-03T11:00:00.000Z',
    ]);
    job.stop();
  });
});
