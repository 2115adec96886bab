import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConformance } from "./conformance";

const here = dirname(fileURLToPath(import.meta.url));
const SCRIPT = join(here, "conformance.ts");
const TSX = resolve(here, "..", "..", "..", "node_modules", ".bin", "tsx");
let dir: string;

const pod = (name: string, extra: Record<string, unknown>) =>
  JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "c", image: "x:1", ...extra }] } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bulwark-conformance-"));
  for (const p of ["polaris/runAsPrivileged", "pss/restricted", "trivy/KSV-0017"]) mkdirSync(join(dir, p), { recursive: true });
  writeFileSync(join(dir, "polaris/runAsPrivileged/failure.yaml"), pod("bad", { securityContext: { privileged: true } }));
  // deliberately mislabelled: the peer says pass, Bulwark must report the disagreement
  writeFileSync(join(dir, "polaris/runAsPrivileged/success.yaml"), pod("bad2", { securityContext: { privileged: true } }));
  writeFileSync(join(dir, "trivy/KSV-0017/good.yaml"), pod("ok", {}));
  writeFileSync(
    join(dir, "polaris/index.jsonl"),
    [
      { file: "polaris/runAsPrivileged/failure.yaml", check: "runAsPrivileged", expect: "fail", builtin: true },
      { file: "polaris/runAsPrivileged/success.yaml", check: "runAsPrivileged", expect: "pass", builtin: true },
      { file: "polaris/nakedPod/failure.yaml", check: "nakedPod", expect: "fail", builtin: false },
    ]
      .map((l) => JSON.stringify(l))
      .join("\n"),
  );
  writeFileSync(join(dir, "trivy/index.jsonl"), JSON.stringify({ file: "trivy/KSV-0017/good.yaml", check: "KSV-0017", expect: "pass", scope: "k8s-object" }));
  writeFileSync(
    join(dir, "pss/restricted/hardened.yaml"),
    JSON.stringify({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "r" },
      spec: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        containers: [{ name: "c", image: "x:1", securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }],
      },
    }),
  );
  writeFileSync(join(dir, "pss/index.jsonl"), JSON.stringify({ file: "pss/restricted/hardened.yaml", check: "pss-restricted:pss-restricted", level: "restricted", psa_check_id: "pss-restricted", expect: "pass" }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("conformance runner", () => {
  it("compares verdicts per peer and check id and lists disagreements", () => {
    const r = runConformance(dir);
    const polaris = r.peers.find((p) => p.peer === "polaris")!;
    expect(polaris.cases).toBe(2);
    expect(polaris.agree).toBe(1);
    expect(polaris.coverage).toMatchObject({ claimed: 1, total: 1, excluded: ["nakedPod"] });
    expect(r.disagreements).toEqual([expect.objectContaining({ peer: "polaris", file: "polaris/runAsPrivileged/success.yaml", expect: "pass", got: "fail" })]);
    expect(r.peers.find((p) => p.peer === "trivy")).toMatchObject({ cases: 1, agree: 1 });
    // a restricted-level pass file is checked against every rule claiming a baseline or restricted id
    const pss = r.peers.find((p) => p.peer === "pss")!;
    expect(pss).toMatchObject({ cases: 1, agree: 1 });
  });

  it("prints JSON, honours --strict, and skips cleanly without fixtures", () => {
    const run = (args: string[], env: Record<string, string>) => spawnSync(TSX, [SCRIPT, ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });
    const json = run(["--json"], { BULWARK_CONFORMANCE_DIR: dir });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).disagreements).toHaveLength(1);
    expect(run(["--strict"], { BULWARK_CONFORMANCE_DIR: dir }).status).toBe(1);
    const skipped = run([], { BULWARK_CONFORMANCE_DIR: join(dir, "absent") });
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toMatch(/skipped/);
  });

  const shared = resolve(here, "..", "..", "..", "..", "shared", "conformance");
  it.runIf(existsSync(shared))("agrees with each peer on at least 95% of its own fixtures", () => {
    const r = runConformance(shared);
    for (const p of r.peers) expect(p.agreement, `${p.peer}: ${p.agree}/${p.cases}`).toBeGreaterThanOrEqual(95);
  });
});
