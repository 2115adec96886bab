// Watch fidelity over real HTTPS: bookmarks, the streaming list (sendInitialEvents), timeouts,
// 410 Expired after compaction and on log overflow, resourceVersion semantics, watch faults,
// cluster-wide watches for every kind, and client-node's ListWatch with bookmarks on.
import https from "node:https";
import { CoreV1Api, KubeConfig, ListWatch, Watch, type V1Pod } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarios, startKubeSim, type KubeObject, type KubeSim } from "./index";
import { call, eachLine, tokenOf, watch } from "./test-util";

type Ev = { type: string; object: any };

const pod = (ns: string, name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: ns, labels },
  spec: { containers: [{ name: "c", image: "nginx:1.25" }] },
});

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A watch that records its events and how it ended ("end" = clean end of stream, "aborted" = cut). */
function openWatch(sim: KubeSim, path: string, token: string) {
  const events: Array<Ev & { at: number }> = [];
  let ended: "end" | "aborted" | undefined;
  let status = 0;
  const req = https.request(new URL(path, sim.url), { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" }, ca: sim.caPem }, (res) => {
    status = res.statusCode ?? 0;
    eachLine(res, (line) => events.push({ ...(JSON.parse(line) as Ev), at: Date.now() }));
    res.on("end", () => (ended ??= "end"));
    res.on("aborted", () => (ended = "aborted"));
    res.on("error", () => (ended = "aborted"));
  });
  req.on("error", () => (ended ??= "aborted"));
  req.end();
  return {
    events,
    get ended() {
      return ended;
    },
    get status() {
      return status;
    },
    close: () => req.destroy(),
  };
}

const names = (evs: Ev[]) => evs.map((e) => `${e.type} ${e.object.metadata?.name ?? e.object.metadata?.resourceVersion}`);

