/** The API in Lambda behind API Gateway (see lambda-app.ts): the submit path, with the forms' declarations only. */
import type { AnyForm } from '#schemas/core/form.ts';
import { createLambdaHandler } from './lambda-app.ts';
import * as submitForms from './submit-forms.ts';

const forms = Object.fromEntries(Object.entries(submitForms as Record<string, AnyForm>).map(([id, form]) => [id, async () => ({ default: form })]));

export const handler = await createLambdaHandler({ forms });
