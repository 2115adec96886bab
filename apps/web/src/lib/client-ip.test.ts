// The client address: the socket's unless proxies are trusted; a client-sent X-Forwarded-For (or
// a forged X-Bulwark-Peer) never chooses the address, through a real Node http server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, installPeerAddressHeader, PEER_HEADER } from "./client-ip";

const h = (x: Record<string, string>) => (n: string) => x[n];

describe("clientAddress", () => {
  it("0 trusted proxies: the socket's address; X-Forwarded-For is the client's claim and ignored", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4", [PEER_HEADER]: "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientAddress(h({ [PEER_HEADER]: "::ffff:203.0.113.5" }))).toBe("203.0.113.5");
  });

  it("n trusted proxies: the address the outermost trusted proxy saw, never further left", () => {
    const chain = { "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.0.0.2", [PEER_HEADER]: "10.0.0.3" };
    expect(clientAddress(h(chain), 1)).toBe("10.0.0.2");
    expect(clientAddress(h(chain), 2)).toBe("198.51.100.1");
    // More proxies configured than hops: the leftmost entry, not an out-of-range read.
    expect(clientAddress(h({ [PEER_HEADER]: "10.0.0.3" }), 3)).toBe("10.0.0.3");
  });

  it("without the socket header (no instrumentation): the nearest X-Forwarded-For entry, then X-Real-IP", () => {
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }), 2)).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientAddress(h({}))).toBeNull();
  });

  it("refuses anything that is not an address", () => {
    expect(clientAddress(h({ [PEER_HEADER]: "10.0.0.1", "x-forwarded-for": "<script>" }), 1)).toBeNull();
    expect(clientAddress(h({ [PEER_HEADER]: "x".repeat(50) }))).toBeNull();
  });
});

describe("installPeerAddressHeader", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    installPeerAddressHeader();
    server = http.createServer((req, res) => res.end(clientAddress((n) => req.headers[n] as string | undefined, 0) ?? "none"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("a client claiming another address through X-Forwarded-For or X-Bulwark-Peer is seen at its socket address", async () => {
    const res = await fetch(url, { headers: { "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "7.7.7.7", "x-real-ip": "8.8.8.8" } });
    expect(await res.text()).toBe("127.0.0.1");
  });
});
