/**
 * Wires adapters to the core. Lambda entries and the local platform both call
 * this with plain config values; nothing below reads the environment.
 */
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { FormRegistry } from '#schemas/registry.ts';
import { createDocumentClient, DynamoOrgUnitStore, DynamoSubmissionStore } from './adapters/dynamodb/store.ts';
import { createApiApp } from './api/app.ts';
import { createReportingService } from './core/reporting.ts';
import { systemClock, type Clock, type Mailer } from './core/ports.ts';
import { createSummaryJob } from './jobs/summary-job.ts';

export interface RuntimeConfig {
  registry: FormRegistry;
  tableName: string;
  dynamodb: DynamoDBClientConfig;
  clock?: Clock;
}

export function createRuntime(config: RuntimeConfig) {
  const db = createDocumentClient(config.dynamodb);
  const clock = config.clock ?? systemClock;
  const orgUnits = new DynamoOrgUnitStore(db, config.tableName);
  const submissions = new DynamoSubmissionStore(db, config.tableName);
  const service = createReportingService({ registry: config.registry, submissions, orgUnits, clock });
  return {
    db,
    clock,
    orgUnits,
    submissions,
    service,
    app: createApiApp({ service, clock }),
    summaryJob: (mail: { mailer: Mailer; recipients: Record<string, string[]>; publicUrl: string }) =>
      createSummaryJob({ service, clock, ...mail }),
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
