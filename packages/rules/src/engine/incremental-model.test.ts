// Keeps incremental judging's model of the rules honest (incremental.ts): over every rule's
// fixtures, each built-in rule reads only the kinds ruleReads() says (traced through the index),
// and every rule judged per namespace is namespace-local: its findings on a namespace's objects
// (and on that Namespace) are the same when it sees only that namespace plus the cluster-scoped
// objects, and its findings on other cluster-scoped objects the same without any namespaced object.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { builtinRules } from "../rules";
import type { KubeObject, RawFinding, Rule, RuleContext, Snapshot, SnapshotIndex } from "../types";
import { GLOBAL_RULES, ruleReads } from "./incremental";
import { POD_LOCAL_RULES } from "./pod-local";
import { buildIndex } from "./snapshot-index";

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "rules");
const cases: Array<{ name: string; snap: Snapshot }> = [];
for (const rel of readdirSync(rulesDir, { recursive: true }) as string[]) {
  if (!rel.endsWith(".fixtures.yaml")) continue;
  const doc = parse(readFileSync(join(rulesDir, rel), "utf8"));
  for (const c of doc?.cases ?? []) {
    if (!Array.isArray(c?.objects)) continue;
    cases.push({ name: `${rel}: ${c.name}`, snap: { source: "cluster", objects: c.objects, kinds: [], kindsComplete: c.complete ?? true, kubeVersion: c.kubeVersion ?? "1.29" } });
  }
}

function run(rule: Rule, snap: Snapshot, reads?: Set<string>): RawFinding[] {
  const index = buildIndex(snap);
  const traced: SnapshotIndex = reads
    ? {
        byKind: (k) => (reads.add(k), index.byKind(k)),
        byName: (k, ns, n) => (reads.add(k), index.byName(k, ns, n)),
        byUid: (u) => (reads.add("index.byUid"), index.byUid(u)),
        namespaces: () => (reads.add("index.namespaces"), index.namespaces()),
      }
    : index;
  const s = reads ? new Proxy(snap, { get: (t, p) => (p === "objects" && reads.add("snapshot.objects"), (t as any)[p]) }) : snap;
  const ctx: RuleContext = { snapshot: s, index: traced, params: {} };
  try {
    if (rule.notEvaluable?.(ctx)) return [];
    return [...rule.evaluate(ctx)];
  } catch {
    return [];
  }
}

const nsOf = (o: KubeObject) => (typeof o.metadata?.namespace === "string" && o.metadata.namespace ? o.metadata.namespace : undefined);
const line = (f: RawFinding) => `${f.object.kind}/${nsOf(f.object) ?? ""}/${f.object.metadata?.name}|${f.path}|${f.message}`;

describe("incremental judging's model of the built-in rules", () => {
  it(`every rule reads only the kinds it is said to read (${cases.length} fixture snapshots)`, () => {
    const wrong: string[] = [];
    for (const rule of builtinRules) {
      const reads = new Set<string>();
      for (const c of cases) run(rule, c.snap, reads);
      const said = ruleReads(rule);
      const extra = said.has("*") ? [...reads].filter((k) => k.includes(".")) : [...reads].filter((k) => !said.has(k));
      if (extra.length) wrong.push(`${rule.id} also reads ${extra.join(", ")} (add them to EXTRA_READS)`);
    }
    expect(wrong).toEqual([]);
  });

  it("every rule judged per namespace is namespace-local", () => {
    const wrong: string[] = [];
    for (const rule of builtinRules) {
      if (POD_LOCAL_RULES.has(rule) || GLOBAL_RULES.has(rule.id)) continue;
      for (const { name, snap } of cases) {
        const all = run(rule, snap);
        const clusterScoped = snap.objects.filter((o) => !nsOf(o));
        const csOnly = (l: RawFinding[]) => l.filter((f) => !nsOf(f.object) && f.object.kind !== "Namespace").map(line).sort();
        if (JSON.stringify(csOnly(all)) !== JSON.stringify(csOnly(run(rule, { ...snap, objects: clusterScoped })))) wrong.push(`${rule.id}: cluster-scoped findings depend on namespaced objects (${name})`);
        for (const ns of new Set(snap.objects.map(nsOf).filter((n): n is string => !!n))) {
          const inNs = (l: RawFinding[]) => l.filter((f) => nsOf(f.object) === ns || (f.object.kind === "Namespace" && f.object.metadata?.name === ns)).map(line).sort();
          const part = run(rule, { ...snap, objects: snap.objects.filter((o) => !nsOf(o) || nsOf(o) === ns) });
          if (JSON.stringify(inNs(all)) !== JSON.stringify(inNs(part))) wrong.push(`${rule.id}: findings in ${ns} depend on other namespaces (${name})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
