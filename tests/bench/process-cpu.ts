import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * CPU time used so far by processes of this machine, from /proc (Linux): on a shared, busy
 * machine the CPU a request costs is steadier than the requests a second it reaches.
 */

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User plus system CPU milliseconds of process `pid` so far, or 0 if it has gone. */
export function cpuMsOf(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The pids of `pid`'s child processes (a cluster's workers). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** {@link cpuMsOf} of `pid` and its child processes: a server with several workers. */
export function treeCpuMs(pid: number): number {
  return [pid, ...childPids(pid)].reduce((sum, each) => sum + cpuMsOf(each), 0);
}

/**
 * CPU milliseconds of the PostgreSQL backends serving `database` (the server must run on this
 * machine), per backend pid, so a later reading can be compared: see {@link cpuMsSince}.
 */
export async function backendCpu(url: string, database: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)]));
  } finally {
    await client.end();
  }
}

/** CPU milliseconds the backends of `now` used since `before` (a backend new since counts whole). */
export function cpuMsSince(before: Map<number, number>, now: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of now) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** CPU milliseconds this machine has spent busy (every core, all but idle and I/O wait) since boot, and its core count. */
export function machineBusyMs(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}
