/**
 * How the Lambda entries are bundled, shared by the stack (NodejsFunction) and
 * the bundle-size script so both measure the same thing.
 *
 * The AWS SDK v3 is taken from the Lambda runtime (nodejs24.x ships every
 * client and lib-dynamodb), not bundled: it is most of the bytes otherwise
 * (~0.6 MB minified), AWS patches it with the runtime, and all SDK packages
 * then come from one copy, so `instanceof ConditionalCheckFailedException`
 * holds. The price: the runtime's SDK version may differ from the one the
 * integration tests ran; the code uses only long-stable operations (DynamoDB
 * document client, SESv2 SendEmail, Secrets Manager GetSecretValue, EventBridge
 * Scheduler Create/Update/DeleteSchedule).
 */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const LAMBDA_ENTRIES = {
  api: 'functions/api/lambda.ts',
  /** `/api/exports/*`, summaries, dashboards, rounds: the API app plus everything off the submit path (apart-routes.ts). */
  export: 'functions/api/export-lambda.ts',
  jobs: 'functions/jobs/lambda.ts',
} as const;

export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/** Entries use top-level await, so ESM; CommonJS dependencies (nodemailer, exceljs) still call `require`. */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export const BUNDLE = {
  target: 'node24',
  minify: true,
  /** Vietnamese text stays UTF-8 instead of `\u` escapes, a third smaller. */
  charset: 'utf8',
  banner: ESM_REQUIRE_BANNER,
  /** From the runtime: see above. */
  external: ['@aws-sdk/*'],
} as const;

/**
 * The API bundle's ceiling. The aim is 150 KB; today the forms (~56 KB, every
 * form's schema, summary builder and demo data) and zod (~51 KB) are most of it.
 * The guard catches a heavy dependency (nodemailer, exceljs) creeping back in.
 */
export const API_BUNDLE_BUDGET_BYTES = 200 * 1024;
