// Reader against the kube-sim API server over real HTTPS on loopback.
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { generateCluster, startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import type { KubeObject, Snapshot } from "@bulwark/rules";
import { KubeconfigError } from "@bulwark/security";
import { ClusterUnreachableError } from "./errors";
import { readCluster, testConnection, type ReadOptions } from "./reader";

const SECRET_PLAIN = "correct-horse-battery-staple-0xC0FFEE";
const SECRET_B64 = Buffer.from(SECRET_PLAIN).toString("base64");
const LAST_APPLIED_SECRET = "last-applied-leak-9f8e7d";

function fixtureObjects(): KubeObject[] {
  const out: KubeObject[] = [];
  for (const ns of ["prod", "staging", "tools"]) {
    out.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: { team: ns } } });
    out.push({
      apiVersion: "v1",
      kind: "Secret",
      metadata: {
        name: "db-credentials",
        namespace: ns,
        annotations: { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify({ stringData: { pw: LAST_APPLIED_SECRET } }) },
      },
      type: "Opaque",
      data: { password: SECRET_B64, user: Buffer.from("admin").toString("base64") },
    });
    out.push({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app", namespace: ns }, data: { "app.conf": "log=debug" } });
    out.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: ns },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: "web" } },
        template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.25" }] } },
      },
    });
    out.push({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: ns }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
    out.push({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: ns }, spec: { podSelector: {}, policyTypes: ["Ingress"] } });
    out.push({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "devs", namespace: ns },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
      subjects: [{ kind: "Group", name: "devs", apiGroup: "rbac.authorization.k8s.io" }],
    });
    for (let i = 0; i < 12; i++) {
      out.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `web-${i}`, namespace: ns, labels: { app: "web" } },
        spec: { containers: [{ name: "web", image: "nginx:1.25", securityContext: { privileged: i % 5 === 0 } }] },
      });
    }
  }
  out.push({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1", labels: { "kubernetes.io/os": "linux" } }, spec: { providerID: "kind://docker/kind/node-1" } });
  out.push({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "edit" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["*"] }] });
  out.push({ apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "backup", namespace: "tools" }, spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "b", image: "busybox" }] } } } } } });
  return out;
}

const LOCAL: ReadOptions = { allowPrivateNetworks: true };

function countsByKind(objects: readonly KubeObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of objects) out[o.kind] = (out[o.kind] ?? 0) + 1;
  return out;
}

function uids(objects: readonly KubeObject[], kind?: string): string[] {
  return objects.filter((o) => !kind || o.kind === kind).map((o) => String(o.metadata.uid)).sort();
}

function kind(snap: Snapshot, k: string) {
  const r = snap.kinds.find((x) => x.kind === k);
  if (!r) throw new Error(`no kind result for ${k}`);
  return r;
}

let sim: KubeSim;
let kubeconfig: string;
let truth: KubeObject[];
const readKinds = new Set<string>();

beforeAll(async () => {
  sim = await startKubeSim({
    objects: fixtureObjects(),
    version: "1.29",
    identities: [
      { name: "admin", allow: "*" },
      { name: "no-secrets", allow: "*", deny: [{ group: "", resource: "secrets" }] },
      { name: "cert-user", clientCert: true, allow: "*" },
    ],
  });
  kubeconfig = sim.kubeconfig({ identity: "admin" });
  const { RESOURCES_TO_READ } = await import("./resources");
  for (const r of RESOURCES_TO_READ) readKinds.add(r.kind);
  truth = sim.store.list().filter((o) => readKinds.has(o.kind));
});

afterAll(async () => {
  await sim?.close();
});

