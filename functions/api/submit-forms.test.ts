/** The API function's forms are the registry's: every registered form, under its id, the form file's own default export. */
import { expect, test } from 'vitest';
import { formLoaders } from '#schemas/registry.ts';
import * as submitForms from './submit-forms.ts';

test('submit-forms.ts lists every registered form under its id, each the same object as the registry loads', async () => {
  expect(Object.keys(submitForms).sort()).toEqual(Object.keys(formLoaders).sort());
  for (const [id, form] of Object.entries(submitForms)) expect(form, id).toBe((await formLoaders[id]!()).default);
});
