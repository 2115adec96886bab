// Linking single sign-on to an account that has a password: the signed-in user confirms their
// password (proving control of the account, not just of a browser tab), which sets a short-lived
// signed cookie naming them; the OIDC callback that follows joins the identity to that user.
import { createHmac, timingSafeEqual } from "node:crypto";

export const OIDC_LINK_COOKIE = "bulwark-oidc-link";
export const OIDC_LINK_SECONDS = 10 * 60;

function mac(secret: string, body: string): string {
  return createHmac("sha256", secret).update(`oidc-link:${body}`).digest("base64url");
}

export function linkCookieValue(secret: string, userId: string, now = Date.now()): string {
  const body = `${userId}.${Math.floor(now / 1000) + OIDC_LINK_SECONDS}`;
  return `${body}.${mac(secret, body)}`;
}

/** The user the cookie names, if it is ours and not expired. */
export function readLinkCookie(secret: string, value: string | undefined, now = Date.now()): string | null {
  const parts = value?.split(".") ?? [];
  if (parts.length !== 3) return null;
  const [userId, exp, sig] = parts as [string, string, string];
  const want = Buffer.from(mac(secret, `${userId}.${exp}`));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  return Number(exp) * 1000 > now ? userId : null;
}
