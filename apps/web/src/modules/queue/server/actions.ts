"use server";
// The SLA policy (admins). Finding changes (assign, status, comment, bulk) live in modules/findings.
import { revalidatePath } from "next/cache";
import { updateSlaPolicy } from "@bulwark/db";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZSlaPolicyInput } from "../queue.schemas";

export const updateSlaAction = withOrg({ schema: ZSlaPolicyInput, permission: "settings:manage" }, async (input, ctx) => {
  const res = await updateSlaPolicy({ orgId: ctx.orgId, actorId: ctx.userId, policy: input, ip: ctx.ip });
  revalidatePath("/findings");
  revalidatePath("/settings/policy");
  return res;
});
