/**
 * Runs `stop` once, on the first SIGINT (Ctrl-C) or SIGTERM, and exits 0 once it has finished
 * (1 if it failed); a second signal while stopping changes nothing.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing connections and the database…`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
