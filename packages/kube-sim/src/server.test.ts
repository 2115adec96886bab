// The simulator over real HTTPS on loopback: discovery, auth, paging, selectors, watch, writes,
// reviews, faults and TLS modes.
import https from "node:https";
import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateCluster, loadManifests, startKubeSim, type KubeObject, type KubeSim } from "./index";
import { call, tokenOf, watch } from "./test-util";

const pod = (ns: string, name: string, labels: Record<string, string>, phase = "Running", nodeName = "n1"): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: ns, labels },
  spec: { nodeName, containers: [{ name: "c", image: "nginx:1.25" }] },
  status: { phase },
});

describe("kube-sim server", () => {
  let sim: KubeSim;
  let admin: string;
  let restricted: string;
  const objects: KubeObject[] = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "b" } },
    pod("a", "web-1", { app: "web", tier: "front" }),
    pod("a", "web-2", { app: "web", tier: "front" }, "Pending", "n2"),
    pod("a", "db-1", { app: "db" }),
    pod("b", "web-1", { app: "web", canary: "true" }),
    pod("b", "job-1", { app: "batch" }, "Succeeded", "n2"),
    { apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "a" }, type: "Opaque", data: { k: "dg==" } },
    {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "widgets.example.com" },
      spec: { group: "example.com", scope: "Namespaced", names: { plural: "widgets", singular: "widget", kind: "Widget" }, versions: [{ name: "v1", served: true, storage: true }] },
    },
    { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w1", namespace: "a" }, spec: { size: 3 } },
  ];

  beforeAll(async () => {
    sim = await startKubeSim({ objects, identities: [{ name: "admin", allow: "*" }, { name: "no-secrets", allow: [{ group: "*", resource: "*" }], deny: [{ group: "", resource: "secrets" }] }, { name: "cert-user", clientCert: true, allow: [{ group: "", resource: "pods" }] }] });
    admin = tokenOf(sim, "admin");
    restricted = tokenOf(sim, "no-secrets");
  });
  afterAll(() => sim?.close());

  it("serves version and discovery", async () => {
    const v = await call(sim, "/version", { token: admin });
    expect(v.json).toMatchObject({ major: "1", minor: "29", gitVersion: "v1.29.0" });
    const core = await call(sim, "/api/v1", { token: admin });
    const pods = core.json.resources.find((r: { name: string }) => r.name === "pods");
    expect(pods).toMatchObject({ singularName: "pod", namespaced: true, kind: "Pod", shortNames: ["po"] });
    expect(pods.verbs).toEqual(expect.arrayContaining(["get", "list", "watch", "create"]));
    const groups = await call(sim, "/apis", { token: admin });
    const apps = groups.json.groups.find((g: { name: string }) => g.name === "apps");
    expect(apps.preferredVersion).toEqual({ groupVersion: "apps/v1", version: "v1" });
    expect(groups.json.groups.map((g: { name: string }) => g.name)).toContain("example.com");
    const widgets = await call(sim, "/apis/example.com/v1", { token: admin });
    expect(widgets.json.resources[0]).toMatchObject({ name: "widgets", kind: "Widget", namespaced: true });
    const cr = await call(sim, "/apis/example.com/v1/namespaces/a/widgets/w1", { token: admin });
    expect(cr.json.spec).toEqual({ size: 3 });
    expect((await call(sim, "/openapi/v2", { token: admin })).status).toBe(404);
  });

  it("rejects missing and unknown credentials with a 401 Status", async () => {
    for (const token of [undefined, "nope"]) {
      const r = await call(sim, "/api/v1/pods", { token });
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "Unauthorized", code: 401 });
    }
  });

  it("authenticates client certificates by CN", async () => {
    const cfg = parse(sim.kubeconfig({ identity: "cert-user" }));
    const user = cfg.users[0].user;
    const cert = Buffer.from(user["client-certificate-data"], "base64").toString();
    const key = Buffer.from(user["client-key-data"], "base64").toString();
    expect(user.token).toBeUndefined();
    const ok = await call(sim, "/api/v1/namespaces/a/pods", { cert, key });
    expect(ok.status).toBe(200);
    expect(ok.json.items).toHaveLength(3);
    const denied = await call(sim, "/api/v1/namespaces/a/configmaps", { cert, key });
    expect(denied.status).toBe(403);
    expect(denied.json.message).toBe('configmaps is forbidden: User "cert-user" cannot list resource "configmaps" in API group "" in the namespace "a"');
  });

  it("lists in stable order, per namespace and cluster-wide, with get by name", async () => {
    const all = await call(sim, "/api/v1/pods", { token: admin });
    expect(all.json.kind).toBe("PodList");
    expect(Number(all.json.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(all.json.items.map((p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(["a/db-1", "a/web-1", "a/web-2", "b/job-1", "b/web-1"]);
    const b = await call(sim, "/api/v1/namespaces/b/pods", { token: admin });
    expect(b.json.items.map((p: KubeObject) => p.metadata.name)).toEqual(["job-1", "web-1"]);
    const one = await call(sim, "/api/v1/namespaces/a/pods/web-2", { token: admin });
    expect(one.json.metadata).toMatchObject({ name: "web-2", namespace: "a", generation: 1 });
    expect(one.json.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(one.json.metadata.creationTimestamp).toMatch(/Z$/);
    const missing = await call(sim, "/api/v1/namespaces/a/pods/nope", { token: admin });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ reason: "NotFound", code: 404, details: { name: "nope", kind: "pods" } });
    const ns = await call(sim, "/api/v1/namespaces/b", { token: admin });
    expect(ns.json).toMatchObject({ kind: "Namespace", metadata: { name: "b" } });
  });

  it("filters by label and field selectors", async () => {
    const names = async (q: string) =>
      (await call(sim, `/api/v1/pods?${q}`, { token: admin })).json.items.map((p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(await names("labelSelector=app%3Dweb")).toEqual(["a/web-1", "a/web-2", "b/web-1"]);
    expect(await names("labelSelector=app%3D%3Dweb,tier%3Dfront")).toEqual(["a/web-1", "a/web-2"]);
    expect(await names("labelSelector=app!%3Dweb")).toEqual(["a/db-1", "b/job-1"]);
    expect(await names(`labelSelector=${encodeURIComponent("app in (db,batch)")}`)).toEqual(["a/db-1", "b/job-1"]);
    expect(await names(`labelSelector=${encodeURIComponent("app notin (web, db)")}`)).toEqual(["b/job-1"]);
    expect(await names("labelSelector=canary")).toEqual(["b/web-1"]);
    expect(await names("labelSelector=!tier")).toEqual(["a/db-1", "b/job-1", "b/web-1"]);
    expect(await names("fieldSelector=metadata.name%3Dweb-1")).toEqual(["a/web-1", "b/web-1"]);
    expect(await names("fieldSelector=metadata.namespace%3Db")).toEqual(["b/job-1", "b/web-1"]);
    expect(await names("fieldSelector=status.phase!%3DRunning")).toEqual(["a/web-2", "b/job-1"]);
    expect(await names("fieldSelector=spec.nodeName%3Dn2,status.phase%3DPending")).toEqual(["a/web-2"]);
    const bad = await call(sim, `/api/v1/pods?labelSelector=${encodeURIComponent("a in b")}`, { token: admin });
    expect(bad.status).toBe(400);
  });

  it("authorizes per identity with apiserver-style Forbidden messages", async () => {
    const r = await call(sim, "/api/v1/secrets", { token: restricted });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ kind: "Status", status: "Failure", reason: "Forbidden", code: 403, details: { group: "", kind: "secrets" } });
    expect(r.json.message).toBe('secrets is forbidden: User "system:serviceaccount:kube-sim:no-secrets" cannot list resource "secrets" in API group "" at the cluster scope');
    const named = await call(sim, "/api/v1/namespaces/a/secrets/s", { token: restricted });
    expect(named.json.message).toBe('secrets "s" is forbidden: User "system:serviceaccount:kube-sim:no-secrets" cannot get resource "secrets" in API group "" in the namespace "a"');
    expect((await call(sim, "/api/v1/pods", { token: restricted })).status).toBe(200);
    // read-only: writes are forbidden too
    const w = await call(sim, "/api/v1/namespaces/a/configmaps", { token: restricted, method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } } });
    expect(w.status).toBe(403);
    expect((await call(sim, "/api/v1/namespaces/a/secrets/s", { token: admin })).json.data).toEqual({ k: "dg==" });
  });

  it("refuses a protobuf body with 415 UnsupportedMediaType and creates nothing", async () => {
    const r = await call(sim, "/api/v1/namespaces/a/configmaps", {
      token: admin,
      method: "POST",
      headers: { "Content-Type": "application/vnd.kubernetes.protobuf" },
      body: "k8s\u0000\n\u000f\n\u0002v1\u0012\tConfigMap",
    });
    expect(r.status).toBe(415);
    expect(r.json).toMatchObject({ kind: "Status", reason: "UnsupportedMediaType", code: 415 });
    expect(r.json.message).toContain("application/json");
  });

  it("answers self-subject access and rules reviews truthfully", async () => {
    const ssar = (token: string, resource: string, verb = "list") =>
      call(sim, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", {
        token,
        method: "POST",
        body: { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb, resource, group: "" } } },
      });
    expect((await ssar(admin, "secrets")).json.status.allowed).toBe(true);
    expect((await ssar(restricted, "secrets")).json.status.allowed).toBe(false);
    expect((await ssar(restricted, "pods")).json.status.allowed).toBe(true);
    expect((await ssar(restricted, "pods", "delete")).json.status.allowed).toBe(false);
    const rules = await call(sim, "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", { token: restricted, method: "POST", body: { spec: { namespace: "a" } } });
    expect(rules.status).toBe(201);
    const core = rules.json.status.resourceRules.find((r: { apiGroups: string[] }) => r.apiGroups[0] === "");
    expect(core.resources).toContain("pods");
    expect(core.resources).not.toContain("secrets");
    expect(core.verbs).toEqual(["get", "list", "watch"]);
  });

  it("creates, replaces with optimistic concurrency, patches and deletes", async () => {
    const base = "/api/v1/namespaces/b/configmaps";
    const created = await call(sim, base, { token: admin, method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { a: "1" } } });
    expect(created.status).toBe(201);
    expect(created.json.metadata.namespace).toBe("b");
    const dup = await call(sim, base, { token: admin, method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" } } });
    expect(dup.json).toMatchObject({ code: 409, reason: "AlreadyExists" });
    const put = await call(sim, `${base}/cfg`, { token: admin, method: "PUT", body: { ...created.json, data: { a: "2" } } });
    expect(put.status).toBe(200);
    expect(put.json.metadata.uid).toBe(created.json.metadata.uid);
    expect(Number(put.json.metadata.resourceVersion)).toBeGreaterThan(Number(created.json.metadata.resourceVersion));
    const stale = await call(sim, `${base}/cfg`, { token: admin, method: "PUT", body: { ...created.json, data: { a: "3" } } });
    expect(stale.json).toMatchObject({ code: 409, reason: "Conflict" });
    const patched = await call(sim, `${base}/cfg`, { token: admin, method: "PATCH", body: { data: { b: "x" } }, headers: { "Content-Type": "application/merge-patch+json" } });
    expect(patched.json.data).toEqual({ a: "2", b: "x" });
    const depBase = "/apis/apps/v1/namespaces/b/deployments";
    const dep = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [{ name: "app", image: "app:1", ports: [{ containerPort: 80 }] }, { name: "side", image: "side:1" }] } } } };
    expect((await call(sim, depBase, { token: admin, method: "POST", body: dep })).status).toBe(201);
    const smp = await call(sim, `${depBase}/d`, {
      token: admin,
      method: "PATCH",
      headers: { "Content-Type": "application/strategic-merge-patch+json" },
      body: { spec: { template: { spec: { "$setElementOrder/containers": [{ name: "app" }, { name: "side" }], containers: [{ name: "app", securityContext: { runAsNonRoot: true } }, { name: "side", $patch: "delete" }] } } } },
    });
    expect(smp.json.spec.template.spec).toEqual({ containers: [{ name: "app", image: "app:1", ports: [{ containerPort: 80 }], securityContext: { runAsNonRoot: true } }] });
    expect(smp.json.metadata.generation).toBe(2);
    const ssa = await call(sim, "/api/v1/namespaces/b/configmaps/applied?fieldManager=kubectl", {
      token: admin,
      method: "PATCH",
      headers: { "Content-Type": "application/apply-patch+yaml" },
      body: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  namespace: b\ndata:\n  k: v\n",
    });
    expect(ssa.status).toBe(201);
    expect(ssa.json.data).toEqual({ k: "v" });
    expect(sim.store.list("ConfigMap").some((o) => o.metadata.name === "cfg")).toBe(true);
    expect((await call(sim, `${base}/cfg`, { token: admin, method: "DELETE" })).status).toBe(200);
    expect((await call(sim, `${base}/cfg`, { token: admin })).status).toBe(404);
  });

  it("renders a meta.k8s.io Table when kubectl asks for one", async () => {
    const r = await call(sim, "/api/v1/pods", { token: admin, headers: { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" } });
    expect(r.headers["content-type"]).toContain("as=Table");
    expect(r.json.kind).toBe("Table");
    expect(r.json.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Ready", "Status", "Restarts", "Age"]);
    expect(r.json.rows.map((row: { cells: string[] }) => row.cells[0])).toEqual(["db-1", "web-1", "web-2", "job-1", "web-1"]);
    expect(r.json.rows[3].object.metadata.namespace).toBe("b");
    const w = await call(sim, "/api/v1/namespaces/b/pods?watch=true&timeoutSeconds=1", { token: admin, headers: { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io" } });
    const events = w.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(events.map((e) => `${e.type} ${e.object.kind} ${e.object.rows[0].cells[0]}`)).toEqual(["ADDED Table job-1", "ADDED Table web-1"]);
  });

  it("streams watch events: initial ADDED, then MODIFIED and DELETED", async () => {
    const events = await watch(
      sim,
      "/api/v1/namespaces/a/pods?watch=true&labelSelector=app%3Dweb",
      admin,
      (evs) => evs.length >= 4,
      () => {
        const p = sim.store.list("Pod").find((o) => o.metadata.namespace === "a" && o.metadata.name === "web-1")!;
        sim.store.apply({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata.labels, touched: "yes" } } });
        sim.store.apply(pod("a", "db-2", { app: "db" })); // filtered out by the selector
        sim.store.remove("v1", "Pod", "a", "web-2");
      },
    );
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED web-1", "ADDED web-2", "MODIFIED web-1", "DELETED web-2"]);
    expect(events[2]!.object.metadata.labels.touched).toBe("yes");
    sim.store.apply(pod("a", "web-2", { app: "web", tier: "front" }, "Pending", "n2"));
    sim.store.remove("v1", "Pod", "a", "db-2");
  });

  it("watch from a resourceVersion skips initial events and honours timeoutSeconds", async () => {
    const list = await call(sim, "/api/v1/namespaces/b/pods", { token: admin });
    const rv = list.json.metadata.resourceVersion;
    const started = Date.now();
    const events = await watch(sim, `/api/v1/namespaces/b/pods?watch=1&resourceVersion=${rv}&timeoutSeconds=1`, admin, () => false, () => {
      sim.store.apply(pod("b", "late", { app: "late" }));
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED late"]);
    sim.store.remove("v1", "Pod", "b", "late");
  });

  it("counts requests", async () => {
    const before = sim.requestCount();
    await call(sim, "/version", { token: admin });
    await call(sim, "/version", { token: admin });
    expect(sim.requestCount() - before).toBe(2);
  });
});

describe("pagination at scale", () => {
  let sim: KubeSim;
  let token: string;
  const objects = generateCluster({ objects: 6000, seed: 7 });
  beforeAll(async () => {
    sim = await startKubeSim({ objects });
    token = tokenOf(sim, "admin");
  });
  afterAll(() => sim?.close());

  it("limit + continue returns exactly the loaded objects, once each", async () => {
    const agent = new https.Agent({ keepAlive: true, ca: sim.caPem });
    const seen: string[] = [];
    let cont = "";
    let pages = 0;
    do {
      const r = await call(sim, `/api/v1/pods?limit=250${cont ? `&continue=${encodeURIComponent(cont)}` : ""}`, { token, agent });
      expect(r.status).toBe(200);
      expect(r.json.items.length).toBeLessThanOrEqual(250);
      for (const p of r.json.items) seen.push(`${p.metadata.namespace}/${p.metadata.name}`);
      cont = r.json.metadata.continue ?? "";
      if (cont) expect(r.json.metadata.remainingItemCount).toBeGreaterThan(0);
      pages++;
    } while (cont);
    agent.destroy();
    const loaded = objects.filter((o) => o.kind === "Pod").map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...loaded].sort());
    expect(pages).toBe(Math.ceil(loaded.length / 250));
  });

  it("a garbled or foreign continue token is 410 Expired", async () => {
    for (const tok of ["garbage", Buffer.from(JSON.stringify({ v: "x" })).toString("base64url")]) {
      const r = await call(sim, `/api/v1/pods?limit=10&continue=${tok}`, { token });
      expect(r.status).toBe(410);
      expect(r.json).toMatchObject({ kind: "Status", reason: "Expired", code: 410 });
    }
  });

  it("continue tokens and watch resourceVersions expire after compaction", async () => {
    const first = await call(sim, "/api/v1/pods?limit=5", { token });
    const rv = first.json.metadata.resourceVersion;
    expect((await call(sim, `/api/v1/pods?limit=5&continue=${first.json.metadata.continue}`, { token })).status).toBe(200);
    sim.compact();
    const stale = await call(sim, `/api/v1/pods?limit=5&continue=${first.json.metadata.continue}`, { token });
    expect(stale.json).toMatchObject({ code: 410, reason: "Expired" });
    const w = await call(sim, `/api/v1/pods?watch=true&resourceVersion=${rv}`, { token });
    const ev = JSON.parse(w.text.trim().split("\n")[0]!);
    expect(ev).toMatchObject({ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } });
  });

  it("paginates namespaced lists with selectors", async () => {
    const ns = objects.find((o) => o.kind === "Namespace" && o.metadata.name!.startsWith("checkout"))!.metadata.name!;
    const expected = objects.filter((o) => o.kind === "Pod" && o.metadata.namespace === ns && o.metadata.labels?.["app.kubernetes.io/name"] === "api");
    const got: string[] = [];
    let cont = "";
    do {
      const r = await call(sim, `/api/v1/namespaces/${ns}/pods?limit=1&labelSelector=app.kubernetes.io%2Fname%3Dapi${cont ? `&continue=${cont}` : ""}`, { token });
      got.push(...r.json.items.map((p: KubeObject) => p.metadata.name));
      cont = r.json.metadata.continue ?? "";
    } while (cont);
    expect(got.sort()).toEqual(expected.map((p) => p.metadata.name).sort());
    expect(got.length).toBeGreaterThan(0);
  });
});

describe("faults", () => {
  let sim: KubeSim;
  let token: string;
  beforeAll(async () => {
    sim = await startKubeSim({ objects: [pod("a", "p", {})] });
    token = tokenOf(sim, "admin");
  });
  afterAll(() => sim?.close());

  it("500 for N times, then success", async () => {
    sim.setFaults([{ pathPattern: "^/api/v1/pods$", status500: 1, times: 2 }]);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await call(sim, "/api/v1/pods", { token })).status);
    expect(codes).toEqual([500, 500, 200]);
    expect((await call(sim, "/version", { token })).status).toBe(200);
  });

  it("429 with Retry-After", async () => {
    sim.setFaults([{ status429: 1, retryAfterSeconds: 7 }]);
    const r = await call(sim, "/api/v1/pods", { token });
    expect(r.status).toBe(429);
    expect(r.headers["retry-after"]).toBe("7");
    expect(r.json).toMatchObject({ reason: "TooManyRequests", code: 429 });
    sim.clearFaults();
    expect((await call(sim, "/api/v1/pods", { token })).status).toBe(200);
  });

  it("drops connections and truncates bodies", async () => {
    sim.setFaults([{ dropConnection: 1, times: 1 }]);
    await expect(call(sim, "/api/v1/pods", { token })).rejects.toThrow();
    expect((await call(sim, "/api/v1/pods", { token })).status).toBe(200);
    sim.setFaults([{ truncateBody: 1, times: 1 }]);
    const outcome = await call(sim, "/api/v1/pods", { token }).then(
      (r) => (r.json === undefined ? "truncated" : "complete"),
      () => "truncated",
    );
    expect(outcome).toBe("truncated");
    expect((await call(sim, "/api/v1/pods", { token })).json.items).toHaveLength(1);
  });

  it("adds latency only on matching paths", async () => {
    sim.setFaults([{ pathPattern: "/pods", latencyMs: 300 }]);
    let t = Date.now();
    await call(sim, "/api/v1/pods", { token });
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    t = Date.now();
    await call(sim, "/version", { token });
    expect(Date.now() - t).toBeLessThan(250);
    sim.clearFaults();
  });
});

