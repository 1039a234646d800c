/**
 * Builds the form-page island (see island/report-form.ts) into static/_island,
 * which the SvelteKit build then copies into the site. Styles come from the
 * prerendered page, so the island carries none. One chunk holds what every page
 * runs on load; the parts in `LAZY` are fetched when wanted (src/lib/form/lazy.ts).
 * Both are weighed by `npm run bench:bundle` (36 KB in all, 26 KB on load).
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

/**
 * Calls lazy chunks' `import()` directly. Vite wraps every dynamic import of a browser build in its
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

/** What the island loads when wanted (web/src/lib/form/lazy.ts: on the first submit, the roll-up panel, signing out), and what only that needs. */
const LAZY = ['schemas/core/rules.ts', 'schemas/core/format-deadline.ts', 'src/lib/form/on-submit.ts', 'src/lib/form/review.ts', 'src/lib/form/ErrorSummary.svelte', 'src/lib/form/Receipt.svelte', 'src/lib/form/ValueList.svelte', 'src/lib/form/RollUpPanel.svelte', 'src/lib/form/writes.ts', 'src/lib/sign-out.ts', 'src/lib/form/round-link.ts'];

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
    // Lazy chunks are preloaded by the prerendered page itself (island.server.ts); the helper would only add bytes.
    modulePreload: false,
    target: 'es2022',
    rollupOptions: {
      input: 'island/report-form.ts',
      output: {
        // Everything the entry imports statically stays in one chunk (one request, one gzip stream);
        // only the parts loaded on demand get chunks of their own. (Left to itself, the bundler splits
        // modules shared with a lazy chunk into chunks of their own: more requests, worse compression.)
        codeSplitting: { groups: [{ name: 'island', test: (id: string) => !LAZY.some((file) => id.endsWith(file)) }] },
      },
    },
  },
});
