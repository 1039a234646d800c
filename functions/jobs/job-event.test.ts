import { describe, expect, test } from 'vitest';
import { parseJobEvent } from './job-event.ts';

describe('the jobs function’s event', () => {
  test('a round’s schedule payload, with or without a period', () => {
    expect(parseJobEvent({ job: 'summary', roundId: '971-dot-2' })).toEqual({ job: 'summary', roundId: '971-dot-2' });
    expect(parseJobEvent({ job: 'reminder', roundId: '3294-thang-11', period: '2030-11-05' })).toEqual({ job: 'reminder', roundId: '3294-thang-11', period: '2030-11-05' });
  });

  test('the deploy-time payload names the form, whose seed round has its id', () => {
    expect(parseJobEvent({ job: 'summary', formId: '971-nhan-luc-y-te' })).toEqual({ job: 'summary', roundId: '971-nhan-luc-y-te' });
  });

  test.each([
    ['an unknown job', { job: 'export', roundId: 'a' }],
    ['no round', { job: 'summary' }],
    ['both round and form', { job: 'summary', roundId: 'a', formId: 'a' }],
    ['a round id that is not one', { job: 'summary', roundId: '../a' }],
    ['a malformed period', { job: 'summary', roundId: 'a', period: '2030-1-5' }],
    ['an extra field', { job: 'summary', roundId: 'a', to: 'x@y.vn' }],
  ])('refuses %s', (_, event) => {
    expect(() => parseJobEvent(event)).toThrow();
  });
});
