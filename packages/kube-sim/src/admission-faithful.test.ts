// Faithfulness of the generated admission policies: for every rule in ADMISSION_POLICY_RULES, each
// object of the rule's own fixtures (and a few built here) is judged by the rule alone and by the
// policy through kube-sim's evaluator; the policy must deny exactly the objects the rule flags.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ADMISSION_POLICY_RULES, evaluate, generateAdmissionPolicies, type KubeObject } from "@bulwark/rules";
import { clusterSnapshot } from "@bulwark/rules/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { admit, type AdmissionRequest } from "./admission";

const require = createRequire(import.meta.url);
const rulesDir = join(dirname(require.resolve("@bulwark/rules")), "rules");

interface FixtureCase {
  name: string;
  params?: Record<string, unknown>;
  objects: KubeObject[];
}

const fixtures = new Map<string, FixtureCase[]>();
for (const rel of readdirSync(rulesDir, { recursive: true }) as string[]) {
  if (!rel.endsWith(".fixtures.yaml")) continue;
  const id = rel.split(/[\\/]/).pop()!.replace(/\.fixtures\.yaml$/, "");
  const doc = parse(readFileSync(join(rulesDir, rel), "utf8")) as { cases: FixtureCase[] };
  fixtures.set(id, doc.cases ?? []);
}

const RESOURCES: Record<string, { group: string; version: string; resource: string; namespaced: boolean }> = {
  Pod: { group: "", version: "v1", resource: "pods", namespaced: true },
  ReplicationController: { group: "", version: "v1", resource: "replicationcontrollers", namespaced: true },
  Service: { group: "", version: "v1", resource: "services", namespaced: true },
  PersistentVolume: { group: "", version: "v1", resource: "persistentvolumes", namespaced: false },
  Deployment: { group: "apps", version: "v1", resource: "deployments", namespaced: true },
  StatefulSet: { group: "apps", version: "v1", resource: "statefulsets", namespaced: true },
  DaemonSet: { group: "apps", version: "v1", resource: "daemonsets", namespaced: true },
  ReplicaSet: { group: "apps", version: "v1", resource: "replicasets", namespaced: true },
  Job: { group: "batch", version: "v1", resource: "jobs", namespaced: true },
  CronJob: { group: "batch", version: "v1", resource: "cronjobs", namespaced: true },
};

function request(obj: KubeObject): AdmissionRequest | undefined {
  const r = RESOURCES[obj.kind];
  if (!r) return undefined;
  const { group, version } = obj.apiVersion.includes("/") ? { group: obj.apiVersion.split("/")[0]!, version: obj.apiVersion.split("/")[1]! } : { group: "", version: obj.apiVersion };
  if (group !== r.group || version !== r.version) return undefined;
  return {
    operation: "CREATE",
    group,
    version,
    kind: obj.kind,
    resource: r.resource,
    namespaced: r.namespaced,
    name: String(obj.metadata?.name ?? ""),
    namespace: r.namespaced ? (obj.metadata?.namespace ?? "default") : undefined,
    object: obj,
    userInfo: { username: "test", groups: ["system:authenticated"] },
    dryRun: false,
  };
}

const pod = (spec: Record<string, unknown>, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", namespace: "shop", ...(extra.metadata ?? {}) },
  spec: { containers: [{ name: "app", image: "ghcr.io/acme/app:1.2.3" }], ...spec },
});
const deploy = (podSpec: Record<string, unknown>): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "d", namespace: "shop" },
  spec: { selector: { matchLabels: { app: "d" } }, template: { metadata: { labels: { app: "d" } }, spec: podSpec } },
});

