import { describe, expect, it } from "vitest";
import { ZOrgPolicy, readPolicy } from "./policy-schema";

describe("organization policy", () => {
  it("reads old or malformed rows without failing, keeping what parses", () => {
    expect(readPolicy(null)).toEqual({ severityOverrides: {}, disabledRules: [], params: {} });
    expect(readPolicy({ severityOverrides: { a: "urgent" }, disabledRules: ["x"], params: { allowedRegistries: ["ghcr.io", 3, ""] }, exceptions: [] })).toEqual({
      severityOverrides: {},
      disabledRules: ["x"],
      params: { allowedRegistries: ["ghcr.io"] },
    });
  });

  it("saving is strict", () => {
    expect(ZOrgPolicy.safeParse({ params: { allowedRegistries: ["not a registry"] } }).success).toBe(false);
    expect(ZOrgPolicy.parse({})).toEqual({ severityOverrides: {}, disabledRules: [], params: {} });
  });
});
