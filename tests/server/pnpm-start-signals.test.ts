import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

/**
 * `pnpm start` as an operator runs it, a real `pnpm` process: SIGINT sent to the pnpm process
 * (pnpm passes it to the script), SIGTERM sent to it, Ctrl-C in its terminal and closing that
 * terminal each stop the server cleanly: "SIGINT/SIGTERM received", the state file removed
 * (pnpm's own exit status after Ctrl-C: see that test). A pnpm
 * started as a background job of a non-interactive shell (`pnpm start &` in a script) inherits
 * SIGINT ignored, as POSIX shells do for background jobs, and then cannot pass it on: the server
 * prints its own pid for that case (README, "Stopping").
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
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/Stop: .*kill -INT \d+/.test(output.join(''))) resolve({ child, output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}: ${output.join('')}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves once process `pid` no longer exists. */
async function serverGone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The signals a process ignores, from /proc (Linux). */
function ignoredSignals(pid: number): bigint {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('SigIgn:')) ?? 'SigIgn: 0';
  return BigInt(`0x${line.split(/\s+/)[1]}`);
}

/** What a failed test left running is stopped (SIGTERM reaches the server through pnpm). */
const running = new Set<ChildProcess>();
afterEach(async () => {
  await Promise.all([...running].map((child) => { const done = exited(child); child.kill('SIGTERM'); return done; }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stopping `pnpm start`', () => {
  it('SIGINT to the pnpm process stops the server cleanly', async () => {
    const run = await start('pnpm', ['start'], 4320);
    const pnpmPid = run.child.pid as number;
    expect(ignoredSignals(pnpmPid) & SIGINT_BIT, 'this pnpm was not started with SIGINT ignored').toBe(0n);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number };
    expect(state.pid, 'the server is a child process of pnpm').not.toBe(pnpmPid);
    expect(run.output.join(''), 'the server names its own pid').toContain(`kill -INT ${state.pid}`);
    const done = exited(run.child);
    process.kill(pnpmPid, 'SIGINT');
    expect(await done).toBe(0);
    expect(run.output.join('')).toContain('SIGINT received');
    expect(existsSync(stateFile), 'the state file is removed').toBe(false);
  }, 240_000);

  it('SIGTERM to the pnpm process stops the server cleanly', async () => {
    const run = await start('pnpm', ['start'], 4321);
    const { pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number };
    const done = exited(run.child);
    run.child.kill('SIGTERM');
    await done; // pnpm passes SIGTERM on and ends without waiting (status null): the server's own stop is what counts.
    await serverGone(pid);
    expect(run.output.join('')).toContain('SIGTERM received');
    expect(existsSync(stateFile), 'the server ran its shutdown (it removes the state file last)').toBe(false);
  }, 180_000);

  it('Ctrl-C in the terminal that runs `pnpm start` stops the server cleanly', async () => {
    // `script` gives pnpm a real terminal; ^C typed into it is turned into SIGINT by the terminal.
    const run = await start('script', ['-qfec', 'pnpm start', '/dev/null'], 4322);
    const done = exited(run.child);
    const { pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number };
    run.child.stdin?.write('\x03');
    // The terminal signals the whole foreground group: the server, and pnpm's script shell, which
    // may end by SIGINT itself, so pnpm then ends 0 or 130 (128 + SIGINT, as a shell reports ^C)
    // depending on which went first. The server's own clean stop is what counts.
    expect([0, 130]).toContain(await done);
    await serverGone(pid);
    expect(run.output.join('')).toContain('SIGINT received');
    expect(existsSync(stateFile), 'the server ran its shutdown (it removes the state file last)').toBe(false);
  }, 180_000);

  it('closing the terminal that runs `pnpm start` (SIGHUP) stops the server cleanly', async () => {
    const run = await start('script', ['-qfec', 'pnpm start', '/dev/null'], 4323);
    const { pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number };
    run.child.kill('SIGKILL'); // the terminal goes away: the kernel hangs up its processes
    await serverGone(pid);
    expect(existsSync(stateFile), 'the server ran its shutdown (it removes the state file last)').toBe(false);
  }, 180_000);
});
