/**
 * The size of the 3294 dashboard at 700 districts × 31 days: JSON bytes
 * before compression (the budget: ≤ 300 KB) and after gzip and
 * brotli. Built in memory by the real `buildDashboard` over synthetic
 * districts and submissions (85 % on time, 10 % late, 5 % missing, fixed
 * seed), so it measures the response shape, not the store.
 *
 *   node infra/local/bench-dashboard-size.ts [districts]
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { loadForms } from '#schemas/registry.ts';
import { deadlineOf, duePeriods } from '#schemas/core/calendar.ts';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { buildDashboard } from '../../functions/core/dashboard.ts';
import type { SubmissionRecord } from '../../functions/core/ports.ts';
import type { ReportingService } from '../../functions/core/reporting.ts';

const FORM_ID = '3294-tien-do-tiem-hang-ngay';
const districts = Number(process.argv[2] ?? 700);

const form = (await loadForms()).get(FORM_ID)!;
const now = new Date('2021-11-15T00:00:00Z');
const reporters: OrgUnit[] = Array.from({ length: districts }, (_, i) => ({
  code: String(70_000 + i),
  name: `Huyện thử nghiệm số ${i + 1}`,
  kind: 'district',
  parent: '70',
}));

// mulberry32: a fixed seed keeps the figures comparable run to run.
let seed = 3294;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const byPeriod = new Map<string, SubmissionRecord[]>();
for (const period of duePeriods(form.period, now)) {
  const deadline = deadlineOf(form.period, period).getTime();
  const records: SubmissionRecord[] = [];
  for (const unit of reporters) {
    const roll = random();
    if (roll < 0.05) continue;
    const first = new Date(deadline + (roll < 0.15 ? 1 + Math.floor(random() * 600) : -Math.floor(random() * 600)) * 60_000).toISOString();
    records.push({ formId: FORM_ID, period, orgUnit: unit.code, revision: 1 + Math.floor(random() * 3), schemaVersion: form.version, data: {}, submittedBy: 'bench@example.vn', submittedAt: first, firstSubmittedAt: first });
  }
  byPeriod.set(period, records);
}

// buildDashboard reads only these three of the service.
const service = {
  form: () => form,
  reporters: async () => reporters,
  statuses: async () => [...byPeriod.values()].flat(),
} as unknown as ReportingService;

const started = performance.now();
const dashboard = await buildDashboard(service, FORM_ID, now);
const json = Buffer.from(JSON.stringify(dashboard));
const builtMs = performance.now() - started;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`3294 dashboard, ${districts} districts × ${dashboard.periods.length} days (built and serialised in ${builtMs.toFixed(0)} ms):`);
console.log(`  JSON ${kb(json.length)} · gzip ${kb(gzipSync(json).length)} · brotli ${kb(brotliCompressSync(json).length)}`);
console.log(`  of which rates ${kb(JSON.stringify(dashboard.rates).length)}, grid ${kb(JSON.stringify(dashboard.grid).length)}, units ${kb(JSON.stringify(dashboard.units).length)}`);
