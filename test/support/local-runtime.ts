/** A runtime on its own fresh table in the shared DynamoDB Local, seeded with the real org units. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { parseOrgUnitsCsv } from '#schemas/core/org-unit.ts';
import { loadForms, type FormLoaders } from '#schemas/registry.ts';
import { createRuntime } from '../../functions/runtime.ts';
import { ensureTable, LOCAL_DYNAMODB_CLIENT } from '../../infra/local/dynamodb-local.ts';
import { SEED_ORG_UNITS } from '../../infra/local/platform.ts';
import { settableClock } from '../../infra/local/demo-data.ts';

export const seedUnits = () => parseOrgUnitsCsv(readFileSync(SEED_ORG_UNITS, 'utf8'));

export async function freshRuntime(options: { loaders?: FormLoaders; seed?: boolean } = {}) {
  const clock = settableClock(new Date('2021-07-19T03:00:00Z'));
  const tableName = `t-${randomUUID()}`;
  const runtime = createRuntime({
    registry: await loadForms(options.loaders),
    tableName,
    dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: inject('dynamodbEndpoint') },
    clock,
  });
  await ensureTable(runtime.db, tableName);
  if (options.seed !== false) await runtime.orgUnits.upsertAll(seedUnits());
  return { ...runtime, clock, tableName };
}
