/** Build-time only: where the separately built form island (web/vite.island.config.ts) ended up. */
import { readFileSync } from 'node:fs';
import { error } from '@sveltejs/kit';

export interface IslandScripts {
  /** The entry, for `<script type="module">`. */
  src: string;
  /** What the entry imports statically, for `<link rel="modulepreload">`: fetched with the entry, not after it. */
  preload: string[];
}

/** The island's hashed file names, from its build manifest. */
export function islandScript(): IslandScripts {
  const manifest = JSON.parse(readFileSync('static/_island/.vite/manifest.json', 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; imports?: string[] }
  >;
  const entry = Object.values(manifest).find((e) => e.isEntry);
  if (!entry) error(500, 'island build missing: run `npm run build:web`');
  const preload: string[] = [];
  const add = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || preload.includes(chunk.file)) return;
    preload.push(chunk.file);
    chunk.imports?.forEach(add);
  };
  entry.imports?.forEach(add);
  return { src: `/_island/${entry.file}`, preload: preload.map((file) => `/_island/${file}`) };
}
