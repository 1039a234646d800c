/**
 * Deployment settings, read once at synth from CDK context (`-c key=value`,
 * or a JSON file named by `-c config=path`) or the environment, and checked
 * before any construct is built: a missing or malformed value stops the synth
 * with a message naming it and how to set it. Context wins over the
 * environment, which wins over the file. Nothing here is secret; the
 * login-code key is generated in AWS (see app-stack.ts).
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';

/** Each setting: its context key and its environment variable. */
export const SETTINGS = {
  envName: { context: 'env', env: 'BAOCAO_ENV' },
  mailFrom: { context: 'mailFrom', env: 'BAOCAO_MAIL_FROM' },
  mailFromName: { context: 'mailFromName', env: 'BAOCAO_MAIL_FROM_NAME' },
  summaryRecipients: { context: 'summaryRecipients', env: 'BAOCAO_SUMMARY_RECIPIENTS' },
  domainName: { context: 'domainName', env: 'BAOCAO_DOMAIN_NAME' },
  certificateArn: { context: 'certificateArn', env: 'BAOCAO_CERTIFICATE_ARN' },
  alarmEmail: { context: 'alarmEmail', env: 'BAOCAO_ALARM_EMAIL' },
} as const;

type Setting = keyof typeof SETTINGS;

const schema = z.object({
  envName: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,15}$/, 'lowercase letters, digits and "-", at most 16, e.g. "prod"')),
  mailFrom: z.email('an email address whose domain or address is a verified SES identity'),
  mailFromName: z._default(z.string().check(z.minLength(1)), 'Hệ thống báo cáo'),
  summaryRecipients: z.record(z.string(), z.array(z.email()).check(z.minLength(1, 'at least one address'))),
  domainName: z.string().check(z.regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'a lowercase host name, e.g. baocao.example.gov.vn')),
  certificateArn: z.string().check(
    z.regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, 'an ACM certificate ARN in us-east-1 (CloudFront only reads certificates from there)'),
  ),
  alarmEmail: z.optional(z.email()),
});

export type DeployConfig = z.output<typeof schema>;

export interface ConfigSources {
  /** Reads a CDK context value, e.g. `app.node.tryGetContext`. */
  context: (key: string) => unknown;
  env: Record<string, string | undefined>;
}

export class DeployConfigError extends Error {
  readonly code = 'DEPLOY_CONFIG_INVALID';
}

function raw(sources: ConfigSources): Record<Setting, unknown> {
  const file = sources.context('config');
  const fromFile: Record<string, unknown> = typeof file === 'string' ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const values = {} as Record<Setting, unknown>;
  for (const [name, where] of Object.entries(SETTINGS) as Array<[Setting, (typeof SETTINGS)[Setting]]>) {
    let value = sources.context(where.context) ?? sources.env[where.env] ?? fromFile[where.context];
    // From the command line or the environment the recipients arrive as JSON text.
    if (name === 'summaryRecipients' && typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        value = Symbol('not JSON');
      }
    }
    values[name] = value === '' ? undefined : value;
  }
  return values;
}

/**
 * Reads and checks the settings; `recipientKeys` are the keys forms name as
 * summary recipients, each of which needs at least one address.
 * @example readDeployConfig({ context: (k) => app.node.tryGetContext(k), env: process.env }, ['bo-y-te'])
 */
export function readDeployConfig(sources: ConfigSources, recipientKeys: readonly string[]): DeployConfig {
  const parsed = schema.safeParse(raw(sources), { reportInput: true });
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as Setting;
      const where = SETTINGS[name];
      const what = issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue.message;
      problems.push(`${[name, ...issue.path.slice(1)].join('.')}: ${what} (context "${where.context}" or ${where.env})`);
    }
  } else {
    const missing = recipientKeys.filter((key) => !parsed.data.summaryRecipients[key]);
    if (missing.length > 0) {
      problems.push(`summaryRecipients: no addresses for ${missing.join(', ')}, which forms name as summary recipients`);
    }
  }
  if (problems.length > 0) throw new DeployConfigError(`invalid deployment settings:\n  ${problems.join('\n  ')}`);
  return (parsed as { data: DeployConfig }).data;
}
