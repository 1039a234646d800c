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
 * The API bundle's ceiling (issue 12's aim). It holds because the function on
 * the submit path loads the forms without their outputs (functions/api/submit-forms.ts)
 * and checks rules without the JSON Schema generator (schemas/core/rule-tree.ts);
 * summaries, dashboards, descriptions and exports are the export function's.
 */
export const API_BUNDLE_BUDGET_BYTES = 150 * 1024;
