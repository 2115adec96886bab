// Incremental judging re-judges a change's dependents only, and still equals evaluate(). The
// equivalence property test over the kube-sim scenarios (hundreds of random batches) lives in
// packages/kube-sim/src/incremental-judging.test.ts, as this package may not import the simulator.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { changeRef as ref, clusterSnapshot, comparableResult, testPod as podObject } from "../testing";
import { evaluate } from "./evaluate";
import { judgeChanges, judgeFull, type ObjectChangeRef } from "./incremental";

const snap = clusterSnapshot;
const canon = comparableResult;
const clone = <T>(o: T): T => structuredClone(o);
const ns = (o: KubeObject) => o.metadata.namespace;
const nm = (o: KubeObject) => o.metadata.name ?? "";


describe("what a change re-judges", () => {
  const workloadKinds = new Set(["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"]);
  const workloadsIn = (keys: string[] | undefined) => (keys ?? []).filter((k) => workloadKinds.has(k.split("/")[0]!)).sort();

  function cluster(): KubeObject[] {
    const objs: KubeObject[] = [];
    for (const n of ["team-a", "team-b"]) {
      objs.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: n, uid: `ns-${n}` } });
      for (const sa of ["default", "builder", "web"]) objs.push({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: sa, namespace: n, uid: `sa-${n}-${sa}` } });
      for (const [app, sa] of [["build-1", "builder"], ["build-2", "builder"], ["web-1", "web"], ["web-2", "web"], ["misc", undefined]] as const) {
        const pod = podObject(n, app, { ...(sa ? { sa } : {}), labels: { app, tier: app.split("-")[0]! } });
        pod.metadata.uid = `pod-${n}-${app}`;
        objs.push(pod);
      }
      objs.push({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "reader", namespace: n, uid: `role-${n}` }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] });
      objs.push({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "readers", namespace: n, uid: `rb-${n}` }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" }, subjects: [{ kind: "ServiceAccount", name: "web", namespace: n }] });
    }
    return objs;
  }

  it("a RoleBinding change re-judges the workloads whose service accounts it names, not the rest of the namespace", () => {
    const objs = cluster();
    const { judge } = judgeFull(snap(objs), {});
    const rb = objs.find((o) => o.kind === "RoleBinding" && ns(o) === "team-a")!;
    const next = clone(rb);
    (next as any).roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" };
    (next as any).subjects = [{ kind: "ServiceAccount", name: "builder", namespace: "team-a" }];
    next.metadata.resourceVersion = "2";
    const s = snap(objs.map((o) => (o === rb ? next : o)));
    const out = judgeChanges(judge, s, [ref(next, rb)], {});
    expect(out.rejudged.full).toBe(false);
    // The binding used to name "web" and now names "builder": both sets of workloads, nothing else.
    expect(workloadsIn(out.rejudged.objectKeys)).toEqual(["Pod/team-a/build-1", "Pod/team-a/build-2", "Pod/team-a/web-1", "Pod/team-a/web-2"]);
    expect(out.rejudged.objectKeys).toContain("RoleBinding/team-a/readers");
    // (a whole-cluster binding rule re-reads every binding, so team-b's binding is re-judged too)
    expect(workloadsIn(out.rejudged.objectKeys).filter((k) => k.includes("/team-b/"))).toEqual([]);
    expect(canon(out.result)).toEqual(canon(evaluate(s, {})));
  });

  it("a pod change in one namespace never re-judges another", () => {
    const objs = cluster();
    const { judge } = judgeFull(snap(objs), {});
    const pod = podObject("team-b", "new", { privileged: true });
    pod.metadata.uid = "pod-new";
    const s = snap([...objs, pod]);
    const out = judgeChanges(judge, s, [ref(pod)], {});
    expect(out.rejudged.full).toBe(false);
    expect(out.rejudged.namespaces).toEqual(["team-b"]);
    expect((out.rejudged.objectKeys ?? []).filter((k) => k.includes("/team-a/"))).toEqual([]);
    expect(out.result.findings.some((f) => f.ruleId === "privileged-container" && f.object.name === "new")).toBe(true);
    expect(canon(out.result)).toEqual(canon(evaluate(s, {})));
  });

  it("a NetworkPolicy change re-judges the pods it selects", () => {
    const objs = cluster();
    const { judge } = judgeFull(snap(objs), {});
    const np: KubeObject = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "web-only", namespace: "team-b", uid: "np-1" }, spec: { podSelector: { matchLabels: { tier: "web" } }, policyTypes: ["Ingress"] } };
    const s = snap([...objs, np]);
    const out = judgeChanges(judge, s, [ref(np)], {});
    expect(out.rejudged.full).toBe(false);
    expect(workloadsIn(out.rejudged.objectKeys)).toEqual(["Pod/team-b/web-1", "Pod/team-b/web-2"]);
    expect(canon(out.result)).toEqual(canon(evaluate(s, {})));
  });

  it("changed settings judge everything again, and say why", () => {
    const objs = cluster();
    const { judge } = judgeFull(snap(objs), {});
    const out = judgeChanges(judge, snap(objs), [], { disabledRules: ["privileged-container"] });
    expect(out.rejudged).toMatchObject({ full: true, reason: "settings changed" });
  });
});
