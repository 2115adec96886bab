// Rule engine throughput: the full catalog over the corpus (when ../shared/corpus is present) or a
// kube-sim generated cluster, replicated to N objects. Baseline: JSON.parse of the same objects, so
// the ratio means something on any machine. Run in a child process per size for a clean peak RSS.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { builtinRules, evaluate, parseManifests, type KubeObject, type Snapshot } from "@bulwark/rules";
import { generateCluster } from "@bulwark/kube-sim";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function corpusObjects(): KubeObject[] {
  const dir = process.env.BULWARK_CORPUS_DIR ?? path.join(ROOT, "..", "shared", "corpus");
  if (!existsSync(dir)) return [];
  const out: KubeObject[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects);
    }
  };
  walk(dir);
  return out;
}

/** Replicates seed objects into `n` objects spread over namespaces, with unique names and uids. */
export function replicate(seed: KubeObject[], n: number): KubeObject[] {
  const out: KubeObject[] = [];
  for (let i = 0; out.length < n; i++) {
    const copy = i % seed.length;
    const round = Math.floor(i / seed.length);
    const o = structuredClone(seed[copy]!) as KubeObject;
    const ns = o.metadata.namespace ? `${o.metadata.namespace}-${round}` : undefined;
    o.metadata = { ...o.metadata, name: `${o.metadata.name ?? "x"}-${round}`, uid: `uid-${i}`, ...(ns ? { namespace: ns } : {}) };
    out.push(o);
  }
  return out;
}

// A full collection before each timed section, so that neither pays for the garbage of the set-up
// (building ~1 GB of objects and strings) nor for the other's.
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

export function benchEngine(n: number, source: "corpus" | "generated") {
  const seed = source === "corpus" ? corpusObjects() : generateCluster({ objects: Math.min(n, 5000), seed: 7 });
  const objects = source === "corpus" ? replicate(seed, n) : generateCluster({ objects: n, seed: 7 });
  const json = objects.map((o) => JSON.stringify(o));
  const snapshot: Snapshot = { source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" };

  collect();
  const t0 = performance.now();
  for (const s of json) JSON.parse(s);
  const parseMs = performance.now() - t0;

  collect();
  const rssBefore = process.memoryUsage().rss;
  const t1 = performance.now();
  const result = evaluate(snapshot);
  const evalMs = performance.now() - t1;
  return {
    objects: objects.length,
    rules: builtinRules.length,
    findings: result.findings.length,
    evalMs,
    parseMs,
    objectsPerSec: objects.length / (evalMs / 1000),
    ratioToParse: evalMs / parseMs,
    rssMb: process.memoryUsage().rss / 2 ** 20,
    rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 10000);
  const source = (process.argv[3] ?? "corpus") as "corpus" | "generated";
  process.stdout.write(JSON.stringify(benchEngine(n, source)) + "\n");
}
