/**
 * The synthesized stacks, built once (bundling included) and shared by every
 * test here. No schedule is deployed: the API writes rounds' schedules into the
 * stack's schedule group at run time (functions/adapters/scheduler).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadForms } from '#schemas/registry.ts';
import { PAGE_SECURITY_HEADERS } from '../../functions/api/security.ts';
import { ORIGIN_KEY_HEADER } from '../../functions/api/client-address.ts';
import { callBudgetMs } from '../../functions/adapters/dynamodb/client.ts';
import { CLAIM_LEASE_MS } from '../../functions/core/delivery.ts';
import { API_THROTTLE, EXPORT_FUNCTION_ROUTES, JOB_RETRY, SCHEDULER_ACTIONS, TABLE_ACTIONS } from '../../infra/aws/app-stack.ts';
import { APP_CONTEXT, buildApp, recipientKeys } from '../../infra/aws/build-app.ts';
import { API_BUNDLE_BUDGET_BYTES, REPO_ROOT } from '../../infra/aws/bundling.ts';
import type { DeployConfig } from '../../infra/aws/config.ts';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any>; DeletionPolicy?: string };

const SENDER = 'bao-cao@baocao.example.org';

let outdir: string;
let data: Template;
let app: Template;
let config: DeployConfig;
let dataTerminationProtection: boolean | undefined;

beforeAll(async () => {
  const forms = (await loadForms()).list();
  config = {
    envName: 'test',
    mailFrom: SENDER,
    mailFromName: 'Hệ thống báo cáo',
    summaryRecipients: Object.fromEntries(recipientKeys(forms).map((key) => [key, [`${key}@example.org`]])),
    domainName: 'baocao.example.org',
    certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000',
  };
  // Inside the repo, so the bundles' imports of the runtime SDK resolve to node_modules when loaded below.
  mkdirSync(join(REPO_ROOT, 'cdk.out'), { recursive: true });
  outdir = mkdtempSync(join(REPO_ROOT, 'cdk.out', 'test-'));
  const cdkApp = new App({
    outdir,
    // The report is read below instead of the synth throwing at the first finding.
    context: { ...APP_CONTEXT, '@aws-cdk/core:failSynthOnValidationErrors': false },
  });
  const stacks = buildApp(cdkApp, { config, webDir: join(REPO_ROOT, 'web', 'build') });
  cdkApp.synth();
  data = Template.fromStack(stacks.data);
  dataTerminationProtection = stacks.data.terminationProtection;
  app = Template.fromStack(stacks.app);
});

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

const resources = (template: Template, type: string) => Object.entries(template.findResources(type)) as Array<[string, Resource]>;

/** The logical id of the function built from `functions/<dir>/<file>`, found by its log group's name. */
function functionId(name: 'Api' | 'Export' | 'Jobs'): string {
  const [id] = Object.keys(app.findResources('AWS::Lambda::Function', { Properties: { LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp(`^${name}Logs`) } } } }));
  if (!id) throw new Error(`no function ${name}`);
  return id;
}