describe("watch bookmarks, initial events and timeouts", () => {
  let sim: KubeSim;
  let token: string;
  beforeAll(async () => {
    sim = await startKubeSim({ objects: [pod("a", "p1"), pod("a", "p2"), pod("b", "q1")], bookmarkIntervalMs: 100 });
    token = tokenOf(sim, "admin");
  });
  afterAll(() => sim?.close());

  it("sends BOOKMARKs with the store's latest resourceVersion only when asked to", async () => {
    const rv = (await call(sim, "/api/v1/namespaces/a/pods", { token })).json.metadata.resourceVersion;
    const w = openWatch(sim, `/api/v1/namespaces/a/pods?watch=1&allowWatchBookmarks=true&resourceVersion=${rv}`, token);
    const plain = openWatch(sim, `/api/v1/namespaces/a/pods?watch=1&resourceVersion=${rv}&timeoutSeconds=1`, token);
    await until(() => w.events.some((e) => e.type === "BOOKMARK"), "a first bookmark");
    // a write elsewhere still moves the bookmark's resourceVersion (it is the store's)
    const other = sim.store.apply(pod("b", "q2"));
    const otherRv = Number(other.metadata.resourceVersion);
    await until(() => w.events.some((e) => e.type === "BOOKMARK" && Number(e.object.metadata.resourceVersion) >= otherRv), "a bookmark after the write");
    const bm = w.events.find((e) => e.type === "BOOKMARK")!;
    expect(bm.object).toEqual({ kind: "Pod", apiVersion: "v1", metadata: { resourceVersion: expect.stringMatching(/^\d+$/), creationTimestamp: null } });
    // no events for namespace b reached this watch
    expect(w.events.filter((e) => e.type !== "BOOKMARK")).toEqual([]);
    w.close();
    await until(() => plain.ended !== undefined, "the plain watch to end");
    expect(plain.ended).toBe("end");
    expect(plain.events).toEqual([]);
    sim.store.remove("v1", "Pod", "b", "q2");
  });

  it("bookmarks never go backwards and never precede an event they cover", async () => {
    const rv = (await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion;
    const w = openWatch(sim, `/api/v1/pods?watch=1&allowWatchBookmarks=1&resourceVersion=${rv}`, token);
    await until(() => w.events.some((e) => e.type === "BOOKMARK"), "a bookmark");
    for (let i = 0; i < 5; i++) {
      sim.store.apply(pod("a", `burst-${i}`));
      await new Promise((r) => setTimeout(r, 40));
    }
    for (let i = 0; i < 5; i++) sim.store.remove("v1", "Pod", "a", `burst-${i}`);
    await until(() => w.events.filter((e) => e.type === "DELETED").length === 5, "the deletes");
    const bookmarksSoFar = w.events.filter((e) => e.type === "BOOKMARK").length;
    await until(() => w.events.filter((e) => e.type === "BOOKMARK").length > bookmarksSoFar, "a bookmark after the deletes");
    w.close();
    let eventRv = Number(rv);
    let bookmarkRv = 0;
    for (const e of w.events) {
      const n = Number(e.object.metadata.resourceVersion);
      if (e.type === "BOOKMARK") {
        expect(n).toBeGreaterThanOrEqual(Math.max(eventRv, bookmarkRv));
        bookmarkRv = n;
      } else {
        expect(n).toBeGreaterThan(Math.max(eventRv, bookmarkRv));
        eventRv = n;
      }
    }
    expect(bookmarkRv).toBe(eventRv);
  });

  it("sendInitialEvents=true streams the state, then the initial-events-end bookmark, then changes", async () => {
    const listed = await call(sim, "/api/v1/namespaces/a/pods", { token });
    const w = openWatch(sim, "/api/v1/namespaces/a/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true", token);
    await until(() => w.events.some((e) => e.object.metadata.annotations?.["k8s.io/initial-events-end"] === "true"), "the initial-events-end bookmark");
    const end = w.events.findIndex((e) => e.type === "BOOKMARK");
    expect(names(w.events.slice(0, end))).toEqual(listed.json.items.map((p: KubeObject) => `ADDED ${p.metadata.name}`));
    expect(w.events[end]!.object).toEqual({ kind: "Pod", apiVersion: "v1", metadata: { resourceVersion: listed.json.metadata.resourceVersion, creationTimestamp: null, annotations: { "k8s.io/initial-events-end": "true" } } });
    sim.store.apply(pod("a", "p3"));
    await until(() => w.events.some((e) => e.type === "ADDED" && e.object.metadata.name === "p3"), "the new pod");
    w.close();
    sim.store.remove("v1", "Pod", "a", "p3");
  });

  it("validates watch-list options like the apiserver", async () => {
    const r1 = await call(sim, "/api/v1/pods?watch=1&sendInitialEvents=true&allowWatchBookmarks=true", { token });
    expect(r1.status).toBe(422);
    expect(r1.json).toMatchObject({ kind: "Status", reason: "Invalid", code: 422 });
    expect(r1.json.message).toContain("sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
    const r2 = await call(sim, "/api/v1/pods?watch=1&resourceVersionMatch=NotOlderThan&resourceVersion=0", { token });
    expect(r2.json.message).toContain("resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
    const r3 = await call(sim, "/api/v1/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan", { token });
    expect(r3.json.message).toContain("allowWatchBookmarks");
    const old = await startKubeSim({ version: "1.26" });
    try {
      const r4 = await call(old, "/api/v1/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true", { token: tokenOf(old, "admin") });
      expect(r4.json.message).toContain("WatchList feature gate");
    } finally {
      await old.close();
    }
  });

  it("timeoutSeconds ends the stream cleanly, with a bookmark 2 s before the deadline", async () => {
    const slow = await startKubeSim({ objects: [pod("a", "p1")], bookmarkIntervalMs: 600_000 });
    try {
      const t = tokenOf(slow, "admin");
      const rv = (await call(slow, "/api/v1/pods", { token: t })).json.metadata.resourceVersion;
      const started = Date.now();
      const w = openWatch(slow, `/api/v1/pods?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=4`, t);
      await until(() => w.ended !== undefined, "the timeout");
      expect(w.ended).toBe("end");
      expect(Date.now() - started).toBeGreaterThanOrEqual(3900);
      expect(w.events.map((e) => e.type)).toEqual(["BOOKMARK"]);
      // 4 s timeout, bookmark at 2 s: well before the end
      expect(w.events[0]!.at - started).toBeLessThan(3500);
      expect(w.events[0]!.object.metadata.resourceVersion).toBe(rv);
    } finally {
      await slow.close();
    }
  });

  it("without timeoutSeconds a watch still ends, between the min request timeout and twice it", async () => {
    const short = await startKubeSim({ objects: [pod("a", "p1")], minRequestTimeoutSeconds: 1 });
    try {
      const started = Date.now();
      const events = await watch(short, "/api/v1/pods?watch=true", tokenOf(short, "admin"), () => false);
      expect(names(events)).toEqual(["ADDED p1"]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(990);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await short.close();
    }
  });
});

describe("resourceVersion semantics and 410 Expired", () => {
  let sim: KubeSim;
  let token: string;
  beforeAll(async () => {
    sim = await startKubeSim({ objects: [pod("a", "p1"), pod("a", "p2")], eventLogSize: 5 });
    token = tokenOf(sim, "admin");
  });
  afterAll(() => sim?.close());

  it("rv unset or 0 starts with synthetic ADDED events, a current rv with none", async () => {
    for (const q of ["", "&resourceVersion=0"]) {
      const evs = await watch(sim, `/api/v1/pods?watch=1&timeoutSeconds=1${q}`, token, () => false);
      expect(names(evs)).toEqual(["ADDED p1", "ADDED p2"]);
    }
    const rv = (await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion;
    const evs = await watch(sim, `/api/v1/pods?watch=1&timeoutSeconds=1&resourceVersion=${rv}`, token, () => false);
    expect(evs).toEqual([]);
  });

  it("a watch replays what happened after its rv, and 410s once the log has moved past it", async () => {
    const rv = (await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion;
    for (let i = 0; i < 3; i++) sim.store.apply(pod("a", `r${i}`));
    const replay = await watch(sim, `/api/v1/pods?watch=1&timeoutSeconds=1&resourceVersion=${rv}`, token, () => false);
    expect(names(replay)).toEqual(["ADDED r0", "ADDED r1", "ADDED r2"]);
    // eventLogSize 5: three more events push the first ones out of the log
    for (let i = 0; i < 3; i++) sim.store.remove("v1", "Pod", "a", `r${i}`);
    const expired = await watch(sim, `/api/v1/pods?watch=1&timeoutSeconds=1&resourceVersion=${rv}`, token, () => false);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ type: "ERROR", object: { kind: "Status", apiVersion: "v1", status: "Failure", code: 410, reason: "Expired" } });
    expect(expired[0]!.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    // a list's rv is always usable right after the list
    const fresh = (await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion;
    const ok = await watch(sim, `/api/v1/pods?watch=1&timeoutSeconds=1&resourceVersion=${fresh}`, token, () => false);
    expect(ok).toEqual([]);
  });

  it("a continue token older than the log is 410 Expired", async () => {
    const first = await call(sim, "/api/v1/pods?limit=1", { token });
    expect(first.json.metadata.continue).toBeTruthy();
    for (let i = 0; i < 6; i++) sim.store.apply(pod("b", `c${i}`));
    const stale = await call(sim, `/api/v1/pods?limit=1&continue=${first.json.metadata.continue}`, { token });
    expect(stale.status).toBe(410);
    expect(stale.json).toMatchObject({ reason: "Expired", code: 410 });
    for (let i = 0; i < 6; i++) sim.store.remove("v1", "Pod", "b", `c${i}`);
  });

  it("a watch after compact() is 410 Expired", async () => {
    const rv = (await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion;
    sim.compact();
    const evs = await watch(sim, `/api/v1/pods?watch=1&resourceVersion=${rv}`, token, () => false);
    expect(evs).toEqual([expect.objectContaining({ type: "ERROR", object: expect.objectContaining({ code: 410, reason: "Expired" }) })]);
  });

  it("lists: rv 0 is any state, a future rv times out as too large, Exact serves only an unchanged state", async () => {
    const now = Number((await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion);
    expect((await call(sim, "/api/v1/pods?resourceVersion=0", { token })).json.items).toHaveLength(2);
    expect((await call(sim, `/api/v1/pods?resourceVersion=${now}&resourceVersionMatch=NotOlderThan`, { token })).status).toBe(200);
    const exact = await call(sim, `/api/v1/pods?resourceVersion=${now}&resourceVersionMatch=Exact`, { token });
    expect(exact.json.metadata.resourceVersion).toBe(String(now));
    sim.store.apply(pod("a", "x"));
    expect((await call(sim, `/api/v1/pods?resourceVersion=${now}&resourceVersionMatch=Exact`, { token })).status).toBe(410);
    // configmaps did not change since `now`: the current state is the state at `now`
    expect((await call(sim, `/api/v1/configmaps?resourceVersion=${now}&resourceVersionMatch=Exact`, { token })).status).toBe(200);
    sim.store.remove("v1", "Pod", "a", "x");
    const future = await call(sim, `/api/v1/pods?resourceVersion=${now + 1000}`, { token });
    expect(future.status).toBe(504);
    expect(future.json).toMatchObject({ reason: "Timeout", details: { causes: [{ reason: "ResourceVersionTooLarge" }] } });
    const bad = await call(sim, "/api/v1/pods?resourceVersionMatch=Exact", { token });
    expect(bad.status).toBe(422);
    expect(bad.json.message).toContain("resourceVersionMatch is forbidden unless resourceVersion is provided");
  });

  it("a watch from a future rv waits for it, then reports Too large resource version", async () => {
    const now = Number((await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion);
    const evs = await watch(sim, `/api/v1/pods?watch=1&resourceVersion=${now + 1000}`, token, () => false);
    expect(evs).toEqual([expect.objectContaining({ type: "ERROR", object: expect.objectContaining({ code: 504, reason: "Timeout" }) })]);
    // one write ahead is reached within the wait: the watch then starts normally
    const w = openWatch(sim, `/api/v1/pods?watch=1&resourceVersion=${now + 1}&timeoutSeconds=2`, token);
    await new Promise((r) => setTimeout(r, 100));
    sim.store.apply(pod("a", "y"));
    sim.store.apply(pod("a", "z"));
    await until(() => w.ended !== undefined, "the watch to end");
    expect(names(w.events)).toEqual(["ADDED z"]);
    sim.store.remove("v1", "Pod", "a", "y");
    sim.store.remove("v1", "Pod", "a", "z");
  });
});

describe("watch faults", () => {
  let sim: KubeSim;
  let token: string;
  beforeAll(async () => {
    sim = await startKubeSim({ objects: [pod("a", "p1"), pod("a", "p2"), pod("a", "p3")] });
    token = tokenOf(sim, "admin");
  });
  afterAll(() => sim?.close());

  it("drops a watch connection after N events, once", async () => {
    sim.setFaults([{ pathPattern: "/pods$", watchDropAfterEvents: 2, times: 1 }]);
    const w = openWatch(sim, "/api/v1/pods?watch=1&timeoutSeconds=5", token);
    await until(() => w.ended !== undefined, "the drop");
    expect(w.ended).toBe("aborted");
    expect(names(w.events)).toEqual(["ADDED p1", "ADDED p2"]);
    // the fault is spent: the next watch streams and ends cleanly; lists were never affected
    const again = await watch(sim, "/api/v1/pods?watch=1&timeoutSeconds=1", token, () => false);
    expect(again).toHaveLength(3);
    sim.clearFaults();
  });

  it("drops a watch connection with a probability per event", async () => {
    sim.setFaults([{ watchDropRate: 1, times: 1 }]);
    const rv = (await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion;
    const w = openWatch(sim, `/api/v1/pods?watch=1&resourceVersion=${rv}&timeoutSeconds=5`, token);
    await until(() => w.status === 200, "the watch to open");
    sim.store.apply(pod("a", "p4"));
    await until(() => w.ended !== undefined, "the drop");
    expect(w.ended).toBe("aborted");
    expect(w.events).toEqual([]);
    sim.store.remove("v1", "Pod", "a", "p4");
    sim.clearFaults();
  });

  it("answers a 410 storm for watches from a resourceVersion, `times` limited", async () => {
    sim.setFaults([{ pathPattern: "^/api/v1/pods$", watchExpired: 1, times: 2 }]);
    const rv = (await call(sim, "/api/v1/pods", { token })).json.metadata.resourceVersion;
    // a watch without rv cannot be too old and does not spend the fault
    expect(await watch(sim, "/api/v1/pods?watch=1&timeoutSeconds=1", token, () => false)).toHaveLength(3);
    const codes: Array<number | string> = [];
    for (let i = 0; i < 3; i++) {
      const evs = await watch(sim, `/api/v1/pods?watch=1&timeoutSeconds=1&resourceVersion=${rv}`, token, () => false);
      codes.push(evs[0]?.object.code ?? "ok");
    }
    expect(codes).toEqual([410, 410, "ok"]);
    sim.clearFaults();
  });

  it("slows a stream: each event is delayed by latencyMs, in order", async () => {
    sim.setFaults([{ pathPattern: "/pods$", latencyMs: 300 }]);
    const rv = (await call(sim, "/api/v1/namespaces/a/pods", { token })).json.metadata.resourceVersion;
    sim.clearFaults();
    sim.setFaults([{ pathPattern: "/pods$", latencyMs: 300 }]);
    const w = openWatch(sim, `/api/v1/namespaces/a/pods?watch=1&resourceVersion=${rv}&timeoutSeconds=10`, token);
    await until(() => w.status === 200, "the watch to open");
    const written = Date.now();
    for (let i = 0; i < 3; i++) sim.store.apply(pod("a", `s${i}`));
    await until(() => w.events.length === 3, "the slow events");
    expect(names(w.events)).toEqual(["ADDED s0", "ADDED s1", "ADDED s2"]);
    expect(w.events[0]!.at - written).toBeGreaterThanOrEqual(290);
    w.close();
    sim.clearFaults();
    for (let i = 0; i < 3; i++) sim.store.remove("v1", "Pod", "a", `s${i}`);
  });
});

describe("cluster-wide watches", () => {
  let sim: KubeSim;
  let token: string;
  let objects: KubeObject[];
  beforeAll(async () => {
    const s = scenarios["shop-staging"]!();
    objects = s.objects;
    sim = await startKubeSim({ objects, version: s.version });
    token = tokenOf(sim, "admin");
  });
  afterAll(() => sim?.close());

  it("every served kind can be watched across namespaces and starts with its objects", async () => {
    const paths: Array<{ path: string; kind: string }> = [];
    const core = (await call(sim, "/api/v1", { token })).json;
    for (const r of core.resources) if (r.verbs.includes("watch")) paths.push({ path: `/api/v1/${r.name}`, kind: r.kind });
    for (const g of (await call(sim, "/apis", { token })).json.groups) {
      const gv = g.preferredVersion.groupVersion;
      for (const r of (await call(sim, `/apis/${gv}`, { token })).json.resources) if (r.verbs.includes("watch")) paths.push({ path: `/apis/${gv}/${r.name}`, kind: r.kind });
    }
    expect(paths.length).toBeGreaterThan(20);
    const results = await Promise.all(paths.map((p) => watch(sim, `${p.path}?watch=1&timeoutSeconds=1`, token, () => false).then((evs) => ({ ...p, evs }))));
    for (const { kind, evs, path } of results) {
      const want = objects.filter((o) => o.kind === kind).length;
      expect(evs.length, path).toBe(want);
      expect(evs.every((e) => e.type === "ADDED" && e.object.kind === kind), path).toBe(true);
    }
  });

  it("cluster-wide watches filter by label and field selectors, and the /watch/ path works", async () => {
    const rv = (await call(sim, "/apis/apps/v1/deployments", { token })).json.metadata.resourceVersion;
    const byLabel = openWatch(sim, `/apis/apps/v1/deployments?watch=1&resourceVersion=${rv}&labelSelector=team%3Dwatch`, token);
    const byField = openWatch(sim, `/api/v1/pods?watch=1&resourceVersion=${rv}&fieldSelector=metadata.namespace%3Dwatched`, token);
    const legacy = openWatch(sim, `/api/v1/watch/pods?resourceVersion=${rv}`, token);
    await until(() => byLabel.status === 200 && byField.status === 200 && legacy.status === 200, "the watches to open");
    const dep = (name: string, team: string): KubeObject => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "x", labels: { team } }, spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "busybox" }] } } } });
    sim.store.apply(dep("d1", "other"));
    sim.store.apply(dep("d2", "watch"));
    sim.store.apply(pod("elsewhere", "e1"));
    sim.store.apply(pod("watched", "w1"));
    await until(() => byLabel.events.length >= 1 && byField.events.length >= 1 && legacy.events.length >= 2, "the filtered events");
    expect(names(byLabel.events)).toEqual(["ADDED d2"]);
    expect(names(byField.events)).toEqual(["ADDED w1"]);
    expect(names(legacy.events)).toEqual(["ADDED e1", "ADDED w1"]);
    for (const w of [byLabel, byField, legacy]) w.close();
  });
});

describe("@kubernetes/client-node ListWatch with bookmarks", () => {
  it("resumes from bookmarks instead of relisting after the log moved on", async () => {
    const sim = await startKubeSim({ objects: [pod("a", "p1"), pod("a", "p2")], bookmarkIntervalMs: 100, eventLogSize: 10 });
    try {
      const kc = new KubeConfig();
      kc.loadFromString(sim.kubeconfig());
      const api = kc.makeApiClient(CoreV1Api);
      // client-node's ListWatch passes only rv and selectors: ask for bookmarks (as client-go
      // does) and for short watches so that it reconnects several times. Each connection is
      // numbered and the bookmarks it delivered are recorded, to act at known points.
      const connections: Array<{ bookmarks: number[] }> = [];
      class BookmarkWatch extends Watch {
        override watch(path: string, params: Record<string, unknown>, cb: (phase: string, obj: any, watchObj?: any) => void, done: (err: unknown) => void) {
          const conn = { bookmarks: [] as number[] };
          connections.push(conn);
          const record = (phase: string, obj: any, watchObj?: any) => {
            if (phase === "BOOKMARK") conn.bookmarks.push(Number(obj.metadata.resourceVersion));
            cb(phase, obj, watchObj);
          };
          return super.watch(path, { ...params, allowWatchBookmarks: true, timeoutSeconds: 3 }, record, done);
        }
      }
      let lists = 0;
      const informer = new ListWatch<V1Pod>("/api/v1/namespaces/a/pods", new BookmarkWatch(kc), () => {
        lists++;
        return api.listNamespacedPod({ namespace: "a" });
      }, false);
      const updates: string[] = [];
      informer.on("update", (p) => updates.push(`${p.metadata!.name} ${p.metadata!.labels?.round}`));
      await informer.start();
      expect(lists).toBe(1);
      for (let round = 0; round < 3; round++) {
        // at the start of a fresh connection (it has ~3 s to live)...
        const n = connections.length;
        await until(() => connections.length > n && connections[connections.length - 1]!.bookmarks.length > 0, "a new connection with a bookmark");
        const conn = connections[connections.length - 1]!;
        // ...20 writes to another collection: far more than the log keeps
        let last = 0;
        for (let i = 0; i < 20; i++) last = Number(sim.store.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `cm${i}`, namespace: "b" }, data: { round: String(round) } }).metadata.resourceVersion);
        await until(() => conn.bookmarks.some((rv) => rv >= last), "a bookmark past the writes");
        // the watch times out and reconnects from that bookmark's rv, which is still retained
        const m = connections.length;
        await until(() => connections.length > m, "the reconnect");
        const p = sim.store.list("Pod").find((o) => o.metadata.name === "p1")!;
        sim.store.apply({ ...p, metadata: { ...p.metadata, labels: { round: String(round) } } });
        await until(() => updates.includes(`p1 ${round}`), `the update of round ${round}`);
      }
      // without bookmarks each reconnect would have been a 410 and a relist
      expect(lists).toBe(1);
      await informer.stop();
    } finally {
      await sim.close();
    }
  });
});
