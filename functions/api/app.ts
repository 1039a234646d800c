/**
 * The HTTP API. The same app runs in Lambda (`lambda.ts`) and on Node
 * (`infra/local`). Routes are thin: parse, check access against the session's
 * user, call the core, map errors.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { compress } from 'hono/compress';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import * as z from 'zod/mini';
import { cleanText } from '#schemas/core/text.ts';
import { toFieldErrors } from '#schemas/core/validate.ts';
import type { AuthService } from '../core/auth.ts';
import { ForbiddenError, InvalidEncodingError, InvalidJsonError, RoundNotFoundError, SessionChangedError, UnauthenticatedError, ValidationFailedError } from '../core/errors.ts';
import type { Clock, SessionGuard } from '../core/ports.ts';
import type { ReportingService } from '../core/reporting.ts';
import { listDue, listFollowed, listForms } from '../core/overview.ts';
import type { UserAdmin } from '../core/user-admin.ts';
import { access, type Actor } from '../core/users.ts';
import { errorResponse, handleError } from './errors.ts';
import { API_SECURITY_HEADERS, bodyLimitByLength, jsonBodies, sameOriginWrites, securityHeaders } from './security.ts';

/** Largest request body accepted; a 971 report is under 2 KB. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Smaller answers go as they are: the gain would not pay for the work, nor for a base64 body in Lambda. */
export const COMPRESS_FROM_BYTES = 1024;

const putBody = z.strictObject({
  // Not z.record: it drops a `__proto__` key silently; the form's own schema refuses unknown keys by name.
  data: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'Dữ liệu phải là một nhóm trường.'),
  submittedBy: cleanText({ max: 200, required: 'Vui lòng nhập họ tên hoặc thư điện tử của người nộp.' }),
  /** Set by the form page when the answer was built by roll-up, so summaries can say so. */
  origin: z.optional(z.literal('rollup')),
  /**
   * The stored revision the page showed (revision 0: none), and that revision's first submission: the answer is
   * written at once against it, the stored one read only if it changed meanwhile. Optional: without it the
   * stored answer is read first.
   */
  base: z.optional(
    z.strictObject({
      revision: z.int().check(z.minimum(0), z.maximum(1_000_000)),
      firstSubmittedAt: z.optional(z.iso.datetime()),
    }),
  ),
});

export type ApiEnv = { Variables: { actor: Actor; sessionGuard?: SessionGuard | undefined } };

const submissionPath = '/forms/:formId/periods/:period/submissions/:orgUnit';

// Decoded here rather than by c.req.json(), which turns bytes that are not UTF-8 into U+FFFD unseen.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request's JSON body, refused with a stable code when it is not UTF-8 or not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InvalidEncodingError('body is not UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidJsonError('body is not JSON');
  }
}

export interface ApiDeps {
  service: ReportingService;
  auth: AuthService;
  users: UserAdmin;
  clock: Clock;
  /** `https://…` of the site: writes must come from it; cookies are `__Host-` and Secure when it is HTTPS. */
  publicUrl: string;
  /** The client's network address, as the hosting layer knows it (for rate limits). */
  clientAddress: (c: Context) => string;
  /** Sub-apps behind the session check, by path under `/api` (what the second function serves: see apart-routes.ts). */
  routes: Record<string, Hono<ApiEnv>>;
  /** Sub-apps anyone may read, by path under `/api` (a form's description). */
  publicRoutes: Record<string, Hono<ApiEnv>>;
}

/**
 * The round a request names: `?dot=<round id>`, else the form's seed round; it must be a round of that form.
 * @example const round = await namedRound(service, c)
 */
export async function namedRound(service: ReportingService, c: Context<ApiEnv>) {
  const form = service.form(c.req.param('formId')!);
  const round = await service.round(c.req.query('dot') ?? form.id);
  if (round.formId !== form.id) throw new RoundNotFoundError(`round ${round.id} is not of ${form.id}`);
  return round;
}

/**
 * The round a request names (`namedRound`), once the session's user may read its summary, dashboard or exports.
 * @example const round = await readableRound(service, c, 'export')
 */
export async function readableRound(service: ReportingService, c: Context<ApiEnv>, what: string) {
  const round = await namedRound(service, c);
  if (!access.readSummary(c.var.actor, round, (await service.orgUnits()).byCode)) throw new ForbiddenError(`${c.var.actor.email} may not ${what} ${round.id}`);
  return round;
}

type Env = ApiEnv;

