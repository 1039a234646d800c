/**
 * The whole platform on one machine: DynamoDB Local, the SMTP sink, the API and
 * the web build on one port, and the scheduler. `npm start` and the browser
 * tests both start it through here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { loadForms, type FormRegistry } from '#schemas/registry.ts';
import { createSmtpMailer } from '../../functions/adapters/mail/nodemailer-mailer.ts';
import { systemClock, type Clock } from '../../functions/core/ports.ts';
import { roundSchedules } from '../../functions/core/schedules.ts';
import { createRuntime, type Runtime } from '../../functions/runtime.ts';
import { createJobRunners } from '../../functions/jobs/runners.ts';

type JobRunners = ReturnType<typeof createJobRunners>;
import { ensureTable, LOCAL_DYNAMODB_CLIENT, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { readSeedOrgUnits } from '#schemas/data/seed.ts';
import { startScheduler, type LocalScheduler } from './scheduler.ts';
import { freePort } from './ports.ts';
import { PAGE_SECURITY_HEADERS, securityHeaders } from '../../functions/api/security.ts';
import { apartRoutes } from '../../functions/api/apart-routes.ts';
import { createHttp, type Http } from '../../functions/api/http.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { GENERIC_FORM_PAGE } from '../aws/web-routing.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const TABLE_NAME = 'reporting';
export const LOCAL_SENDER = 'He thong bao cao <bao-cao@baocao.local>';

/** Local stand-in addresses for the roles forms name as recipients. */
export function localRecipients(registry: FormRegistry): Record<string, string[]> {
  const keys = new Set(registry.list().flatMap((f) => f.summary.recipients.map((r) => r.key)));
  return Object.fromEntries([...keys].map((key) => [key, [`${key}@baocao.local`]]));
}

export interface PlatformOptions {
  /** Login codes are hashed with it; a fresh one per start is fine (codes live 10 minutes). */
  authSecret?: string;
  /** 0 picks a free port. */
  port: number;
  /** Keeps DynamoDB data here across restarts; in memory when absent. */
  dbPath?: string;
  mailDir: string;
  webDir?: string;
  registry?: FormRegistry;
  clock?: Clock;
  scheduler?: boolean;
  log?: (line: string) => void;
}

export interface Platform {
  url: string;
  runtime: Runtime & Http;
  db: DynamoDbLocal;
  sink: SmtpSink;
  scheduler?: LocalScheduler;
  seeded: { written: number; unchanged: number };
  runSummary: ReturnType<JobRunners['summaryJob']>;
  runReminder: ReturnType<JobRunners['reminderJob']>;
  stop(): Promise<void>;
}

/** Serves the static web build: prerendered pages by name, other paths get the SPA fallback. */
function webApp(webDir: string): Hono {
  const web = new Hono();
  const fallback = ['200.html', 'index.html'].map((f) => join(webDir, f)).find((f) => existsSync(f));
  web.use(securityHeaders(PAGE_SECURITY_HEADERS));
  web.use(
    '*',
    serveStatic({
      root: webDir,
      rewriteRequestPath: (path) => {
        if (/\.[a-z0-9]+$/i.test(path)) return path;
        if (existsSync(join(webDir, path, 'index.html'))) return path;
        if (existsSync(join(webDir, `${path}.html`))) return `${path}.html`;
        // A form added after the web was built: the generic form page loads its description from the API.
        if (/^\/bao-cao\/[a-z0-9-]+\/?$/.test(path)) return GENERIC_FORM_PAGE;
        return path;
      },
    }),
  );
  web.get('*', (c) => {
    // A missing asset is a 404; any other path is a page the client router may know.
    if (/\.[a-z0-9]+$/i.test(c.req.path) || !fallback) return c.text('Không tìm thấy.', 404);
    return c.html(readFileSync(fallback, 'utf8'));
  });
  return web;
}

