import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { startChildServer, stopChild } from "./child-server";

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "bulwark-child-server-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
}

describe("startChildServer", () => {
  it("returns the ready line and waits for the child to exit on close", async () => {
    const marker = join(dir, "closed");
    const s = script(
      "ok.mjs",
      `import { writeFileSync } from "node:fs";
process.stdout.write(JSON.stringify({ args: process.argv.slice(2), env: process.env.CHILD_TEST ?? null }) + "\\n");
process.stdin.resume();
process.stdin.on("end", () => { writeFileSync(${JSON.stringify(marker)}, "1"); process.exit(0); });`,
    );
    const server = await startChildServer<{ args: string[]; env: string | null }>(s, ["a", "2"], {
      cwd: here,
      env: { ...process.env, CHILD_TEST: "yes" },
      name: "test child",
    });
    expect(server.ready).toEqual({ args: ["a", "2"], env: "yes" });
    await server.close();
    // close resolved only after the child saw its stdin end and exited
    expect(readFileSync(marker, "utf8")).toBe("1");
    await server.close(); // a second close on an exited child returns at once
  });

  it("rejects with the child's name when it exits before its ready line", async () => {
    const s = script("dies.mjs", `process.exit(3);`);
    await expect(startChildServer(s, [], { cwd: here, name: "early child" })).rejects.toThrow("early child exited early (3)");
  });

  it("rejects on a ready line that is not JSON, and does not leave the child running", async () => {
    const pidFile = join(dir, "pid");
    const s = script(
      "garbage.mjs",
      `import { writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
process.stdout.write("not json\\n");
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));`,
    );
    await expect(startChildServer(s, [], { cwd: here, name: "garbage child" })).rejects.toThrow(SyntaxError);
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe("stopChild", () => {
  it("SIGKILLs a child that ignores the request after the grace period", async () => {
    const child = spawn(process.execPath, ["-e", `process.on("SIGTERM", () => {}); console.log("up"); setInterval(() => {}, 1000);`], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise((r) => child.stdout!.once("data", r));
    const t0 = Date.now();
    await stopChild(child, (c) => c.kill("SIGTERM"), 300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));
    expect(child.signalCode).toBe("SIGKILL");
  });

  it("resolves as soon as a cooperative child exits", async () => {
    const child = spawn(process.execPath, ["-e", `console.log("up"); setInterval(() => {}, 1000);`], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise((r) => child.stdout!.once("data", r));
    const t0 = Date.now();
    await stopChild(child, (c) => c.kill("SIGTERM"), 10_000);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(child.signalCode).toBe("SIGTERM");
  });
});
