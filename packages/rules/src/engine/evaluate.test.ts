import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineRule } from "../helpers/pod";
import type { KubeObject, Rule, Snapshot } from "../types";
import { evaluate, getRule } from "./evaluate";
import { fingerprint } from "./fingerprint";
import { RULES_VERSION } from "./version";

function deployment(name: string, ns: string, opts: { privileged?: boolean; labels?: Record<string, string>; uid?: string } = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns, ...(opts.uid ? { uid: opts.uid } : {}), ...(opts.labels ? { labels: opts.labels } : {}) },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "app", image: "nginx:1.27", securityContext: { privileged: opts.privileged === true } }] },
      },
    },
  };
}

function manifests(objects: KubeObject[]): Snapshot {
  return { source: "manifests", objects, kinds: [], kindsComplete: false };
}

function cluster(objects: KubeObject[], kinds: Snapshot["kinds"]): Snapshot {
  return { source: "cluster", objects, kinds, kindsComplete: true };
}

const WORKLOAD_READS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"].map(
  (kind) => ({ kind, resource: `x/${kind.toLowerCase()}s`, status: "read" as const, count: 0 }),
);

/** A test rule reporting every object of `kind`, or throwing. */
function probe(id: string, extra: Partial<Rule> = {}, kind = "ConfigMap"): Rule {
  return defineRule({
    id,
    title: id,
    category: "custom",
    severity: "high",
    kinds: [kind],
    description: "test",
    remediation: "test",
    peers: {},
    *evaluate(ctx) {
      for (const o of ctx.index.byKind(kind)) yield { object: o, path: "data", message: `hit ${o.metadata.name}` };
    },
    ...extra,
  });
}

const cm = (name: string, ns = "a", labels?: Record<string, string>): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: ns, ...(labels ? { labels } : {}) },
});

