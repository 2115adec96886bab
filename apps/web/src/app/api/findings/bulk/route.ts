import { bulkAction } from "@/modules/findings/server/actions";
import { crossSiteRefusal, jsonBody, respond } from "@/lib/api";

export const dynamic = "force-dynamic";

/**
 * Body: { target: { ids: [...] } | { filter: { severity, cluster, rule, control, assignee, status, overdue, ... } },
 *         change: { kind: "assign", assigneeId: userId | "me" | null } | { kind: "status", status: "open" | "in_progress" | "resolved" },
 *         comment? }. Answers { matched, changed }. Any id not of the caller's organization: 404 for the whole request.
 */
export async function POST(req: Request) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  return respond(await bulkAction((await jsonBody(req)) as never));
}
