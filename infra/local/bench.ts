/**
 * `npm run bench`: the hot path against the floor DynamoDB allows, each figure
 * measured side by side with its raw DynamoDB counterpart in one run on the
 * official DynamoDB Local (ratios, not absolute times: these machines are
 * shared and noisy). Not a test: it prints figures and the targets of issue 12
 * beside them, and exits 0 either way.
 *
 *   npm run bench [-- --quick] [-- --only=2,5]   (--quick: a tenth of the sizes, for a smoke run; --only: those sections)
 *
 * 1. HTTP PUT (a served app, keep-alive, the base the page sends) p50/p95 vs a
 *    raw 2-item TransactWrite p50; DynamoDB calls per PUT (SDK middleware). The
 *    floor beside it: the PUT's own transaction (session check, status,
 *    revision) sent raw, as the adapter builds it; the same save in process
 *    (no HTTP); and the design the issue sketched (Get the session, then a
 *    2-item write), raw.
 * 2. 3294 day 31 vs day 1 PUT (the history rule reads one running item).
 * 3. 10,000 PUTs with 16 in flight (625 units × 16 amendments) vs 10,000 raw
 *    PutItems with 16 in flight: rate ratio, errors, stored counts; and the
 *    PUT's own transaction sent raw at the same pace (the floor), and raw
 *    2-item TransactWrites (what any atomic status + revision write allows).
 * 4. Summary of 10,000 answers vs a bare paginated Query of the same partition.
 * 5. Dashboard of 700 districts × 31 days vs one bare Query of its statuses:
 *    time and JSON bytes.
 * 6. Cold import of the API Lambda bundle vs a hello-world handler that
 *    imports only the DynamoDB document client (fresh node processes).
 */
import { spawnSync } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatchWriteCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import type { AddressInfo } from 'node:net';
import type { OrgUnit } from '#schemas/core/org-unit.ts';
import { deadlineOf, duePeriods } from '#schemas/core/calendar.ts';
import { loadForms } from '#schemas/registry.ts';
import form971 from '#schemas/forms/971-nhan-luc-y-te.ts';
import form3294, { outputs as outputs3294 } from '#schemas/forms/3294-tien-do-tiem-hang-ngay.ts';
import { queryAll } from '../../functions/adapters/dynamodb/store.ts';
import { listCurrentRequest, listStatusesRequest, saveRevisionRequest } from '../../functions/adapters/dynamodb/requests.ts';
import { sessionKey, statusKey } from '../../functions/adapters/dynamodb/keys.ts';
import { buildDashboard } from '../../functions/core/dashboard.ts';
import { buildSummary } from '../../functions/core/summary.ts';
import { createHttp } from '../../functions/api/http.ts';
import { createRuntime } from '../../functions/runtime.ts';
import { BUNDLE, LAMBDA_ENTRIES, REPO_ROOT } from '../aws/bundling.ts';
import { seededRandom, settableClock } from './demo-data.ts';
import { ensureTable, LOCAL_DYNAMODB_CLIENT, startDynamoDbLocal } from './dynamodb-local.ts';
import { listen } from './platform.ts';
import { readSeedOrgUnits } from '#schemas/data/seed.ts';

const quick = process.argv.includes('--quick');
/** `--only=2,5`: those sections alone (for working on one figure; the side-by-side table is the full run's). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').map(Number);
const runs = (section: number) => !only || only.includes(section);
const scale = (n: number) => (quick ? Math.max(1, Math.round(n / 10)) : n);

const ms = (n: number) => `${n.toFixed(2)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows: Array<[string, string, string, string]> = [];
const report = (what: string, figure: string, versus: string, target: string) => {
  rows.push([what, figure, versus, target]);
  console.log(`  ${what}: ${figure} (${versus}) — target ${target}`);
};

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

/** Runs `count` tasks with `inFlight` at a time; the seconds it took and the errors thrown. */
async function pool(count: number, inFlight: number, task: (i: number) => Promise<unknown>): Promise<{ seconds: number; errors: number }> {
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++;
        try {
          await task(i);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, errors };
}

