// temporary equality check (helper "engine"); deleted before the report
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { evaluate, parseManifests, type KubeObject } from "@bulwark/rules";
import { generateCluster } from "@bulwark/kube-sim";
import { replicate } from "./engine.bench";
function corpusObjects(): KubeObject[] {
  const dir = path.join(process.cwd(), "..", "shared", "corpus");
  const out: KubeObject[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects); } };
  walk(dir); return out;
}
const seed = corpusObjects();
const sets: Array<[string, any]> = [
  ["corpus-cluster", { source: "cluster", objects: replicate(seed, 3000), kinds: [], kindsComplete: true, kubeVersion: "1.29" }],
  ["corpus-manifests", { source: "manifests", objects: seed, kinds: [], kindsComplete: false }],
  ["generated", { source: "cluster", objects: generateCluster({ objects: 5000, seed: 7 }), kinds: [], kindsComplete: true, kubeVersion: "1.29" }],
  ["generated-3", { source: "cluster", objects: generateCluster({ objects: 3000, seed: 3 }), kinds: [], kindsComplete: true, kubeVersion: "1.27" }],
];
for (const [name, snap] of sets) {
  const r = evaluate(snap, { exceptions: [{ id: "e1", ruleId: "*", namespace: "monitoring-1", justification: "x" }, { id: "e2", ruleId: "privileged", kind: "DaemonSet", justification: "y" }] });
  const h = createHash("sha256").update(JSON.stringify(r)).digest("hex").slice(0, 16);
  console.log(name, h, r.findings.length, r.score, JSON.stringify(r.counts));
}
