// Stable finding identity across scans: the same rule, object and field give the same id, so the
// database can track a finding's lifecycle (new, still open, fixed) between snapshots.
import { createHash } from "node:crypto";
import type { ObjectRef } from "../types";

/** sha256(ruleId|uid-or-kind/ns/name|path), hex, first 32 chars. */
export function fingerprint(ruleId: string, obj: ObjectRef, path: string): string {
  const who = obj.uid ? obj.uid : `${obj.kind}/${obj.namespace ?? ""}/${obj.name}`;
  return createHash("sha256").update(`${ruleId}|${who}|${path}`).digest("hex").slice(0, 32);
}
