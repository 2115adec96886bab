import { addClusterAction, listClustersOp } from "@/modules/clusters/server/actions";
import { crossSiteRefusal, respond, withJsonBody } from "@/lib/api";

export const dynamic = "force-dynamic";

export async function GET() {
  return respond(await listClustersOp({}));
}

/** Body: { name, kubeconfig, context? }. Answers the cluster (never its credentials) and the first scan id. */
export async function POST(req: Request) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  return withJsonBody(req, async (body) => respond(await addClusterAction(body as never), 201));
}
