/**
 * When DynamoDB cannot serve (nothing listening, a frozen server, throttling,
 * its own 5xx), the API says so honestly and quickly: 503, `Retry-After`, a
 * stable code and a Vietnamese message, never a 500 and never a request that
 * hangs for as long as the database does.
 */
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadForms } from '#schemas/registry.ts';
import { DYNAMODB_LIMITS } from '../../functions/adapters/dynamodb/client.ts';
import { MemoryMailer } from '../support/fakes.ts';
import { createHttp } from '../../functions/api/http.ts';
import { createRuntime } from '../../functions/runtime.ts';
import { LOCAL_DYNAMODB_CLIENT } from '../../infra/local/dynamodb-local.ts';
import { freePort } from '../../infra/local/ports.ts';

const PUBLIC_URL = 'http://127.0.0.1:9';

async function apiOn(endpoint: string) {
  const runtime = createRuntime({
    registry: await loadForms(),
    tableName: 'reporting',
    // Production's limits: only the address and credentials of the local client.
    dynamodb: { region: LOCAL_DYNAMODB_CLIENT.region, credentials: LOCAL_DYNAMODB_CLIENT.credentials, endpoint },
    mailer: new MemoryMailer(),
    publicUrl: PUBLIC_URL,
    recipients: {},
  });
  return { ...runtime, ...createHttp(runtime, { authSecret: randomBytes(32).toString('base64url') }) };
}

/** What every request that needs the table answers while it is unavailable. */
async function expectUnavailable(runtime: Awaited<ReturnType<typeof apiOn>>) {
  const requests: Array<[string, RequestInit]> = [
    ['/api/me', { headers: { cookie: 'baocao=some-session' } }],
    [
      '/api/forms/971-nhan-luc-y-te/periods/2021-07-20/units/79',
      { method: 'PUT', headers: { cookie: 'baocao=some-session', origin: PUBLIC_URL, 'content-type': 'application/json' }, body: '{"data":{}}' },
    ],
  ];
  for (const [path, init] of requests) {
    const response = await runtime.app.request(path, init);
    expect({ path, status: response.status }).toEqual({ path, status: 503 });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.message).toMatch(/tạm thời gián đoạn.*thử lại/);
  }
}

describe('DynamoDB unavailable', () => {
  test('nothing listening at its address: 503 with Retry-After at once', async () => {
    const runtime = await apiOn(`http://127.0.0.1:${await freePort()}`);
    const started = Date.now();
    await expectUnavailable(runtime);
    expect(Date.now() - started).toBeLessThan(3_000);
    runtime.db.destroy();
  });

  describe('a frozen database that accepts connections and never answers', () => {
    let server: Server;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    test('a request gets its 503 within seconds, not when the database wakes up', async () => {
      const runtime = await apiOn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const started = Date.now();
      const response = await runtime.app.request('/api/me', { headers: { cookie: 'baocao=some-session' } });
      const elapsed = Date.now() - started;
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('10');
      // Two attempts of at most requestTimeout each, plus a short backoff.
      expect(elapsed).toBeGreaterThanOrEqual(DYNAMODB_LIMITS.requestTimeoutMs * DYNAMODB_LIMITS.maxAttempts - 100);
      expect(elapsed).toBeLessThan(DYNAMODB_LIMITS.requestTimeoutMs * DYNAMODB_LIMITS.maxAttempts + 2_000);
      runtime.db.destroy();
    });
  });

  describe('the service answers with throttling or its own errors', () => {
    let server: HttpServer;
    let answer: { status: number; type: string } = { status: 400, type: 'ProvisionedThroughputExceededException' };
    let calls = 0;
    beforeAll(async () => {
      // DynamoDB's JSON protocol, as the service sends these errors; DynamoDB Local never throttles.
      server = createHttpServer((req, res) => {
        calls++;
        req.resume().on('end', () => {
          res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `r${calls}` });
          res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${answer.type}`, message: 'simulated' }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    test.each([
      [400, 'ProvisionedThroughputExceededException', '5'],
      [400, 'ThrottlingException', '5'],
      [500, 'InternalServerError', '10'],
      [503, 'ServiceUnavailable', '10'],
    ])('%i %s: 503 with Retry-After %s, after the SDK retried once', async (status, type, retryAfter) => {
      answer = { status, type };
      calls = 0;
      const runtime = await apiOn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await expectUnavailable(runtime);
      const response = await runtime.app.request('/api/me', { headers: { cookie: 'baocao=some-session' } });
      expect(response.headers.get('retry-after')).toBe(retryAfter);
      expect(calls).toBe(3 * DYNAMODB_LIMITS.maxAttempts);
      runtime.db.destroy();
    });

    test('a request the service refuses as invalid is a bug of ours (500, logged), not an outage', async () => {
      answer = { status: 400, type: 'ValidationException' };
      const runtime = await apiOn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const response = await runtime.app.request('/api/me', { headers: { cookie: 'baocao=some-session' } });
      expect(response.status).toBe(500);
      runtime.db.destroy();
    });
  });
});
