/**
 * A request authenticates with one read: the session item carries what
 * authorisation needs, and every change of a user reaches their sessions in the
 * same operation. Calls are counted by SDK middleware on the document client.
 */
import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, test } from 'vitest';
import { sessionKey } from '../../functions/adapters/dynamodb/keys.ts';
import { countCalls, freshRuntime, signIn } from '../support/local-runtime.ts';

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let calls: string[];

beforeEach(async () => {
  runtime = await freshRuntime();
  calls = countCalls(runtime.db);
});

const me = (cookie: string) => runtime.app.request('/api/me', { headers: { cookie } });

describe('one read per request', () => {
  test('GET /api/me reads the session item and nothing else once the org units are cached', async () => {
    const cookie = await signIn(runtime, { email: 'lan@soyte79.vn', role: 'reporter', unit: '79' });
    expect((await me(cookie)).status).toBe(200);
    calls.length = 0;
    const res = await me(cookie);
    expect(await res.json()).toMatchObject({ user: { email: 'lan@soyte79.vn', role: 'reporter', unit: { code: '79' } } });
    expect(calls).toEqual(['GetItemCommand']);
  });
});

async function openSessions(email: string, n: number): Promise<string[]> {
  const cookies: string[] = [];
  // In small groups: one user's sign-ins all bump the same item, as a burst of logins would.
  for (let i = 0; i < n; i += 10) {
    cookies.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, async () => `baocao=${await runtime.auth.openSession(email)}`))));
  }
  return cookies;
}

const whoAmI = async (cookie: string) => {
  const res = await me(cookie);
  return res.status === 200 ? ((await res.json()) as { user: { role: string; name: string; unit: { code: string } } }).user : res.status;
};

describe('a change of the user reaches every open session at once', () => {
  test('a new role, unit and name by import hold on all 60 open sessions with the next request', async () => {
    await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
    const cookies = await openSessions('lan@soyte79.vn', 60);
    expect(await runtime.users.importCsv('system', 'lan@soyte79.vn,Trần Thị Lan (Phó GĐ),70,official')).toEqual({ created: 0, updated: 1 });
    const seen = new Set((await Promise.all(cookies.map(whoAmI))).map((u) => JSON.stringify(u)));
    expect([...seen].map((u) => JSON.parse(u) as unknown)).toEqual([
      { email: 'lan@soyte79.vn', name: 'Trần Thị Lan (Phó GĐ)', role: 'official', unit: { code: '70', name: 'Tỉnh Bình Phước', kind: 'province' } },
    ]);
  });

  test('disabling a user with more sessions than one transaction holds ends all of them, and a re-enable revives none', async () => {
    await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
    // 60 sessions to delete are 120 items besides the user: over the 100 of a TransactWrite.
    const cookies = await openSessions('lan@soyte79.vn', 60);
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'disabled');
    expect(new Set(await Promise.all(cookies.map(async (c) => (await me(c)).status)))).toEqual(new Set([401]));
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'active');
    expect(new Set(await Promise.all(cookies.map(async (c) => (await me(c)).status)))).toEqual(new Set([401]));
    expect((await me(`baocao=${await runtime.auth.openSession('lan@soyte79.vn')}`)).status).toBe(200);
  });

  test('sessions opening while the user is disabled: none survives the disable', async () => {
    await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
    for (let trial = 0; trial < 3; trial++) {
      if (trial > 0) await runtime.users.setStatus('system', 'lan@soyte79.vn', 'active');
      const opening = Array.from({ length: 24 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i)).then(() => runtime.auth.openSession('lan@soyte79.vn').then((t) => `baocao=${t}`, () => undefined)),
      );
      const disabling = new Promise((resolve) => setTimeout(resolve, 8)).then(() => runtime.users.setStatus('system', 'lan@soyte79.vn', 'disabled'));
      const [cookies] = await Promise.all([Promise.all(opening), disabling]);
      const opened = cookies.filter((c): c is string => c !== undefined);
      expect(opened.length).toBeGreaterThan(0);
      expect(new Set(await Promise.all(opened.map(async (c) => (await me(c)).status)))).toEqual(new Set([401]));
    }
  });

  test('a session logged out meanwhile is not written back by a change of its user', async () => {
    await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
    const [kept, gone] = await openSessions('lan@soyte79.vn', 2);
    // The session item is gone but its listing under the user is left, as an interrupted logout or TTL would leave it.
    const goneHash = createHash('sha256').update(gone!.slice('baocao='.length)).digest('hex');
    await runtime.db.send(new DeleteCommand({ TableName: runtime.tableName, Key: sessionKey(goneHash) }));
    await runtime.users.importCsv('system', 'lan@soyte79.vn,Trần Thị Lan,79,official');
    expect(await whoAmI(kept!)).toMatchObject({ role: 'official' });
    expect((await runtime.db.send(new GetCommand({ TableName: runtime.tableName, Key: sessionKey(goneHash), ConsistentRead: true }))).Item).toBeUndefined();
    expect((await me(gone!)).status).toBe(401);
  });

  test('logout deletes the session and its listing under the user', async () => {
    await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
    const [cookie] = await openSessions('lan@soyte79.vn', 1);
    const listed = async () =>
      (await runtime.db.send(new QueryCommand({ TableName: runtime.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'SESSIONS#lan@soyte79.vn' } }))).Items ?? [];
    expect(await listed()).toHaveLength(1);
    await runtime.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: cookie!, 'content-type': 'application/json' }, body: '{}' });
    expect(await listed()).toEqual([]);
  });
});

describe('opening a session', () => {
  test('a session copying the user as they were before a change is refused, so a sign-in racing a change cannot store a stale copy', async () => {
    await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
    const copy = {
      tokenHash: 'a'.repeat(64),
      email: 'lan@soyte79.vn',
      name: 'Trần Thị Lan',
      role: 'reporter' as const,
      unit: '79',
      status: 'active' as const,
      createdAt: '2021-07-19T03:00:00.000Z',
      expiresAt: '2021-07-19T15:00:00.000Z',
      generation: 0,
    };
    await runtime.users.importCsv('system', 'lan@soyte79.vn,Trần Thị Lan,79,official');
    expect(await runtime.authStore.createSession(copy)).toBe(false);
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'disabled');
    await runtime.users.setStatus('system', 'lan@soyte79.vn', 'active');
    // Active again with the same role, but the disable bumped the generation.
    expect(await runtime.authStore.createSession({ ...copy, role: 'official' })).toBe(false);
    expect(await runtime.authStore.getSession(copy.tokenHash)).toBeUndefined();
    expect(await runtime.authStore.createSession({ ...copy, role: 'official', generation: 1 })).toBe(true);
    expect(await runtime.authStore.getSession(copy.tokenHash)).toMatchObject({ role: 'official', generation: 1 });
  });
});
