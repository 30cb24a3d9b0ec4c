import { ensureConsoleBuilt } from '../src/build.ts';

// `--entry`: print only the built server entry's path (the API server runs this before it loads the console).
const started = performance.now();
const entry = await ensureConsoleBuilt();
if (process.argv.includes('--entry')) process.stdout.write(`${entry}\n`);
else console.log(`Staff console built (or already up to date) in ${Math.round(performance.now() - started)} ms.`);