/**
 * Serves an app on 127.0.0.1. A request refused before its body was read (413)
 * is answered with `Connection: close`: @hono/node-server would otherwise drain
 * the rest of the body for 0.5 s and then destroy the socket, under whatever
 * request the client had sent next on that kept-alive connection.
 * @example const server = await listen(app, 0)
 */
export async function listen(app: { fetch: (request: Request, env: unknown) => Response | Promise<Response> }, port: number): Promise<ServerType> {
  // The Node bindings (env) go along: getConnInfo reads the client address from them.
  const fetch = async (request: Request, env: unknown) => {
    const response = await app.fetch(request, env);
    if (response.status === 413) response.headers.set('Connection', 'close');
    return response;
  };
  return new Promise<ServerType>((resolveListening, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolveListening(server));
    server.once('error', reject);
  });
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const log = options.log ?? (() => {});
  const registry = options.registry ?? (await loadForms());
  const db = await startDynamoDbLocal(options.dbPath ? { dbPath: options.dbPath } : {});
  let sink: SmtpSink | undefined;
  let server: ServerType | undefined;
  try {
    sink = await startSmtpSink({ dir: options.mailDir });
    // The URL is the allowed origin of writes, so the port is fixed before the app is made.
    const port = options.port || (await freePort());
    const url = `http://127.0.0.1:${port}`;
    // The scheduler runs the jobs of the runtime it is part of: bound once the runtime exists.
    const jobs: { summary?: (e: { roundId: string }) => Promise<unknown>; reminder?: (e: { roundId: string }) => Promise<unknown> } = {};
    const scheduler =
      options.scheduler === false
        ? undefined
        : startScheduler({ clock: options.clock ?? systemClock, run: (entry) => jobs[entry.job]!({ roundId: entry.roundId }), log });
    const services = createRuntime({
      registry,
      tableName: TABLE_NAME,
      dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: db.endpoint },
      mailer: createSmtpMailer({ host: sink.host, port: sink.port, from: LOCAL_SENDER }),
      publicUrl: url,
      recipients: localRecipients(registry),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(scheduler ? { scheduler } : {}),
    });
    const runtime = {
      ...services,
      ...createHttp(services, {
        authSecret: options.authSecret ?? randomBytes(32).toString('base64url'),
        clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
        ...apartRoutes(services),
      }),
    };
    await ensureTable(runtime.db, TABLE_NAME);
    const seeded = await runtime.orgUnits.upsertAll(readSeedOrgUnits());

    const root = new Hono();
    root.route('/', runtime.app);
    root.route('/', webApp(options.webDir ?? join(REPO_ROOT, 'web/build')));
    server = await listen(root, port);

    const runners = createJobRunners(runtime);
    const runSummary = runners.summaryJob();
    const runReminder = runners.reminderJob();
    jobs.summary = runSummary;
    jobs.reminder = runReminder;
    // Every stored round's schedules (the seed forms' rounds included). Rounds opened through this server's API
    // are synced at once; ones another process stored (`npm run demo`) are picked up by a look every 30 s.
    const followRounds = async () => {
      if (scheduler) for (const round of await runtime.service.rounds()) await scheduler.sync(round.id, roundSchedules(round));
    };
    await followRounds();
    const roundWatch = scheduler ? setInterval(() => void followRounds().catch((error: unknown) => log(`[lịch] không đọc được các đợt báo cáo: ${String(error)}`)), 30_000) : undefined;
    roundWatch?.unref();

    const started = { db, sink, server };
    return {
      url,
      runtime,
      db,
      sink,
      seeded,
      runSummary,
      runReminder,
      ...(scheduler ? { scheduler } : {}),
      async stop() {
        clearInterval(roundWatch);
        scheduler?.stop();
        await new Promise<void>((r) => (started.server ? started.server.close(() => r()) : r()));
        runtime.db.destroy();
        await started.sink.stop();
        await started.db.stop();
      },
    };
  } catch (error) {
    server?.close();
    await sink?.stop();
    await db.stop();
    throw error;
  }
}