const db = await startDynamoDbLocal();
const server: { close(): void }[] = [];
try {
  const clock = settableClock(new Date('2021-07-19T03:00:00Z'));
  const tableName = `bench-${randomUUID()}`;
  // 10,000 districts of a synthetic province for the 10k runs, 700 more under Bình Phước for 3294's dashboard.
  const bulkProvince: OrgUnit = { code: '990', name: 'Tỉnh thử tải', kind: 'province', parent: 'VN' };
  const bulk = Array.from({ length: scale(10_000) }, (_, i): OrgUnit => ({ code: `99${String(i).padStart(5, '0')}`, name: `Huyện thử ${i + 1}`, kind: 'district', parent: '990' }));
  const binhPhuoc = Array.from({ length: scale(700) - 11 }, (_, i): OrgUnit => ({ code: `98${String(i).padStart(5, '0')}`, name: `Huyện thử Bình Phước ${i + 1}`, kind: 'district', parent: '70' }));
  // 971's answer and summary, every day of October 2021 (3294's round), so each step has a period of its own.
  const bulkForm = { ...form971, id: 'thu-tai-971', reporters: { under: '990', kinds: ['district'] }, period: form3294.period } as unknown as typeof form971;
  const [period1, period3, period4] = ['2021-10-01', '2021-10-02', '2021-10-03'];
  const registry = await loadForms();
  const forms = new Map([...registry.list(), bulkForm].map((f) => [f.id, f]));
  // The bulk form is 971 under another id: its summary is 971's.
  const benchRegistry: typeof registry = { get: (id) => forms.get(id), list: () => [...forms.values()], outputs: (id) => registry.outputs(id === bulkForm.id ? form971.id : id) };
  const runtime = createRuntime({
    registry: benchRegistry,
    tableName,
    dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: db.endpoint },
    // Nothing here mails (no sign-in codes, no summary job).
    mailer: { send: async () => ({ messageId: '<bench@localhost>' }) },
    publicUrl: 'http://127.0.0.1:9',
    recipients: {},
    clock,
  });
  const http = createHttp(runtime, { authSecret: randomBytes(32).toString('base64url'), clientAddress: () => 'bench', routes: {}, codeAnswerFloorMs: 0 });
  const client: DynamoDBDocumentClient = runtime.db;
  await ensureTable(client, tableName);
  console.log('Seeding org units…');
  await runtime.orgUnits.upsertAll([...readSeedOrgUnits(), bulkProvince, ...bulk, ...binhPhuoc]);
  await runtime.service.orgUnits();
  await runtime.service.rounds();

  let calls = 0;
  client.middlewareStack.add((next) => async (args) => ((calls++), next(args)), { step: 'initialize', name: 'countCalls' });

  const listening = await listen(http.app, 0);
  server.push(listening);
  const sessions = new Map<string, string>();
  async function sessionOf(unit: string): Promise<string> {
    const known = sessions.get(unit);
    if (known) return known;
    const email = `bc-${unit}@thu-tai.vn`;
    await runtime.users.create('system', { email, name: `Cán bộ ${unit}`, unit, role: 'reporter' });
    const cookie = `baocao=${await http.auth.openSession(email)}`;
    sessions.set(unit, cookie);
    return cookie;
  }
  // Node's own HTTP client with keep-alive, as the SDK sends the raw calls: the figure is the server's, not fetch's
  // (undici's fetch added ~0.5 ms a request here, a fifth of a raw TransactWrite).
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  server.push({ close: () => agent.destroy() });
  const { port } = listening.address() as AddressInfo;
  function send(path: string, cookie: string, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path, method: 'PUT', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
  async function put(formId: string, period: string, unit: string, data: unknown, base?: { revision: number; firstSubmittedAt?: string }) {
    const response = await send(
      `/api/forms/${formId}/periods/${period}/submissions/${unit}`,
      await sessionOf(unit),
      JSON.stringify({ data, submittedBy: 'Cán bộ thử tải', ...(base ? { base } : {}) }),
    );
    const body = JSON.parse(response.text) as { status?: string; submission?: { revision: number; firstSubmittedAt: string } };
    if (response.status >= 300) throw new Error(`${response.status} ${response.text}`);
    return body.submission!;
  }
  const data971 = (doctors: number) => ({ appliesDirective16: true, need: { doctors, nurses: 30, technicians: 4 }, contact: { name: 'Lê Văn C', phone: '0909 000 111' } });

  // 3294's October round, for sections 2 and 5.
  const days = duePeriods(form3294.period, new Date('2021-12-31T00:00:00Z')).slice(0, 31);

  // ---- 1. HTTP PUT vs raw TransactWrite; calls per PUT.
  console.log('\n1. HTTP PUT vs a raw 2-item TransactWrite');
  const n1 = scale(400);
  const units1 = bulk.slice(0, n1).map((u) => u.code);
  for (const unit of units1) await sessionOf(unit);
  const raw: number[] = [];
  const floor: number[] = [];
  const viaHttp: number[] = [];
  const perPut: number[] = [];
  const sketched: number[] = [];
  const service: number[] = [];
  const rawTransact = (i: number) => {
    const item = { pk: `RAW#${i}`, sk: 'CUR', data: data971(i), revision: 1 };
    return client.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tableName, Item: item } }, { Put: { TableName: tableName, Item: { ...item, sk: 'REV#1' } } }] }));
  };
  // The floor: the PUT's own transaction (session check, status, revision) sent raw, as the adapter builds it.
  // Each checks the session of a unit of its own, as PUTs do (16 writers checking one session item would queue on it).
  const guardOf = async (unit: string) => (await http.auth.authenticateForWrite((await sessionOf(unit)).slice('baocao='.length)))!.guard!;
  const guards = await Promise.all(units1.map(guardOf));
  const guardAt = (i: number) => guards[Math.abs(i) % guards.length]!;
  /** A first answer of unit `U<i>` to `formId`, as a PUT's save builds it. */
  const firstRevision = (formId: string, i: number) => {
    const at = clock.now().toISOString();
    return { formId, period: period1, orgUnit: `U${i}`, revision: 1, schemaVersion: 1, data: data971(i), submittedBy: 'x', submittedAt: at, firstSubmittedAt: at, dataHash: 'h' };
  };
  const ownTransaction = (i: number, guard = guardAt(i)) =>
    client.send(new TransactWriteCommand(saveRevisionRequest(tableName, firstRevision('san-ban', i), { base: { revision: 0 }, session: guard })));
  // The design issue 12 sketched: read the session (one Get), then write status and revision (two items).
  const readThenWrite = async (i: number) => {
    await client.send(new GetCommand({ TableName: tableName, Key: sessionKey(guardAt(i).tokenHash), ConsistentRead: true }));
    return client.send(new TransactWriteCommand(saveRevisionRequest(tableName, firstRevision('san-ban-2', i), { base: { revision: 0 } })));
  };
  // The same save in this process, without HTTP: what the server adds on top of it is the rest of the PUT.
  const inProcess = (i: number, period: string) =>
    runtime.service.putSubmission({ formId: bulkForm.id, period, orgUnit: units1[Math.abs(i) % units1.length]! }, { data: data971(i), submittedBy: 'x', base: { revision: 0 } }, { session: guardAt(i) });
  if (runs(1)) {
    // Warm both paths (DynamoDB Local's JIT, connections) before anything is timed.
    for (let i = 0; i < 200; i++) await rawTransact(-1 - i);
    for (let i = 0; i < 200; i++) await ownTransaction(-1 - i);
    for (let i = 0; i < 200; i++) await readThenWrite(-1 - i);
    for (let i = 0; i < Math.min(200, units1.length); i++) await inProcess(i, '2021-10-06');
    for (const unit of bulk.slice(-Math.min(100, bulk.length)).map((u) => u.code)) await put(bulkForm.id, '2021-10-04', unit, data971(1), { revision: 0 });
    for (let i = 0; i < n1; i++) {
      // Interleaved, so both see the same machine.
      const [, t] = await timed(() => rawTransact(i));
      raw.push(t);
      floor.push((await timed(() => ownTransaction(i)))[1]);
      sketched.push((await timed(() => readThenWrite(i)))[1]);
      service.push((await timed(() => inProcess(i, '2021-10-05')))[1]);
      calls = 0;
      const [, h] = await timed(() => put(bulkForm.id, period1, units1[i]!, data971(i), { revision: 0 }));
      viaHttp.push(h);
      perPut.push(calls);
    }
    report('HTTP PUT p50', ms(pct(viaHttp, 50)), `raw TransactWrite p50 ${ms(pct(raw, 50))}: ${ratio(pct(viaHttp, 50), pct(raw, 50))}`, '≤ 1.5×');
    report('floor: the PUT\'s transaction, raw', ms(pct(floor, 50)), `raw TransactWrite p50: ${ratio(pct(floor, 50), pct(raw, 50))}`, 'what DynamoDB Local allows');
    report('the same save in process, no HTTP', ms(pct(service, 50)), `raw TransactWrite p50: ${ratio(pct(service, 50), pct(raw, 50))}`, 'the rest is the HTTP server and client');
    report('Get session + 2-item write, raw', ms(pct(sketched, 50)), `raw TransactWrite p50: ${ratio(pct(sketched, 50), pct(raw, 50))}`, 'the issue\'s sketch, before HTTP');
    report('HTTP PUT p95', ms(pct(viaHttp, 95)), `raw TransactWrite p95 ${ms(pct(raw, 95))}: ${ratio(pct(viaHttp, 95), pct(raw, 95))}`, '—');
    const tally = [...new Set(perPut)].sort().map((n) => `${n} (${perPut.filter((c) => c === n).length}×)`).join(', ');
    report('DynamoDB calls per PUT', tally, 'TransactWrite checking the session this process holds; + the rounds, re-read every 10 s', '2');
    // Rounds are re-read every 10 s: read them now, so the single PUTs below count only their own calls.
    await runtime.service.rounds();
    calls = 0;
    await put(bulkForm.id, period1, units1[0]!, data971(0), { revision: 0 });
    report('DynamoDB calls, identical re-send', String(calls), 'the refused TransactWrite returns the stored status (the answer without its data)', '≤ 2 (1 after auth)');
    // A session this process never saw (another instance took the sign-in): read once, then held.
    const elsewhere = bulk.at(-101)!.code;
    const email = `bc-${elsewhere}@thu-tai.vn`;
    await runtime.users.create('system', { email, name: `Cán bộ ${elsewhere}`, unit: elsewhere, role: 'reporter' });
    const other = createRuntime({ registry: benchRegistry, tableName, dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: db.endpoint }, mailer: { send: async () => ({ messageId: '<bench@localhost>' }) }, publicUrl: 'http://127.0.0.1:9', recipients: {}, clock });
    const otherHttp = createHttp(other, { authSecret: randomBytes(32).toString('base64url'), clientAddress: () => 'bench', routes: {}, codeAnswerFloorMs: 0 });
    sessions.set(elsewhere, `baocao=${await otherHttp.auth.openSession(email)}`);
    await runtime.service.rounds();
    calls = 0;
    await put(bulkForm.id, period1, elsewhere, data971(0), { revision: 0 });
    report('DynamoDB calls, session not yet seen', String(calls), 'Get session + TransactWrite (the next PUT: 1)', '2');

  }
  if (runs(2)) {
    // ---- 2. 3294: day 31 vs day 1.
    console.log('\n2. 3294 PUT on day 31 vs day 1');
    // Half the districts answer days 1 to 30 first (not timed); then each of their day-31 answers is timed
    // alternately with a day-1 answer of a district of the other half, whose running item is still empty.
    const n2 = scale(200);
    const withHistory = binhPhuoc.slice(0, n2);
    const fresh = binhPhuoc.slice(n2, 2 * n2);
    for (const u of [...withHistory, ...fresh]) await sessionOf(u.code);
    const report3294 = (unit: OrgUnit, period: string) => outputs3294.demo({ unit, random: () => 0.5, period });
    for (const period of days.slice(0, 30)) {
      await pool(withHistory.length, 16, (i) => put(form3294.id, period, withHistory[i]!.code, report3294(withHistory[i]!, period), { revision: 0 }));
    }
    const day1: number[] = [];
    const day31: number[] = [];
    for (let i = 0; i < n2; i++) {
      day31.push((await timed(() => put(form3294.id, days[30]!, withHistory[i]!.code, report3294(withHistory[i]!, days[30]!), { revision: 0 })))[1]);
      day1.push((await timed(() => put(form3294.id, days[0]!, fresh[i]!.code, report3294(fresh[i]!, days[0]!), { revision: 0 })))[1]);
    }
    report('3294 PUT day 31 p50', ms(pct(day31, 50)), `day 1 p50 ${ms(pct(day1, 50))}: ${ratio(pct(day31, 50), pct(day1, 50))}`, '≤ 1.1×');

  }
  if (runs(3)) {
    // ---- 3. 10k PUTs with 16 in flight vs raw PutItem.
    console.log('\n3. 10,000 PUTs with 16 in flight vs 10,000 raw PutItems');
    const n3 = scale(10_000);
    const units3 = bulk.slice(0, Math.max(1, Math.round(n3 / 16))).map((u) => u.code);
    const expectedRevisions = n3;
    for (const unit of units3) await sessionOf(unit);
    const rawPut = await pool(n3, 16, (i) => client.send(new PutCommand({ TableName: tableName, Item: { pk: `RAWPUT#${i}`, sk: 'CUR', data: data971(i), revision: 1 } })));
    const guards3 = await Promise.all(units3.map(guardOf));
    const rawOwn = await pool(n3, 16, (i) => ownTransaction(1_000_000 + i, guards3[i % guards3.length]!));
    const rawTw2 = await pool(n3, 16, (i) => rawTransact(1_000_000 + i));
    const bases = new Map<string, { revision: number; firstSubmittedAt?: string }>();
    const viaPut = await pool(n3, 16, async (i) => {
      // Round-robin over the units: no two PUTs of one unit in flight at once, each based on the last answer, as a page is.
      const unit = units3[i % units3.length]!;
      const saved = await put(bulkForm.id, period3, unit, data971(i), bases.get(unit) ?? { revision: 0 });
      bases.set(unit, { revision: saved.revision, firstSubmittedAt: saved.firstSubmittedAt });
    });
    const stored = (await runtime.submissions.listCurrent(bulkForm.id, period3)).reduce((sum, record) => sum + record.revision, 0);
    const rate = (r: { seconds: number }) => n3 / r.seconds;
    report(
      `${n3} PUTs, 16 in flight`,
      `${rate(viaPut).toFixed(0)}/s, ${viaPut.errors} errors, ${stored}/${expectedRevisions} revisions stored`,
      `raw PutItem ${rate(rawPut).toFixed(0)}/s: ${((rate(viaPut) / rate(rawPut)) * 100).toFixed(0)} %`,
      '≥ 30 %, 0 errors, exact counts',
    );
    report(`floor: ${n3} of the PUT's transactions, raw`, `${rate(rawOwn).toFixed(0)}/s`, `raw PutItem: ${((rate(rawOwn) / rate(rawPut)) * 100).toFixed(0)} %`, 'what DynamoDB Local allows');
    report(`${n3} raw 2-item TransactWrites`, `${rate(rawTw2).toFixed(0)}/s`, `raw PutItem: ${((rate(rawTw2) / rate(rawPut)) * 100).toFixed(0)} %`, 'any atomic status + revision write');

  }
  if (runs(4)) {
    // ---- 4. Summary of 10k vs a bare Query.
    console.log('\n4. Summary of 10,000 answers vs a bare paginated Query');
    await pool(bulk.length, 16, (i) => runtime.service.putSubmission({ formId: bulkForm.id, period: period4, orgUnit: bulk[i]!.code }, { data: data971(i), submittedBy: 'x', base: { revision: 0 } }));
    clock.set(new Date('2021-11-01T00:00:00Z'));
    const summaryTimes: number[] = [];
    const queryTimes: number[] = [];
    // Eleven of each, interleaved: a bare Query of 10,000 items varied 0.7–1.1 s from one run to the next here.
    for (let i = 0; i < 11; i++) {
      queryTimes.push((await timed(() => queryAll(client, listCurrentRequest(tableName, bulkForm.id, period4))))[1]);
      summaryTimes.push((await timed(() => buildSummary(runtime.service, bulkForm.id, period4, clock.now())))[1]);
    }
    report(`summary of ${bulk.length}`, ms(pct(summaryTimes, 50)), `bare Query ${ms(pct(queryTimes, 50))}: ${ratio(pct(summaryTimes, 50), pct(queryTimes, 50))}`, '≤ 1.2×');

  }
  if (runs(5)) {
    // ---- 5. Dashboard of 700 × 31 vs one Query.
    console.log('\n5. Dashboard of 3294 at 700 districts × 31 days vs one bare Query');
    const reporters = await runtime.service.reporters(form3294.id);
    // Statuses as saves write them (85 % on time, 10 % late, 5 % missing); the answers themselves are not read.
    const random = seededRandom(3294);
    const statuses = days.flatMap((period) =>
      reporters.flatMap((unit) => {
        const roll = random();
        if (roll < 0.05) return [];
        const deadline = deadlineOf(form3294.period, period).getTime();
        const first = new Date(deadline + (roll < 0.15 ? 60_000 * (1 + Math.floor(random() * 600)) : -60_000 * Math.floor(random() * 600))).toISOString();
        const key = { formId: form3294.id, period, orgUnit: unit.code };
        return [{ ...statusKey(key), type: 'Status', ...key, revision: 1, firstSubmittedAt: first }];
      }),
    );
    await pool(Math.ceil(statuses.length / 25), 16, (i) =>
      client.send(new BatchWriteCommand({ RequestItems: { [tableName]: statuses.slice(i * 25, i * 25 + 25).map((Item) => ({ PutRequest: { Item } })) } })),
    );
    clock.set(new Date('2022-01-01T00:00:00Z'));
    const dashTimes: number[] = [];
    const bareTimes: number[] = [];
    let json = 0;
    for (let i = 0; i < 11; i++) {
      bareTimes.push((await timed(() => queryAll(client, listStatusesRequest(tableName, form3294.id))))[1]);
      const [dashboard, t] = await timed(async () => JSON.stringify(await buildDashboard(runtime.service, form3294.id, clock.now())));
      dashTimes.push(t);
      json = Buffer.byteLength(dashboard);
    }
    report(
      `dashboard ${reporters.length} × ${days.length}`,
      `${ms(pct(dashTimes, 50))}, ${kb(json)} JSON`,
      `one bare Query ${ms(pct(bareTimes, 50))}: ${ratio(pct(dashTimes, 50), pct(bareTimes, 50))}`,
      '≤ 3×, ≤ 300 KB',
    );
  }
} finally {
  for (const s of server) s.close();
  await db.stop();
}