describe("evaluate: coverage", () => {
  it("marks a rule not-evaluated when one of its kinds was forbidden", () => {
    const kinds = WORKLOAD_READS.map((k) =>
      k.kind === "DaemonSet" ? { ...k, resource: "apps/v1/daemonsets", status: "forbidden" as const, error: "daemonsets is forbidden: User cannot list" } : k,
    );
    const res = evaluate(cluster([deployment("web", "shop", { privileged: true })], kinds), { onlyRules: ["privileged-container"] });
    const st = res.rules.find((r) => r.id === "privileged-container")!;
    expect(st.status).toBe("not-evaluated");
    expect(st.reason).toMatch(/^kind apps\/v1\/daemonsets forbidden: daemonsets is forbidden/);
    expect(res.findings).toEqual([]);
  });

  it("treats a kind the server does not serve as read and empty", () => {
    const rule = probe("uses-psp", {}, "PodSecurityPolicy");
    const snap = cluster([], [{ kind: "PodSecurityPolicy", resource: "policy/v1beta1/podsecuritypolicies", status: "not-served", count: 0 }]);
    const res = evaluate(snap, { onlyRules: ["uses-psp"], extraRules: [rule] });
    expect(res.rules).toEqual([{ id: "uses-psp", status: "passed", findings: 0 }]);
  });

  it("judges admission-no-policy-engine on an old cluster that serves no ValidatingAdmissionPolicy", () => {
    const read = (kind: string, status: "read" | "not-served") => ({ kind, resource: `admissionregistration.k8s.io/v1/${kind.toLowerCase()}s`, status, count: 0 });
    const kinds = [
      { kind: "Namespace", resource: "v1/namespaces", status: "read" as const, count: 1 },
      read("ValidatingWebhookConfiguration", "read"),
      read("MutatingWebhookConfiguration", "read"),
      read("ValidatingAdmissionPolicy", "not-served"),
      read("ValidatingAdmissionPolicyBinding", "not-served"),
    ];
    const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "kube-system" } };
    const kyverno: KubeObject = {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingWebhookConfiguration",
      metadata: { name: "kyverno-resource-validating-webhook-cfg" },
      webhooks: [{ name: "validate.kyverno.svc-fail", clientConfig: { service: { namespace: "kyverno", name: "kyverno-svc" } }, rules: [{ apiGroups: [""], resources: ["pods"], operations: ["CREATE"] }] }],
    };
    const only = { onlyRules: ["admission-no-policy-engine"] };
    expect(evaluate(cluster([ns, kyverno], kinds), only).rules[0]).toEqual({ id: "admission-no-policy-engine", status: "passed", findings: 0 });
    expect(evaluate(cluster([ns], kinds), only).rules[0]).toMatchObject({ status: "failed", findings: 1 });
  });

  it("reports a kind a cluster reader never listed as not read", () => {
    const res = evaluate(cluster([], [{ kind: "Pod", resource: "v1/pods", status: "read", count: 0 }]), { onlyRules: ["privileged-container"] });
    expect(res.rules[0]).toMatchObject({ status: "not-evaluated", reason: "kind Deployment not read" });
  });

  it("judges a \"*\" rule on a cluster snapshot with whatever was read", () => {
    const any = probe("any-kind", {}, "ConfigMap");
    const star = { ...any, kinds: ["*"] as const };
    const snap = cluster([cm("x")], [{ kind: "ConfigMap", resource: "v1/configmaps", status: "read", count: 1 }]);
    const res = evaluate(snap, { onlyRules: ["any-kind"], extraRules: [star] });
    expect(res.rules[0]).toMatchObject({ status: "failed", findings: 1 });
    expect(res.score).toBeLessThan(100);
  });

  it("applies requiresKinds too", () => {
    const rule = probe("needs-np", { requiresKinds: ["NetworkPolicy"] });
    const snap = cluster([cm("x")], [
      { kind: "ConfigMap", resource: "v1/configmaps", status: "read", count: 1 },
      { kind: "NetworkPolicy", resource: "networking.k8s.io/v1/networkpolicies", status: "failed", error: "timeout" },
    ] as Snapshot["kinds"]);
    const res = evaluate(snap, { onlyRules: ["needs-np"], extraRules: [rule] });
    expect(res.rules[0]).toMatchObject({ status: "not-evaluated", reason: "kind networking.k8s.io/v1/networkpolicies failed: timeout" });
  });

  it("runs clusterScope rules on manifests only when the set carries their required kinds", () => {
    const rule = probe("ns-wide", { clusterScope: true, requiresKinds: ["NetworkPolicy"] });
    const without = evaluate(manifests([cm("x")]), { onlyRules: ["ns-wide"], extraRules: [rule] });
    expect(without.rules[0]).toMatchObject({ status: "not-evaluated", reason: "needs a whole cluster (no NetworkPolicy in the manifest set)" });
    const np: KubeObject = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "a" } };
    const withNp = evaluate(manifests([cm("x"), np]), { onlyRules: ["ns-wide"], extraRules: [rule] });
    expect(withNp.rules[0]!.status).toBe("failed");
    const bare = probe("bare-scope", { clusterScope: true });
    expect(evaluate(manifests([cm("x")]), { onlyRules: ["bare-scope"], extraRules: [bare] }).rules[0]).toMatchObject({
      status: "not-evaluated",
      reason: "needs a whole cluster",
    });
    const whole = { ...manifests([cm("x")]), kindsComplete: true };
    expect(evaluate(whole, { onlyRules: ["bare-scope"], extraRules: [bare] }).rules[0]!.status).toBe("failed");
  });

  it("honours notEvaluable", () => {
    const rule = probe("cp", { notEvaluable: () => "control plane not visible" });
    const res = evaluate(manifests([cm("x")]), { onlyRules: ["cp"], extraRules: [rule] });
    expect(res.rules[0]).toMatchObject({ status: "not-evaluated", reason: "control plane not visible", findings: 0 });
    expect(res.findings).toHaveLength(0);
  });

  it("isolates a throwing rule and keeps the others", () => {
    const bad = defineRule({
      ...probe("explodes"),
      *evaluate(ctx) {
        yield { object: ctx.snapshot.objects[0]!, path: "x", message: "partial" };
        throw new Error("boom");
      },
    });
    const res = evaluate(manifests([cm("x"), deployment("web", "shop", { privileged: true })]), {
      onlyRules: ["explodes", "privileged-container"],
      extraRules: [bad],
    });
    expect(res.rules.find((r) => r.id === "explodes")).toMatchObject({ status: "not-evaluated", reason: "rule error: boom" });
    expect(res.findings.map((f) => f.ruleId)).toEqual(["privileged-container"]);
  });
});

