// The score's promises (packages/rules/README.md, "Posture score"): 100 with nothing open, caps for
// critical risks, monotone, ordered by danger, one decimal; the fleet score weights the worst.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseManifests, snapshotFromManifests } from "../manifests";
import type { Severity } from "../types";
import { evaluate } from "./evaluate";
import { computeScore, fleetScore, type ScoreInput } from "./score";

const sev = fc.constantFrom<Severity>("critical", "high", "medium", "low", "info");
const input: fc.Arbitrary<ScoreInput> = fc.record({
  risks: fc.array(fc.record({ id: fc.string(), title: fc.string(), severity: sev, factors: fc.constant([]), direct: fc.boolean() }), { maxLength: 8 }),
  findings: fc.array(fc.record({ severity: sev }), { maxLength: 40 }),
  workloads: fc.integer({ min: 1, max: 50 }),
});

describe("computeScore", () => {
  it("is 100 with nothing open and below 100 with anything weighted open", () => {
    expect(computeScore({ risks: [], findings: [], workloads: 3 }).score).toBe(100);
    expect(computeScore({ risks: [], findings: [{ severity: "info" }], workloads: 1 }).score).toBe(100);
    expect(computeScore({ risks: [], findings: [{ severity: "low" }], workloads: 1000 }).score).toBeLessThan(100);
  });

  it("caps one open critical risk: at most 25 for root on the node, at most 40 for any other", () => {
    expect(computeScore({ risks: [{ id: "a", title: "t", severity: "critical", factors: [], direct: true }], findings: [], workloads: 1 }).score).toBeLessThanOrEqual(25);
    expect(computeScore({ risks: [{ id: "a", title: "t", severity: "critical", factors: [] }], findings: [], workloads: 500 }).score).toBeLessThanOrEqual(40);
  });

  it("stays within 0..100 with one decimal, and removing any open item never lowers it", () => {
    fc.assert(
      fc.property(input, fc.nat(), fc.boolean(), (x, k, risk) => {
        const { score } = computeScore(x);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(Math.round(score * 10)).toBeCloseTo(score * 10, 6);
        const list = risk ? x.risks : x.findings;
        if (list.length === 0) return;
        const i = k % list.length;
        const fixed = risk ? { ...x, risks: x.risks.filter((_, j) => j !== i) } : { ...x, findings: x.findings.filter((_, j) => j !== i) };
        expect(computeScore(fixed).score).toBeGreaterThanOrEqual(score);
      }),
    );
  });

  it("explains itself: each item's impact is what fixing it alone would gain", () => {
    const x: ScoreInput = {
      risks: [{ id: "r1", title: "Node takeover: DaemonSet logging/log-agent gives root on the node", severity: "critical", factors: [], direct: true }],
      findings: [{ severity: "medium" }, { severity: "low" }],
      workloads: 2,
    };
    const { score, items } = computeScore(x);
    expect(items[0]).toMatchObject({ kind: "risk", riskId: "r1" });
    const without = computeScore({ ...x, risks: [] }).score;
    expect(items[0]!.impact).toBeCloseTo(without - score, 1);
    expect(items.find((i) => i.kind === "hygiene")!.impact).toBeGreaterThan(0);
  });
});

describe("fleetScore", () => {
  it("weights the worst clusters and is monotone", () => {
    expect(fleetScore([])).toBeUndefined();
    expect(fleetScore([80, 80])).toBeCloseTo(80, 0);
    const mixed = fleetScore([20, 95, 95, 95, 95, 95, 95, 95, 95, 95])!;
    expect(mixed).toBeLessThan(87.5);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 10 }), fc.nat(), (scores, k) => {
        const i = k % scores.length;
        const up = scores.slice();
        up[i] = Math.min(100, up[i]! + 10);
        expect(fleetScore(up)!).toBeGreaterThanOrEqual(fleetScore(scores)!);
        expect(fleetScore(scores)!).toBeLessThanOrEqual(Math.max(...scores));
        expect(fleetScore(scores)!).toBeGreaterThanOrEqual(Math.min(...scores) - 0.1);
      }),
    );
  });
});

describe("the score of a snapshot", () => {
  const pod = (spec: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: app}\nspec:\n${spec
      .split("\n")
      .map((l) => `  ${l}`)
      .join("\n")}\n`;
  const scoreOf = (yaml: string) => {
    const p = parseManifests(yaml, "x.yaml");
    return evaluate(snapshotFromManifests(p.objects, p.locations)).score;
  };
  const admin = `---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: all}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: default, namespace: app}]\n`;
  const everything = pod(
    `hostPID: true\nhostNetwork: true\nhostIPC: true\ncontainers:\n- name: c\n  image: busybox\n  securityContext: {privileged: true, capabilities: {add: [ALL]}}\n  volumeMounts: [{name: root, mountPath: /host}]\nvolumes: [{name: root, hostPath: {path: /}}]`,
  ) + admin;
  const privileged = pod(`containers:\n- {name: c, image: "nginx:1.27.3", securityContext: {privileged: true}}`);
  const hostNamespaces = pod(`hostPID: true\nhostNetwork: true\nhostIPC: true\ncontainers:\n- {name: c, image: "nginx:1.27.3"}`);
  const defaults = pod(`containers:\n- {name: c, image: "nginx:1.27.3"}`);

  it('orders "everything allowed" < "privileged or host root" < "host namespaces only" < "a default pod"', () => {
    const s = [everything, privileged, hostNamespaces, defaults].map(scoreOf);
    expect(s[0]).toBeLessThan(s[1]!);
    expect(s[1]).toBeLessThan(s[2]!);
    expect(s[2]).toBeLessThan(s[3]!);
    expect(s[1]).toBeLessThanOrEqual(25);
    expect(s[3]).toBeGreaterThan(70);
  });

  it("a hostPath runtime socket is a node takeover: at most 40", () => {
    expect(scoreOf(pod(`containers:\n- {name: c, image: "nginx:1.27.3", volumeMounts: [{name: s, mountPath: /run/containerd/containerd.sock}]}\nvolumes: [{name: s, hostPath: {path: /run/containerd/containerd.sock}}]`))).toBeLessThanOrEqual(40);
  });

  it("fixing a critical visibly raises it", () => {
    const two = privileged + "---\n" + privileged.replace("name: p,", "name: q,");
    expect(scoreOf(privileged) - scoreOf(two)).toBeGreaterThanOrEqual(1);
  });
});
