// watchCluster against kube-sim over real HTTPS on loopback: the baseline equals readCluster's
// snapshot, writes (the sim's store and the real kubectl) arrive as changes with fields and
// manager, dropped watches and compaction lose nothing, forbidden watches fall back, stop() closes.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { scenarios, startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import type { KubeObject, Snapshot } from "@bulwark/rules";
import { ClusterUnreachableError } from "./errors";
import { readCluster } from "./reader";
import { RESOURCES_TO_READ } from "./resources";
import { watchCluster, type ClusterWatch, type ClusterWatchOptions, type WatchChange, type WatchState } from "./watch";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const hasKubectl = existsSync(KUBECTL);

let sim: KubeSim;
let dir: string;
const watches: ClusterWatch[] = [];

beforeAll(async () => {
  sim = await startKubeSim({
    objects: scenarios["shop-staging"]!().objects,
    clusterName: "watched",
    bookmarkIntervalMs: 300,
    identities: [
      { name: "admin", allow: "*" },
      { name: "list-only", allow: [{ group: "*", resource: "*", verbs: ["get", "list"] }] },
      {
        name: "no-pod-watch",
        allow: RESOURCES_TO_READ.map((r) => (r.resource === "pods" ? { group: "", resource: "pods", verbs: ["get", "list"] } : { group: r.group, resource: r.resource })),
      },
    ],
  });
  dir = await mkdtemp(join(tmpdir(), "bulwark-watch-"));
});
afterEach(async () => {
  sim.clearFaults();
  await Promise.all(watches.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function waitUntil<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Watched {
  watch: ClusterWatch;
  changes: WatchChange[];
  states: Array<{ state: WatchState; error?: string }>;
}

function start(identity = "admin", extra: Partial<ClusterWatchOptions> = {}): Watched {
  const changes: WatchChange[] = [];
  const states: Watched["states"] = [];
  const watch = watchCluster(sim.kubeconfig({ identity }), {
    allowPrivateNetworks: true,
    backoffMs: { base: 50, cap: 500 },
    watchTimeoutSeconds: 30,
    batchMs: 50,
    onChanges: (batch) => void changes.push(...batch),
    onState: (state, detail) => void states.push({ state, ...(detail?.error ? { error: detail.error } : {}) }),
    ...extra,
  });
  watches.push(watch);
  return { watch, changes, states };
}

const idOf = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;

/** Sorted identity + resourceVersion of every object: what "the same state" means. */
function fingerprint(snap: Snapshot): string[] {
  return snap.objects.map((o) => `${idOf(o)}@${o.metadata.resourceVersion}`).sort();
}

function pod(name: string, opts: { privileged?: boolean; image?: string; ns?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: opts.ns ?? "default", labels: { app: name } },
    spec: { containers: [{ name: "app", image: opts.image ?? "nginx:1.25", securityContext: { privileged: opts.privileged ?? false } }] },
  };
}

const changesOf = (w: Watched, kind: string, name: string) => w.changes.filter((c) => c.object.kind === kind && c.object.metadata.name === name);

describe("watchCluster against kube-sim", () => {
  it("syncs a baseline equal to readCluster's snapshot, emitting nothing for it", async () => {
    const w = start();
    await w.watch.synced;
    const [fresh, snap] = [await readCluster(sim.kubeconfig(), { allowPrivateNetworks: true }), w.watch.snapshot()];
    const byId = (s: Snapshot) => [...s.objects].sort((a, b) => idOf(a).localeCompare(idOf(b)));
    expect(snap.objects.length).toBeGreaterThan(50);
    expect(byId(snap)).toEqual(byId(fresh));
    expect(snap.kinds.map((k) => [k.kind, k.status, k.count])).toEqual(fresh.kinds.map((k) => [k.kind, k.status, k.count]));
    expect({ kubeVersion: snap.kubeVersion, gitVersion: snap.gitVersion, platform: snap.platform, source: snap.source, kindsComplete: snap.kindsComplete }).toEqual({
      kubeVersion: fresh.kubeVersion,
      gitVersion: fresh.gitVersion,
      platform: fresh.platform,
      source: "cluster",
      kindsComplete: true,
    });
    expect(snap.servedVersions).toEqual(fresh.servedVersions);
    // Secret values never kept, as in readCluster.
    for (const s of snap.objects.filter((o) => o.kind === "Secret")) {
      for (const v of Object.values((s.data ?? {}) as Record<string, string>)) expect(v).toMatch(/^<redacted:\d+ bytes>$/);
    }
    // Cheap to call again: the same frozen snapshot until something changes.
    expect(w.watch.snapshot()).toBe(snap);
    expect(w.watch.stats()).toMatchObject({ state: "live", objects: snap.objects.length });
    expect(w.states.at(-1)?.state).toBe("live");
    await new Promise((r) => setTimeout(r, 400));
    expect(w.changes).toEqual([]);
    // Bookmarks arrive (every 300 ms here) and are counted, not emitted.
    await waitUntil("a bookmark", () => w.watch.stats().bookmarks > 0);
  });

  it("emits a pod created, modified and deleted through the store, with fields and manager", async () => {
    const w = start();
    await w.watch.synced;
    sim.store.apply(pod("store-pod"), { manager: "helm" });
    const added = await waitUntil("added", () => changesOf(w, "Pod", "store-pod").find((c) => c.type === "added"));
    expect(added).toMatchObject({ type: "added", fields: [], manager: "helm" });
    expect(added.previous).toBeUndefined();
    expect(w.watch.snapshot().objects.some((o) => o.kind === "Pod" && o.metadata.name === "store-pod")).toBe(true);

    sim.store.apply(pod("store-pod", { privileged: true }), { manager: "argocd-controller" });
    const modified = await waitUntil("modified", () => changesOf(w, "Pod", "store-pod").find((c) => c.type === "modified"));
    expect(modified.fields).toEqual(["spec.containers[app].securityContext.privileged"]);
    expect(modified.manager).toBe("argocd-controller");
    expect(modified.previous).toBe(added.object);
    expect(modified.object.metadata.managedFields).toBeUndefined();

    sim.store.remove("v1", "Pod", "default", "store-pod");
    const deleted = await waitUntil("deleted", () => changesOf(w, "Pod", "store-pod").find((c) => c.type === "deleted"));
    expect(deleted.previous).toBe(modified.object);
    expect(deleted.object.metadata.name).toBe("store-pod");
    expect(w.watch.snapshot().objects.some((o) => o.metadata.name === "store-pod")).toBe(false);
    expect(changesOf(w, "Pod", "store-pod").map((c) => c.type)).toEqual(["added", "modified", "deleted"]);
  });

  it("emits nothing for a write that changes nothing but the resourceVersion", async () => {
    const w = start();
    await w.watch.synced;
    const existing = sim.store.list("Pod")[0]!;
    sim.store.apply(existing);
    // A real change after it on the same stream: once it is seen, the no-op has been processed.
    sim.store.apply(pod("after-noop"));
    await waitUntil("the change after the no-op", () => changesOf(w, "Pod", "after-noop").length > 0);
    expect(w.changes.filter((c) => c.object.metadata.name === existing.metadata.name)).toEqual([]);
    // ...yet the snapshot holds the newest resourceVersion.
    const now = sim.store.list("Pod").find((p) => p.metadata.name === existing.metadata.name)!;
    expect(w.watch.snapshot().objects.find((o) => o.kind === "Pod" && o.metadata.name === existing.metadata.name)?.metadata.resourceVersion).toBe(
      now.metadata.resourceVersion,
    );
    sim.store.remove("v1", "Pod", "default", "after-noop");
  });

  it.skipIf(!hasKubectl)("emits kubectl's apply, patch and delete with kubectl as the manager", async () => {
    const w = start();
    await w.watch.synced;
    const cfg = join(dir, "config");
    await writeFile(cfg, sim.kubeconfig());
    const kubectl = (...args: string[]) =>
      exec(KUBECTL, [...args, "--request-timeout=10s"], { env: { PATH: "/usr/bin:/bin", HOME: dir, KUBECONFIG: cfg }, timeout: 30_000 });
    const manifest = join(dir, "pod.yaml");
    await writeFile(
      manifest,
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubectl-pod\n  namespace: default\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25\n",
    );
    await kubectl("apply", "-f", manifest);
    const added = await waitUntil("kubectl apply", () => changesOf(w, "Pod", "kubectl-pod").find((c) => c.type === "added"));
    expect(added.manager).toMatch(/^kubectl/);

    await kubectl("patch", "pod", "kubectl-pod", "-n", "default", "--type=merge", "-p", '{"spec":{"containers":[{"name":"web","image":"nginx:1.25","securityContext":{"privileged":true}}]}}');
    const modified = await waitUntil("kubectl patch", () => changesOf(w, "Pod", "kubectl-pod").find((c) => c.type === "modified"));
    expect(modified.fields).toContain("spec.containers[web].securityContext");
    expect(modified.manager).toMatch(/^kubectl/);
    expect(modified.previous).toBe(added.object);

    await kubectl("delete", "pod", "kubectl-pod", "-n", "default", "--wait=false");
    await waitUntil("kubectl delete", () => changesOf(w, "Pod", "kubectl-pod").find((c) => c.type === "deleted"));
  });

  it("loses no event when watch connections drop during a burst of writes", async () => {
    // Watch faults are decided when a watch starts: the pods watch drops after 2 events, 6 times.
    sim.setFaults([{ pathPattern: "/pods$", watchDropAfterEvents: 2, times: 6 }]);
    const w = start();
    await w.watch.synced;
    const names = Array.from({ length: 20 }, (_, i) => `burst-${i}`);
    for (const n of names) sim.store.apply(pod(n));
    for (const n of names.slice(0, 10)) sim.store.apply(pod(n, { image: "nginx:1.26" }));
    for (const n of names.slice(10, 15)) sim.store.remove("v1", "Pod", "default", n);
    await waitUntil("the watcher to catch up", async () => {
      const fresh = await readCluster(sim.kubeconfig(), { allowPrivateNetworks: true });
      return JSON.stringify(fingerprint(w.watch.snapshot())) === JSON.stringify(fingerprint(fresh));
    });
    // The snapshot is current at once; changes reach onChanges in the next batch. Changes arrive
    // in order, so once the last write's is delivered, every earlier one is.
    await waitUntil("the last change delivered", () => changesOf(w, "Pod", "burst-14").some((c) => c.type === "deleted"));
    expect(w.watch.stats().reconnects).toBeGreaterThanOrEqual(1);
    for (const n of names) expect(changesOf(w, "Pod", n)[0]?.type, n).toBe("added");
    for (const n of names.slice(0, 10)) expect(changesOf(w, "Pod", n).find((c) => c.type === "modified")?.fields, n).toEqual(["spec.containers[app].image"]);
    for (const n of names.slice(10, 15)) expect(changesOf(w, "Pod", n).at(-1)?.type, n).toBe("deleted");
    for (const n of names) sim.store.remove("v1", "Pod", "default", n);
  });

  it("relists after compaction (410 Gone) and emits the differences it missed", async () => {
    // The pods watch drops after its third event; while the watcher backs off, the cluster
    // changes and etcd compacts, so the resume gets 410 and only a relist can tell what happened.
    sim.setFaults([{ pathPattern: "/pods$", watchDropAfterEvents: 3, times: 1 }]);
    const w = start();
    await w.watch.synced;
    sim.store.apply(pod("gone-later"));
    sim.store.apply(pod("changed-later"));
    await waitUntil("the setup", () => changesOf(w, "Pod", "changed-later").length > 0 && changesOf(w, "Pod", "gone-later").length > 0);
    const relistsBefore = w.watch.stats().relists;
    expect(relistsBefore).toBe(0);
    sim.store.apply(pod("trigger"));
    sim.store.apply(pod("born-in-gap"));
    sim.store.apply(pod("changed-later", { privileged: true }));
    sim.store.remove("v1", "Pod", "default", "gone-later");
    sim.compact();
    await waitUntil("the watcher to catch up", async () => {
      const fresh = await readCluster(sim.kubeconfig(), { allowPrivateNetworks: true });
      return JSON.stringify(fingerprint(w.watch.snapshot())) === JSON.stringify(fingerprint(fresh));
    });
    // A relist emits its differences together, in one batch.
    await waitUntil("the relist's changes delivered", () => changesOf(w, "Pod", "gone-later").some((c) => c.type === "deleted"));
    expect(changesOf(w, "Pod", "born-in-gap").map((c) => c.type)).toEqual(["added"]);
    expect(changesOf(w, "Pod", "changed-later").at(-1)).toMatchObject({ type: "modified", fields: ["spec.containers[app].securityContext.privileged"] });
    expect(changesOf(w, "Pod", "gone-later").at(-1)?.type).toBe("deleted");
    for (const n of ["trigger", "born-in-gap", "changed-later"]) sim.store.remove("v1", "Pod", "default", n);
    expect(w.watch.stats().relists).toBeGreaterThan(relistsBefore);
  });

  it("rides out a 410 storm with relists and stays live", async () => {
    // The first three configmaps watches (each from a list's resourceVersion) are told 410.
    sim.setFaults([{ pathPattern: "/configmaps$", watchExpired: 1, times: 3 }]);
    const w2 = start();
    await w2.watch.synced;
    await waitUntil("three relists", () => w2.watch.stats().relists >= 3);
    sim.store.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "after-storm", namespace: "default" }, data: { a: "1" } });
    await waitUntil("the change after the storm", () => changesOf(w2, "ConfigMap", "after-storm").length > 0);
    expect(w2.watch.stats().state).toBe("live");
    sim.store.remove("v1", "ConfigMap", "default", "after-storm");
  });

  it('falls back when the credential may list but not watch, naming the kinds', async () => {
    const w = start("no-pod-watch");
    await w.watch.synced;
    const fallback = await waitUntil("fallback", () => w.states.find((s) => s.state === "fallback"));
    expect(fallback.error).toMatch(/may not watch Pod \(HTTP 403 on watch\)/);
    expect(fallback.error).not.toMatch(/Secret|ConfigMap/);
    expect(w.watch.stats().state).toBe("fallback");
    // Other kinds are still watched.
    sim.store.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "still-watched", namespace: "default" }, data: { a: "1" } });
    await waitUntil("a configmap change", () => changesOf(w, "ConfigMap", "still-watched").length > 0);
    sim.store.remove("v1", "ConfigMap", "default", "still-watched");

    const all = start("list-only");
    await all.watch.synced;
    // Each kind's watch is refused in turn; the message grows to name them all.
    const f = await waitUntil("fallback naming every kind", () => all.states.find((s) => s.state === "fallback" && /and \d+ more/.test(s.error ?? "")));
    expect(f.error).toMatch(/^this credential may not watch Namespace, Node, Pod, /);
    expect(all.watch.snapshot().objects.length).toBeGreaterThan(50);
  });

  it("rejects synced when the cluster cannot be reached, in state error", async () => {
    const gone = await startKubeSim({ objects: [] });
    const kubeconfig = gone.kubeconfig();
    await gone.close();
    const states: WatchState[] = [];
    const w = watchCluster(kubeconfig, { allowPrivateNetworks: true, retries: 0, onChanges: () => undefined, onState: (s) => void states.push(s) });
    watches.push(w);
    await expect(w.synced).rejects.toBeInstanceOf(ClusterUnreachableError);
    expect(states).toEqual(["error"]);
    expect(w.stats().state).toBe("error");
  });

  it("goes to state error when every watch keeps failing, and names why", async () => {
    const lost = await startKubeSim({ objects: scenarios["shop-staging"]!().objects });
    const states: Array<{ state: WatchState; error?: string }> = [];
    const w = watchCluster(lost.kubeconfig(), {
      allowPrivateNetworks: true,
      backoffMs: { base: 20, cap: 200 },
      onChanges: () => undefined,
      onState: (state, detail) => void states.push({ state, ...(detail?.error ? { error: detail.error } : {}) }),
    });
    watches.push(w);
    await w.synced;
    await lost.close();
    const error = await waitUntil("state error", () => states.find((s) => s.state === "error"));
    expect(error.error).toMatch(/every watch is failing: .*(refused|reset|aborted|hang up)/i);
    expect(w.stats().reconnects).toBeGreaterThan(0);
    // What was read stays available.
    expect(w.snapshot().objects.length).toBeGreaterThan(50);
  });

  it("stop() closes every stream and timer and delivers what was pending", async () => {
    const count = (kind: string) => process.getActiveResourcesInfo().filter((r) => r === kind).length;
    const tls = () => count("TCPSocketWrap");
    // Sockets of earlier tests (both ends live in this process) close shortly after their stop().
    const before = await waitUntil("earlier sockets closed", () => (tls() === 0 ? 1 : 0)).then(() => 0);
    const timersBefore = count("Timeout");
    let release: () => void = () => undefined;
    const delivered: WatchChange[] = [];
    let first = true;
    const w = start("admin", {
      // A slow consumer: the first batch blocks until released.
      onChanges: (batch) => {
        delivered.push(...batch);
        if (!first) return;
        first = false;
        return new Promise<void>((r) => (release = r));
      },
    });
    await w.watch.synced;
    const watched = w.watch.snapshot().kinds.filter((k) => k.status === "read").length;
    expect(watched).toBeGreaterThan(20);
    // A stream per kind, both ends in this process.
    await waitUntil("a stream per kind", () => tls() >= 2 * watched);
    sim.store.apply(pod("pending-1"));
    await waitUntil("the first batch", () => delivered.length > 0);
    sim.store.apply(pod("pending-2"));
    await waitUntil("the second change received", () => w.watch.snapshot().objects.some((o) => o.metadata.name === "pending-2"));
    const stopped = w.watch.stop();
    release();
    await stopped;
    expect(delivered.map((c) => c.object.metadata.name)).toEqual(["pending-1", "pending-2"]);
    // Both ends of every stream are in this process: the sim's side closes when ours does, and its
    // per-watch timers (bookmarks, timeouts) go with them, as do ours.
    await waitUntil("every socket and timer closed", () => tls() <= before && count("Timeout") <= timersBefore);
    for (const n of ["pending-1", "pending-2"]) sim.store.remove("v1", "Pod", "default", n);
  });
});
