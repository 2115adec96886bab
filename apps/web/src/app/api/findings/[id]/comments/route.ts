import { commentAction } from "@/modules/findings/server/actions";
import { crossSiteRefusal, jsonBody, respond } from "@/lib/api";

export const dynamic = "force-dynamic";

/** Body: { body: "text" }. The comment joins the finding's history. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  const body = (await jsonBody(req)) as Record<string, unknown>;
  return respond(await commentAction({ ...body, findingId: (await params).id } as never), 201);
}
