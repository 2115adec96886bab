// Public option and handle types of the simulator.
import type { KubeObject } from "@bulwark/rules";

export type { KubeObject };

export interface SimIdentity {
  /** context/user name in the emitted kubeconfig, e.g. "admin", "no-secrets" */
  name: string;
  /** bearer token; generated if absent and clientCert not requested */
  token?: string;
  /** issue a client certificate signed by the sim CA (CN = name) */
  clientCert?: boolean;
  /**
   * allow-list; "*" = everything. Each entry: group ("" for core), resource (plural), verbs
   * (default ["get","list","watch"]). "*" works as a wildcard for group and resource.
   */
  allow: "*" | Array<{ group: string; resource: string; verbs?: string[] }>;
  /** taken away from what `allow` grants (all verbs); "*" wildcards as in allow */
  deny?: Array<{ group: string; resource: string }>;
}

/**
 * One injected fault. Request faults (latency, 500, 429, drop, truncate) apply to any request whose
 * path matches, watches included (a dropped or 500ed watch never starts). Watch faults apply only
 * to watch requests: they are decided when the watch starts.
 */
export interface FaultSpec {
  /** RegExp source matched against the URL path, without the query (absent = all) */
  pathPattern?: string;
  /** delay before answering; on a watch, also each event (a slow stream; order is kept) */
  latencyMs?: number;
  /** probability 0..1 (1 = always) */
  status500?: number;
  /** probability; responds 429 with Retry-After: retryAfterSeconds (default 1) */
  retryAfterSeconds?: number;
  status429?: number;
  /** probability: destroy the socket without a response */
  dropConnection?: number;
  /** probability: send headers + half the body then destroy */
  truncateBody?: number;
  /** watch: destroy the connection (no clean end) after this many ADDED/MODIFIED/DELETED events */
  watchDropAfterEvents?: number;
  /** watch: probability per event of destroying the connection before sending it */
  watchDropRate?: number;
  /**
   * watch: probability that a watch from a resourceVersion is answered with the 410 Expired ERROR
   * event even though the rv is still retained (a 410 storm; use `times` to end it). Watches
   * without a resourceVersion cannot be too old, so they are not affected.
   */
  watchExpired?: number;
  /** apply at most N times (requests faulted, watch connections dropped or 410ed), then spent */
  times?: number;
}

export type SimPlatform = "eks" | "gke" | "aks" | "openshift" | "k3s" | "kind";

export interface KubeSimOptions {
  objects?: KubeObject[];
  /** "1.29" default; PSPs only served when <= 1.24 */
  version?: string;
  identities?: SimIdentity[];
  host?: string;
  port?: number;
  tls?: { certificate?: "valid" | "expired" | "wrong-host" };
  clusterName?: string;
  platform?: SimPlatform;
  /** seed for uids of loaded objects (deterministic uids across runs) */
  seed?: number;
  /**
   * How often a watch with allowWatchBookmarks=true gets a BOOKMARK carrying the current
   * resourceVersion (the apiserver: about once a minute). Default 60000.
   */
  bookmarkIntervalMs?: number;
  /**
   * A watch without timeoutSeconds ends after a random time between this and twice this, as the
   * apiserver's --min-request-timeout (default 1800) does.
   */
  minRequestTimeoutSeconds?: number;
  /**
   * Events retained for watches to resume from (the watch cache); a watch from an older
   * resourceVersion, or a continue token older than the oldest retained event, gets 410 Expired.
   * Default 20000.
   */
  eventLogSize?: number;
}

export interface SimStore {
  list(kind?: string): KubeObject[];
  /**
   * Creates or replaces an object as is (managedFields included). With `manager`, managedFields
   * are updated as for an API Update by that manager ("helm", "argocd-controller", ...).
   */
  apply(obj: KubeObject, opts?: { manager?: string }): KubeObject;
  remove(apiVersion: string, kind: string, namespace: string | undefined, name: string): boolean;
  count(): number;
}

export interface KubeSim {
  url: string;
  port: number;
  caPem: string;
  kubeconfig(opts?: { identity?: string; allContexts?: boolean }): string;
  setFaults(faults: FaultSpec[]): void;
  clearFaults(): void;
  store: SimStore;
  /** requests received, including faulted ones */
  requestCount(): number;
  /** Validating admission policy failures with the Audit action (what the apiserver's audit log records), oldest first. */
  admissionAudits(): Array<{ policy: string; binding: string; message: string; resource: string; name: string; namespace?: string; operation: string }>;
  /** Like etcd compaction: outstanding continue tokens and watch resourceVersions become 410 Expired. */
  compact(): void;
  close(): Promise<void>;
}
