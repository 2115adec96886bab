import { getExceptionOp } from "@/modules/exceptions/server/actions";
import { respond } from "@/lib/api";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await getExceptionOp({ exceptionId: (await params).id }));
}
