/**
 * The app stack: everything but the data. It can be destroyed and rebuilt
 * without touching submissions; the table comes from the data stack.
 *
 *   browser ─ CloudFront ─┬─ S3 (web build, origin access control)
 *                         └─ /api/* ─ HTTP API ─┬─ outputs, rounds, reviews ─ Lambda: export
 *                                               └─ /api/* (the submit path)  ─ Lambda: api
 *   EventBridge Scheduler (group baocao-<env>: the API writes each round's schedules)
 *     ─ scheduler role ─ Lambda: jobs ─ SQS DLQ ─ alarm
 */
import { join } from 'node:path';
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type CfnElement, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { PAGE_SECURITY_HEADERS } from '../../functions/api/security.ts';
import { ORIGIN_KEY_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/api/client-address.ts';
import { BUNDLE, LAMBDA_ENTRIES, REPO_ROOT, type LambdaName } from './bundling.ts';
import type { DeployConfig } from './config.ts';
import { listPages, viewerRequestCode } from './web-routing.ts';

export interface AppStackProps extends StackProps {
  config: DeployConfig;
  table: ITableV2;
  /** The static web build (`npm run build:web`). */
  webDir: string;
}

/**
 * Table actions per function: the reads every handler does, plus exactly the
 * writes its code makes (API: submissions in a transaction of Puts, users,
 * login attempts, sessions, rate windows; export: rounds and their events by
 * Put, an official's marks on an answer and the announcement claims by Update;
 * jobs: the delivery claims, by Update).
 */
const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
export const TABLE_ACTIONS: Record<LambdaName, string[]> = {
  api: [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  export: [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  jobs: [...READ, 'dynamodb:UpdateItem'],
};

/** Paths of the HTTP API served by the export function (functions/api/apart-routes.ts); the rest of `/api/*` is the API function's. */
export const EXPORT_FUNCTION_ROUTES = [
  '/api/forms/{formId}',
  '/api/forms/{formId}/periods/{period}/summary',
  '/api/dashboard/{formId}',
  '/api/exports/{proxy+}',
  '/api/rounds',
  '/api/rounds/{proxy+}',
  ...['return', 'accept', 'reopen', 'history'].map((action) => `/api/forms/{formId}/periods/{period}/submissions/{orgUnit}/${action}`),
];

/** Rates for the whole API: a national deadline brings about 1,000 units in a few hours (README, "What it costs"). */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };
/**
 * What the API may do to schedules, and only in the stack's group: write a
 * round's schedules by name (functions/adapters/scheduler). No ListSchedules:
 * IAM cannot limit it to a group (the service authorization reference lists no
 * resource type for it, so it would need `*`), and the adapter never lists.
 */
export const SCHEDULER_ACTIONS = ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'];
/** Both apply to the jobs function's own asynchronous invocation: EventBridge Scheduler invokes Lambda asynchronously, so a failing job is retried and dead-lettered by Lambda, not by the scheduler. */
export const JOB_RETRY = { retryAttempts: 2, maxEventAge: Duration.hours(2) };
const CLOUDFRONT_FUNCTION_MAX_BYTES = 10 * 1024;

/**
 * Seconds each function may run. A DynamoDB call is bounded (functions/adapters/dynamodb/client.ts,
 * 5 s at worst with its retry), so a dead or frozen table ends a request with a 503 in seconds;
 * the API's longest path (a submission: session, user, org units, current revision, write)
 * is five calls, and the HTTP API gives up on any integration after 30 s. The jobs function
 * stays under the delivery lease (functions/core/delivery.ts), so a run still alive always
 * holds its claims and no second run can mail the same recipient meanwhile.
 */
export const LAMBDA_TIMEOUT_SECONDS: Record<LambdaName, number> = { api: 28, export: 28, jobs: 300 };

export class AppStack extends Stack {
  readonly functions: Record<LambdaName, NodejsFunction>;
  readonly distribution: Distribution;
  readonly deadLetterQueue: Queue;
  readonly scheduleGroup: ScheduleGroup;
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config, table } = props;
    const publicUrl = `https://${config.domainName}`;

    // Generated inside AWS: no value in the repo or the template.
    const authSecret = new Secret(this, 'AuthSecret', {
      description: 'Key for login-code hashes (HMAC); read by the API at cold start.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const originKey = new Secret(this, 'OriginKey', {
      description: 'Sent by CloudFront to the API so it can trust the viewer address header.',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    for (const secret of [authSecret, originKey]) {
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'No automatic rotation: the auth key only hashes login codes that live 10 minutes and the origin key only marks requests as coming through CloudFront; rotate by hand (put-secret-value, then redeploy), which costs at most the codes in flight.',
      });
    }

    const alarmTopic = new Topic(this, 'Alarms', { enforceSSL: true });
    if (config.alarmEmail) alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));

    this.deadLetterQueue = new Queue(this, 'JobsDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    new Alarm(this, 'JobsDeadLettersAlarm', {
      alarmDescription: 'A scheduled job (summary or reminder email) failed after its retries; its event waits in the dead-letter queue.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(alarmTopic));

    const environment = {
      TABLE_NAME: table.tableName,
      MAIL_FROM: `"${config.mailFromName}" <${config.mailFrom}>`,
      PUBLIC_URL: publicUrl,
      SUMMARY_RECIPIENTS: JSON.stringify(config.summaryRecipients),
    };
    const apiEnvironment = { ...environment, AUTH_SECRET_ARN: authSecret.secretArn, ORIGIN_KEY_ARN: originKey.secretArn };

    const jobs = this.lambda('jobs', {
      memorySize: 1024,
      timeout: Duration.seconds(LAMBDA_TIMEOUT_SECONDS.jobs),
      environment,
      ...JOB_RETRY,
      deadLetterQueue: this.deadLetterQueue,
    });
    // A group per environment: schedule names (`<job>-<round id>`) are unique only within a group.
    this.scheduleGroup = new ScheduleGroup(this, 'Schedules', { scheduleGroupName: `baocao-${config.envName}` });
    this.schedulerRole = this.schedulerRoleFor(this.scheduleGroup, jobs);
    this.functions = {
      api: this.lambda('api', { memorySize: 1024, timeout: Duration.seconds(LAMBDA_TIMEOUT_SECONDS.api), environment: apiEnvironment }),
      // Exports and round administration (functions/api/export-lambda.ts), apart from the submit path.
      export: this.lambda('export', {
        memorySize: 1024,
        timeout: Duration.seconds(LAMBDA_TIMEOUT_SECONDS.export),
        environment: {
          ...apiEnvironment,
          // Read by functions/adapters/scheduler (schedulerFromConfig): round administration writes rounds' schedules.
          SCHEDULE_GROUP: this.scheduleGroup.scheduleGroupName,
          SCHEDULER_ROLE_ARN: this.schedulerRole.roleArn,
          JOBS_FUNCTION_ARN: jobs.functionArn,
          JOBS_DEAD_LETTER_ARN: this.deadLetterQueue.queueArn,
        },
      }),
      jobs,
    };
    for (const [name, fn] of Object.entries(this.functions) as Array<[LambdaName, NodejsFunction]>) {
      table.grant(fn, ...TABLE_ACTIONS[name]);
    }
    for (const fn of [this.functions.api, this.functions.export]) {
      for (const secret of [authSecret, originKey]) {
        fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
      }
    }
    // Login codes (API), a new round's announcement and a returned answer (export), summaries and reminders (jobs).
    for (const fn of Object.values(this.functions)) fn.addToRolePolicy(this.sendAsSender(config.mailFrom));
    this.letWriteSchedules(this.functions.export, this.scheduleGroup, this.schedulerRole);

    const httpApi = this.httpApi();
    this.distribution = this.web(props.webDir, httpApi, config, originKey);

    new CfnOutput(this, 'Url', { value: publicUrl, description: 'Where users reach the platform' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.distribution.distributionDomainName,
      description: `Point ${config.domainName} here (CNAME, or an alias record in Route 53)`,
    });
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'TABLE_NAME for `npm run users`' });
    new CfnOutput(this, 'JobsDeadLetterQueueUrl', { value: this.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn, description: 'Subscribe to hear of failed jobs' });
  }

  /** A function from one entry, with its own role and log group (no managed policy, no wildcard on logs). */
  private lambda(name: LambdaName, props: Partial<ConstructorParameters<typeof NodejsFunction>[2]>): NodejsFunction {
    const id = name.charAt(0).toUpperCase() + name.slice(1);
    const logGroup = new LogGroup(this, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    const role = new Role(this, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    return new NodejsFunction(this, id, {
      entry: join(REPO_ROOT, LAMBDA_ENTRIES[name]),
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      role,
      logGroup,
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE.target,
        minify: BUNDLE.minify,
        // The `charset` option is not passed on to esbuild by this aws-cdk-lib.
        esbuildArgs: { '--charset': BUNDLE.charset },
        banner: BUNDLE.banner,
        externalModules: [...BUNDLE.external],
        // Local esbuild only: there is no Docker on the build machines.
        forceDockerBundling: false,
      },
      ...props,
    });
  }

  /**
   * SES SendEmail (v2, what both mailers call) as the configured sender only,
   * whether SES verified the address itself or its domain.
   */
  private sendAsSender(address: string): PolicyStatement {
    const domain = address.slice(address.lastIndexOf('@') + 1);
    return new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [address, domain].map((identity) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      conditions: { StringEquals: { 'ses:FromAddress': address } },
    });
  }

  private httpApi(): HttpApi {
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    const api = new HttpApi(this, 'HttpApi', { description: 'The reporting API, reached through CloudFront at /api/*', createDefaultStage: false });
    api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });
    api.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration: new HttpLambdaIntegration('Api', this.functions.api) });
    // Exports and round administration go to the export function (functions/api/export-lambda.ts).
    const exportIntegration = new HttpLambdaIntegration('Export', this.functions.export);
    for (const path of EXPORT_FUNCTION_ROUTES) api.addRoutes({ path, methods: [HttpMethod.ANY], integration: exportIntegration });
    Validations.of(api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'The API authenticates in the app: a session cookie (login by emailed code) checked on every request; sign-in and the form list must stay public.',
    });
    return api;
  }

  /**
   * The role every schedule of the group runs as: EventBridge Scheduler may
   * assume it for this account's schedules of this group only (confused-deputy
   * conditions), and it may invoke the jobs function (unqualified, as the
   * schedules name it) and put an undeliverable event in the dead-letter queue,
   * nothing else.
   */
  private schedulerRoleFor(group: ScheduleGroup, jobs: NodejsFunction): Role {
    return new Role(this, 'SchedulerRole', {
      description: `EventBridge Scheduler, group ${group.scheduleGroupName}: invokes the jobs function`,
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnEquals: { 'aws:SourceArn': group.scheduleGroupArn },
        },
      }),
      inlinePolicies: {
        InvokeJobs: new PolicyDocument({
          statements: [
            new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [jobs.functionArn] }),
            new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
          ],
        }),
      },
    });
  }

  /**
   * The API writes rounds' schedules (functions/adapters/scheduler): only in
   * the group, and it may hand them only the scheduler role.
   */
  private letWriteSchedules(api: NodejsFunction, group: ScheduleGroup, role: Role): void {
    const inGroup = this.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${group.scheduleGroupName}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    api.addToRolePolicy(new PolicyStatement({ actions: SCHEDULER_ACTIONS, resources: [inGroup] }));
    api.addToRolePolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    // On the function's role (a sibling of the function, not its child), whose policy holds the statement.
    Validations.of(api.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${group.scheduleGroupName}/*]`,
      reason:
        "The API names each round's schedules at run time (`<job>-<round id>`), so it may create, update and delete schedules of the stack's group, and of no other group.",
    });
  }

  /**
   * BucketDeployment's handler is aws-cdk-lib's own Lambda (one per stack),
   * run only while deploying: it copies the web build from the CDK asset bucket
   * into the web bucket and invalidates CloudFront. Its role and runtime are
   * CDK's, not ours to narrow; each finding is named so a new one still fails.
   */
  private acknowledgeDeploymentHandler(site: Bucket): void {
    const handler = this.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('BucketDeployment handler not found');
    const siteArn = `<${this.getLogicalId(site.node.defaultChild as CfnElement)}.Arn>`;
    const why = 'aws-cdk-lib BucketDeployment handler, run only during deploys';
    const findings: Array<[string, string]> = [
      ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'its role is created by CDK with the basic execution policy (logs only)'],
      ['AwsSolutions-IAM5[Action::s3:GetObject*]', 'reads the web build from the CDK asset bucket'],
      ['AwsSolutions-IAM5[Action::s3:GetBucket*]', 'reads bucket metadata of the asset and web buckets only'],
      ['AwsSolutions-IAM5[Action::s3:List*]', 'lists the asset and web buckets only, to sync and prune'],
      ['AwsSolutions-IAM5[Action::s3:DeleteObject*]', 'prunes files of earlier builds from the web bucket only'],
      ['AwsSolutions-IAM5[Action::s3:Abort*]', 'aborts its own multipart uploads to the web bucket'],
      ['AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', 'objects of the CDK bootstrap asset bucket, where the build is staged'],
      [`AwsSolutions-IAM5[Resource::${siteArn}/*]`, 'objects of the web bucket, which it replaces on each deploy'],
      ['AwsSolutions-IAM5[Resource::*]', 'cloudfront:CreateInvalidation/GetInvalidation have no resource-level permissions'],
      ['AwsSolutions-L1', 'its Python runtime is pinned by aws-cdk-lib'],
    ];
    for (const [id, reason] of findings) Validations.of(handler).acknowledge({ id, reason: `${why}: ${reason}.` });
  }

  private web(webDir: string, httpApi: HttpApi, config: DeployConfig, originKey: Secret): Distribution {
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });

    const site = new Bucket(this, 'Web', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      // Rebuilt from the repo on every deploy.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const pagesCode = viewerRequestCode(listPages(webDir));
    if (Buffer.byteLength(pagesCode) > CLOUDFRONT_FUNCTION_MAX_BYTES) {
      throw new Error(`the page-routing CloudFront Function is ${Buffer.byteLength(pagesCode)} bytes, over CloudFront's 10 KB`);
    }
    const pages = new CloudFrontFunction(this, 'PageRouting', {
      code: FunctionCode.fromInline(pagesCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Page URLs to objects of the web build, as the local server does',
    });
    // A client could send this header itself; the function overwrites it with the address CloudFront saw.
    const viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      code: FunctionCode.fromInline(
        `function handler(event) { event.request.headers[${JSON.stringify(VIEWER_ADDRESS_HEADER)}] = { value: event.viewer.ip }; return event.request; }`,
      ),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Passes the viewer IP to the API (API Gateway only sees CloudFront)',
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'PAGE_SECURITY_HEADERS of functions/api/security.ts, plus HSTS',
      // The API sets its own, stricter headers; `override: false` keeps them and fills in the rest (HSTS).
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: PAGE_SECURITY_HEADERS['Content-Security-Policy']!, override: false },
        contentTypeOptions: { override: false },
        frameOptions: { frameOption: PAGE_SECURITY_HEADERS['X-Frame-Options'] as HeadersFrameOption, override: false },
        referrerPolicy: { referrerPolicy: PAGE_SECURITY_HEADERS['Referrer-Policy'] as HeadersReferrerPolicy, override: false },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });

    const distribution = new Distribution(this, 'Distribution', {
      comment: `Báo cáo (${config.envName})`,
      domainNames: [config.domainName],
      certificate: Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn),
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: pages, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Same host as the pages, so the `__Host-` session cookie reaches the API.
        '/api/*': {
          origin: new HttpOrigin(`${httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: { [ORIGIN_KEY_HEADER]: originKey.secretValue.unsafeUnwrap() },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every viewer header (cookies, Origin, Sec-Fetch-Site) but Host, which API Gateway needs to be its own.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: officials report from abroad too (missions, travel); access is by login.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'No WAF for now: API Gateway throttles, login is rate-limited per address and per email in the app; a web ACL costs more than the idle platform.',
    });

    new BucketDeployment(this, 'WebDeployment', {
      sources: [Source.asset(webDir)],
      destinationBucket: site,
      distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    this.acknowledgeDeploymentHandler(site);
    return distribution;
  }
}
