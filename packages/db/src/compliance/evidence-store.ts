// Where evidence bytes live: in Postgres (AttestationFile.data) by default, or in an S3-compatible
// bucket when the operator configures one (BULWARK_S3_*), under <orgId>/<attestationId>/<fileId>.
// Reads check the bytes against the SHA-256 recorded at upload, so a file changed in the store
// is refused rather than handed to an auditor.
import { createHash } from "node:crypto";
import { evidenceEnv, type TEvidenceEnv } from "../env";
import { EvidenceStoreError, s3DeleteObject, s3GetObject, s3PutObject, type TS3Options } from "./s3";

export interface TStoredEvidence {
  storage: "postgres" | "s3";
  data: Buffer | null;
  objectKey: string | null;
}

/** Test seam: the fetch and clock of S3 requests. */
let s3Options: TS3Options = {};
export function setEvidenceStoreOptionsForTests(opts: TS3Options): void {
  s3Options = opts;
}

export const evidenceObjectKey = (orgId: string, attestationId: string, fileId: string) => `${orgId}/${attestationId}/${fileId}`;

/** Stores one file's bytes (S3 when configured); the row to write says where. */
export async function putEvidence(file: { orgId: string; attestationId: string; fileId: string; bytes: Buffer; contentType: string }, env: TEvidenceEnv = evidenceEnv()): Promise<TStoredEvidence> {
  if (!env.s3) return { storage: "postgres", data: file.bytes, objectKey: null };
  const key = evidenceObjectKey(file.orgId, file.attestationId, file.fileId);
  await s3PutObject(env.s3, key, file.bytes, file.contentType, s3Options);
  return { storage: "s3", data: null, objectKey: key };
}

/** Best effort: objects of an attestation whose rows were never written. */
export async function discardEvidence(keys: string[], env: TEvidenceEnv = evidenceEnv()): Promise<void> {
  if (!env.s3) return;
  for (const key of keys) await s3DeleteObject(env.s3, key, s3Options).catch(() => {});
}

export async function readEvidence(row: { storage: string; data: Uint8Array | null; objectKey: string | null; size: number; sha256: string }, env: TEvidenceEnv = evidenceEnv()): Promise<Buffer> {
  let bytes: Buffer;
  if (row.storage === "s3") {
    if (!env.s3) throw new EvidenceStoreError("this file is kept in the S3 evidence store, which is not configured (BULWARK_S3_*)");
    if (!row.objectKey) throw new EvidenceStoreError("this file's object key is missing");
    bytes = await s3GetObject(env.s3, row.objectKey, row.size, s3Options);
  } else {
    if (!row.data) throw new EvidenceStoreError("this file's bytes are missing");
    bytes = Buffer.from(row.data);
  }
  if (createHash("sha256").update(bytes).digest("hex") !== row.sha256) throw new EvidenceStoreError("this file no longer matches the checksum recorded when it was attached");
  return bytes;
}
