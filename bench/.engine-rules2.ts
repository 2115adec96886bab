// temporary per-rule timing harness (helper "engine"); deleted before the report
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { builtinRules, evaluate, parseManifests, type KubeObject, type Snapshot } from "@bulwark/rules";
import { replicate } from "./engine.bench";
const n = Number(process.argv[2] ?? 60000);
function corpusObjects(): KubeObject[] {
  const dir = path.join(process.cwd(), "..", "shared", "corpus");
  const out: KubeObject[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects); } };
  walk(dir); return out;
}
const objects = replicate(corpusObjects(), n);
let times = new Map<string, number>();
for (const r of builtinRules as any[]) {
  const orig = r.evaluate;
  r.evaluate = function* (ctx: any) {
    let t = performance.now();
    const it = orig.call(r, ctx)[Symbol.iterator]();
    for (;;) { const x = it.next(); times.set(r.id, (times.get(r.id) ?? 0) + performance.now() - t); if (x.done) break; yield x.value; t = performance.now(); }
  };
}
const res: Record<string, Map<string, number>> = {};
for (const [label, c] of [["full", n], ["chunk", 2000], ["full", n], ["chunk", 2000]] as const) {
  times = new Map(); (globalThis as any).gc?.();
  for (let i = 0; i < n; i += c) evaluate({ source: "cluster", objects: objects.slice(i, i + c), kinds: [], kindsComplete: true });
  res[label] = times;
}
const rows = [...res.full!].map(([id, t]) => [id, t, res.chunk!.get(id) ?? 0] as const).sort((a, b) => b[1] - a[1]);
let sf = 0, sc = 0; for (const [, f, c] of rows) { sf += f; sc += c; }
console.log("sum full", sf.toFixed(0), "chunk", sc.toFixed(0));
for (const [id, f, c] of rows.slice(0, 40)) console.log(f.toFixed(1).padStart(7), c.toFixed(1).padStart(7), id);
