// Continuous mode in a worker: shares the watched clusters with the other workers through leases
// (packages/db watch/), runs a LiveCluster per lease and gives leases back when it holds more than
// its fair share, so a joining worker gets some. One loop: heartbeat and renew every third of the
// lease time, take new or expired leases every few seconds. A worker that cannot renew stops
// watching before its leases can expire (no cluster watched twice); after a SIGKILL its leases
// expire and another worker takes them over within lease time + one scan.
import { acquireWatchLeases, fairShare, getWatchLoad, heartbeatWorker, pruneClusterChanges, registerWorker, releaseWatchLeases, removeWorker, renewWatchLeases, type TWatchLease } from "@bulwark/db";
import type { WorkerContext } from "../context";
import { LiveCluster, type TLiveClusterOptions, type TLiveJudged } from "./live-cluster";

export interface TLiveManagerOptions {
  ctx: WorkerContext;
  /** most clusters this worker watches */
  capacity: number;
  /** a lease not renewed for this long is taken over by another worker */
  leaseMs: number;
  /** how often leases are renewed; default a third of the lease */
  renewEveryMs?: number;
  /** how often new or expired leases are looked for; default 5 s (at most a fifth of the lease) */
  scanEveryMs?: number;
  /** how often old change history is pruned; default hourly */
  pruneEveryMs?: number;
  cluster?: Omit<TLiveClusterOptions, "ctx" | "orgId" | "clusterId" | "onJudged">;
}

export class LiveManager {
  #o: TLiveManagerOptions;
  #clusters = new Map<string, LiveCluster>();
  #timer: NodeJS.Timeout | undefined;
  #prune: NodeJS.Timeout | undefined;
  #lastRenew = 0;
  #lastRenewOk = 0;
  #ticking: Promise<void> | undefined;
  #closed = false;
  #listeners = new Set<(j: TLiveJudged) => void>();

  constructor(o: TLiveManagerOptions) {
    this.#o = o;
  }

  /** Clusters watched now. */
  watching(): string[] {
    return [...this.#clusters.keys()];
  }

  /** A watched cluster's watcher counters (tests, metrics). */
  stats(clusterId: string) {
    return this.#clusters.get(clusterId)?.stats();
  }

  /** Every judge of every watched cluster (logs carry the same; tests and metrics listen here). */
  onJudged(fn: (j: TLiveJudged) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  get #renewEvery() {
    return this.#o.renewEveryMs ?? Math.floor(this.#o.leaseMs / 3);
  }

  async start(): Promise<void> {
    const { ctx } = this.#o;
    await registerWorker({ workerId: ctx.workerId, capacity: this.#o.capacity });
    await this.#tick();
    const every = this.#o.scanEveryMs ?? Math.min(5_000, Math.floor(this.#o.leaseMs / 5));
    this.#timer = setInterval(() => void this.#tick(), every);
    this.#timer.unref();
    // Retention: once an hour per worker (one index probe when nothing is old enough).
    const prune = () =>
      pruneClusterChanges().then(
        (n) => n && ctx.log("pruned change history", { rows: n }),
        (e: Error) => ctx.log("change history pruning failed", { error: e.message }),
      );
    void prune();
    this.#prune = setInterval(() => void prune(), this.#o.pruneEveryMs ?? 3_600_000);
    this.#prune.unref();
    ctx.log("continuous mode started", { capacity: this.#o.capacity, leaseMs: this.#o.leaseMs, watching: this.#clusters.size });
  }

  #tick(): Promise<void> {
    this.#ticking ??= this.#step()
      .catch((e: Error) => this.#o.ctx.log("continuous mode tick failed", { error: e.message }))
      .finally(() => (this.#ticking = undefined));
    return this.#ticking;
  }

  async #step(): Promise<void> {
    if (this.#closed) return;
    const { ctx, leaseMs } = this.#o;
    const workerId = ctx.workerId;
    const now = Date.now();
    let owned: TWatchLease[] | undefined;
    if (now - this.#lastRenew >= this.#renewEvery || this.#lastRenew === 0) {
      this.#lastRenew = now;
      try {
        if (!(await heartbeatWorker({ workerId }))) await registerWorker({ workerId, capacity: this.#o.capacity });
        owned = await renewWatchLeases({ workerId, leaseMs });
        this.#lastRenewOk = now;
      } catch (e) {
        // Renewal failing (database unreachable): stop watching before the leases can run out,
        // since another worker may take them then.
        if (Date.now() - this.#lastRenewOk > leaseMs * 0.8) await this.#stopAll(false);
        throw e;
      }
    }
    if (this.#closed) return;
    if (owned) {
      // Lost, released elsewhere, continuous turned off, cluster deleted: stop without writing.
      const keep = new Set(owned.map((l) => l.clusterId));
      await Promise.all([...this.#clusters.keys()].filter((id) => !keep.has(id)).map((id) => this.#stopCluster(id, false)));
    }
    const load = await getWatchLoad({ leaseMs });
    const share = fairShare(load, this.#o.capacity);
    const mine = [...this.#clusters.values()];
    if (mine.length > share) {
      // Over the fair share (a worker joined): give back the newest first, after stopping them.
      const excess = mine.slice(share - mine.length);
      await Promise.all(excess.map((c) => this.#stopCluster(c.clusterId, true)));
      await releaseWatchLeases({ workerId, clusterIds: excess.map((c) => c.clusterId) });
      ctx.log("continuous mode rebalanced", { released: excess.length, share, liveWorkers: load.liveWorkers });
      return;
    }
    // Leases held but not watched (a restart with the same worker id) are watched again.
    for (const l of owned ?? []) if (!this.#clusters.has(l.clusterId)) this.#startCluster(l);
    const want = share - this.#clusters.size;
    if (want <= 0 || this.#closed) return;
    const taken = await acquireWatchLeases({ workerId, want, leaseMs });
    for (const l of taken) this.#startCluster(l);
    if (taken.length) ctx.log("continuous mode took clusters", { count: taken.length, watching: this.#clusters.size, share });
  }

  #startCluster(l: Pick<TWatchLease, "clusterId" | "orgId">): void {
    if (this.#closed || this.#clusters.has(l.clusterId)) return;
    const c = new LiveCluster({
      ...this.#o.cluster,
      ctx: this.#o.ctx,
      orgId: l.orgId,
      clusterId: l.clusterId,
      onJudged: (j) => {
        for (const fn of this.#listeners) fn(j);
      },
    });
    // Insertion order is acquisition order: the newest are given back first.
    this.#clusters.set(l.clusterId, c);
    c.start();
  }

  async #stopCluster(clusterId: string, flush: boolean): Promise<void> {
    const c = this.#clusters.get(clusterId);
    if (!c) return;
    this.#clusters.delete(clusterId);
    await c.stop({ flush }).catch(() => {});
  }

  async #stopAll(flush: boolean): Promise<void> {
    await Promise.all([...this.#clusters.keys()].map((id) => this.#stopCluster(id, flush)));
  }

  /** Graceful: judge what was received, stop every watch, give every lease back so another worker takes over at once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    clearInterval(this.#prune);
    await this.#ticking;
    await this.#stopAll(true);
    const { workerId } = this.#o.ctx;
    await releaseWatchLeases({ workerId }).catch((e: Error) => this.#o.ctx.log("releasing watch leases failed", { error: e.message }));
    await removeWorker({ workerId }).catch(() => {});
    this.#o.ctx.log("continuous mode stopped");
  }
}
