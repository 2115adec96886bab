// What a service account can do that matters for attack paths (engine/risks.ts): the grants that
// make it cluster-admin equivalent, and which Secrets it reads, each with the bindings behind it.
// Grants limited by resourceNames are bounded delegations and do not count as "all".
import type { KubeObject, RuleContext, SnapshotIndex } from "../types";
import {
  BIND_ESCALATE, CREATE_WORKLOADS, IMPERSONATE, READ_ANY_SECRET,
  grantedRules, grants, isFullWildcard, rbacIndex,
  type BindingInfo, type PermissionCheck, type PolicyRule,
} from "./rbac";

export interface PowerGrant {
  /** What the service account can do and where, in a sentence fragment. */
  why: string;
  /** The (Cluster)RoleBindings that grant it. */
  bindings: KubeObject[];
}

export interface ServiceAccountPower {
  /** Grants that amount to cluster-admin: each is enough to take over the cluster. */
  clusterAdminEquivalent: PowerGrant[];
  /** Reading every Secret: cluster-wide, or in these namespaces. undefined = none. */
  readsSecrets: { scope: "cluster" | string[]; bindings: KubeObject[] } | undefined;
}

/** A namespace whose service accounts and pods are the control plane's: admin there is admin everywhere. */
const TAKEOVER_NAMESPACE = "kube-system";

interface Power {
  what: string;
  grantedBy: (rules: readonly PolicyRule[]) => boolean;
  /** The grant is cluster-scoped (nodes, users): a RoleBinding cannot give it. */
  clusterOnly?: boolean;
}

const named = (check: PermissionCheck): PermissionCheck => ({ ...check, includeNamed: false });

// Order matters: the first power a binding holds is the one reported for it, so a wildcard role
// reads as "can do anything" rather than six separate lines.
const POWERS: readonly Power[] = [
  { what: "can do anything (every verb on every resource)", grantedBy: (rules) => rules.some(isFullWildcard) },
  { what: "can bind or escalate roles, granting itself any permission", grantedBy: (rules) => grants(rules, named(BIND_ESCALATE)) },
  { what: "can impersonate users, groups or service accounts", grantedBy: (rules) => grants(rules, named(IMPERSONATE)) },
  { what: "can create or change workloads, running pods as any service account", grantedBy: (rules) => grants(rules, named(CREATE_WORKLOADS)) },
  { what: "can mint tokens for any service account", grantedBy: (rules) => grants(rules, { verbs: ["create"], resources: [["", "serviceaccounts/token"]], includeNamed: false }) },
  { what: "can reach every kubelet's API (nodes/proxy), exec into any pod", grantedBy: (rules) => grants(rules, { verbs: ["get", "create"], resources: [["", "nodes/proxy"]] }), clusterOnly: true },
];

interface BindingPower {
  /** Index into POWERS of the first power the binding holds where it applies, or -1. */
  power: number;
  readsSecrets: boolean;
}

const bindingPowers = new WeakMap<BindingInfo, BindingPower>();

function powerOf(b: BindingInfo): BindingPower {
  const hit = bindingPowers.get(b);
  if (hit) return hit;
  const rules = grantedRules(b) ?? [];
  // A RoleBinding outside kube-system gives namespace admin at most, not the cluster.
  const takeover = b.scope === undefined || b.scope === TAKEOVER_NAMESPACE;
  const power = takeover ? POWERS.findIndex((p) => (!p.clusterOnly || b.scope === undefined) && p.grantedBy(rules)) : -1;
  const out = { power, readsSecrets: grants(rules, READ_ANY_SECRET) };
  bindingPowers.set(b, out);
  return out;
}

/** What one binding grants that matters for attack paths (broad-group bindings are judged alone). */
export function bindingPower(b: BindingInfo): { adminEquivalent: string | undefined; readsSecrets: boolean } {
  const p = powerOf(b);
  return { adminEquivalent: p.power >= 0 ? POWERS[p.power]!.what : undefined, readsSecrets: p.readsSecrets };
}

const cache = new WeakMap<SnapshotIndex, Map<string, ServiceAccountPower>>();

/** What service account `namespace/name` can do that matters for attack paths; computed once per evaluation. */
export function serviceAccountPower(ctx: RuleContext, namespace: string, name: string): ServiceAccountPower {
  let byKey = cache.get(ctx.index);
  if (!byKey) cache.set(ctx.index, (byKey = new Map()));
  const key = `${namespace}/${name}`;
  const hit = byKey.get(key);
  if (hit) return hit;

  const admin = new Map<string, KubeObject[]>();
  const clusterSecrets: KubeObject[] = [];
  const nsSecrets = new Map<string, KubeObject[]>();
  for (const b of rbacIndex(ctx).bindingsForServiceAccount(namespace, name)) {
    const p = powerOf(b);
    if (p.power >= 0) {
      const why = `${POWERS[p.power]!.what} ${b.scope === undefined ? "cluster-wide" : `in ${b.scope}`}`;
      const l = admin.get(why);
      if (l) l.push(b.binding);
      else admin.set(why, [b.binding]);
    }
    if (!p.readsSecrets) continue;
    if (b.scope === undefined) clusterSecrets.push(b.binding);
    else {
      const l = nsSecrets.get(b.scope);
      if (l) l.push(b.binding);
      else nsSecrets.set(b.scope, [b.binding]);
    }
  }

  let readsSecrets: ServiceAccountPower["readsSecrets"];
  if (clusterSecrets.length > 0) readsSecrets = { scope: "cluster", bindings: clusterSecrets };
  else if (nsSecrets.size > 0) {
    const namespaces = [...nsSecrets.keys()].sort();
    readsSecrets = { scope: namespaces, bindings: namespaces.flatMap((ns) => nsSecrets.get(ns)!) };
  }
  const out: ServiceAccountPower = {
    clusterAdminEquivalent: [...admin].map(([why, bindings]) => ({ why, bindings })),
    readsSecrets,
  };
  byKey.set(key, out);
  return out;
}
