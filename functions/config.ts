/**
 * Configuration of the Lambda functions, read once from the environment at the
 * edge and validated; a missing or malformed value stops the cold start with a
 * message naming it.
 */
import * as z from 'zod/mini';

const envSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  AWS_REGION: z.string().check(z.minLength(1)),
  MAIL_FROM: z.string().check(z.minLength(3)),
  PUBLIC_URL: z.url(),
  /** JSON `{ "<recipient key>": ["a@b.vn", ...] }` */
  SUMMARY_RECIPIENTS: z.string(),
  /**
   * The API's EventBridge Scheduler settings (infra/aws): the schedule group,
   * the role schedules run as, and the jobs function they invoke. All three or
   * none (no run-time schedules: the export function, local runs).
   */
  SCHEDULE_GROUP: z.optional(z.string().check(z.minLength(1))),
  SCHEDULER_ROLE_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  JOBS_FUNCTION_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  /** Optional: where the scheduler sends an event it cannot deliver. */
  JOBS_DEAD_LETTER_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
});

const SCHEDULER_KEYS = ['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'JOBS_FUNCTION_ARN'] as const;

const authSchema = z.object({ AUTH_SECRET: z.string().check(z.minLength(32, 'AUTH_SECRET must be at least 32 characters')) });

export type LambdaConfig = z.output<typeof envSchema> & { recipients: Record<string, string[]>; AUTH_SECRET: string };

const describe = (issues: readonly z.core.$ZodIssue[]) => issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/**
 * @example readLambdaConfig(process.env) // throws "invalid configuration: TABLE_NAME: ..." when unset
 */
export function readLambdaConfig(env: Record<string, string | undefined>, options: { needsAuthSecret?: boolean } = {}): LambdaConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid configuration: ${describe(parsed.error.issues)}`);
  // Half a scheduler setting would open rounds whose summaries never fire: stop the cold start instead.
  const missing = SCHEDULER_KEYS.filter((key) => !parsed.data[key]);
  if (missing.length > 0 && missing.length < SCHEDULER_KEYS.length) {
    throw new Error(`invalid configuration: ${missing.join(', ')} missing (${SCHEDULER_KEYS.join(', ')} come together)`);
  }
  let secret = '';
  if (options.needsAuthSecret !== false) {
    const auth = authSchema.safeParse(env);
    if (!auth.success) throw new Error(`invalid configuration: ${describe(auth.error.issues)}`);
    secret = auth.data.AUTH_SECRET;
  }
  const recipients = z.record(z.string(), z.array(z.email())).safeParse(JSON.parse(parsed.data.SUMMARY_RECIPIENTS));
  if (!recipients.success) throw new Error(`invalid configuration: SUMMARY_RECIPIENTS: ${describe(recipients.error.issues)}`);
  return { ...parsed.data, recipients: recipients.data, AUTH_SECRET: secret };
}

/**
 * Deployed by infra/aws, the login-code key and CloudFront's origin key live in
 * Secrets Manager and the environment names them (`AUTH_SECRET_ARN`,
 * `ORIGIN_KEY_ARN`); read once at cold start. Locally, `AUTH_SECRET` is a plain value.
 * @example const { env, originKey } = await readLambdaSecrets(process.env); readLambdaConfig(env)
 */
export async function readLambdaSecrets(env: Record<string, string | undefined>): Promise<{ env: Record<string, string | undefined>; originKey?: string }> {
  const arns = [env.AUTH_SECRET_ARN, env.ORIGIN_KEY_ARN];
  if (!arns.some(Boolean)) return { env };
  // The SDK comes with the Lambda runtime; loaded only where secrets are named.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  const [authSecret, originKey] = await Promise.all(
    arns.map(async (arn) => (arn ? (await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString : undefined)),
  );
  return { env: authSecret ? { ...env, AUTH_SECRET: authSecret } : env, ...(originKey ? { originKey } : {}) };
}
