// The caller's address, for the audit trail and the sign-in limits.
//
// Next gives a route no socket address: `next start` only fills X-Forwarded-For with it when the
// client sent none, so a client can claim any address there. installPeerAddressHeader (called at
// boot from instrumentation.ts) writes the socket's address into X-Bulwark-Peer on every request
// before Next sees it, overwriting whatever the client sent under that name.
//
// BULWARK_TRUSTED_PROXIES says how many reverse proxies in front of Bulwark append to
// X-Forwarded-For. The address chain is X-Forwarded-For's entries followed by the socket's
// address; the client is the entry that many places from the right. 0 (the default): the socket's
// address, and X-Forwarded-For is ignored. 1: the address the one proxy saw, and so on.
import dc from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_HEADER = "x-bulwark-peer";

/** At most 45 characters of hex digits, dots and colons: an IPv4 or IPv6 address, nothing else. */
const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;

function clean(ip: string | undefined | null): string | null {
  const v = ip?.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  return v && ADDRESS.test(v) ? v : null;
}

export function clientAddress(get: (name: string) => string | null | undefined, trustedProxies = 0): string | null {
  const hops = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const peer = clean(get(PEER_HEADER));
  if (!peer) {
    // No socket address (a server started without instrumentation): the nearest X-Forwarded-For
    // entry, which `next start` sets to the socket's address unless the client sent one.
    return clean(hops[Math.max(0, hops.length - Math.max(1, trustedProxies))] ?? get("x-real-ip"));
  }
  const chain = [...hops, peer];
  return clean(chain[Math.max(0, chain.length - 1 - trustedProxies)]);
}

let installed = false;

/** Subscribes once to Node's http server request-start channel (see the header comment). */
export function installPeerAddressHeader(): void {
  if (installed) return;
  installed = true;
  dc.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? "";
  });
}
