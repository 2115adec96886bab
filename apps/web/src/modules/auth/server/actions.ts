"use server";
// Server actions for sign-up, invites and switching organization.
import { cookies } from "next/headers";
import { acceptInvite, createUser, createUserWithOrganization, getInviteByToken, getMembership, getUserByEmail, getUserById, revokeSessions, setPasswordHash, SignUpClosedError } from "@bulwark/db";
import { env } from "../../../env";
import { ZAcceptInvite, ZChangePassword, ZInviteSignUp, ZSignOutEverywhere, ZSignUp, ZStartOidcLink, ZSwitchOrg } from "../auth.schemas";
import { parseSignUpDomains, signUpFor } from "../signup-policy";
import { HttpError } from "./errors";
import { emailVerificationEnabled, sendAlreadyRegisteredMail, sendVerificationMail } from "./email-verification";
import { OIDC_LINK_COOKIE, OIDC_LINK_SECONDS, linkCookieValue } from "./oidc-link";
import { hashPassword, verifyPassword } from "./password";
import { checkSignIn, checkSignUp, RateLimitedError, signInFailed, signInSucceeded } from "./rate-limits";
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

/**
 * The answer for an email that already has an account: the same as for a new one (the form then
 * signs in with the password given, which only works for the account's owner), so sign-up does
 * not tell a stranger which emails exist. The password is hashed anyway to keep the timing alike.
 */
const SIGNED_UP = { orgId: null as string | null, verify: false };
/** With SMTP_URL: the one answer for every sign-up, new email or not ("check your inbox"). */
const CHECK_INBOX = { orgId: null as string | null, verify: true };

/** Mail failures are logged, never shown: the answer must not depend on the address. */
function mailLater(send: () => Promise<void>): void {
  void send().catch((e: unknown) => console.error("[bulwark/web] sending mail failed", (e as Error).message));
}

export const signUpAction = withPublic({ schema: ZSignUp }, async (input) => {
  await limitSignUp(input.email);
  const e = env();
  const policy = signUpFor(input.email, { mode: e.BULWARK_SIGNUP, domains: parseSignUpDomains(e.BULWARK_SIGNUP_DOMAINS) });
  const passwordHash = await hashPassword(input.password);
  const verify = emailVerificationEnabled();
  if (await getUserByEmail(input.email)) {
    if (!verify) return SIGNED_UP;
    mailLater(() => sendAlreadyRegisteredMail(input.email));
    return CHECK_INBOX;
  }
  try {
    const { org, user } = await createUserWithOrganization({
      email: input.email,
      name: input.name,
      passwordHash,
      orgName: input.orgName,
      onlyFirstUser: policy === "first-user-only",
    });
    if (verify) {
      mailLater(() => sendVerificationMail(user));
      return CHECK_INBOX;
    }
    await setOrgCookie(org.id);
    return { orgId: org.id as string | null, verify: false };
  } catch (err) {
    if (err instanceof SignUpClosedError) throw new HttpError(403, "Sign-up is by invitation on this server. Ask an organization owner for an invite link.", "sign_up_closed");
    // Two sign-ups for one new email at once: the loser gets the same answer as an existing email.
    if (err instanceof Error && /already exists/.test(err.message)) return verify ? CHECK_INBOX : SIGNED_UP;
    throw err;
  }
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
  const passwordHash = await hashPassword(input.password);
  // As for sign-up, an existing email gets the new account's answer (see SIGNED_UP); its owner
  // signs in with their password and accepts the invite from the invite page.
  const verify = emailVerificationEnabled();
  if (await getUserByEmail(input.email)) {
    if (!verify) return SIGNED_UP;
    mailLater(() => sendAlreadyRegisteredMail(input.email));
    return CHECK_INBOX;
  }
  const user = await createUser({ email: input.email, name: input.name, passwordHash });
  await acceptInvite({ token: input.token, userId: user.id, ip: await clientIp() });
  if (verify) {
    mailLater(() => sendVerificationMail(user));
    return CHECK_INBOX;
  }
  await setOrgCookie(invite.orgId);
  return { orgId: invite.orgId as string | null, verify: false };
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

/** Ends every session of the caller, this one included (the client then signs out). */
export const signOutEverywhereAction = withUser({ schema: ZSignOutEverywhere }, async (_input, { userId }) => {
  await revokeSessions(userId);
  return { signedOut: true };
});

/** Checks the password of the signed-in user, with the sign-in backoff against guessing. */
async function confirmPassword(userId: string, password: string) {
  const user = await getUserById(userId);
  if (!user) throw new HttpError(401, "Sign in to continue");
  if (!user.passwordHash) throw new HttpError(400, "Your account signs in with single sign-on and has no password.");
  try {
    await checkSignIn((await clientIp()) ?? "unknown", user.email);
  } catch (e) {
    if (e instanceof RateLimitedError) throw new HttpError(429, e.message, "rate_limited");
    throw e;
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await signInFailed(user.email);
    throw new HttpError(400, "That password is not right", "invalid_input", { password: "That password is not right", currentPassword: "That password is not right" });
  }
  await signInSucceeded(user.email);
  return user;
}

/** A new password ends every session; the client signs in again with it. */
export const changePasswordAction = withUser({ schema: ZChangePassword }, async (input, { userId }) => {
  await confirmPassword(userId, input.currentPassword);
  await setPasswordHash({ userId, passwordHash: await hashPassword(input.newPassword) });
  return { changed: true };
});

/** Step one of linking single sign-on: the password proves control, a signed cookie carries it. */
export const startOidcLinkAction = withUser({ schema: ZStartOidcLink }, async (input, { userId }) => {
  const e = env();
  if (!e.oidcEnabled) throw new HttpError(400, "Single sign-on is not configured on this server.");
  await confirmPassword(userId, input.password);
  (await cookies()).set(OIDC_LINK_COOKIE, linkCookieValue(e.authSecret, userId), { httpOnly: true, sameSite: "lax", path: "/", maxAge: OIDC_LINK_SECONDS });
  return { ready: true };
});
