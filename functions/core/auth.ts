/**
 * Sign-in by a one-time code sent by email, and sessions.
 *
 * - The code: 6 digits from `crypto.randomInt`, stored only as an HMAC bound to
 *   its login attempt, valid 10 minutes, single use, dead after 5 wrong tries.
 * - Sends are limited per address and per client; tries per client.
 * - Unknown, disabled and known addresses get the same answer: an attempt is
 *   recorded for each, a code is mailed only to active users.
 * - A session is an opaque random token; only its SHA-256 is stored. Each
 *   request re-reads the user, so disabling a user ends their sessions at once.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { formatDateTime } from '#schemas/core/format.ts';
import { AttemptLockedError, InvalidCodeError, RateLimitedError, ValidationFailedError } from './errors.ts';
import type { AuthStore, Clock, Mailer } from './ports.ts';
import type { OrgUnitDirectory } from './reporting.ts';
import { emailSchema, type Actor } from './users.ts';
import { toFieldErrors } from '#schemas/core/validate.ts';
import { escapeHtml } from './render-email.ts';

export const CODE_TTL_MINUTES = 10;
export const MAX_WRONG_TRIES = 5;
export const SESSION_TTL_HOURS = 12;

export interface RateLimits {
  windowMinutes: number;
  codesPerEmail: number;
  codesPerClient: number;
  triesPerClient: number;
}

export const DEFAULT_LIMITS: RateLimits = { windowMinutes: 15, codesPerEmail: 5, codesPerClient: 20, triesPerClient: 30 };

export interface AuthDeps {
  store: AuthStore;
  mailer: Mailer;
  clock: Clock;
  /** Key of the code HMAC; at least 32 bytes, kept out of the table. */
  secret: string;
  orgUnits: () => Promise<OrgUnitDirectory>;
  limits?: RateLimits;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function createAuthService(deps: AuthDeps) {
  const { store, clock } = deps;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  if (Buffer.byteLength(deps.secret) < 32) throw new Error('auth secret must be at least 32 bytes');
  const codeHash = (attemptId: string, code: string) => createHmac('sha256', deps.secret).update(`${attemptId}:${code}`).digest('hex');

  async function limit(scope: string, key: string, max: number): Promise<void> {
    const now = clock.now().getTime();
    const windowMs = limits.windowMinutes * 60_000;
    const start = Math.floor(now / windowMs) * windowMs;
    const count = await store.hit(scope, key, new Date(start).toISOString(), new Date(start + windowMs));
    if (count > max) throw new RateLimitedError(`${scope} limit for ${key}`);
  }

  async function actorOf(email: string): Promise<Actor | undefined> {
    const user = await store.getUser(email);
    if (!user || user.status !== 'active') return undefined;
    const unit = (await deps.orgUnits()).byCode.get(user.unit);
    return unit ? { email: user.email, name: user.name, role: user.role, unit } : undefined;
  }

  return {
    /**
     * Starts a login: the same answer whoever asks.
     * @example const { attemptId } = await auth.requestCode({ email: 'a@b.vn', client: '10.0.0.1' })
     */
    async requestCode(input: { email: unknown; client: string }): Promise<{ attemptId: string }> {
      const parsed = emailSchema.safeParse(input.email);
      if (!parsed.success) throw new ValidationFailedError({ email: Object.values(toFieldErrors(parsed.error.issues)).flat() });
      const email = parsed.data;
      await limit('code-client', input.client, limits.codesPerClient);
      await limit('code-email', email, limits.codesPerEmail);

      const attemptId = randomBytes(18).toString('base64url');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
      await store.createLogin({ id: attemptId, email, codeHash: codeHash(attemptId, code), expiresAt: expiresAt.toISOString(), tries: 0 });

      const user = await store.getUser(email);
      if (user?.status === 'active') {
        const until = formatDateTime(expiresAt);
        await deps.mailer.send({
          to: [email],
          subject: `Mã đăng nhập hệ thống báo cáo: ${code}`,
          text: `Mã đăng nhập của bạn là ${code}.\nMã dùng được một lần, đến ${until} (giờ Việt Nam).\nNếu bạn không yêu cầu mã này, hãy bỏ qua thư.`,
          html: `<p>Mã đăng nhập của bạn là <strong style="font-size:20px;letter-spacing:2px">${code}</strong>.</p><p>Mã dùng được một lần, đến ${escapeHtml(until)} (giờ Việt Nam).</p><p>Nếu bạn không yêu cầu mã này, hãy bỏ qua thư.</p>`,
        });
      }
      return { attemptId };
    },

    /** Checks a code against its attempt; on success opens a session. */
    async verify(input: { attemptId: unknown; code: unknown; client: string }): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
      await limit('verify-client', input.client, limits.triesPerClient);
      const attemptId = typeof input.attemptId === 'string' ? input.attemptId.slice(0, 64) : '';
      const attempt = attemptId ? await store.getLogin(attemptId) : undefined;
      const now = clock.now();
      if (!attempt || new Date(attempt.expiresAt) <= now) throw new InvalidCodeError('no live attempt');
      if (attempt.tries >= MAX_WRONG_TRIES) throw new AttemptLockedError('attempt locked');

      const code = typeof input.code === 'string' ? input.code.trim() : '';
      const given = Buffer.from(codeHash(attempt.id, code), 'hex');
      const right = /^\d{6}$/.test(code) && timingSafeEqual(given, Buffer.from(attempt.codeHash, 'hex'));
      if (!right) {
        const tries = await store.addWrongTry(attempt.id, MAX_WRONG_TRIES);
        if (tries === undefined || tries >= MAX_WRONG_TRIES) throw new AttemptLockedError('attempt locked');
        throw new InvalidCodeError('wrong code');
      }
      if (!(await store.consumeLogin(attempt.id))) throw new InvalidCodeError('attempt already used');
      const actor = await actorOf(attempt.email);
      if (!actor) throw new InvalidCodeError('no active user');

      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_TTL_HOURS * 3_600_000);
      await store.createSession({ tokenHash: sha256(token), email: actor.email, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
      return { token, actor, expiresAt };
    },

    /** The user behind a session token, if the session is live and the user active. */
    async authenticate(token: string | undefined): Promise<Actor | undefined> {
      if (!token || token.length > 100) return undefined;
      const session = await store.getSession(sha256(token));
      if (!session || new Date(session.expiresAt) <= clock.now()) return undefined;
      return actorOf(session.email);
    },

    async logout(token: string | undefined): Promise<void> {
      if (token && token.length <= 100) await store.deleteSession(sha256(token));
    },

    /** Opens a session without a code: for tests and for the local demo accounts only. */
    async openSession(email: string): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await store.createSession({
        tokenHash: sha256(token),
        email,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_TTL_HOURS * 3_600_000).toISOString(),
      });
      return token;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
