// Stores a cluster's access model (grants, subjects, stale access, counts) by difference, in one
// transaction under a per-cluster advisory lock, so a scan and a live update never interleave:
//
// - grants are identified by their key: new keys are inserted in batches (INSERT ... SELECT FROM
//   unnest), vanished keys deleted, and each of these writes an AccessChange row in the same
//   statement (none on a cluster's first build: that is the baseline, not a change);
// - subjects are upserted only when something about them changed (IS DISTINCT FROM), those no
//   longer in the model deleted;
// - the AccessSnapshot row holds the build time, the counts and the stale items.
// Saving the same model twice therefore writes no grant, subject or change row.
//
// AccessChange has no ruleIndex/ruleSource columns; they travel inside its `rule` JSON next to the
// rule's five lists (listAccessChanges reads them back into the GrantVia).
import { createHash } from "node:crypto";
import type { AccessGrant, AccessModel, AccessSubject } from "@bulwark/rules";
import { db, type Tx } from "../client";
import { NotFoundError } from "../errors";
import { newId } from "../ids";

const BATCH = 5000;

export interface TSaveAccessModelInput {
  orgId: string;
  clusterId: string;
  scanId: string | null;
  model: AccessModel;
  at?: Date;
}

export interface TSaveAccessModelOutput {
  added: number;
  removed: number;
  /** The cluster's first build: grants stored without AccessChange rows. */
  baseline: boolean;
}

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A Postgres array literal ('{"a","b"}'), so ragged string lists travel through unnest as text. */
export function pgTextArray(xs: readonly string[]): string {
  return `{${xs.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** The rule JSON of an AccessChange row (see the file comment). */
export const CHANGE_RULE_SQL = (t: string) =>
  `jsonb_build_object('apiGroups', to_jsonb(${t}."apiGroups"), 'resources', to_jsonb(${t}.resources), 'verbs', to_jsonb(${t}.verbs),
     'resourceNames', to_jsonb(${t}."resourceNames"), 'nonResourceURLs', to_jsonb(${t}."nonResourceUrls"),
     'ruleIndex', ${t}."ruleIndex", 'ruleSource', ${t}."ruleSource")`;

const GRANT_COLUMNS = `key, "subjectKind", "subjectName", "subjectNamespace", "bindingKind", "bindingName", "bindingNamespace", "roleKind", "roleName", "ruleIndex", "ruleSource", "apiGroups", resources, verbs, "resourceNames", "nonResourceUrls", scope, "builtIn"`;
const CHANGE_COLUMNS = `"orgId", "clusterId", "scanId", at, change, "subjectKind", "subjectName", "subjectNamespace", "bindingKind", "bindingName", "bindingNamespace", "roleKind", "roleName", scope, rule, "builtIn"`;
const changeSelect = (t: string, change: "added" | "removed") =>
  `SELECT $1, $2, $3, $4::timestamp, '${change}', ${t}."subjectKind", ${t}."subjectName", ${t}."subjectNamespace", ${t}."bindingKind", ${t}."bindingName", ${t}."bindingNamespace",
          ${t}."roleKind", ${t}."roleName", ${t}.scope, ${CHANGE_RULE_SQL(t)}, ${t}."builtIn" FROM ${t}`;

/** A UTC instant as Postgres' timestamp (without time zone) text, as Prisma stores DateTime. */
export const pgTimestamp = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

export async function saveAccessModel(input: TSaveAccessModelInput): Promise<TSaveAccessModelOutput> {
  const at = input.at ?? new Date();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`access:${input.clusterId}`}))`;
      const [cluster] = await tx.$queryRaw<Array<{ id: string; built: boolean }>>`
        SELECT c.id, EXISTS (SELECT 1 FROM "AccessSnapshot" s WHERE s."clusterId" = c.id) AS built
        FROM "Cluster" c WHERE c.id = ${input.clusterId} AND c."orgId" = ${input.orgId}`;
      if (!cluster) throw new NotFoundError("cluster");
      const baseline = !cluster.built;
      const { added, removed } = await saveGrants(tx, input, at, baseline);
      await saveSubjects(tx, input, at);
      await tx.$executeRawUnsafe(
        `INSERT INTO "AccessSnapshot" ("clusterId", "orgId", "scanId", "builtAt", counts, stale)
         VALUES ($1, $2, $3, $4::timestamp, $5::jsonb, $6::jsonb)
         ON CONFLICT ("clusterId") DO UPDATE SET "scanId" = excluded."scanId", "builtAt" = excluded."builtAt", counts = excluded.counts, stale = excluded.stale`,
        input.clusterId,
        input.orgId,
        input.scanId,
        pgTimestamp(at),
        JSON.stringify(input.model.counts),
        JSON.stringify(input.model.stale),
      );
      return { added, removed, baseline };
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
}

