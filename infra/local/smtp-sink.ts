/**
 * A real SMTP server that accepts every message and keeps it as an `.eml`
 * file, so local runs and tests read mail exactly as a mail client would.
 * `failNext(n, skip)` makes n messages fail with a 451 after letting `skip` through, for retry tests;
 * `delayMs` holds each answer to the end of a message that long, like a slow mail server, for timing tests.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  host: string;
  port: number;
  dir: string;
  /** Paths of the kept messages, oldest first. */
  messages(): string[];
  read(path: string): Buffer;
  failNext(count: number, skip?: number): void;
  setDelay(ms: number): void;
  stop(): Promise<void>;
}

export async function startSmtpSink(options: { dir: string; port?: number; delayMs?: number }): Promise<SmtpSink> {
  mkdirSync(options.dir, { recursive: true });
  let delayMs = options.delayMs ?? 0;
  let failures = 0;
  let passBeforeFailing = 0;
  let sequence = readdirSync(options.dir).filter((f) => f.endsWith('.eml')).length;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'local mail sink',
    size: 25 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => (delayMs > 0 ? setTimeout(answer, delayMs) : answer()));
      function answer() {
        if (failures > 0 && passBeforeFailing > 0) passBeforeFailing--;
        else if (failures > 0) {
          failures--;
          const error = Object.assign(new Error('Temporary failure (simulated)'), { responseCode: 451 });
          return callback(error);
        }
        sequence++;
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        writeFileSync(join(options.dir, `${stamp}-${String(sequence).padStart(5, '0')}.eml`), Buffer.concat(chunks));
        callback();
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host: '127.0.0.1',
    port,
    dir: options.dir,
    messages: () =>
      readdirSync(options.dir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .map((f) => join(options.dir, f)),
    read: (path) => readFileSync(path),
    failNext: (count, skip = 0) => {
      failures = count;
      passBeforeFailing = skip;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
