import { describe, expect, it } from "vitest";
import { frameworks } from "@bulwark/rules";
import { decodeQueueCursor, encodeQueueCursor } from "@bulwark/db";
import { dueLabel } from "./due";
import { pickFilter, queueQuery, ZBulkAction, ZQueueFilters, ZSlaPolicyInput } from "./queue.schemas";
import { controlRuleIds, toQueueFilter } from "./server/queries";

describe("queue URL filters", () => {
  it("parse what the page links to and round-trip through the query string", () => {
    const q = queueQuery({ severity: ["critical", "high"], assignee: "me", overdue: true, status: [], cluster: "c1", control: "cis-1.9:5.2.1" });
    expect(q).toBe("?severity=critical%2Chigh&assignee=me&overdue=1&cluster=c1&control=cis-1.9%3A5.2.1");
    const back = ZQueueFilters.parse(Object.fromEntries(new URLSearchParams(q)));
    expect(pickFilter(back)).toMatchObject({ severity: ["critical", "high"], assignee: "me", overdue: true, cluster: "c1", control: "cis-1.9:5.2.1", status: [] });
  });
  it("refuse what is not a filter", () => {
    expect(ZQueueFilters.safeParse({ severity: "urgent" }).success).toBe(false);
    expect(ZQueueFilters.safeParse({ assignee: "x' OR 1=1" }).success).toBe(false);
    expect(ZQueueFilters.safeParse({ control: "no-colon" }).success).toBe(false);
    expect(ZQueueFilters.parse({ overdue: "0" }).overdue).toBe(false);
    expect(ZQueueFilters.parse({ view: "weird" }).view).toBeUndefined();
  });
  it("map me, unassigned and framework controls to the data layer's filter", () => {
    const fw = frameworks.find((f) => f.controls.some((c) => c.ruleIds.length > 1))!;
    const control = fw.controls.find((c) => c.ruleIds.length > 1)!;
    const key = `${fw.id}:${control.id}`;
    expect(controlRuleIds(key)).toEqual(control.ruleIds);
    const f = toQueueFilter("org1", "user1", pickFilter(ZQueueFilters.parse({ assignee: "me", control: key })));
    expect(f).toEqual({ orgId: "org1", assignee: "user1", ruleIds: control.ruleIds });
    // A rule and a control together: only the rule, and only if the control maps to it.
    expect(toQueueFilter("o", "u", pickFilter(ZQueueFilters.parse({ control: key, rule: control.ruleIds[0] }))).ruleIds).toEqual([control.ruleIds[0]]);
    expect(toQueueFilter("o", "u", pickFilter(ZQueueFilters.parse({ control: key, rule: "not-in-control" }))).ruleIds).toEqual([]);
    // An unknown control matches nothing rather than everything.
    expect(toQueueFilter("o", "u", pickFilter(ZQueueFilters.parse({ control: "nope:1" }))).ruleIds).toEqual([]);
    expect(toQueueFilter("o", "u", pickFilter(ZQueueFilters.parse({ assignee: "unassigned" }))).assignee).toBe("unassigned");
  });
});

describe("queue cursors", () => {
  it("round-trip, with and without a due date; anything else is no cursor", () => {
    const row = { severity: "high" as const, dueAt: new Date("2030-01-02T03:04:05.678Z"), firstSeenAt: new Date("2026-01-01T00:00:00Z"), id: "cabc" };
    expect(decodeQueueCursor(encodeQueueCursor(row))).toEqual({ s: "high", d: "2030-01-02T03:04:05.678Z", f: "2026-01-01T00:00:00.000Z", i: "cabc" });
    expect(decodeQueueCursor(encodeQueueCursor({ ...row, dueAt: null }))?.d).toBeNull();
    expect(decodeQueueCursor("not-base64-json")).toBeUndefined();
    expect(decodeQueueCursor(Buffer.from(JSON.stringify({ s: "urgent", d: null, f: "x", i: "1" })).toString("base64url"))).toBeUndefined();
  });
});

describe("bulk and SLA inputs", () => {
  it("a bulk action is ids or a filter, and a person cannot set excepted", () => {
    expect(ZBulkAction.safeParse({ target: { ids: ["a"] }, change: { kind: "status", status: "resolved" } }).success).toBe(true);
    expect(ZBulkAction.safeParse({ target: { ids: [] }, change: { kind: "status", status: "open" } }).success).toBe(false);
    expect(ZBulkAction.safeParse({ target: { ids: ["a"] }, change: { kind: "status", status: "excepted" } }).success).toBe(false);
    const byFilter = ZBulkAction.parse({ target: { filter: { severity: "critical", overdue: true } }, change: { kind: "assign", assigneeId: "me" } });
    expect(byFilter.target).toMatchObject({ filter: { severity: ["critical"], overdue: true } });
  });
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
});
