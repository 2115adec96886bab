// The sign-in callback URL: same-origin paths only. `/\evil.com` used to pass the check (a
// browser reads it as //evil.com) and sent people off-site after signing in.
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "./callback-url";

const ATTACKS = [
  "/\\evil.com",
  "/\\/evil.com",
  "\\\\evil.com",
  "//evil.com",
  "///evil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  " //evil.com",
  "https://evil.com/overview",
  "javascript:alert(1)",
  "data:text/html,hi",
  "https://bulwark.example.com.evil.com/",
  "https://bulwark.example.com@evil.com/",
];

describe("safeCallbackPath", () => {
  it.each(ATTACKS)("sends %j to the overview, never off-site", (attack) => {
    expect(safeCallbackPath(attack)).toBe("/overview");
    expect(safeRedirect({ url: attack, baseUrl: "https://bulwark.example.com" })).toBe("https://bulwark.example.com/overview");
  });

  it("keeps same-origin paths with their query and hash", () => {
    expect(safeCallbackPath("/findings?severity=high#top")).toBe("/findings?severity=high#top");
    expect(safeCallbackPath("/clusters/abc")).toBe("/clusters/abc");
    expect(safeCallbackPath(undefined)).toBe("/overview");
    expect(safeRedirect({ url: "https://bulwark.example.com/clusters", baseUrl: "https://bulwark.example.com" })).toBe("https://bulwark.example.com/clusters");
    expect(safeRedirect({ url: "/risks", baseUrl: "https://bulwark.example.com/" })).toBe("https://bulwark.example.com/risks");
  });

  it("every result, resolved by a browser's URL parser, stays on the site", () => {
    for (const raw of [...ATTACKS, "/ok", "/%5Cevil.com", "/..//evil.com", "/./\\evil.com", "http:evil.com", "https:evil.com"]) {
      const out = safeCallbackPath(raw);
      expect(new URL(out, "https://bulwark.example.com").origin).toBe("https://bulwark.example.com");
    }
  });
});
