// Every kind a built-in rule judges or requires must be read from a cluster: a kind the reader
// skips is "not read", so the rule would be "not evaluated" on every cluster, forever.
import { builtinRules } from "@bulwark/rules";
import { describe, expect, it } from "vitest";
import { OPTIONAL_KINDS, RESOURCES_TO_READ } from "./resources";

// Kinds rules may name that are deliberately not read from a cluster, with the reason. Empty today.
const NOT_READ: Record<string, string> = {};

describe("RESOURCES_TO_READ", () => {
  const read = new Set(RESOURCES_TO_READ.map((r) => r.kind));

  it("covers every kind in any built-in rule's kinds or requiresKinds", () => {
    const missing = new Map<string, string[]>();
    for (const rule of builtinRules) {
      for (const k of [...rule.kinds, ...(rule.requiresKinds ?? [])]) {
        if (k === "*" || read.has(k) || k in NOT_READ) continue;
        missing.set(k, [...(missing.get(k) ?? []), rule.id]);
      }
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it("lists each kind once, and optional kinds are ones it reads", () => {
    expect(read.size).toBe(RESOURCES_TO_READ.length);
    for (const k of OPTIONAL_KINDS) expect(read.has(k), k).toBe(true);
    for (const k of Object.keys(NOT_READ)) expect(read.has(k), k).toBe(false);
  });
});