describe("evaluate: malformed input", () => {
  it("fails only the rule that yields a finding without an object or path", () => {
    const bad = defineRule({
      ...probe("no-object"),
      *evaluate() {
        yield { object: undefined as unknown as KubeObject, path: "x", message: "?" };
      },
    });
    const res = evaluate(manifests([cm("x")]), { onlyRules: ["no-object", "probe-ok"], extraRules: [bad, probe("probe-ok")] });
    expect(res.rules.find((r) => r.id === "no-object")).toMatchObject({ status: "not-evaluated", reason: "rule error: rule returned a finding without an object and a path" });
    expect(res.findings.map((f) => f.ruleId)).toEqual(["probe-ok"]);
  });

  it("gives rules clean metadata and skips entries that are not objects, keeping locations aligned", () => {
    const odd = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: 42, namespace: ["x"], labels: { a: 1, b: null }, ownerReferences: "nope" } } as unknown as KubeObject;
    const seen: unknown[] = [];
    const spy = defineRule({
      ...probe("spy"),
      *evaluate(ctx) {
        for (const o of ctx.index.byKind("ConfigMap")) {
          seen.push(o.metadata);
          yield { object: o, path: "data", message: "hit" };
        }
      },
    });
    const snap: Snapshot = {
      source: "manifests",
      objects: [null as unknown as KubeObject, odd, cm("ok")],
      locations: [{ file: "a.yaml", line: 1 }, { file: "a.yaml", line: 5 }, { file: "b.yaml", line: 1 }],
      kinds: [],
      kindsComplete: false,
    };
    const res = evaluate(snap, { onlyRules: ["spy"], extraRules: [spy] });
    expect(seen[0]).toEqual({ name: "42", labels: { a: "1" } });
    expect(res.findings.map((f) => [f.object.name, f.location?.line, f.location?.file])).toEqual([["42", 5, "a.yaml"], ["ok", 1, "b.yaml"]]);
    expect(res.objectCount).toBe(3);
    // The caller's objects are left as they were.
    expect((odd.metadata as Record<string, unknown>).name).toBe(42);
  });
});

describe("evaluate: settings", () => {
  const snap = manifests([deployment("web", "shop", { privileged: true }), deployment("api", "shop")]);

  it("disables rules", () => {
    const res = evaluate(snap, { onlyRules: ["privileged-container"], disabledRules: ["privileged-container"] });
    expect(res.rules).toEqual([{ id: "privileged-container", status: "disabled", findings: 0 }]);
    expect(res.findings).toEqual([]);
    expect(res.score).toBe(100);
  });

  it("applies severity overrides to findings and counts", () => {
    const res = evaluate(snap, { onlyRules: ["privileged-container"], severityOverrides: { "privileged-container": "low" } });
    expect(res.findings.map((f) => f.severity)).toEqual(["low"]);
    expect(res.counts).toEqual({ critical: 0, high: 0, medium: 0, low: 1, info: 0 });
  });

  it("ignores an override that is not a severity", () => {
    const res = evaluate(snap, { onlyRules: ["privileged-container"], severityOverrides: { "privileged-container": "urgent" as never } });
    expect(res.findings.map((f) => f.severity)).toEqual(["critical"]);
    expect(res.counts.critical).toBe(1);
  });

  it("onlyRules limits the catalog", () => {
    const res = evaluate(snap, { onlyRules: ["host-pid", "privileged-container"] });
    expect(res.rules.map((r) => r.id).sort()).toEqual(["host-pid", "privileged-container"]);
  });

  it("runs extra rules like built-ins and refuses a duplicate id", () => {
    const res = evaluate(manifests([cm("x")]), { onlyRules: ["custom-a"], extraRules: [probe("custom-a"), probe("custom-a")] });
    expect(res.rules.map((r) => r.status)).toEqual(["not-evaluated", "failed"]);
    expect(res.findings).toHaveLength(1);
  });
});

