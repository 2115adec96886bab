import { describe, expect, it } from "vitest";
import { frameworks } from "@bulwark/rules";
import { ZBulkAction, ZFindingFilters, findingsQuery, pickFilter, queueRedirect, resolveTab, searchScope, splitObjectSearch } from "./findings.schemas";
import { controlRuleIds, toFindingFilter } from "./server/queries";

const parse = (q: Record<string, string | string[]>) => ZFindingFilters.parse(q);

describe("Findings URL filters", () => {
  it("read comma lists and repeated params alike, and round-trip through the query string", () => {
    expect(parse({ severity: "critical,high" }).severity).toEqual(["critical", "high"]);
    expect(parse({ severity: ["critical", "low"] }).severity).toEqual(["critical", "low"]);
    const q = findingsQuery({ tab: "all", severity: ["critical", "high"], assignee: "me", overdue: true, status: [], cluster: "c1", control: "cis-1.9:5.2.1" });
    expect(q).toBe("?tab=all&severity=critical%2Chigh&assignee=me&overdue=1&cluster=c1&control=cis-1.9%3A5.2.1");
    const back = ZFindingFilters.parse(Object.fromEntries(new URLSearchParams(q)));
    expect(back.tab).toBe("all");
    expect(pickFilter(back)).toMatchObject({ severity: ["critical", "high"], assignee: "me", overdue: true, cluster: "c1", control: "cis-1.9:5.2.1", status: [] });
  });
  it("refuse what is not a filter; an unknown tab is no tab", () => {
    expect(ZFindingFilters.safeParse({ severity: "urgent" }).success).toBe(false);
    expect(ZFindingFilters.safeParse({ status: "open,done" }).success).toBe(false);
    expect(ZFindingFilters.safeParse({ assignee: "x' OR 1=1" }).success).toBe(false);
    expect(ZFindingFilters.safeParse({ control: "no-colon" }).success).toBe(false);
    expect(parse({ overdue: "0" }).overdue).toBe(false);
    expect(parse({ tab: "weird" }).tab).toBeUndefined();
  });
});

describe("the first screen", () => {
  it("is the Risks tab when there are open risks, else every finding; an explicit tab wins", () => {
    expect(resolveTab(parse({}), 3)).toBe("risks");
    expect(resolveTab(parse({}), 0)).toBe("all");
    expect(resolveTab(parse({ tab: "rules" }), 3)).toBe("rules");
    expect(resolveTab(parse({ severity: "critical", cluster: "c1" }), 2)).toBe("risks");
  });
  it("is the findings list when the link filters by something only findings have", () => {
    expect(resolveTab(parse({ rule: "privileged-container" }), 5)).toBe("all");
    expect(resolveTab(parse({ control: "cis-1.9:5.2.1" }), 5)).toBe("all");
    expect(resolveTab(parse({ overdue: "1" }), 5)).toBe("all");
  });
});

describe("old /queue links", () => {
  it("land on the matching Findings tab with their filters", () => {
    expect(queueRedirect({})).toBe("/findings?tab=all");
    expect(queueRedirect({ view: "groups", severity: "critical" })).toBe("/findings?tab=rules&severity=critical");
    expect(queueRedirect({ assignee: "me" })).toBe("/findings?tab=mine");
    expect(queueRedirect({ assignee: "u1", cluster: "c1", overdue: "1" })).toBe("/findings?tab=all&assignee=u1&cluster=c1&overdue=1");
    expect(queueRedirect({ severity: ["critical", "high"] })).toBe("/findings?tab=all&severity=critical&severity=high");
  });
});

describe("search as objects are displayed", () => {
  it("reads namespace/name and kind namespace/name", () => {
    expect(splitObjectSearch("shop/catalog")).toEqual({ namespace: "shop", q: "catalog" });
    expect(splitObjectSearch(" Deployment shop/catalog ")).toEqual({ namespace: "shop", q: "catalog" });
    expect(splitObjectSearch("catalog")).toEqual({ q: "catalog" });
    expect(splitObjectSearch("privileged container")).toEqual({ q: "privileged container" });
    expect(splitObjectSearch(undefined)).toEqual({});
  });
  it("a namespace filter and a search for another namespace stay literal (and match no object)", () => {
    expect(searchScope("shop", "shop/catalog")).toEqual({ namespace: "shop", q: "catalog" });
    expect(searchScope("billing", "shop/catalog")).toEqual({ namespace: "billing", q: "shop/catalog" });
    expect(searchScope("billing", "catalog")).toEqual({ namespace: "billing", q: "catalog" });
  });
  it("reaches the data layer's filter as namespace and name", () => {
    expect(toFindingFilter("o", "u", pickFilter(parse({ q: "shop/catalog" })))).toEqual({ orgId: "o", namespace: "shop", q: "catalog" });
  });
});

describe("the data layer's filter", () => {
  it("maps me, unassigned and framework controls", () => {
    const fw = frameworks.find((f) => f.controls.some((c) => c.ruleIds.length > 1))!;
    const control = fw.controls.find((c) => c.ruleIds.length > 1)!;
    const key = `${fw.id}:${control.id}`;
    expect(controlRuleIds(key)).toEqual(control.ruleIds);
    expect(toFindingFilter("org1", "user1", pickFilter(parse({ assignee: "me", control: key })))).toEqual({ orgId: "org1", assignee: "user1", ruleIds: control.ruleIds });
    // A rule and a control together: only the rule, and only if the control maps to it.
    expect(toFindingFilter("o", "u", pickFilter(parse({ control: key, rule: control.ruleIds[0]! }))).ruleIds).toEqual([control.ruleIds[0]]);
    expect(toFindingFilter("o", "u", pickFilter(parse({ control: key, rule: "not-in-control" }))).ruleIds).toEqual([]);
    // An unknown control matches nothing rather than everything.
    expect(toFindingFilter("o", "u", pickFilter(parse({ control: "nope:1" }))).ruleIds).toEqual([]);
    expect(toFindingFilter("o", "u", pickFilter(parse({ assignee: "unassigned" }))).assignee).toBe("unassigned");
  });
});

describe("bulk inputs", () => {
  it("a bulk action is ids or a filter, and a person cannot set excepted", () => {
    expect(ZBulkAction.safeParse({ target: { ids: ["a"] }, change: { kind: "status", status: "resolved" } }).success).toBe(true);
    expect(ZBulkAction.safeParse({ target: { ids: [] }, change: { kind: "status", status: "open" } }).success).toBe(false);
    expect(ZBulkAction.safeParse({ target: { ids: ["a"] }, change: { kind: "status", status: "excepted" } }).success).toBe(false);
    const byFilter = ZBulkAction.parse({ target: { filter: { severity: "critical", overdue: true } }, change: { kind: "assign", assigneeId: "me" } });
    expect(byFilter.target).toMatchObject({ filter: { severity: ["critical"], overdue: true } });
  });
});
