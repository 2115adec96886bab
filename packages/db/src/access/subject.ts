// One subject (a person, a group or a service account) across the organization's clusters: what it
// holds in each (its own grants and those of the groups it belongs to implicitly), the workloads
// that run as it and its risky capabilities.
import {
  capabilitiesOf,
  implicitGroups,
  subjectGrants,
  type AccessSubjectKind,
  type Capability,
  type GrantVia,
  type SubjectRef,
  type WorkloadRef,
} from "@bulwark/rules";
import { db } from "../client";
import { GRANT_SELECT, toGrant, type TGrantRow } from "./who-can";

export interface TAccessSubjectCluster {
  clusterId: string;
  clusterName: string;
  /** Service accounts: whether the ServiceAccount object exists. */
  exists?: boolean;
  builtIn: boolean;
  workloads: WorkloadRef[];
  capabilities: Capability[];
  privilege: string;
  vias: GrantVia[];
}

export interface TAccessSubjectView {
  ref: SubjectRef;
  clusters: TAccessSubjectCluster[];
}

const SA_USER = /^system:serviceaccount:([^:]+):([^:]+)$/;

/** A User named system:serviceaccount:NS:NAME is that service account. */
export function normalizeSubject(ref: { kind: AccessSubjectKind; name: string; namespace?: string }): SubjectRef {
  const m = ref.kind === "User" ? SA_USER.exec(ref.name) : null;
  if (m) return { kind: "ServiceAccount", namespace: m[1]!, name: m[2]! };
  return ref.kind === "ServiceAccount" ? { kind: ref.kind, name: ref.name, namespace: ref.namespace ?? "" } : { kind: ref.kind, name: ref.name };
}

interface SubjectRow {
  clusterId: string;
  exists: boolean | null;
  builtIn: boolean;
  workloads: WorkloadRef[];
  capabilities: Capability[];
  privilege: string;
}

export async function getAccessSubject(input: { orgId: string; kind: AccessSubjectKind; name: string; namespace?: string }): Promise<TAccessSubjectView | null> {
  const ref = normalizeSubject(input);
  const ns = ref.namespace ?? "";
  const groups = implicitGroups(ref);
  const [clusters, subjects, rows] = await Promise.all([
    db.$queryRaw<Array<{ id: string; name: string }>>`SELECT id, name FROM "Cluster" WHERE "orgId" = ${input.orgId} ORDER BY name, id`,
    db.$queryRaw<SubjectRow[]>`
      SELECT "clusterId", "exists", "builtIn", workloads, capabilities, privilege FROM "AccessSubject"
      WHERE "orgId" = ${input.orgId} AND kind = ${ref.kind} AND name = ${ref.name} AND namespace = ${ns}`,
    // Its own grants (a service account also as the User system:serviceaccount:NS:NAME) and those of its implicit groups.
    db.$queryRawUnsafe<TGrantRow[]>(
      `SELECT ${GRANT_SELECT} FROM "AccessGrant" g WHERE g."orgId" = $1 AND (
         (g."subjectKind" = $2 AND g."subjectName" = $3 AND g."subjectNamespace" = $4)
         OR (g."subjectKind" = 'User' AND g."subjectName" = $5)
         OR (g."subjectKind" = 'Group' AND g."subjectName" = ANY($6::text[])))`,
      input.orgId,
      ref.kind,
      ref.name,
      ns,
      // (no User is named "")
      ref.kind === "ServiceAccount" ? `system:serviceaccount:${ns}:${ref.name}` : "",
      groups,
    ),
  ]);
  const subjectBy = new Map(subjects.map((s) => [s.clusterId, s]));
  const grantsBy = new Map<string, ReturnType<typeof toGrant>[]>();
  for (const r of rows) {
    let list = grantsBy.get(r.clusterId);
    if (!list) grantsBy.set(r.clusterId, (list = []));
    list.push(toGrant(r));
  }
  const out: TAccessSubjectCluster[] = [];
  for (const c of clusters) {
    const s = subjectBy.get(c.id);
    const vias = subjectGrants(grantsBy.get(c.id) ?? [], ref);
    // A cluster knows the subject when a binding names it (or it runs workloads there); grants of
    // its implicit groups alone do not make it known there.
    if (!s && !vias.some((v) => v.viaGroup === undefined)) continue;
    const capabilities = s ? s.capabilities : capabilitiesOf(vias);
    out.push({
      clusterId: c.id,
      clusterName: c.name,
      ...(s?.exists !== null && s?.exists !== undefined ? { exists: s.exists } : {}),
      builtIn: s?.builtIn ?? vias.every((v) => v.builtIn),
      workloads: s?.workloads ?? [],
      capabilities,
      privilege: s?.privilege ?? capabilities[0]?.level ?? "",
      vias,
    });
  }
  return out.length ? { ref, clusters: out } : null;
}
