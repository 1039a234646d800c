/**
 * The API app as a Lambda handler: config and secrets read once at cold start.
 * Deployed by infra/aws, the login-code key and CloudFront's origin key live in
 * Secrets Manager and only their ARNs are in the environment. The API and the
 * export functions differ only in the routes they add.
 */
import { getConnInfo, handle } from 'hono/aws-lambda';
import { loadForms } from '#schemas/registry.ts';
import { SesSimpleMailer } from '../adapters/mail/ses-mailer.ts';
import { clientAddressOf, readLambdaConfig, readLambdaSecrets } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import type { ExtraRoutes } from './app.ts';

export async function createLambdaHandler(extraRoutes?: ExtraRoutes) {
  const { env, originKey } = await readLambdaSecrets(process.env);
  const config = readLambdaConfig(env);
  const runtime = createRuntime({
    registry: await loadForms(),
    tableName: config.TABLE_NAME,
    dynamodb: { region: config.AWS_REGION },
    mailer: new SesSimpleMailer({ region: config.AWS_REGION, from: config.MAIL_FROM }),
    authSecret: config.AUTH_SECRET,
    publicUrl: config.PUBLIC_URL,
    recipients: config.recipients,
    clientAddress: (c) => clientAddressOf((name) => c.req.header(name), originKey, getConnInfo(c).remote.address),
    ...(extraRoutes ? { extraRoutes } : {}),
  });
  return handle(runtime.app);
}
