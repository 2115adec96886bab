import type { User } from "../generated/prisma/client";
import { db } from "../client";
import { createUserWithOrganization } from "./create-user-with-organization";
import { SignUpClosedError } from "./sign-up-closed-error";
import { normalizeEmail } from "./normalize-email";

/** What the identity provider said about the person signing in (the id_token / userinfo claims). */
export interface TOidcIdentity {
  issuer: string;
  subject: string;
  email?: string | null;
  /** the `email_verified` claim as received: only the boolean `true` counts */
  emailVerified?: unknown;
  name?: string | null;
}

export type TOidcRefusal = "no-email" | "email-unverified" | "password-account" | "linked-elsewhere" | "sign-up-closed";

export type TOidcResolution = { kind: "user"; user: User; created: boolean } | { kind: "refused"; reason: TOidcRefusal };

/**
 * Which Bulwark account an OIDC sign-in is, decided on the (issuer, subject) pair, never on the
 * email alone: an email is only as good as the proof of owning it, and an account with a password
 * is only joined to an identity after its owner signed in with that password (linkOidcIdentity).
 * `signUp` is the install's sign-up policy for this email (the caller reads BULWARK_SIGNUP).
 */
export async function resolveOidcSignIn(
  id: TOidcIdentity,
  opts: { signUp: "open" | "first-user-only" | "closed"; orgName: string },
): Promise<TOidcResolution> {
  const linked = await db.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: id.issuer, oidcSubject: id.subject } } });
  if (linked) return { kind: "user", user: linked, created: false };
  // Links made before issuers were stored: only one provider could be configured then, so the
  // subject alone was that provider's. Adopt the issuer on first use.
  const legacy = await db.user.findFirst({ where: { oidcIssuer: null, oidcSubject: id.subject } });
  if (legacy) {
    const user = await db.user.update({ where: { id: legacy.id }, data: { oidcIssuer: id.issuer } });
    return { kind: "user", user, created: false };
  }

  if (!id.email) return { kind: "refused", reason: "no-email" };
  if (id.emailVerified !== true) return { kind: "refused", reason: "email-unverified" };
  const email = normalizeEmail(id.email);
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    // Someone who holds the password (perhaps whoever registered the address first) must prove it.
    if (existing.passwordHash) return { kind: "refused", reason: "password-account" };
    if (existing.oidcSubject) return { kind: "refused", reason: "linked-elsewhere" };
    // No password and no identity: nobody can sign in to it, so the verified address is the proof.
    const user = await db.user.update({ where: { id: existing.id }, data: { oidcIssuer: id.issuer, oidcSubject: id.subject } });
    return { kind: "user", user, created: false };
  }

  if (opts.signUp === "closed") return { kind: "refused", reason: "sign-up-closed" };
  try {
    const { user } = await createUserWithOrganization({
      email,
      name: id.name ?? undefined,
      passwordHash: null,
      orgName: opts.orgName,
      oidcIssuer: id.issuer,
      oidcSubject: id.subject,
      onlyFirstUser: opts.signUp === "first-user-only",
      emailVerified: true,
    });
    return { kind: "user", user, created: true };
  } catch (e) {
    if (e instanceof SignUpClosedError) return { kind: "refused", reason: "sign-up-closed" };
    throw e;
  }
}

