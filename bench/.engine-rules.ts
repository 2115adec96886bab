// temporary per-rule timing harness (helper "engine"); deleted before the report
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { builtinRules, evaluate, parseManifests, type KubeObject, type Snapshot } from "@bulwark/rules";
import { generateCluster } from "@bulwark/kube-sim";
import { replicate } from "./engine.bench";
const n = Number(process.argv[2] ?? 100000);
const source = process.argv[3] ?? "corpus";
function corpusObjects(): KubeObject[] {
  const dir = path.join(process.cwd(), "..", "shared", "corpus");
  const out: KubeObject[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects); } };
  walk(dir); return out;
}
const seed = source === "corpus" ? corpusObjects() : [];
const objects = source === "corpus" ? replicate(seed, n) : generateCluster({ objects: n, seed: 7 });
const kinds = new Map<string, number>();
for (const o of objects) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
console.log("seed", seed.length, [...kinds].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${k}:${c}`).join(" "));
const times = new Map<string, { ms: number; f: number }>();
for (const r of builtinRules as any[]) {
  const orig = r.evaluate;
  r.evaluate = function* (ctx: any) {
    let st = times.get(r.id); if (!st) times.set(r.id, (st = { ms: 0, f: 0 }));
    let t = performance.now();
    const it = orig.call(r, ctx)[Symbol.iterator]();
    for (;;) { const x = it.next(); st.ms += performance.now() - t; if (x.done) break; st.f++; yield x.value; t = performance.now(); }
  };
}
const snapshot: Snapshot = { source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" };
const t = performance.now();
const res = evaluate(snapshot);
const total = performance.now() - t;
const sum = [...times.values()].reduce((a, b) => a + b.ms, 0);
console.log("total", total.toFixed(0), "rules(self, excl engine)", sum.toFixed(0), "findings", res.findings.length);
for (const [id, s] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.argv[4] ?? 50))) console.log(s.ms.toFixed(1).padStart(8), String(s.f).padStart(7), id);
