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
  AUTH_SECRET: z.string().check(z.minLength(32)),
});

export type LambdaConfig = z.output<typeof envSchema> & { recipients: Record<string, string[]> };

export function readLambdaConfig(env: Record<string, string | undefined>): LambdaConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const recipients = z.record(z.string(), z.array(z.email())).parse(JSON.parse(parsed.data.SUMMARY_RECIPIENTS));
  return { ...parsed.data, recipients };
}
