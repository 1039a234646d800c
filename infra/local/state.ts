/**
 * `npm start` writes where its services listen to `.data/platform.json`, so
 * the demo and job commands can act on the running platform.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadForms } from '#schemas/registry.ts';
import { createSmtpMailer } from '../../functions/adapters/mail/nodemailer-mailer.ts';
import type { Clock } from '../../functions/core/ports.ts';
import { createRuntime } from '../../functions/runtime.ts';
import { createJobRunners } from '../../functions/jobs/runners.ts';
import { LOCAL_DYNAMODB_CLIENT } from './dynamodb-local.ts';
import { LOCAL_SENDER, localRecipients, REPO_ROOT, TABLE_NAME } from './platform.ts';

export const DATA_DIR = join(REPO_ROOT, '.data');
const STATE_FILE = join(DATA_DIR, 'platform.json');

export interface PlatformState {
  url: string;
  dynamodbEndpoint: string;
  smtp: { host: string; port: number };
  mailDir: string;
  pid: number;
}

export function writeState(state: PlatformState): void {
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export function clearState(): void {
  rmSync(STATE_FILE, { force: true });
}

/** Connects to the platform `npm start` is running, or explains how to start it. */
export async function connectToRunningPlatform(clock?: Clock) {
  if (!existsSync(STATE_FILE)) {
    console.error('Nền tảng chưa chạy. Hãy chạy `npm start` ở một cửa sổ khác trước.');
    process.exit(1);
  }
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as PlatformState;
  const registry = await loadForms();
  const runtime = createRuntime({
    registry,
    tableName: TABLE_NAME,
    dynamodb: { ...LOCAL_DYNAMODB_CLIENT, endpoint: state.dynamodbEndpoint },
    mailer: createSmtpMailer({ ...state.smtp, from: LOCAL_SENDER }),
    publicUrl: state.url,
    recipients: localRecipients(registry),
    ...(clock ? { clock } : {}),
  });
  const runSummary = createJobRunners(runtime).summaryJob();
  return { state, registry, runtime, runSummary };
}