describe("TLS modes and versions", () => {
  it("an expired or wrong-host certificate is rejected by a verifying client", async () => {
    for (const [mode, code] of [["expired", "CERT_HAS_EXPIRED"], ["wrong-host", "ERR_TLS_CERT_ALTNAME_INVALID"]] as const) {
      const sim = await startKubeSim({ tls: { certificate: mode } });
      try {
        await expect(call(sim, "/version", { token: tokenOf(sim, "admin") })).rejects.toMatchObject({ code });
      } finally {
        await sim.close();
      }
    }
  });

  it("serves PodSecurityPolicies at 1.24 but not at 1.29", async () => {
    const psp: KubeObject = { apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: { name: "privileged" }, spec: { privileged: true } };
    const old = await startKubeSim({ version: "1.24", objects: [psp] });
    const cur = await startKubeSim({ version: "1.29", objects: [psp] });
    try {
      const t1 = tokenOf(old, "admin");
      const t2 = tokenOf(cur, "admin");
      expect((await call(old, "/apis/policy/v1beta1/podsecuritypolicies", { token: t1 })).json.items[0].metadata.name).toBe("privileged");
      expect((await call(old, "/apis/policy/v1beta1", { token: t1 })).json.resources.map((r: { name: string }) => r.name)).toContain("podsecuritypolicies");
      expect((await call(cur, "/apis/policy/v1beta1/podsecuritypolicies", { token: t2 })).status).toBe(404);
      expect((await call(cur, "/apis/policy/v1beta1", { token: t2 })).status).toBe(404);
      expect((await call(old, "/version", { token: t1 })).json.gitVersion).toBe("v1.24.0");
    } finally {
      await old.close();
      await cur.close();
    }
  });

  it("looks like the chosen platform", async () => {
    const sim = await startKubeSim({ platform: "openshift", version: "1.28" });
    try {
      const t = tokenOf(sim, "admin");
      expect((await call(sim, "/version", { token: t })).json.gitVersion).toMatch(/^v1\.28\.0\+/);
      const groups = (await call(sim, "/apis", { token: t })).json.groups.map((g: { name: string }) => g.name);
      expect(groups).toEqual(expect.arrayContaining(["config.openshift.io", "route.openshift.io", "security.openshift.io"]));
    } finally {
      await sim.close();
    }
  });

  it("answers aggregated discovery like the simulated release (GA 1.30, beta 1.27, none before)", async () => {
    const accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    for (const [version, expected] of [["1.30", "v2"], ["1.28", "v2beta1"], ["1.24", undefined]] as const) {
      const sim = await startKubeSim({ version });
      try {
        const t = tokenOf(sim, "admin");
        const apis = await call(sim, "/apis", { token: t, headers: { Accept: accept } });
        if (!expected) {
          expect(apis.json.kind).toBe("APIGroupList");
          expect(apis.headers["content-type"]).toBe("application/json");
          continue;
        }
        expect(apis.headers["content-type"]).toBe(`application/json;g=apidiscovery.k8s.io;v=${expected};as=APIGroupDiscoveryList`);
        expect(apis.json).toMatchObject({ kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${expected}` });
        const apps = apis.json.items.find((i: { metadata: { name: string } }) => i.metadata.name === "apps");
        expect(apps.versions[0].resources.find((r: { resource: string }) => r.resource === "deployments")).toMatchObject({
          responseKind: { group: "apps", version: "v1", kind: "Deployment" },
          scope: "Namespaced",
          singularResource: "deployment",
        });
        const core = await call(sim, "/api", { token: t, headers: { Accept: accept } });
        expect(core.json.items[0].versions[0].resources.map((r: { resource: string }) => r.resource)).toContain("pods");
      } finally {
        await sim.close();
      }
    }
  });

  it("serves deprecated group versions that loaded objects use", async () => {
    const sim = await startKubeSim({
      version: "1.24",
      platform: "eks",
      objects: [
        { apiVersion: "batch/v1beta1", kind: "CronJob", metadata: { name: "old", namespace: "x" }, spec: { schedule: "* * * * *" } },
        { apiVersion: "v1", kind: "Node", metadata: { name: "ip-10-0-0-1" } },
      ],
    });
    try {
      const t = tokenOf(sim, "admin");
      const r = await call(sim, "/apis/batch/v1beta1/namespaces/x/cronjobs", { token: t });
      expect(r.json.items[0].apiVersion).toBe("batch/v1beta1");
      const g = await call(sim, "/apis/batch", { token: t });
      expect(g.json.versions.map((v: { version: string }) => v.version)).toEqual(["v1", "v1beta1"]);
      expect((await call(sim, "/version", { token: t })).json.gitVersion).toMatch(/^v1\.24\.0-eks-/);
      const node = (await call(sim, "/api/v1/nodes/ip-10-0-0-1", { token: t })).json;
      expect(node.metadata.labels["eks.amazonaws.com/nodegroup"]).toBeDefined();
    } finally {
      await sim.close();
    }
  });
});

describe("loadManifests", () => {
  it("reads folders recursively, multi-document YAML, List kinds and JSON", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kube-sim-manifests-"));
    try {
      await mkdir(join(dir, "nested"));
      await writeFile(join(dir, "a.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n---\n# comment only\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: one\n");
      await writeFile(join(dir, "nested", "list.yml"), "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s, namespace: one}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d, namespace: one}\n");
      await writeFile(join(dir, "nested", "pod.json"), JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "one" } }));
      await writeFile(join(dir, "README.md"), "not a manifest");
      const objs = await loadManifests([dir]);
      expect(objs.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(["Namespace/one", "ConfigMap/c", "Secret/s", "Deployment/d", "Pod/p"]);
      await writeFile(join(dir, "bad.yaml"), "kind: Pod\nmetadata:\n  name: x\n");
      await expect(loadManifests([dir])).rejects.toThrow(/bad\.yaml.*apiVersion/);
      await expect(loadManifests([join(dir, "missing")])).rejects.toThrow(/not found/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
