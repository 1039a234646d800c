/**
 * The in-process scheduler: runs the same schedule list that becomes
 * EventBridge Scheduler schedules on AWS, in Vietnam time.
 */
import { Cron } from 'croner';
import type { ScheduleEntry } from '../../functions/core/schedules.ts';

export interface LocalScheduler {
  /** Next run of each entry, `null` once it is past. */
  nextRuns(): Array<{ id: string; next: Date | null }>;
  stop(): void;
}

/** The croner job for one entry; `at` entries whose instant has passed never fire. */
export function cronFor(entry: ScheduleEntry, run: () => void): Cron {
  const { expression, timeZone } = entry;
  const options = { name: entry.id, timezone: timeZone, protect: true, catch: true };
  if (expression.kind === 'at') {
    return new Cron(`${expression.local}:00`, { ...options, maxRuns: 1 }, run);
  }
  return new Cron(
    `${expression.minute} ${expression.hour} * * *`,
    { ...options, startAt: `${expression.from}T00:00:00`, stopAt: `${expression.to}T23:59:59` },
    run,
  );
}

/**
 * @example startScheduler(listSchedules(registry.list()), (entry) => runSummary({ formId: entry.formId }))
 */
export function startScheduler(
  entries: ScheduleEntry[],
  run: (entry: ScheduleEntry) => Promise<unknown>,
  log: (line: string) => void = console.log,
): LocalScheduler {
  const jobs = entries.map((entry) => ({
    entry,
    cron: cronFor(entry, () => {
      log(`[lịch] chạy ${entry.id}`);
      run(entry).catch((error: unknown) => log(`[lịch] ${entry.id} lỗi: ${String(error)}`));
    }),
  }));
  return {
    nextRuns: () => jobs.map(({ entry, cron }) => ({ id: entry.id, next: cron.nextRun() })),
    stop: () => jobs.forEach(({ cron }) => cron.stop()),
  };
}
