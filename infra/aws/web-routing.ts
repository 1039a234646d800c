/**
 * The CloudFront Function that maps page URLs to objects in the web bucket,
 * the way the local server (infra/local/platform.ts) maps them to files. S3
 * behind origin access control cannot tell CloudFront "no such file, try
 * another", so the function carries the list of pages the build wrote.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every `.html` file of a static build, as an absolute URL path (`/bao-cao/index.html`). */
export function listPages(webDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.push(`/${relative(webDir, path).split(sep).join('/')}`);
    }
  };
  walk(webDir);
  return pages.sort();
}

/** The generic form page (web/src/routes/bieu-mau): `/bao-cao/<id>/` of a form added after the build. */
export const GENERIC_FORM_PAGE = '/bieu-mau/index.html';

/**
 * Source of the viewer-request handler (cloudfront-js-2.0). Assets pass as
 * they are; a page path gets its `index.html` or `.html`; a form page the
 * build did not know (a form added later) gets the generic form page; any
 * other path gets the SPA fallback, whose router shows the page or "not found".
 */
export function viewerRequestCode(pages: readonly string[], fallback = '/200.html'): string {
  const known = Object.fromEntries(pages.map((p) => [p, 1]));
  return `var PAGES = ${JSON.stringify(known)};
var GENERIC = ${JSON.stringify(GENERIC_FORM_PAGE)};
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (/\\.[a-z0-9]+$/i.test(uri)) return request;
  var dir = uri.charAt(uri.length - 1) === '/' ? uri : uri + '/';
  if (PAGES[dir + 'index.html']) request.uri = dir + 'index.html';
  else if (PAGES[uri + '.html']) request.uri = uri + '.html';
  else if (/^\\/bao-cao\\/[a-z0-9-]+\\/?$/.test(uri) && PAGES[GENERIC]) request.uri = GENERIC;
  else request.uri = ${JSON.stringify(fallback)};
  return request;
}
`;
}
