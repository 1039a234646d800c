/**
 * The in-process scheduler: runs each stored round's schedules (the ones that
 * become EventBridge Scheduler schedules on AWS) on the platform's clock, in
 * Vietnam time. It is the local `RoundScheduler`: a round opened, moved or
 * closed through the API calls `sync`, and the change holds at once.
 *
 * croner computes when each entry fires next; a poll compares that with the
 * platform clock, so a settable test clock moved past a deadline fires it
 * (`tick()` does the same at once), and a summary fires within `pollMs` of
 * its deadline on the real clock.
 */
import { Cron } from 'croner';
import type { Clock, RoundScheduler } from '../../functions/core/ports.ts';
import type { ScheduleEntry } from '../../functions/core/schedules.ts';

export interface LocalScheduler extends RoundScheduler {
  /** Next run of each entry, `null` once it is past. */
  nextRuns(): Array<{ id: string; next: Date | null }>;
  /** Runs every entry whose time has come on the platform clock; resolves when they have run. */
  tick(): Promise<void>;
  stop(): void;
}

/** The croner pattern of an entry, never started: only asked when it fires next. */
export function cronFor(entry: ScheduleEntry): Cron {
  const { expression, timeZone } = entry;
  const options = { name: entry.id, timezone: timeZone, paused: true };
  if (expression.kind === 'at') return new Cron(`${expression.local}:00`, options);
  return new Cron(`${expression.minute} ${expression.hour} * * *`, {
    ...options,
    startAt: `${expression.from}T00:00:00`,
    stopAt: `${expression.to}T23:59:59`,
  });
}

/** When an entry fires next after `after`; null when never again (an `at` in the past, a daily round over). */
export function nextRunOf(entry: ScheduleEntry, after: Date): Date | null {
  const cron = cronFor(entry);
  try {
    return cron.nextRun(after);
  } finally {
    cron.stop();
  }
}

/**
 * @example const scheduler = startScheduler({ clock, run: (entry) => runners[entry.job]({ roundId: entry.roundId }) })
 */
export function startScheduler(options: {
  clock: Clock;
  run: (entry: ScheduleEntry) => Promise<unknown>;
  log?: (line: string) => void;
  /** How often the clock is looked at; a summary fires at most this long after its deadline. */
  pollMs?: number;
}): LocalScheduler {
  const log = options.log ?? console.log;
  const entries = new Map<string, { entry: ScheduleEntry; next: Date | null }>();
  let running: Promise<void> = Promise.resolve();

  async function runDue(): Promise<void> {
    const now = options.clock.now();
    const due = [...entries.values()].filter((e) => e.next && e.next.getTime() <= now.getTime());
    for (const item of due) {
      // A daily entry missed for days (a clock moved far ahead) runs once, for now, then waits for its next time.
      item.next = nextRunOf(item.entry, now);
      log(`[lịch] chạy ${item.entry.id}`);
      try {
        await options.run(item.entry);
      } catch (error) {
        log(`[lịch] ${item.entry.id} lỗi: ${String(error)}`);
      }
    }
  }

  // One run at a time: a slow summary and the next poll never run the same entry twice.
  const tick = () => (running = running.then(runDue));
  const timer = setInterval(() => void tick(), options.pollMs ?? 5_000);
  timer.unref();

  return {
    async sync(roundId, wanted) {
      const before = new Map([...entries].filter(([, item]) => item.entry.roundId === roundId));
      for (const id of before.keys()) entries.delete(id);
      const now = options.clock.now();
      for (const entry of wanted) {
        // An entry that did not change keeps its state: one due but not yet run still runs.
        const same = before.get(entry.id);
        entries.set(entry.id, same && JSON.stringify(same.entry) === JSON.stringify(entry) ? same : { entry, next: nextRunOf(entry, now) });
      }
    },
    nextRuns: () => [...entries.values()].map(({ entry, next }) => ({ id: entry.id, next })),
    tick,
    stop: () => clearInterval(timer),
  };
}
