import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../src/portal-build.ts';

describe('a portal build that hangs', () => {
  const portalDir = mkdtempSync(join(tmpdir(), 'openstation-hung-build-'));
  afterAll(() => rmSync(portalDir, { recursive: true, force: true }));

  it('is stopped at its timeout and fails with a message saying so, keeping the previous site', async () => {
    // An "astro" that never finishes (as a build writing to an unusable directory did, for minutes).
    mkdirSync(join(portalDir, 'node_modules', 'astro', 'bin'), { recursive: true });
    writeFileSync(join(portalDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'setInterval(() => {}, 1000);\n');
    mkdirSync(join(portalDir, 'dist'));
    writeFileSync(join(portalDir, 'dist', 'index.html'), 'previous');
    const started = Date.now();
    const build = buildPortal({ portalDir, apiUrl: 'http://127.0.0.1:9/graphql', site: 'http://localhost', timeoutMs: 1_000 });
    await expect(build.done).rejects.toThrow(/timed out after 1 s/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readFileSync(join(portalDir, 'dist', 'index.html'), 'utf8')).toBe('previous');
  });
});
