/**
 * Sign-in by emailed one-time code and sessions, through the API against
 * DynamoDB Local; the mailer keeps what it sends so the test reads the code.
 */
import { beforeEach, describe, expect, inject, test } from 'vitest';
import { MemoryMailer } from '../support/fakes.ts';
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

  test('sends are limited per address and per client, with a Vietnamese 429', async () => {
    for (let i = 0; i < 5; i++) expect((await requestCode('lan@soyte79.vn', `client-${i}`)).res.status).toBe(200);
    const sixth = await requestCode('lan@soyte79.vn', 'client-9');
    expect(sixth.res.status).toBe(429);
    expect(sixth.body).toEqual({ error: { code: 'RATE_LIMITED', message: 'Bạn đã thử quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.' } });
    expect(mailer.sent).toHaveLength(5);
    // The next window opens 15 minutes later.
    runtime.clock.set(new Date('2021-07-19T03:15:00Z'));
    expect((await requestCode('lan@soyte79.vn', 'client-9')).res.status).toBe(200);

    for (let i = 0; i < 20; i++) await requestCode(`nguoi${i}@soyte79.vn`, 'one-client');
    expect((await requestCode('other@soyte79.vn', 'one-client')).res.status).toBe(429);
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

  test('tries are limited per client across attempts', async () => {
    const limited = await freshRuntime({ mailer, limits: { windowMinutes: 15, codesPerEmail: 5, codesPerClient: 20, triesPerClient: 3 } });
    const tries = [];
    for (let i = 0; i < 4; i++) {
      const res = await limited.app.request('/api/auth/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-client': 'guesser' },
        body: JSON.stringify({ attemptId: `fake-${i}`, code: '123456' }),
      });
      tries.push(res.status);
    }
    expect(tries).toEqual([400, 400, 400, 429]);
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
    const https = createRuntime({
      registry: { list: () => runtime.service.forms(), get: (id) => runtime.service.forms().find((f) => f.id === id) },
      tableName: runtime.tableName,
      dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: inject('dynamodbEndpoint') },
      mailer,
      authSecret: 'x'.repeat(32),
      publicUrl: 'https://baocao.example.gov.vn',
      recipients: {},
      clock: runtime.clock,
    });
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
