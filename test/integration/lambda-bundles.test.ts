/**
 * The deployed entry points in the loop: the API, export and jobs bundles that
 * `cdk synth` wrote (the files Lambda would run), each in a process of its own
 * with the template's environment, against DynamoDB Local and stand-ins for
 * Secrets Manager and SES. The table has the data stack's keys; events are
 * API Gateway HTTP API (payload 2.0) events, routed by the template's routes.
 *
 * Reads `cdk.out` from `npm run synth:example`, which `npm test` runs first.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import ExcelJS from 'exceljs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadForms } from '#schemas/registry.ts';
import type { Round } from '../../functions/core/rounds.ts';
import { answer971, freshRuntime } from '../support/local-runtime.ts';
import { startLambda, startSecretsManager, startSes, type LambdaProcess, type StandIn, type SesSendEmail } from '../support/aws-standins.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CDK_OUT = join(ROOT, 'cdk.out');
const REGION = 'ap-southeast-1';
const ACCOUNT = '111111111111';
const FORM = '971-nhan-luc-y-te';
const PERIOD = '2021-07-20';
const REPORTER = 'so-y-te-79@example.org';
const OFFICIAL = 'bo-y-te@example.org';
const FUNCTIONS = ['Api', 'Export', 'Jobs'] as const;
type FunctionName = (typeof FUNCTIONS)[number];

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };
type Template = { Resources: Record<string, Resource> };

/** The synth's stacks, refusing a missing or older-than-the-code `cdk.out` rather than testing stale bundles. */
function readCloudAssembly(): { data: Template; app: Template } {
  const manifestFile = join(CDK_OUT, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error('no cdk.out/manifest.json: run `npm run synth:example` first (`npm test` does)');
  const synthAt = statSync(manifestFile).mtimeMs;
  const sources = ['functions', 'schemas', 'infra/aws'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|json|csv)$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => join(ROOT, dir, f)),
  );
  const newer = sources.filter((f) => statSync(f).mtimeMs > synthAt).map((f) => relative(ROOT, f));
  if (newer.length) throw new Error(`cdk.out is older than ${newer.slice(0, 3).join(', ')}: run \`npm run synth:example\` again`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { artifacts: Record<string, { type: string; properties?: { templateFile?: string } }> };
  const templates = Object.values(manifest.artifacts)
    .filter((a) => a.type === 'aws:cloudformation:stack')
    .map((a) => JSON.parse(readFileSync(join(CDK_OUT, a.properties!.templateFile!), 'utf8')) as Template);
  const holding = (type: string) => templates.find((t) => Object.values(t.Resources).some((r) => r.Type === type));
  const data = holding('AWS::DynamoDB::GlobalTable');
  const app = holding('AWS::Lambda::Function');
  if (!data || !app) throw new Error('cdk.out holds no data stack or no app stack');
  return { data, app };
}

function functionIdOf(app: Template, name: FunctionName): string {
  const ids = Object.keys(app.Resources).filter(
    (id) => app.Resources[id]!.Type === 'AWS::Lambda::Function' && String(app.Resources[id]!.Metadata?.['aws:cdk:path']).endsWith(`/${name}/Resource`),
  );
  if (ids.length !== 1) throw new Error(`expected one function ${name} in the app stack, found ${ids.length}`);
  return ids[0]!;
}

/** The file Lambda runs: `<Handler's module>.mjs|.js` in the function's asset directory. */
function bundleOf(app: Template, id: string): string {
  const fn = app.Resources[id]!;
  const dir = join(CDK_OUT, fn.Metadata!['aws:asset:path']);
  const module = String(fn.Properties.Handler).replace(/\.[^.]+$/, '');
  const file = [`${module}.mjs`, `${module}.js`].map((f) => join(dir, f)).find(existsSync);
  if (!file) throw new Error(`no ${module}.mjs or ${module}.js in ${dir}`);
  return file;
}

/**
 * Where API Gateway sends a path: the most specific matching `ANY` route of the template (an exact path, path
 * parameters `{name}` for one segment, a greedy `{proxy+}` at the end; more literal characters win).
 */
