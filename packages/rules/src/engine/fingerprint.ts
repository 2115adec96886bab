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

/**
 * The object part of a fingerprint: the uid when known, else kind/namespace/name; for an object
 * read from a manifest file, `@file` follows, so two files that define the same object (dev and
 * prod overlays) keep findings of their own.
 */
export function objectKey(obj: ObjectRef, file?: string): string {
  const key = obj.uid ? obj.uid : `${obj.kind}/${obj.namespace ?? ""}/${obj.name}`;
  return file ? `${key}@${file}` : key;
}

/** sha256(ruleId|object key|path), hex, first 32 chars (see objectKey for the file part). */
export function fingerprint(ruleId: string, obj: ObjectRef, path: string, file?: string): string {
  return sha256Hex(`${ruleId}|${objectKey(obj, file)}|${path}`).slice(0, 32);
}
