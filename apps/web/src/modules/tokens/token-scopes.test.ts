// What a token may do: its scopes' permissions, never beyond its creator's role.
import { describe, expect, it } from "vitest";
import type { TApiTokenScope } from "@bulwark/db";
import { ROLE_PERMISSIONS, type TPermission } from "../auth/permissions";
import { allowed } from "../auth/server/with-org";
import type { TOrgContext } from "../auth/server/session";
import { SCOPE_PERMISSIONS, TOKEN_SCOPES, tokenAllows, tokenRole } from "./token-scopes";

const ctx = (role: TOrgContext["role"], scopes?: TApiTokenScope[]): TOrgContext => ({
  userId: "u", user: { id: "u", email: "u@x.test", name: null }, orgId: "o", org: { id: "o", name: "O", slug: "o" }, role, memberships: [], ip: null,
  ...(scopes ? { token: { id: "t", scopes } } : {}),
});

describe("token scopes", () => {
  it("lists every scope once", () => {
    expect(TOKEN_SCOPES).toEqual(["read", "scan", "findings:write", "admin"]);
  });
  it("maps scopes to permissions: read views, scan starts scans, findings:write triages, admin is an admin", () => {
    expect(tokenAllows(["read"], "org:read")).toBe(true);
    expect(tokenAllows(["read"], "scan:run")).toBe(false);
    expect(tokenAllows(["scan"], "scan:run")).toBe(true);
    expect(tokenAllows(["scan"], "finding:write")).toBe(false);
    expect(tokenAllows(["findings:write"], "finding:write")).toBe(true);
    expect(tokenAllows(["findings:write"], "exception:request")).toBe(true);
    expect(tokenAllows(["findings:write"], "exception:decide")).toBe(false);
    expect(tokenAllows(["findings:write"], "cluster:manage")).toBe(false);
    for (const p of ROLE_PERMISSIONS.admin) expect(tokenAllows(["admin"], p)).toBe(true);
    expect(SCOPE_PERMISSIONS.admin).toEqual(ROLE_PERMISSIONS.admin);
  });
  it("never lets a token do more than its creator's role", () => {
    expect(allowed(ctx("viewer", ["admin"]), "scan:run")).toBe(false);
    expect(allowed(ctx("member", ["admin"]), "cluster:manage")).toBe(false);
    expect(allowed(ctx("admin", ["read"]), "scan:run")).toBe(false);
    expect(allowed(ctx("admin", ["scan"]), "scan:run")).toBe(true);
    // A session (no token) is its role alone.
    expect(allowed(ctx("admin"), "cluster:manage")).toBe(true);
  });
  it("acts with the lower of the creator's role and what the scopes suggest", () => {
    expect(tokenRole("owner", ["admin"])).toBe("admin");
    expect(tokenRole("owner", ["findings:write"])).toBe("member");
    expect(tokenRole("owner", ["read"])).toBe("viewer");
    expect(tokenRole("viewer", ["admin"])).toBe("viewer");
    expect(tokenRole("member", ["read", "scan"])).toBe("member");
    const perms: TPermission[] = ["exception:decide", "member:manage"];
    for (const p of perms) expect(allowed(ctx(tokenRole("owner", ["findings:write"]), ["findings:write"]), p)).toBe(false);
  });
});
