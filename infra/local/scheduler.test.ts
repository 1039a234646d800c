import { afterEach, describe, expect, test } from 'vitest';
import type { ScheduleEntry } from '../../functions/core/schedules.ts';
import { nextRunOf, startScheduler, type LocalScheduler } from './scheduler.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (id: string, local: string): ScheduleEntry => ({ id: `summary-${id}`, job: 'summary', roundId: id, formId: 'f', timeZone: TZ, expression: { kind: 'at', local } });

describe('when an entry fires', () => {
  test('a deadline already past never fires', () => {
    expect(nextRunOf(at('a', '2021-07-20T17:00'), new Date('2026-01-01T00:00:00Z'))).toBeNull();
  });

  test('a future deadline fires at that Vietnam wall-clock time', () => {
    expect(nextRunOf(at('b', '2099-01-02T17:00'), new Date('2026-01-01T00:00:00Z'))?.toISOString()).toBe('2099-01-02T10:00:00.000Z');
  });

  test('a daily schedule runs at 18:00 Vietnam time on each day of its round only', () => {
    const daily: ScheduleEntry = { id: 'c', job: 'summary', roundId: 'c', formId: 'f', timeZone: TZ, expression: { kind: 'daily', hour: 18, minute: 0, from: '2099-03-01', to: '2099-03-03' } };
    const runs: string[] = [];
    for (let next = nextRunOf(daily, new Date('2099-01-01T00:00:00Z')); next; next = nextRunOf(daily, next)) runs.push(next.toISOString());
    expect(runs).toEqual(['2099-03-01T11:00:00.000Z', '2099-03-02T11:00:00.000Z', '2099-03-03T11:00:00.000Z']);
  });
});

describe('the local round scheduler on a settable clock', () => {
  let scheduler: LocalScheduler | undefined;
  afterEach(() => scheduler?.stop());

  test('fires an entry once when the clock passes it; a synced change replaces the round\'s entries at once', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const ran: string[] = [];
    scheduler = startScheduler({ clock: { now: () => now }, run: async (e) => void ran.push(e.id), log: () => {}, pollMs: 60_000 });
    await scheduler.sync('r', [at('r', '2030-01-02T17:00')]);
    await scheduler.tick();
    expect(ran).toEqual([]);
    // Moved a day later: the old time no longer fires.
    await scheduler.sync('r', [at('r', '2030-01-03T17:00')]);
    now = new Date('2030-01-02T10:30:00Z');
    await scheduler.tick();
    expect(ran).toEqual([]);
    now = new Date('2030-01-03T10:00:00Z');
    // The same schedules synced again (a look at the stored rounds) while the entry is due: it still runs, once.
    await scheduler.sync('r', [at('r', '2030-01-03T17:00')]);
    await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(ran).toEqual(['summary-r']);
    await scheduler.tick();
    expect(ran).toEqual(['summary-r']);
    // Closed: nothing left.
    await scheduler.sync('r', []);
    expect(scheduler.nextRuns()).toEqual([]);
  });
});
