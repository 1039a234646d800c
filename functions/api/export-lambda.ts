/** `/api/exports/*` in its own Lambda: the API app plus the export routes (exceljs is large). */
import { getConnInfo, handle } from 'hono/aws-lambda';
import { loadForms } from '#schemas/registry.ts';
import { SesSimpleMailer } from '../adapters/mail/ses-mailer.ts';
import { readLambdaConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { registerExportRoutes } from './export-routes.ts';

const config = readLambdaConfig(process.env);

const runtime = createRuntime({
  registry: await loadForms(),
  tableName: config.TABLE_NAME,
  dynamodb: { region: config.AWS_REGION },
  mailer: new SesSimpleMailer({ region: config.AWS_REGION, from: config.MAIL_FROM }),
  authSecret: config.AUTH_SECRET,
  publicUrl: config.PUBLIC_URL,
  recipients: config.recipients,
  clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
  extraRoutes: registerExportRoutes,
});

export const handler = handle(runtime.app);
