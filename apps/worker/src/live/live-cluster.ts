// One watched cluster: list+watch through @bulwark/k8s, judge the baseline once, then judge each
// coalesced batch of changes and record it as the hour's live scan record, the change history and
// the alerts of what is new. Memory is bounded: one snapshot (the watcher's), one judge state, and
// at most MAX_PENDING changes waiting (past that the watcher is made to wait and folds them).
//
// A full scan of the same cluster records through the same ingestion under the same row lock, so
// the two never interleave inside one record. The full scan's snapshot is older than the watch's
// by the time it lands, so when one lands this judge is rebuilt from scratch (judgeAll on the
// watch's current snapshot, with fresh settings) and records a live update only if the stored
// findings differ from what the watch sees now: the full scan reconciles what the watch cannot
// see, the watch keeps what happened since.
import { getCluster, getClusterCredential, getOrganization, getWatchedCluster, listUnresolvedFindingKeys, recordClusterChanges, recordLiveResults, setWatchState, touchLastEventAt, type TClusterChangeInput, type TRecordLiveResultsOutput } from "@bulwark/db";
import { decryptCredential } from "@bulwark/security";
import { watchCluster, type ClusterWatch, type ClusterWatchOptions, type ClusterWatchStats, type WatchChange, type WatchState } from "@bulwark/k8s";
import { enqueueAlertsForScan } from "@bulwark/jobs";
import { RULES_VERSION, type Snapshot, type VulnReport } from "@bulwark/rules";
import type { WorkerContext } from "../context";
import { ACCESS_KINDS, saveSnapshotAccess } from "../access-model";
import { IMAGE_KINDS, saveSnapshotImages, withImportedReports } from "../images";
import { judgeAll, judgeDelta, type TChangedRef, type TJudgement, type TRejudged } from "./judge";
import { liveSettings, type TLiveSettings } from "./settings";

/** Changes held before the watcher is made to wait (it folds them per object meanwhile). */
export const MAX_PENDING = 5_000;

export interface TLiveJudged {
  orgId: string;
  clusterId: string;
  /** why: "baseline", "changes", "settings", "full-scan" */
  cause: string;
  changes: number;
  rejudged: TRejudged;
  record: TRecordLiveResultsOutput | null;
  ms: number;
}

export interface TLiveClusterOptions {
  ctx: WorkerContext;
  orgId: string;
  clusterId: string;
  /** coalescing window after the first change of a batch */
  debounceMs?: number;
  /** how often settings and the cluster's last scan are re-read */
  checkEveryMs?: number;
  /** how long a credential that may not watch waits before trying again */
  fallbackRetryMs?: number;
  /** first retry after an error (doubles up to 5 minutes) */
  errorRetryMs?: number;
  /** watch factory (tests may wrap it) */
  watch?: (kubeconfig: string, opts: ClusterWatchOptions) => ClusterWatch;
  onJudged?: (j: TLiveJudged) => void;
}

const toRef = (c: WatchChange): TChangedRef => ({
  apiVersion: c.object.apiVersion,
  kind: c.object.kind,
  name: c.object.metadata.name ?? "",
  ...(c.object.metadata.namespace ? { namespace: c.object.metadata.namespace } : {}),
  ...(c.object.metadata.uid ? { uid: c.object.metadata.uid } : {}),
  ...(c.previous ? { previous: c.previous } : {}),
});

const toRow = (c: WatchChange): TClusterChangeInput => ({
  type: c.type,
  at: c.at,
  apiVersion: c.object.apiVersion,
  kind: c.object.kind,
  namespace: c.object.metadata.namespace ?? null,
  name: c.object.metadata.name ?? "",
  uid: c.object.metadata.uid ?? null,
  manager: c.manager ?? null,
  fields: c.fields,
  resourceVersion: c.resourceVersion ?? null,
});

export class LiveCluster {
  readonly orgId: string;
  readonly clusterId: string;
  #o: TLiveClusterOptions;
  #watch: ClusterWatch | undefined;
  #judgement: TJudgement | undefined;
  #settings: TLiveSettings | undefined;
  /** imported vulnerability reports for the watched images, re-read with the settings */
  #imports: { key: string; reports: readonly VulnReport[] } = { key: "", reports: [] };
  #clusterName = "";
  #knownLastScanId: string | null = null;
  #pending: WatchChange[] = [];
  #debounce: NodeJS.Timeout | undefined;
  #check: NodeJS.Timeout | undefined;
  #retry: NodeJS.Timeout | undefined;
  /** serialises judging and recording: one at a time per cluster */
  #chain: Promise<void> = Promise.resolve();
  #stopped = false;
  /** changes arriving after this are dropped (the lease is someone else's now) */
  #discard = false;
  #errors = 0;
  #seq = 0;
  #state: WatchState | "off" = "off";

