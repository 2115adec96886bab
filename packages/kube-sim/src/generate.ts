// A synthetic but realistic cluster of about N objects for scale tests and benchmarks:
// namespaces of ~200 objects, each with apps (Deployment -> ReplicaSet -> Pods, Service,
// ServiceAccount, ConfigMap, Secret) whose security settings vary the way real fleets do.
import type { KubeObject } from "./types";
import { basics, namespaceDefaults } from "./scenarios/basics";
import {
  allowDns,
  chance,
  configMap,
  container,
  ctx,
  defaultDeny,
  deployment,
  digestOf,
  namespace,
  pick,
  podSpec,
  role,
  roleBinding,
  secret,
  service,
  serviceAccount,
  suffix,
} from "./scenarios/builders";

const TEAMS = ["checkout", "search", "identity", "billing", "catalog", "media", "analytics", "platform", "growth", "support"];
const APPS = ["api", "worker", "web", "gateway", "indexer", "scheduler", "sync", "exporter", "consumer", "renderer"];
const REGISTRIES = ["registry.corp.example", "ghcr.io/corp", "docker.io/library", "quay.io/corp"];

export function generateCluster(opts: { objects: number; seed?: number; version?: string }): KubeObject[] {
  const target = Math.max(0, Math.floor(opts.objects));
  const seed = opts.seed ?? 42;
  const minor = Number(/^v?1\.(\d+)/.exec(opts.version ?? "1.29")?.[1] ?? 29);
  const nodeCount = Math.max(3, Math.min(200, Math.round(target / 1000)));
  const c = ctx(seed, Array.from({ length: nodeCount }, (_, i) => `node-${String(i).padStart(3, "0")}`));
  const r = c.r;
  const out: KubeObject[] = target >= 400 ? namespaceDefaults(c, basics(c, minor)) : [];

  let nsIndex = 0;
  while (out.length < target) {
    const team = TEAMS[nsIndex % TEAMS.length]!;
    const nsName = `${team}-${nsIndex.toString().padStart(3, "0")}`;
    nsIndex++;
    const hardenedNs = chance(r, 0.4);
    const nsObjs: KubeObject[] = [
      namespace(c, nsName, hardenedNs ? { team, "pod-security.kubernetes.io/enforce": "restricted" } : { team }),
      serviceAccount(c, nsName, "default", hardenedNs ? false : undefined),
      configMap(c, nsName, "kube-root-ca.crt", { "ca.crt": "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n" }),
      role(c, nsName, "developer", [
        { apiGroups: ["", "apps"], resources: ["pods", "deployments", "services", "configmaps"], verbs: ["get", "list", "watch", "update", "patch"] },
        ...(chance(r, 0.3) ? [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }] : []),
        ...(chance(r, 0.05) ? [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] : []),
      ]),
      roleBinding(c, nsName, "developers", "Role", "developer", [{ kind: "Group", name: `${team}-devs` }]),
    ];
    if (hardenedNs || chance(r, 0.3)) nsObjs.push(defaultDeny(c, nsName), allowDns(c, nsName));
    // ~200 objects per namespace, never overshooting the target by more than one app.
    const budget = Math.min(200, target - out.length);
    let appIndex = 0;
    while (nsObjs.length < budget) {
      const base = APPS[appIndex % APPS.length]!;
      const name = appIndex < APPS.length ? base : `${base}-${Math.floor(appIndex / APPS.length)}`;
      appIndex++;
      const replicas = pick(r, [1, 2, 2, 3, 3, 4]);
      const appSize = 7 + replicas; // deploy, rs, pods, svc, sa, cm, secret
      if (nsObjs.length + appSize > budget) break;
      const hardened = hardenedNs ? chance(r, 0.9) : chance(r, 0.35);
      const tag = chance(r, 0.1) ? "latest" : `${1 + Math.floor(r() * 4)}.${Math.floor(r() * 20)}.${Math.floor(r() * 10)}`;
      const imageName = `${pick(r, REGISTRIES)}/${team}-${base}:${tag}`;
      const image = hardened && chance(r, 0.7) ? `${imageName.split(":")[0]}@${digestOf(imageName)}` : imageName;
      const sa = `${name}-sa`;
      const env: Array<Record<string, unknown>> = [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: `${name}-secrets`, key: "password" } } }];
      if (!hardened && chance(r, 0.1)) env.push({ name: "API_TOKEN", value: `tok_${suffix(r, 24)}` });
      const ctr = container({
        name: base,
        image,
        port: 8080,
        hardened,
        resources: hardened ? true : pick(r, [true, "requests-only", false] as const),
        probes: hardened || chance(r, 0.5),
        privileged: !hardened && chance(r, 0.05),
        runAsRoot: !hardened && chance(r, 0.2),
        env,
      });
      const spec = podSpec({
        containers: [ctr],
        serviceAccountName: chance(r, 0.8) ? sa : "default",
        automountServiceAccountToken: hardened ? false : undefined,
        podSecurity: hardened,
        hostNetwork: !hardened && chance(r, 0.02),
      });
      nsObjs.push(
        ...deployment(c, nsName, name, { replicas, labels: { team }, spec }),
        service(c, nsName, name, 8080, !hardened && chance(r, 0.05) ? "LoadBalancer" : "ClusterIP"),
        serviceAccount(c, nsName, sa, hardened ? false : undefined),
        configMap(c, nsName, `${name}-config`, { LOG_LEVEL: pick(r, ["info", "debug", "warn"]), REGION: "eu-west-1" }),
        secret(c, nsName, `${name}-secrets`, { password: suffix(r, 16), "api-key": suffix(r, 32) }),
      );
    }
    // Fill the rest of a short final namespace with ConfigMaps so the total is exact.
    let pad = 0;
    while (nsObjs.length < budget) nsObjs.push(configMap(c, nsName, `settings-${pad++}`, { key: suffix(r, 8) }));
    for (const o of nsObjs) out.push(o);
  }
  return out.length > target ? out.slice(0, target) : out;
}
