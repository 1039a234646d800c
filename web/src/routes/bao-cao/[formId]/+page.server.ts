// Runs at build time only: the page ships the JSON Schema, never `z.toJSONSchema`.
import { readFileSync } from 'node:fs';
import { error } from '@sveltejs/kit';
import { describeForm } from '#schemas/core/describe.ts';
import { formLoaders } from '#schemas/registry.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => Object.keys(formLoaders).map((formId) => ({ formId }));

/** The hashed file name of the island's entry, from the island build's manifest. */
function islandScript(): string {
  const manifest = JSON.parse(readFileSync('static/_island/.vite/manifest.json', 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean }
  >;
  const entry = Object.values(manifest).find((e) => e.isEntry);
  if (!entry) error(500, 'island build missing: run `npm run build:web`');
  return `/_island/${entry.file}`;
}

export const load: PageServerLoad = async ({ params }) => {
  const loader = Object.hasOwn(formLoaders, params.formId) ? formLoaders[params.formId] : undefined;
  if (!loader) error(404, 'Không tìm thấy biểu mẫu.');
  return { descriptor: describeForm((await loader()).default), island: islandScript() };
};
