/**
 * The API app as a Lambda handler: config and secrets read once at cold start.
 * Deployed by infra/aws, the login-code key and CloudFront's origin key live in
 * Secrets Manager and only their ARNs are in the environment. The API and the
 * export functions differ only in the sub-apps they mount.
 */
import { getConnInfo, handle } from 'hono/aws-lambda';
import { loadForms } from '#schemas/registry.ts';
import { SesSimpleMailer } from '../adapters/mail/ses-mailer.ts';
import { readLambdaConfig, readLambdaSecrets, type LambdaConfig } from '../config.ts';
import type { RoundScheduler } from '../core/ports.ts';
import { clientAddressOf } from './client-address.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { createHttp, type HttpOptions } from './http.ts';

export async function createLambdaHandler(
  routes: (runtime: Runtime) => Pick<HttpOptions, 'routes' | 'publicRoutes'> = () => ({}),
  /** The function that administers rounds writes their schedules; the API function neither needs nor bundles it. */
  scheduler: (config: LambdaConfig) => RoundScheduler | undefined = () => undefined,
) {
  const { env, originKey } = await readLambdaSecrets(process.env);
  const config = readLambdaConfig(env);
  const runtime = createRuntime({
    registry: await loadForms(),
    tableName: config.TABLE_NAME,
    dynamodb: { region: config.AWS_REGION },
    mailer: new SesSimpleMailer({ region: config.AWS_REGION, from: config.MAIL_FROM }),
    publicUrl: config.PUBLIC_URL,
    recipients: config.recipients,
    scheduler: scheduler(config),
  });
  const { app } = createHttp(runtime, {
    authSecret: config.AUTH_SECRET,
    clientAddress: (c) => clientAddressOf((name) => c.req.header(name), originKey, getConnInfo(c).remote.address),
    ...routes(runtime),
  });
  return handle(app);
}
