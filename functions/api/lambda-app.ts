/**
 * The API app as a Lambda handler: config and secrets read once at cold start.
 * Deployed by infra/aws, the login-code key and CloudFront's origin key live in
 * Secrets Manager and only their ARNs are in the environment. The API and the
 * export functions differ in the forms they load (the API function: without their
 * outputs) and the sub-apps they mount.
 */
import { getConnInfo, handle } from 'hono/aws-lambda';
import { registryOf, type FormLoaders } from '#schemas/core/form-registry.ts';
import { SesSimpleMailer } from '../adapters/mail/ses-mailer.ts';
import { readLambdaConfig, readLambdaSecrets, type LambdaConfig } from '../config.ts';
import type { RoundScheduler } from '../core/ports.ts';
import { clientAddressOf } from './client-address.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { createHttp, type HttpOptions } from './http.ts';

export interface LambdaHandlerOptions {
  /** The forms this function loads: the API function's without their outputs (submit-forms.ts), the export function's whole. */
  forms: FormLoaders;
  /** Sub-apps this entry serves beside the API app's own routes. */
  routes?: (runtime: Runtime) => Pick<HttpOptions, 'routes' | 'publicRoutes'>;
  /** The function that administers rounds writes their schedules; the API function neither needs nor bundles it. */
  scheduler?: (config: LambdaConfig) => RoundScheduler | undefined;
}

/** @example export const handler = await createLambdaHandler({ forms: formLoaders, routes: apartRoutes }) */
export async function createLambdaHandler({ forms, routes = () => ({}), scheduler = () => undefined }: LambdaHandlerOptions) {
  const { env, originKey } = await readLambdaSecrets(process.env);
  const config = readLambdaConfig(env);
  const runtime = createRuntime({
    registry: await registryOf(forms),
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
