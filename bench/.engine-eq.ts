import { createRequire } from "node:module"; const require = createRequire(import.meta.url);
// temporary A/B harness (helper "engine"); deleted before the report. SRC=<rules src dir>
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseManifests, type KubeObject, type Snapshot } from "@bulwark/rules";
import { generateCluster } from "@bulwark/kube-sim";
import { replicate } from "./engine.bench";
const n = Number(process.argv[2] ?? 30000);
const source = process.argv[3] ?? "corpus";
const { evaluate } = await import(path.resolve(process.env.SRC!, "index.ts"));
function corpusObjects(): KubeObject[] {
  const dir = path.join(process.cwd(), "..", "shared", "corpus");
  const out: KubeObject[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects); } };
  walk(dir); return out;
}
const objects = source === "corpus" ? replicate(corpusObjects(), n) : generateCluster({ objects: n, seed: 7 });
const snapshot: Snapshot = { source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" };
(globalThis as any).gc?.();
const c0 = process.cpuUsage(); const t = performance.now();
const r = evaluate(snapshot);
const ms = performance.now() - t; const cpu = process.cpuUsage(c0);
console.log(require("node:crypto").createHash("sha256").update(JSON.stringify(r)).digest("hex").slice(0, 16), JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), findings: r.findings.length }));
