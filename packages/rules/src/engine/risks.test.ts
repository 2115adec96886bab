// Every risk path with a case that must produce it and one that must not (engine/risks.ts).
import { describe, expect, it } from "vitest";
import { parseManifests, snapshotFromManifests } from "../manifests";
import type { EngineSettings, EvaluationResult } from "../types";
import { evaluate } from "./evaluate";

function scan(yaml: string, settings: EngineSettings = {}): EvaluationResult {
  const p = parseManifests(yaml, "test.yaml");
  expect(p.errors).toEqual([]);
  return evaluate(snapshotFromManifests(p.objects, p.locations), settings);
}

const risksOf = (r: EvaluationResult, type?: string) => r.risks.filter((x) => !type || x.type === type).map((x) => `${x.type} ${x.severity}`);

function deployment(spec: string, opts: { ns?: string; name?: string; kind?: string; labels?: string } = {}): string {
  const name = opts.name ?? "app";
  const labels = opts.labels ?? `{app: ${name}}`;
  return `apiVersion: apps/v1
kind: ${opts.kind ?? "Deployment"}
metadata: {name: ${name}, namespace: ${opts.ns ?? "shop"}}
spec:
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec:
${spec
  .split("\n")
  .map((l) => `      ${l}`)
  .join("\n")}
`;
}

const HARDENED = `automountServiceAccountToken: false
securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
containers:
- name: app
  image: registry.example/app@sha256:${"a".repeat(64)}
  securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
  resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 64Mi}}`;

const ADMIN_BINDING = (sa: string, ns: string, role = "cluster-admin") => `---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ${sa}-binding}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}
subjects: [{kind: ServiceAccount, name: ${sa}, namespace: ${ns}}]
`;

