// A finished report's file or its detached signature, for the download route (not a server
// action: bytes go out over GET), and the organization's report signing public key.
import { ensureReportSigningKey, getReportFile, getReportFileSignature, writeAudit } from "@bulwark/db";
import { createReportSigningKey } from "@bulwark/security";
import { z } from "zod";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { getKeyring } from "@/modules/clusters/server/credentials";
import { ZReportDownload } from "../reports.schemas";

type TFileFormat = "pdf" | "csv" | "json";

export type TReportDownload =
  | { kind: "file"; id: string; format: TFileFormat; bytes: Uint8Array; sha256: string; signature: string | null; signingKeyId: string | null; framework: string; createdAt: Date }
  | { kind: "signature"; id: string; format: TFileFormat; signature: string; sha256: string; signingKeyId: string | null; framework: string; createdAt: Date };

export const reportFileOp = withOrg({ schema: ZReportDownload, permission: "org:read" }, async (input, ctx): Promise<TReportDownload> => {
  const signature = input.format.endsWith(".sig");
  const format = input.format.replace(/\.sig$/, "") as TFileFormat;
  if (signature) {
    const meta = await getReportFileSignature({ orgId: ctx.orgId, reportId: input.id, format });
    if (!meta) throw new HttpError(404, "No such report, or it is not ready yet", "not_found");
    if (!meta.signature) throw new HttpError(404, "This report was generated before reports were signed; generate it again for a signed copy", "not_found");
    return { kind: "signature", id: input.id, format, signature: meta.signature, sha256: meta.sha256, signingKeyId: meta.signingKeyId, framework: meta.framework, createdAt: meta.createdAt };
  }
  const file = await getReportFile({ orgId: ctx.orgId, reportId: input.id, format });
  if (!file) throw new HttpError(404, "No such report, or it is not ready yet", "not_found");
  await writeAudit({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, action: "report.download", targetType: "report", targetId: input.id, data: { framework: file.framework, format } });
  return { kind: "file", id: input.id, format, ...file };
});

/**
 * The organization's report signing public key (SPKI PEM) and its id, created on first use like
 * the worker does: Settings shows it, `bulwark verify-report --public-key` reads it.
 */
export const reportSigningKeyOp = withOrg({ schema: z.object({}), permission: "org:read" }, async (_input, ctx) => {
  const key = await ensureReportSigningKey({ orgId: ctx.orgId, create: () => createReportSigningKey(getKeyring()) });
  return { algorithm: "Ed25519" as const, keyId: key.keyId, publicKeyPem: key.publicKeyPem };
});
