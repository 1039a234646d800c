/**
 * Checked once before any browser test file starts: without Chromium or the web
 * build every file would fail the same way, each with its own stack trace.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { missingChromium } from './browser.ts';

export default function setup() {
  const problems = [missingChromium(), existsSync(fileURLToPath(new URL('../../web/build', import.meta.url))) ? undefined : 'Browser tests need the web build: run `npm run build:web` first.'];
  const message = problems.filter(Boolean).join('\n');
  // The message alone: a stack trace would only point here.
  if (message) throw Object.assign(new Error(message), { stack: message });
}
