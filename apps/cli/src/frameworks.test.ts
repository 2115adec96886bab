// `bulwark scan --framework` against the demo scenarios served by kube-sim (a real HTTPS API on
// loopback), run through the real binary: the regulatory mappings tell the hardened cluster from
// the legacy one, and the CLI's framework summary is the one the web view and the reports compute
// from the same scan's stored rule statuses (evaluateFramework over the full catalog).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scenarios, startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import { evaluateFramework, getFramework, type FrameworkResult, type RuleStatus } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "bulwark.mjs");
const SCENARIOS = ["payments-prod", "legacy-onprem"] as const;
const sims = new Map<string, KubeSim>();
let dir: string;

// spawnSync would block this process's event loop, and with it the simulators serving the CLI.
function bulwark(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

async function scan(scenario: string, extra: string[]): Promise<{ rules: RuleStatus[]; framework?: { id: string; summary: FrameworkResult["summary"]; controls: FrameworkResult["controls"] } }> {
  const r = await bulwark(["scan", "--kubeconfig", `${scenario}.kubeconfig`, "--format", "json", "--fail-on", "none", ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bulwark-cli-frameworks-"));
  for (const name of SCENARIOS) {
    const s = scenarios[name]!();
    const sim = await startKubeSim({ objects: s.objects, version: s.version, clusterName: name });
    sims.set(name, sim);
    writeFileSync(join(dir, `${name}.kubeconfig`), sim.kubeconfig(), { mode: 0o600 });
  }
}, 60_000);

afterAll(async () => {
  for (const sim of sims.values()) await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const share = (s: FrameworkResult["summary"], of: "passed" | "failed") => s[of] / (s.passed + s.failed);

describe("bulwark scan --framework on the demo scenarios", () => {
  it.each(["hipaa", "gdpr"])("%s: the hardened payments-prod passes at least 80 percent of its judged controls, legacy-onprem fails at least half", async (fw) => {
    const hardened = (await scan("payments-prod", ["--framework", fw])).framework!;
    const legacy = (await scan("legacy-onprem", ["--framework", fw])).framework!;
    expect(hardened.summary.passed + hardened.summary.failed).toBeGreaterThan(5);
    expect(share(hardened.summary, "passed"), JSON.stringify(hardened.controls.filter((c) => c.status === "failed"))).toBeGreaterThanOrEqual(0.8);
    expect(share(legacy.summary, "failed")).toBeGreaterThanOrEqual(0.5);
    // The CLI has no attestations: manual controls stay pending, never passed.
    for (const c of hardened.controls) if (getFramework(fw)!.controls.find((x) => x.id === c.id)!.manual) expect(c.status, c.id).toBe("pending");
  }, 180_000);

  it("agrees with evaluateFramework over the plain scan's rule statuses (what the web view and reports judge)", async () => {
    const cases: [string, string[]][] = [
      ["default", ["hipaa", "gdpr", "soc2", "nist-800-53", "iso-27001"]],
      ["strict", ["hipaa", "gdpr"]],
    ];
    for (const [profile, fws] of cases) {
      const plain = await scan("payments-prod", ["--profile", profile]);
      for (const fw of fws) {
        const withFramework = await scan("payments-prod", ["--profile", profile, "--framework", fw]);
        expect(withFramework.rules, `${profile} ${fw}`).toEqual(plain.rules);
        const expected = evaluateFramework(getFramework(fw)!, plain.rules);
        expect(withFramework.framework!.summary, `${profile} ${fw}`).toEqual(expected.summary);
        expect(withFramework.framework!.controls.map((c) => [c.id, c.status]), `${profile} ${fw}`).toEqual(expected.controls.map((c) => [c.id, c.status]));
      }
    }
  }, 300_000);
});
