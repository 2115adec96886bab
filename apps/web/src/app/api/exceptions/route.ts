import { createExceptionAction, listExceptionsOp } from "@/modules/exceptions/server/actions";
import { crossSiteRefusal, respond, searchParamsObject, withJsonBody } from "@/lib/api";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return respond(await listExceptionsOp(searchParamsObject(req.url)));
}

/** Request (members) or grant (admins) an exception from a finding: { findingId, scope, labelSelector?, expiresAt, justification }. */
export async function POST(req: Request) {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  return withJsonBody(req, async (body) => respond(await createExceptionAction(body as never), 201));
}
