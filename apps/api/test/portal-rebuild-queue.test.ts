import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { createRebuildQueue, type RebuildBatch, type RebuildQueueOptions } from '../src/portal-rebuild-queue.ts';

/** A build function whose runs the test finishes by hand, recording batches and overlap. */
function controlledBuild() {
  const batches: RebuildBatch[] = [];
  const finishers: ((error?: Error) => void)[] = [];
  let active = 0;
  let maxActive = 0;
  const task = (batch: RebuildBatch, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      batches.push(batch);
      active += 1;
      maxActive = Math.max(maxActive, active);
      const finish = (error?: Error) => {
        active -= 1;
        if (error) reject(error);
        else resolve();
      };
      finishers.push(finish);
      signal.addEventListener('abort', () => finish(new Error('aborted')), { once: true });
    });
  return {
    task,
    batches,
    /** Finishes the oldest unfinished run. */
    finish: (error?: Error) => finishers.shift()?.(error),
    get maxActive() {
      return maxActive;
    },
  };
}

const logs: string[] = [];
const log = { info: (line: string) => logs.push(line), error: (line: string) => logs.push(line) };
const queueWith = (task: RebuildQueueOptions['task'], debounceMs = 40) => createRebuildQueue({ label: 'Test build', task, debounceMs, log });

describe('portal rebuild queue', () => {
  it('names the stations a batch changed, or none (the whole site) when one change is of no one station', async () => {
    const build = controlledBuild();
    const queue = queueWith(build.task, 300);
    queue.changed('Officer', 7);
    queue.changed('WorkReport', 3);
    queue.changed('Officer', 7);
    await vi.waitFor(() => expect(build.batches).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(build.batches[0]?.stationIds).toEqual([3, 7]);
    build.finish();
    await queue.idle();
    queue.changed('Officer', 7);
    queue.changed('Metric', null);
    await vi.waitFor(() => expect(build.batches).toHaveLength(2), { timeout: 10_000, interval: 50 });
    expect(build.batches[1]?.stationIds).toBeNull();
    build.finish();
    await queue.idle();
    queue.runNow();
    await vi.waitFor(() => expect(build.batches).toHaveLength(3), { timeout: 10_000, interval: 50 });
    expect(build.batches[2]?.stationIds).toBeNull();
    build.finish();
    await queue.close();
  });

  it('coalesces ten quick changes into one build with every entity type', async () => {
    const build = controlledBuild();
    // A long quiet window, so that a busy machine pausing the loop cannot split the burst.
    const queue = queueWith(build.task, 1500);
    for (let i = 0; i < 10; i += 1) {
      queue.changed(i % 2 === 0 ? 'Officer' : 'Station');
      await sleep(5);
    }
    expect(build.batches).toHaveLength(0);
    expect(queue.status().pending).toBe(true);
    await vi.waitFor(() => expect(build.batches).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(build.batches[0]?.entityTypes).toEqual(['Officer', 'Station']);
    expect(queue.status()).toMatchObject({ running: true, pending: false, runs: 1 });
    build.finish();
    await queue.idle();
    expect(queue.status()).toMatchObject({ running: false, pending: false, runs: 1, failures: 0, lastError: null });
    expect(queue.status().lastSucceededAt).toBeInstanceOf(Date);
    await sleep(80);
    expect(build.batches).toHaveLength(1);
    await queue.close();
  });

  it('changes during a build cause exactly one follow-up build, never two at once', async () => {
    const build = controlledBuild();
    const queue = queueWith(build.task);
    queue.runNow();
    expect(build.batches).toHaveLength(1);
    queue.changed('WorkReport');
    await sleep(60);
    queue.changed('ServiceItem');
    queue.changed('WorkReport');
    await sleep(60);
    expect(build.batches).toHaveLength(1);
    expect(queue.status()).toMatchObject({ running: true, pending: true });
    build.finish();
    await sleep(100);
    expect(build.batches).toHaveLength(2);
    expect(build.batches[1]?.entityTypes).toEqual(['ServiceItem', 'WorkReport']);
    build.finish();
    await queue.idle();
    await sleep(100);
    expect(build.batches).toHaveLength(2);
    expect(build.maxActive).toBe(1);
    await queue.close();
  });

  it('a failed build is logged and recorded, and the next change builds again', async () => {
    logs.length = 0;
    const build = controlledBuild();
    const queue = queueWith(build.task);
    queue.changed('Area');
    await sleep(60);
    build.finish(new Error('astro exploded'));
    await queue.idle();
    expect(queue.status()).toMatchObject({ runs: 1, failures: 1, lastError: 'astro exploded', lastSucceededAt: null });
    expect(logs.some((l) => l.startsWith('Test build failed after') && l.includes('(Area): astro exploded'))).toBe(true);
    queue.changed('Area');
    await sleep(60);
    build.finish();
    await queue.idle();
    expect(build.batches).toHaveLength(2);
    expect(queue.status()).toMatchObject({ runs: 2, failures: 1, lastError: null });
    await queue.close();
  });

  it('a burst that never pauses still builds once the longest wait is over', async () => {
    const build = controlledBuild();
    const queue = createRebuildQueue({ label: 'Test build', task: build.task, debounceMs: 50, maxWaitMs: 120, log });
    const until = Date.now() + 300;
    while (Date.now() < until && build.batches.length === 0) {
      queue.changed('Event');
      await sleep(10);
    }
    expect(build.batches).toHaveLength(1);
    await queue.close();
  });

  it('close aborts the running build, cancels the scheduled one and ignores later changes', async () => {
    const build = controlledBuild();
    const queue = queueWith(build.task);
    queue.runNow();
    queue.changed('Officer');
    await queue.close();
    expect(queue.status().running).toBe(false);
    queue.changed('Officer');
    await sleep(80);
    expect(build.batches).toHaveLength(1);
  });
});
