/** Build-time only: where the separately built form island (web/vite.island.config.ts) ended up. */
import { readFileSync } from 'node:fs';
import { error } from '@sveltejs/kit';

/** The hashed file name of the island's entry, from the island build's manifest. */
export function islandScript(): string {
  const manifest = JSON.parse(readFileSync('static/_island/.vite/manifest.json', 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean }
  >;
  const entry = Object.values(manifest).find((e) => e.isEntry);
  if (!entry) error(500, 'island build missing: run `npm run build:web`');
  return `/_island/${entry.file}`;
}
