// temporary profiling harness (helper "engine"); deleted before the report
import { Session } from "node:inspector/promises";
import { writeFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { evaluate, parseManifests, type KubeObject, type Snapshot } from "@bulwark/rules";
import { generateCluster } from "@bulwark/kube-sim";
import { replicate } from "./engine.bench";
const n = Number(process.argv[2] ?? 100000);
const source = process.argv[3] ?? "corpus";
const prof = process.argv[4];
function corpusObjects(): KubeObject[] {
  const dir = path.join(process.cwd(), "..", "shared", "corpus");
  const out: KubeObject[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects); } };
  walk(dir); return out;
}
const objects = source === "corpus" ? replicate(corpusObjects(), n) : generateCluster({ objects: n, seed: 7 });
const snapshot: Snapshot = { source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" };
(globalThis as any).gc?.();
const s = new Session();
if (prof) { s.connect(); await s.post("Profiler.enable"); await s.post("Profiler.setSamplingInterval", { interval: 200 }); await s.post("Profiler.start"); }
if (process.env.WARM) for (let i = 0; i < Number(process.env.WARM); i++) evaluate(snapshot);
(globalThis as any).gc?.();
const c0 = process.cpuUsage(); const t = performance.now();
const r = evaluate(snapshot);
const ms = performance.now() - t; const cpu = process.cpuUsage(c0);
if (prof) { const { profile } = await s.post("Profiler.stop"); writeFileSync(prof, JSON.stringify(profile)); }
console.log(JSON.stringify({ phases: (globalThis as any).__engineT, ms, cpuMs: (cpu.user + cpu.system) / 1000, perObjUs: (cpu.user + cpu.system) / n, findings: r.findings.length }));
