import { addClusterAction, listClustersOp } from "@/modules/clusters/server/actions";
import { crossSiteRefusal, jsonBody, respond } from "@/lib/api";

export const dynamic = "force-dynamic";

export async function GET() {
  return respond(await listClustersOp({}));
}

/** Body: { name, kubeconfig, context? }. Answers the cluster (never its credentials) and the first scan id. */
export async function POST(req: Request) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  return respond(await addClusterAction((await jsonBody(req)) as never), 201);
}
