/**
 * Sign-in by a one-time code sent by email, and sessions.
 *
 * - The code: 6 digits from `crypto.randomInt`, stored only as an HMAC bound to
 *   its login attempt, valid 10 minutes, single use per attempt. Each try is
 *   counted atomically before the code is compared; the 5th try is the last.
 * - Limits never lock an address's owner out (see `RateLimits`): per client
 *   address they are far above what an office sharing one address needs; per
 *   email address they only stop new mail, and a request over that budget gets
 *   an attempt that accepts the last code mailed instead of a refusal.
 * - Unknown, disabled and known addresses get the same answer after the same
 *   time: an attempt is recorded for each, the mail (active users only) is sent
 *   while the answer is held to a constant minimum duration.
 * - A session is an opaque random token; only its SHA-256 is stored, with a
 *   copy of what authorisation needs (name, role, unit, status, the user's
 *   session generation), so a request reads that one item. The copy cannot go
 *   stale: every change of a user rewrites or deletes their sessions in the
 *   same operation (see `AuthStore.changeUser`), a session opens only while
 *   the user still matches its copy, and a disable deletes the sessions and
 *   bumps the generation, so a re-enable revives none.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AttemptLockedError, InvalidCodeError, RateLimitedError, ValidationFailedError } from './errors.ts';
import type { AuthStore, Clock, LoginAttempt, Mailer, Session, SessionGuard } from './ports.ts';
import type { OrgUnitDirectory } from './reporting.ts';
import { emailSchema, type Actor, type User } from './users.ts';
import { toFieldErrors } from '#schemas/core/validate.ts';
import { renderLoginEmail } from '../outputs/login-email.ts';

export const CODE_TTL_MINUTES = 10;
export const MAX_TRIES = 5;
export const SESSION_TTL_HOURS = 12;
/**
 * Sessions a process keeps in memory, read or opened by it, for writes that check them in their own
 * transaction (`authenticateForWrite`); the oldest is dropped first.
 */
export const SESSION_MEMORY = 10_000;
/** How long every code request takes at least; a normal send (SES, SMTP) finishes well within it. */
export const CODE_ANSWER_FLOOR_MS = 1000;

/**
 * Fixed-window counts. Per client address: far above what an office behind one
 * shared address needs (30 colleagues signing in use ~30 codes and ~40 tries),
 * low enough to stop mail-bombing and bulk guessing from one address. Per email
 * address, in windows of the code lifetime: mails; over that budget nothing is
 * refused, the attempt accepts the last code mailed (`reusesPerClient` such
 * attempts per address and client, then attempts no code opens), so whoever
 * spends an address's budget cannot keep its owner out. The last code mailed in
 * a window lives at least until the window ends, so a spent budget never leaves
 * the owner without a live code.
 */
export interface RateLimits {
  /** Length of the per-client windows. */
  windowMinutes: number;
  codesPerClient: number;
  triesPerClient: number;
  /** Mails per email address per `CODE_TTL_MINUTES` window. */
  mailsPerEmail: number;
  reusesPerClient: number;
}

export const DEFAULT_LIMITS: RateLimits = { windowMinutes: 15, codesPerClient: 300, triesPerClient: 600, mailsPerEmail: 5, reusesPerClient: 5 };

