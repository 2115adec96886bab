// temporary allocation sampling (helper "engine"); deleted before the report
import { Session } from "node:inspector/promises";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { evaluate, parseManifests, type KubeObject } from "@bulwark/rules";
import { replicate } from "./engine.bench";
function corpusObjects(): KubeObject[] {
  const dir = path.join(process.cwd(), "..", "shared", "corpus");
  const out: KubeObject[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects); } };
  walk(dir); return out;
}
const objects = replicate(corpusObjects(), Number(process.argv[2] ?? 30000));
const s = new Session(); s.connect();
await s.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
evaluate({ source: "cluster", objects, kinds: [], kindsComplete: true });
const { profile } = await s.post("HeapProfiler.stopSampling");
const agg = new Map<string, number>();
let total = 0;
const byParent = new Map<string, number>();
const walk2 = (n: any, chain: string[]) => { const name = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; if (n.callFrame.functionName === "next" && n.selfSize) { const k = chain.slice(-2).join(" < "); byParent.set(k, (byParent.get(k) ?? 0) + n.selfSize); } for (const c of n.children) walk2(c, [...chain, name]); };
walk2(profile.head, []);
for (const [k, v] of [...byParent].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log("NEXT", (v / 2 ** 20).toFixed(1), k);
const walk = (n: any) => { const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}`; agg.set(k, (agg.get(k) ?? 0) + n.selfSize); total += n.selfSize; for (const c of n.children) walk(c); };
walk(profile.head);
console.log("total MB", (total / 2 ** 20).toFixed(0));
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 2 ** 20).toFixed(1).padStart(7), k);
