// Runs at build time only: the page ships the JSON Schema, never `z.toJSONSchema`.
import { error } from '@sveltejs/kit';
import { describeForm } from '#schemas/core/describe.ts';
import { formLoaders } from '#schemas/registry.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => Object.keys(formLoaders).map((formId) => ({ formId }));

export const load: PageServerLoad = async ({ params }) => {
  const loader = Object.hasOwn(formLoaders, params.formId) ? formLoaders[params.formId] : undefined;
  if (!loader) error(404, 'Không tìm thấy biểu mẫu.');
  return { descriptor: describeForm((await loader()).default) };
};
