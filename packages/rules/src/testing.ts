// Test helpers shared by the engine's tests and other packages' (not for production code).
import type { ObjectChangeRef } from "./engine/incremental";
import type { EvaluationResult, KubeObject, Snapshot } from "./types";

/** A complete cluster snapshot of `objects`, as a cluster read would give the engine. */
export function clusterSnapshot(objects: KubeObject[], version = "1.29", takenAt = "2025-01-01T00:00:00Z"): Snapshot {
  return { source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: version, takenAt };
}

/** The comparable content of a result (order-free where evaluate's order is incidental). */
export function comparableResult(r: EvaluationResult) {
  const findings = r.findings
    .map((f) =>
      JSON.stringify([f.fingerprint, f.ruleId, f.severity, f.object, f.path, f.message, f.observed, f.checks ?? null, f.baseline?.id ?? null, f.exception?.id ?? null]),
    )
    .sort();
  const risks = r.risks
    .map((k) => JSON.stringify([k.id, k.type, k.severity, k.score, k.objects, k.steps.map((s) => [s.kind, [...s.findings].sort(), s.objects ?? null]), k.factors, k.baseline?.id ?? null, k.exception?.id ?? null]))
    .sort();
  const rules = r.rules.map((s) => JSON.stringify([s.id, s.status, s.reason ?? null, s.findings])).sort();
  return { findings, risks, rules, score: r.score, counts: r.counts, expected: r.expected, objectCount: r.objectCount };
}

/** What a watcher reports for a changed object (with its previous state when it had one). */
export function changeRef(o: KubeObject, previous?: KubeObject): ObjectChangeRef {
  const ns = o.metadata.namespace;
  return { kind: o.kind, apiVersion: o.apiVersion, name: o.metadata.name ?? "", ...(ns ? { namespace: ns } : {}), ...(o.metadata.uid ? { uid: o.metadata.uid } : {}), ...(previous ? { previous } : {}) };
}

/** A one-container pod, privileged or on the host network on request. */
export function testPod(namespace: string, name: string, o: { privileged?: boolean; sa?: string; labels?: Record<string, string>; hostNetwork?: boolean }): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels: o.labels ?? { app: name } },
    spec: {
      ...(o.sa ? { serviceAccountName: o.sa } : {}),
      ...(o.hostNetwork ? { hostNetwork: true } : {}),
      containers: [{ name: "c", image: "nginx:1.25", ...(o.privileged ? { securityContext: { privileged: true } } : {}) }],
    },
  };
}