describe("readCluster", () => {
  it("reads exactly the objects the cluster holds, with version, platform and served versions", async () => {
    const progress: number[] = [];
    const snap = await readCluster(kubeconfig, { ...LOCAL, onProgress: (p) => progress.push(p.done) });
    expect(countsByKind(snap.objects)).toEqual(countsByKind(truth));
    expect(uids(snap.objects)).toEqual(uids(truth));
    expect(snap.source).toBe("cluster");
    expect(snap.kindsComplete).toBe(true);
    expect(snap.kubeVersion).toBe("1.29");
    expect(snap.gitVersion).toMatch(/^v1\.29\./);
    expect(snap.platform).toBe("kind");
    expect(snap.servedVersions).toContain("apps/v1");
    expect(snap.servedVersions).not.toContain("policy/v1beta1");
    expect(kind(snap, "Pod")).toMatchObject({ resource: "v1/pods", status: "read", count: 36 });
    expect(kind(snap, "CronJob")).toMatchObject({ resource: "batch/v1/cronjobs", status: "read", count: 1 });
    expect(kind(snap, "PodSecurityPolicy").status).toBe("not-served");
    // A CRD the cluster does not serve is absent, not a failed read.
    expect(kind(snap, "CiliumNetworkPolicy")).toMatchObject({ resource: "cilium.io/v2/ciliumnetworkpolicies", status: "not-served" });
    expect(Math.max(...progress)).toBe(snap.kinds.length);
    const dep = snap.objects.find((o) => o.kind === "Deployment")!;
    expect(dep.apiVersion).toBe("apps/v1");
    expect(Object.isFrozen(snap.objects)).toBe(true);
    expect(Object.isFrozen(dep)).toBe(true);
    expect(snap.objects.every((o) => o.metadata.managedFields === undefined)).toBe(true);
  });

  it("never lets Secret values into the snapshot", async () => {
    const snap = await readCluster(kubeconfig, LOCAL);
    const json = JSON.stringify(snap);
    expect(json).not.toContain(SECRET_B64);
    expect(json).not.toContain(SECRET_PLAIN);
    expect(json).not.toContain(LAST_APPLIED_SECRET);
    const secret = snap.objects.find((o) => o.kind === "Secret")!;
    expect(secret.data).toEqual({ password: `<redacted:${SECRET_PLAIN.length} bytes>`, user: "<redacted:5 bytes>" });
    expect(secret.type).toBe("Opaque");
    // ConfigMap values stay: rules look for credentials in them
    expect(snap.objects.find((o) => o.kind === "ConfigMap")!.data).toEqual({ "app.conf": "log=debug" });
  });

  it("pages with a small page size and returns each object exactly once", async () => {
    const before = sim.requestCount();
    const snap = await readCluster(kubeconfig, { ...LOCAL, pageSize: 7 });
    expect(uids(snap.objects)).toEqual(uids(truth));
    // 36 pods in pages of 7 take 6 requests for pods alone
    // (kinds the server does not serve cost no list request)
    expect(sim.requestCount() - before).toBeGreaterThan(snap.kinds.filter((k) => k.status !== "not-served").length + 5);
  });

  it("authenticates with a client certificate", async () => {
    const snap = await readCluster(sim.kubeconfig({ identity: "cert-user" }), LOCAL);
    expect(uids(snap.objects)).toEqual(uids(truth));
  });

  const faults: Array<[string, Parameters<KubeSim["setFaults"]>[0], ReadOptions?]> = [
    ["HTTP 500", [{ pathPattern: "/api/v1/pods$", status500: 1, times: 2 }]],
    ["HTTP 429 with Retry-After", [{ pathPattern: "/api/v1/pods$", status429: 1, retryAfterSeconds: 1, times: 1 }]],
    ["a dropped connection", [{ pathPattern: "/api/v1/pods$", dropConnection: 1, times: 2 }]],
    ["a truncated body", [{ pathPattern: "/api/v1/pods$", truncateBody: 1, times: 2 }]],
    ["latency past the request timeout", [{ pathPattern: "/api/v1/pods$", latencyMs: 800, times: 1 }], { requestTimeoutMs: 300 }],
    ["faults during discovery", [{ pathPattern: "^/apis$", status500: 1, times: 1 }, { pathPattern: "^/version$", truncateBody: 1, times: 1 }]],
  ];
  let cleanRequests = 0;
  it("counts the requests of a clean read (baseline for the fault cases)", async () => {
    const before = sim.requestCount();
    await readCluster(kubeconfig, { ...LOCAL, pageSize: 10 });
    cleanRequests = sim.requestCount() - before;
    expect(cleanRequests).toBeGreaterThan(30);
  });
  for (const [name, spec, extra] of faults) {
    it(`retries ${name} and still reads everything`, async () => {
      sim.setFaults(spec);
      try {
        const start = Date.now();
        const before = sim.requestCount();
        const snap = await readCluster(kubeconfig, { ...LOCAL, pageSize: 10, ...extra });
        // the fault was hit and answered by a retry
        expect(sim.requestCount() - before).toBeGreaterThan(cleanRequests);
        expect(kind(snap, "Pod")).toMatchObject({ status: "read", count: 36 });
        expect(uids(snap.objects)).toEqual(uids(truth));
        if (name.includes("Retry-After")) expect(Date.now() - start).toBeGreaterThanOrEqual(950);
      } finally {
        sim.clearFaults();
      }
    });
  }

  it("marks a kind that keeps failing as failed and reads the rest", async () => {
    sim.setFaults([{ pathPattern: "/api/v1/configmaps$", status500: 1 }]);
    try {
      const snap = await readCluster(kubeconfig, { ...LOCAL, retries: 2 });
      const cm = kind(snap, "ConfigMap");
      expect(cm.status).toBe("failed");
      expect(cm.count).toBe(0);
      expect(cm.error).toMatch(/HTTP 500/);
      expect(snap.objects.some((o) => o.kind === "ConfigMap")).toBe(false);
      expect(kind(snap, "Pod")).toMatchObject({ status: "read", count: 36 });
      expect(countsByKind(snap.objects).Secret).toBe(3);
    } finally {
      sim.clearFaults();
    }
  });

  it("records forbidden kinds for a restricted identity", async () => {
    const snap = await readCluster(sim.kubeconfig({ identity: "no-secrets" }), LOCAL);
    const secrets = kind(snap, "Secret");
    expect(secrets.status).toBe("forbidden");
    expect(secrets.error).toMatch(/secrets/);
    expect(snap.objects.some((o) => o.kind === "Secret")).toBe(false);
    expect(kind(snap, "Pod").status).toBe("read");
  });

  it("fails kinds still running at the deadline and keeps what was read", async () => {
    sim.setFaults([{ pathPattern: "/api/v1/pods$", latencyMs: 6000 }]);
    try {
      const start = Date.now();
      const snap = await readCluster(kubeconfig, { ...LOCAL, deadlineMs: 1200 });
      // without the deadline the pods answer alone would take 6 s
      expect(Date.now() - start).toBeLessThan(4500);
      expect(kind(snap, "Pod")).toMatchObject({ status: "failed", error: expect.stringMatching(/deadline of 1200 ms/) });
      expect(kind(snap, "Namespace").status).toBe("read");
    } finally {
      sim.clearFaults();
    }
  });

  it("stops when the caller aborts", async () => {
    sim.setFaults([{ pathPattern: "/api/v1/pods$", latencyMs: 2000 }]);
    try {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 200);
      await expect(readCluster(kubeconfig, { ...LOCAL, signal: ac.signal })).rejects.toThrow(/aborted/);
    } finally {
      sim.clearFaults();
    }
  });

  it("rejects bad credentials as ClusterUnreachableError", async () => {
    const doc = YAML.parse(kubeconfig);
    doc.users[0].user.token = "not-a-valid-token";
    await expect(readCluster(YAML.stringify(doc), LOCAL)).rejects.toThrow(/credentials rejected .*401/);
  });

  it("refuses loopback without allowPrivateNetworks, also when a name resolves there at connect time", async () => {
    await expect(readCluster(kubeconfig)).rejects.toThrow(KubeconfigError);
    const doc = YAML.parse(kubeconfig);
    doc.clusters[0].cluster.server = `https://${hostname()}:${sim.port}`;
    const before = sim.requestCount();
    const err = await readCluster(YAML.stringify(doc)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/resolves to 127\.0\.0\.1, a loopback address/);
    expect(sim.requestCount()).toBe(before);
  });
});