function routesOf(app: Template): Array<{ routeKey: string; prefix: string; pattern: RegExp; literal: number; fn: string }> {
  const integrations = new Map(
    Object.entries(app.Resources)
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Integration')
      .map(([id, r]) => [id, r.Properties.IntegrationUri['Fn::GetAtt'][0] as string]),
  );
  return Object.values(app.Resources)
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
    .map((r) => {
      const routeKey = r.Properties.RouteKey as string;
      const target = JSON.stringify(r.Properties.Target);
      const integration = [...integrations.keys()].find((id) => target.includes(`"${id}"`));
      const match = /^ANY (\/\S*)$/.exec(routeKey);
      if (!integration || !match) throw new Error(`route ${routeKey}: not an ANY route to a function`);
      const path = match[1]!;
      const pattern = new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{proxy\+\}$/, '.+').replace(/\{[a-zA-Z]+\}/g, '[^/]+')}$`);
      return { routeKey, prefix: path.replace(/\{proxy\+\}$/, ''), pattern, literal: path.replace(/\{[^}]+\}/g, '').length, fn: integrations.get(integration)! };
    })
    .sort((a, b) => b.literal - a.literal);
}

let ses: StandIn & { sent: SesSendEmail[] };
let secrets: StandIn & { asked: string[] };
const lambdas = new Map<string, LambdaProcess>();
let routes: ReturnType<typeof routesOf>;
let jobs: LambdaProcess;
let publicUrl: string;
let mailFrom: string;
let recipients: Record<string, string[]>;

/** The app stack's template, read once. */
let appTemplate: Template;

beforeAll(async () => {
  const { data, app } = readCloudAssembly();
  appTemplate = app;
  ses = await startSes();

  // The template's environment; what CloudFormation would resolve is resolved here to the stand-ins.
  const tableName = `bundles-${randomUUID()}`;
  const secretValues: Record<string, string> = {};
  const envOf = (id: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(app.Resources[id]!.Properties.Environment.Variables as Record<string, unknown>).map(([key, value]) => {
        if (typeof value === 'string') return [key, value];
        if (key === 'TABLE_NAME') return [key, tableName];
        const ref = (value as { Ref?: string }).Ref;
        if (ref && app.Resources[ref]?.Type === 'AWS::SecretsManager::Secret') {
          const arn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${ref}`;
          secretValues[arn] ??= randomBytes(48).toString('base64url');
          return [key, arn];
        }
        // The ARN of another resource (the scheduler's role, the jobs function, its queue): named, never called here.
        const arnOf = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
        if (arnOf?.[1] === 'Arn' && app.Resources[arnOf[0]]) return [key, `arn:aws:stand-in:${REGION}:${ACCOUNT}:${arnOf[0]}`];
        throw new Error(`${id}: environment ${key} is ${JSON.stringify(value)}, which this test does not know how to stand in for`);
      }),
    );
  const aws = {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'AKIDSTANDIN',
    AWS_SECRET_ACCESS_KEY: 'stand-in',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
  };
  const ids = Object.fromEntries(FUNCTIONS.map((name) => [name, functionIdOf(app, name)])) as Record<FunctionName, string>;
  const envs = Object.fromEntries(FUNCTIONS.map((name) => [name, envOf(ids[name])])) as Record<FunctionName, Record<string, string>>;
  secrets = await startSecretsManager(secretValues);
  publicUrl = envs.Api.PUBLIC_URL!;
  mailFrom = envs.Api.MAIL_FROM!;
  recipients = JSON.parse(envs.Jobs.SUMMARY_RECIPIENTS!);
  routes = routesOf(app);

  // The table as the data stack defines its keys.
  const table = Object.values(data.Resources).find((r) => r.Type === 'AWS::DynamoDB::GlobalTable')!.Properties;
  const dynamodb = new DynamoDBClient({ region: REGION, endpoint: aws.AWS_ENDPOINT_URL_DYNAMODB, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  await dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: table.AttributeDefinitions,
      KeySchema: table.KeySchema,
      BillingMode: 'PAY_PER_REQUEST',
      ...(table.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: table.GlobalSecondaryIndexes } : {}),
    } as CreateTableCommandInput),
  );
  dynamodb.destroy();

  // Org units and users as the operators' commands write them (`npm run seed:aws`, `npm run users`), in-process to save their start-up.
  runtime = await freshRuntime({ tableName });
  const { users } = runtime;
  await users.create('system', { email: REPORTER, name: 'Sở Y tế TP. Hồ Chí Minh', unit: '79', role: 'reporter' });
  await users.create('system', { email: OFFICIAL, name: 'Bộ Y tế', unit: 'VN', role: 'official' });

  // Lambda gives a function only its own environment, in UTC. Each is kept as soon as it runs, so afterAll stops it whatever fails.
  await Promise.all(
    FUNCTIONS.map(async (name) => {
      const env = { ...envs[name], ...aws, AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint, TZ: ':UTC', AWS_LAMBDA_FUNCTION_NAME: name, AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' };
      lambdas.set(ids[name], await startLambda(bundleOf(app, ids[name]), env));
    }),
  );
  jobs = lambdas.get(ids.Jobs)!;
}, 120_000);

