import { ensureConsoleBuilt } from '../../apps/console/src/build.ts';

/** Builds the console once before the test files start their servers (each then loads the same build). */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt();
}
