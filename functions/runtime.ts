/**
 * The composition root: wires adapters to the core and returns stores and
 * services, nothing else. Every entry point calls it with plain config values
 * (nothing below reads the environment): the HTTP entries (API and export
 * Lambdas, the local server) then build the Hono app with `api/http.ts`; the
 * jobs and the command-line tools use the services directly and need no
 * login-code key.
 */
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { FormRegistry } from '#schemas/registry.ts';
import { DynamoAuthStore } from './adapters/dynamodb/auth-store.ts';
import { DynamoDeliveryStore } from './adapters/dynamodb/delivery-store.ts';
import { DynamoRoundStore } from './adapters/dynamodb/round-store.ts';
import { createDocumentClient, DynamoOrgUnitStore, DynamoSubmissionStore } from './adapters/dynamodb/store.ts';
import { systemClock, type Clock, type Mailer, type RoundScheduler } from './core/ports.ts';
import { createReportingService } from './core/reporting.ts';
import { createUserAdmin } from './core/user-admin.ts';

export interface RuntimeConfig {
  registry: FormRegistry;
  tableName: string;
  dynamodb: DynamoDBClientConfig;
  mailer: Mailer;
  /** Where users reach the site: linked from emails; the HTTP app takes its origin and cookie security from it. */
  publicUrl: string;
  /** Addresses per summary recipient key declared by forms. */
  recipients: Record<string, string[]>;
  clock?: Clock;
  /** Where rounds' schedules are written (EventBridge Scheduler on AWS); none: nothing scheduled at run time. */
  scheduler?: RoundScheduler;
}

/** @example const runtime = createRuntime({ registry, tableName, dynamodb, mailer, publicUrl, recipients }) */
export function createRuntime(config: RuntimeConfig) {
  const db = createDocumentClient(config.dynamodb);
  const clock = config.clock ?? systemClock;
  const orgUnits = new DynamoOrgUnitStore(db, config.tableName);
  const submissions = new DynamoSubmissionStore(db, config.tableName);
  const authStore = new DynamoAuthStore(db, config.tableName);
  const rounds = new DynamoRoundStore(db, config.tableName);
  const service = createReportingService({ registry: config.registry, submissions, orgUnits, rounds, clock });
  const users = createUserAdmin({ store: authStore, clock, orgUnits: service.orgUnits });
  const deliveries = new DynamoDeliveryStore(db, config.tableName);
  return { db, clock, orgUnits, submissions, authStore, service, users, deliveries, rounds, config, scheduler: config.scheduler };
}

export type Runtime = ReturnType<typeof createRuntime>;
