/**
 * Runs `stop` once, on the first SIGINT (Ctrl-C), SIGTERM or SIGHUP (its terminal closed), and
 * exits 0 once it has finished (1 if it failed); a further signal while stopping changes nothing.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // A closed terminal (SIGHUP, or Ctrl-C ending the shell before us) makes writes to it fail:
    // the stop must still finish, so those write errors are dropped rather than thrown.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
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
  process.on('SIGHUP', onSignal);
}