export function createApiApp(deps: ApiDeps) {
  const { service, auth, clock } = deps;
  const secure = new URL(deps.publicUrl).protocol === 'https:';
  const cookieName = secure ? '__Host-baocao' : 'baocao';
  const app = new Hono<Env>().basePath('/api');

  app.onError(handleError);
  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.'));
  // Outermost, so it sees the final body: a 3294 dashboard is ~1 MB of JSON and ~50 KB gzipped, and CloudFront
  // does not compress uncached `/api/*`. In Lambda, hono's adapter returns an encoded body base64-encoded.
  app.use(compress({ threshold: COMPRESS_FROM_BYTES }));
  // The threshold is read from Content-Length, which c.json() does not set: JSON is already a string, so measure it
  // (only when the client takes a compressed answer at all: otherwise the copy buys nothing).
  app.use(async (c, next) => {
    await next();
    if (!/\b(gzip|deflate)\b/.test(c.req.header('accept-encoding') ?? '')) return;
    if (c.res.headers.has('Content-Length') || !/^application\/json/.test(c.res.headers.get('Content-Type') ?? '') || !c.res.body) return;
    const body = await c.res.arrayBuffer();
    c.res = new Response(body, c.res);
    c.res.headers.set('Content-Length', String(body.byteLength));
  });
  // Said before the answer exists, so it is made with it: compress() adds it to a JSON answer that lacks it,
  // and a header added to a made answer makes hono build it again (~0.1 ms a request, a tenth of a PUT's own work).
  app.use(async (c, next) => {
    c.header('Vary', 'Accept-Encoding');
    return next();
  });
  app.use(securityHeaders({ ...API_SECURITY_HEADERS, 'Cache-Control': 'no-store' }));
  app.use(sameOriginWrites(new URL(deps.publicUrl).origin));
  app.use(
    bodyLimitByLength(MAX_BODY_BYTES, (c) => errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn (tối đa 256 KB).')),
  );
  app.use(jsonBodies());

  const units = async () => (await service.orgUnits()).byCode;

  // ---- public: forms are published documents; signing in and out.
  app.get('/forms', (c) => c.json({ forms: listForms(service) }));
  for (const [path, routes] of Object.entries(deps.publicRoutes)) app.route(path, routes);

  app.post('/auth/code', async (c) => {
    const body = (await jsonBody(c)) as { email?: unknown } | null;
    const { attemptId } = await auth.requestCode({ email: body?.email, client: deps.clientAddress(c) });
    return c.json({
      attemptId,
      message: 'Nếu địa chỉ có trong hệ thống, mã đăng nhập đã được gửi tới hộp thư. Mã có hiệu lực trong 10 phút.',
    });
  });

  app.post('/auth/verify', async (c) => {
    const body = (await jsonBody(c)) as { attemptId?: unknown; code?: unknown } | null;
    const { token, actor, expiresAt } = await auth.verify({ attemptId: body?.attemptId, code: body?.code, client: deps.clientAddress(c) });
    // Max-Age, not Expires: the browser counts from its own clock, right or wrong.
    setCookie(c, cookieName, token, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: Math.floor((expiresAt.getTime() - clock.now().getTime()) / 1000) });
    return c.json({ user: me(actor) });
  });

  app.post('/auth/logout', async (c) => {
    await auth.logout(getCookie(c, cookieName));
    deleteCookie(c, cookieName, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
    return c.body(null, 204);
  });

  // ---- everything below needs a live session.
  app.use(async (c, next) => {
    const token = getCookie(c, cookieName);
    // A unit's answer checks the session in its own transaction, so it may start from a copy held in memory.
    const route = matchedRoutes(c).at(-1);
    const savesAnswer = route?.method === 'PUT' && route.path === `/api${submissionPath}`;
    const found = savesAnswer ? await auth.authenticateForWrite(token) : { actor: await auth.authenticate(token) };
    if (!found?.actor) throw new UnauthenticatedError('no session');
    c.set('actor', found.actor);
    if ('guard' in found) c.set('sessionGuard', found.guard);
    return next();
  });

  const me = (actor: Actor) => ({
    email: actor.email,
    name: actor.name,
    role: actor.role,
    unit: { code: actor.unit.code, name: actor.unit.name, kind: actor.unit.kind },
  });

  app.get('/me', (c) => c.json({ user: me(c.var.actor) }));

  app.get('/me/due', async (c) => c.json({ items: await listDue(service, c.var.actor, clock.now()) }));

  app.get('/forms/:formId/reporters', async (c) => {
    const round = await namedRound(service, c);
    return c.json({ units: access.visibleReporters(c.var.actor, round, await service.reporters(round.id), await units()) });
  });

  /** The target named in the path, checked against the session's user before anything is read. */
  async function allow(c: Context<Env>, rule: 'readSubmission' | 'writeSubmission' | 'rollup') {
    const key = { formId: c.req.param('formId')!, period: c.req.param('period')!, orgUnit: c.req.param('orgUnit')! };
    const form = service.form(key.formId);
    // The round the unit answers this period in; when none, the form's seed round (the service then says why).
    const round = (await service.roundFor(key)) ?? (await service.round(form.id));
    if (!access[rule](c.var.actor, round, key.orgUnit, await units())) {
      throw new ForbiddenError(`${c.var.actor.email} may not ${rule} ${key.formId}/${key.orgUnit}`);
    }
    return key;
  }

  app.get(submissionPath, async (c) => c.json({ submission: await service.getSubmission(await allow(c, 'readSubmission')) }));

  app.get(`${submissionPath}/revisions`, async (c) =>
    c.json({ revisions: await service.listRevisions(await allow(c, 'readSubmission')) }),
  );

  app.put(submissionPath, async (c) => {
    let key;
    try {
      key = await allow(c, 'writeSubmission');
    } catch (error) {
      // Refused on a copy of the session: the user may have been moved to this unit since; ask the stored one.
      if (!(error instanceof ForbiddenError && c.var.sessionGuard)) throw error;
      key = await freshSession(c);
    }
    const parsed = putBody.safeParse(await jsonBody(c));
    if (!parsed.success) throw new ValidationFailedError(toFieldErrors(parsed.error.issues));
    // Without a base the stored answer is read before any write: only a session just read may see it.
    if (c.var.sessionGuard && !parsed.data.base) key = await freshSession(c);
    let result;
    try {
      result = await service.putSubmission(key, parsed.data, { session: c.var.sessionGuard });
    } catch (error) {
      if (!(error instanceof SessionChangedError)) throw error;
      // The copy of the session this process held is stale (the user changed or was disabled): decide again.
      result = await service.putSubmission(await freshSession(c), parsed.data);
    }
    return c.json(result, result.status === 'created' ? 201 : 200);
  });

  /** Reads the request's session afresh (dropping this process's copy) and checks the write again. */
  async function freshSession(c: Context<Env>) {
    const token = getCookie(c, cookieName);
    auth.forget(token);
    const actor = await auth.authenticate(token);
    if (!actor) throw new UnauthenticatedError('session ended');
    c.set('actor', actor);
    c.set('sessionGuard', undefined);
    return allow(c, 'writeSubmission');
  }

  app.get('/forms/:formId/periods/:period/rollup/:orgUnit', async (c) => c.json(await service.rollup(await allow(c, 'rollup'))));

  // ---- dashboard: officials, for forms issued at or below their unit (one form's: apart-routes.ts).
  app.get('/dashboard', async (c) => c.json({ forms: await listFollowed(service, c.var.actor, clock.now()) }));

  for (const [path, routes] of Object.entries(deps.routes)) app.route(path, routes);

  // ---- user management: admins, for their unit and below.
  const admin = new Hono<Env>();
  admin.use(async (c, next) => {
    if (c.var.actor.role !== 'admin') throw new ForbiddenError(`${c.var.actor.email} is not an admin`);
    return next();
  });
  admin.get('/', async (c) => c.json({ users: await deps.users.list(c.var.actor) }));
  admin.post('/', async (c) => c.json({ user: await deps.users.create(c.var.actor, await jsonBody(c)) }, 201));
  admin.post('/import', async (c) => {
    const body = (await jsonBody(c)) as { csv?: unknown } | null;
    if (typeof body?.csv !== 'string') throw new ValidationFailedError({ csv: ['Vui lòng gửi nội dung tệp CSV.'] });
    return c.json(await deps.users.importCsv(c.var.actor, body.csv));
  });
  admin.post('/:email/disable', async (c) => c.json({ user: await deps.users.setStatus(c.var.actor, c.req.param('email'), 'disabled') }));
  admin.post('/:email/enable', async (c) => c.json({ user: await deps.users.setStatus(c.var.actor, c.req.param('email'), 'active') }));
  app.route('/admin/users', admin);

  return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;
