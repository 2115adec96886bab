// A finished report's file, for the download route (not a server action: bytes go out over GET).
import { getReportFile, writeAudit } from "@bulwark/db";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZReportDownload } from "../reports.schemas";

export const reportFileOp = withOrg({ schema: ZReportDownload, permission: "org:read" }, async (input, ctx) => {
  const file = await getReportFile({ orgId: ctx.orgId, reportId: input.id, format: input.format });
  if (!file) throw new HttpError(404, "No such report, or it is not ready yet", "not_found");
  await writeAudit({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, action: "report.download", targetType: "report", targetId: input.id, data: { framework: file.framework, format: input.format } });
  return { ...file, id: input.id, format: input.format };
});
