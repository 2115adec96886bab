import { apiScanAction, listScansOp } from "@/modules/clusters/server/actions";
import { respond, searchParamsObject } from "@/lib/api";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(await listScansOp({ ...searchParamsObject(req.url), clusterId: id } as never));
}

export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await apiScanAction({ clusterId: (await params).id }), 202);
}
