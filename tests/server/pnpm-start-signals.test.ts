import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `pnpm start` as an operator runs it, a real `pnpm` process: how it stops. pnpm 12 ignores
 * SIGINT itself (SIG_IGN: it relies on the terminal signalling the script's process group on
 * Ctrl-C), so a `kill -INT` sent to the pnpm process alone reaches no process at all; the
 * server therefore prints its own pid, keeps it in the state file, and stops cleanly on SIGINT
 * sent there, on Ctrl-C in the terminal, and on SIGTERM sent to pnpm (which pnpm passes on).
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'openstation-signals-'));
const dataDir = join(dir, 'pglite');
const stateFile = join(dir, 'openstation-server.json');
const SIGINT_BIT = 1n << 1n;

interface Started {
  child: ChildProcess;
  output: string[];
}

/** Runs `command` (`pnpm start`, possibly inside `script` for a terminal) and waits until the server is ready. */
function start(command: string, args: string[], port: number): Promise<Started> {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `pglite:${dataDir}`, PORT: String(port), HOST: '127.0.0.1', PORTAL_BUILD: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/Ready in/.test(output.join(''))) resolve({ child, output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}: ${output.join('')}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The signals a process ignores, from /proc (Linux). */
function ignoredSignals(pid: number): bigint {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('SigIgn:')) ?? 'SigIgn: 0';
  return BigInt(`0x${line.split(/\s+/)[1]}`);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stopping `pnpm start`', () => {
  it('SIGINT to the server pid it prints (and keeps in the state file) stops it cleanly; pnpm itself ignores SIGINT', async () => {
    const run = await start('pnpm', ['start'], 4320);
    const pnpmPid = run.child.pid as number;
    expect(ignoredSignals(pnpmPid) & SIGINT_BIT, 'pnpm ignores SIGINT: kill -INT <pnpm pid> reaches nothing').toBe(SIGINT_BIT);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number };
    expect(state.pid).not.toBe(pnpmPid);
    expect(run.output.join('')).toContain(`kill -INT ${state.pid}`);
    const done = exited(run.child);
    process.kill(state.pid, 'SIGINT');
    expect(await done).toBe(0);
    expect(run.output.join('')).toContain('SIGINT received');
    expect(existsSync(stateFile), 'the state file is removed').toBe(false);
  }, 180_000);

  it('SIGTERM to the pnpm process stops the server cleanly', async () => {
    const run = await start('pnpm', ['start'], 4321);
    const done = exited(run.child);
    run.child.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(run.output.join('')).toContain('SIGTERM received');
    expect(existsSync(stateFile)).toBe(false);
  }, 180_000);

  it('Ctrl-C in the terminal that runs `pnpm start` stops the server cleanly', async () => {
    // `script` gives pnpm a real terminal; ^C typed into it is turned into SIGINT by the terminal.
    const run = await start('script', ['-qfec', 'pnpm start', '/dev/null'], 4322);
    const done = exited(run.child);
    run.child.stdin?.write('\x03');
    expect(await done).toBe(0);
    expect(run.output.join('')).toContain('SIGINT received');
    expect(existsSync(stateFile)).toBe(false);
  }, 180_000);
});
