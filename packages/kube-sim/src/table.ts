// meta.k8s.io/v1 Table rendering for `kubectl get` (it asks with Accept: ...;as=Table).
import type { KubeObject } from "./types";

interface Column {
  name: string;
  type: string;
  format?: string;
  description: string;
  priority: number;
}

function age(ts: unknown, now: number): string {
  if (typeof ts !== "string") return "<unknown>";
  const s = Math.max(0, Math.floor((now - Date.parse(ts)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

type Get = (o: KubeObject) => string | number;
const col = (name: string, description: string, type = "string", priority = 0): Column => ({ name, type, description, priority });

function sub(o: KubeObject, path: string): unknown {
  let cur: unknown = o;
  for (const p of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}
const num = (o: KubeObject, path: string): number => Number(sub(o, path) ?? 0) || 0;

const EXTRA: Record<string, Array<[Column, Get]>> = {
  Pod: [
    [col("Ready", "containers ready"), (o) => {
      const cs = (sub(o, "status.containerStatuses") as Array<{ ready?: boolean }> | undefined) ?? [];
      const total = ((sub(o, "spec.containers") as unknown[] | undefined) ?? []).length;
      return `${cs.filter((c) => c.ready).length}/${total}`;
    }],
    [col("Status", "pod phase"), (o) => String(sub(o, "status.phase") ?? "Unknown")],
    [col("Restarts", "restarts", "string"), (o) =>
      String(((sub(o, "status.containerStatuses") as Array<{ restartCount?: number }> | undefined) ?? []).reduce((a, c) => a + (c.restartCount ?? 0), 0))],
  ],
  Deployment: [
    [col("Ready", "ready replicas"), (o) => `${num(o, "status.readyReplicas")}/${num(o, "spec.replicas") || 1}`],
    [col("Up-to-date", "updated replicas", "integer"), (o) => num(o, "status.updatedReplicas")],
    [col("Available", "available replicas", "integer"), (o) => num(o, "status.availableReplicas")],
  ],
  Service: [
    [col("Type", "service type"), (o) => String(sub(o, "spec.type") ?? "ClusterIP")],
    [col("Cluster-IP", "cluster ip"), (o) => String(sub(o, "spec.clusterIP") ?? "<none>")],
  ],
  Namespace: [[col("Status", "phase"), (o) => String(sub(o, "status.phase") ?? "Active")]],
  Node: [[col("Status", "ready"), () => "Ready"]],
  Secret: [
    [col("Type", "secret type"), (o) => String(o.type ?? "Opaque")],
    [col("Data", "keys", "integer"), (o) => Object.keys((o.data as object | undefined) ?? {}).length],
  ],
};

export function renderTable(
  objs: KubeObject[],
  kind: string,
  meta: { resourceVersion: string; continue?: string; remainingItemCount?: number },
  includeObject: string,
): string {
  const now = Date.now();
  const extra = EXTRA[kind] ?? [];
  const columnDefinitions: Column[] = [
    { ...col("Name", "Name must be unique within a namespace."), format: "name" },
    ...extra.map(([c]) => c),
    col("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
  ];
  const rows = objs.map((o) => {
    const row: Record<string, unknown> = {
      cells: [o.metadata.name ?? "", ...extra.map(([, get]) => get(o)), age(o.metadata.creationTimestamp, now)],
    };
    if (includeObject === "Object") row.object = o;
    else if (includeObject !== "None")
      row.object = { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata };
    return row;
  });
  const metadata: Record<string, unknown> = { resourceVersion: meta.resourceVersion };
  if (meta.continue) metadata.continue = meta.continue;
  if (meta.remainingItemCount !== undefined) metadata.remainingItemCount = meta.remainingItemCount;
  return JSON.stringify({ kind: "Table", apiVersion: "meta.k8s.io/v1", metadata, columnDefinitions, rows });
}
