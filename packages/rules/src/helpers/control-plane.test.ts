import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import type { KubeObject, Snapshot } from "../types";
import { controlPlaneRules } from "../rules/control-plane";
import { NOT_VISIBLE, controlPlaneInstances } from "./control-plane";
import { buildIndex } from "../engine/snapshot-index";

const apiserver = (command: string[], args?: string[]): KubeObject =>
  ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "kube-apiserver-cp", namespace: "kube-system", labels: { component: "kube-apiserver", tier: "control-plane" } },
    spec: { containers: [{ name: "kube-apiserver", image: "registry.k8s.io/kube-apiserver:v1.30.2", command, ...(args ? { args } : {}) }] },
  }) as KubeObject;

const snap = (objects: KubeObject[]): Snapshot => ({ source: "cluster", objects, kinds: [], kindsComplete: true });

describe("control-plane flags", () => {
  it("parses --flag=value, --flag value and bare flags; the last occurrence wins", () => {
    const s = snap([apiserver(["/usr/local/bin/kube-apiserver", "--profiling=true", "--audit-log-path", "/var/log/a.log", "--v=2"], ["--profiling=false", "--allow-privileged"])]);
    const [inst] = controlPlaneInstances({ snapshot: s, index: buildIndex(s), params: {} });
    expect(inst!.component).toBe("kube-apiserver");
    expect(inst!.flags.get("profiling")).toEqual({ value: "false", path: "spec.containers[0].args[0]" });
    expect(inst!.flags.get("audit-log-path")).toEqual({ value: "/var/log/a.log", path: "spec.containers[0].command[2]" });
    expect(inst!.flags.get("allow-privileged")?.value).toBe("true");
  });

  it("reports the exact token path and is not evaluated without control-plane pods", () => {
    const res = evaluate(snap([apiserver(["kube-apiserver", "--authorization-mode=Node,AlwaysAllow"])]), { onlyRules: ["apiserver-authorization-always-allow", "etcd-client-cert-auth"] });
    const f = res.findings.find((x) => x.ruleId === "apiserver-authorization-always-allow");
    expect(f?.path).toBe("spec.containers[0].command[1]");
    const etcd = res.rules.find((r) => r.id === "etcd-client-cert-auth");
    expect(etcd?.status).toBe("not-evaluated");
    expect(etcd?.reason).toMatch(/^control plane not visible \(managed cluster\?\)/);
  });

  it("judges only the rule's own component, and is not evaluated when that component is not visible", () => {
    const pod = (component: string, flags: string[]): KubeObject =>
      ({ ...apiserver([component, ...flags]), metadata: { name: `${component}-cp`, namespace: "kube-system", labels: { component } } }) as KubeObject;
    const res = evaluate(snap([pod("kube-scheduler", ["--profiling=true"]), pod("kube-apiserver", ["--profiling=false"])]), {
      onlyRules: ["scheduler-profiling", "apiserver-profiling", "controller-manager-profiling"],
    });
    expect(res.findings.map((f) => [f.ruleId, f.message])).toEqual([["scheduler-profiling", "kube-scheduler: --profiling=true; profiling endpoints are exposed"]]);
    expect(res.rules.find((r) => r.id === "apiserver-profiling")?.status).toBe("passed");
    const cm = res.rules.find((r) => r.id === "controller-manager-profiling");
    expect(cm?.status).toBe("not-evaluated");
    expect(cm?.reason).toBe(`${NOT_VISIBLE}: no kube-controller-manager pod`);
  });

  it("reports every control-plane rule not evaluated, never passed, on a managed cluster", () => {
    const app = { apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default" }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } } as KubeObject;
    const res = evaluate(snap([app]), { onlyRules: controlPlaneRules.map((r) => r.id) });
    expect(controlPlaneRules.length).toBeGreaterThan(40);
    for (const r of controlPlaneRules) {
      const status = res.rules.find((x) => x.id === r.id);
      expect(status?.status, r.id).toBe("not-evaluated");
      expect(status?.reason, r.id).toMatch(/^control plane not visible \(managed cluster\?\)/);
    }
  });
});
