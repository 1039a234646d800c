import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit({
      // The Node server serves this directory at `/` and answers unknown paths with the fallback.
      adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html' }),
      // Absolute asset URLs, so the same HTML works at `/bao-cao/x` and `/bao-cao/x/` and as the fallback.
      paths: { relative: false },
    }),
  ],
  server: {
    // Form schemas live outside web/ and are imported through `#schemas/*`.
    fs: { allow: ['../schemas'] },
  },
});