describe("evaluate: exceptions", () => {
  const now = "2026-11-01T00:00:00Z";
  const objs = [cm("a1", "team-a", { tier: "web" }), cm("a2", "team-a", { tier: "db" }), cm("b1", "team-b", { tier: "web" })];
  const run = (exceptions: NonNullable<Parameters<typeof evaluate>[1]>["exceptions"], clusterName?: string) =>
    evaluate(manifests(objs), { onlyRules: ["probe"], extraRules: [probe("probe")], exceptions, now, ...(clusterName ? { clusterName } : {}) });

  it("marks matching findings, keeps them, and leaves them out of counts and score", () => {
    const res = run([{ id: "ex1", ruleId: "probe", namespace: "team-a", justification: "accepted", expiresAt: "2027-01-01T00:00:00Z" }]);
    expect(res.findings).toHaveLength(3);
    const excepted = res.findings.filter((f) => f.exception).map((f) => f.object.name);
    expect(excepted).toEqual(["a1", "a2"]);
    expect(res.findings[0]!.exception).toEqual({ id: "ex1", justification: "accepted", expiresAt: "2027-01-01T00:00:00Z" });
    expect(res.counts.high).toBe(1);
  });

  it("ignores expired exceptions", () => {
    const res = run([{ id: "old", ruleId: "probe", justification: "was fine", expiresAt: "2026-10-01T00:00:00Z" }]);
    expect(res.findings.filter((f) => f.exception)).toHaveLength(0);
    expect(res.counts.high).toBe(3);
  });

  it("matches label selectors, kinds, names and clusters", () => {
    expect(run([{ id: "l", ruleId: "probe", labelSelector: { tier: "web" }, justification: "x" }]).findings.filter((f) => f.exception).map((f) => f.object.name)).toEqual(["a1", "b1"]);
    expect(run([{ id: "n", ruleId: "probe", kind: "ConfigMap", name: "a2", justification: "x" }]).findings.filter((f) => f.exception).map((f) => f.object.name)).toEqual(["a2"]);
    expect(run([{ id: "k", ruleId: "probe", kind: "Secret", justification: "x" }]).findings.filter((f) => f.exception)).toHaveLength(0);
    expect(run([{ id: "c", ruleId: "probe", cluster: "prod", justification: "x" }], "staging").findings.filter((f) => f.exception)).toHaveLength(0);
    expect(run([{ id: "c", ruleId: "probe", cluster: "prod", justification: "x" }], "prod").findings.filter((f) => f.exception)).toHaveLength(3);
    expect(run([{ id: "other", ruleId: "other-rule", justification: "x" }]).findings.filter((f) => f.exception)).toHaveLength(0);
  });

  it("counts a rule whose findings are all excepted as passed and scores 100", () => {
    const res = run([{ id: "all", ruleId: "probe", justification: "x" }]);
    expect(res.rules[0]).toMatchObject({ status: "passed", findings: 3 });
    expect(res.score).toBe(100);
  });
});

