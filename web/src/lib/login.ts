/** Where signing in starts and where it leads back to. Shared by the SvelteKit pages and the form island. */
import { logout, type ApiError } from './api.ts';

export const LOGIN_PATH = '/dang-nhap/';

/** The login page's address that brings the user back to `path` (a path on this site) afterwards. */
export function loginHref(path: string): string {
  return `${LOGIN_PATH}?next=${encodeURIComponent(path)}`;
}

/**
 * Where to go after signing in: `next` when it is a path on this site, else `/`.
 * Never an absolute URL, a scheme-relative `//host` or a `/\host` that browsers
 * read as one: the parsed URL must stay on `origin` (open-redirect protection).
 * @example safeNext('/bao-cao/971-nhan-luc-y-te/', 'https://baocao.example') // '/bao-cao/971-nhan-luc-y-te/'
 * @example safeNext('//evil.example/', 'https://baocao.example') // '/'
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || /^\/dang-nhap(\/|$)/.test(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Ends the session and goes to the login page; on failure returns the error and stays. */
export async function signOut(): Promise<ApiError | undefined> {
  const result = await logout();
  // 401: the session had already ended, which is what the user asked for.
  if (!result.ok && result.error.status !== 401) return result.error;
  location.assign(LOGIN_PATH);
  return undefined;
}
