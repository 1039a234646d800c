/**
 * The HTTP side of an entry point: the sign-in service (the only part that
 * needs the login-code key) and the Hono app over a runtime's services. The
 * API Lambda, the export Lambda and the local server call this; sub-apps an
 * entry serves alone (the exports) are mounted by that entry.
 */
import type { Context, Hono } from 'hono';
import { createAuthService, type RateLimits } from '../core/auth.ts';
import type { Runtime } from '../runtime.ts';
import { createApiApp, type ApiEnv } from './app.ts';

export interface HttpOptions {
  /** Key for login-code hashes, ≥ 32 bytes. */
  authSecret: string;
  /** The client's network address, as the hosting layer knows it (for rate limits). */
  clientAddress?: (c: Context) => string;
  limits?: RateLimits;
  /** Minimum duration of a login-code request (see core/auth.ts); tests lower it. */
  codeAnswerFloorMs?: number;
  /** Sub-apps behind the session check, by path under `/api` (the second function's: `apartRoutes(runtime)`). */
  routes?: Record<string, Hono<ApiEnv>>;
  /** Sub-apps anyone may read, by path under `/api`. */
  publicRoutes?: Record<string, Hono<ApiEnv>>;
}

/** @example const { app } = createHttp(runtime, { authSecret }); serve(app) */
export function createHttp(runtime: Runtime, options: HttpOptions) {
  const { service, authStore, clock, users, config } = runtime;

  const auth = createAuthService({
    store: authStore,
    mailer: config.mailer,
    clock,
    secret: options.authSecret,
    orgUnits: service.orgUnits,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.codeAnswerFloorMs !== undefined ? { codeAnswerFloorMs: options.codeAnswerFloorMs } : {}),
  });
  const app = createApiApp({
    service,
    auth,
    users,
    clock,
    publicUrl: config.publicUrl,
    clientAddress: options.clientAddress ?? (() => 'unknown'),
    routes: options.routes ?? {},
    publicRoutes: options.publicRoutes ?? {},
  });
  return { auth, app };
}

export type Http = ReturnType<typeof createHttp>;
