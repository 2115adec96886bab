// The engine runs pod-local rules slice by slice of the pod specs (see pod-local.ts). This checks
// that the listed rules really are pod-local: over every rule fixture at once, a run with slices of
// a single pod spec gives exactly the result of a run without slices.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { builtinRules } from "../rules";
import type { KubeObject, Snapshot } from "../types";
import { evaluate, setPodSliceForTests } from "./evaluate";
import { POD_LOCAL_RULE_IDS, POD_LOCAL_RULES } from "./pod-local";

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "rules");

/** Every object of every fixture case, each with a uid of its own (so slicing is not refused). */
function fixtureObjects(): KubeObject[] {
  const out: KubeObject[] = [];
  const files = (readdirSync(rulesDir, { recursive: true }) as string[]).filter((f) => f.endsWith(".fixtures.yaml")).sort();
  for (const f of files) {
    const doc = parse(readFileSync(join(rulesDir, f), "utf8")) as { cases?: Array<{ objects?: unknown[] }> };
    for (const c of doc.cases ?? []) {
      for (const o of c.objects ?? []) {
        if (!o || typeof o !== "object" || Array.isArray(o)) continue;
        const obj = structuredClone(o) as KubeObject;
        if (!obj.metadata || typeof obj.metadata !== "object") continue;
        if (!obj.metadata.uid) obj.metadata.uid = `fixture-${out.length}`;
        out.push(obj);
      }
    }
  }
  return out;
}

describe("pod-local rules", () => {
  let prev: number | undefined;
  afterEach(() => {
    if (prev !== undefined) setPodSliceForTests(prev);
  });

  it("lists only built-in rule ids", () => {
    const ids = new Set(builtinRules.map((r) => r.id));
    for (const id of POD_LOCAL_RULE_IDS) expect(ids.has(id), id).toBe(true);
    expect(POD_LOCAL_RULES.size).toBe(POD_LOCAL_RULE_IDS.length);
  });

  for (const source of ["cluster", "manifests"] as const) {
    it(`judge every fixture the same in slices of one pod spec as rule by rule (${source})`, () => {
      const objects = fixtureObjects();
      expect(objects.length).toBeGreaterThan(500);
      const snapshot: Snapshot = { source, objects, kinds: [], kindsComplete: source === "cluster", kubeVersion: "1.29" };
      const settings = {
        now: "2026-01-01T00:00:00Z",
        exceptions: [{ id: "ex", ruleId: "*", namespace: "logging", justification: "test" }],
      };
      prev = setPodSliceForTests(Number.MAX_SAFE_INTEGER);
      const whole = evaluate(snapshot, settings);
      setPodSliceForTests(1);
      const sliced = evaluate(snapshot, settings);
      expect(whole.findings.length).toBeGreaterThan(1000);
      expect(sliced.rules).toEqual(whole.rules);
      expect(sliced.findings).toEqual(whole.findings);
      expect(sliced.counts).toEqual(whole.counts);
      expect(sliced.score).toBe(whole.score);
    });
  }
});
