// Brute-force limits on sign-in and sign-up, per client address and per account. Counters are
// shared by every web process (Redis, see @bulwark/jobs). Generous enough for a team behind one
// NAT, tight enough to make password guessing against one account pointless. The account limit
// is a backoff on failures, not a lockout: a stranger's wrong passwords delay the owner by at most
// the current hold (5 minutes at worst), and the owner's right password is accepted once it ends.
import { checkBackoff, clearBackoff, hitRateLimit, recordBackoffFailure } from "@bulwark/jobs";
import { clientAddress } from "../../../lib/client-ip";

export const SIGN_IN_PER_IP = { name: "sign-in:ip", limit: 100, windowSeconds: 10 * 60 } as const;
/** 5 failures free, then holds of 2 s, 4 s, 8 s… capped at 5 minutes; forgotten an hour after the last. */
export const SIGN_IN_ACCOUNT_BACKOFF = { name: "sign-in:account", free: 5, baseSeconds: 2, maxSeconds: 5 * 60, forgetSeconds: 60 * 60 } as const;
export const SIGN_UP_PER_IP = { name: "sign-up:ip", limit: 50, windowSeconds: 10 * 60 } as const;
export const SIGN_UP_PER_ACCOUNT = { name: "sign-up:account", limit: 5, windowSeconds: 10 * 60 } as const;

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      retryAfterSeconds < 60
        ? `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`
        : `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    );
    this.name = "RateLimitedError";
  }
}

/** The client address (see lib/client-ip), or "unknown". */
export function ipFromHeaders(get: (name: string) => string | null | undefined, trustedProxies = 0): string {
  return clientAddress(get, trustedProxies) ?? "unknown";
}

/**
 * Before checking a password: counts the attempt against the address, and refuses while the
 * account is held after failures (a held attempt is not checked and counts nothing).
 */
export async function checkSignIn(ip: string, email: string, now = Date.now()): Promise<void> {
  const byIp = await hitRateLimit({ ...SIGN_IN_PER_IP, id: ip });
  if (!byIp.allowed) throw new RateLimitedError(byIp.retryAfterSeconds);
  const held = await checkBackoff({ name: SIGN_IN_ACCOUNT_BACKOFF.name, id: email }, now);
  if (!held.allowed) throw new RateLimitedError(held.retryAfterSeconds);
}

/** A wrong password (or an unknown email: both answer the same) for the account. */
export async function signInFailed(email: string, now = Date.now()): Promise<{ failures: number; holdSeconds: number }> {
  return recordBackoffFailure({ ...SIGN_IN_ACCOUNT_BACKOFF, id: email }, now);
}

/** A successful sign-in forgets the account's failures. */
export async function signInSucceeded(email: string): Promise<void> {
  await clearBackoff({ name: SIGN_IN_ACCOUNT_BACKOFF.name, id: email });
}

export async function checkSignUp(ip: string, email: string): Promise<void> {
  for (const [l, id] of [[SIGN_UP_PER_IP, ip], [SIGN_UP_PER_ACCOUNT, email]] as const) {
    const r = await hitRateLimit({ ...l, id });
    if (!r.allowed) throw new RateLimitedError(r.retryAfterSeconds);
  }
}
