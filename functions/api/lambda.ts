/** The API in Lambda behind API Gateway: config from the environment, read once. */
import { handle } from 'hono/aws-lambda';
import * as z from 'zod/mini';
import { loadForms } from '#schemas/registry.ts';
import { createRuntime } from '../runtime.ts';

const env = z
  .object({
    TABLE_NAME: z.string().check(z.minLength(1)),
    AWS_REGION: z.string().check(z.minLength(1)),
  })
  .parse(process.env);

const runtime = createRuntime({
  registry: await loadForms(),
  tableName: env.TABLE_NAME,
  dynamodb: { region: env.AWS_REGION },
});

export const handler = handle(runtime.app);
