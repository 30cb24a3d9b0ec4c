import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../portal/browser.ts';
import { type Account, useConsoleServer } from './harness.ts';
import { correctReport, createReportEditor, writeAndPublishReport } from './report-flow.ts';
import { signIn } from './signed-in.ts';

const server = useConsoleServer();
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let editor: Account | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  editor = await createReportEditor(server);
});
afterAll(async () => {
  await browser?.close();
});

it('with JavaScript off, an editor deletes a draft, writes, checks (the server works out the changes), previews, publishes and corrects a report', async () => {
  if (!browser || !editor) throw new Error('not set up');
  const { context, page } = await signIn(browser, server.origin, editor, { javaScriptEnabled: false });
  const { reportPath } = await writeAndPublishReport(server, page, false);
  // This server builds no portal: the page says so rather than waiting for it.
  expect(await page.getAttribute('#portal-status', 'data-state')).toBe('off');
  await correctReport(server, page, reportPath);
  await context.close();
}, 120_000);
