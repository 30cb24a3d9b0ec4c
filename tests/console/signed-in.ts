import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from '../portal/browser.ts';
import type { Account } from './harness.ts';

/** A new browser context signed in to the console at `origin` as `account`, on its home page (1280 × 800, or a phone's 740 high under 600 wide). */
export async function signIn(browser: Browser, origin: string, account: Account, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
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

/**
 * Runs axe-core on the page as it stands at 1280 × 800 and at 360 × 740 (no reload, so a
 * page that answered a form is checked too), then goes back to 1280 × 800. With
 * `CONSOLE_SHOTS` set to a directory, saves a screenshot of each width there as `name-width.png`.
 */
export async function expectAccessibleAtBothWidths(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 800], [360, 740]] as const) {
    await page.setViewportSize({ width, height });
    const violations = await axeViolations(page);
    expect(violations, `${name} at ${width}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    const shots = process.env.CONSOLE_SHOTS;
    if (shots) await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
