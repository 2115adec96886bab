// An access review as a file (CSV or PDF) for the export route: not a server action, the bytes go
// out over GET. Rendered from the review's rows; the export is audited.
import { exportAccessReview, writeAudit } from "@bulwark/db";
import { orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZExportReview } from "./reviews.schemas";

export const exportReviewOp = withOrg({ schema: ZExportReview, permission: "org:read" }, async (input, ctx) => {
  const file = orNotFound(await exportAccessReview({ orgId: ctx.orgId, reviewId: input.reviewId, format: input.format }), "Access review not found");
  await writeAudit({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, action: "access-review.export", targetType: "access-review", targetId: file.review.id, data: { format: input.format, bytes: file.bytes.byteLength } });
  return { bytes: file.bytes, filename: file.filename, contentType: file.contentType };
});
