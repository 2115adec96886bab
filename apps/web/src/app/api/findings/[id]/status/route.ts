import { setStatusAction } from "@/modules/findings/server/actions";
import { crossSiteRefusal, jsonBody, respond } from "@/lib/api";

export const dynamic = "force-dynamic";

/** Body: { status: "open" | "in_progress" | "resolved", comment? }. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  const body = (await jsonBody(req)) as Record<string, unknown>;
  return respond(await setStatusAction({ ...body, findingId: (await params).id } as never));
}
