// The audit export: permission check, an audit row recording the export itself, then a stream of
// every matching row (fetched in batches, never all in memory).
import { iterateAudit, writeAudit } from "@bulwark/db";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZAuditExport, auditFilterOf } from "../audit.schemas";
import { CSV_HEADER, auditCsvLine, auditJsonLine, csvLine } from "./export-format";

export const exportAuditOp = withOrg({ schema: ZAuditExport, permission: "audit:read" }, async (input, ctx) => {
  const { format, ...query } = input;
  const filter = auditFilterOf(query);
  // Written before the rows are read, so the export shows up in its own file.
  await writeAudit({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, action: "audit.export", targetType: "organization", targetId: ctx.orgId, data: { format, ...query } });
  const encoder = new TextEncoder();
  const rows = iterateAudit({ orgId: ctx.orgId, ...filter });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(csvLine(CSV_HEADER)));
    },
    async pull(controller) {
      // One batch of up to 200 lines per pull keeps memory flat and the client fed.
      let lines = "";
      for (let i = 0; i < 200; i++) {
        const next = await rows.next();
        if (next.done) {
          if (lines) controller.enqueue(encoder.encode(lines));
          controller.close();
          return;
        }
        lines += format === "csv" ? auditCsvLine(next.value) : auditJsonLine(next.value);
      }
      controller.enqueue(encoder.encode(lines));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return { stream, format, filename: `bulwark-audit-${ctx.org.slug}-${new Date().toISOString().slice(0, 10)}.${format === "csv" ? "csv" : "jsonl"}` };
});
