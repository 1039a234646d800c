/** A runtime on its own fresh table in the shared DynamoDB Local, seeded with the real org units. */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { loadForms, type FormLoaders } from '#schemas/registry.ts';
import { createRuntime } from '../../functions/runtime.ts';
import { ensureTable, LOCAL_DYNAMODB_CLIENT } from '../../infra/local/dynamodb-local.ts';
import { readSeedOrgUnits } from '../../infra/local/seed.ts';
import { settableClock } from '../../infra/local/demo-data.ts';

export const seedUnits = readSeedOrgUnits;

/** A runtime on a new table, or on `tableName` to see what an earlier runtime stored. */
export async function freshRuntime(options: { loaders?: FormLoaders; seed?: boolean; tableName?: string } = {}) {
  const clock = settableClock(new Date('2021-07-19T03:00:00Z'));
  const tableName = options.tableName ?? `t-${randomUUID()}`;
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