export interface AuthDeps {
  store: AuthStore;
  mailer: Mailer;
  clock: Clock;
  /** Key of the code HMAC; at least 32 bytes, kept out of the table. */
  secret: string;
  orgUnits: () => Promise<OrgUnitDirectory>;
  limits?: RateLimits;
  /** Minimum duration of a code request, in real milliseconds (default `CODE_ANSWER_FLOOR_MS`). */
  codeAnswerFloorMs?: number;
  /** Where a send slower than the floor or a failed send is reported (default `console`). */
  log?: Pick<Console, 'warn' | 'error'>;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const LIMIT_MESSAGES: Record<string, (minutes: number) => string> = {
  'code-client': (m) =>
    `Địa chỉ mạng này vừa gửi rất nhiều yêu cầu mã đăng nhập (nhiều máy dùng chung một đường mạng cũng có thể gây ra điều này). Để chống gửi thư hàng loạt, hệ thống tạm dừng gửi mã cho địa chỉ mạng này; vui lòng thử lại sau khoảng ${m} phút.`,
  'verify-client': (m) =>
    `Địa chỉ mạng này vừa gửi rất nhiều lượt nhập mã đăng nhập (nhiều máy dùng chung một đường mạng cũng có thể gây ra điều này). Để chống dò mã, hệ thống tạm dừng nhận mã từ địa chỉ mạng này; vui lòng thử lại sau khoảng ${m} phút.`,
};

export function createAuthService(deps: AuthDeps) {
  const { store, clock } = deps;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const floorMs = deps.codeAnswerFloorMs ?? CODE_ANSWER_FLOOR_MS;
  const log = deps.log ?? console;
  if (Buffer.byteLength(deps.secret) < 32) throw new Error('auth secret must be at least 32 bytes');
  // tokenHash → the session as this process last read or opened it. Only writes that check the stored
  // session in their own transaction act on it; every other request reads the session item.
  const remembered = new Map<string, Session>();
  const remember = (session: Session) => {
    remembered.delete(session.tokenHash);
    remembered.set(session.tokenHash, session);
    if (remembered.size > SESSION_MEMORY) remembered.delete(remembered.keys().next().value!);
  };
  const live = (session: Session | undefined, now: Date): session is Session =>
    session !== undefined && session.status === 'active' && new Date(session.expiresAt) > now;
  async function actorOf(session: Session): Promise<Actor | undefined> {
    const unit = (await deps.orgUnits()).byCode.get(session.unit);
    return unit ? { email: session.email, name: session.name, role: session.role, unit } : undefined;
  }
  const codeHash = (attemptId: string, code: string) => createHmac('sha256', deps.secret).update(`${attemptId}:${code}`).digest('hex');
  const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

  /** Counts one event in the current fixed window: the count so far and the seconds until the window ends. */
  async function count(scope: string, key: string, windowMinutes: number): Promise<{ count: number; retryAfterSeconds: number }> {
    const now = clock.now().getTime();
    const windowMs = windowMinutes * 60_000;
    const start = Math.floor(now / windowMs) * windowMs;
    const count = await store.hit(scope, key, new Date(start).toISOString(), new Date(start + windowMs));
    return { count, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
  }

  async function limit(scope: 'code-client' | 'verify-client', key: string, max: number): Promise<void> {
    const { count: n, retryAfterSeconds } = await count(scope, key, limits.windowMinutes);
    if (n > max) {
      const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
      throw new RateLimitedError(`${scope} limit for ${key}`, { retryAfterSeconds, userMessage: LIMIT_MESSAGES[scope]!(minutes) });
    }
  }

  async function activeUser(email: string): Promise<{ user: User; actor: Actor } | undefined> {
    const user = await store.getUser(email);
    if (!user || user.status !== 'active') return undefined;
    const unit = (await deps.orgUnits()).byCode.get(user.unit);
    return unit ? { user, actor: { email: user.email, name: user.name, role: user.role, unit } } : undefined;
  }

  /** Opens a session on the user as stored now; undefined when they are not (or no longer) active. */
  async function createSession(email: string, now: Date): Promise<{ token: string; expiresAt: Date; actor: Actor } | undefined> {
    // A change of the user between the read and the write refuses the write: read again.
    for (let round = 0; round < 5; round++) {
      const active = await activeUser(email);
      if (!active) return undefined;
      const { user, actor } = active;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_TTL_HOURS * 3_600_000);
      const session = {
        tokenHash: sha256(token),
        email: user.email,
        name: user.name,
        role: user.role,
        unit: user.unit,
        status: user.status,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        generation: user.sessionGeneration ?? 0,
      };
      if (await store.createSession(session)) {
        remember(session);
        return { token, expiresAt, actor };
      }
    }
    return undefined;
  }

  /**
   * The user behind a session token, from the session item alone (the org units
   * are cached): a live session is always in line with its user.
   */
  async function authenticate(token: string | undefined): Promise<Actor | undefined> {
    if (!token || token.length > 100) return undefined;
    const tokenHash = sha256(token);
    const session = await store.getSession(tokenHash);
    // Sessions stored before they carried the user (no status) are ended, not trusted.
    if (!live(session, clock.now())) {
      remembered.delete(tokenHash);
      return undefined;
    }
    remember(session);
    return actorOf(session);
  }

  /** The mail for an active user; its failure is logged, never answered (the answer must not depend on it). */
  function sendCode(email: string, code: string, expiresAt: Date, started: number): Promise<void> {
    return deps.mailer
      .send({ to: [email], ...renderLoginEmail(code, expiresAt) })
      .then(
        () => {
          const took = performance.now() - started;
          // The answer now takes longer for active users than for others: raise the floor.
          if (floorMs > 0 && took > floorMs) log.warn(`login code request took ${Math.round(took)} ms, over the ${floorMs} ms floor`);
        },
        (error: unknown) => log.error('login code mail failed', error),
      );
  }

  /** Over the mail budget: an attempt that accepts the last code made for the address, or none. */
  async function reuseAttempt(id: string, email: string, client: string, now: Date): Promise<LoginAttempt> {
    const reuses = await count('code-reuse', `${email}|${client}`, CODE_TTL_MINUTES);
    const last = await store.getLastCode(email);
    if (reuses.count <= limits.reusesPerClient && last && new Date(last.expiresAt) > now) {
      return { id, email, codeHash: last.codeHash, codeOf: last.attemptId, expiresAt: last.expiresAt, tries: 0 };
    }
    const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000).toISOString();
    return { id, email, codeHash: codeHash(id, newCode()), expiresAt, tries: 0 };
  }

