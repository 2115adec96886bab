import { BlockList } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlockedAddressError, classifyAddress, guardedLookup } from "./net-guard";

describe("classifyAddress", () => {
  it("blocks every non-public range, including embedded IPv4 forms", () => {
    const blocked: Record<string, RegExp> = {
      "127.0.0.1": /loopback/,
      "127.255.0.9": /loopback/,
      "10.0.0.1": /private/,
      "172.16.0.1": /private/,
      "172.31.255.255": /private/,
      "192.168.0.1": /private/,
      "100.64.0.1": /carrier-grade/,
      "100.127.255.255": /carrier-grade/,
      "169.254.169.254": /link-local/,
      "0.0.0.0": /unspecified/,
      "224.0.0.1": /multicast/,
      "255.255.255.255": /reserved/,
      "::": /unspecified/,
      "::1": /loopback/,
      "fe80::1": /link-local/,
      "febf::1": /link-local/,
      "fc00::1": /unique-local/,
      "fdff::1": /unique-local/,
      "::ffff:127.0.0.1": /IPv4-embedded loopback/,
      "::ffff:7f00:1": /IPv4-embedded loopback/,
      "::ffff:10.0.0.1": /IPv4-embedded private/,
      "::ffff:a9fe:a9fe": /IPv4-embedded link-local/,
      "64:ff9b::7f00:1": /IPv4-embedded loopback/,
      "2002:a9fe:a9fe::": /6to4-embedded link-local/,
      "ff02::1": /multicast/,
      "not-an-ip": /not an IP/,
    };
    for (const [addr, re] of Object.entries(blocked)) expect(classifyAddress(addr), addr).toMatch(re);
    for (const ok of ["8.8.8.8", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "93.184.215.14", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2a00::1"]) {
      expect(classifyAddress(ok), ok).toBeUndefined();
    }
  });
});

describe("classifyAddress against node's BlockList", () => {
  it("agrees on random IPv4 addresses, plain and IPv4-mapped", () => {
    const list = new BlockList();
    for (const [net, bits] of [
      ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
      ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
    ] as const) list.addSubnet(net, bits, "ipv4");
    // bias towards the edges of the blocked ranges
    const octet = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 10, 63, 64, 100, 127, 128, 169, 172, 192, 198, 224, 254, 255));
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (parts) => {
        const ip = parts.join(".");
        const blocked = list.check(ip, "ipv4");
        expect(classifyAddress(ip) !== undefined, ip).toBe(blocked);
        expect(classifyAddress(`::ffff:${ip}`) !== undefined, `::ffff:${ip}`).toBe(blocked);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("guardedLookup", () => {
  const lookup = (allow: boolean, host: string) =>
    new Promise<{ err: Error | null; address?: unknown }>((resolve) =>
      guardedLookup(allow)(host, { family: 0 }, (err: NodeJS.ErrnoException | null, address: unknown) => resolve({ err, address })),
    );

  it("refuses names that resolve to loopback at connect time unless private networks are allowed", async () => {
    const denied = await lookup(false, "localhost");
    expect(denied.err).toBeInstanceOf(BlockedAddressError);
    const allowed = await lookup(true, "localhost");
    expect(allowed.err).toBeNull();
    expect(String(allowed.address)).toMatch(/^(127\.|::1)/);
  });
});
