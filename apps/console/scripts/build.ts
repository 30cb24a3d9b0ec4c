import { ensureConsoleBuilt } from '../src/build.ts';

const started = performance.now();
await ensureConsoleBuilt();
console.log(`Staff console built (or already up to date) in ${Math.round(performance.now() - started)} ms.`);