afterAll(async () => {
  for (const lambda of lambdas.values()) lambda.stop();
  await Promise.all([ses?.close(), secrets?.close()]);
});

type HttpResult = { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean; cookies?: string[] };

/** A request as CloudFront and the HTTP API pass it on: an API Gateway v2 event to the function the route names. */
async function request(method: string, target: string, options: { body?: unknown; cookies?: string[] } = {}): Promise<HttpResult> {
  const url = new URL(target, publicUrl);
  const route = routes.find((r) => r.pattern.test(url.pathname));
  if (!route) throw new Error(`no route for ${url.pathname}`);
  const now = new Date();
  const event = {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(options.cookies ? { cookies: options.cookies } : {}),
    headers: {
      host: url.host,
      'user-agent': 'Mozilla/5.0',
      'x-forwarded-proto': 'https',
      ...(method === 'GET' ? {} : { origin: new URL(publicUrl).origin }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: ACCOUNT,
      apiId: 'standin',
      domainName: url.host,
      domainPrefix: url.host.split('.')[0],
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    pathParameters: { proxy: url.pathname.slice(route.prefix.length) },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    isBase64Encoded: false,
  };
  return lambdas.get(route.fn)!.invoke<HttpResult>(event);
}

const rawOf = (mail: SesSendEmail) => simpleParser(Buffer.from(mail.Content.Raw!.Data, 'base64'));
/** The configured sender as `"Name" <address>`, as the app stack writes MAIL_FROM. */
const sender = () => {
  const [, name, address] = /^"(.*)" <(.*)>$/.exec(mailFrom) ?? [];
  return { name: name!, address: address! };
};

/** Signs in by the mailed code and returns the session cookie as API Gateway passes cookies on. */
async function signIn(email: string): Promise<{ cookie: string; mail: SesSendEmail }> {
  const before = ses.sent.length;
  const asked = await request('POST', '/api/auth/code', { body: { email } });
  expect(asked.statusCode, asked.body).toBe(200);
  const mails = ses.sent.slice(before);
  expect(mails.map((m) => m.Destination?.ToAddresses)).toEqual([[email]]);
  const code = /\b(\d{6})\b/.exec(mails[0]!.Content.Simple!.Subject.Data)?.[1];
  const verified = await request('POST', '/api/auth/verify', { body: { attemptId: JSON.parse(asked.body).attemptId, code } });
  expect(verified.statusCode, verified.body).toBe(200);
  const [cookie] = verified.cookies ?? [];
  expect(cookie).toMatch(/^__Host-baocao=[^;]+;/);
  expect(cookie).toMatch(/; Secure/);
  expect(cookie).toMatch(/; HttpOnly/);
  return { cookie: cookie!.split(';')[0]!, mail: mails[0]! };
}

let reporterCookie: string;
/** The table's runtime in this process, as the operators' commands and the round admin write it. */
let runtime: Awaited<ReturnType<typeof freshRuntime>>;

describe('the synthesized bundles, in the loop', () => {
  test('a reporter signs in with the code SES delivered; the sender name is RFC 2047-encoded', async () => {
    const { cookie, mail } = await signIn(REPORTER);
    reporterCookie = cookie;
    expect(mail.FromEmailAddress).toMatch(/^(=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= ?)+ <[^<>]+>$/);
    // A mail reader's view of that sender.
    const read = await simpleParser(`From: ${mail.FromEmailAddress}\r\n\r\n`);
    expect(read.from?.value).toEqual([{ name: sender().name, address: sender().address }]);
    expect(sender().name).toBe('Hệ thống báo cáo');
    // Both secrets were read by ARN at the cold starts.
    expect(new Set(secrets.asked).size).toBe(2);
  });

  test('the API function stores the reporter’s answer', async () => {
    const answer = await request('PUT', `/api/forms/${FORM}/periods/${PERIOD}/submissions/79`, {
      cookies: [reporterCookie],
      body: {
        data: { appliesDirective16: true, need: { doctors: 500, nurses: 1200, technicians: 80 }, contact: { name: 'Lê Văn C', phone: '0909 000 111' } },
        submittedBy: 'Lê Văn C',
      },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'created', submission: { orgUnit: '79', revision: 1 } });
  });

  test('the jobs function mails the summary to each configured recipient exactly once', async () => {
    const form = (await loadForms()).get(FORM)!;
    const expected = form.summary.recipients.flatMap((r) => recipients[r.key] ?? []).sort();
    expect(expected.length).toBeGreaterThan(0);

    const before = ses.sent.length;
    expect(await jobs.invoke({ job: 'summary', formId: FORM })).toEqual({ job: 'summary', roundId: FORM, sent: expected.length, skipped: 0 });
    const mails: ParsedMail[] = await Promise.all(ses.sent.slice(before).map(rawOf));
    const to = mails.flatMap((m) => [m.to].flat().flatMap((a) => a!.value.map((v) => v.address!)));
    expect(to.sort()).toEqual(expected);
    for (const mail of mails) {
      expect(mail.from?.value).toEqual([{ name: sender().name, address: sender().address }]);
      expect(mail.subject).toContain('1/63 tỉnh, thành phố đã báo cáo');
      expect(mail.attachments.map((a) => a.filename)).toEqual(['thong-ke-nhan-luc-y-te-phuc-vu-phong-chong-dich-covid-19-20-07-2021.xlsx']);
    }

    // A retried or repeated schedule sends nothing more.
    const again = ses.sent.length;
    expect(await jobs.invoke({ job: 'summary', formId: FORM })).toMatchObject({ sent: 0, skipped: expected.length });
    expect(ses.sent.length).toBe(again);
  });

  test('the jobs function runs a round’s summary from the stored round: its period, its reporters, its recipients', async () => {
    // A round an official opened at run time (stored as the round admin stores it), answered by one province.
    const round: Round = {
      id: `${FORM}.thu`,
      formId: FORM,
      issuer: 'VN',
      reporters: { units: ['79', '01'] },
      period: { kind: 'once', period: '2021-08-20', deadline: '2021-08-20T17:00' },
      reminderMinutes: 0,
      recipients: { users: [OFFICIAL], keys: [] },
      status: 'open',
      createdBy: OFFICIAL,
      createdAt: '2021-08-01T00:00:00.000Z',
      version: 1,
    };
    await runtime.rounds.put(round, 0);
    runtime.service.forgetRounds();
    await runtime.service.putSubmission({ formId: FORM, period: '2021-08-20', orgUnit: '79' }, { data: answer971(42), submittedBy: 'Lê Văn C' });

    const before = ses.sent.length;
    expect(await jobs.invoke({ job: 'summary', roundId: round.id })).toEqual({ job: 'summary', roundId: round.id, sent: 1, skipped: 0 });
    const [mail] = await Promise.all(ses.sent.slice(before).map(rawOf));
    expect([mail!.to].flat().flatMap((a) => a!.value.map((v) => v.address))).toEqual([OFFICIAL]);
    expect(mail!.subject).toBe(`[971/TTg-KGVX] Tổng nhu cầu: ${(42 + 1200 + 80).toLocaleString('vi-VN')} — 1/2 tỉnh, thành phố đã báo cáo`);
    expect(mail!.text).toContain('Kỳ báo cáo: 20/08/2021');
  });

  test('the export function serves the XLSX base64-encoded, and it opens with the answer in it', async () => {
    const { cookie } = await signIn(OFFICIAL);
    const response = await request('GET', `/api/exports/${FORM}/${PERIOD}?dinh-dang=xlsx`, { cookies: [cookie] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(response.body, 'base64') as unknown as ArrayBuffer);
    const rows = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1)));
    expect(rows).toContainEqual(expect.arrayContaining(['79', 'Thành phố Hồ Chí Minh', 500, 1200, 80]));
  });

  test('the export function serves what the submit path does not need: a form’s description, a period’s summary, a form’s dashboard', async () => {
    const { cookie } = await signIn(OFFICIAL);
    const exportFunction = functionIdOf(appTemplate, 'Export');
    const read = async (path: string, cookies?: string[]) => {
      expect(routes.find((r) => r.pattern.test(path))?.fn, path).toBe(exportFunction);
      const response = await request('GET', path, cookies ? { cookies } : {});
      expect(response.statusCode, response.body).toBe(200);
      return JSON.parse(response.body);
    };
    // Public, like the form pages.
    expect((await read(`/api/forms/${FORM}`)).jsonSchema.properties.need.label.vi).toBe('Nhu cầu hỗ trợ nhân lực y tế');
    const { summary } = await read(`/api/forms/${FORM}/periods/${PERIOD}/summary`, [cookie]);
    expect(summary.content.figures[0]).toMatchObject({ label: { vi: 'Tổng nhu cầu' }, value: 500 + 1200 + 80 });
    const dashboard = await read(`/api/dashboard/${FORM}`, [cookie]);
    expect(JSON.stringify(dashboard)).toContain('"79"');
    // The rest of a form's paths stay with the API function.
    expect(routes.find((r) => r.pattern.test(`/api/forms/${FORM}/reporters`))?.fn).toBe(functionIdOf(appTemplate, 'Api'));
  });
});
