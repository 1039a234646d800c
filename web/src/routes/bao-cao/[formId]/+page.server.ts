// Runs at build time only: the page ships the JSON Schema, never `z.toJSONSchema`.
import { error } from '@sveltejs/kit';
import { describeForm } from '#schemas/core/describe.ts';
import { formLoaders, loadForms } from '#schemas/registry.ts';
import { islandScript } from '#lib/island.server.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => Object.keys(formLoaders).map((formId) => ({ formId }));

export const load: PageServerLoad = async ({ params }) => {
  const registry = await loadForms();
  const form = registry.get(params.formId);
  if (!form) error(404, 'Không tìm thấy biểu mẫu.');
  // All forms, so the page knows which units can roll this form up from the forms relaying it.
  return { descriptor: describeForm(form, registry.list()), island: islandScript() };
};
