// Stable finding identity across scans: the same rule, object and field give the same id, so the
// database can track a finding's lifecycle (new, still open, fixed) between snapshots.
import * as nodeCrypto from "node:crypto";
import type { ObjectRef } from "../types";

// crypto.hash (Node 20.12+) is a one-shot digest without a Hash object: several times faster for
// the short inputs here, which matters with hundreds of thousands of findings per scan.
const oneShot = (nodeCrypto as { hash?: (alg: string, data: string, enc: "hex") => string }).hash;

export function sha256Hex(input: string): string {
  return oneShot ? oneShot("sha256", input, "hex") : nodeCrypto.createHash("sha256").update(input).digest("hex");
}

/** The object part of a fingerprint: the uid when known, else kind/namespace/name. */
export function objectKey(obj: ObjectRef): string {
  return obj.uid ? obj.uid : `${obj.kind}/${obj.namespace ?? ""}/${obj.name}`;
}

/** sha256(ruleId|uid-or-kind/ns/name|path), hex, first 32 chars. */
export function fingerprint(ruleId: string, obj: ObjectRef, path: string): string {
  return sha256Hex(`${ruleId}|${objectKey(obj)}|${path}`).slice(0, 32);
}
