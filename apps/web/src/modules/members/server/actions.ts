"use server";
// Membership management: admins manage members and invites; only owners grant or touch owners.
import { revalidatePath } from "next/cache";
import { changeMemberRole, createInvite, getMembership, removeMember, revokeInvite } from "@bulwark/db";
import { env } from "@/env";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZChangeRole, ZCreateInvite, ZRemoveMember, ZRevokeInvite } from "../members.schemas";

export const changeRoleAction = withOrg({ schema: ZChangeRole, permission: "member:manage" }, async (input, ctx) => {
  const target = orNotFound(await getMembership({ orgId: ctx.orgId, userId: input.userId }), "Member not found");
  if ((target.role === "owner" || input.role === "owner") && ctx.role !== "owner") {
    throw new HttpError(403, "Only owners can grant or change the owner role");
  }
  await changeMemberRole({ orgId: ctx.orgId, userId: input.userId, role: input.role, actorId: ctx.userId, ip: ctx.ip });
  revalidatePath("/settings/members");
  return { userId: input.userId, role: input.role };
});

export const removeMemberAction = withOrg({ schema: ZRemoveMember, permission: "member:manage" }, async (input, ctx) => {
  const target = orNotFound(await getMembership({ orgId: ctx.orgId, userId: input.userId }), "Member not found");
  if (target.role === "owner" && ctx.role !== "owner") throw new HttpError(403, "Only owners can remove an owner");
  await removeMember({ orgId: ctx.orgId, userId: input.userId, actorId: ctx.userId, ip: ctx.ip });
  revalidatePath("/settings/members");
  return { removed: true };
});

export const createInviteAction = withOrg({ schema: ZCreateInvite, permission: "member:manage" }, async (input, ctx) => {
  if (input.role === "owner" && ctx.role !== "owner") throw new HttpError(403, "Only owners can invite owners", "forbidden", { role: "Only owners can invite owners" });
  const { token, invite } = await createInvite({
    orgId: ctx.orgId,
    role: input.role,
    createdById: ctx.userId,
    ip: ctx.ip,
    ...(input.email ? { email: input.email } : {}),
    expiresInDays: input.expiresInDays,
  });
  revalidatePath("/settings/members");
  // The token is shown once, here; only its hash is stored.
  const base = env().NEXTAUTH_URL?.replace(/\/$/, "") ?? "";
  return { path: `/invite/${token}`, url: base ? `${base}/invite/${token}` : null, inviteId: invite.id, expiresAt: invite.expiresAt };
});

export const revokeInviteAction = withOrg({ schema: ZRevokeInvite, permission: "member:manage" }, async (input, ctx) => {
  await revokeInvite({ orgId: ctx.orgId, inviteId: input.inviteId, actorId: ctx.userId, ip: ctx.ip });
  revalidatePath("/settings/members");
  return { revoked: true };
});