if (runs(6)) {
  // ---- 6. Cold import.
  console.log('\n6. Cold import of the API bundle vs a hello-world handler (fresh node processes)');
  const dir = mkdtempSync(join(REPO_ROOT, 'node_modules', '.bench-'));
  try {
    writeFileSync(
      join(dir, 'hello.ts'),
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nconst db = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = async () => ({ statusCode: 200, body: String(Boolean(db)) });\n",
    );
    const bundle = async (entry: string, out: string) =>
      build({ entryPoints: [entry], outfile: join(dir, out), bundle: true, platform: 'node', format: 'esm', target: BUNDLE.target, minify: BUNDLE.minify, charset: BUNDLE.charset, banner: { js: BUNDLE.banner }, external: [...BUNDLE.external], logLevel: 'error' });
    await bundle(join(REPO_ROOT, LAMBDA_ENTRIES.api), 'api.mjs');
    await bundle(join(dir, 'hello.ts'), 'hello.mjs');
    const importMs = (file: string) => {
      const probe = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(join(dir, file)).href)}); console.log(performance.now() - t);`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
        // What the Lambda environment gives the handler at import; the config module reads these.
        env: { PATH: process.env.PATH, AWS_REGION: 'ap-southeast-1', TABLE_NAME: 'bench', ...benchEnv() },
        encoding: 'utf8',
      });
      const value = Number(run.stdout.trim().split('\n').at(-1));
      if (!Number.isFinite(value)) throw new Error(`cold import of ${file} failed: ${run.stderr}`);
      return value;
    };
    const api: number[] = [];
    const hello: number[] = [];
    for (let i = 0; i < 11; i++) {
      api.push(importMs('api.mjs'));
      hello.push(importMs('hello.mjs'));
    }
    report('API cold import p50', ms(pct(api, 50)), `hello-world ${ms(pct(hello, 50))}: ${ratio(pct(api, 50), pct(hello, 50))}`, '≤ 1.3×');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The environment the API handler reads at import (in AWS the secret comes from Secrets Manager, one call, left out here). */
function benchEnv(): Record<string, string> {
  return { PUBLIC_URL: 'https://bao-cao.example.vn', MAIL_FROM: 'bao-cao@example.vn', SUMMARY_RECIPIENTS: '{}', AUTH_SECRET: 'x'.repeat(32) };
}

console.log(`\nSide by side (${quick ? 'quick run: a tenth of the sizes' : 'full sizes'}; ${new Date().toISOString()}):`);
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(`  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  │  ')}`);
