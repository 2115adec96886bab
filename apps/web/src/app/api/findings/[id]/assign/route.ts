import { assignFindingAction } from "@/modules/findings/server/actions";
import { crossSiteRefusal, jsonBody, respond } from "@/lib/api";

export const dynamic = "force-dynamic";

/** Body: { assigneeId: userId | "me" | null }. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  const body = (await jsonBody(req)) as Record<string, unknown>;
  return respond(await assignFindingAction({ ...body, findingId: (await params).id } as never));
}
