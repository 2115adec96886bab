// Entry point: `tsx apps/worker/src/main.ts`. Exits cleanly on SIGTERM/SIGINT after active jobs finish.
import { startWorker } from "./worker";

try {
  const worker = await startWorker();
  let signals = 0;
  const stop = (sig: string) => {
    signals++;
    if (signals > 1) {
      console.error(`${sig} again: exiting without waiting for active jobs`);
      process.exit(1);
    }
    worker.ctx.log("shutting down", { signal: sig });
    worker.close().then(
      () => process.exit(0),
      (e: Error) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} catch (e) {
  console.error(`bulwark worker: ${(e as Error).message}`);
  process.exit(1);
}
