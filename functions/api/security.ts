/**
 * Browser protections for every API response: security headers, same-origin
 * writes, JSON-only bodies. The Node server adds the same headers to pages;
 * CloudFront does it in production.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from './errors.ts';

/** Headers every API response carries; pages get them from the static server with their own CSP. */
export const API_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Headers for pages; the page's own `<meta>` CSP (SvelteKit, hash mode) governs scripts. */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function securityHeaders(headers: Record<string, string>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses state-changing requests a browser sends from another origin
 * (`Origin`, or `Sec-Fetch-Site` where a browser omits `Origin`). Requests
 * with neither come from programs, which hold no one's cookies.
 */
export function sameOriginWrites(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const foreign = origin !== undefined ? origin !== publicOrigin : site !== undefined && site !== 'same-origin' && site !== 'none';
      if (foreign) return errorResponse(c, 403, 'CROSS_ORIGIN', 'Yêu cầu từ trang web khác bị từ chối.');
    }
    return next();
  };
}

/** Bodies are JSON and nothing else: no form posts, no multipart. */
export function jsonBodies(): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method) && !/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      return errorResponse(c, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Dữ liệu phải được gửi dưới dạng JSON.');
    }
    return next();
  };
}

/**
 * Refuses a body over `maxSize` bytes. A declared length is checked as it is: hono's `bodyLimit` first asks the
 * request for its body stream, which on Node builds a whole web Request from the incoming message for every
 * request (GETs too), and then the body is read through web streams instead of straight from the socket. A
 * body sent without a length (chunked) goes through `bodyLimit`, which counts it as it arrives.
 */
export function bodyLimitByLength(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) return parseInt(length, 10) > maxSize ? onError(c) : next();
    return counted(c, next);
  };
}
