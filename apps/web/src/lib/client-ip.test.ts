import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-ip";

const h = (m: Record<string, string>) => (n: string) => m[n];

describe("clientAddress", () => {
  it("trusts the entry the nearest proxy appended, not what the client claimed", () => {
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }), 2)).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.9" }), 3)).toBe("203.0.113.9");
  });
  it("falls back to X-Real-IP and refuses anything that is not an address", () => {
    expect(clientAddress(h({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientAddress(h({ "x-forwarded-for": "evil\r\nkey" }))).toBeNull();
    expect(clientAddress(h({}))).toBeNull();
  });
});
