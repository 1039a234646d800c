/** The API in Lambda behind API Gateway: config from the environment, read once. */
import { getConnInfo, handle } from 'hono/aws-lambda';
import { loadForms } from '#schemas/registry.ts';
import { createSesMailer } from '../adapters/mail/nodemailer-mailer.ts';
import { readLambdaConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';

const config = readLambdaConfig(process.env);

const runtime = createRuntime({
  registry: await loadForms(),
  tableName: config.TABLE_NAME,
  dynamodb: { region: config.AWS_REGION },
  mailer: createSesMailer({ region: config.AWS_REGION, from: config.MAIL_FROM }),
  authSecret: config.AUTH_SECRET,
  publicUrl: config.PUBLIC_URL,
  recipients: config.recipients,
  // API Gateway's view of the caller; forwarded headers could be forged.
  clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
});

export const handler = handle(runtime.app);
