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

export interface FaultSpec {
  /** RegExp source matched against the URL path (absent = all) */
  pathPattern?: string;
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
  /** apply at most N times, then the fault is spent */
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
}

export interface SimStore {
  list(kind?: string): KubeObject[];
  apply(obj: KubeObject): KubeObject;
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
  /** Like etcd compaction: outstanding continue tokens and watch resourceVersions become 410 Expired. */
  compact(): void;
  close(): Promise<void>;
}