describe("generated clusters", () => {
  it("reads a generated cluster exactly and recognises the platform", async () => {
    const objects = generateCluster({ objects: 1500, seed: 7 });
    const gen = await startKubeSim({ objects, platform: "gke" });
    try {
      const expected = gen.store.list().filter((o) => readKinds.has(o.kind));
      const snap = await readCluster(gen.kubeconfig(), { ...LOCAL, pageSize: 100, concurrency: 3 });
      expect(countsByKind(snap.objects)).toEqual(countsByKind(expected));
      expect(uids(snap.objects)).toEqual(uids(expected));
      expect(snap.platform).toBe("gke");
      expect(snap.kinds.filter((k) => k.status === "failed")).toEqual([]);
    } finally {
      await gen.close();
    }
  });
});

describe("unreachable clusters", () => {
  it("fails fast with connection refused on a closed port", async () => {
    const gone = await startKubeSim({ objects: [] });
    const kc = gone.kubeconfig();
    await gone.close();
    const start = Date.now();
    const err = await readCluster(kc, LOCAL).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/connection refused by 127\.0\.0\.1:\d+/);
    expect(Date.now() - start).toBeLessThan(2000);
    const res = await testConnection(kc, LOCAL);
    expect(res).toEqual({ ok: false, reason: expect.stringMatching(/connection refused/) });
  });

  it("fails fast on an expired or wrong-host certificate", async () => {
    for (const [mode, msg] of [["expired", /certificate has expired/], ["wrong-host", /not valid for 127\.0\.0\.1/]] as const) {
      const bad = await startKubeSim({ objects: [], tls: { certificate: mode } });
      try {
        const start = Date.now();
        const err = await readCluster(bad.kubeconfig(), LOCAL).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ClusterUnreachableError);
        expect((err as Error).message).toMatch(msg);
        expect(Date.now() - start).toBeLessThan(2000);
      } finally {
        await bad.close();
      }
    }
  });
});

describe("testConnection", () => {
  it("reports the version when it works and a reason when it does not", async () => {
    const ok = await testConnection(kubeconfig, LOCAL);
    expect(ok).toEqual({ ok: true, gitVersion: expect.stringMatching(/^v1\.29/), kubeVersion: "1.29", platform: "unknown" });
    const doc = YAML.parse(kubeconfig);
    doc.users[0].user.token = "wrong";
    expect(await testConnection(YAML.stringify(doc), LOCAL)).toEqual({ ok: false, reason: expect.stringMatching(/credentials rejected/) });
    expect(await testConnection(kubeconfig)).toEqual({ ok: false, reason: expect.stringMatching(/loopback/) });
    const exec = YAML.parse(kubeconfig);
    exec.users[0].user = { exec: { command: "id" } };
    expect(await testConnection(YAML.stringify(exec), LOCAL)).toEqual({ ok: false, reason: expect.stringMatching(/users\[0\]\.user\.exec/) });
  });
});
