import { apiScanAction, listScansOp } from "@/modules/clusters/server/actions";
import { crossSiteRefusal, respond, searchParamsObject } from "@/lib/api";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(await listScansOp({ ...searchParamsObject(req.url), clusterId: id } as never));
}

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  return respond(await apiScanAction({ clusterId: (await params).id }), 202);
}
