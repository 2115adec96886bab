import { decideExceptionAction } from "@/modules/exceptions/server/actions";
import { crossSiteRefusal, respond, withJsonBody } from "@/lib/api";

export const dynamic = "force-dynamic";

/** Approve or reject a requested exception: { decision: "approve" | "reject", note? }. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  const exceptionId = (await params).id;
  return withJsonBody(req, async (body) =>
    respond(await decideExceptionAction({ ...(body && typeof body === "object" ? (body as Record<string, unknown>) : {}), exceptionId } as never)),
  );
}
