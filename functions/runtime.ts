/**
 * Wires adapters to the core. Lambda entries and the local platform both call
 * this with plain config values; nothing below reads the environment. The
 * scheduled jobs are wired in `jobs/runners.ts`, so the API bundle does not
 * carry them (nor exceljs).
 */
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { Context } from 'hono';
import type { FormRegistry } from '#schemas/registry.ts';
import { DynamoAuthStore } from './adapters/dynamodb/auth-store.ts';
import { createDocumentClient, DynamoOrgUnitStore, DynamoSubmissionStore } from './adapters/dynamodb/store.ts';
import { createApiApp, type ExtraRoutes } from './api/app.ts';
import { createAuthService, type RateLimits } from './core/auth.ts';
import { createReportingService } from './core/reporting.ts';
import { systemClock, type Clock, type Mailer } from './core/ports.ts';
import { createUserAdmin } from './core/user-admin.ts';
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
  /** Routes only some entry points serve (the exports; see api/export-routes.ts). */
  extraRoutes?: ExtraRoutes;
  clock?: Clock;
  limits?: RateLimits;
  /** Minimum duration of a login-code request (see core/auth.ts); tests lower it. */
  codeAnswerFloorMs?: number;
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
    ...(config.codeAnswerFloorMs !== undefined ? { codeAnswerFloorMs: config.codeAnswerFloorMs } : {}),
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
    ...(config.extraRoutes ? { extraRoutes: config.extraRoutes } : {}),
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
    config,
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
