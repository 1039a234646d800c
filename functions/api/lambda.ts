/** The API in Lambda behind API Gateway (see lambda-app.ts). */
import { createLambdaHandler } from './lambda-app.ts';

export const handler = await createLambdaHandler();
