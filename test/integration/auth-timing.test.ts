/**
 * A code request takes the same time whether the address belongs to an active
 * user, a disabled one or no one: measured through the HTTP app, with the mail
 * going over SMTP to the real sink made slow.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSmtpMailer } from '../../functions/adapters/mail/nodemailer-mailer.ts';
import { createAuthService } from '../../functions/core/auth.ts';
import { startSmtpSink, type SmtpSink } from '../../infra/local/smtp-sink.ts';
import { freshRuntime } from '../support/local-runtime.ts';

/** The sink's delay stands in for a slow mail service; the floor is above it, as in production (1 s). */
const SEND_DELAY_MS = 250;
const FLOOR_MS = 600;
const ROUNDS = 5;

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ dir: mkdtempSync(join(tmpdir(), 'mail-')), delayMs: SEND_DELAY_MS });
});
afterAll(() => sink.stop());

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function platform(floorMs = FLOOR_MS) {
  const runtime = await freshRuntime({ mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'baocao@test.local' }), codeAnswerFloorMs: floorMs });
  await runtime.users.create('system', { email: 'lan@soyte79.vn', name: 'Trần Thị Lan', unit: '79', role: 'reporter' });
  await runtime.users.create('system', { email: 'tat@soyte79.vn', name: 'Người đã nghỉ', unit: '79', role: 'reporter' });
  await runtime.users.setStatus('system', 'tat@soyte79.vn', 'disabled');
  return runtime;
}

describe('code requests take the same time for every address', () => {
  test('active, unknown and disabled addresses: medians differ by far less than the send takes', async () => {
    const runtime = await platform();
    const before = sink.messages().length;
    const times: Record<string, number[]> = { 'lan@soyte79.vn': [], 'khongco@soyte79.vn': [], 'tat@soyte79.vn': [] };
    for (let round = 0; round < ROUNDS; round++) {
      // A new code lifetime each round, so every active request is mailed.
      runtime.clock.set(new Date(Date.UTC(2021, 6, 19, 3, 10 * round)));
      for (const email of Object.keys(times)) {
        const started = performance.now();
        const res = await runtime.app.request('/api/auth/code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
        expect(res.status).toBe(200);
        times[email]!.push(performance.now() - started);
      }
    }
    // Every active request was mailed, through the slow sink, before its answer.
    expect(sink.messages().length - before).toBe(ROUNDS);
    const [active, unknown, disabled] = Object.values(times).map(median);
    expect(active!).toBeGreaterThanOrEqual(FLOOR_MS);
    expect(Math.abs(active! - unknown!)).toBeLessThan(SEND_DELAY_MS / 4);
    expect(Math.abs(active! - disabled!)).toBeLessThan(SEND_DELAY_MS / 4);
  });

  test('a failed send answers like any other request, and is logged', async () => {
    const runtime = await platform(0);
    const errors: unknown[] = [];
    const auth = createAuthService({
      store: runtime.authStore,
      mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: 'baocao@test.local' }),
      clock: runtime.clock,
      secret: 'x'.repeat(32),
      orgUnits: runtime.service.orgUnits,
      codeAnswerFloorMs: 100,
      log: { warn: (...args: unknown[]) => errors.push(['warn', ...args]), error: (...args: unknown[]) => errors.push(['error', ...args]) },
    });
    sink.failNext(1);
    await expect(auth.requestCode({ email: 'lan@soyte79.vn', client: 'office' })).resolves.toMatchObject({ attemptId: expect.any(String) });
    expect(errors).toEqual([['error', 'login code mail failed', expect.any(Error)]]);
    // A send slower than the floor is reported: the floor must then be raised.
    errors.length = 0;
    await auth.requestCode({ email: 'lan@soyte79.vn', client: 'office' });
    expect(errors).toEqual([['warn', expect.stringMatching(/^login code request took \d+ ms, over the 100 ms floor$/)]]);
  });
});
