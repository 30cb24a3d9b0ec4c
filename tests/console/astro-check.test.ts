import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const consoleDir = fileURLToPath(new URL('../../apps/console', import.meta.url));

it('astro check finds no type errors in the .astro and .ts files of the console', () => {
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], {
    cwd: consoleDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', CI: '1' },
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(output).toMatch(/- 0 errors/);
  expect(run.status, output).toBe(0);
}, 180_000);
