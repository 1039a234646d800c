import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * SvelteKit's route announcer, a visually hidden live region that every page with the SvelteKit client mounts, has
 * an inline `style` attribute (sveltejs/kit#11993). `style-src 'self'` blocks it: a violation on every such page,
 * and after a client-side navigation the announced title shows at the foot of the page. `'unsafe-hashes'` with its
 * hash allows exactly that attribute value and no other inline style. The hash is read from the installed
 * SvelteKit, so an upgrade that changes the style follows (and one that drops it fails here, for review).
 */
function announcerStyleHash(): `sha256-${string}` {
  const file = fileURLToPath(new URL('../runtime/components/root.svelte', import.meta.resolve('@sveltejs/kit')));
  const style = /id="svelte-announcer"[^>]*?\sstyle="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
  if (!style) throw new Error(`no inline style on the route announcer in ${file}: review the CSP in web/vite.config.ts`);
  return `sha256-${createHash('sha256').update(style).digest('base64')}`;
}

export default defineConfig({
  plugins: [
    sveltekit({
      // The Node server serves this directory at `/` and answers unknown paths with the fallback.
      adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html' }),
      // Absolute asset URLs, so the same HTML works at `/bao-cao/x` and `/bao-cao/x/` and as the fallback.
      paths: { relative: false },
      // Prerendered pages carry this as `<meta http-equiv>`, with hashes of SvelteKit's own inline scripts. The
      // server adds `frame-ancestors` (a meta CSP cannot) and the other security headers itself.
      // No inline styles anywhere (app.html included): `style-src` has no 'unsafe-inline'.
      csp: {
        mode: 'hash',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self', 'unsafe-hashes', announcerStyleHash()],
          'img-src': ['self', 'data:'],
          'connect-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
        },
      },
    }),
  ],
  server: {
    // Form schemas live outside web/ and are imported through `#schemas/*`.
    fs: { allow: ['../schemas'] },
  },
});
