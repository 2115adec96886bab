// The API resources the simulator serves: a static table of built-in kinds plus whatever loaded
// CRDs and objects in older API versions add. Discovery documents are computed from it.
import type { KubeObject } from "./types";

export interface ResourceDef {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  verbs: string[];
  categories?: string[];
}

export const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

type Row = [group: string, version: string, plural: string, kind: string, namespaced: boolean, shortNames?: string[], categories?: string[]];

const BUILTIN: Row[] = [
  ["", "v1", "namespaces", "Namespace", false, ["ns"]],
  ["", "v1", "pods", "Pod", true, ["po"], ["all"]],
  ["", "v1", "services", "Service", true, ["svc"], ["all"]],
  ["", "v1", "serviceaccounts", "ServiceAccount", true, ["sa"]],
  ["", "v1", "configmaps", "ConfigMap", true, ["cm"]],
  ["", "v1", "secrets", "Secret", true],
  ["", "v1", "nodes", "Node", false, ["no"]],
  ["", "v1", "persistentvolumes", "PersistentVolume", false, ["pv"]],
  ["", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, ["pvc"]],
  ["", "v1", "limitranges", "LimitRange", true, ["limits"]],
  ["", "v1", "resourcequotas", "ResourceQuota", true, ["quota"]],
  ["", "v1", "replicationcontrollers", "ReplicationController", true, ["rc"], ["all"]],
  ["", "v1", "endpoints", "Endpoints", true, ["ep"]],
  ["", "v1", "events", "Event", true, ["ev"]],
  ["apps", "v1", "deployments", "Deployment", true, ["deploy"], ["all"]],
  ["apps", "v1", "daemonsets", "DaemonSet", true, ["ds"], ["all"]],
  ["apps", "v1", "statefulsets", "StatefulSet", true, ["sts"], ["all"]],
  ["apps", "v1", "replicasets", "ReplicaSet", true, ["rs"], ["all"]],
  ["batch", "v1", "jobs", "Job", true, undefined, ["all"]],
  ["batch", "v1", "cronjobs", "CronJob", true, ["cj"], ["all"]],
  ["rbac.authorization.k8s.io", "v1", "roles", "Role", true],
  ["rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true],
  ["rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false],
  ["rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false],
  ["networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, ["netpol"]],
  ["networking.k8s.io", "v1", "ingresses", "Ingress", true, ["ing"]],
  ["networking.k8s.io", "v1", "ingressclasses", "IngressClass", false],
  ["policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["pdb"]],
  ["policy", "v1beta1", "podsecuritypolicies", "PodSecurityPolicy", false, ["psp"]],
  ["admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false],
  ["admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false],
  // Served at v1 whatever the simulated version (GA in 1.30; 1.28-1.29 clusters serve v1beta1).
  ["admissionregistration.k8s.io", "v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", false],
  ["admissionregistration.k8s.io", "v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false],
  ["storage.k8s.io", "v1", "storageclasses", "StorageClass", false, ["sc"]],
  ["apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, ["crd", "crds"]],
  ["autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["hpa"], ["all"]],
  ["scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, ["pc"]],
];

const CREATE_ONLY = ["create"];

/** Resources served under authorization.k8s.io; handled specially, listed for discovery. */
const AUTHZ: ResourceDef[] = [
  { group: "authorization.k8s.io", version: "v1", plural: "selfsubjectaccessreviews", singular: "selfsubjectaccessreview", kind: "SelfSubjectAccessReview", namespaced: false, verbs: CREATE_ONLY },
  { group: "authorization.k8s.io", version: "v1", plural: "selfsubjectrulesreviews", singular: "selfsubjectrulesreview", kind: "SelfSubjectRulesReview", namespaced: false, verbs: CREATE_ONLY },
];

export function builtinDefs(): ResourceDef[] {
  return BUILTIN.map(([group, version, plural, kind, namespaced, shortNames, categories]) => ({
    group,
    version,
    plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames,
    categories,
    verbs: ALL_VERBS,
  }));
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf("/");
  return i < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

function minorOf(version: string): number {
  const m = /^v?1\.(\d+)/.exec(version);
  return m ? Number(m[1]) : 29;
}

/**
 * Keyed by collection ("group/plural"): every served version of a resource shares one
 * collection, as a real apiserver stores one object and converts between versions.
 */
export class ResourceRegistry {
  private readonly byGvr = new Map<string, ResourceDef>();
  private readonly byGvk = new Map<string, ResourceDef>();
  private readonly byKind = new Map<string, ResourceDef>();
  readonly minor: number;

  constructor(version: string) {
    this.minor = minorOf(version);
    for (const def of builtinDefs()) {
      if (def.kind === "PodSecurityPolicy" && this.minor > 24) continue;
      this.add(def);
    }
    for (const def of AUTHZ) this.add(def);
  }

  add(def: ResourceDef): void {
    const gvr = `${def.group}/${def.version}/${def.plural}`;
    if (this.byGvr.has(gvr)) return;
    this.byGvr.set(gvr, def);
    this.byGvk.set(`${def.group}/${def.version}/${def.kind}`, def);
    if (!this.byKind.has(def.kind)) this.byKind.set(def.kind, def);
  }

  lookup(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.byGvr.get(`${group}/${version}/${plural}`);
  }

  /** Finds (and for older API versions of known kinds, registers) the resource of an object. */
  forObject(obj: KubeObject): ResourceDef | undefined {
    const { group, version } = splitApiVersion(obj.apiVersion);
    const exact = this.byGvk.get(`${group}/${version}/${obj.kind}`);
    if (exact) return exact;
    if (obj.kind === "PodSecurityPolicy" && this.minor > 24) return undefined;
    // An object in an older version (batch/v1beta1 CronJob, extensions/v1beta1 Ingress): serve that
    // group/version too, as a cluster does until the version is removed.
    const known = this.byKind.get(obj.kind);
    if (known && (known.group !== "authorization.k8s.io")) {
      const def: ResourceDef = { ...known, group, version };
      this.add(def);
      return def;
    }
    return undefined;
  }

  /** Registers the served versions of a CRD. */
  addCrd(crd: KubeObject): ResourceDef[] {
    const spec = (crd as { spec?: Record<string, unknown> }).spec;
    if (!spec) return [];
    const group = String(spec.group ?? "");
    const names = (spec.names ?? {}) as Record<string, unknown>;
    const plural = String(names.plural ?? "");
    const kind = String(names.kind ?? "");
    if (!group || !plural || !kind) return [];
    const versions = Array.isArray(spec.versions) ? (spec.versions as Array<Record<string, unknown>>) : [];
    const out: ResourceDef[] = [];
    for (const v of versions) {
      if (v.served === false || typeof v.name !== "string") continue;
      const def: ResourceDef = {
        group,
        version: v.name,
        plural,
        singular: String(names.singular ?? kind.toLowerCase()),
        kind,
        namespaced: spec.scope !== "Cluster",
        shortNames: Array.isArray(names.shortNames) ? (names.shortNames as string[]) : undefined,
        categories: Array.isArray(names.categories) ? (names.categories as string[]) : undefined,
        verbs: ALL_VERBS,
      };
      this.add(def);
      out.push(def);
    }
    return out;
  }

  /** For objects of kinds nobody declared: guess like kubectl would (lowercase plural). */
  addGuess(obj: KubeObject): ResourceDef {
    const { group, version } = splitApiVersion(obj.apiVersion);
    const lower = obj.kind.toLowerCase();
    const plural = lower.endsWith("s") ? lower + "es" : lower.endsWith("y") ? lower.slice(0, -1) + "ies" : lower + "s";
    const def: ResourceDef = { group, version, plural, singular: lower, kind: obj.kind, namespaced: !!obj.metadata?.namespace, verbs: ALL_VERBS };
    this.add(def);
    return def;
  }

  all(): ResourceDef[] {
    return [...this.byGvr.values()];
  }

  /** group -> versions, preferred first (highest stable). */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const def of this.byGvr.values()) {
      const list = out.get(def.group) ?? [];
      if (!list.includes(def.version)) list.push(def.version);
      out.set(def.group, list);
    }
    for (const list of out.values()) list.sort(compareVersions);
    return out;
  }

  inVersion(group: string, version: string): ResourceDef[] {
    return [...this.byGvr.values()].filter((d) => d.group === group && d.version === version);
  }
}

/** Kubernetes version priority: GA > beta > alpha, higher numbers first. */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    const level = m[2] === "alpha" ? 1 : m[2] === "beta" ? 2 : 3;
    return [level, Number(m[1]), Number(m[3] ?? 0)];
  };
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i]! - ra[i]!;
  return a.localeCompare(b);
}
