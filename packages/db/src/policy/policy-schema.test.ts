import { BUILTIN_BASELINE } from "@bulwark/rules";
import { describe, expect, it } from "vitest";
import { ZBaselineEntry, ZOrgPolicy, readPolicy } from "./policy-schema";

const ENTRY = {
  id: "kube-proxy",
  title: "kube-proxy",
  reason: "kube-proxy programs the node's network and needs host access.",
  namespaces: ["kube-system"],
  kinds: ["DaemonSet"],
  names: ["kube-proxy"],
  images: ["registry.k8s.io/kube-proxy"],
};

describe("organization policy", () => {
  it("reads old or malformed rows without failing, keeping what parses", () => {
    expect(readPolicy(null)).toEqual({ severityOverrides: {}, disabledRules: [], params: {}, profile: "default", baseline: { enabled: true } });
    expect(readPolicy({ severityOverrides: { a: "urgent" }, disabledRules: ["x"], params: { allowedRegistries: ["ghcr.io", 3, ""] }, exceptions: [] })).toEqual({
      severityOverrides: {},
      disabledRules: ["x"],
      params: { allowedRegistries: ["ghcr.io"] },
      profile: "default",
      baseline: { enabled: true },
    });
  });

  it("reads the profile and the baseline, dropping entries that no longer parse", () => {
    expect(readPolicy({ profile: "strict", baseline: { enabled: false } })).toMatchObject({ profile: "strict", baseline: { enabled: false } });
    expect(readPolicy({ profile: "paranoid" }).profile).toBe("default");
    expect(readPolicy({ baseline: { entries: [ENTRY, { id: "bad" }] } }).baseline).toEqual({ enabled: true, entries: [ENTRY] });
    // Nothing parses: the built-in entries apply rather than none.
    expect(readPolicy({ baseline: { entries: [{ id: "bad" }] } }).baseline).toEqual({ enabled: true });
    // An explicit empty list is kept (the admin replaced the built-ins with nothing).
    expect(readPolicy({ baseline: { entries: [] } }).baseline).toEqual({ enabled: true, entries: [] });
  });

  it("the built-in baseline entries are valid entries (an admin may start from them)", () => {
    expect(BUILTIN_BASELINE.length).toBeGreaterThan(3);
    for (const e of BUILTIN_BASELINE) expect(ZBaselineEntry.safeParse(e).error?.issues ?? []).toEqual([]);
  });

  it("saving is strict", () => {
    expect(ZOrgPolicy.safeParse({ params: { allowedRegistries: ["not a registry"] } }).success).toBe(false);
    expect(ZOrgPolicy.parse({})).toEqual({ severityOverrides: {}, disabledRules: [], params: {}, profile: "default", baseline: { enabled: true } });
    expect(ZOrgPolicy.safeParse({ profile: "paranoid" }).success).toBe(false);
    expect(ZOrgPolicy.safeParse({ baseline: { enabled: true, entries: [ENTRY] } }).success).toBe(true);
    expect(ZOrgPolicy.safeParse({ baseline: { enabled: true, entries: [ENTRY, ENTRY] } }).success).toBe(false);
    expect(ZOrgPolicy.safeParse({ baseline: { enabled: true, entries: [{ ...ENTRY, images: [] }] } }).success).toBe(false);
    expect(ZOrgPolicy.safeParse({ baseline: { enabled: true, entries: [{ ...ENTRY, kinds: ["daemonset"] }] } }).success).toBe(false);
    expect(ZOrgPolicy.safeParse({ baseline: { enabled: true, entries: [{ ...ENTRY, extra: 1 }] } }).success).toBe(false);
  });
});
