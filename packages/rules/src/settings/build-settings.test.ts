import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { parseManifests, snapshotFromManifests } from "../manifests";
import type { BaselineEntry } from "../types";
import { buildEngineSettings } from "./build-settings";

const CUSTOM = {
  id: "custom-min-replicas",
  title: "At least two replicas",
  severity: "medium" as const,
  kinds: ["Deployment"],
  expression: "object.spec.replicas < 2",
  message: "{{kind}} {{namespace}}/{{name}} has one replica",
  remediation: "Run two replicas",
};

const ENTRY: BaselineEntry = {
  id: "own-agent",
  title: "Our agent",
  reason: "The agent reads the host",
  namespaces: ["agents"],
  kinds: ["DaemonSet"],
  names: ["agent"],
  images: ["ghcr.io/acme/agent"],
};

const YAML = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: { privileged: true }
`;

describe("buildEngineSettings", () => {
  it("leaves out what the policy does not set", () => {
    expect(buildEngineSettings({ policy: {} })).toEqual({ settings: {}, notEvaluated: [] });
    expect(buildEngineSettings({ policy: { severityOverrides: {}, disabledRules: [], params: {} } }).settings).toEqual({});
  });

  it("carries overrides, disabled rules, params, profile, baseline, exceptions, cluster and time", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const exception = { id: "exc-1", ruleId: "privileged-container", namespace: "shop", justification: "ok", expiresAt: "2027-01-01T00:00:00Z" };
    const { settings, notEvaluated } = buildEngineSettings({
      policy: {
        severityOverrides: { "privileged-container": "low" },
        disabledRules: ["run-as-root", "run-as-root"],
        params: { allowedRegistries: ["ghcr.io/acme"] },
        profile: "default",
        baseline: { enabled: true, entries: [ENTRY] },
      },
      exceptions: [exception],
      clusterName: "prod",
      now,
      profile: "strict",
    });
    expect(notEvaluated).toEqual([]);
    expect(settings).toEqual({
      severityOverrides: { "privileged-container": "low" },
      disabledRules: ["run-as-root"],
      params: { allowedRegistries: ["ghcr.io/acme"] },
      // The caller's profile wins over the policy's.
      profile: "strict",
      baseline: { enabled: true, entries: [ENTRY] },
      exceptions: [exception],
      clusterName: "prod",
      now: "2026-12-01T00:00:00.000Z",
    });
    expect(buildEngineSettings({ policy: { profile: "strict", baseline: { enabled: false } } }).settings).toEqual({ profile: "strict", baseline: { enabled: false } });
  });

  it("passes CVE exceptions as RuleParams.cveExceptions beside the policy's parameters", () => {
    const cve = { id: "cvx-1", cve: "CVE-2021-23017", repository: "docker.io/library/nginx", clusterName: "prod", state: "accepted" as const, note: "patched in the next release", expiresAt: "2099-01-01T00:00:00.000Z" };
    const withParams = buildEngineSettings({ policy: { params: { allowedRegistries: ["ghcr.io/acme"] } }, cveExceptions: [cve] }).settings;
    expect(withParams.params).toEqual({ allowedRegistries: ["ghcr.io/acme"], cveExceptions: [cve] });
    expect(buildEngineSettings({ policy: {}, cveExceptions: [cve] }).settings).toEqual({ params: { cveExceptions: [cve] } });
    expect(buildEngineSettings({ policy: {}, cveExceptions: [] }).settings).toEqual({});
  });

  it("compiles custom rules and reports the ones that do not compile as not evaluated", () => {
    const broken = { ...CUSTOM, id: "custom-broken", expression: "object.spec.replicas <" };
    const { settings, notEvaluated } = buildEngineSettings({ policy: {}, customRules: [CUSTOM, broken] });
    expect(settings.extraRules?.map((r) => r.id)).toEqual(["custom-min-replicas"]);
    expect(notEvaluated).toEqual([{ id: "custom-broken", status: "not-evaluated", reason: expect.stringMatching(/^custom rule does not compile: .*syntax error/), findings: 0 }]);
  });

  it("is what the engine applies: overrides, disabled rules, exceptions and custom rules change the result", () => {
    const parsed = parseManifests(YAML, "web.yaml");
    const snapshot = snapshotFromManifests(parsed.objects, parsed.locations);
    const plain = evaluate(snapshot, buildEngineSettings({ policy: {} }).settings);
    const privileged = plain.findings.find((f) => f.ruleId === "privileged-container" || f.checks?.includes("privileged-container"));
    expect(privileged?.severity).toBe("critical");
    const { settings } = buildEngineSettings({
      policy: { severityOverrides: { [privileged!.ruleId]: "low" } },
      customRules: [CUSTOM],
      exceptions: [{ id: "exc-1", ruleId: privileged!.ruleId, namespace: "shop", justification: "lab", expiresAt: "2099-01-01T00:00:00Z" }],
    });
    const judged = evaluate(snapshot, settings);
    const same = judged.findings.find((f) => f.fingerprint === privileged!.fingerprint)!;
    expect([same.severity, same.exception?.id]).toEqual(["low", "exc-1"]);
    expect(judged.findings.some((f) => f.ruleId === "custom-min-replicas")).toBe(true);
    const disabled = evaluate(snapshot, buildEngineSettings({ policy: { disabledRules: [privileged!.ruleId] } }).settings);
    expect(disabled.findings.some((f) => f.fingerprint === privileged!.fingerprint)).toBe(false);
  });
});
