// Brute-force limits on sign-in and sign-up, per client address and per account. Counters are
// shared by every web process (Redis, see @bulwark/jobs hitRateLimit). Generous enough for a
// team behind one NAT, tight enough to make password guessing against one account pointless.
import { hitRateLimit, resetRateLimit } from "@bulwark/jobs";
import { clientAddress } from "../../../lib/client-ip";

export const SIGN_IN_PER_IP = { name: "sign-in:ip", limit: 100, windowSeconds: 10 * 60 } as const;
export const SIGN_IN_FAILURES_PER_ACCOUNT = { name: "sign-in:account", limit: 10, windowSeconds: 15 * 60 } as const;
export const SIGN_UP_PER_IP = { name: "sign-up:ip", limit: 50, windowSeconds: 10 * 60 } as const;
export const SIGN_UP_PER_ACCOUNT = { name: "sign-up:account", limit: 5, windowSeconds: 10 * 60 } as const;

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
    this.name = "RateLimitedError";
  }
}

/** The client address as the nearest trusted proxy saw it (see lib/client-ip), or "unknown". */
export function ipFromHeaders(get: (name: string) => string | null | undefined, trustedProxies = 1): string {
  return clientAddress(get, trustedProxies) ?? "unknown";
}

/** Counts a sign-in attempt from `ip` for `email`; throws RateLimitedError when over a limit. */
export async function checkSignIn(ip: string, email: string): Promise<void> {
  const byIp = await hitRateLimit({ ...SIGN_IN_PER_IP, id: ip });
  if (!byIp.allowed) throw new RateLimitedError(byIp.retryAfterSeconds);
  // Every attempt counts against the account until one succeeds (which resets it).
  const byAccount = await hitRateLimit({ ...SIGN_IN_FAILURES_PER_ACCOUNT, id: email });
  if (!byAccount.allowed) throw new RateLimitedError(byAccount.retryAfterSeconds);
}

/** A successful sign-in forgets the account's failures. */
export async function signInSucceeded(email: string): Promise<void> {
  await resetRateLimit({ name: SIGN_IN_FAILURES_PER_ACCOUNT.name, id: email });
}

export async function checkSignUp(ip: string, email: string): Promise<void> {
  for (const [l, id] of [[SIGN_UP_PER_IP, ip], [SIGN_UP_PER_ACCOUNT, email]] as const) {
    const r = await hitRateLimit({ ...l, id });
    if (!r.allowed) throw new RateLimitedError(r.retryAfterSeconds);
  }
}
