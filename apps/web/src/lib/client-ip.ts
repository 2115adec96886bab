// The caller's address, for the audit trail and the sign-in limits. X-Forwarded-For is a list that
// every proxy appends to, so its leftmost entries are whatever the client claimed: the address to
// trust is the one the nearest trusted proxy saw, `trustedProxies` entries from the right.
// `next start` fills the header with the socket address only when it is absent.

/** At most 45 characters of hex digits, dots and colons: an IPv4 or IPv6 address, nothing else. */
const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;

export function clientAddress(get: (name: string) => string | null | undefined, trustedProxies = 1): string | null {
  const hops = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const fromChain = hops.length ? hops[Math.max(0, hops.length - Math.max(1, trustedProxies))] : undefined;
  const ip = fromChain || get("x-real-ip")?.trim() || null;
  return ip && ADDRESS.test(ip) ? ip : null;
}
