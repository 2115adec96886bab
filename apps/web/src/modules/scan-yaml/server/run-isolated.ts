// Runs rule evaluation for a web request ("scan YAML", "try a custom rule") in a worker thread with
// a hard deadline and a heap cap, so no input can hold the web process: past the deadline the
// thread is terminated, out of memory it dies alone, and the request answers an error naming the
// limit. Each thread serves one task; one spare is kept started (loading the rules takes about a
// second) so the next request does not wait for it. A process runs at most MAX_RUNNING tasks at
// once and an organization one, so one tenant cannot take every slot.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { TRulesTask } from "./rules-tasks";

/** Wall-clock budget of one evaluation, counted from when the thread receives the task. */
export const RULES_DEADLINE_MS = 20_000;
/** V8 old-generation cap of one evaluation thread. */
export const RULES_HEAP_MB = 512;
/** Evaluations one web process runs at once (the machine's cores are shared with requests). */
export const MAX_RUNNING = 2;
const STARTUP_TIMEOUT_MS = 60_000;

/** A limit was hit: the message is meant for the person who asked. */
export class RulesLimitError extends Error {
  constructor(
    message: string,
    readonly limit: "deadline" | "memory" | "busy",
  ) {
    super(message);
    this.name = "RulesLimitError";
  }
}

const WORKER_FILE = "src/modules/scan-yaml/server/rules-worker.mjs";

/** The worker entry, from the web app's directory (next start, next dev) or the repository root (tests). */
function workerFile(): string {
  const candidates = [path.resolve(process.cwd(), WORKER_FILE), path.resolve(process.cwd(), "apps/web", WORKER_FILE)];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`rules worker not found (looked for ${candidates.join(", ")})`);
  return found;
}

interface Started {
  worker: Worker;
  ready: Promise<void>;
}

function start(heapMb = RULES_HEAP_MB): Started {
  const worker = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: heapMb }, stdout: false, stderr: false });
  // The worker must never keep the web process alive on its own (the spare waits idle).
  worker.unref();
  // An 'error' event without a listener would throw in the web process; the task's own listener reports it.
  worker.on("error", () => {});
  const ready = new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("the rules worker did not start")), STARTUP_TIMEOUT_MS);
    worker.once("message", (m: { type?: string }) => {
      clearTimeout(t);
      if (m?.type === "ready") resolve();
      else reject(new Error("the rules worker did not start"));
    });
    worker.once("error", (e) => {
      clearTimeout(t);
      reject(e);
    });
    worker.once("exit", () => {
      clearTimeout(t);
      reject(new Error("the rules worker stopped while starting"));
    });
  });
  ready.catch(() => {});
  return { worker, ready };
}

const g = globalThis as unknown as { __bulwarkRules?: { spare?: Started; running: number; orgs: Set<string> } };
const state = (g.__bulwarkRules ??= { running: 0, orgs: new Set<string>() });

function takeWorker(heapMb: number | undefined): Started {
  // A thread with another heap cap is started for this task alone (tests).
  if (heapMb !== undefined && heapMb !== RULES_HEAP_MB) return start(heapMb);
  const s = state.spare ?? start();
  state.spare = undefined;
  try {
    state.spare = start();
  } catch {
    // No spare this time; the next request starts its own.
  }
  return s;
}

export interface RunOptions {
  /** Who asked: one running evaluation per organization. */
  orgId: string;
  deadlineMs?: number;
  /** Heap cap of the thread in MiB; default RULES_HEAP_MB. */
  heapMb?: number;
}

function memoryError(e: unknown, heapMb: number): unknown {
  return (e as { code?: string })?.code === "ERR_WORKER_OUT_OF_MEMORY"
    ? new RulesLimitError(`Evaluation stopped at the ${heapMb} MiB memory limit; use the bulwark CLI for large manifest sets.`, "memory")
    : e;
}

/** Runs `task` in a fresh thread; rejects with RulesLimitError at a limit. */
export async function runIsolated<T>(task: TRulesTask, opts: RunOptions): Promise<T> {
  if (state.orgs.has(opts.orgId)) throw new RulesLimitError("Another evaluation for this organization is still running; try again when it finishes.", "busy");
  if (state.running >= MAX_RUNNING) throw new RulesLimitError("The server is busy evaluating other manifests; try again in a moment.", "busy");
  state.running++;
  state.orgs.add(opts.orgId);
  const heapMb = opts.heapMb ?? RULES_HEAP_MB;
  const { worker, ready } = takeWorker(opts.heapMb);
  const deadlineMs = opts.deadlineMs ?? RULES_DEADLINE_MS;
  try {
    await ready.catch((e: unknown) => {
      throw memoryError(e, heapMb);
    });
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const limit = deadlineMs >= 1000 ? `${Math.round(deadlineMs / 1000)} s` : `${deadlineMs} ms`;
        reject(new RulesLimitError(`Evaluation stopped at the ${limit} time limit; use the bulwark CLI for large manifest sets.`, "deadline"));
        void worker.terminate();
      }, deadlineMs);
      worker.once("message", (m: { type: string; value?: T; message?: string }) => {
        clearTimeout(timer);
        if (m.type === "done") resolve(m.value as T);
        else reject(new Error(m.message ?? "evaluation failed"));
      });
      worker.once("error", (e: Error) => {
        clearTimeout(timer);
        reject(memoryError(e, heapMb));
      });
      worker.once("exit", () => {
        clearTimeout(timer);
        reject(new Error("the rules worker stopped"));
      });
      worker.postMessage(task);
    });
  } finally {
    state.running--;
    state.orgs.delete(opts.orgId);
    void worker.terminate();
  }
}

/** Ends the spare thread (tests, shutdown). */
export async function closeRulesWorkers(): Promise<void> {
  const s = state.spare;
  state.spare = undefined;
  if (s) await s.worker.terminate();
}
