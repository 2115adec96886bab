// One cause, one finding (causes.ts), the platform baseline (baseline.ts), profiles and manifest
// identity: what a default Deployment gets, that no check is lost by merging, that a look-alike
// of a platform component is not hidden, and that two files defining one object keep their own.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseManifests, snapshotFromManifests } from "../manifests";
import { builtinRules } from "../rules";
import type { EngineSettings, EvaluationResult, KubeObject, Snapshot } from "../types";
import { BUILTIN_BASELINE } from "./baseline";
import { CAUSES } from "./causes";
import { evaluate } from "./evaluate";

function scan(yaml: string, settings: EngineSettings = {}, file = "x.yaml"): EvaluationResult {
  const p = parseManifests(yaml, file);
  return evaluate(snapshotFromManifests(p.objects, p.locations), settings);
}

const DEFAULT_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27.3
`;

describe("one finding per cause", () => {
  it("a default Deployment gets about a dozen findings, each a distinct thing to change, nothing high", () => {
    const r = scan(DEFAULT_DEPLOYMENT);
    expect(r.findings.length).toBeLessThanOrEqual(12);
    expect(r.findings.filter((f) => f.severity === "high" || f.severity === "critical")).toEqual([]);
    const keys = r.findings.map((f) => `${f.object.name}|${f.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The capabilities family is one finding that names every check it covers.
    const caps = r.findings.filter((f) => (f.checks ?? [f.ruleId]).some((c) => CAUSES.find((x) => x.id === "capabilities")!.rules.includes(c)));
    expect(caps).toHaveLength(1);
    expect(caps[0]!.checks).toEqual(expect.arrayContaining(["caps-drop-all", "net-raw-not-dropped"]));
  });

  it("strict adds hygiene and best practice, default leaves them out", () => {
    const d = scan(DEFAULT_DEPLOYMENT);
    const s = scan(DEFAULT_DEPLOYMENT, { profile: "strict" });
    expect(d.profile).toBe("default");
    expect(s.findings.length).toBeGreaterThan(d.findings.length);
    expect(d.rules.some((r) => r.status === "disabled" && r.reason === "not in the default profile")).toBe(true);
    expect(s.rules.some((r) => r.reason === "not in the default profile")).toBe(false);
  });

  it("one hostPath volume is one finding, at the worst severity of its checks", () => {
    const r = scan(`apiVersion: v1
kind: Pod
metadata: {name: p, namespace: n}
spec:
  containers:
  - name: c
    image: i:1
    volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}, {name: logs, mountPath: /logs, readOnly: true}]
  volumes:
  - {name: sock, hostPath: {path: /var/run/docker.sock}}
  - {name: logs, hostPath: {path: /var/log/app}}
`);
    const host = r.findings.filter((f) => (f.checks ?? [f.ruleId]).some((c) => c.startsWith("host-path") || c === "runtime-socket-mount"));
    expect(host.map((f) => f.path.replace(/\.hostPath.*$/, ""))).toEqual(["spec.volumes[0]", "spec.volumes[1]"]);
    expect(host[0]).toMatchObject({ ruleId: "runtime-socket-mount", severity: "critical" });
    expect(host[0]!.checks).toEqual(expect.arrayContaining(["runtime-socket-mount", "host-path-volume", "host-path-writable"]));
  });

  it("an exception on the lead rule covers the finding; on one weaker check only, it does not", () => {
    const yaml = DEFAULT_DEPLOYMENT;
    const capsOf = (r: EvaluationResult) => r.findings.find((f) => f.checks?.includes("caps-drop-all"))!;
    const lead = capsOf(scan(yaml)).ruleId;
    expect(capsOf(scan(yaml, { exceptions: [{ id: "e", ruleId: lead, justification: "j" }] })).exception).toBeDefined();
    const weaker = capsOf(scan(yaml)).checks!.find((c) => c !== lead)!;
    expect(capsOf(scan(yaml, { exceptions: [{ id: "e", ruleId: weaker, justification: "j" }] })).exception).toBeUndefined();
  });

  // Every rule stays reachable: on its own failing fixtures, with the whole catalog running, some
  // finding names it (so peers' ids and compliance controls still find it).
  const here = dirname(fileURLToPath(import.meta.url));
  const fixtureFiles = new Map<string, string>();
  for (const rel of readdirSync(join(here, "../rules"), { recursive: true }) as string[]) {
    if (rel.endsWith(".fixtures.yaml")) fixtureFiles.set(rel.split(/[\\/]/).pop()!.replace(".fixtures.yaml", ""), join(here, "../rules", rel));
  }
  it("keeps every check reachable through `checks` when the whole catalog runs", () => {
    const lost: string[] = [];
    for (const rule of builtinRules) {
      const file = fixtureFiles.get(rule.id);
      if (!file) continue;
      const doc = parse(readFileSync(file, "utf8")) as { cases?: Array<{ expect: string; objects?: KubeObject[]; complete?: boolean; kubeVersion?: string; params?: Record<string, unknown>; kinds?: unknown[] }> };
      const fail = (doc.cases ?? []).find((c) => c.expect === "fail" && !c.kinds);
      if (!fail) continue;
      const snapshot: Snapshot = { source: fail.complete ? "cluster" : "manifests", objects: fail.objects ?? [], kinds: [], kindsComplete: fail.complete === true, ...(fail.kubeVersion ? { kubeVersion: String(fail.kubeVersion) } : {}) };
      const r = evaluate(snapshot, { profile: "strict", baseline: { enabled: false }, params: fail.params ?? {} });
      if (!r.findings.some((f) => (f.checks ?? [f.ruleId]).includes(rule.id))) lost.push(rule.id);
    }
    expect(lost).toEqual([]);
  });
});

