"use server";
// Server actions for sign-up, invites and switching organization.
import { cookies } from "next/headers";
import { acceptInvite, createUser, createUserWithOrganization, getInviteByToken, getMembership, getUserByEmail } from "@bulwark/db";
import { ZAcceptInvite, ZInviteSignUp, ZSignUp, ZSwitchOrg } from "../auth.schemas";
import { HttpError } from "./errors";
import { hashPassword } from "./password";
import { checkSignUp, RateLimitedError } from "./rate-limits";
import { clientIp, ORG_COOKIE } from "./session";
import { withPublic, withUser } from "./with-org";

async function setOrgCookie(orgId: string) {
  (await cookies()).set(ORG_COOKIE, orgId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
}

async function limitSignUp(email: string) {
  try {
    await checkSignUp((await clientIp()) ?? "unknown", email);
  } catch (e) {
    if (e instanceof RateLimitedError) throw new HttpError(429, e.message, "rate_limited");
    throw e;
  }
}

export const signUpAction = withPublic({ schema: ZSignUp }, async (input) => {
  await limitSignUp(input.email);
  if (await getUserByEmail(input.email)) {
    throw new HttpError(409, "An account with this email already exists", "conflict", { email: "An account with this email already exists. Sign in instead." });
  }
  const { org } = await createUserWithOrganization({
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    orgName: input.orgName,
  });
  await setOrgCookie(org.id);
  return { orgId: org.id };
});

function usableInvite<T extends { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }>(invite: T | null): T {
  if (!invite || invite.revokedAt || invite.acceptedAt || invite.expiresAt.getTime() < Date.now()) {
    throw new HttpError(404, "This invite link is invalid, expired or already used. Ask for a new one.");
  }
  return invite;
}

/** A new account through an invite: the user joins the inviting organization. */
export const inviteSignUpAction = withPublic({ schema: ZInviteSignUp }, async (input) => {
  await limitSignUp(input.email);
  const invite = usableInvite(await getInviteByToken(input.token));
  if (invite.email && invite.email.toLowerCase() !== input.email) {
    throw new HttpError(400, "This invite is for another email address", "invalid_input", { email: `This invite was sent to ${invite.email}` });
  }
  if (await getUserByEmail(input.email)) {
    throw new HttpError(409, "An account with this email already exists", "conflict", { email: "An account with this email already exists. Sign in to accept the invite." });
  }
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  await acceptInvite({ token: input.token, userId: user.id, ip: await clientIp() });
  await setOrgCookie(invite.orgId);
  return { orgId: invite.orgId };
});

export const acceptInviteAction = withUser({ schema: ZAcceptInvite }, async (input, { userId }) => {
  const invite = usableInvite(await getInviteByToken(input.token));
  const existing = await getMembership({ orgId: invite.orgId, userId });
  if (!existing) await acceptInvite({ token: input.token, userId, ip: await clientIp() });
  await setOrgCookie(invite.orgId);
  return { orgId: invite.orgId };
});

export const switchOrgAction = withUser({ schema: ZSwitchOrg }, async (input, { userId }) => {
  // The cookie is only a preference, but refusing a foreign org here gives a clear answer.
  const membership = await getMembership({ orgId: input.orgId, userId });
  if (!membership) throw new HttpError(404, "Organization not found");
  await setOrgCookie(input.orgId);
  return { orgId: input.orgId };
});