const SERVICE = (type: string, name = "app", ns = "shop") => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {type: ${type}, selector: {app: ${name}}, ports: [{port: 80}]}
`;

describe("node takeover", () => {
  it("a privileged container is root on the node: critical, direct", () => {
    const r = scan(deployment(`containers:\n- {name: c, image: nginx:1.27, securityContext: {privileged: true}}`));
    expect(risksOf(r, "node-takeover")).toEqual(["node-takeover critical"]);
    const risk = r.risks.find((x) => x.type === "node-takeover")!;
    const privileged = r.findings.find((f) => f.ruleId === "privileged-container")!;
    expect(risk.steps.some((s) => s.kind === "privilege" && s.findings.includes(privileged.fingerprint))).toBe(true);
    expect(risk.objects[0]).toMatchObject({ kind: "Deployment", namespace: "shop", name: "app" });
    expect(risk.id).toMatch(/^[0-9a-f]{32}$/);
    expect(risk.location).toEqual({ file: "test.yaml", line: 1 });
  });

  it("hostPath of / or a runtime socket, hostPID with dangerous capabilities, writable control paths", () => {
    const cases = [
      `containers:\n- {name: c, image: i:1, volumeMounts: [{name: r, mountPath: /host, readOnly: true}]}\nvolumes: [{name: r, hostPath: {path: /}}]`,
      `containers:\n- {name: c, image: i:1, volumeMounts: [{name: s, mountPath: /var/run/docker.sock}]}\nvolumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]`,
      `hostPID: true\ncontainers:\n- {name: c, image: i:1, securityContext: {capabilities: {add: [SYS_ADMIN]}}}`,
      `containers:\n- {name: c, image: i:1, volumeMounts: [{name: k, mountPath: /k}]}\nvolumes: [{name: k, hostPath: {path: /var/lib/kubelet}}]`,
    ];
    for (const spec of cases) expect(risksOf(scan(deployment(spec)), "node-takeover"), spec).toEqual(["node-takeover critical"]);
  });

  it("read-only mounts of host paths a node agent reads, and non-root with capabilities, are no takeover", () => {
    const cases = [
      `containers:\n- {name: c, image: i:1, volumeMounts: [{name: m, mountPath: /lib/modules, readOnly: true}, {name: p, mountPath: /host/proc, readOnly: true}]}\nvolumes: [{name: m, hostPath: {path: /lib/modules}}, {name: p, hostPath: {path: /proc}}]`,
      `securityContext: {runAsNonRoot: true, runAsUser: 1000}\ncontainers:\n- {name: c, image: i:1, securityContext: {capabilities: {add: [SYS_ADMIN]}}}`,
      HARDENED,
    ];
    for (const spec of cases) expect(risksOf(scan(deployment(spec)), "node-takeover"), spec).toEqual([]);
  });

  it("gives no risk when the organization disabled every rule that reports its evidence", () => {
    const yaml = deployment(`containers:\n- {name: c, image: nginx:1.27, securityContext: {privileged: true}}`);
    expect(risksOf(scan(yaml, { disabledRules: ["privileged-container"] }), "node-takeover")).toEqual([]);
  });
});

describe("host access", () => {
  it("host namespaces without an escape are one step from it", () => {
    const r = scan(deployment(`hostPID: true\nhostNetwork: true\ncontainers:\n- {name: c, image: i:1}`));
    expect(risksOf(r)).toEqual(["host-access high"]);
    expect(risksOf(scan(deployment(`hostNetwork: true\nsecurityContext: {runAsNonRoot: true, runAsUser: 5}\ncontainers:\n- {name: c, image: i:1}`)))).toEqual(["host-access medium"]);
    expect(risksOf(scan(deployment(HARDENED)))).toEqual([]);
  });
});

describe("cluster takeover", () => {
  it("a mounted token of a cluster-admin-equivalent service account", () => {
    const yaml = deployment(`serviceAccountName: ops\ncontainers:\n- {name: c, image: i:1}`) + ADMIN_BINDING("ops", "shop");
    const r = scan(yaml);
    expect(risksOf(r, "cluster-takeover")).toEqual(["cluster-takeover critical"]);
    const risk = r.risks.find((x) => x.type === "cluster-takeover")!;
    expect(risk.steps.map((s) => s.kind)).toEqual(["identity", "privilege"]);
    expect(risk.objects.map((o) => o.kind)).toEqual(["Deployment", "ClusterRoleBinding"]);
  });

  it("escalate, impersonate, pod creation in kube-system are cluster-admin equivalents too", () => {
    for (const rule of [
      `{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate]}`,
      `{apiGroups: [""], resources: [users, groups], verbs: [impersonate]}`,
      `{apiGroups: [""], resources: [pods], verbs: [create]}`,
    ]) {
      const yaml =
        deployment(`serviceAccountName: ops\ncontainers:\n- {name: c, image: i:1}`) +
        `---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: power}\nrules: [${rule}]\n` +
        ADMIN_BINDING("ops", "shop", "power");
      expect(risksOf(scan(yaml), "cluster-takeover"), rule).toEqual(["cluster-takeover critical"]);
    }
  });

  it("no takeover without the token, or with rights limited by resourceNames", () => {
    const noToken = deployment(`serviceAccountName: ops\nautomountServiceAccountToken: false\ncontainers:\n- {name: c, image: i:1}`) + ADMIN_BINDING("ops", "shop");
    expect(risksOf(scan(noToken), "cluster-takeover")).toEqual([]);
    const named =
      deployment(`serviceAccountName: ops\ncontainers:\n- {name: c, image: i:1}`) +
      `---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: narrow}\nrules: [{apiGroups: [""], resources: [secrets], resourceNames: [a, b, c], verbs: [get]}]\n` +
      ADMIN_BINDING("ops", "shop", "narrow");
    expect(risksOf(scan(named))).toEqual([]);
  });

  it("an identity risk for everyone: system:authenticated bound to cluster-admin", () => {
    const yaml = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: everyone-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io}]
`;
    const r = scan(yaml);
    expect(risksOf(r)).toEqual(["cluster-takeover critical"]);
    expect(r.risks[0]!.objects[0]).toMatchObject({ kind: "ClusterRoleBinding", name: "everyone-admin" });
  });
});

describe("credential theft", () => {
  const reader = (scope: "ClusterRoleBinding" | "RoleBinding") =>
    `---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: secret-reader}\nrules: [{apiGroups: [""], resources: [secrets], verbs: [get, list]}]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ${scope}\nmetadata: {name: read${scope === "RoleBinding" ? ", namespace: shop" : ""}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}\nsubjects: [{kind: ServiceAccount, name: ops, namespace: shop}]\n`;
  const app = deployment(`serviceAccountName: ops\ncontainers:\n- {name: c, image: i:1}`);

  it("reading every Secret: high, critical when the workload is exposed; namespace-scoped is lower", () => {
    expect(risksOf(scan(app + reader("ClusterRoleBinding")), "credential-theft")).toEqual(["credential-theft high"]);
    expect(risksOf(scan(app + reader("ClusterRoleBinding") + SERVICE("LoadBalancer")), "credential-theft")).toEqual(["credential-theft critical"]);
    expect(risksOf(scan(app + reader("RoleBinding")), "credential-theft")).toEqual(["credential-theft medium"]);
  });

  it("no theft without the permission", () => {
    expect(risksOf(scan(app), "credential-theft")).toEqual([]);
  });
});

