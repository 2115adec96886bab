// The findings a fix is planned from, with the last seen version of each finding's object (the
// ClusterObject manifest the finding page shows), grouped by cluster and object.
import type { FixInput, KubeObject } from "@bulwark/rules";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { OPEN_STATUSES } from "../findings/open-finding-where";
import { objectKey } from "../objects/sanitize-manifest";
import { riskFingerprints } from "../risks/upsert-scan-risks";

/** At most this many findings go into one plan or bundle. */
export const MAX_FIX_FINDINGS = 500;

export interface TFixInputGroup {
  clusterId: string;
  clusterName: string;
  inputs: FixInput[];
  /** open findings left out: their object's manifest was never stored */
  missing?: { id: string; fingerprint: string; ruleId: string; reason: string }[];
}

type TFixJson = { type: "merge-patch" | "yaml"; content: string; description?: string };

function fixOf(value: unknown): TFixJson | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if ((v.type !== "merge-patch" && v.type !== "yaml") || typeof v.content !== "string") return null;
  return { type: v.type, content: v.content, ...(typeof v.description === "string" ? { description: v.description } : {}) };
}

/**
 * The findings (org-scoped, open work only: open, reopened, in progress) with their objects' last
 * manifests, grouped by cluster, ready for planFixes/buildFixBundle: by ids, or every open finding
 * of a risk. An id (or risk) of another organization is "not found", never someone else's data.
 */
export async function loadFixInputs(input: { orgId: string; findingIds?: readonly string[]; riskId?: string }): Promise<TFixInputGroup[]> {
  const ids = [...new Set(input.findingIds ?? [])];
  if (ids.length > MAX_FIX_FINDINGS) throw new NotFoundError(`more than ${MAX_FIX_FINDINGS} findings`);
  let where;
  if (input.riskId) {
    const risk = await db.risk.findFirst({ where: { id: input.riskId, orgId: input.orgId }, select: { clusterId: true, steps: true } });
    if (!risk) throw new NotFoundError("risk");
    where = { orgId: input.orgId, clusterId: risk.clusterId, fingerprint: { in: [...new Set(riskFingerprints(risk.steps))] } };
  } else {
    if (ids.length === 0) return [];
    where = { orgId: input.orgId, id: { in: ids } };
  }
  const all = await db.finding.findMany({
    where,
    select: { id: true, clusterId: true, fingerprint: true, ruleId: true, severity: true, path: true, fix: true, status: true, uid: true, apiVersion: true, kind: true, namespace: true, name: true, cluster: { select: { name: true } } },
    orderBy: [{ clusterId: "asc" }, { kind: "asc" }, { namespace: "asc" }, { name: "asc" }, { fingerprint: "asc" }],
  });
  if (!input.riskId && all.length < ids.length) throw new NotFoundError("finding");
  const open = all.filter((f) => (OPEN_STATUSES as readonly string[]).includes(f.status));
  const keys = [...new Set(open.map((f) => objectKey({ ...(f.uid ? { uid: f.uid } : {}), kind: f.kind, ...(f.namespace ? { namespace: f.namespace } : {}), name: f.name })))];
  const clusterIds = [...new Set(open.map((f) => f.clusterId))];
  const objects = keys.length
    ? await db.clusterObject.findMany({ where: { orgId: input.orgId, clusterId: { in: clusterIds }, key: { in: keys } }, select: { clusterId: true, key: true, manifest: true } })
    : [];
  const manifests = new Map(objects.map((o) => [`${o.clusterId}|${o.key}`, o.manifest as unknown as KubeObject]));
  const groups = new Map<string, TFixInputGroup & { byObject: Map<string, FixInput & { findings: FixInput["findings"][number][] }> }>();
  for (const f of open) {
    let g = groups.get(f.clusterId);
    if (!g) {
      g = { clusterId: f.clusterId, clusterName: f.cluster.name, inputs: [], byObject: new Map() };
      groups.set(f.clusterId, g);
    }
    const key = objectKey({ ...(f.uid ? { uid: f.uid } : {}), kind: f.kind, ...(f.namespace ? { namespace: f.namespace } : {}), name: f.name });
    const manifest = manifests.get(`${f.clusterId}|${key}`);
    if (!manifest) {
      (g.missing ??= []).push({ id: f.id, fingerprint: f.fingerprint, ruleId: f.ruleId, reason: `the last seen version of ${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name} was not stored: rescan the cluster` });
      continue;
    }
    let entry = g.byObject.get(key);
    if (!entry) {
      entry = { object: manifest, findings: [] };
      g.byObject.set(key, entry);
      g.inputs.push(entry);
    }
    entry.findings.push({ fingerprint: f.fingerprint, ruleId: f.ruleId, severity: f.severity, path: f.path, fix: fixOf(f.fix), id: f.id });
  }
  return [...groups.values()].map(({ byObject: _b, ...g }) => g);
}
