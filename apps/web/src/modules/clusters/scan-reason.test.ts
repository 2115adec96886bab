import { describe, expect, it } from "vitest";
import { scanReason } from "./scan-reason";

describe("scanReason", () => {
  it("names forbidden kinds and keeps the raw error as detail", () => {
    const r = scanReason({
      error: "not everything could be read: v1/secrets forbidden (...)",
      kinds: [
        { resource: "v1/pods", kind: "Pod", status: "read", count: 4 },
        { resource: "v1/secrets", kind: "Secret", status: "forbidden", count: 0 },
        { resource: "v1/nodes", kind: "Node", status: "forbidden", count: 0 },
      ],
    });
    expect(r?.summary).toBe("Not allowed to read Secret, Node; rules that need them were not evaluated.");
    expect(r?.detail).toContain("not everything could be read");
  });
  it("falls back to the error for failures that are not about kinds", () => {
    expect(scanReason({ error: "connect ECONNREFUSED 10.0.0.1:443", kinds: null })).toEqual({ summary: "connect ECONNREFUSED 10.0.0.1:443" });
  });
  it("says nothing when there is nothing to say", () => {
    expect(scanReason({ error: null, kinds: [{ kind: "Pod", status: "read" }] })).toBeNull();
  });
});
