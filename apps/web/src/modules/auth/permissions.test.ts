import { describe, expect, it } from "vitest";
import { can, ROLES } from "./permissions";

describe("role permissions", () => {
  it("lets viewers only read", () => {
    expect(can("viewer", "org:read")).toBe(true);
    for (const p of ["finding:write", "scan:run", "cluster:manage", "schedule:manage", "member:manage", "settings:manage"] as const) {
      expect(can("viewer", p)).toBe(false);
    }
  });
  it("lets members act on findings and scan, not manage", () => {
    expect(can("member", "finding:write")).toBe(true);
    expect(can("member", "scan:run")).toBe(true);
    expect(can("member", "cluster:manage")).toBe(false);
    expect(can("member", "member:manage")).toBe(false);
  });
  it("lets admins and owners manage clusters, schedules and members", () => {
    for (const r of ["admin", "owner"] as const) {
      expect(can(r, "cluster:manage")).toBe(true);
      expect(can(r, "schedule:manage")).toBe(true);
      expect(can(r, "member:manage")).toBe(true);
    }
    expect(ROLES).toEqual(["owner", "admin", "member", "viewer"]);
  });
});
