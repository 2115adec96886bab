// The `bulwark` binary: wires process I/O to runCli and exits with its code.
import { readFileSync } from "node:fs";
import { runCli } from "./cli";

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  // `bulwark scan ... | head` closes the pipe early; that is not a failure.
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  const code = await runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => readFileSync(0, "utf8"),
    stdinIsTty: Boolean(process.stdin.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
  });
  process.exitCode = code;
} catch (e) {
  process.stderr.write(`bulwark: internal error: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 2;
}
