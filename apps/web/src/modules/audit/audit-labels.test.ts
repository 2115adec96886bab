import { describe, expect, it } from "vitest";
import { auditDetail, auditLabel, targetHref } from "./audit-labels";

describe("audit labels", () => {
  it("names known actions and shows unknown ones as their code", () => {
    expect(auditLabel("channel.create")).toBe("Added an alert channel");
    expect(auditLabel("something.new")).toBe("something.new");
  });

  it("summarises details without dumping JSON", () => {
    expect(auditDetail({ method: "password", reason: "wrong password" })).toBe("with password · wrong password");
    expect(auditDetail({ from: "viewer", to: "admin" })).toBe("viewer → admin");
    expect(auditDetail({ name: "SIEM", changed: { enabled: false, host: "x" } })).toBe("SIEM · changed enabled, host");
    expect(auditDetail(null)).toBe("");
  });

  it("links targets that have a page", () => {
    expect(targetHref("channel", "c1")).toBe("/settings/alerts/c1");
    expect(targetHref("scan", "s1")).toBeUndefined();
    expect(targetHref(null, null)).toBeUndefined();
  });
});
