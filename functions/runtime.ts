/**
 * Wires adapters to the core. Lambda entries and the local platform both call
 * this with plain config values; nothing below reads the environment.
 */
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { Context } from 'hono';
import type { FormRegistry } from '#schemas/registry.ts';
import { DynamoAuthStore } from './adapters/dynamodb/auth-store.ts';
import { createDocumentClient, DynamoOrgUnitStore, DynamoSubmissionStore } from './adapters/dynamodb/store.ts';
import { createApiApp } from './api/app.ts';
import { createAuthService, type RateLimits } from './core/auth.ts';
import { createReportingService } from './core/reporting.ts';
import { systemClock, type Clock, type Mailer } from './core/ports.ts';
import { createUserAdmin } from './core/user-admin.ts';
import { createSummaryJob } from './jobs/summary-job.ts';
import { createReminderJob } from './jobs/reminder-job.ts';
import { DynamoDeliveryStore } from './adapters/dynamodb/delivery-store.ts';

export interface RuntimeConfig {
  registry: FormRegistry;
  tableName: string;
  dynamodb: DynamoDBClientConfig;
  mailer: Mailer;
  /** Key for login-code hashes, ≥ 32 bytes. */
  authSecret: string;
  /** Where users reach the site; decides cookie security and the allowed origin of writes. */
  publicUrl: string;
  /** Addresses per summary recipient key declared by forms. */
  recipients: Record<string, string[]>;
  clientAddress?: (c: Context) => string;
  clock?: Clock;
  limits?: RateLimits;
}

export function createRuntime(config: RuntimeConfig) {
  const db = createDocumentClient(config.dynamodb);
  const clock = config.clock ?? systemClock;
  const orgUnits = new DynamoOrgUnitStore(db, config.tableName);
  const submissions = new DynamoSubmissionStore(db, config.tableName);
  const authStore = new DynamoAuthStore(db, config.tableName);
  const service = createReportingService({ registry: config.registry, submissions, orgUnits, clock });
  const auth = createAuthService({
    store: authStore,
    mailer: config.mailer,
    clock,
    secret: config.authSecret,
    orgUnits: service.orgUnits,
    ...(config.limits ? { limits: config.limits } : {}),
  });
  const users = createUserAdmin({ store: authStore, clock, orgUnits: service.orgUnits });
  const deliveries = new DynamoDeliveryStore(db, config.tableName);
  const app = createApiApp({
    service,
    auth,
    users,
    clock,
    publicUrl: config.publicUrl,
    clientAddress: config.clientAddress ?? (() => 'unknown'),
  });
  return {
    db,
    clock,
    orgUnits,
    submissions,
    authStore,
    service,
    auth,
    users,
    app,
    deliveries,
    /** The summary job; tests may swap the mailer or recipients. */
    summaryJob: (overrides: { mailer?: Mailer; recipients?: Record<string, string[]>; publicUrl?: string } = {}) =>
      createSummaryJob({
        service,
        clock,
        deliveries,
        mailer: overrides.mailer ?? config.mailer,
        recipients: overrides.recipients ?? config.recipients,
        publicUrl: overrides.publicUrl ?? config.publicUrl,
      }),
    /** The reminder job for reporters of units that have not reported. */
    reminderJob: (overrides: { mailer?: Mailer } = {}) =>
      createReminderJob({ service, clock, deliveries, users: authStore, mailer: overrides.mailer ?? config.mailer, publicUrl: config.publicUrl }),
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
