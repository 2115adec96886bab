// Grants added and removed between builds of the access models, newest first, with the scan (or
// live record) that saw each. Paged by a cursor over (at, id).
import type { AccessSubjectKind, GrantRule, GrantVia, SubjectRef } from "@bulwark/rules";
import { db } from "../client";
import { clampLimit, decodeCursor, encodeCursor } from "../pagination";
import { normalizeSubject } from "./subject";
import { refOf } from "./overview";
import { pgTimestamp } from "./save-access-model";

export interface TListAccessChangesInput {
  orgId: string;
  clusterId?: string;
  /** Changes at or after this instant. */
  since?: Date;
  subject?: SubjectRef;
  /** Default 50, at most 500. */
  limit?: number;
  cursor?: string;
}

export interface TAccessChangeRow {
  id: string;
  clusterId: string;
  clusterName: string;
  scanId: string | null;
  at: Date;
  change: "added" | "removed";
  subject: SubjectRef;
  via: GrantVia;
}

type Cursor = { at: string; id: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === "object" && v !== null && typeof (v as Cursor).at === "string" && !Number.isNaN(Date.parse((v as Cursor).at)) && /^\d{1,19}$/.test(String((v as Cursor).id));

interface Row {
  id: bigint;
  clusterId: string;
  clusterName: string;
  scanId: string | null;
  at: Date;
  change: string;
  subjectKind: string;
  subjectName: string;
  subjectNamespace: string;
  bindingKind: string;
  bindingName: string;
  bindingNamespace: string;
  roleKind: string;
  roleName: string;
  scope: string;
  rule: GrantRule & { ruleIndex?: number; ruleSource?: string | null };
  builtIn: boolean;
}

export async function listAccessChanges(input: TListAccessChangesInput): Promise<{ items: TAccessChangeRow[]; nextCursor: string | null }> {
  const params: unknown[] = [input.orgId];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`ch."orgId" = $1`];
  if (input.clusterId !== undefined) where.push(`ch."clusterId" = ${param(input.clusterId)}`);
  if (input.since) where.push(`ch.at >= ${param(pgTimestamp(input.since))}::timestamp`);
  if (input.subject) {
    const ref = normalizeSubject(input.subject);
    where.push(`ch."subjectKind" = ${param(ref.kind)} AND ch."subjectName" = ${param(ref.name)} AND ch."subjectNamespace" = ${param(ref.namespace ?? "")}`);
  }
  const cursor = decodeCursor(input.cursor, isCursor);
  if (cursor) where.push(`(ch.at, ch.id) < (${param(pgTimestamp(new Date(cursor.at)))}::timestamp, ${param(cursor.id)}::bigint)`);
  const limit = clampLimit(input.limit, 50, 500);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT ch.id, ch."clusterId", c.name AS "clusterName", ch."scanId", ch.at, ch.change, ch."subjectKind", ch."subjectName", ch."subjectNamespace",
            ch."bindingKind", ch."bindingName", ch."bindingNamespace", ch."roleKind", ch."roleName", ch.scope, ch.rule, ch."builtIn"
     FROM "AccessChange" ch JOIN "Cluster" c ON c.id = ch."clusterId"
     WHERE ${where.join(" AND ")}
     ORDER BY ch.at DESC, ch.id DESC
     LIMIT ${param(limit + 1)}`,
    ...params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const { ruleIndex, ruleSource, ...rule } = r.rule;
      const via: GrantVia = {
        binding: r.bindingName,
        bindingKind: r.bindingKind as GrantVia["bindingKind"],
        ...(r.bindingNamespace ? { bindingNamespace: r.bindingNamespace } : {}),
        role: r.roleName,
        roleKind: r.roleKind as GrantVia["roleKind"],
        ruleIndex: ruleIndex ?? 0,
        ...(ruleSource ? { ruleSource } : {}),
        rule: { apiGroups: rule.apiGroups ?? [], resources: rule.resources ?? [], verbs: rule.verbs ?? [], resourceNames: rule.resourceNames ?? [], nonResourceURLs: rule.nonResourceURLs ?? [] },
        ...(r.scope ? { scope: r.scope } : {}),
        builtIn: r.builtIn,
      };
      return {
        id: String(r.id),
        clusterId: r.clusterId,
        clusterName: r.clusterName,
        scanId: r.scanId,
        at: r.at,
        change: r.change as "added" | "removed",
        subject: refOf(r.subjectKind as AccessSubjectKind, r.subjectName, r.subjectNamespace),
        via,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at.toISOString(), id: String(last.id) }) : null,
  };
}
