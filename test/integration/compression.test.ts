/**
 * API answers are compressed when the client accepts it, on both runtimes: the
 * Node server (a real socket) and Lambda (hono's adapter with an API Gateway
 * v2 event, which must then base64-encode the gzip bytes). Small answers and
 * clients that do not accept gzip get plain JSON.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { ServerType } from '@hono/node-server';
import { handle } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listen } from '../../infra/local/platform.ts';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

const DASHBOARD = '/api/dashboard/971-nhan-luc-y-te';

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let server: ServerType;
let base: string;
let cookie: string;
/** The dashboard as the app answers without compression: what every compressed answer must decode to. */
let plain: unknown;

beforeAll(async () => {
  runtime = await freshRuntime();
  runtime.clock.set(new Date('2021-07-21T03:00:00Z'));
  cookie = await signIn(runtime, { role: 'official', unit: 'VN' });
  server = await listen(runtime.app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const response = await runtime.app.request(DASHBOARD, { headers: { cookie } });
  expect(response.headers.get('content-encoding')).toBeNull();
  plain = await response.json();
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  runtime?.db.destroy();
});

/** A GET over a real socket, the body as the bytes that came over the wire. */
function get(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { cookie, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('on the Node server', () => {
  test('a dashboard asked for with Accept-Encoding: gzip comes back gzip, smaller, and decodes to the same JSON', async () => {
    const response = await get(DASHBOARD, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    const json = gunzipSync(response.body);
    expect(response.body.length).toBeLessThan(json.length / 3);
    expect(JSON.parse(json.toString('utf8'))).toEqual(plain);
  });

  test('a client that accepts no compression gets plain JSON', async () => {
    const response = await get(DASHBOARD, {});
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(response.body.toString('utf8'))).toEqual(plain);
  });

  test('a small answer is sent as it is, even to a client that accepts gzip', async () => {
    const response = await get('/api/me', { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ user: { role: 'official' } });
  });
});

describe('in Lambda', () => {
  type Result = { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean };
  /** An API Gateway v2 (HTTP API) event, as the API's route passes it on. */
  const event = (path: string, headers: Record<string, string>) => {
    const now = new Date();
    return {
      version: '2.0',
      routeKey: 'ANY /api/{proxy+}',
      rawPath: path,
      rawQueryString: '',
      cookies: [cookie],
      headers: { host: 'baocao.example.vn', 'x-forwarded-proto': 'https', ...headers },
      requestContext: {
        accountId: '123456789012',
        apiId: 'standin',
        domainName: 'baocao.example.vn',
        domainPrefix: 'baocao',
        http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
        requestId: 'c0ffee',
        routeKey: 'ANY /api/{proxy+}',
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
      },
      pathParameters: { proxy: path.slice('/api/'.length) },
      isBase64Encoded: false,
    };
  };
  const invoke = async (path: string, headers: Record<string, string>) =>
    (await (handle(runtime.app) as (e: unknown, c: unknown) => Promise<unknown>)(event(path, headers), {})) as Result;

  test('a gzip dashboard is returned base64-encoded with Content-Encoding: gzip, and decodes to the same JSON', async () => {
    const result = await invoke(DASHBOARD, { 'accept-encoding': 'gzip' });
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-encoding']).toBe('gzip');
    expect(result.isBase64Encoded).toBe(true);
    expect(JSON.parse(gunzipSync(Buffer.from(result.body, 'base64')).toString('utf8'))).toEqual(plain);
  });

  test('without Accept-Encoding the body is the JSON text, not base64', async () => {
    const result = await invoke(DASHBOARD, {});
    expect(result.headers['content-encoding']).toBeUndefined();
    expect(result.isBase64Encoded).toBe(false);
    expect(JSON.parse(result.body)).toEqual(plain);
  });
});
