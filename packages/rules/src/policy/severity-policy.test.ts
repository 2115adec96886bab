import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { parseManifests, snapshotFromManifests } from "../manifests";
import { builtinRules } from "../rules";
import { CLASS_SEVERITY, SEVERITY_POLICY, inProfile, severityClass } from "./index";

const ruleIds = new Set(builtinRules.map((r) => r.id));

describe("severity policy table", () => {
  it("has an entry for every built-in rule", () => {
    expect(builtinRules.map((r) => r.id).filter((id) => !SEVERITY_POLICY[id])).toEqual([]);
  });

  it("names only built-in rules", () => {
    expect(Object.keys(SEVERITY_POLICY).filter((id) => !ruleIds.has(id))).toEqual([]);
  });

  it("gives a reason wherever a rule's severity departs from its class", () => {
    const unexplained = builtinRules
      .filter((r) => {
        const e = SEVERITY_POLICY[r.id];
        return e && r.severity !== CLASS_SEVERITY[e.class] && !e.reason?.trim();
      })
      .map((r) => `${r.id}: ${r.severity}, class ${SEVERITY_POLICY[r.id]!.class} (${CLASS_SEVERITY[SEVERITY_POLICY[r.id]!.class]})`);
    expect(unexplained).toEqual([]);
  });

  it("runs every best-practice rule in the strict profile only", () => {
    const loud = builtinRules.filter((r) => SEVERITY_POLICY[r.id]?.class === "best-practice" && r.profile !== "strict").map((r) => r.id);
    expect(loud).toEqual([]);
  });

  it("never hides a takeover or one-step rule behind the strict profile", () => {
    const hidden = builtinRules
      .filter((r) => r.profile === "strict" && ["takeover", "one-step"].includes(SEVERITY_POLICY[r.id]?.class ?? ""))
      .map((r) => r.id);
    expect(hidden).toEqual([]);
  });

  it("records peer severities only for peers the rule claims", () => {
    const stray = builtinRules.flatMap((r) =>
      Object.keys(SEVERITY_POLICY[r.id]?.peers ?? {})
        .filter((peer) => !(r.peers[peer as keyof typeof r.peers] ?? []).length)
        .map((peer) => `${r.id}: ${peer}`),
    );
    expect(stray).toEqual([]);
  });

  it("keeps what the issue names at its calibrated severity", () => {
    const sev = (id: string) => builtinRules.find((r) => r.id === id)?.severity;
    expect(sev("allow-privilege-escalation")).toBe("medium");
    expect(sev("host-path-sensitive")).not.toBe("critical");
    expect(sev("runtime-socket-mount")).toBe("critical");
    expect(sev("privileged-container")).toBe("critical");
    for (const id of ["sysctls-not-set", "selinux-options-not-set", "supplementalgroups-set", "fsgroupchangepolicy-set", "fsgroup-set"]) {
      expect(sev(id), id).toBe("info");
      expect(builtinRules.find((r) => r.id === id)?.profile, id).toBe("strict");
    }
  });
});

describe("severityClass and inProfile", () => {
  it("looks up a rule's class, and nothing for unknown or inherited keys", () => {
    expect(severityClass("privileged-container")).toBe("takeover");
    expect(severityClass("pdb-missing")).toBe("hygiene");
    expect(severityClass("custom-anything")).toBeUndefined();
    expect(severityClass("toString")).toBeUndefined();
  });

  it("runs everything in strict and only non-strict rules in default", () => {
    expect(inProfile({}, "default")).toBe(true);
    expect(inProfile({ profile: "default" }, "default")).toBe(true);
    expect(inProfile({ profile: "strict" }, "default")).toBe(false);
    expect(inProfile({ profile: "strict" }, "strict")).toBe(true);
    expect(inProfile({}, "strict")).toBe(true);
  });
});

// What a new user deploys first: one nginx container, no securityContext, no resources, no probes.
const DEFAULT_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
`;

describe("default profile on a default Deployment", () => {
  const parsed = parseManifests(DEFAULT_DEPLOYMENT, "deploy.yaml");
  const snapshot = snapshotFromManifests(parsed.objects, parsed.locations, {});
  const defaultRules = builtinRules.filter((r) => inProfile(r, "default")).map((r) => r.id);

  it("reports what a reviewer raises, nothing high, at most about a dozen rules", () => {
    const res = evaluate(snapshot, { onlyRules: defaultRules });
    const fired = new Set(res.findings.flatMap((f) => f.checks ?? [f.ruleId]));
    expect(fired.has("allow-privilege-escalation")).toBe(true);
    expect(fired.has("memory-limits-missing")).toBe(true);
    expect(res.findings.filter((f) => f.severity === "critical" || f.severity === "high").map((f) => f.ruleId)).toEqual([]);
    expect(fired.size).toBeLessThanOrEqual(15);
  });

  it("leaves the hygiene and best-practice noise to the strict profile", () => {
    const all = evaluate(snapshot, { onlyRules: builtinRules.map((r) => r.id) });
    const strictOnly = new Set(all.findings.flatMap((f) => f.checks ?? [f.ruleId]).filter((id) => !defaultRules.includes(id)));
    for (const id of ["sysctls-not-set", "liveness-probe-missing", "cpu-limits-missing", "pdb-missing", "recommended-labels-missing"]) {
      expect(strictOnly.has(id), id).toBe(true);
    }
  });
});
