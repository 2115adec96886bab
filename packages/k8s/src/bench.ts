// Reader benchmark: a generated cluster served by kube-sim in a child process, read over HTTPS on
// loopback; the RSS figure is this process's (the reader's) peak, sampled during the read.
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { startChildServer } from "./child-server";
import { readCluster } from "./reader";

export interface ReaderBenchResult {
  objects: number;
  wallMs: number;
  objectsPerSec: number;
  peakRssMb: number;
  /** RSS before the read started, for context */
  baseRssMb: number;
  /** CPU time the reader process spent (the server's is not counted) */
  readerCpuMs: number;
}

export async function benchReader(n: number): Promise<ReaderBenchResult> {
  // path.join rather than new URL(literal, import.meta.url), which bundlers turn into an asset
  const script = join(dirname(fileURLToPath(import.meta.url)), "bench-server.ts");
  const server = await startChildServer<{ kubeconfig: string; objects: number }>(script, [String(n)], {
    cwd: dirname(script),
    name: "bench server",
  });
  try {
    const { ready } = server;
    (globalThis as { gc?: () => void }).gc?.();
    const baseRss = process.memoryUsage.rss();
    let peak = baseRss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 10);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const snap = await readCluster(ready.kubeconfig, { allowPrivateNetworks: true, deadlineMs: 600_000 });
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    const failed = snap.kinds.filter((k) => k.status === "failed");
    if (failed.length) throw new Error(`bench read failed kinds: ${failed.map((k) => `${k.resource}: ${k.error}`).join("; ")}`);
    return {
      objects: snap.objects.length,
      wallMs: Math.round(wallMs),
      objectsPerSec: Math.round(snap.objects.length / (wallMs / 1000)),
      peakRssMb: Math.round(peak / 1024 / 1024),
      baseRssMb: Math.round(baseRss / 1024 / 1024),
      readerCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
  } finally {
    await server.close();
  }
}

/** FieldsV1 of a value, as the API server records a manager's fields in managedFields. */
function fieldsV1(v: unknown): unknown {
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [`k:{"name":"item-${i}"}`, fieldsV1(x)]));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [`f:${k}`, fieldsV1(x)]));
  return {};
}

const T = "2026-12-01T10:00:00Z";

/**
 * What n objects weigh as an API server sends them (the figure behind DEFAULT_SCAN_MAX_BYTES):
 * generateCluster's objects, then the same objects with what the generator leaves out and a real
 * server adds: managedFields (one FieldsV1 entry per manager) and Pod/Deployment/ReplicaSet status.
 */
export async function weighObjects(n: number): Promise<{ objects: number; generatedMiB: number; asServedMiB: number; bytesPerObject: number }> {
  const { generateCluster } = await import("@bulwark/kube-sim");
  const objs = generateCluster({ objects: n }) as unknown as Array<Record<string, unknown> & { kind: string; apiVersion: string; metadata: Record<string, unknown> }>;
  let plain = 0;
  let served = 0;
  for (const o of objs) {
    plain += Buffer.byteLength(JSON.stringify(o));
    const r = structuredClone(o);
    Object.assign(r.metadata, { resourceVersion: "123456789", generation: 3 });
    const { metadata, apiVersion: _a, kind: _k, ...body } = r;
    const mf: unknown[] = [
      { manager: "kubectl-client-side-apply", operation: "Update", apiVersion: r.apiVersion, time: T, fieldsType: "FieldsV1", fieldsV1: { "f:metadata": fieldsV1({ labels: metadata.labels ?? {}, annotations: metadata.annotations ?? {} }), ...(fieldsV1(body) as object) } },
    ];
    let status: Record<string, unknown> | undefined;
    if (r.kind === "Pod") {
      const containers = ((r.spec as { containers?: Array<{ name: string; image: string }> } | undefined)?.containers ?? []);
      status = {
        phase: "Running",
        conditions: ["Initialized", "Ready", "ContainersReady", "PodScheduled"].map((type) => ({ type, status: "True", lastProbeTime: null, lastTransitionTime: T })),
        hostIP: "10.0.1.23", podIP: "10.244.3.17", podIPs: [{ ip: "10.244.3.17" }], startTime: T, qosClass: "Burstable",
        containerStatuses: containers.map((c) => ({ name: c.name, state: { running: { startedAt: T } }, lastState: {}, ready: true, restartCount: 0, image: c.image, imageID: `${c.image}@sha256:${"a".repeat(64)}`, containerID: `containerd://${"b".repeat(64)}`, started: true })),
      };
    } else if (r.kind === "Deployment" || r.kind === "ReplicaSet") {
      status = { observedGeneration: 3, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, conditions: [{ type: "Available", status: "True", lastUpdateTime: T, lastTransitionTime: T, reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }] };
    }
    if (status) {
      r.status = status;
      mf.push({ manager: r.kind === "Pod" ? "kubelet" : "kube-controller-manager", operation: "Update", apiVersion: r.apiVersion, time: T, fieldsType: "FieldsV1", subresource: "status", fieldsV1: fieldsV1(status) });
    }
    metadata.managedFields = mf;
    served += Buffer.byteLength(JSON.stringify(r));
  }
  const mib = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  return { objects: objs.length, generatedMiB: mib(plain), asServedMiB: mib(served), bytesPerObject: Math.round(served / objs.length) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `bench.ts 10000 100000` reads clusters of those sizes; `bench.ts weigh 100000` weighs one.
  if (process.argv[2] === "weigh") {
    for (const n of process.argv.slice(3).map(Number)) console.log(JSON.stringify({ n, ...(await weighObjects(n)) }));
  } else {
    for (const n of process.argv.slice(2).map(Number)) {
      console.log(JSON.stringify({ n, ...(await benchReader(n)) }));
    }
  }
}
