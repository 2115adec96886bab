import { crossSiteRefusal, respond } from "@/lib/api";
import { exportAuditOp } from "@/modules/audit/server/export";

export const dynamic = "force-dynamic";

/**
 * GET /api/audit/export?format=csv|jsonl&action=&actor=&target=&from=YYYY-MM-DD&to=YYYY-MM-DD:
 * the organization's audit trail as a streamed file (admins; the export is itself audited).
 */
export async function GET(req: Request) {
  // The export writes an audit row: another site must not be able to make an admin's browser do it.
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  const q = new URL(req.url).searchParams;
  const pick = (k: string) => q.get(k) || undefined;
  const res = await exportAuditOp({ format: (pick("format") ?? "csv") as "csv", action: pick("action"), actor: pick("actor"), target: pick("target"), from: pick("from"), to: pick("to") });
  if (!res.ok) return respond(res);
  const { stream, format, filename } = res.data;
  return new Response(stream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
