// Change history rows of a watched cluster, written by the worker. Compact: the object's identity,
// who changed it, which field paths changed (never values: a Secret's change names its keys only).
import type { ChangeType } from "../generated/prisma/client";
import { db, type Tx } from "../client";
import { newId } from "../ids";
import { pgTimestamp } from "../scans/record-scan-results";

export interface TClusterChangeInput {
  type: ChangeType;
  at: Date;
  apiVersion: string;
  kind: string;
  namespace?: string | null;
  name: string;
  uid?: string | null;
  manager?: string | null;
  /** changed field paths (modified only) */
  fields?: readonly string[];
  resourceVersion?: string | null;
}

/** A change keeps at most this many field paths (a rewrite of a whole object names its top fields). */
export const MAX_CHANGE_FIELDS = 64;
const MAX_FIELD_LENGTH = 256;
const BATCH = 1000;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Inserts the changes in batches, in the caller's transaction or on its own. Returns how many. */
export async function insertClusterChanges(
  client: Tx | typeof db,
  input: { orgId: string; clusterId: string; scanId: string | null; judgedAt?: Date; changes: readonly TClusterChangeInput[] },
): Promise<number> {
  const { orgId, clusterId, scanId, changes } = input;
  for (let i = 0; i < changes.length; i += BATCH) {
    const batch = changes.slice(i, i + BATCH);
    // Field lists travel as one text per change (unit separator), split back in SQL: unnest cannot take ragged arrays.
    await client.$executeRawUnsafe(
      `INSERT INTO "ClusterChange" (id, "orgId", "clusterId", at, type, "apiVersion", kind, namespace, name, uid, manager, fields, "resourceVersion", "scanId", "judgedAt")
       SELECT u.id, $1, $2, u.at, u.type::"ChangeType", u.av, u.kind, u.ns, u.name, u.uid, u.manager,
              CASE WHEN u.fields = '' THEN ARRAY[]::text[] ELSE string_to_array(u.fields, chr(31)) END, u.rv, $3, $15::timestamp
       FROM unnest($4::text[], $5::timestamp[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         AS u(id, at, type, av, kind, ns, name, uid, manager, fields, rv)`,
      orgId,
      clusterId,
      scanId,
      batch.map(() => newId()),
      batch.map((c) => pgTimestamp(c.at)),
      batch.map((c) => c.type),
      batch.map((c) => c.apiVersion),
      batch.map((c) => c.kind),
      batch.map((c) => c.namespace ?? null),
      batch.map((c) => c.name),
      batch.map((c) => c.uid ?? null),
      batch.map((c) => (c.manager ? clip(c.manager, 128) : null)),
      batch.map((c) => (c.fields ?? []).slice(0, MAX_CHANGE_FIELDS).map((f) => clip(f.replaceAll("\u001f", " "), MAX_FIELD_LENGTH)).join("\u001f")),
      batch.map((c) => c.resourceVersion ?? null),
      pgTimestamp(input.judgedAt ?? null),
    );
  }
  return changes.length;
}

/** Records a watched cluster's changes (system-level writer, scoped by the given org and cluster). */
export async function recordClusterChanges(input: { orgId: string; clusterId: string; scanId: string | null; changes: readonly TClusterChangeInput[] }): Promise<number> {
  if (input.changes.length === 0) return 0;
  return insertClusterChanges(db, input);
}
