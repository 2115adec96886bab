// The bundled CLI (scripts/build-cli.mjs, what `bin/bulwark.mjs` runs after `npm install`) answers
// exactly like the TypeScript sources, including a lazily loaded command.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
let dir: string;
let out: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "bulwark-bundle-"));
  out = path.join(dir, "dist");
  // @ts-expect-error: a plain .mjs script without types
  const { buildCli } = await import("../../../scripts/build-cli.mjs");
  await buildCli({ quiet: true, out });
  writeFileSync(
    path.join(dir, "pod.yaml"),
    "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext: {privileged: true}\n",
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(entry: string[], args: string[]): { code: number; stdout: string } {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [...entry, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, BULWARK_CLI_SOURCE: "1" } }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, stdout: err.stdout };
  }
}

describe("the bundled CLI", () => {
  it("scans like the sources", () => {
    const args = ["scan", path.join(dir, "pod.yaml"), "--format", "json"];
    const bundled = run([path.join(out, "bulwark.js")], args);
    const source = run([path.join(ROOT, "apps/cli/bin/bulwark.mjs")], args);
    expect(bundled.code).toBe(1);
    expect(bundled.code).toBe(source.code);
    const ids = (s: string) => (JSON.parse(s) as { findings: { ruleId: string; fingerprint: string }[] }).findings.map((f) => `${f.ruleId}:${f.fingerprint}`).sort();
    expect(ids(bundled.stdout)).toContain(ids(source.stdout).find((i) => i.startsWith("privileged-container")));
    expect(ids(bundled.stdout)).toEqual(ids(source.stdout));
  }, 120_000);

  it("loads a lazy command and names the rules version", () => {
    const bundled = run([path.join(out, "bulwark.js")], ["access", "--help"]);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toContain("who-can");
    expect(run([path.join(out, "bulwark.js")], ["--version"]).stdout).toMatch(/^bulwark rules \d{4}\.\d+\.\d+\+\d+/);
  }, 120_000);
});