function roleStatements(fn: string): any[] {
  const role = app.toJSON().Resources[fn].Properties.Role['Fn::GetAtt'][0];
  return resources(app, 'AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === role))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}

const actionsOf = (statement: any): string[] => [statement.Action].flat();

/** The one resource of `type`, by logical id. */
function only(type: string): string {
  const ids = Object.keys(app.findResources(type));
  if (ids.length !== 1) throw new Error(`${ids.length} resources of ${type}`);
  return ids[0]!;
}

/** A template value as text: `${Ref}` and `${Id.Attribute}` for references, joins joined. */
function text(value: any): string {
  if (typeof value === 'string') return value;
  if (value?.Ref) return `\${${value.Ref}}`;
  if (value?.['Fn::GetAtt']) return `\${${value['Fn::GetAtt'].join('.')}}`;
  if (value?.['Fn::Join']) return value['Fn::Join'][1].map(text).join(value['Fn::Join'][0]);
  throw new Error(`cannot read ${JSON.stringify(value)}`);
}

describe('data stack', () => {
  test('the table is on-demand, with point-in-time recovery, deletion protection and the TTL attribute', () => {
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });

  test('the data stack is protected from deletion as a whole too', () => {
    expect(dataTerminationProtection).toBe(true);
  });

  test('the table lives only in the data stack, which outputs its name for `npm run users`', () => {
    app.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    app.resourceCountIs('AWS::DynamoDB::Table', 0);
    data.hasOutput('TableName', { Value: { Ref: Match.anyValue() } });
  });
});

describe('functions', () => {
  test.each(['Api', 'Export', 'Jobs'] as const)('%s runs on nodejs24.x, arm64, with a log group kept three months', (name) => {
    const fn = app.toJSON().Resources[functionId(name)];
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
    expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(512);
    expect(fn.Properties.Timeout).toBeLessThanOrEqual(name === 'Jobs' ? 900 : 29); // API Gateway gives up after 30 s
    expect(app.toJSON().Resources[fn.Properties.LoggingConfig.LogGroup.Ref].Properties.RetentionInDays).toBe(90);
  });

  test('a dead or frozen table ends a request before the function times out, and the function before API Gateway gives up', () => {
    const timeout = (name: 'Api' | 'Export' | 'Jobs') => app.toJSON().Resources[functionId(name)].Properties.Timeout as number;
    // The longest API path is five sequential DynamoDB calls (session, user, org units, current revision, write).
    for (const name of ['Api', 'Export'] as const) {
      expect(timeout(name) * 1000).toBeGreaterThanOrEqual(5 * callBudgetMs());
      expect(timeout(name)).toBeLessThan(30);
    }
    expect(callBudgetMs()).toBeLessThanOrEqual(6_000);
    // A live jobs run always holds its delivery claims: no second run can take one over while it may still send.
    expect(timeout('Jobs') * 1000).toBeLessThan(CLAIM_LEASE_MS);
    expect(timeout('Jobs') * 1000).toBeGreaterThanOrEqual(20 * callBudgetMs());
  });

  test('the API gets the secrets by ARN, never a value, and may read only those two secrets', () => {
    const api = app.toJSON().Resources[functionId('Api')];
    const env = api.Properties.Environment.Variables;
    expect(env).not.toHaveProperty('AUTH_SECRET');
    expect(env.AUTH_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/^AuthSecret/) });
    expect(env).toMatchObject({ PUBLIC_URL: 'https://baocao.example.org', MAIL_FROM: `"Hệ thống báo cáo" <${SENDER}>` });
    const secretStatements = roleStatements(functionId('Api')).filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
    expect(secretStatements).toEqual([
      { Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: { Ref: expect.stringMatching(/^AuthSecret/) } },
      { Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: { Ref: expect.stringMatching(/^OriginKey/) } },
    ]);
    app.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: Match.objectLike({ PasswordLength: 64 }) });
  });

  test('each function may use only its own table actions on the table', () => {
    for (const [name, expected] of [
      ['Api', TABLE_ACTIONS.api],
      ['Export', TABLE_ACTIONS.export],
      ['Jobs', TABLE_ACTIONS.jobs],
    ] as const) {
      const dynamo = roleStatements(functionId(name)).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.flatMap(actionsOf).sort(), name).toEqual([...expected].sort());
      expect(JSON.stringify(dynamo.map((s) => s.Resource)), name).toContain('ExportsOutputFnGetAttTable');
    }
    // The export function (exports, round administration) writes rounds and marks answers, and deletes nothing.
    expect(TABLE_ACTIONS.export.some((a) => /Delete/.test(a))).toBe(false);
  });

  test('SES: only SendEmail, only as the configured sender, only for the functions that mail', () => {
    const identity = (name: string) => ({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:identity/${name}`]],
    });
    for (const name of ['Api', 'Export', 'Jobs'] as const) {
      const ses = roleStatements(functionId(name)).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
      expect(ses, name).toEqual([
        {
          Action: 'ses:SendEmail',
          Effect: 'Allow',
          Resource: [identity(SENDER), identity('baocao.example.org')],
          Condition: { StringEquals: { 'ses:FromAddress': SENDER } },
        },
      ]);
    }
  });
});

describe('HTTP API', () => {
  test('the stage throttles and writes access logs', () => {
    app.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] }, Format: Match.stringLikeRegexp('requestId') },
    });
  });

  test('/api/* goes to the API function; outputs, exports and round administration to the export function', () => {
    const target = (route: string) => {
      const [, r] = resources(app, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === route)!;
      const integration = app.toJSON().Resources[r.Properties.Target['Fn::Join'][1][1].Ref];
      return integration.Properties.IntegrationUri['Fn::GetAtt'][0];
    };
    expect(target('ANY /api/{proxy+}')).toBe(functionId('Api'));
    expect(target('ANY /api/exports/{proxy+}')).toBe(functionId('Export'));
    for (const route of ['/api/forms/{formId}', '/api/forms/{formId}/periods/{period}/summary', '/api/dashboard/{formId}', '/api/rounds', '/api/rounds/{proxy+}', '/api/forms/{formId}/periods/{period}/submissions/{orgUnit}/return', '/api/forms/{formId}/periods/{period}/submissions/{orgUnit}/history']) {
      expect(target(`ANY ${route}`), route).toBe(functionId('Export'));
    }
    expect(EXPORT_FUNCTION_ROUTES).toHaveLength(10);
  });
});

describe('schedules', () => {
  test('none is deployed: one schedule group per environment, which round administration (the export function, alone) is told about with the role and the target', () => {
    app.resourceCountIs('AWS::Scheduler::Schedule', 0);
    app.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    app.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'baocao-test' });
    const env = (name: 'Api' | 'Export' | 'Jobs') => app.toJSON().Resources[functionId(name)].Properties.Environment.Variables;
    expect(env('Export')).toMatchObject({
      SCHEDULE_GROUP: 'baocao-test',
      SCHEDULER_ROLE_ARN: { 'Fn::GetAtt': [expect.stringMatching(/^SchedulerRole/), 'Arn'] },
      JOBS_FUNCTION_ARN: { 'Fn::GetAtt': [functionId('Jobs'), 'Arn'] },
      JOBS_DEAD_LETTER_ARN: { 'Fn::GetAtt': [expect.stringMatching(/^JobsDeadLetters/), 'Arn'] },
    });
    for (const name of ['Api', 'Jobs'] as const) {
      for (const key of ['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'JOBS_FUNCTION_ARN']) expect(env(name), `${name} ${key}`).not.toHaveProperty(key);
    }
  });

  test('the scheduler role: assumed by EventBridge Scheduler for this account and group only; it may invoke the jobs function and fill its dead-letter queue, nothing else', () => {
    const [[roleId, role]] = resources(app, 'AWS::IAM::Role').filter(([, r]) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com')) as [[string, Resource]];
    expect(roleId).toMatch(/^SchedulerRole/);
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [only('AWS::Scheduler::ScheduleGroup'), 'Arn'] } },
        },
      },
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)).toEqual([
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: { 'Fn::GetAtt': [functionId('Jobs'), 'Arn'] } },
      { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^JobsDeadLetters/), 'Arn'] } },
    ]);
    // Nothing added beside the inline policy, and no resource policy lets anyone else invoke the jobs function.
    expect(resources(app, 'AWS::IAM::Policy').filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))).toEqual([]);
    expect(resources(app, 'AWS::Lambda::Permission').filter(([, p]) => JSON.stringify(p.Properties.FunctionName).includes(functionId('Jobs')))).toEqual([]);
  });

  test('round administration may write schedules only in that group, and pass only the scheduler role, only to EventBridge Scheduler', () => {
    const statements = roleStatements(functionId('Export'));
    const scheduler = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('scheduler:')));
    expect(scheduler.map((s) => ({ ...s, Resource: text(s.Resource) }))).toEqual([
      { Action: SCHEDULER_ACTIONS, Effect: 'Allow', Resource: `arn:\${AWS::Partition}:scheduler:\${AWS::Region}:\${AWS::AccountId}:schedule/baocao-test/*` },
    ]);
    expect([...SCHEDULER_ACTIONS].sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:UpdateSchedule']);
    expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith('iam:')))).toEqual([
      {
        Action: 'iam:PassRole',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^SchedulerRole/), 'Arn'] },
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
    for (const name of ['Api', 'Jobs'] as const) {
      expect(roleStatements(functionId(name)).flatMap(actionsOf).filter((a) => /^(scheduler|iam):/.test(a)), name).toEqual([]);
    }
  });

  test('a failing job (invoked asynchronously) is retried by Lambda, then lands in the same queue, which raises an alarm', () => {
    const jobs = functionId('Jobs');
    app.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: jobs },
      MaximumRetryAttempts: JOB_RETRY.retryAttempts,
      MaximumEventAgeInSeconds: JOB_RETRY.maxEventAge.toSeconds(),
    });
    expect(app.toJSON().Resources[jobs].Properties.DeadLetterConfig).toEqual({
      TargetArn: { 'Fn::GetAtt': [expect.stringMatching(/^JobsDeadLetters/), 'Arn'] },
    });
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsDeadLetters'), 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alarms') }],
    });
  });
});

describe('web', () => {
  test('the bucket is private and reached only through CloudFront with origin access control', () => {
    app.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/' }),
    });
    app.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3' }) });
  });

  test('/api/* reaches the HTTP API on the same host, uncached, with every viewer header but Host and the origin key', () => {
    const [, distribution] = resources(app, 'AWS::CloudFront::Distribution')[0]!;
    const config = distribution.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['baocao.example.org']);
    expect(config.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
      AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'DELETE']),
      ViewerProtocolPolicy: 'https-only',
    });
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
    expect(JSON.stringify(origin.DomainName)).toContain('HttpApi');
    expect(origin.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_KEY_HEADER, HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: expect.stringMatching(/^OriginKey/) }, ':SecretString:::}}']] } },
    ]);
    expect(api.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^ViewerAddress/), 'FunctionARN'] } }]);
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^PageRouting/), 'FunctionARN'] } },
    ]);
  });

  test('responses carry HSTS and the page security headers of functions/api/security.ts', () => {
    app.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: PAGE_SECURITY_HEADERS['Content-Security-Policy'], Override: false },
          ContentTypeOptions: { Override: false },
          FrameOptions: { FrameOption: 'DENY', Override: false },
          ReferrerPolicy: { ReferrerPolicy: 'same-origin', Override: false },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
        },
      }),
    });
    expect(PAGE_SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    const [, distribution] = resources(app, 'AWS::CloudFront::Distribution')[0]!;
    const behaviors = [distribution.Properties.DistributionConfig.DefaultCacheBehavior, ...distribution.Properties.DistributionConfig.CacheBehaviors];
    for (const b of behaviors) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: expect.stringMatching(/^SecurityHeaders/) });
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  test('reports no unsuppressed error', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    const errors = report.pluginReports
      .flatMap((r: any) => r.violations.map((v: any) => ({ plugin: r.pluginName, ...v })))
      .filter((v: any) => v.severity === 'error' || v.severity === 'fatal')
      .map((v: any) => `${v.plugin} ${v.ruleName}: ${v.violatingConstructs.map((c: any) => c.constructPath).join(', ')}`);
    expect(errors).toEqual([]);
  });

  test('ran, and every suppression carries a written reason', () => {
    const suppressions = [data, app].flatMap((t) =>
      Object.values(t.toJSON().Resources as Record<string, Resource>).flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []),
    ) as Array<{ id: string; reason: string }>;
    const ours = suppressions.filter((s) => s.id.startsWith('AwsSolutions-'));
    expect(ours.length).toBeGreaterThan(0);
    for (const s of ours) expect(s.reason.length, s.id).toBeGreaterThan(40);
  });
});

describe('bundles', () => {
  const assetOf = (name: 'Api' | 'Export' | 'Jobs') => {
    const key: string = app.toJSON().Resources[functionId(name)].Properties.Code.S3Key;
    return join(outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
  };

  test('the API bundle stays within its budget', () => {
    expect(statSync(assetOf('Api')).size).toBeLessThan(API_BUNDLE_BUDGET_BYTES);
  });

  test('the bundled API starts as deployed: ES module, secrets read by ARN, answering API Gateway events', async () => {
    // A stand-in for Secrets Manager: the runtime's SDK (here node_modules) talks to it over HTTP.
    const asked: string[] = [];
    const secretsManager = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const { SecretId } = JSON.parse(body) as { SecretId: string };
        asked.push(`${req.headers['x-amz-target']} ${SecretId}`);
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        res.end(JSON.stringify({ ARN: SecretId, Name: SecretId, SecretString: `${SecretId}-value-long-enough-for-a-key` }));
      });
    });
    await new Promise<void>((resolve) => secretsManager.listen(0, '127.0.0.1', resolve));
    const { port } = secretsManager.address() as AddressInfo;
    const api = app.toJSON().Resources[functionId('Api')].Properties.Environment.Variables;
    Object.assign(process.env, {
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${port}`,
      TABLE_NAME: 't',
      MAIL_FROM: api.MAIL_FROM,
      PUBLIC_URL: api.PUBLIC_URL,
      SUMMARY_RECIPIENTS: api.SUMMARY_RECIPIENTS,
      AUTH_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:auth',
      ORIGIN_KEY_ARN: 'arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:origin',
      // With the scheduler named, as deployed (its SDK is loaded on the first round written, not here).
      SCHEDULE_GROUP: 'baocao-test',
      SCHEDULER_ROLE_ARN: 'arn:aws:iam::111111111111:role/scheduler',
      JOBS_FUNCTION_ARN: 'arn:aws:lambda:ap-southeast-1:111111111111:function:jobs',
    });
    try {
      const { handler } = await import(assetOf('Api'));
      const response = await handler(
        {
          version: '2.0',
          routeKey: 'ANY /api/{proxy+}',
          rawPath: '/api/forms',
          rawQueryString: '',
          headers: { host: 'baocao.example.org' },
          requestContext: { http: { method: 'GET', path: '/api/forms', sourceIp: '203.0.113.7' }, domainName: 'baocao.example.org', stage: '$default' },
          isBase64Encoded: false,
        },
        {},
      );
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(response.body).forms.map((f: { id: string }) => f.id)).toContain('971-nhan-luc-y-te');
      expect(asked.sort()).toEqual([
        `secretsmanager.GetSecretValue ${process.env.AUTH_SECRET_ARN}`,
        `secretsmanager.GetSecretValue ${process.env.ORIGIN_KEY_ARN}`,
      ]);
    } finally {
      secretsManager.close();
    }
  });

  test('the bundled jobs function loads and exports its handler', async () => {
    const { handler } = await import(assetOf('Jobs'));
    expect(typeof handler).toBe('function');
  });
});
