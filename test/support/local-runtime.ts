/** A runtime on its own fresh table in the shared DynamoDB Local, seeded with the real org units. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { loadForms, type FormLoaders } from '#schemas/registry.ts';
import type { RateLimits } from '../../functions/core/auth.ts';
import { MemoryMailer } from './fakes.ts';
import type { Mailer, RoundScheduler } from '../../functions/core/ports.ts';
import type { Role } from '../../functions/core/users.ts';
import { createRuntime, type Runtime } from '../../functions/runtime.ts';
import { apartRoutes } from '../../functions/api/apart-routes.ts';
import { createHttp, type Http } from '../../functions/api/http.ts';
import { createJobRunners } from '../../functions/jobs/runners.ts';
import { ensureTable, LOCAL_DYNAMODB_CLIENT } from '../../infra/local/dynamodb-local.ts';
import { readSeedOrgUnits } from '#schemas/data/seed.ts';
import { settableClock } from '../../infra/local/demo-data.ts';

export const seedUnits = readSeedOrgUnits;
export const PUBLIC_URL = 'http://127.0.0.1:9';

/** A runtime on a new table, or on `tableName` to see what an earlier runtime stored. */
export async function freshRuntime(
  options: {
    loaders?: FormLoaders;
    seed?: boolean;
    tableName?: string;
    mailer?: Mailer;
    limits?: RateLimits;
    /** Code requests are held to a constant minimum (1 s in production); tests that do not measure it skip the wait. */
    codeAnswerFloorMs?: number;
    /** Addresses per recipient key (none by default). */
    recipients?: Record<string, string[]>;
    /** Where rounds' schedules go (none by default). */
    scheduler?: RoundScheduler;
  } = {},
) {
  const clock = settableClock(new Date('2021-07-19T03:00:00Z'));
  const tableName = options.tableName ?? `t-${randomUUID()}`;
  const mailer = options.mailer ?? new MemoryMailer();
  const services = createRuntime({
    registry: await loadForms(options.loaders),
    tableName,
    dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: inject('dynamodbEndpoint') },
    mailer,
    publicUrl: PUBLIC_URL,
    recipients: options.recipients ?? {},
    clock,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
  });
  const runtime = {
    ...services,
    ...createHttp(services, {
      authSecret: randomBytes(32).toString('base64url'),
      // Tests name the client in a header; in production the hosting layer tells.
      clientAddress: (c) => c.req.header('x-test-client') ?? 'test-client',
      ...apartRoutes(services),
      ...(options.limits ? { limits: options.limits } : {}),
      codeAnswerFloorMs: options.codeAnswerFloorMs ?? 0,
    }),
  };
  await ensureTable(runtime.db, tableName);
  if (options.seed !== false) await runtime.orgUnits.upsertAll(seedUnits());
  return { ...runtime, ...createJobRunners(runtime), clock, tableName, mailer };
}

/**
 * Creates a user and a session without the emailed code (tested on its own in
 * the auth tests) and returns the Cookie header to send.
 */
export async function signIn(runtime: Runtime & Http, user: { email?: string; role: Role; unit: string; name?: string }): Promise<string> {
  const email = user.email ?? `${user.role}-${user.unit.toLowerCase()}@test.local`;
  if (!(await runtime.authStore.getUser(email))) {
    await runtime.users.create('system', { email, name: user.name ?? `Người dùng ${user.unit}`, unit: user.unit, role: user.role });
  }
  return `baocao=${await runtime.auth.openSession(email)}`;
}

/**
 * Opens a daily round of `formId` for the districts under the official's unit, from `from` to `to` (18:00 each
 * day), through the API as an official would; its id. Throws with the API's answer when it is refused.
 */
export async function openDailyRound(runtime: Runtime & Http, official: string, formId: string, from: string, to: string): Promise<string> {
  const res = await runtime.app.request('/api/rounds', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: official },
    body: JSON.stringify({ formId, period: { kind: 'daily', from, to, deadlineTime: '18:00' }, reporters: { kinds: ['district'] } }),
  });
  const body = (await res.json()) as { round?: { id: string } };
  if (res.status !== 201 || !body.round) throw new Error(`round not opened: ${res.status} ${JSON.stringify(body)}`);
  return body.round.id;
}

/**
 * The DynamoDB calls the document client makes from now on, by command name, counted by SDK middleware (as
 * DynamoDB bills them); empty `calls` (`calls.length = 0`) to count a new request.
 */
export function countCalls(db: DynamoDBDocumentClient): string[] {
  const calls: string[] = [];
  db.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: `countCalls-${randomUUID()}` },
  );
  return calls;
}

/** A valid 971 answer with `doctors` needed (the other counts fixed). */
export const answer971 = (doctors: number) => ({
  appliesDirective16: true,
  need: { doctors, nurses: 1200, technicians: 80 },
  contact: { name: 'Lê Văn C', phone: '0909 000 111' },
});
