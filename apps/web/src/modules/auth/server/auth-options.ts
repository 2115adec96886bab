// next-auth configuration: JWT sessions, email + password, and an optional OIDC provider that
// appears only when OIDC_ISSUER/OIDC_CLIENT_ID/OIDC_CLIENT_SECRET are set.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { createUserWithOrganization, getUserByEmail, recordLogin, recordSignInAudit } from "@bulwark/db";
import { env } from "../../../env";
import { ZSignIn } from "../auth.schemas";
import { burnPasswordCheck, verifyPassword } from "./password";
import { clientIp } from "./session";

/** Audit a sign-in attempt; never in the way of signing in (the address may be unavailable). */
async function auditSignIn(userId: string, ok: boolean, method: "password" | "oidc"): Promise<void> {
  const ip = await clientIp().catch(() => null);
  await recordSignInAudit({ userId, ok, method, ip }).catch((e: unknown) => console.error("[bulwark/web] sign-in audit failed", e));
}
import { checkSignIn, ipFromHeaders, signInSucceeded } from "./rate-limits";

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = ZSignIn.safeParse(raw);
        if (!parsed.success) return null;
        const h = (req?.headers ?? {}) as Record<string, string | undefined>;
        // Throws (next-auth answers with the message as the error) when over a limit.
        await checkSignIn(ipFromHeaders((n) => h[n], env().BULWARK_TRUSTED_PROXIES), parsed.data.email);
        const user = await getUserByEmail(parsed.data.email);
        if (!user?.passwordHash) {
          await burnPasswordCheck(parsed.data.password);
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
          await auditSignIn(user.id, false, "password");
          return null;
        }
        await recordLogin(user.id);
        await auditSignIn(user.id, true, "password");
        await signInSucceeded(parsed.data.email);
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
      checks: ["pkce", "state"],
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
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        // An OIDC identity maps to the user with the same (verified-by-IdP) email; a first
        // sign-in creates the user and a personal organization.
        if (!user.email) return "/sign-in?error=OidcNoEmail";
        const existing = await getUserByEmail(user.email.toLowerCase());
        if (!existing) {
          await createUserWithOrganization({
            email: user.email.toLowerCase(),
            name: user.name ?? undefined,
            passwordHash: null,
            orgName: `${user.name ?? user.email.split("@")[0]}'s organization`,
            oidcSubject: account.providerAccountId,
          });
        }
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === "oidc") {
            const dbUser = await getUserByEmail((user.email ?? "").toLowerCase());
            if (!dbUser) throw new Error("OIDC user vanished during sign-in");
            await recordLogin(dbUser.id);
            await auditSignIn(dbUser.id, true, "oidc");
            token.sub = dbUser.id;
          } else {
            token.sub = user.id;
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
  return cached;
}
