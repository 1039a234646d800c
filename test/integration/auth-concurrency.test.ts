/**
 * Codes and sessions that hold under pressure: a burst of guesses cannot get
 * past the five-try rule, and a disabled user's old sessions stay dead when
 * the user is enabled again. Driven through the HTTP app against DynamoDB Local.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../functions/core/auth.ts';
import { MemoryMailer } from '../support/fakes.ts';
import { freshRuntime } from '../support/local-runtime.ts';

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let mailer: MemoryMailer;

beforeEach(async () => {
  mailer = new MemoryMailer();
  // The per-client limit is not under test here: room for every trial's burst from one client.
  runtime = await freshRuntime({ mailer, limits: { ...DEFAULT_LIMITS, triesPerClient: 1000 } });
  await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  runtime.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function requestCode(email: string): Promise<{ attemptId: string; code: string }> {
  const res = await post('/api/auth/code', { email });
  const { attemptId } = (await res.json()) as { attemptId: string };
  const code = /(\d{6})/.exec(mailer.sent.filter((m) => m.to.includes(email)).at(-1)?.subject ?? '')?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return { attemptId, code };
}

const verify = (attemptId: string, code: string) => post('/api/auth/verify', { attemptId, code });
const errorCode = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code ?? 'OK';

const RIGHT_AT = 60;

describe('a burst of guesses', () => {
  test('80 concurrent wrong guesses, then the right code: no session, and at most 5 tries were ever compared', async () => {
    for (let trial = 0; trial < 2; trial++) {
      const { attemptId, code } = await requestCode('lan@soyte79.vn');
      const wrong = code === '000000' ? '111111' : '000000';
      // The right guess is hidden in the burst, after 60 wrong ones: it is the 61st try, whatever order they are read in.
      const sent = Array.from({ length: 81 }, (_, i) => verify(attemptId, i === RIGHT_AT ? code : wrong));
      const answers = await Promise.all(sent.map(async (r) => errorCode(await r)));
      const afterwards = await errorCode(await verify(attemptId, code));

      expect(answers[RIGHT_AT]).toBe('ATTEMPT_LOCKED');
      expect(afterwards).toBe('ATTEMPT_LOCKED');
      expect(answers.filter((a) => a === 'OK')).toEqual([]);
      // Four wrong tries are told "wrong"; the fifth and every later one "locked".
      expect(answers.filter((a) => a === 'INVALID_CODE')).toHaveLength(4);
      expect((await runtime.authStore.getLogin(attemptId))?.tries).toBe(5);
    }
  });
});

describe('sessions across a disable', () => {
  async function signInByCode(): Promise<string> {
    const { attemptId, code } = await requestCode('lan@soyte79.vn');
    const res = await verify(attemptId, code);
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }
  const me = (cookie: string) => runtime.app.request('/api/me', { headers: { cookie } });

  test('a session opened before a disable stays dead after the user is enabled again; a new sign-in works', async () => {
    const old = await signInByCode();
    expect((await me(old)).status).toBe(200);
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'disabled');
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'active');
    const res = await me(old);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập để tiếp tục.' } });
    const fresh = await signInByCode();
    expect((await me(fresh)).status).toBe(200);
    expect((await me(old)).status).toBe(401);
  });

  test('re-enabling by CSV import does not revive them either', async () => {
    const old = await signInByCode();
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'disabled');
    expect(await runtime.users.importCsv('system', 'lan@soyte79.vn,Trần Thị Lan,79,reporter')).toEqual({ created: 0, updated: 1 });
    expect((await me(old)).status).toBe(401);
    expect((await me(await signInByCode())).status).toBe(200);
  });

  test('enabling an active user, or updating one by import, leaves their sessions open', async () => {
    const cookie = await signInByCode();
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'active');
    await runtime.users.importCsv('system', 'lan@soyte79.vn,Trần Thị Lan,79,official');
    expect(await (await me(cookie)).json()).toMatchObject({ user: { email: 'lan@soyte79.vn', role: 'official' } });
  });
});
