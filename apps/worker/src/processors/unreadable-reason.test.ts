// A scan that could read nothing names the real cause (found by the reliability suite: a malicious
// or broken API server's failures were reported as missing permissions).
import { describe, expect, it } from "vitest";
import { unreadableReason } from "./scan.processor";

describe("unreadableReason", () => {
  it("blames permissions only when the credential was refused everywhere", () => {
    const r = unreadableReason([
      { resource: "v1/pods", kind: "Pod", status: "forbidden", count: 0, error: "pods is forbidden" },
      { resource: "v1/secrets", kind: "Secret", status: "forbidden", count: 0, error: "secrets is forbidden" },
    ]);
    expect(r).toMatch(/grant it get\/list/);
  });
  it("names a failing API server as such", () => {
    const r = unreadableReason([
      { resource: "v1/pods", kind: "Pod", status: "failed", count: 0, error: "response body exceeds 268435456 bytes" },
      { resource: "v1/secrets", kind: "Secret", status: "forbidden", count: 0, error: "forbidden" },
    ]);
    expect(r).toBe("the API server answered no resource kind usably (Pod: response body exceeds 268435456 bytes)");
    expect(r).not.toMatch(/grant/);
  });
});
