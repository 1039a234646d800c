/**
 * Sign-in by emailed one-time code and sessions, through the API against
 * DynamoDB Local; the mailer keeps what it sends so the test reads the code.
 */
import { beforeEach, describe, expect, inject, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../functions/core/auth.ts';
import { MemoryMailer } from '../support/fakes.ts';
import { createHttp } from '../../functions/api/http.ts';
import { createRuntime } from '../../functions/runtime.ts';
import { LOCAL_DYNAMODB_CLIENT } from '../../infra/local/dynamodb-local.ts';
import { freshRuntime, PUBLIC_URL, signIn } from '../support/local-runtime.ts';

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let mailer: MemoryMailer;

beforeEach(async () => {
  mailer = new MemoryMailer();
  runtime = await freshRuntime({ mailer });
  await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
  await runtime.users.create('system', { email: 'tat@soyte79.vn', name: 'Người đã nghỉ', unit: '79', role: 'reporter' });
  await runtime.users.setStatus('system', 'tat@soyte79.vn', 'disabled');
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  runtime.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function requestCode(email: string, client = 'client-a') {
  const res = await post('/api/auth/code', { email }, { 'x-test-client': client });
  return { res, body: (await res.json()) as { attemptId: string; message: string } };
}

/** The code from the newest email to `email`. */
function lastCode(email: string): string {
  const mail = mailer.sent.filter((m) => m.to.includes(email)).at(-1);
  const code = /(\d{6})/.exec(mail?.subject ?? '')?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

const verify = (attemptId: string, code: string, client = 'client-a') =>
  post('/api/auth/verify', { attemptId, code }, { 'x-test-client': client });

describe('requesting a code', () => {
  test('unknown, disabled and known addresses get the same answer; only the known one gets mail', async () => {
    const answers = [];
    for (const email of ['lan@soyte79.vn', 'khongco@soyte79.vn', 'tat@soyte79.vn']) {
      const { res, body } = await requestCode(email);
      answers.push({ status: res.status, keys: Object.keys(body).sort(), message: body.message, idLength: body.attemptId.length });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(200);
    expect(mailer.sent.map((m) => m.to)).toEqual([['lan@soyte79.vn']]);
  });

  test('the code is 6 digits, mailed with its expiry, and stored only as a keyed hash bound to the attempt', async () => {
    const { body } = await requestCode('  LAN@soyte79.vn ');
    const code = lastCode('lan@soyte79.vn');
    expect(code).toMatch(/^\d{6}$/);
    expect(mailer.sent[0]!.text).toContain('đến 10:10 19/07/2021');
    const stored = await runtime.authStore.getLogin(body.attemptId);
    expect(stored).toMatchObject({ email: 'lan@soyte79.vn', tries: 0, expiresAt: '2021-07-19T03:10:00.000Z' });
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored!.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a malformed address is a 400 on the email field', async () => {
    const { res, body } = await requestCode('khong-phai-email');
    expect(res.status).toBe(400);
    expect(body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { email: ['Địa chỉ thư điện tử không hợp lệ.'] } } });
  });

  test('an office behind one address: 40 colleagues asking for codes and signing in within a minute all succeed', async () => {
    const colleagues = Array.from({ length: 40 }, (_, i) => `canbo${i}@soyte79.vn`);
    await Promise.all(colleagues.map((email) => runtime.users.create('system', { email, name: 'Cán bộ', unit: '79', role: 'reporter' })));
    const statuses = await Promise.all(
      colleagues.map(async (email) => {
        const { res, body } = await requestCode(email, 'office');
        // A typo first, as people do, then the right code.
        const typo = await verify(body.attemptId, lastCode(email) === '000000' ? '111111' : '000000', 'office');
        return [res.status, typo.status, (await verify(body.attemptId, lastCode(email), 'office')).status];
      }),
    );
    expect(statuses).toEqual(colleagues.map(() => [200, 400, 200]));
  });

  test('a spent mail budget refuses nothing: no new mail, earlier codes still work, and a new attempt takes the last code mailed', async () => {
    const owner = await requestCode('lan@soyte79.vn', 'owner');
    const ownersCode = lastCode('lan@soyte79.vn');
    // Someone else spends the address's budget of 5 mails, and asks on.
    for (let i = 0; i < 4; i++) await requestCode('lan@soyte79.vn', `stranger-${i}`);
    const over = await requestCode('lan@soyte79.vn', 'stranger-9');
    expect(mailer.sent).toHaveLength(5);
    expect(over.res.status).toBe(200);
    expect(Object.keys(over.body).sort()).toEqual(Object.keys(owner.body).sort());
    expect(over.body.message).toBe(owner.body.message);

    // The owner asks again: no mail comes, and the newest code in the inbox opens the new attempt.
    const again = await requestCode('lan@soyte79.vn', 'owner');
    expect(again.res.status).toBe(200);
    expect(mailer.sent).toHaveLength(5);
    expect((await verify(again.body.attemptId, lastCode('lan@soyte79.vn'), 'owner')).status).toBe(200);
    // The code of the owner's first request was not invalidated by the strangers.
    expect((await verify(owner.body.attemptId, ownersCode, 'owner')).status).toBe(200);

    // The budget is counted per code lifetime: 10 minutes later a new code is mailed.
    runtime.clock.set(new Date('2021-07-19T03:10:00Z'));
    expect((await requestCode('lan@soyte79.vn', 'owner')).res.status).toBe(200);
    expect(mailer.sent).toHaveLength(6);
  });

  test('over the mail budget, one client gets only 5 attempts that take the last code; others still get theirs', async () => {
    for (let i = 0; i < 5; i++) await requestCode('lan@soyte79.vn', 'stranger');
    const code = lastCode('lan@soyte79.vn');
    const attempts = [];
    for (let i = 0; i < 7; i++) attempts.push((await requestCode('lan@soyte79.vn', 'stranger')).body.attemptId);
    const opened = [];
    for (const id of attempts) opened.push((await verify(id, code, 'stranger')).status);
    expect(opened).toEqual([200, 200, 200, 200, 200, 400, 400]);
    // The owner's network has its own share: a stranger cannot use it up.
    const owner = await requestCode('lan@soyte79.vn', 'owner');
    expect((await verify(owner.body.attemptId, code, 'owner')).status).toBe(200);
    expect(mailer.sent).toHaveLength(5);
  });

  test('too many code requests from one client address: a 429 that says why and when, with Retry-After', async () => {
    const limited = await freshRuntime({ mailer, limits: { ...DEFAULT_LIMITS, codesPerClient: 3 } });
    // 7½ minutes into a 15-minute window.
    limited.clock.set(new Date('2021-07-19T03:07:30Z'));
    const ask = (email: string) =>
      limited.app.request('/api/auth/code', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-client': 'office' }, body: JSON.stringify({ email }) });
    for (let i = 0; i < 3; i++) expect((await ask(`nguoi${i}@soyte79.vn`)).status).toBe(200);
    const refused = await ask('nguoi3@soyte79.vn');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('450');
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/^Địa chỉ mạng này vừa gửi rất nhiều yêu cầu mã đăng nhập/);
    expect(error.message).toContain('thử lại sau khoảng 8 phút');
    expect(error.message).not.toMatch(/\bBạn\b/);
    // Another address is not affected, and the next window opens on time.
    expect((await limited.app.request('/api/auth/code', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-client': 'elsewhere' }, body: JSON.stringify({ email: 'nguoi3@soyte79.vn' }) })).status).toBe(200);
    limited.clock.set(new Date('2021-07-19T03:15:00Z'));
    expect((await ask('nguoi3@soyte79.vn')).status).toBe(200);
  });
});

describe('verifying a code', () => {
  test('the right code opens a session in an HttpOnly, SameSite=Lax cookie for the whole site', async () => {
    const { body } = await requestCode('lan@soyte79.vn');
    const res = await verify(body.attemptId, lastCode('lan@soyte79.vn'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', role: 'reporter', unit: { code: '79', name: 'Thành phố Hồ Chí Minh', kind: 'province' } } });
    const cookie = res.headers.get('set-cookie')!;
    // Plain-HTTP local runs drop Secure and the __Host- prefix (see the HTTPS case below).
    expect(cookie).toMatch(/^baocao=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = await runtime.app.request('/api/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(await me.json()).toMatchObject({ user: { email: 'lan@soyte79.vn' } });
  });

  test('a code is single use', async () => {
    const { body } = await requestCode('lan@soyte79.vn');
    const code = lastCode('lan@soyte79.vn');
    expect((await verify(body.attemptId, code)).status).toBe(200);
    const again = await verify(body.attemptId, code);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: { code: 'INVALID_CODE', message: 'Mã đăng nhập không đúng hoặc đã hết hạn.' } });
  });

  test('a code expires after 10 minutes', async () => {
    const { body } = await requestCode('lan@soyte79.vn');
    runtime.clock.set(new Date('2021-07-19T03:10:00Z'));
    expect(await (await verify(body.attemptId, lastCode('lan@soyte79.vn'))).json()).toMatchObject({ error: { code: 'INVALID_CODE' } });
  });

  test('a code is bound to the attempt that asked for it', async () => {
    const first = await requestCode('lan@soyte79.vn');
    const firstCode = lastCode('lan@soyte79.vn');
    const second = await requestCode('lan@soyte79.vn');
    expect((await verify(second.body.attemptId, firstCode)).status).toBe(firstCode === lastCode('lan@soyte79.vn') ? 200 : 400);
    expect((await verify(first.body.attemptId, firstCode)).status).toBe(200);
  });

  test('five wrong tries kill the attempt, even for the right code afterwards', async () => {
    const { body } = await requestCode('lan@soyte79.vn');
    const right = lastCode('lan@soyte79.vn');
    const wrong = right === '000000' ? '111111' : '000000';
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(((await (await verify(body.attemptId, wrong)).json()) as { error: { code: string } }).error.code);
    expect(codes).toEqual(['INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'ATTEMPT_LOCKED']);
    expect(await (await verify(body.attemptId, right)).json()).toEqual({
      error: { code: 'ATTEMPT_LOCKED', message: 'Bạn đã nhập sai mã quá 5 lần. Vui lòng yêu cầu mã mới.' },
    });
  });

  test('tries are limited per client across attempts, with a 429 that says when to try again', async () => {
    const limited = await freshRuntime({ mailer, limits: { ...DEFAULT_LIMITS, triesPerClient: 3 } });
    limited.clock.set(new Date('2021-07-19T03:14:01Z'));
    const tries = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await limited.app.request('/api/auth/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-client': 'guesser' },
        body: JSON.stringify({ attemptId: `fake-${i}`, code: '123456' }),
      });
      tries.push(last.status);
    }
    expect(tries).toEqual([400, 400, 400, 429]);
    expect(last!.headers.get('retry-after')).toBe('59');
    expect(((await last!.json()) as { error: { message: string } }).error.message).toMatch(/^Địa chỉ mạng này vừa gửi rất nhiều lượt nhập mã.*thử lại sau khoảng 1 phút\.$/);
  });

  test('a disabled user cannot sign in even with a valid code', async () => {
    const { body } = await requestCode('lan@soyte79.vn');
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'disabled');
    expect(await (await verify(body.attemptId, lastCode('lan@soyte79.vn'))).json()).toMatchObject({ error: { code: 'INVALID_CODE' } });
  });
});

describe('sessions', () => {
  test('logout ends the session at once and clears the cookie', async () => {
    const cookie = await signIn(runtime, { role: 'reporter', unit: '79' });
    const out = await runtime.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^baocao=; Max-Age=0/);
    const me = await runtime.app.request('/api/me', { headers: { cookie } });
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập để tiếp tục.' } });
  });

  test('disabling a user ends their open sessions at once', async () => {
    const cookie = await signIn(runtime, { email: 'lan@soyte79.vn', role: 'reporter', unit: '79' });
    expect((await runtime.app.request('/api/me', { headers: { cookie } })).status).toBe(200);
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'disabled');
    expect((await runtime.app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });

  test('a session expires after 12 hours; each login gets a new token', async () => {
    const a = await signIn(runtime, { role: 'reporter', unit: '79' });
    const b = await signIn(runtime, { role: 'reporter', unit: '79' });
    expect(a).not.toBe(b);
    runtime.clock.set(new Date('2021-07-19T15:00:00Z'));
    expect((await runtime.app.request('/api/me', { headers: { cookie: a } })).status).toBe(401);
  });

  test('over HTTPS the cookie is __Host- prefixed and Secure', async () => {
    const https = createHttp(
      createRuntime({
        registry: { list: () => runtime.service.forms(), get: (id) => runtime.service.forms().find((f) => f.id === id), outputs: () => undefined },
        tableName: runtime.tableName,
        dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: inject('dynamodbEndpoint') },
        mailer,
        publicUrl: 'https://baocao.example.gov.vn',
        recipients: {},
        clock: runtime.clock,
      }),
      { authSecret: 'x'.repeat(32) },
    );
    const code = await https.app.request('/api/auth/code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lan@soyte79.vn' }) });
    const { attemptId } = (await code.json()) as { attemptId: string };
    const res = await https.app.request('/api/auth/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ attemptId, code: lastCode('lan@soyte79.vn') }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-baocao=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Domain=');
  });
});

describe('browser protections', () => {
  test('a state-changing request from another origin is refused before anything happens', async () => {
    const res = await post('/api/auth/code', { email: 'lan@soyte79.vn' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'CROSS_ORIGIN', message: 'Yêu cầu từ trang web khác bị từ chối.' } });
    const site = await post('/api/auth/code', { email: 'lan@soyte79.vn' }, { 'sec-fetch-site': 'cross-site' });
    expect(site.status).toBe(403);
    expect(mailer.sent).toHaveLength(0);
    expect((await post('/api/auth/code', { email: 'lan@soyte79.vn' }, { origin: PUBLIC_URL })).status).toBe(200);
  });

  test('bodies must be JSON: 415 otherwise', async () => {
    const res = await runtime.app.request('/api/auth/code', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=lan@soyte79.vn',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Dữ liệu phải được gửi dưới dạng JSON.' } });
  });

  test('every API response carries the security headers, errors included', async () => {
    for (const res of [await runtime.app.request('/api/forms'), await runtime.app.request('/api/me'), await runtime.app.request('/api/khong-co')]) {
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
