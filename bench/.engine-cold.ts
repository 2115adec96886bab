// temporary experiment (helper "engine"); deleted before the report
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { evaluate, parseManifests, type KubeObject } from "@bulwark/rules";
import { replicate } from "./engine.bench";
const n = Number(process.argv[2] ?? 30000);
function corpusObjects(): KubeObject[] {
  const dir = path.join(process.cwd(), "..", "shared", "corpus");
  const out: KubeObject[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects); } };
  walk(dir); return out;
}
const seed = corpusObjects();
const mode = process.argv[3] ?? "clone";
for (let pass = 0; pass < 4; pass++) {
  const objects = mode === "json" ? replicate(seed, n).map((o) => JSON.parse(JSON.stringify(o))) : replicate(seed, n);
  (globalThis as any).gc?.();
  const c0 = process.cpuUsage();
  const f = evaluate({ source: "cluster", objects, kinds: [], kindsComplete: true }).findings.length;
  const cpu = process.cpuUsage(c0);
  console.log(mode, pass, "cpuMs", ((cpu.user + cpu.system) / 1000).toFixed(0), f);
}