describe("exposed and weak, lateral movement", () => {
  const weak = deployment(`containers:\n- {name: c, image: i:1}`);

  it("a LoadBalancer, NodePort, Ingress or externalIPs in front of a root, writable, unisolated workload", () => {
    for (const front of [SERVICE("LoadBalancer"), SERVICE("NodePort"), SERVICE("ClusterIP") + `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec: {rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: app, port: {number: 80}}}}]}}]}\n`]) {
      const r = scan(weak + front);
      expect(risksOf(r, "exposed-weak"), front).toEqual(["exposed-weak high"]);
      const risk = r.risks.find((x) => x.type === "exposed-weak")!;
      expect(risk.steps[0]!.kind).toBe("exposure");
    }
    const r = scan(weak + SERVICE("LoadBalancer"));
    expect(r.risks.find((x) => x.type === "exposed-weak")!.factors.map((f) => f.name)).toContain("exposure");
  });

  it("nothing exposed, or a hardened and isolated workload, is no exposed-and-weak risk", () => {
    expect(risksOf(scan(weak + SERVICE("ClusterIP")), "exposed-weak")).toEqual([]);
    const policy = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n`;
    expect(risksOf(scan(deployment(HARDENED) + SERVICE("LoadBalancer") + policy), "exposed-weak")).toEqual([]);
  });

  it("an exposed workload in a namespace without isolation reaches its neighbours", () => {
    const two = weak + SERVICE("LoadBalancer") + "---\n" + deployment(`containers:\n- {name: c, image: i:1}`, { name: "db" });
    expect(risksOf(scan(two), "lateral-movement")).toEqual(["lateral-movement medium"]);
    const isolated = two + `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n`;
    expect(risksOf(scan(isolated), "lateral-movement")).toEqual([]);
    expect(risksOf(scan(weak + "---\n" + deployment(`containers:\n- {name: c, image: i:1}`, { name: "db" })), "lateral-movement")).toEqual([]);
  });

  it("a Cilium policy isolates pods too", () => {
    const two = weak + SERVICE("LoadBalancer") + "---\n" + deployment(`containers:\n- {name: c, image: i:1}`, { name: "db" });
    const cilium = `---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {endpointSelector: {}, ingress: [{fromEndpoints: [{matchLabels: {app: app}}]}]}\n`;
    expect(risksOf(scan(two + cilium), "lateral-movement")).toEqual([]);
  });
});

describe("risks and settings", () => {
  const privileged = deployment(`containers:\n- {name: c, image: nginx:1.27, securityContext: {privileged: true}}`);

  it("are accepted when exceptions cover every finding of their cause steps, and then do not lower the score", () => {
    const r = scan(privileged, { exceptions: [{ id: "e1", ruleId: "*", name: "app", justification: "lab" }] });
    const risk = r.risks.find((x) => x.type === "node-takeover")!;
    expect(risk.exception).toMatchObject({ id: "e1" });
    expect(r.score).toBe(100);
  });

  it("are sorted worst first with a score from base and factors", () => {
    const r = scan(privileged + SERVICE("LoadBalancer") + "---\n" + deployment(`hostNetwork: true\ncontainers:\n- {name: c, image: i:1}`, { name: "b" }));
    expect(r.risks[0]!.severity).toBe("critical");
    const node = r.risks.find((x) => x.type === "node-takeover")!;
    expect(node.score).toBeGreaterThan(65);
    expect(node.factors.find((f) => f.name === "exposure")!.multiplier).toBe(1.5);
  });
});

describe("node takeover on Windows", () => {
  it("a HostProcess container runs on the node itself", () => {
    const yaml = deployment(`os: {name: windows}\nhostNetwork: true\nsecurityContext: {windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}}\ncontainers:\n- {name: c, image: "mcr.microsoft.com/windows/nanoserver:ltsc2022"}`);
    expect(risksOf(scan(yaml), "node-takeover")).toEqual(["node-takeover critical"]);
  });
});
