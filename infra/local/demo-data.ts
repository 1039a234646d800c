/**
 * Plausible submissions for every form, from each form's own `demo` generator:
 * most units on time, some late, some missing. Deterministic for a given seed,
 * so the demo and the tests can run it twice and get the same data.
 */
import { listPeriods } from '#schemas/core/period.ts';
import { deadlineOf } from '#schemas/core/calendar.ts';
import type { ReportingService } from '../../functions/core/reporting.ts';

/**
 * mulberry32: a tiny seeded PRNG (a string seed is hashed with FNV-1a); quality is ample for demo numbers.
 * The demo, the golden outputs and the fuzz bodies all draw from it: the same sequence for the same seed.
 */
export function seededRandom(seed: string | number): () => number {
  let a = typeof seed === 'number' ? seed >>> 0 : [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoOptions {
  missingShare?: number;
  lateShare?: number;
  /** At most this many periods per daily form. */
  maxPeriods?: number;
}

/** Returns what it did per form: units on time, late, and left missing. */
export async function fillDemoSubmissions(
  service: ReportingService,
  clock: { set(at: Date): void },
  options: DemoOptions = {},
) {
  const { missingShare = 0.08, lateShare = 0.1, maxPeriods = 3 } = options;
  const report: Array<{ formId: string; period: string; onTime: number; late: number; missing: number }> = [];
  for (const form of service.forms()) {
    const reporters = await service.reporters(form.id);
    for (const period of listPeriods(form.period).slice(0, maxPeriods)) {
      const deadline = deadlineOf(form.period, period).getTime();
      const counts = { onTime: 0, late: 0, missing: 0 };
      for (const unit of reporters) {
        const random = seededRandom(`${form.id}/${period}/${unit.code}`);
        const roll = random();
        if (roll < missingShare) {
          counts.missing++;
          continue;
        }
        const late = roll < missingShare + lateShare;
        const minutes = late ? 10 + Math.floor(random() * 600) : -(30 + Math.floor(random() * 30 * 60));
        clock.set(new Date(deadline + minutes * 60_000));
        await service.putSubmission(
          { formId: form.id, period, orgUnit: unit.code },
          { data: service.outputs(form.id).demo({ unit, random, period }), submittedBy: `Cán bộ ${unit.name}` },
        );
        if (late) counts.late++;
        else counts.onTime++;
      }
      report.push({ formId: form.id, period, ...counts });
    }
  }
  return report;
}

/** A clock the demo moves to each submission's moment. */
export function settableClock(start = new Date()) {
  let at = start;
  return { now: () => at, set: (next: Date) => void (at = next) };
}
