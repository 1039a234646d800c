/**
 * Builds the form-page island (see island/report-form.ts) into static/_island,
 * which the SvelteKit build then copies into the site. Styles come from the
 * prerendered page, so the island carries none.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

/**
 * Calls lazy chunks' `import()` directly (the island has none today; this keeps a future one cheap). Vite wraps every dynamic import of a browser build in its
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
    withoutPreloadHelper(),
    svelte({ configFile: false, emitCss: false, compilerOptions: { css: 'external', discloseVersion: false } }),
  ],
  base: '/_island/',
  publicDir: false,
  build: {
    outDir: 'static/_island',
    emptyOutDir: true,
    manifest: true,
    // Preloading's helper costs bytes on every page (see withoutPreloadHelper).
    modulePreload: false,
    target: 'es2022',
    rollupOptions: { input: 'island/report-form.ts' },
  },
});