/** Extra objects for every rule: a spread of common shapes, judged both ways like the fixtures. */
const EXTRA: KubeObject[] = [
  pod({}),
  pod({ containers: [{ name: "app", image: "nginx" }] }),
  pod({ containers: [{ name: "app", image: "nginx:latest", securityContext: { privileged: true } }] }),
  pod({ hostNetwork: true, hostPID: true, hostIPC: true }),
  pod({ securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } } }),
  pod({ securityContext: { runAsUser: 0, seccompProfile: { type: "Unconfined" } } }),
  pod({
    securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    containers: [
      {
        name: "app",
        image: "ghcr.io/acme/app@sha256:" + "a".repeat(64),
        imagePullPolicy: "Always",
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
        resources: { limits: { cpu: "1", memory: "1Gi", "ephemeral-storage": "1Gi" }, requests: { cpu: "100m", memory: "128Mi" } },
      },
    ],
  }),
  pod({ containers: [{ name: "app", image: "busybox:1.36", securityContext: { capabilities: { add: ["NET_ADMIN", "cap_sys_admin", "chown"], drop: ["net_raw"] } } }] }),
  pod({ initContainers: [{ name: "init", image: "busybox", ports: [{ containerPort: 80, hostPort: 8080 }] }], containers: [{ name: "app", image: "docker.io/library/nginx:1.27" }] }),
  pod({ os: { name: "windows" }, securityContext: { windowsOptions: { hostProcess: true } }, containers: [{ name: "app", image: "mcr.microsoft.com/windows:ltsc2022" }] }),
  pod({ volumes: [{ name: "h", hostPath: { path: "/var/run/docker.sock" } }, { name: "n", nfs: { server: "x", path: "/" } }] }),
  pod({ securityContext: { sysctls: [{ name: "kernel.msgmax", value: "1" }], seLinuxOptions: { type: "spc_t" } } }),
  pod({ hostAliases: [{ ip: "1.2.3.4", hostnames: ["x"] }], serviceAccount: "old" }),
  pod({ containers: [{ name: "app", image: "nginx:1", livenessProbe: { httpGet: { host: "169.254.169.254", port: 80 } }, securityContext: { procMount: "Unmasked", appArmorProfile: { type: "Unconfined" } } }] }),
  deploy({ containers: [{ name: "web", image: "quay.io/acme/web:2", securityContext: { runAsNonRoot: false } }] }),
  deploy({ securityContext: { runAsNonRoot: true }, containers: [{ name: "web", image: "registry-1.docker.io/acme/web:2" }] }),
  { apiVersion: "v1", kind: "Service", metadata: { name: "s", namespace: "shop" }, spec: { type: "NodePort", ports: [{ port: 80 }] } },
  { apiVersion: "v1", kind: "Service", metadata: { name: "lb", namespace: "shop" }, spec: { type: "LoadBalancer", externalIPs: ["1.2.3.4"] } },
  { apiVersion: "v1", kind: "Service", metadata: { name: "lb2", namespace: "shop", annotations: { "networking.gke.io/load-balancer-type": "Internal" } }, spec: { type: "LoadBalancer" } },
  { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv" }, spec: { hostPath: { path: "/data" } } },
];

const REGISTRIES = ["ghcr.io/acme", "docker.io"];

describe("generated admission policies deny exactly what their rules flag", () => {
  it("covers at least 20 rules", () => {
    expect(ADMISSION_POLICY_RULES.length).toBeGreaterThanOrEqual(20);
  });

  for (const ruleId of ADMISSION_POLICY_RULES) {
    it(ruleId, () => {
      const cases: FixtureCase[] = [...(fixtures.get(ruleId) ?? []), ...EXTRA.map((o, i) => ({ name: `extra ${i}`, objects: [o] }))];
      let judged = 0;
      let flagged = 0;
      for (const c of cases) {
        const registries = Array.isArray(c.params?.allowedRegistries) ? (c.params!.allowedRegistries as string[]) : REGISTRIES;
        const set = generateAdmissionPolicies({ ruleIds: [ruleId], excludeNamespaces: [], allowedRegistries: registries });
        expect(set.ruleIds, JSON.stringify(set.skipped)).toEqual([ruleId]);
        const policies = set.objects.filter((o) => o.kind === "ValidatingAdmissionPolicy");
        const bindings = set.objects.filter((o) => o.kind === "ValidatingAdmissionPolicyBinding");
        for (const obj of c.objects) {
          const req = request(obj);
          if (!req) continue;
          const res = evaluate(clusterSnapshot([obj]), { onlyRules: [ruleId], params: { ...(c.params ?? {}), allowedRegistries: registries } });
          const ruleFlags = res.findings.some((f) => f.ruleId === ruleId);
          const out = admit(policies, bindings, req);
          const label = `${c.name}: ${obj.kind} ${obj.metadata?.name}`;
          expect(!!out.denial, `${label}: rule ${ruleFlags ? "flags" : "passes"} it, policy ${out.denial ? `denies (${out.denial.message})` : "admits"}`).toBe(ruleFlags);
          if (out.denial) expect(out.denial.message).toContain(`[${ruleId}]`);
          judged++;
          if (ruleFlags) flagged++;
        }
      }
      // Both outcomes were exercised.
      expect(flagged, "objects the rule flags").toBeGreaterThan(0);
      expect(judged - flagged, "objects the rule passes").toBeGreaterThan(0);
    });
  }
});
