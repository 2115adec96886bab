// An evidence file of an attestation, for the download route (not a server action: bytes go out
// over GET). The bytes are checked against their SHA-256 by the data layer; the download is audited.
import { EvidenceStoreError, getAttestationFile, writeAudit } from "@bulwark/db";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZAttestationFile } from "../compliance.schemas";

export const attestationFileOp = withOrg({ schema: ZAttestationFile, permission: "org:read" }, async (input, ctx) => {
  const file = await getAttestationFile({ orgId: ctx.orgId, fileId: input.fileId }).catch((err: unknown) => {
    // The bytes changed, or the store failed: say which, without the operator's store details.
    if (err instanceof EvidenceStoreError) {
      if (/checksum/.test(err.message)) throw new HttpError(409, "This evidence file no longer matches the checksum recorded when it was attached; it is not served", "evidence_tampered");
      console.error("[bulwark/web] evidence store", err.message);
      throw new HttpError(502, "The evidence store did not serve this file; try again, or ask the operator to check the server log", "evidence_unavailable");
    }
    throw err;
  });
  orNotFound(file, "Evidence file not found");
  await writeAudit({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, action: "attestation.file.download", targetType: "attestation", targetId: file!.attestationId, data: { fileId: file!.id, name: file!.name, sha256: file!.sha256 } });
  return file!;
});
