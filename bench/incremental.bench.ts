// Incremental judging (packages/rules engine/incremental.ts) on a kube-sim generated cluster: CPU
// of judgeChanges for a one-pod change next to a full evaluate() of the same snapshot, and CPU per
// 1,000 single-object changes of the kinds a watch sees most (pods created, relabeled and deleted,
// Deployment templates, ConfigMaps, RoleBindings, NetworkPolicies), each change judged on its own
// and in batches of ten (what the worker gathers in ~1 s of a busy cluster).
import { fileURLToPath } from "node:url";
import { evaluate, judgeChanges, judgeFull, type KubeObject, type ObjectChangeRef, type Snapshot } from "@bulwark/rules";
import { generateCluster } from "@bulwark/kube-sim";

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function benchIncremental(n: number, changes: number) {
  let objects: KubeObject[] = generateCluster({ objects: n, seed: 7 });
  const snap = (): Snapshot => ({ source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" });
  let c0 = cpuMs();
  evaluate(snap());
  const evaluateMs = cpuMs() - c0;
  c0 = cpuMs();
  let { judge } = judgeFull(snap(), {});
  const judgeFullMs = cpuMs() - c0;

  let rv = 1;
  const ref = (o: KubeObject, previous?: KubeObject): ObjectChangeRef => ({ kind: o.kind, name: o.metadata.name ?? "", namespace: o.metadata.namespace, uid: o.metadata.uid, previous });
  const byKind = (k: string) => objects.filter((o) => o.kind === k);
  const pods = byKind("Pod");
  const deployments = byKind("Deployment");
  const configMaps = byKind("ConfigMap");
  const bindings = byKind("RoleBinding");
  const sas = byKind("ServiceAccount");
  const edit = (o: KubeObject, f: (x: any) => void): ObjectChangeRef => {
    const next = structuredClone(o) as any;
    f(next);
    next.metadata.resourceVersion = String(++rv);
    objects = objects.map((x) => (x === o ? next : x));
    return ref(next, o);
  };
  const created: KubeObject[] = [];
  const steps: Array<(i: number) => ObjectChangeRef> = [
    (i) => {
      const p = pods[i % pods.length]!;
      const cur = objects.find((o) => o.metadata.uid === p.metadata.uid) ?? p;
      return edit(cur, (x) => (x.metadata.labels = { ...x.metadata.labels, touched: String(i) }));
    },
    (i) => {
      const tpl = pods[(i * 7) % pods.length]!;
      const o = structuredClone(tpl) as any;
      o.metadata = { ...o.metadata, name: `bench-${i}`, uid: `bench-${i}`, ownerReferences: undefined, resourceVersion: String(++rv) };
      o.spec.containers[0].securityContext = { privileged: true };
      objects = [...objects, o];
      created.push(o);
      return ref(o);
    },
    () => {
      const o = created.shift();
      if (!o) return ref(objects[0]!);
      objects = objects.filter((x) => x !== o);
      return ref(o, o);
    },
    (i) => {
      const d = deployments[i % deployments.length]!;
      const cur = objects.find((o) => o.metadata.uid === d.metadata.uid) ?? d;
      return edit(cur, (x) => (x.spec.template.spec.containers[0].image = `registry.corp.example/app:${i}`));
    },
    (i) => {
      const c = configMaps[i % configMaps.length]!;
      const cur = objects.find((o) => o.metadata.uid === c.metadata.uid) ?? c;
      return edit(cur, (x) => (x.data = { ...x.data, [`k${i}`]: "v" }));
    },
    (i) => {
      const b = bindings[i % bindings.length]!;
      const cur = objects.find((o) => o.metadata.uid === b.metadata.uid) ?? b;
      const sa = sas.filter((s) => s.metadata.namespace === b.metadata.namespace)[i % 3];
      return edit(cur, (x) => (x.subjects = sa ? [{ kind: "ServiceAccount", name: sa.metadata.name, namespace: sa.metadata.namespace }] : []));
    },
    (i) => {
      const p = pods[(i * 13) % pods.length]!;
      const np = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: `bench-np-${i}`, namespace: p.metadata.namespace, uid: `bench-np-${i}`, resourceVersion: String(++rv) }, spec: { podSelector: { matchLabels: p.metadata.labels ?? {} }, policyTypes: ["Ingress"] } } as KubeObject;
      objects = [...objects, np];
      return ref(np);
    },
  ];

  // One pod relabeled: the most common watch event.
  const onePod: number[] = [];
  for (let i = 0; i < 20; i++) {
    const change = steps[0]!(i);
    const t = cpuMs();
    judge = judgeChanges(judge, snap(), [change], {}).judge;
    onePod.push(cpuMs() - t);
  }
  onePod.sort((a, b) => a - b);

  let fulls = 0;
  let judgingMs = 0;
  for (let i = 0; i < changes; i++) {
    const change = steps[i % steps.length]!(i);
    const s = snap();
    const t = cpuMs();
    const out = judgeChanges(judge, s, [change], {});
    judgingMs += cpuMs() - t;
    judge = out.judge;
    if (out.rejudged.full) fulls++;
  }
  // The worker judges a batch of the changes a watch delivered in the last ~0.5-1 s: ten at a time.
  let batchedMs = 0;
  for (let i = 0; i < changes; i += 10) {
    const batch = Array.from({ length: 10 }, (_, j) => steps[(i + j) % steps.length]!(changes + i + j));
    const s = snap();
    const t = cpuMs();
    const out = judgeChanges(judge, s, batch, {});
    batchedMs += cpuMs() - t;
    judge = out.judge;
    if (out.rejudged.full) fulls++;
  }
  return {
    objects: objects.length,
    cpuPer1000ChangesBatched10S: (batchedMs / changes) * 1000 / 1000,
    evaluateMs,
    judgeFullMs,
    onePodChangeMs: onePod[Math.floor(onePod.length / 2)]!,
    cpuPer1000ChangesS: (judgingMs / changes) * 1000 / 1000,
    fullFallbacks: fulls,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 10000);
  const changes = Number(process.argv[3] ?? 1000);
  process.stdout.write(JSON.stringify(benchIncremental(n, changes)) + "\n");
}
