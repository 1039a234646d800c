/**
 * Builds the form-page island (see island/report-form.ts) into static/_island,
 * which the SvelteKit build then copies into the site. Styles come from the
 * prerendered page, so the island carries none.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    svelte({ configFile: false, emitCss: false, compilerOptions: { css: 'external', discloseVersion: false } }),
  ],
  base: '/_island/',
  publicDir: false,
  build: {
    outDir: 'static/_island',
    emptyOutDir: true,
    manifest: true,
    // The island has no lazy chunk to preload; the preload helper would only add bytes.
    modulePreload: false,
    target: 'es2022',
    rollupOptions: { input: 'island/report-form.ts' },
  },
});
