/**
 * The large fuzz run: `npm run fuzz -- [bodies per target] [seed]` (default
 * 5000 per target, a random seed). Same generator and checks as
 * test/integration/fuzz.test.ts, on its own in-memory DynamoDB Local; prints
 * throughput, statuses and any failure, and exits non-zero on one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadForms } from '#schemas/registry.ts';
import { MemoryMailer } from '../support/fakes.ts';
import { apartRoutes } from '../../functions/api/apart-routes.ts';
import { createHttp } from '../../functions/api/http.ts';
import { createRuntime } from '../../functions/runtime.ts';
import { settableClock } from '../../infra/local/demo-data.ts';
import { ensureTable, LOCAL_DYNAMODB_CLIENT, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { readSeedOrgUnits } from '#schemas/data/seed.ts';
import { fuzzTargets, runFuzz, sameItems, scanTable } from './bodies.ts';

const perTarget = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(perTarget) || perTarget < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [bodies per target] [seed]');
  process.exit(2);
}

const db = await startDynamoDbLocal();
let failed = true;
try {
  const tableName = `fuzz-${randomUUID()}`;
  const services = createRuntime({
    registry: await loadForms(),
    tableName,
    dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: db.endpoint },
    mailer: new MemoryMailer(),
    publicUrl: 'http://127.0.0.1:9',
    recipients: {},
    clock: settableClock(new Date('2021-07-19T03:00:00Z')),
  });
  const runtime = {
    ...services,
    ...createHttp(services, { authSecret: randomBytes(32).toString('base64url'), ...apartRoutes(services) }),
  };
  await ensureTable(runtime.db, tableName);
  await runtime.orgUnits.upsertAll(readSeedOrgUnits());
  const targets = await fuzzTargets(runtime, async ({ role, unit }) => {
    const email = `${role}-${unit.toLowerCase()}@fuzz.test`;
    if (!(await runtime.authStore.getUser(email))) await runtime.users.create('system', { email, name: `Fuzz ${unit}`, unit, role });
    return `baocao=${await runtime.auth.openSession(email)}`;
  });

  console.log(`seed ${seed}: ${perTarget} bodies to each of ${targets.length} targets (${targets.map((t) => t.name).join(', ')})`);
  const before = await scanTable(runtime.db, tableName);
  const report = await runFuzz(runtime.app, targets, { seed, perTarget });
  const after = await scanTable(runtime.db, tableName);
  const unchanged = sameItems(before, after);

  const seconds = report.elapsedMs / 1000;
  console.log(`${report.sent} bodies in ${seconds.toFixed(1)} s (${Math.round(report.sent / seconds)}/s)`);
  console.log('statuses:', report.byStatus);
  console.log('mean ms per request by kind:', Object.fromEntries(Object.entries(report.msByKind).map(([k, ms]) => [k, +(ms / report.byKind[k]!).toFixed(1)])));
  console.log(`5xx: ${Object.entries(report.byStatus).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0)}, wrong answers: ${report.failures.length}, table unchanged: ${unchanged} (${before.length} items)`);
  for (const f of report.failures.slice(0, 10)) console.log(JSON.stringify(f).slice(0, 600));
  runtime.db.destroy();
  failed = report.failures.length > 0 || !unchanged;
  if (failed) console.log(`reproduce with: npm run fuzz -- ${perTarget} ${seed}`);
} finally {
  await db.stop();
}
process.exit(failed ? 1 : 0);
