// Resolves who is calling and in which organization. The current organization is a cookie holding
// an org id; it is only a preference: every request re-checks it against the user's memberships.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { getUserById, listMembershipsForUser, type TApiTokenScope } from "@bulwark/db";
import { authOptions } from "./auth-options";
import { clientAddress } from "../../../lib/client-ip";
import { env } from "../../../env";
import type { TRole } from "../permissions";

export const ORG_COOKIE = "bulwark-org";

export interface TOrgContext {
  userId: string;
  user: { id: string; email: string; name: string | null };
  orgId: string;
  org: { id: string; name: string; slug: string };
  role: TRole;
  memberships: Array<{ orgId: string; role: TRole; org: { id: string; name: string; slug: string } }>;
  /** Client address for the audit trail (lib/client-ip). */
  ip: string | null;
  /** Set when an API token made the request: its scopes narrow the role (modules/tokens). */
  token?: { id: string; scopes: TApiTokenScope[] };
}

/** The caller's address: the socket's, or as the nearest trusted proxy saw it (lib/client-ip). */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return clientAddress((n) => h.get(n), env().BULWARK_TRUSTED_PROXIES);
}

/** One read of the user per request, shared by the session check and the org context. */
const userById = cache((id: string) => getUserById(id));

export const getSessionUserId = cache(async (): Promise<string | null> => {
  // Everything behind a session is per request: never prerender it at build time (which would
  // also need production configuration during `next build`).
  await connection();
  return currentSessionUserId(await getServerSession(authOptions()), userById);
});

/**
 * The session's user, if the session is still current: a token issued before "sign out
 * everywhere", a password change or the account's deletion is as good as no token (tokens from
 * before versions existed carry none: version 0).
 */
export async function currentSessionUserId(
  session: { user?: unknown; sessionVersion?: number } | null,
  loadUser: (id: string) => Promise<{ sessionVersion: number } | null> = getUserById,
): Promise<string | null> {
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await loadUser(id);
  return user && user.sessionVersion === (session?.sessionVersion ?? 0) ? id : null;
}

export type TOrgResolution =
  | { kind: "ok"; ctx: TOrgContext }
  | { kind: "unauthenticated" }
  | { kind: "no-org"; userId: string };

export const resolveOrgContext = cache(async (): Promise<TOrgResolution> => {
  const userId = await getSessionUserId();
  if (!userId) return { kind: "unauthenticated" };
  // Memberships are read on every request: removal from an organization takes effect at once.
  const [user, memberships] = await Promise.all([userById(userId), listMembershipsForUser(userId)]);
  // A token for a deleted user is as good as no token.
  if (!user) return { kind: "unauthenticated" };
  if (memberships.length === 0) return { kind: "no-org", userId };
  const jar = await cookies();
  const wanted = jar.get(ORG_COOKIE)?.value;
  const current = memberships.find((m) => m.orgId === wanted) ?? memberships[0]!;
  return {
    kind: "ok",
    ctx: {
      userId,
      user: { id: user.id, email: user.email, name: user.name ?? null },
      orgId: current.orgId,
      org: { id: current.org.id, name: current.org.name, slug: current.org.slug },
      role: current.role as TRole,
      memberships: memberships.map((m) => ({
        orgId: m.orgId,
        role: m.role as TRole,
        org: { id: m.org.id, name: m.org.name, slug: m.org.slug },
      })),
      ip: await clientIp(),
    },
  };
});

/** For pages: the org context, or a redirect to sign-in. */
export async function requirePageContext(): Promise<TOrgContext> {
  const r = await resolveOrgContext();
  if (r.kind === "unauthenticated") redirect("/sign-in");
  if (r.kind === "no-org") redirect("/sign-up?reason=no-org");
  return r.ctx;
}