  return {
    /**
     * Starts a login: the same answer, after the same time, whoever asks.
     * @example const { attemptId } = await auth.requestCode({ email: 'a@b.vn', client: '10.0.0.1' })
     */
    async requestCode(input: { email: unknown; client: string }): Promise<{ attemptId: string }> {
      const started = performance.now();
      const parsed = emailSchema.safeParse(input.email);
      if (!parsed.success) throw new ValidationFailedError({ email: Object.values(toFieldErrors(parsed.error.issues)).flat() });
      const email = parsed.data;
      await limit('code-client', input.client, limits.codesPerClient);

      const id = randomBytes(18).toString('base64url');
      const now = clock.now();
      let sending: Promise<void> = Promise.resolve();
      // Counted for every address, known or not, so the work (and the time) is the same.
      const mails = await count('code-email', email, CODE_TTL_MINUTES);
      if (mails.count <= limits.mailsPerEmail) {
        const code = newCode();
        const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
        const attempt: LoginAttempt = { id, email, codeHash: codeHash(id, code), expiresAt: expiresAt.toISOString(), tries: 0 };
        await store.createLogin(attempt);
        await store.setLastCode({ email, attemptId: id, codeHash: attempt.codeHash, expiresAt: attempt.expiresAt });
        const user = await store.getUser(email);
        // Not awaited here: the answer waits for the floor and the send together.
        if (user?.status === 'active') sending = sendCode(email, code, expiresAt, started);
      } else {
        await store.createLogin(await reuseAttempt(id, email, input.client, now));
      }
      await Promise.all([sending, sleep(Math.max(0, floorMs - (performance.now() - started)))]);
      return { attemptId: id };
    },

    /** Counts the try, then checks the code against its attempt; on success opens a session. */
    async verify(input: { attemptId: unknown; code: unknown; client: string }): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
      await limit('verify-client', input.client, limits.triesPerClient);
      const attemptId = typeof input.attemptId === 'string' ? input.attemptId.slice(0, 64) : '';
      const attempt = attemptId ? await store.countTry(attemptId, MAX_TRIES) : undefined;
      if (attempt === 'locked') throw new AttemptLockedError('attempt locked');
      const now = clock.now();
      if (!attempt || new Date(attempt.expiresAt) <= now) throw new InvalidCodeError('no live attempt');

      const code = typeof input.code === 'string' ? input.code.trim() : '';
      const given = Buffer.from(codeHash(attempt.codeOf ?? attempt.id, code), 'hex');
      const right = /^\d{6}$/.test(code) && timingSafeEqual(given, Buffer.from(attempt.codeHash, 'hex'));
      if (!right) {
        if (attempt.tries >= MAX_TRIES) throw new AttemptLockedError('attempt locked');
        throw new InvalidCodeError('wrong code');
      }
      if (!(await store.consumeLogin(attempt.id))) throw new InvalidCodeError('attempt already used');
      const opened = await createSession(attempt.email, now);
      if (!opened) throw new InvalidCodeError('no active user');
      return opened;
    },

    authenticate,

    /**
     * For a write that checks the session in its own transaction: the user from the copy of the session this
     * process holds, with the guard the write must carry (no read at all); without a copy, as `authenticate`
     * (one read, no guard needed). A failed guard means the copy is stale: `forget` it and authenticate again.
     * @example const { actor, guard } = (await auth.authenticateForWrite(token)) ?? fail()
     */
    async authenticateForWrite(token: string | undefined): Promise<{ actor: Actor; guard?: SessionGuard } | undefined> {
      if (!token || token.length > 100) return undefined;
      const now = clock.now();
      const copy = remembered.get(sha256(token));
      const actor = live(copy, now) ? await actorOf(copy) : undefined;
      if (copy && actor) return { actor, guard: { tokenHash: copy.tokenHash, role: copy.role, unit: copy.unit, at: now.toISOString() } };
      const read = await authenticate(token);
      return read ? { actor: read } : undefined;
    },

    /** Drops this process's copy of a session (its write's guard failed). */
    forget(token: string | undefined): void {
      if (token) remembered.delete(sha256(token));
    },

    async logout(token: string | undefined): Promise<void> {
      if (!token || token.length > 100) return;
      const tokenHash = sha256(token);
      remembered.delete(tokenHash);
      await store.deleteSession(tokenHash);
    },

    /** Opens a session without a code: for tests and for the local demo accounts only. */
    async openSession(email: string): Promise<string> {
      const opened = await createSession(email, clock.now());
      if (!opened) throw new Error(`no active user ${email}`);
      return opened.token;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
