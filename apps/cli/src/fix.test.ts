// `bulwark fix` in process: the golden output (comments, order, quoting and list styles kept byte
// for byte), a realistic set fixed and rescanned, in-place idempotence, filters and usage errors.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluate, fixEdits, snapshotFromManifests, validateFixedObject } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli";
import { loadInputs } from "./inputs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "test-fixtures", "fix");
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "bulwark-fix-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function bulwark(argv: string[], opts: { cwd?: string; stdin?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli({
    argv,
    cwd: opts.cwd ?? tmp,
    env: { NO_COLOR: "1" },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => opts.stdin ?? "",
    stdinIsTty: opts.stdin === undefined,
    stdoutIsTty: false,
  });
  return { code, stdout, stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split("\\").join("/"))
    .sort();
}

/** Findings with a fix the model can apply, outside files that are never rewritten. */
function scan(dir: string) {
  const input = loadInputs([dir], dir, () => "");
  const findings = evaluate(snapshotFromManifests(input.objects, input.locations)).findings;
  const mechanical = findings.filter((f) => f.fix && !("manual" in fixEdits(f.fix)) && !f.exception && !f.baseline);
  return { input, findings, mechanical };
}

describe("bulwark fix", () => {
  it("writes the golden output byte for byte: comments, document order, quoting and list styles kept", async () => {
    const out = join(tmp, "golden");
    const r = await bulwark(["fix", join(FIXTURES, "golden", "input"), "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expected = join(FIXTURES, "golden", "expected");
    expect(filesUnder(out)).toEqual(filesUnder(expected));
    for (const f of filesUnder(expected)) expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(expected, f), "utf8"));
    // The file nothing fixes is copied as is; the Service document between two fixed ones too.
    expect(readFileSync(join(out, "config.yaml"), "utf8")).toBe(readFileSync(join(FIXTURES, "golden", "input", "config.yaml"), "utf8"));
    const service = /---\n# A Service[\s\S]*?\.\.\.\n/.exec(readFileSync(join(FIXTURES, "golden", "input", "workloads.yaml"), "utf8"))![0];
    expect(readFileSync(join(out, "workloads.yaml"), "utf8")).toContain(service);
    expect(r.stdout).toMatch(/^bulwark fix: 20 fixes in 2 of 3 files/);
    // A memory limit only the team can size has no fix: it is listed among the checks left to people.
    expect(r.stdout).toMatch(/Checks without an automatic fix[^\n]*\n(?:\s+\d+\s+\S+\n)*\s+4\s+memory-limits-missing\n/);
  });

  it("fixes a realistic set so a rescan leaves at most 10% of the fixable findings, no new input errors and no invalid object", async () => {
    const src = join(FIXTURES, "shop");
    const out = join(tmp, "shop-fixed");
    const r = await bulwark(["fix", src, "--out", out, "--format", "json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    const before = scan(src);
    const after = scan(out);
    const rewritable = (fs: typeof before.mechanical) => fs.filter((f) => !/broken|chart\//.test(f.location!.file));
    expect(rewritable(before.mechanical).length).toBeGreaterThan(10);
    expect(rewritable(after.mechanical).length).toBeLessThanOrEqual(0.1 * rewritable(before.mechanical).length);
    expect(after.input.errors.map((e) => e.message)).toEqual(before.input.errors.map((e) => e.message));
    for (const o of after.input.objects) expect(validateFixedObject(o), `${o.kind} ${o.metadata.name}`).toEqual([]);
    // Never rewritten: a file that does not parse and a Helm template, copied as they are.
    for (const f of ["broken.yaml", "chart/deployment.yaml"]) expect(readFileSync(join(out, f), "utf8")).toBe(readFileSync(join(src, f), "utf8"));
    expect(summary.files.frozen.map((f: { file: string }) => f.file.split("/").pop())).toEqual(["broken.yaml", "deployment.yaml"]);
    // The privileged container with SYS_ADMIN gets privileged: false but never allowPrivilegeEscalation: false.
    const api = after.input.objects.find((o) => o.kind === "Deployment" && o.metadata.name === "api") as any;
    expect(api.spec.template.spec.containers[0].securityContext).toMatchObject({ privileged: false, capabilities: { add: ["SYS_ADMIN"] } });
    expect(api.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation).toBeUndefined();
    expect(summary.notFixed).toContainEqual(expect.objectContaining({ ruleId: "allow-privilege-escalation", reason: expect.stringContaining("CAP_SYS_ADMIN") }));
    // runAsUser: 0 at pod level: runAsNonRoot: true would stop the pod from starting, so it is left out.
    expect(summary.notFixed).toContainEqual(expect.objectContaining({ ruleId: "run-as-non-root", object: "StatefulSet shop/db", reason: expect.stringContaining("runAsUser: 0") }));
    // JSON manifests stay JSON.
    expect(JSON.parse(readFileSync(join(out, "jobs.json"), "utf8")).spec.jobTemplate.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
  });

  it("rewrites files in place, and a second run changes nothing", async () => {
    const dir = join(tmp, "inplace");
    cpSync(join(FIXTURES, "golden", "input"), dir, { recursive: true });
    const first = await bulwark(["fix", ".", "--in-place"], { cwd: dir });
    expect(first.code).toBe(0);
    for (const f of filesUnder(dir)) expect(readFileSync(join(dir, f), "utf8"), f).toBe(readFileSync(join(FIXTURES, "golden", "expected", f), "utf8"));
    const second = await bulwark(["fix", ".", "--in-place", "--format", "json"], { cwd: dir });
    expect(JSON.parse(second.stdout)).toMatchObject({ fixes: 0, files: { changed: [] } });
  });

  it("--dry-run writes nothing; --only and --severity narrow what is fixed", async () => {
    const out = join(tmp, "dry");
    const dry = await bulwark(["fix", join(FIXTURES, "golden", "input"), "--dry-run", "--format", "json"]);
    expect(dry.code).toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(JSON.parse(dry.stdout).fixes).toBe(20);
    const only = JSON.parse((await bulwark(["fix", join(FIXTURES, "golden", "input"), "--dry-run", "--format", "json", "--only", "host-pid", "--only", "host-network"])).stdout);
    expect(only.fixesByRule).toEqual({ "host-network": 1, "host-pid": 1 });
    expect(only.notFixed).toEqual([]);
    const critical = JSON.parse((await bulwark(["fix", join(FIXTURES, "golden", "input"), "--dry-run", "--format", "json", "--severity", "critical"])).stdout);
    expect(Object.keys(critical.fixesByRule)).toEqual(["privileged-container"]);
  });

  it("reports objects from stdin without rewriting anything", async () => {
    const r = await bulwark(["fix", "-", "--out", join(tmp, "stdin-out")], {
      stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  hostPID: true\n  containers: [{name: c, image: 'busybox:1.36'}]\n",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("host-pid (high)  Pod shop/p: read from stdin, which is never rewritten");
    expect(r.stdout).toMatch(/^bulwark fix: 0 fixes in 0 of 1 file/);
  });

  it("fills a field written as null (\"securityContext:\") instead of failing", async () => {
    const dir = join(tmp, "nulls");
    mkdirSync(dir);
    writeFileSync(join(dir, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  securityContext:\n  containers:\n    - name: c\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n");
    const r = await bulwark(["fix", ".", "--in-place", "--only", "run-as-non-root"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "pod.yaml"), "utf8")).toContain("spec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n");
  });

  it("answers usage errors with exit 2 and why", async () => {
    const input = join(FIXTURES, "golden", "input");
    const cases: [string[], RegExp][] = [
      [["fix", input], /needs --out DIR, --in-place or --dry-run/],
      [["fix", input, "--out", join(tmp, "x"), "--in-place"], /either --out DIR or --in-place/],
      [["fix", input, "--dry-run", "--only", "no-such-rule"], /--only: unknown rule "no-such-rule"/],
      [["fix", input, "--dry-run", "--severity", "urgent"], /--severity must be one of/],
      [["fix", "--dry-run"], /nothing to fix/],
      [["fix", input, "--out", input], /is an input; use --in-place/],
      [["fix", join(tmp, "missing"), "--dry-run"], /no such file or directory/],
    ];
    for (const [argv, message] of cases) {
      const r = await bulwark(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const help = await bulwark(["fix", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: bulwark fix PATH...");
  });
});
