import { generateReportAction, listReportsOp } from "@/modules/reports/server/actions";
import { crossSiteRefusal, respond, withJsonBody } from "@/lib/api";

export const dynamic = "force-dynamic";

/** Newest first, without file contents: id, framework, clusterIds, status, summary, sha256 per format. */
export async function GET(req: Request) {
  const cursor = new URL(req.url).searchParams.get("cursor") ?? undefined;
  return respond(await listReportsOp(cursor ? { cursor } : {}));
}

/** Body: { framework, clusterIds: string[], asOf?: "YYYY-MM-DD" }. Answers 202 { id, status: "queued" }; the worker renders it. */
export async function POST(req: Request) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  return withJsonBody(req, async (body) => respond(await generateReportAction(body as never), 202));
}
