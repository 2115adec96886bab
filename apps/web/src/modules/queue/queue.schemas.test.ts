import { describe, expect, it } from "vitest";
import { decodeQueueCursor, encodeQueueCursor } from "@bulwark/db";
import { dueLabel, workDue } from "./due";
import { ZSlaPolicyInput } from "./queue.schemas";

describe("queue cursors", () => {
  it("round-trip, with and without a due date; anything else is no cursor", () => {
    const row = { severity: "high" as const, dueAt: new Date("2030-01-02T03:04:05.678Z"), firstSeenAt: new Date("2026-01-01T00:00:00Z"), id: "cabc" };
    expect(decodeQueueCursor(encodeQueueCursor(row))).toEqual({ s: "high", d: "2030-01-02T03:04:05.678Z", f: "2026-01-01T00:00:00.000Z", i: "cabc" });
    expect(decodeQueueCursor(encodeQueueCursor({ ...row, dueAt: null }))?.d).toBeNull();
    expect(decodeQueueCursor("not-base64-json")).toBeUndefined();
    expect(decodeQueueCursor(Buffer.from(JSON.stringify({ s: "urgent", d: null, f: "x", i: "1" })).toString("base64url"))).toBeUndefined();
  });
});

describe("SLA", () => {
  it("SLA days are whole, 1..3650, or empty for none", () => {
    expect(ZSlaPolicyInput.parse({ critical: "7", high: 30, medium: "90", low: "180", info: "" })).toEqual({ critical: 7, high: 30, medium: 90, low: 180, info: null });
    expect(ZSlaPolicyInput.safeParse({ critical: "0", high: 30, medium: 90, low: 180, info: null }).success).toBe(false);
    expect(ZSlaPolicyInput.safeParse({ critical: "1.5", high: 30, medium: 90, low: 180, info: null }).success).toBe(false);
  });
  it("due labels: overdue stands out, soon is amber", () => {
    const now = new Date("2026-06-10T12:00:00Z");
    expect(dueLabel(new Date("2026-06-07T12:00:00Z"), now)).toMatchObject({ label: "Overdue 3 d", tone: "overdue" });
    expect(dueLabel(new Date("2026-06-13T12:00:00Z"), now)).toMatchObject({ label: "Due in 3 d", tone: "soon" });
    expect(dueLabel(new Date("2026-08-13T12:00:00Z"), now).tone).toBe("later");
    expect(dueLabel(null, now).tone).toBe("none");
  });
  it("excepted and resolved findings carry no SLA badge, even when a due date is stored", () => {
    const now = new Date("2026-06-10T12:00:00Z");
    const past = new Date("2026-06-01T00:00:00Z");
    expect(workDue("excepted", past, now)).toBeNull();
    expect(workDue("resolved", past, now)).toBeNull();
    expect(workDue("open", past, now)?.tone).toBe("overdue");
    expect(workDue("in_progress", null, now)?.tone).toBe("none");
  });
});
