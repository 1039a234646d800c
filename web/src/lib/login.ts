/** Where signing in starts and where it leads back to. Shared by the SvelteKit pages and the form island (signing out: sign-out.ts). */

export const LOGIN_PATH = '/dang-nhap/';

/** The login page's address that brings the user back to `path` (a path on this site) afterwards. */
export function loginHref(path: string): string {
  return `${LOGIN_PATH}?next=${encodeURIComponent(path)}`;
}

/**
 * Where to go after signing in: `next` when it is a path on this site, else `/`
 * (open-redirect protection). The check is on the normalised URL, because that
 * is what is returned: `/.//evil.example/` stays on `origin` when parsed, but its
 * normalised path `//evil.example/` is a scheme-relative address of another site
 * once given to `location.assign`. So the path must not start with `//` and may
 * hold no backslash (`/\host` is read as `//host`), not even encoded.
 * @example safeNext('/bao-cao/971-nhan-luc-y-te/', 'https://baocao.example') // '/bao-cao/971-nhan-luc-y-te/'
 * @example safeNext('/.//evil.example/', 'https://baocao.example') // '/'
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  const { pathname } = url;
  if (url.origin !== origin || pathname.startsWith('//') || /\\|%5c/i.test(pathname) || /^\/dang-nhap(\/|$)/.test(pathname)) return '/';
  return `${pathname}${url.search}${url.hash}`;
}
