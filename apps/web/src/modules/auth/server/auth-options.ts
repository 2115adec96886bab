// next-auth configuration: JWT sessions, email + password, and an optional OIDC provider that
// appears only when OIDC_ISSUER/OIDC_CLIENT_ID/OIDC_CLIENT_SECRET are set.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { awaitsEmailVerification, DomainError, getUserByEmail, getUserById, getUserByOidcSubject, linkOidcIdentity, recordLogin, recordSignInAudit, resolveOidcSignIn, type TOidcRefusal } from "@bulwark/db";
import { env, type TEnv } from "../../../env";
import { ZSignIn } from "../auth.schemas";
import { safeRedirect } from "../callback-url";
import { parseSignUpDomains, signUpFor } from "../signup-policy";
import { OIDC_LINK_COOKIE, readLinkCookie } from "./oidc-link";
import { burnPasswordCheck, verifyPassword } from "./password";
import { checkSignIn, ipFromHeaders, signInFailed, signInSucceeded } from "./rate-limits";
import { clientIp } from "./session";

/** Audit a sign-in attempt; never in the way of signing in (the address may be unavailable). */
async function auditSignIn(userId: string, ok: boolean, method: "password" | "oidc"): Promise<void> {
  const ip = await clientIp().catch(() => null);
  await recordSignInAudit({ userId, ok, method, ip }).catch((e: unknown) => console.error("[bulwark/web] sign-in audit failed", e));
}

/** The sign-in page's message for each refusal (see app/(auth)/sign-in). */
const OIDC_REFUSAL_ERROR: Record<TOidcRefusal, string> = {
  "no-email": "OidcNoEmail",
  "email-unverified": "OidcEmailUnverified",
  "password-account": "OidcPasswordAccount",
  "linked-elsewhere": "OidcLinkedElsewhere",
  "sign-up-closed": "SignUpClosed",
};

interface TOidcClaims {
  iss?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/** The issuer an identity belongs to: the id_token's `iss` (checked by next-auth against discovery). */
function issuerOf(e: TEnv, claims: TOidcClaims): string {
  return typeof claims.iss === "string" && claims.iss ? claims.iss : e.OIDC_ISSUER!.replace(/\/$/, "");
}

/** The user a pending "link single sign-on" names (settings → account), read once then cleared. */
async function takePendingLink(secret: string): Promise<string | null> {
  try {
    const { cookies } = await import("next/headers");
    const jar = await cookies();
    const userId = readLinkCookie(secret, jar.get(OIDC_LINK_COOKIE)?.value);
    if (userId) jar.delete(OIDC_LINK_COOKIE);
    return userId;
  } catch {
    // Outside a Next request (next-auth driven directly): no cookie jar, so no pending link.
    return null;
  }
}

// next-auth is CommonJS: Node's own ESM loader (the reliability suite runs this file under tsx)
// hands over module.exports, where bundlers and Vitest hand over its default export.
const CredentialsProvider = ((Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials) as typeof Credentials;

export const EMAIL_NOT_VERIFIED = "Confirm your email address first: open the link we mailed you.";

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const policy = { mode: e.BULWARK_SIGNUP, domains: parseSignUpDomains(e.BULWARK_SIGNUP_DOMAINS) };
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = ZSignIn.safeParse(raw);
        if (!parsed.success) return null;
        const h = (req?.headers ?? {}) as Record<string, string | undefined>;
        const email = parsed.data.email;
        // Throws (next-auth answers with the message as the error) when over a limit or held.
        await checkSignIn(ipFromHeaders((n) => h[n], e.BULWARK_TRUSTED_PROXIES), email);
        const user = await getUserByEmail(email);
        if (!user?.passwordHash) {
          await burnPasswordCheck(parsed.data.password);
          await signInFailed(email);
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
          await auditSignIn(user.id, false, "password");
          await signInFailed(email);
          return null;
        }
        // With SMTP_URL, the mailed link must have been opened (only the password's owner sees this).
        if (e.SMTP_URL && !user.emailVerifiedAt && (await awaitsEmailVerification(user.id))) throw new Error(EMAIL_NOT_VERIFIED);
        await recordLogin(user.id);
        await auditSignIn(user.id, true, "password");
        await signInSucceeded(email);
        return { id: user.id, email: user.email, name: user.name ?? null };
      },
    }),
  ];
  if (e.oidcEnabled) {
    providers.push({
      id: "oidc",
      name: e.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID!,
      clientSecret: e.OIDC_CLIENT_SECRET!,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
      },
    });
  }

  cached = {
    secret: e.authSecret,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      redirect: safeRedirect,
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const claims = (profile ?? {}) as TOidcClaims;
        const issuer = issuerOf(e, claims);
        const subject = account.providerAccountId;
        const linkTo = await takePendingLink(e.authSecret);
        if (linkTo) {
          try {
            await linkOidcIdentity({ userId: linkTo, issuer, subject });
            return true;
          } catch (err) {
            if (err instanceof DomainError) return "/settings/account?sso=taken";
            throw err;
          }
        }
        const email = typeof claims.email === "string" ? claims.email : (user.email ?? null);
        const name = typeof claims.name === "string" ? claims.name : (user.name ?? null);
        const r = await resolveOidcSignIn(
          { issuer, subject, email, emailVerified: claims.email_verified, name },
          { signUp: email ? signUpFor(email, policy) : "closed", orgName: `${name ?? email?.split("@")[0] ?? "My"}'s organization` },
        );
        if (r.kind === "refused") return `/sign-in?error=${OIDC_REFUSAL_ERROR[r.reason]}`;
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (user && account) {
          const dbUser =
            account.provider === "oidc"
              ? await getUserByOidcSubject(issuerOf(e, (profile ?? {}) as TOidcClaims), account.providerAccountId)
              : await getUserById(user.id);
          if (!dbUser) throw new Error("user vanished during sign-in");
          if (account.provider === "oidc") {
            await recordLogin(dbUser.id);
            await auditSignIn(dbUser.id, true, "oidc");
          }
          token.sub = dbUser.id;
          // Compared on every request (session.ts): revoking sessions raises the user's version.
          token.sv = dbUser.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        (session as { sessionVersion?: number }).sessionVersion = typeof token.sv === "number" ? token.sv : 0;
        return session;
      },
    },
  };
  return cached;
}
