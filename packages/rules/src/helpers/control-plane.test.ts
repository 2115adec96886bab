import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import type { KubeObject, Snapshot } from "../types";
import { CONTROL_PLANE_CHECKS, controlPlaneInstances } from "./control-plane";
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

  it("has unique ids and a failing and passing fixture command line for every check", () => {
    const ids = CONTROL_PLANE_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONTROL_PLANE_CHECKS) {
      const pod = (flags: string[]): KubeObject => ({ ...apiserver([c.component, ...flags]), metadata: { name: `${c.component}-x`, namespace: "kube-system", labels: { component: c.component } } }) as KubeObject;
      const bad = evaluate(snap([pod(c.fixture.fail)]), { onlyRules: [c.id] });
      const good = evaluate(snap([pod(c.fixture.pass)]), { onlyRules: [c.id] });
      expect(bad.findings.length, `${c.id} fail flags`).toBeGreaterThan(0);
      expect(good.findings.length, `${c.id} pass flags`).toBe(0);
    }
  });
});