describe("platform baseline", () => {
  const kubeProxy = (image: string, ns = "kube-system") => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: kube-proxy, namespace: ${ns}}
spec:
  selector: {matchLabels: {k8s-app: kube-proxy}}
  template:
    metadata: {labels: {k8s-app: kube-proxy}}
    spec:
      hostNetwork: true
      containers:
      - name: kube-proxy
        image: ${image}
        securityContext: {privileged: true}
`;

  it("marks kube-proxy's findings and risk expected, out of the counts and the score", () => {
    const r = scan(kubeProxy("registry.k8s.io/kube-proxy:v1.30.0"));
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.baseline?.id === "kube-proxy")).toBe(true);
    expect(r.expected).toBe(r.findings.length);
    expect(r.risks.map((x) => x.baseline?.id)).toEqual(["kube-proxy"]);
    expect(r.counts).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
    expect(r.score).toBe(100);
  });

  it("does not hide a look-alike: another image, another namespace, or the baseline switched off", () => {
    for (const yaml of [kubeProxy("evil.example/kube-proxy:v1.30.0"), kubeProxy("registry.k8s.io/kube-proxy:v1.30.0", "default")]) {
      const r = scan(yaml);
      expect(r.findings.some((f) => f.baseline)).toBe(false);
      expect(r.score).toBeLessThanOrEqual(25);
    }
    expect(scan(kubeProxy("registry.k8s.io/kube-proxy:v1.30.0"), { baseline: { enabled: false } }).expected).toBe(0);
  });

  it("takes the organization's own entries instead of the built-in ones", () => {
    const own = { enabled: true, entries: [{ id: "agent", title: "Our agent", reason: "node agent", namespaces: ["ops"], kinds: ["DaemonSet"], names: ["agent"], images: ["corp.example/agent"] }] };
    const yaml = kubeProxy("corp.example/agent:1").replace("name: kube-proxy, namespace: kube-system", "name: agent, namespace: ops");
    expect(scan(yaml, { baseline: own }).findings.every((f) => f.baseline?.id === "agent")).toBe(true);
    expect(scan(kubeProxy("registry.k8s.io/kube-proxy:v1.30.0"), { baseline: own }).expected).toBe(0);
  });

  it("static pods need their Node owner", () => {
    const pod = (owner: boolean) => `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver-cp-1
  namespace: kube-system
${owner ? "  ownerReferences: [{apiVersion: v1, kind: Node, name: cp-1, uid: n1, controller: true}]\n" : ""}spec:
  hostNetwork: true
  containers: [{name: kube-apiserver, image: "registry.k8s.io/kube-apiserver:v1.30.0"}]
`;
    expect(scan(pod(true)).expected).toBeGreaterThan(0);
    expect(scan(pod(false)).expected).toBe(0);
    expect(BUILTIN_BASELINE.every((e) => e.reason.length > 20 && e.images.length > 0)).toBe(true);
  });
});

describe("manifest identity", () => {
  const dep = (privileged: boolean) => DEFAULT_DEPLOYMENT.replace("image: nginx:1.27.3", `image: nginx:1.27.3${privileged ? "\n        securityContext: {privileged: true}" : ""}`);

  it("two files that define the same object keep their own findings", () => {
    const a = parseManifests(dep(false), "a-dev.yaml");
    const b = parseManifests(dep(true), "b-prod.yaml");
    const r = evaluate(snapshotFromManifests([...a.objects, ...b.objects], [...a.locations, ...b.locations]));
    const priv = r.findings.filter((f) => f.ruleId === "privileged-container");
    expect(priv.map((f) => f.location?.file)).toEqual(["b-prod.yaml"]);
    const per = (file: string) => r.findings.filter((f) => f.location?.file === file).length;
    expect(per("a-dev.yaml")).toBeGreaterThan(0);
    expect(per("b-prod.yaml")).toBeGreaterThan(per("a-dev.yaml"));
    expect(r.risks.filter((x) => x.type === "node-takeover").map((x) => x.location?.file)).toEqual(["b-prod.yaml"]);
  });
});
