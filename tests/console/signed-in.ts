import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Account } from './harness.ts';

/** A new browser context signed in to the console at `origin` as `account`, on its home page. */
export async function signedInPage(browser: Browser, origin: string, account: Account, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const width = options.width ?? 1280;
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 800 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await page.goto(`${origin}/staff/sign-in/`);
  await page.fill('#f-email', account.email);
  await page.fill('#f-password', account.password);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${origin}/staff/`);
  expect(new URL(page.url()).pathname).toBe('/staff/');
  return { context, page };
}
