// Resolves `Authorization: Bearer bwk_...` to the same organization context a session gets, for
// the API's route wrapper. The token's organization is the only one it can reach.
import { resolveApiToken } from "@bulwark/db";
import type { TOrgContext } from "@/modules/auth/server/session";
import type { TRole } from "@/modules/auth/permissions";
import { tokenRole } from "../token-scopes";

export async function tokenContext(token: string, ip: string | null): Promise<TOrgContext | null> {
  const t = await resolveApiToken(token);
  if (!t) return null;
  const role = tokenRole(t.role as TRole, t.scopes);
  return {
    userId: t.user.id,
    user: t.user,
    orgId: t.orgId,
    org: t.org,
    role,
    memberships: [{ orgId: t.orgId, role, org: t.org }],
    ip,
    token: { id: t.tokenId, scopes: t.scopes },
  };
}
