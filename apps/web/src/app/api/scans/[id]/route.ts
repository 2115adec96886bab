import { getScanOp } from "@/modules/clusters/server/actions";
import { respond } from "@/lib/api";

export const dynamic = "force-dynamic";

/** A scan's status and progress; the cluster page polls this while a scan runs. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await getScanOp({ scanId: (await params).id }));
}
