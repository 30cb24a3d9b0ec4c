import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/** The parts of the wasm-bindgen glue (`schema_engine_bg.js`) this project uses. */
export interface EngineModule {
  SchemaEngine: typeof SchemaEngine;
  version(): string;
}

interface GlueModule extends EngineModule {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

interface PanicRegistry {
  message: string | undefined;
  set_message(message: string): void;
}

const require = createRequire(import.meta.url);
const GLUE = '@prisma/schema-engine-wasm/schema_engine_bg';

/**
 * The Rust side reports a panic through this global before the instance traps. Without it,
 * the trap kills the engine with no message at all.
 */
const panics: PanicRegistry = (Reflect.get(globalThis, 'PRISMA_WASM_PANIC_REGISTRY') as PanicRegistry | undefined) ?? {
  message: undefined,
  set_message(message: string): void {
    this.message = message;
  },
};
Reflect.set(globalThis, 'PRISMA_WASM_PANIC_REGISTRY', panics);

/**
 * The engine's state belongs to the process, not to this module: a test runner or bundler
 * may load this file more than once, but the glue module (and so the wasm memory it points
 * at) exists once per process. Two copies of this module must share one instance and one
 * queue, or their calls would interleave inside the same wasm memory.
 */
interface EngineProcessState {
  generation: number;
  loaded: Promise<EngineModule> | undefined;
  queue: Promise<unknown>;
}
const STATE_KEY = Symbol.for('openstation.schema-engine-wasm');
const state: EngineProcessState = (Reflect.get(globalThis, STATE_KEY) as EngineProcessState | undefined) ?? {
  generation: 0,
  loaded: undefined,
  queue: Promise.resolve(),
};
Reflect.set(globalThis, STATE_KEY, state);

/** Runs engine work one call at a time per process, whichever copy of this module asks. */
export function serializeEngineWork<T>(work: () => Promise<T>): Promise<T> {
  const result = state.queue.then(work);
  state.queue = result.catch(() => undefined);
  return result;
}

/** Returns and forgets the message of the last Rust panic, if one happened since the last call. */
export function takePanicMessage(): string | undefined {
  const message = panics.message;
  panics.message = undefined;
  return message;
}

/**
 * Prefer the wasm shipped inside the prisma CLI package: it is the engine build the CLI
 * itself reports (`Default Engines Hash`). The glue of @prisma/schema-engine-wasm matches
 * its import table; fall back to that package's own wasm when prisma is not installed.
 */
function wasmPath(): string {
  try {
    const cliWasm = join(dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm');
    if (existsSync(cliWasm)) return cliWasm;
  } catch {
    // prisma is not resolvable from here: use the package's own build.
  }
  return join(dirname(require.resolve(GLUE)), 'schema_engine_bg.wasm');
}

/** Timers the engine started; it never clears them itself. */
const engineTimers = new Set<NodeJS.Timeout>();

function engineSetTimeout(callback: () => void, milliseconds: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, milliseconds >>> 0);
  engineTimers.add(timer);
  return timer;
}

/**
 * Lets the process exit although timers the engine started (timeouts it raced against
 * finished work) are still pending. Call when no engine call is in flight.
 */
export function releaseEngineTimers(): void {
  for (const timer of engineTimers) timer.unref();
}

async function instantiate(): Promise<EngineModule> {
  state.generation += 1;
  const glueUrl = pathToFileURL(require.resolve(GLUE));
  // A fresh URL gives a fresh copy of the glue's module state (needed after a panic).
  glueUrl.search = `?instance=${state.generation}`;
  const glue = (await import(glueUrl.href)) as GlueModule;
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(imports)) {
    if (name.startsWith('__wbg_setTimeout_')) imports[name] = engineSetTimeout;
  }
  const bytes = await readFile(wasmPath());
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': imports as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports['__wbindgen_start'];
  if (typeof start !== 'function') throw new Error('schema engine wasm has no __wbindgen_start export');
  start();
  return glue;
}

/** Loads the schema engine wasm once per process (again after {@link discardEngineModule}). */
export function loadEngineModule(): Promise<EngineModule> {
  state.loaded ??= instantiate().catch((error: unknown) => {
    state.loaded = undefined;
    throw error;
  });
  return state.loaded;
}

/** Forgets the loaded instance: after a Rust panic its memory can no longer be trusted. */
export function discardEngineModule(): void {
  state.loaded = undefined;
}
