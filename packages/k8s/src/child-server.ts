// A server run in a child process (tsx script) so that the measuring process's CPU time and
// memory are its own: the child prints one JSON line when ready and exits when its stdin closes.
// Shared by the reader benchmark here and the database benchmarks under bench/.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface ChildServer<T> {
  /** The child's ready line, parsed. */
  ready: T;
  /** Closes the child's stdin and waits for it to exit (SIGKILL after 5 s). */
  close(): Promise<void>;
}

/** Asks a child to stop (`ask`), waits until it exits, and SIGKILLs it after `graceMs`. */
export function stopChild(child: ChildProcess, ask: (c: ChildProcess) => void, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, graceMs);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    ask(child);
  });
}

export async function startChildServer<T>(
  script: string,
  args: readonly string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; name: string },
): Promise<ChildServer<T>> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: opts.cwd,
    stdio: ["pipe", "pipe", "inherit"],
    ...(opts.env ? { env: opts.env } : {}),
  });
  const close = () => stopChild(child, (c) => c.stdin!.end(), 5000);
  try {
    const ready = await new Promise<T>((resolve, reject) => {
      const rl = createInterface({ input: child.stdout! });
      rl.once("line", (line) => {
        rl.close();
        try {
          resolve(JSON.parse(line) as T);
        } catch (err) {
          reject(err as Error);
        }
      });
      child.once("exit", (code) => reject(new Error(`${opts.name} exited early (${code})`)));
      child.once("error", reject);
    });
    return { ready, close };
  } catch (err) {
    // A child that never became ready must not outlive the caller.
    await close();
    throw err;
  }
}
