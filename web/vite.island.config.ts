/**
 * Builds the form-page island (see island/report-form.ts) into static/_island,
 * which the SvelteKit build then copies into the site. Styles come from the
 * prerendered page, so the island carries none.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const registryFile = fileURLToPath(new URL('../schemas/registry.ts', import.meta.url));
const loadersModule = fileURLToPath(new URL('./src/lib/form/schema-loaders.ts', import.meta.url));
const VIRTUAL = 'virtual:form-schema/';

/**
 * Replaces `schema-loaders.ts` with one lazy chunk per registered form that
 * re-exports only its `schema`. A dynamic import of the form file itself would
 * keep every export (summary builders, demo data); a static re-export lets the
 * bundler drop them.
 */
function formSchemasOnly(): Plugin {
  return {
    name: 'form-schemas-only',
    enforce: 'pre',
    resolveId(source) {
      return source.startsWith(VIRTUAL) ? `\0${source}` : undefined;
    },
    load(id) {
      if (id.startsWith(`\0${VIRTUAL}`)) {
        const file = fileURLToPath(new URL(`../schemas/${id.slice(VIRTUAL.length + 1)}`, import.meta.url));
        return `export { schema } from ${JSON.stringify(file)};`;
      }
      if (id !== loadersModule) return undefined;
      const registry = readFileSync(registryFile, 'utf8');
      const entries = [...registry.matchAll(/'([a-z0-9-]+)':\s*\(\)\s*=>\s*import\('\.\/(forms\/[^']+\.ts)'\)/g)];
      if (entries.length === 0) this.error(`no form loaders found in ${registryFile}`);
      const lines = entries.map(([, formId, file]) => `  ${JSON.stringify(formId)}: () => import(${JSON.stringify(VIRTUAL + file)}),`);
      return `export const schemaLoaders = {\n${lines.join('\n')}\n};`;
    },
  };
}

/**
 * Calls the schema chunks' `import()` directly. Vite wraps every dynamic import of a browser build in its
 * preload helper, even with `modulePreload: false` and nothing to preload: ~650 bytes gzipped on every form
 * page for no work. The chunks import nothing that needs preloading (no CSS: the island carries none).
 */
function withoutPreloadHelper(): Plugin {
  const WRAPPED = /__vitePreload\(\(\) => (import\("[^"]+"\)), __VITE_PRELOAD__\)/g;
  return {
    name: 'without-preload-helper',
    renderChunk(code) {
      if (!code.includes('__vitePreload')) return null;
      const unwrapped = code.replace(WRAPPED, '$1');
      // A Vite upgrade that wraps imports differently must not silently bring the helper back.
      if (unwrapped.includes('__vitePreload(')) {
        this.error('the preload helper wraps a dynamic import in an unexpected way: update withoutPreloadHelper()');
      }
      return { code: unwrapped, map: null };
    },
  };
}

export default defineConfig({
  plugins: [
    formSchemasOnly(),
    withoutPreloadHelper(),
    svelte({ configFile: false, emitCss: false, compilerOptions: { css: 'external', discloseVersion: false } }),
  ],
  base: '/_island/',
  publicDir: false,
  build: {
    outDir: 'static/_island',
    emptyOutDir: true,
    manifest: true,
    // A form's schema chunk imports the shared Zod chunk itself; preloading both saves one round trip on a
    // download that starts on first focus anyway, and its helper costs bytes on every page (see withoutPreloadHelper).
    modulePreload: false,
    target: 'es2022',
    rollupOptions: { input: 'island/report-form.ts' },
  },
});
