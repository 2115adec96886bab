// Who may create an organization by signing up (BULWARK_SIGNUP); the first-user rule itself is
// enforced in the database transaction (packages/db users/accounts.test.ts).
import { describe, expect, it } from "vitest";
import { parseSignUpDomains, signUpFor } from "./signup-policy";

describe("signUpFor", () => {
  it("invite-only (the default) lets only the first user of a fresh install create an organization", () => {
    expect(signUpFor("a@example.com", { mode: "invite-only", domains: [] })).toBe("first-user-only");
  });

  it("domains: listed domains exactly, not look-alikes or subdomains", () => {
    const policy = { mode: "domains" as const, domains: parseSignUpDomains(" Example.com, @corp.example ,") };
    expect(policy.domains).toEqual(["example.com", "corp.example"]);
    expect(signUpFor("Ann@EXAMPLE.com", policy)).toBe("open");
    expect(signUpFor("bob@corp.example", policy)).toBe("open");
    for (const email of ["eve@example.com.evil.test", "eve@evilexample.com", "eve@sub.example.com", "example.com@evil.test"]) {
      expect(signUpFor(email, policy)).toBe("first-user-only");
    }
  });

  it("open lets anyone create an organization", () => {
    expect(signUpFor("x@anything.test", { mode: "open", domains: [] })).toBe("open");
  });
});
