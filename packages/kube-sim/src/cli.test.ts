// The kube-sim CLI as the demo runs it: a real process, a kubeconfig file, SIGTERM to stop.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { call } from "./test-util";

const BIN = resolve(import.meta.dirname, "../bin/kube-sim.mjs");
const exec = promisify(execFile);

describe("kube-sim CLI", () => {
  it("prints help and rejects bad input with a clear message", async () => {
    const help = await exec(process.execPath, [BIN, "--help"]);
    expect(help.stdout).toContain("kube-sim serve");
    await expect(exec(process.execPath, [BIN, "serve", "--scenario", "nope"])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown scenario "nope"') });
    await expect(exec(process.execPath, [BIN, "serve"])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("exactly one of") });
  });

  it("serves a scenario, writes a kubeconfig with both identities, and stops on SIGTERM", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kube-sim-cli-"));
    const kcPath = join(dir, "kubeconfig");
    const child = spawn(process.execPath, [BIN, "serve", "--scenario", "legacy-onprem", "--kubeconfig-out", kcPath], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = "";
        const timer = setTimeout(() => rej(new Error(`no URL printed: ${out}`)), 20_000);
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /at (https:\/\/\S+)/.exec(out);
          if (m && out.includes("kubeconfig written")) {
            clearTimeout(timer);
            res(m[1]!);
          }
        });
        child.on("exit", (code) => rej(new Error(`exited ${code}: ${out}`)));
      });
      const kc = parse(await readFile(kcPath, "utf8"));
      expect(kc["current-context"]).toBe("admin");
      expect(kc.contexts.map((c: { name: string }) => c.name)).toEqual(["admin", "no-secrets"]);
      expect(kc.clusters[0].cluster.server).toBe(url);
      const caPem = Buffer.from(kc.clusters[0].cluster["certificate-authority-data"], "base64").toString();
      const token = kc.users.find((u: { name: string }) => u.name === "admin").user.token;
      const v = await call({ url, caPem }, "/version", { token });
      expect(v.json.gitVersion).toBe("v1.24.0");
      const psps = await call({ url, caPem }, "/apis/policy/v1beta1/podsecuritypolicies", { token });
      expect(psps.json.items.length).toBeGreaterThanOrEqual(2);
      const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await rm(dir, { recursive: true, force: true });
    }
  });
});
