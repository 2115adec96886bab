import { respond } from "@/lib/api";
import { REPORT_MIME } from "@/modules/reports/reports.schemas";
import { reportFileOp } from "@/modules/reports/server/files";

export const dynamic = "force-dynamic";

/** GET /api/reports/:id/download?format=pdf|csv|json: the stored file, with its SHA-256 in a header. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const format = new URL(req.url).searchParams.get("format") ?? "pdf";
  const res = await reportFileOp({ id, format: format as "pdf" });
  if (!res.ok) return respond(res);
  const { bytes, sha256, framework, createdAt } = res.data;
  const name = `bulwark-${framework}-${createdAt.toISOString().slice(0, 10)}-${id.slice(-8)}.${format}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": REPORT_MIME[format as keyof typeof REPORT_MIME],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Content-Length": String(bytes.byteLength),
      "X-Checksum-Sha256": sha256,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
