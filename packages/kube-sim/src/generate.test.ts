// Generated clusters and built-in scenarios: size, determinism, and the object graph a real
// cluster has (Pod -> ReplicaSet -> Deployment by uid).
import { describe, expect, it } from "vitest";
import { generateCluster, scenarios, type KubeObject } from "./index";

function checkOwners(objs: KubeObject[]): { pods: number; owned: number } {
  const byUid = new Map(objs.map((o) => [o.metadata.uid!, o]));
  let pods = 0;
  let owned = 0;
  for (const o of objs) {
    for (const ref of o.metadata.ownerReferences ?? []) {
      const owner = byUid.get(ref.uid);
      expect(owner, `${o.kind} ${o.metadata.namespace}/${o.metadata.name} -> ${ref.kind} ${ref.name}`).toBeDefined();
      expect(owner!.kind).toBe(ref.kind);
      expect(owner!.metadata.name).toBe(ref.name);
      if (owner!.metadata.namespace !== undefined) expect(owner!.metadata.namespace).toBe(o.metadata.namespace);
    }
    if (o.kind === "Pod") {
      pods++;
      if (o.metadata.ownerReferences?.length) owned++;
    }
  }
  return { pods, owned };
}

describe("generateCluster", () => {
  it("builds ~N objects with a sane object graph, quickly and deterministically", () => {
    const t = Date.now();
    const objs = generateCluster({ objects: 10_000, seed: 3 });
    expect(Date.now() - t).toBeLessThan(5000);
    expect(Math.abs(objs.length - 10_000)).toBeLessThanOrEqual(500);
    const keys = new Set(objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`));
    expect(keys.size).toBe(objs.length);
    expect(new Set(objs.map((o) => o.metadata.uid)).size).toBe(objs.length);
    const { pods, owned } = checkOwners(objs);
    expect(pods).toBeGreaterThan(2000);
    expect(owned).toBe(pods); // every generated pod is controller-owned
    const rsOfPods = objs.filter((o) => o.kind === "Pod" && o.metadata.ownerReferences?.[0]?.kind === "ReplicaSet");
    expect(rsOfPods.length).toBeGreaterThan(pods * 0.9);
    const namespaces = objs.filter((o) => o.kind === "Namespace").length;
    expect(namespaces).toBeGreaterThanOrEqual(40);
    expect(namespaces).toBeLessThanOrEqual(70);
    for (const kind of ["Deployment", "ReplicaSet", "Service", "ServiceAccount", "Role", "RoleBinding", "NetworkPolicy", "ConfigMap", "Secret"])
      expect(objs.some((o) => o.kind === kind), kind).toBe(true);
    const secrets = objs.filter((o) => o.kind === "Secret" && o.metadata.namespace !== "kube-system");
    expect(secrets.every((s) => s.type === "Opaque" && Object.keys(s.data as object).length > 0)).toBe(true);
    // a mix of good and bad settings
    const containers = objs.filter((o) => o.kind === "Deployment").map((d) => (d.spec as any).template.spec.containers[0]);
    const hardened = containers.filter((c) => c.securityContext?.readOnlyRootFilesystem === true).length;
    expect(hardened).toBeGreaterThan(containers.length * 0.2);
    expect(hardened).toBeLessThan(containers.length * 0.9);
    expect(containers.some((c) => String(c.image).endsWith(":latest"))).toBe(true);
    expect(JSON.stringify(generateCluster({ objects: 2000, seed: 3 }))).toBe(JSON.stringify(generateCluster({ objects: 2000, seed: 3 })));
    expect(JSON.stringify(generateCluster({ objects: 2000, seed: 4 }))).not.toBe(JSON.stringify(generateCluster({ objects: 2000, seed: 3 })));
  });

  it("hits the requested size for small and large N", () => {
    for (const n of [50, 450, 1234]) expect(generateCluster({ objects: n }).length).toBe(n);
  });
});

describe("scenarios", () => {
  const get = (name: string) => scenarios[name]!();
  const find = (objs: KubeObject[], kind: string, name: string, ns?: string) =>
    objs.find((o) => o.kind === kind && o.metadata.name === name && (ns === undefined || o.metadata.namespace === ns));

  it("each has 150-600 objects, kube-system basics and a consistent object graph", () => {
    for (const name of ["payments-prod", "shop-staging", "legacy-onprem"]) {
      const { objects } = get(name);
      expect(objects.length, name).toBeGreaterThanOrEqual(150);
      expect(objects.length, name).toBeLessThanOrEqual(600);
      checkOwners(objects);
      expect(find(objects, "Deployment", "coredns", "kube-system"), name).toBeDefined();
      expect(find(objects, "DaemonSet", "kube-proxy", "kube-system"), name).toBeDefined();
      for (const role of ["cluster-admin", "admin", "edit", "view"]) expect(find(objects, "ClusterRole", role), `${name} ${role}`).toBeDefined();
      expect(find(objects, "ClusterRole", "view")!.aggregationRule).toBeDefined();
      for (const ns of objects.filter((o) => o.kind === "Namespace")) expect(find(objects, "ServiceAccount", "default", ns.metadata.name), `${name} ${ns.metadata.name}`).toBeDefined();
      expect(JSON.stringify(get(name).objects.map((o) => o.metadata.uid))).toBe(JSON.stringify(objects.map((o) => o.metadata.uid)));
    }
  });

  it("payments-prod is hardened with exactly its deliberate gaps", () => {
    const { objects, version } = get("payments-prod");
    expect(version).toBe("1.30");
    const appNs = objects.filter((o) => o.kind === "Namespace" && o.metadata.labels?.environment === "prod");
    expect(appNs.length).toBe(5);
    for (const ns of appNs) {
      expect(ns.metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
      expect(find(objects, "NetworkPolicy", "default-deny-all", ns.metadata.name)).toBeDefined();
    }
    const deps = objects.filter((o) => o.kind === "Deployment" && appNs.some((n) => n.metadata.name === o.metadata.namespace));
    const undigested = deps.filter((d) => !(d.spec as any).template.spec.containers[0].image.includes("@sha256:"));
    expect(undigested.map((d) => d.metadata.name)).toEqual(["notifier"]);
    const withoutPdb = deps.filter((d) => !find(objects, "PodDisruptionBudget", d.metadata.name!, d.metadata.namespace));
    expect(withoutPdb.map((d) => d.metadata.name)).toEqual(["fx-rates"]);
    for (const d of deps) {
      const c = (d.spec as any).template.spec.containers[0];
      expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
      expect(c.resources.limits).toBeDefined();
      expect(c.livenessProbe).toBeDefined();
    }
  });

  it("shop-staging has the common mistakes", () => {
    const { objects, version } = get("shop-staging");
    expect(version).toBe("1.29");
    const images = objects.filter((o) => o.kind === "Deployment").flatMap((d) => (d.spec as any).template.spec.containers.map((c: { image: string }) => c.image));
    expect(images).toContain("ghcr.io/acme-shop/frontend:latest");
    expect(objects.some((o) => o.kind === "Service" && (o.spec as { type: string }).type === "LoadBalancer")).toBe(true);
    expect(objects.some((o) => o.kind === "NetworkPolicy" && o.metadata.namespace === "shop")).toBe(false);
    expect(JSON.stringify(find(objects, "Deployment", "checkout", "shop"))).toContain("STRIPE_API_KEY");
    expect(JSON.stringify(find(objects, "Deployment", "catalog", "shop"))).toContain('"privileged":true');
    expect((find(objects, "Ingress", "storefront", "shop")!.spec as { tls?: unknown }).tls).toBeUndefined();
    expect(JSON.stringify(find(objects, "Role", "ci-deployer", "shop"))).toContain("secrets");
    expect(find(objects, "ServiceAccount", "default", "shop")!.automountServiceAccountToken).toBeUndefined();
  });

  it("legacy-onprem has PSPs, host-level DaemonSets, cluster-admin grants, deprecated APIs and control-plane pods", () => {
    const { objects, version } = get("legacy-onprem");
    expect(version).toBe("1.24");
    expect(objects.filter((o) => o.kind === "PodSecurityPolicy").length).toBeGreaterThanOrEqual(2);
    const ds = find(objects, "DaemonSet", "log-agent", "logging")!;
    expect(JSON.stringify(ds)).toContain('"path":"/"');
    expect((find(objects, "DaemonSet", "node-exporter", "monitoring")!.spec as any).template.spec).toMatchObject({ hostNetwork: true, hostPID: true });
    const admins = objects.filter((o) => o.kind === "ClusterRoleBinding" && (o.roleRef as { name: string }).name === "cluster-admin");
    const subjects = admins.flatMap((b) => b.subjects as Array<{ kind: string; name: string }>);
    expect(subjects).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "ServiceAccount", name: "jenkins" }), expect.objectContaining({ kind: "Group", name: "ops-team" })]));
    expect(objects.some((o) => o.apiVersion === "policy/v1beta1" && o.kind === "PodDisruptionBudget")).toBe(true);
    expect(objects.some((o) => o.apiVersion === "batch/v1beta1" && o.kind === "CronJob")).toBe(true);
    const apiserver = find(objects, "Pod", "kube-apiserver-master-01", "kube-system")!;
    const cmd = (apiserver.spec as any).containers[0].command as string[];
    expect(cmd).toContain("--anonymous-auth=true");
    expect(cmd).toContain("--profiling=true");
    expect(cmd.some((f) => f.startsWith("--audit-log-path"))).toBe(false);
    for (const c of ["etcd", "kube-controller-manager", "kube-scheduler"]) expect(find(objects, "Pod", `${c}-master-01`, "kube-system"), c).toBeDefined();
    expect(objects.filter((o) => o.kind === "Node").length).toBe(5);
  });
});
