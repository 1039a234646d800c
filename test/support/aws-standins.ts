/**
 * Stand-ins for what a deployed function reaches besides DynamoDB: Secrets
 * Manager and SES v2, as small HTTP servers speaking just enough of their JSON
 * protocols for the AWS SDK (pointed at them with `AWS_ENDPOINT_URL_*`), and
 * the Lambda runtime itself: a child process per function that imports the
 * bundle once (its cold start) and then runs one event at a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface StandIn {
  endpoint: string;
  close(): Promise<void>;
}

async function serve(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

function reply(res: ServerResponse, status: number, contentType: string, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': contentType, ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Secrets Manager's `GetSecretValue` (awsJson1_1) for the given secrets; any
 * other operation or secret is refused as the service would.
 */
export async function startSecretsManager(secrets: Record<string, string>): Promise<StandIn & { asked: string[] }> {
  const asked: string[] = [];
  const json = 'application/x-amz-json-1.1';
  const { server, endpoint } = await serve((req, body, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target !== 'secretsmanager.GetSecretValue') {
      return reply(res, 400, json, { __type: 'UnknownOperationException', message: `stand-in does not do ${target}` });
    }
    const { SecretId } = JSON.parse(body) as { SecretId: string };
    asked.push(SecretId);
    const value = secrets[SecretId];
    if (value === undefined) return reply(res, 400, json, { __type: 'ResourceNotFoundException', message: `no secret ${SecretId}` });
    reply(res, 200, json, { ARN: SecretId, Name: SecretId, SecretString: value, VersionId: '00000000-0000-0000-0000-000000000001', VersionStages: ['AWSCURRENT'] });
  });
  return { endpoint, asked, close: () => closeServer(server) };
}

/** A `SendEmail` request as SES received it (JSON body of `POST /v2/email/outbound-emails`). */
export interface SesSendEmail {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  Content: {
    Simple?: { Subject: { Data: string }; Body: { Text?: { Data: string }; Html?: { Data: string } } };
    /** base64 of the whole MIME message */
    Raw?: { Data: string };
  };
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * SES v2 `SendEmail` (REST-JSON), keeping every accepted request. Refuses, as
 * SES documents, addresses that are not ASCII: a display name must come as
 * RFC 2047 encoded-words.
 */
export async function startSes(): Promise<StandIn & { sent: SesSendEmail[] }> {
  const sent: SesSendEmail[] = [];
  const { server, endpoint } = await serve((req, body, res) => {
    if (req.method !== 'POST' || req.url !== '/v2/email/outbound-emails') {
      return reply(res, 404, 'application/json', { message: `stand-in does not do ${req.method} ${req.url}` }, { 'x-amzn-errortype': 'NotFoundException' });
    }
    const request = JSON.parse(body) as SesSendEmail;
    const addresses = [request.FromEmailAddress ?? '', ...Object.values(request.Destination ?? {}).flat()];
    const bad = addresses.find((a) => !ASCII.test(a));
    if (bad !== undefined) {
      return reply(res, 400, 'application/json', { message: `Illegal address: ${bad}` }, { 'x-amzn-errortype': 'BadRequestException' });
    }
    sent.push(request);
    reply(res, 200, 'application/json', { MessageId: `standin-${sent.length}` });
  });
  return { endpoint, sent, close: () => closeServer(server) };
}

type Reply = { id: number; result?: unknown; error?: string } | { ready: true } | { ready: false; error: string };

export interface LambdaProcess {
  /** Runs one event through the handler, as the Lambda runtime does, and returns its result. */
  invoke<T = any>(event: unknown): Promise<T>;
  stop(): void;
}

const DRIVER = fileURLToPath(new URL('./lambda-driver.ts', import.meta.url));

/**
 * A function as deployed: its bundle imported in a process of its own with only
 * the given environment (as Lambda gives one), so cold starts read their
 * config exactly as in AWS and functions do not share state.
 */
export async function startLambda(bundle: string, env: Record<string, string>): Promise<LambdaProcess> {
  const child: ChildProcess = fork(DRIVER, [bundle], { env, stdio: ['ignore', 'inherit', 'pipe', 'ipc'], serialization: 'advanced' });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const gone = (why: string) => {
    for (const { reject } of pending.values()) reject(new Error(`${bundle}: ${why}\n${stderr}`));
    pending.clear();
  };
  child.on('exit', (code, signal) => gone(`process ended (${signal ?? code})`));
  child.on('message', (message: Reply) => {
    if (!('id' in message)) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiting?.reject(new Error(`${bundle}: handler threw: ${message.error}`));
    else waiting?.resolve(message.result);
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', (message: Reply) =>
        'ready' in message && message.ready ? resolve() : reject(new Error(`${bundle}: cold start failed: ${'error' in message ? message.error : ''}`)),
      );
      child.once('exit', (code) => reject(new Error(`${bundle}: cold start ended the process (${code})\n${stderr}`)));
    });
  } catch (error) {
    stop();
    throw error;
  }
  return {
    invoke(event) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, event });
      });
    },
    stop,
  };
}
