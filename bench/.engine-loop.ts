// temporary experiment (helper "engine"); deleted before the report
import { evaluate, type KubeObject, type Rule } from "@bulwark/rules";
const n = 30000;
const objs: KubeObject[] = Array.from({ length: n }, (_, i) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" + i, namespace: "ns" + (i % 50), uid: "uid-" + i } }));
const raws = objs.map((o) => ({ object: o, path: "data.x", message: "m", observed: 1 }));
const mk = (id: string, gen: boolean): Rule => ({ id, title: id, category: "custom", severity: "low", kinds: ["ConfigMap"], description: "", remediation: "", peers: {}, evaluate: gen ? function* () { for (const o of objs) yield { object: o, path: "data.x", message: "m", observed: 1 }; } : () => raws });
for (const gen of (process.env.G ? [false, false] : [true, false, true, false])) {
  const rules = Array.from({ length: 10 }, (_, i) => mk("r" + i + gen, gen));
  const t = performance.now();
  const r = evaluate({ source: "cluster", objects: objs, kinds: [], kindsComplete: true }, { onlyRules: rules.map((r) => r.id), extraRules: rules });
  console.log(gen ? "gen" : "arr", r.findings.length, (performance.now() - t).toFixed(0), "ms", ((performance.now() - t) * 1000 / r.findings.length).toFixed(2), "us/finding");
}
