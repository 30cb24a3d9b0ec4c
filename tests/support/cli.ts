import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `pnpm` runs the root scripts. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch directory and an embedded database URL inside it, for one CLI test file. */
export function scratchDatabase(prefix: string): { scratch: string; databaseUrl: string } {
  const scratch = mkdtempSync(join(tmpdir(), `openstation-${prefix}-`));
  return { scratch, databaseUrl: `pglite:${join(scratch, 'pglite')}` };
}

/**
 * Runs `apps/api/scripts/<script>.ts` with Node from the repository root against
 * `databaseUrl`, feeding `stdin`, and collects its exit code and output.
 */
export function runScript(script: string, args: readonly string[], databaseUrl: string, stdin = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`apps/api/scripts/${script}.ts`, ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
