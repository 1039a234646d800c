/**
 * The local server (`npm start`, browser tests) over real sockets: an oversize
 * body is refused with 413 and the connection closed cleanly, so the client's
 * next request on its kept-alive agent gets a fresh connection and an answer,
 * instead of a socket destroyed under it half a second later.
 */
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listen } from '../../infra/local/platform.ts';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

let server: ServerType;
let base: string;
let cookie: string;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  const runtime = await freshRuntime();
  cookie = await signIn(runtime, { role: 'reporter', unit: '79' });
  server = await listen(runtime.app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function send(method: string, path: string, body?: string) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, agent, headers: { cookie, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('413 on a kept-alive connection: Connection: close, and the next requests on the same agent succeed', async () => {
  const oversize = JSON.stringify({ data: { note: 'x'.repeat(2 * 1024 * 1024) }, submittedBy: 'x' });
  const refused = await send('PUT', '/api/forms/971-nhan-luc-y-te/periods/2021-07-20/submissions/79', oversize);
  expect(refused.status).toBe(413);
  expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  expect(refused.connection).toBe('close');
  // Sent at once, and again after the 0.5 s the server's body drain used to take before destroying the socket.
  expect((await send('GET', '/api/forms')).status).toBe(200);
  await new Promise((r) => setTimeout(r, 700));
  expect((await send('GET', '/api/forms')).status).toBe(200);
});

test('a body sent without a length (chunked) is counted as it arrives: refused past 256 KB, read whole below', async () => {
  const chunked = (chunks: string[]) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const headers = { cookie, 'content-type': 'application/json', 'transfer-encoding': 'chunked' };
      const req = request(`${base}/api/forms/971-nhan-luc-y-te/periods/2021-07-20/submissions/79`, { method: 'PUT', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      // In parts, chunked: no Content-Length to go by.
      for (const chunk of chunks.slice(0, -1)) req.write(chunk);
      req.end(chunks.at(-1));
    });
  const answer = JSON.stringify({ data: { appliesDirective16: true, need: { doctors: 1, nurses: 2, technicians: 3 }, contact: { name: 'Lê Văn C', phone: '0909 000 111' } }, submittedBy: 'x' });
  const read = await chunked([answer.slice(0, 20), answer.slice(20)]);
  expect(read.status).toBe(201);
  const oversize = JSON.stringify({ data: { note: 'x'.repeat(300 * 1024) }, submittedBy: 'x' });
  const refused = await chunked([oversize.slice(0, 100 * 1024), oversize.slice(100 * 1024, 200 * 1024), oversize.slice(200 * 1024)]);
  expect(refused.status).toBe(413);
  expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
});