  constructor(o: TLiveClusterOptions) {
    this.#o = o;
    this.orgId = o.orgId;
    this.clusterId = o.clusterId;
  }

  get state() {
    return this.#state;
  }

  /** The watcher's counters (objects, relists, reconnects, events), while watching. */
  stats(): ClusterWatchStats | undefined {
    return this.#watch?.stats();
  }

  start(): void {
    void this.#run();
  }

  /**
   * Stops watching. With `flush` (graceful: the lease is still ours) the changes received so far
   * are judged and recorded first; without it (the lease was lost) nothing more is written.
   */
  async stop(opts: { flush: boolean }): Promise<void> {
    if (this.#stopped) return this.#chain;
    this.#stopped = true;
    this.#discard = !opts.flush;
    clearTimeout(this.#debounce);
    clearInterval(this.#check);
    clearTimeout(this.#retry);
    const w = this.#watch;
    this.#watch = undefined;
    // The watcher hands its still-pending changes to onChanges while stopping.
    await w?.stop().catch(() => {});
    if (opts.flush) this.#schedule();
    await this.#chain;
  }

  #log(msg: string, data?: Record<string, unknown>) {
    this.#o.ctx.log(msg, { orgId: this.orgId, clusterId: this.clusterId, ...data });
  }

  async #run(): Promise<void> {
    const { ctx, orgId, clusterId } = this.#o;
    try {
      const [credential, cluster, org] = await Promise.all([getClusterCredential({ orgId, clusterId }), getCluster({ orgId, clusterId }), getOrganization({ orgId })]);
      if (this.#stopped) return;
      if (!credential || !cluster || !org) return; // deleted: the lease went with it
      this.#clusterName = cluster.name;
      let kubeconfig: string;
      try {
        kubeconfig = decryptCredential(credential.credentialCipher, ctx.keyring);
      } catch (e) {
        await this.#fail(`cannot decrypt the stored kubeconfig (key "${credential.credentialKeyId}"): ${(e as Error).message}`);
        return;
      }
      this.#state = "starting";
      await setWatchState({ orgId, clusterId, state: "starting" });
      const watch = (this.#o.watch ?? watchCluster)(kubeconfig, {
        allowPrivateNetworks: ctx.allowPrivateNetworks,
        allowInsecureTls: org.allowInsecureTls,
        ...(ctx.scanMaxBytes !== undefined ? { maxBytes: ctx.scanMaxBytes } : {}),
        onChanges: (batch) => this.#onChanges(batch),
        onState: (state, detail) => this.#onState(state, detail?.error),
      });
      this.#watch = watch;
      await watch.synced;
      if (this.#stopped) return;
      this.#errors = 0;
      this.#check = setInterval(() => this.#enqueue(() => this.#periodicCheck()), this.#o.checkEveryMs ?? 10_000);
      this.#check.unref();
      await this.#enqueue(() => this.#judgeBaseline("baseline"));
      if (this.#stopped || !this.#judgement) return;
      // The watcher may have reported trouble while the baseline was judged.
      const now = this.#state as WatchState | "off";
      if (now !== "fallback" && now !== "error") {
        this.#state = "live";
        await setWatchState({ orgId, clusterId, state: "live" });
      }
      if (this.#pending.length) void this.#schedule();
    } catch (e) {
      if (this.#stopped) return;
      await this.#fail((e as Error).message);
    }
  }

  /** An error: say so on the cluster page, stop this watch and start again after a backoff. */
  async #fail(message: string): Promise<void> {
    this.#state = "error";
    this.#log("live watch error", { error: message });
    await setWatchState({ orgId: this.orgId, clusterId: this.clusterId, state: "error", error: message }).catch(() => {});
    await this.#restartLater(Math.min(300_000, (this.#o.errorRetryMs ?? 5_000) * 2 ** this.#errors++));
  }

  async #restartLater(ms: number): Promise<void> {
    clearInterval(this.#check);
    const w = this.#watch;
    this.#watch = undefined;
    this.#judgement = undefined;
    await w?.stop().catch(() => {});
    if (this.#stopped) return;
    this.#retry = setTimeout(() => void this.#run(), ms);
    this.#retry.unref();
  }

  async #onState(state: WatchState, error?: string): Promise<void> {
    if (this.#stopped) return;
    const previous = this.#state;
    this.#state = state;
    if (state === "fallback") {
      this.#log("live watch falls back to scheduled scans", { error });
      await setWatchState({ orgId: this.orgId, clusterId: this.clusterId, state: "fallback", error: error ?? "this credential may not watch" }).catch(() => {});
      await this.#restartLater(this.#o.fallbackRetryMs ?? 30 * 60_000);
      return;
    }
    // "starting" before the baseline is judged is reported by #run; "live" waits for the baseline.
    if (state === "starting" || (state === "live" && !this.#judgement)) return;
    if (state === previous && state === "live") return;
    await setWatchState({ orgId: this.orgId, clusterId: this.clusterId, state, error: state === "error" ? (error ?? "watch failing") : null }).catch(() => {});
  }

  #onChanges(batch: WatchChange[]): void | Promise<void> {
    if (this.#discard || batch.length === 0) return;
    this.#pending.push(...batch);
    // Past the bound the watcher waits for this batch to be stored (and folds what arrives meanwhile).
    if (this.#pending.length >= MAX_PENDING) {
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
      return this.#schedule();
    }
    this.#debounce ??= setTimeout(() => {
      this.#debounce = undefined;
      void this.#schedule();
    }, this.#o.debounceMs ?? 400);
  }

  #schedule(): Promise<void> {
    return this.#enqueue(() => this.#flush());
  }

  #enqueue(fn: () => Promise<void>): Promise<void> {
    const next = this.#chain.then(fn).catch((e: Error) => this.#log("live judge failed", { error: e.message }));
    this.#chain = next;
    return next;
  }

  async #settingsNow(): Promise<TLiveSettings> {
    return liveSettings({ orgId: this.orgId, clusterId: this.clusterId, clusterName: this.#clusterName });
  }

  async #judgeBaseline(cause: string): Promise<void> {
    const seen = this.#snapshot();
    if (!seen || this.#discard) return;
    const started = Date.now();
    this.#settings = await this.#settingsNow();
    this.#imports = await this.#importsNow(seen);
    const snapshot = this.#withImports(seen);
    const j = judgeAll(snapshot, this.#settings.settings, this.#settings.notEvaluated, cause);
    this.#judgement = j;
    // Record only when the stored findings differ from what the watch sees (changes since the last
    // scan), and not while a full scan is queued or running (a new cluster's first scan): that scan
    // records the state itself, and its landing makes this judge reconcile what differs then.
    const watched = await getWatchedCluster({ orgId: this.orgId, clusterId: this.clusterId });
    let same = true;
    if (!watched?.scanInFlight) {
      const stored = await listUnresolvedFindingKeys({ orgId: this.orgId, clusterId: this.clusterId });
      const seen = new Set(j.result.findings.map((f) => `${f.fingerprint} ${f.severity}`));
      same = stored.size === seen.size && [...seen].every((k) => stored.has(k));
    }
    const record = same ? null : await this.#record(snapshot, j, []);
    if (!record?.changed) this.#knownLastScanId = watched?.lastScanId ?? null;
    // The access model as the watch sees it (unchanged since the last scan: nothing is written).
    if (!this.#discard) await saveSnapshotAccess(this.#o.ctx.log, { orgId: this.orgId, clusterId: this.clusterId, scanId: record?.scanId ?? null, snapshot });
    this.#emit(cause, 0, j.rejudged, record, started);
  }

  async #flush(): Promise<void> {
    const changes = this.#pending.splice(0);
    if (changes.length === 0 || this.#discard) return;
    const watched = this.#snapshot();
    const snapshot = watched && this.#withImports(watched);
    if (!snapshot || !this.#judgement || !this.#settings) {
      // A previous watch's last changes during a restart: the next baseline judges the whole
      // snapshot; the history still gets its rows.
      await recordClusterChanges({ orgId: this.orgId, clusterId: this.clusterId, scanId: null, changes: changes.map(toRow) });
      return;
    }
    const started = Date.now();
    const j = judgeDelta(this.#judgement, snapshot, changes.map(toRef), this.#settings.settings, this.#settings.notEvaluated);
    this.#judgement = j;
    const record = await this.#record(snapshot, j, changes);
    const last = changes.reduce((a, c) => (c.at > a ? c.at : a), changes[0]!.at);
    await touchLastEventAt({ orgId: this.orgId, clusterId: this.clusterId, at: last }).catch(() => {});
    this.#emit("changes", changes.length, j.rejudged, record, started);
  }

  /** Settings changed, or a full scan landed: judge everything again and record what differs. */
  async #periodicCheck(): Promise<void> {
    if (this.#discard || !this.#judgement) return;
    const [cluster, settings] = await Promise.all([getWatchedCluster({ orgId: this.orgId, clusterId: this.clusterId }), this.#settingsNow()]);
    if (!cluster || !cluster.continuous) return; // the manager stops this cluster on its next renewal
    this.#clusterName = cluster.name;
    const fullScan = cluster.lastScanId !== this.#knownLastScanId && cluster.lastScanTrigger !== "live";
    const watched = this.#snapshot();
    const imports = watched ? await this.#importsNow(watched) : this.#imports;
    if (settings.hash !== this.#settings?.hash) {
      this.#settings = settings;
      await this.#judgeBaseline("settings");
    } else if (imports.key !== this.#imports.key) {
      // A document imported (or a newer one) for an image that runs here.
      await this.#judgeBaseline("imports");
    } else if (fullScan) {
      await this.#judgeBaseline("full-scan");
    } else if (cluster.lastScanId !== this.#knownLastScanId) {
      // Another live record (a previous owner of the lease, during a handover).
      this.#knownLastScanId = cluster.lastScanId;
    }
  }

  #snapshot(): Snapshot | undefined {
    return this.#watch?.snapshot();
  }

  async #importsNow(snapshot: Snapshot): Promise<{ key: string; reports: readonly VulnReport[] }> {
    const { vulnerabilityReports: reports = [] } = await withImportedReports(this.orgId, snapshot);
    return { key: reports.map((r) => `${r.origin} ${r.updatedAt}`).sort().join("\n"), reports };
  }

  #withImports(snapshot: Snapshot): Snapshot {
    return this.#imports.reports.length ? { ...snapshot, vulnerabilityReports: this.#imports.reports } : snapshot;
  }

  async #record(snapshot: Snapshot, j: TJudgement, changes: readonly WatchChange[]): Promise<TRecordLiveResultsOutput | null> {
    const record = await recordLiveResults({
      orgId: this.orgId,
      clusterId: this.clusterId,
      workerId: this.#o.ctx.workerId,
      result: j.result,
      kinds: snapshot.kinds,
      objects: snapshot.objects,
      changes: changes.map(toRow),
      ...(snapshot.kubeVersion ? { kubeVersion: snapshot.kubeVersion } : {}),
      rulesVersion: RULES_VERSION,
    });
    // A batch that touched RBAC, service accounts, secrets or workloads: rebuild the access model,
    // its changes carrying this record's scan.
    if (record && changes.some((c) => ACCESS_KINDS.has(c.object.kind))) {
      await saveSnapshotAccess(this.#o.ctx.log, { orgId: this.orgId, clusterId: this.clusterId, scanId: record.scanId, snapshot });
    }
    // A whole judgement (baseline) or a batch that touched workloads or reports: the inventory and
    // the CVE history as the watch sees them (never fails the record).
    if (record?.scanId && !this.#discard && (changes.length === 0 || changes.some((c) => IMAGE_KINDS.has(c.object.kind)))) {
      const params = this.#settings?.settings.params;
      await saveSnapshotImages(this.#o.ctx.log, { orgId: this.orgId, clusterId: this.clusterId, scanId: record.scanId, snapshot, ...(params ? { params } : {}), result: j.result });
    }
    if (record?.changed && record.scanId) {
      this.#knownLastScanId = record.scanId;
      const s = record.stats;
      // New or reopened findings and risks alert through the scan path; each update of the hour's
      // record is its own planning job, and the deliveries' dedupeKey alerts once per finding.
      if (s.inserted + s.reopened + s.risks.inserted + s.risks.reopened > 0) {
        const update = `${Date.now()}-${++this.#seq}`;
        await enqueueAlertsForScan({ orgId: this.orgId, scanId: record.scanId }, { update }).catch((e: Error) => this.#log("alerts enqueue failed", { scanId: record.scanId, error: e.message }));
      }
    }
    return record;
  }

  #emit(cause: string, changes: number, rejudged: TRejudged, record: TRecordLiveResultsOutput | null, started: number) {
    const j: TLiveJudged = { orgId: this.orgId, clusterId: this.clusterId, cause, changes, rejudged, record, ms: Date.now() - started };
    if (record?.changed || changes > 0) {
      this.#log("live judged", { cause, changes, rejudged, scanId: record?.scanId ?? null, changed: record?.changed ?? false, inserted: record?.stats.inserted, resolved: record?.stats.resolved, ms: j.ms });
    }
    this.#o.onJudged?.(j);
  }
}
