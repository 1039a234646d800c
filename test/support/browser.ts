/** Debian's Chromium driven by playwright-core; never a downloaded browser. */
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Another build can be named with CHROMIUM_PATH (also how a missing browser is tried out); read at each launch. */
export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** One line saying what is missing and how to install it; undefined when the browser is there. */
export function missingChromium(path = chromiumPath()): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return `Browser tests need Chromium at ${path}: install it with \`sudo apt-get install chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.`;
  }
}

/** `locale`: the browser's language (vi-VN unless a test needs another, e.g. en-US, where a date input shows the month first). */
export async function launchChromium({ locale = 'vi-VN' }: { locale?: string } = {}): Promise<BrowserContext> {
  const missing = missingChromium();
  if (missing) throw Object.assign(new Error(missing), { stack: missing });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: chromiumPath(),
    headless: true,
    locale,
    timezoneId: 'Asia/Ho_Chi_Minh',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
