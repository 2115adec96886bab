"use server";
// API token management for admins (settings → API tokens). The secret is in the create answer once;
// only its hash is stored. Creating and revoking are audited by the data functions.
import { revalidatePath } from "next/cache";
import { createApiToken, listApiTokens, revokeApiToken } from "@bulwark/db";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZCreateToken, ZRevokeToken } from "../tokens.schemas";

export const createTokenAction = withOrg({ schema: ZCreateToken, permission: "settings:manage" }, async (input, ctx) => {
  const { token, view } = await createApiToken({
    orgId: ctx.orgId,
    createdById: ctx.userId,
    ip: ctx.ip,
    name: input.name,
    scopes: input.scopes,
    expiresInDays: input.expires === "never" ? null : Number(input.expires),
  });
  revalidatePath("/settings/tokens");
  return { token, id: view.id, name: view.name, expiresAt: view.expiresAt };
});

export const revokeTokenAction = withOrg({ schema: ZRevokeToken, permission: "settings:manage" }, async (input, ctx) => {
  await revokeApiToken({ orgId: ctx.orgId, tokenId: input.tokenId, actorId: ctx.userId, ip: ctx.ip });
  revalidatePath("/settings/tokens");
  return { revoked: true };
});
