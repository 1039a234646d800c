/** One platform (in-memory DynamoDB Local, SMTP sink) and one Chromium per browser-test file. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { FormRegistry } from '#schemas/registry.ts';
import type { Role } from '../../functions/core/users.ts';
import { settableClock } from '../../infra/local/demo-data.ts';
import { REPO_ROOT, startPlatform, type Platform } from '../../infra/local/platform.ts';
import { launchChromium } from './browser.ts';

export interface E2E {
  platform: Platform;
  browser: BrowserContext;
  clock: ReturnType<typeof settableClock>;
  stop(): Promise<void>;
}

/**
 * `scheduler`: keep the local scheduler (off by default, so that no summary fires while a test moves the clock);
 * it runs on `clock`, and `platform.scheduler.tick()` fires what is due at once.
 */
export async function startE2E(options: { registry?: FormRegistry; scheduler?: boolean } = {}): Promise<E2E> {
  if (!existsSync(join(REPO_ROOT, 'web/build'))) throw new Error('web/build is missing: run `npm run build:web` first');
  const clock = settableClock();
  const platform = await startPlatform({
    port: 0,
    mailDir: mkdtempSync(join(tmpdir(), 'e2e-mail-')),
    clock,
    scheduler: options.scheduler ?? false,
    ...(options.registry ? { registry: options.registry } : {}),
  });
  // Whatever fails after the platform is up stops it again: no DynamoDB Local left behind.
  let browser: BrowserContext;
  try {
    browser = await launchChromium();
  } catch (error) {
    await platform.stop();
    throw error;
  }
  return {
    platform,
    browser,
    clock,
    async stop() {
      try {
        await browser.close();
      } finally {
        await platform.stop();
      }
    },
  };
}

/**
 * Signs the browser in as a user of `unit` (creating the user), without the
 * emailed code: the code path has its own browser test (`login.test.ts`).
 */
export async function signInBrowser(e2e: Pick<E2E, 'platform' | 'browser'>, user: { unit: string; role?: Role; email?: string; name?: string }): Promise<string> {
  const role = user.role ?? 'reporter';
  const email = user.email ?? `${role}-${user.unit.toLowerCase()}@e2e.local`;
  const runtime = e2e.platform.runtime;
  if (!(await runtime.authStore.getUser(email))) {
    await runtime.users.create('system', { email, name: user.name ?? `Cán bộ đơn vị ${user.unit}`, unit: user.unit, role });
  }
  const token = await runtime.auth.openSession(email);
  await e2e.browser.addCookies([{ name: 'baocao', value: token, url: e2e.platform.url, httpOnly: true, sameSite: 'Lax' }]);
  return email;
}

/** Signs in as the unit's reporter, opens a form page and waits for the unit to be chosen. */
export async function openForm(e2e: E2E, formId: string, unitCode: string): Promise<Page> {
  await signInBrowser(e2e, { unit: unitCode });
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.platform.url}/bao-cao/${formId}/`);
  await expect.poll(() => page.locator(`#unit option[value="${unitCode}"]`).count()).toBe(1);
  await page.selectOption('#unit', unitCode);
  return page;
}

/** Submits and waits for the receipt; returns its text. */
export async function submitAndReadReceipt(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  const receipt = page.getByTestId('receipt');
  await expect
    .poll(async () => (await receipt.isVisible()) || (await page.getByTestId('error-summary').isVisible()), { timeout: 15_000 })
    .toBe(true);
  if (!(await receipt.isVisible())) throw new Error(`not submitted: ${await page.getByTestId('error-summary').innerText()}`);
  return receipt.innerText();
}
