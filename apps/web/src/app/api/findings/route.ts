import { listFindingsOp } from "@/modules/findings/server/actions";
import { respond, searchParamsObject } from "@/lib/api";

export const dynamic = "force-dynamic";

/** Query: cluster, namespace, severity (comma list), rule, status (comma list), q, cursor, limit. */
export async function GET(req: Request) {
  return respond(await listFindingsOp(searchParamsObject(req.url) as never));
}
