// temporary locality experiment (helper "engine"); deleted before the report
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { evaluate, parseManifests, type KubeObject, type Snapshot } from "@bulwark/rules";
import { replicate } from "./engine.bench";
const n = Number(process.argv[2] ?? 100000);
const chunk = Number(process.argv[3] ?? 2000);
function corpusObjects(): KubeObject[] {
  const dir = path.join(process.cwd(), "..", "shared", "corpus");
  const out: KubeObject[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects); } };
  walk(dir); return out;
}
const objects = replicate(corpusObjects(), n);
(globalThis as any).gc?.();
for (const c of [n, chunk, n, chunk]) {
  (globalThis as any).gc?.();
  const c0 = process.cpuUsage(); let f = 0;
  for (let i = 0; i < n; i += c) {
    const snapshot: Snapshot = { source: "cluster", objects: objects.slice(i, i + c), kinds: [], kindsComplete: true, kubeVersion: "1.29" };
    f += evaluate(snapshot).findings.length;
  }
  const cpu = process.cpuUsage(c0);
  console.log(c, "cpuMs", ((cpu.user + cpu.system) / 1000).toFixed(0), "findings", f);
}
