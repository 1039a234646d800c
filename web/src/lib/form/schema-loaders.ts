/**
 * The form schemas the browser validates with, by form id. In the island build
 * (web/vite.island.config.ts) this module is replaced by one that loads each
 * form file through a re-export of `schema` alone, so a form page downloads the
 * schema and not the summary, roll-up or demo code beside it.
 */
import { formLoaders } from '#schemas/registry.ts';

export const schemaLoaders: Record<string, () => Promise<{ schema: unknown }>> = Object.fromEntries(
  Object.entries(formLoaders).map(([id, load]) => [id, async () => ({ schema: (await load()).default.schema })]),
);