describe("evaluate: findings", () => {
  it("reports a workload once, on its top controller, and dedupes identical findings", () => {
    const dep = deployment("web", "shop", { privileged: true, uid: "dep-uid" });
    const rs: KubeObject = {
      ...deployment("web-5d8f", "shop", { privileged: true, uid: "rs-uid" }),
      kind: "ReplicaSet",
      metadata: { name: "web-5d8f", namespace: "shop", uid: "rs-uid", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "dep-uid", controller: true }] },
    };
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web-5d8f-abc", namespace: "shop", uid: "pod-uid", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-5d8f", uid: "rs-uid", controller: true }] },
      spec: { containers: [{ name: "app", image: "nginx:1.27", securityContext: { privileged: true } }] },
    };
    const res = evaluate(cluster([dep, rs, pod], WORKLOAD_READS), { onlyRules: ["privileged-container"] });
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0]!.object).toEqual({ apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", uid: "dep-uid" });

    const twice = defineRule({
      ...probe("twice"),
      *evaluate(ctx) {
        const o = ctx.index.byKind("ConfigMap")[0]!;
        yield { object: o, path: "data.x", message: "one" };
        yield { object: o, path: "data.x", message: "again" };
      },
    });
    const r2 = evaluate(manifests([cm("x")]), { onlyRules: ["twice"], extraRules: [twice] });
    expect(r2.findings).toHaveLength(1);
    expect(r2.rules[0]!.findings).toBe(1);

    // The same object twice in a manifest set (same kind/namespace/name): one fingerprint, one finding;
    // several paths on one object stay separate findings.
    const paths = defineRule({
      ...probe("paths"),
      *evaluate(ctx) {
        for (const o of ctx.index.byKind("ConfigMap")) {
          yield { object: o, path: "data.a", message: "a" };
          yield { object: o, path: "data.b", message: "b" };
          yield { object: o, path: "data.a", message: "a again" };
        }
      },
    });
    const r3 = evaluate(manifests([cm("x"), cm("x"), cm("y")]), { onlyRules: ["paths"], extraRules: [paths] });
    expect(r3.findings.map((f) => `${f.object.name}:${f.path}`)).toEqual(["x:data.a", "x:data.b", "y:data.a", "y:data.b"]);
    expect(new Set(r3.findings.map((f) => f.fingerprint)).size).toBe(4);
  });

  it("fills ruleId, remediation, location, and truncates observed", () => {
    const long = defineRule({
      ...probe("long"),
      *evaluate(ctx) {
        for (const o of ctx.index.byKind("ConfigMap")) yield { object: o, path: "data", observed: { v: "x".repeat(500) }, message: "m" };
      },
    });
    const objects = [cm("x"), cm("y")];
    const snap: Snapshot = { ...manifests(objects), locations: [{ file: "a.yaml", line: 1 }, { file: "a.yaml", line: 9 }] };
    const res = evaluate(snap, { onlyRules: ["long"], extraRules: [long] });
    expect(res.findings[1]!.location).toEqual({ file: "a.yaml", line: 9 });
    expect(res.findings[0]!.observed!.length).toBe(200);
    expect(res.findings[0]!.remediation).toBe("test");
    // The file is part of a manifest object's identity.
    expect(res.findings[0]!.fingerprint).toBe(fingerprint("long", { apiVersion: "v1", kind: "ConfigMap", namespace: "a", name: "x" }, "data", "a.yaml"));
    expect(res.objectCount).toBe(2);
  });

  it("fingerprints are stable, 32 hex chars, and prefer the uid", () => {
    const a = fingerprint("r", { apiVersion: "v1", kind: "Pod", namespace: "n", name: "p", uid: "u1" }, "spec");
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint("r", { apiVersion: "v1", kind: "Pod", namespace: "other", name: "q", uid: "u1" }, "spec")).toBe(a);
    expect(fingerprint("r", { apiVersion: "v1", kind: "Pod", namespace: "n", name: "p" }, "spec")).not.toBe(a);
    expect(fingerprint("r2", { apiVersion: "v1", kind: "Pod", namespace: "n", name: "p", uid: "u1" }, "spec")).not.toBe(a);
  });

  it("exposes the catalog", () => {
    expect(getRule("privileged-container")?.severity).toBe("critical");
    expect(getRule("no-such-rule")).toBeUndefined();
    expect(RULES_VERSION).toMatch(/^2026\.11\.0\+\d+$/);
  });
});

describe("score", () => {
  it("scores an evaluation end to end; excepted findings do not count", () => {
    const objs = [deployment("a", "x", { privileged: true }), deployment("b", "x"), deployment("c", "x"), deployment("d", "x")];
    const res = evaluate(manifests(objs), { onlyRules: ["privileged-container", "host-pid"] });
    // A node-takeover risk that gives root at once (3) and one critical finding (0.5): 100 / 4.5.
    expect(res.risks.map((r) => `${r.type} ${r.severity}`)).toEqual(["node-takeover critical"]);
    expect(res.score).toBe(22.2);
    const excepted = evaluate(manifests(objs), {
      onlyRules: ["privileged-container", "host-pid"],
      exceptions: [{ id: "e", ruleId: "privileged-container", name: "a", justification: "lab" }],
    });
    expect(excepted.score).toBe(100);
  });
});