async function saveGrants(tx: Tx, input: TSaveAccessModelInput, at: Date, baseline: boolean): Promise<{ added: number; removed: number }> {
  const { orgId, clusterId, scanId } = input;
  const stored = await tx.$queryRawUnsafe<Array<{ key: string }>>(`SELECT key FROM "AccessGrant" WHERE "clusterId" = $1`, clusterId);
  const storedKeys = new Set(stored.map((r) => r.key));
  // One row per key, the first wins (a model never repeats a key; a repeat must not fail the save).
  const next = new Map<string, AccessGrant>();
  for (const g of input.model.grants) if (!next.has(g.key)) next.set(g.key, g);
  const toInsert = [...next.values()].filter((g) => !storedKeys.has(g.key));
  const toDelete = [...storedKeys].filter((k) => !next.has(k));

  let removed = 0;
  for (const batch of chunks(toDelete)) {
    const [row] = await tx.$queryRawUnsafe<Array<{ n: number }>>(
      `WITH d AS (DELETE FROM "AccessGrant" WHERE "clusterId" = $2 AND key = ANY($5::text[]) RETURNING *),
            c AS (INSERT INTO "AccessChange" (${CHANGE_COLUMNS}) ${changeSelect("d", "removed")} WHERE $6::boolean RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      orgId,
      clusterId,
      scanId,
      pgTimestamp(at),
      batch,
      !baseline,
    );
    removed += row?.n ?? 0;
  }

  let added = 0;
  for (const batch of chunks(toInsert)) {
    const insert = `INSERT INTO "AccessGrant" ("orgId", "clusterId", "firstSeenAt", ${GRANT_COLUMNS})
       SELECT $1, $2, $4::timestamp, u.key, u.sk, u.sn, u.sns, u.bk, u.bn, u.bns, u.rk, u.rn, u.ri, u.rs,
              u.ag::text[], u.res::text[], u.verbs::text[], u.names::text[], u.urls::text[], u.scope, u.bi
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::text[],
                   $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::boolean[])
         AS u(key, sk, sn, sns, bk, bn, bns, rk, rn, ri, rs, ag, res, verbs, names, urls, scope, bi)
       ON CONFLICT ("clusterId", key) DO NOTHING
       RETURNING *`;
    const [row] = await tx.$queryRawUnsafe<Array<{ n: number }>>(
      `WITH i AS (${insert}), c AS (INSERT INTO "AccessChange" (${CHANGE_COLUMNS}) ${changeSelect("i", "added")} WHERE $23::boolean RETURNING 1)
       SELECT count(*)::int AS n FROM i`,
      orgId,
      clusterId,
      scanId,
      pgTimestamp(at),
      batch.map((g) => g.key),
      batch.map((g) => g.subject.kind),
      batch.map((g) => g.subject.name),
      batch.map((g) => g.subject.namespace ?? ""),
      batch.map((g) => g.bindingKind),
      batch.map((g) => g.bindingName),
      batch.map((g) => g.bindingNamespace ?? ""),
      batch.map((g) => g.roleKind),
      batch.map((g) => g.roleName),
      batch.map((g) => g.ruleIndex),
      batch.map((g) => g.ruleSource ?? null),
      batch.map((g) => pgTextArray(g.rule.apiGroups)),
      batch.map((g) => pgTextArray(g.rule.resources)),
      batch.map((g) => pgTextArray(g.rule.verbs)),
      batch.map((g) => pgTextArray(g.rule.resourceNames)),
      batch.map((g) => pgTextArray(g.rule.nonResourceURLs)),
      batch.map((g) => g.scope ?? ""),
      batch.map((g) => g.builtIn),
      !baseline,
    );
    added += row?.n ?? 0;
  }
  return { added, removed };
}

const subjectKey = (kind: string, namespace: string, name: string) => `${kind}\u001f${namespace}\u001f${name}`;

/**
 * Postgres' text form of a jsonb value (object keys ordered by length, then bytes; ", " and ": "
 * separators), so stored subjects can be compared by digest without sending their JSON. A wrong
 * guess only costs a row sent again: the upsert itself compares in SQL.
 */
export function jsonbText(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => jsonbText(v === undefined ? null : v)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    const la = Buffer.byteLength(a);
    const lb = Buffer.byteLength(b);
    return la !== lb ? la - lb : Buffer.compare(Buffer.from(a), Buffer.from(b));
  });
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonbText(v)}`).join(", ")}}`;
}

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

async function saveSubjects(tx: Tx, input: TSaveAccessModelInput, at: Date): Promise<void> {
  const { orgId, clusterId } = input;
  const stored = await tx.$queryRawUnsafe<Array<{ kind: string; namespace: string; name: string; digest: string }>>(
    `SELECT kind, namespace, name, md5(concat_ws(chr(31), "exists"::text, "builtIn"::text, privilege, workloads::text, capabilities::text)) AS digest
     FROM "AccessSubject" WHERE "clusterId" = $1`,
    clusterId,
  );
  const storedDigest = new Map(stored.map((r) => [subjectKey(r.kind, r.namespace, r.name), r.digest]));
  const unique = new Map<string, AccessSubject>();
  for (const s of input.model.subjects) {
    const key = subjectKey(s.ref.kind, s.ref.namespace ?? "", s.ref.name);
    if (!unique.has(key)) unique.set(key, s);
  }
  // Only new subjects and those whose digest differs are sent; the upsert's WHERE still writes
  // nothing for a row that is the same after all.
  const changed = [...unique].filter(([key, s]) => {
    const digest = storedDigest.get(key);
    if (digest === undefined) return true;
    const parts = [...(s.exists === undefined ? [] : [String(s.exists)]), String(s.builtIn), s.privilege, jsonbText(s.workloads), jsonbText(s.capabilities)];
    return md5(parts.join("\u001f")) !== digest;
  });
  for (const batch of chunks(changed.map(([, s]) => s), 2000)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "AccessSubject" (id, "orgId", "clusterId", kind, name, namespace, "exists", "builtIn", workloads, capabilities, privilege, "firstSeenAt", "updatedAt")
       SELECT u.id, $1, $2, u.kind, u.name, u.ns, u.ex, u.bi, u.wl::jsonb, u.caps::jsonb, u.priv, $3::timestamp, $3::timestamp
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::boolean[], $10::text[], $11::text[], $12::text[])
         AS u(id, kind, name, ns, ex, bi, wl, caps, priv)
       ON CONFLICT ("clusterId", kind, namespace, name) DO UPDATE SET
         "exists" = excluded."exists", "builtIn" = excluded."builtIn", workloads = excluded.workloads,
         capabilities = excluded.capabilities, privilege = excluded.privilege, "updatedAt" = excluded."updatedAt"
       WHERE "AccessSubject"."exists" IS DISTINCT FROM excluded."exists" OR "AccessSubject"."builtIn" <> excluded."builtIn"
          OR "AccessSubject".workloads <> excluded.workloads OR "AccessSubject".capabilities <> excluded.capabilities
          OR "AccessSubject".privilege <> excluded.privilege`,
      orgId,
      clusterId,
      pgTimestamp(at),
      batch.map(() => newId()),
      batch.map((s) => s.ref.kind),
      batch.map((s) => s.ref.name),
      batch.map((s) => s.ref.namespace ?? ""),
      batch.map((s) => s.exists ?? null),
      batch.map((s) => s.builtIn),
      batch.map((s) => JSON.stringify(s.workloads)),
      batch.map((s) => JSON.stringify(s.capabilities)),
      batch.map((s) => s.privilege),
    );
  }
  const subjects = [...unique.values()];
  if (!stored.some((r) => !unique.has(subjectKey(r.kind, r.namespace, r.name)))) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM "AccessSubject" s WHERE s."clusterId" = $1
       AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[], $4::text[]) AS u(kind, ns, name) WHERE u.kind = s.kind AND u.ns = s.namespace AND u.name = s.name)`,
    clusterId,
    subjects.map((s) => s.ref.kind),
    subjects.map((s) => s.ref.namespace ?? ""),
    subjects.map((s) => s.ref.name),
  );
}
