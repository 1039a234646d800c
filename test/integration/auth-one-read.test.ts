/**
 * A request authenticates with one read: the session item carries what
 * authorisation needs, and every change of a user reaches their sessions in the
 * same operation. Calls are counted by SDK middleware on the document client.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let calls: string[];

beforeEach(async () => {
  runtime = await freshRuntime();
  calls = [];
  runtime.db.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
});

const me = (cookie: string) => runtime.app.request('/api/me', { headers: { cookie } });

describe('one read per request', () => {
  test('GET /api/me reads the session item and nothing else once the org units are cached', async () => {
    const cookie = await signIn(runtime, { email: 'lan@soyte79.vn', role: 'reporter', unit: '79' });
    expect((await me(cookie)).status).toBe(200);
    calls = [];
    const res = await me(cookie);
    expect(await res.json()).toMatchObject({ user: { email: 'lan@soyte79.vn', role: 'reporter', unit: { code: '79' } } });
    expect(calls).toEqual(['GetItemCommand']);
  });
});
