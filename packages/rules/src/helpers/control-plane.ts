// Control-plane flag checks (CIS section 1 and 2) judged from the command lines of the static pods
// of kube-apiserver, etcd, kube-controller-manager and kube-scheduler. One table row per check;
// each rule file calls controlPlaneRule(id). Managed clusters (EKS/GKE/AKS) hide these pods: the
// rules then report "not evaluated", never "passed".
import type { KubeObject, RawFinding, Rule, RuleContext, Severity, SnapshotIndex } from "../types";
import { defineRule } from "./pod";

export type Component = "kube-apiserver" | "etcd" | "kube-controller-manager" | "kube-scheduler";

export const NOT_VISIBLE = "control plane not visible (managed cluster?)";

export interface FlagValue {
  value: string;
  /** Exact path of the token that set it, e.g. spec.containers[0].command[4] */
  path: string;
}

/** Flags of one component container: last occurrence wins, as the binaries parse them. */
export interface ComponentInstance {
  pod: KubeObject;
  component: Component;
  /** Path of the container, e.g. spec.containers[0] */
  containerPath: string;
  flags: Map<string, FlagValue>;
}

function basename(s: string): string {
  const i = s.lastIndexOf("/");
  return i >= 0 ? s.slice(i + 1) : s;
}

const COMPONENTS: readonly Component[] = ["kube-apiserver", "etcd", "kube-controller-manager", "kube-scheduler"];

function componentOf(pod: KubeObject, container: any): Component | undefined {
  const cmd: unknown[] = Array.isArray(container?.command) ? container.command : [];
  const first = typeof cmd[0] === "string" ? (cmd[0] as string) : undefined;
  if (first && !first.startsWith("-")) {
    // A named binary decides: a pod labelled kube-apiserver that runs something else is not one.
    const b = basename(first);
    return (COMPONENTS as readonly string[]).includes(b) ? (b as Component) : undefined;
  }
  // Flags only (the image's entrypoint is the binary): trust the static-pod label, then the image.
  const label = pod.metadata?.labels?.component;
  if (label && (COMPONENTS as readonly string[]).includes(label)) return label as Component;
  const image = typeof container?.image === "string" ? basename(container.image.split("@")[0]!.split(":")[0]!) : "";
  return (COMPONENTS as readonly string[]).includes(image) ? (image as Component) : undefined;
}

function parseFlags(container: any, containerPath: string): Map<string, FlagValue> {
  const flags = new Map<string, FlagValue>();
  for (const field of ["command", "args"] as const) {
    const list: unknown[] = Array.isArray(container?.[field]) ? container[field] : [];
    for (let i = 0; i < list.length; i++) {
      const tok = list[i];
      if (typeof tok !== "string" || !tok.startsWith("--")) continue;
      const path = `${containerPath}.${field}[${i}]`;
      const eq = tok.indexOf("=");
      if (eq > 0) {
        flags.set(tok.slice(2, eq), { value: tok.slice(eq + 1), path });
        continue;
      }
      const next = list[i + 1];
      if (typeof next === "string" && !next.startsWith("-")) {
        flags.set(tok.slice(2), { value: next, path });
        i++;
      } else flags.set(tok.slice(2), { value: "true", path });
    }
  }
  return flags;
}

const cache = new WeakMap<SnapshotIndex, ComponentInstance[]>();

/** Every control-plane component container visible in the snapshot. */
export function controlPlaneInstances(ctx: RuleContext): readonly ComponentInstance[] {
  const hit = cache.get(ctx.index);
  if (hit) return hit;
  const out: ComponentInstance[] = [];
  for (const pod of ctx.index.byKind("Pod")) {
    const cs = (pod as any).spec?.containers;
    if (!Array.isArray(cs)) continue;
    for (let i = 0; i < cs.length; i++) {
      const component = componentOf(pod, cs[i]);
      if (!component) continue;
      const containerPath = `spec.containers[${i}]`;
      out.push({ pod, component, containerPath, flags: parseFlags(cs[i], containerPath) });
    }
  }
  cache.set(ctx.index, out);
  return out;
}

export interface Problem {
  path: string;
  observed?: string;
  message: string;
}

type Check = (inst: ComponentInstance) => Problem | undefined;

function listOf(v: string | undefined): string[] {
  return v ? v.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

const missing = (inst: ComponentInstance, flag: string, msg: string): Problem => ({
  path: `${inst.containerPath}.command`,
  message: `${inst.component}: --${flag} is not set; ${msg}`,
});

/** The flag must have this value; `def` is the binary's default when unset. */
export function mustEqual(flag: string, expected: string, def: string | undefined, why: string): Check {
  return (inst) => {
    const f = inst.flags.get(flag);
    const v = f?.value ?? def;
    if (v !== undefined && v.toLowerCase() === expected.toLowerCase()) return undefined;
    if (!f) return missing(inst, flag, `${why} (set --${flag}=${expected})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value}; ${why}` };
  };
}

/** The flag must not have this value. */
export function mustNotEqual(flag: string, bad: string, why: string): Check {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f || f.value.toLowerCase() !== bad.toLowerCase()) return undefined;
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value}; ${why}` };
  };
}

/** Every flag must be set (non-empty). */
export function mustBeSet(flags: string[], why: string): Check {
  return (inst) => {
    const absent = flags.filter((fl) => !inst.flags.get(fl)?.value);
    if (absent.length === 0) return undefined;
    return {
      path: `${inst.containerPath}.command`,
      observed: flags.filter((fl) => !absent.includes(fl)).map((fl) => `--${fl}`).join(" ") || undefined,
      message: `${inst.component}: ${absent.map((a) => `--${a}`).join(" and ")} not set; ${why}`,
    };
  };
}

export function mustNotBeSet(flag: string, why: string): Check {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f) return undefined;
    return { path: f.path, observed: `--${flag}`, message: `${inst.component}: --${flag} is set; ${why}` };
  };
}

/** A positive integer must be set. */
export function mustBePositive(flag: string, recommended: number, why: string): Check {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f) return missing(inst, flag, `${why} (e.g. --${flag}=${recommended})`);
    const n = Number(f.value);
    if (Number.isInteger(n) && n > 0) return undefined;
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value} is not a positive number; ${why}` };
  };
}

/** A comma list flag must (or must not) contain an item; `defaults` apply when the flag is unset. */
export function listIncludes(flag: string, item: string, defaults: string[], why: string): Check {
  return (inst) => {
    const f = inst.flags.get(flag);
    const items = f ? listOf(f.value) : defaults;
    if (items.includes(item)) return undefined;
    if (!f) return missing(inst, flag, `${why} (include ${item})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag} does not include ${item}; ${why}` };
  };
}

export function listExcludes(flag: string, item: string, defaults: string[], why: string): Check {
  return (inst) => {
    const f = inst.flags.get(flag);
    const items = f ? listOf(f.value) : defaults;
    if (!items.includes(item)) return undefined;
    if (!f) return missing(inst, flag, `${why} (the default includes ${item})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag} includes ${item}; ${why}` };
  };
}

/** A feature gate must not be explicitly disabled. */
export function featureGateNotFalse(gate: string, why: string): Check {
  return (inst) => {
    const f = inst.flags.get("feature-gates");
    if (!f) return undefined;
    for (const kv of listOf(f.value)) {
      const [k, v] = kv.split("=");
      if (k === gate && v?.trim().toLowerCase() === "false") {
        return { path: f.path, observed: `--feature-gates=${f.value}`, message: `${inst.component}: feature gate ${gate}=false; ${why}` };
      }
    }
    return undefined;
  };
}

/** Structured authorization config (1.29+) replaces --authorization-mode; the flags then say nothing. */
function unlessAuthzConfig(check: Check): Check {
  return (inst) => (inst.flags.has("authorization-config") ? undefined : check(inst));
}

const STRONG_CIPHERS = new Set([
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
]);

function strongCiphers(why: string): Check {
  return (inst) => {
    const f = inst.flags.get("tls-cipher-suites");
    if (!f) return missing(inst, "tls-cipher-suites", why);
    const weak = listOf(f.value).filter((c) => !STRONG_CIPHERS.has(c));
    if (weak.length === 0) return undefined;
    return { path: f.path, observed: weak.join(","), message: `${inst.component}: weak TLS cipher suites allowed (${weak.join(", ")}); ${why}` };
  };
}

export interface ControlPlaneCheck {
  id: string;
  component: Component;
  title: string;
  severity: Severity;
  description: string;
  remediation: string;
  cis?: string;
  trivy?: string;
  check: Check;
  /** Flag tokens for the generated fixtures: a failing and a passing command line. */
  fixture: { fail: string[]; pass: string[] };
}

const ADMISSION = "enable-admission-plugins";
const DISABLE_ADMISSION = "disable-admission-plugins";
const CONFIG_DOC = "https://kubernetes.io/docs/reference/command-line-tools-reference/";

export const CONTROL_PLANE_CHECKS: readonly ControlPlaneCheck[] = [
  // ---- kube-apiserver (CIS 1.2) ----
  {
    id: "apiserver-anonymous-auth", component: "kube-apiserver", severity: "medium", cis: "1.2.1", trivy: "KCV-0001",
    title: "API server allows anonymous requests",
    description: "With --anonymous-auth unset or true, requests without credentials reach the API server as system:anonymous; any RBAC grant to that user or to system:unauthenticated becomes public.",
    remediation: "Set --anonymous-auth=false on kube-apiserver (or, from 1.32, restrict anonymous access to health endpoints with an AuthenticationConfiguration).",
    check: mustEqual("anonymous-auth", "false", "true", "unauthenticated requests are accepted as system:anonymous"),
    fixture: { fail: ["--anonymous-auth=true"], pass: ["--anonymous-auth=false"] },
  },
  {
    id: "apiserver-token-auth-file", component: "kube-apiserver", severity: "high", cis: "1.2.2", trivy: "KCV-0002",
    title: "API server accepts static token file",
    description: "Static tokens from --token-auth-file never expire and are stored in clear text on the control-plane node; they cannot be revoked without restarting the API server.",
    remediation: "Remove --token-auth-file and use client certificates, OIDC or service-account tokens.",
    check: mustNotBeSet("token-auth-file", "static bearer tokens never expire"),
    fixture: { fail: ["--token-auth-file=/etc/kubernetes/tokens.csv"], pass: ["--anonymous-auth=false"] },
  },
  {
    id: "apiserver-deny-service-external-ips", component: "kube-apiserver", severity: "low", cis: "1.2.3",
    title: "API server does not deny Service externalIPs",
    description: "Without the DenyServiceExternalIPs admission plugin anyone who can create a Service can set spec.externalIPs and intercept traffic to those addresses (CVE-2020-8554).",
    remediation: "Add DenyServiceExternalIPs to --enable-admission-plugins (or enforce the restriction with a policy engine).",
    check: listIncludes(ADMISSION, "DenyServiceExternalIPs", [], "Services may claim arbitrary external IPs (CVE-2020-8554)"),
    fixture: { fail: ["--enable-admission-plugins=NodeRestriction"], pass: ["--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs"] },
  },
  {
    id: "apiserver-kubelet-https", component: "kube-apiserver", severity: "medium", trivy: "KCV-0004",
    title: "API server talks to kubelets over plain HTTP",
    description: "--kubelet-https=false makes the API server reach kubelets (logs, exec, port-forward) without TLS.",
    remediation: "Remove --kubelet-https=false (the flag was removed in 1.20; HTTPS is the only mode).",
    check: mustNotEqual("kubelet-https", "false", "API server to kubelet traffic is unencrypted"),
    fixture: { fail: ["--kubelet-https=false"], pass: ["--kubelet-https=true"] },
  },
  {
    id: "apiserver-kubelet-client-certificate", component: "kube-apiserver", severity: "high", cis: "1.2.4", trivy: "KCV-0005",
    title: "API server has no kubelet client certificate",
    description: "Without --kubelet-client-certificate and --kubelet-client-key the API server cannot authenticate to kubelets, which then must allow unauthenticated access.",
    remediation: "Set --kubelet-client-certificate and --kubelet-client-key to a client certificate the kubelets trust.",
    check: mustBeSet(["kubelet-client-certificate", "kubelet-client-key"], "kubelets cannot authenticate the API server"),
    fixture: { fail: ["--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt"], pass: ["--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt", "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key"] },
  },
  {
    id: "apiserver-kubelet-certificate-authority", component: "kube-apiserver", severity: "medium", cis: "1.2.5", trivy: "KCV-0006",
    title: "API server does not verify kubelet certificates",
    description: "Without --kubelet-certificate-authority the API server does not verify the kubelet's serving certificate, so connections to kubelets can be intercepted.",
    remediation: "Set --kubelet-certificate-authority to the CA that signs kubelet serving certificates.",
    check: mustBeSet(["kubelet-certificate-authority"], "kubelet serving certificates are not verified"),
    fixture: { fail: ["--anonymous-auth=false"], pass: ["--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt"] },
  },
  {
    id: "apiserver-authorization-always-allow", component: "kube-apiserver", severity: "critical", cis: "1.2.6", trivy: "KCV-0007",
    title: "API server authorizes every request (AlwaysAllow)",
    description: "The AlwaysAllow authorizer (also the default when --authorization-mode is unset) lets every authenticated request do anything: RBAC is not enforced.",
    remediation: "Set --authorization-mode=Node,RBAC.",
    check: unlessAuthzConfig(listExcludes("authorization-mode", "AlwaysAllow", ["AlwaysAllow"], "every authenticated request is allowed")),
    fixture: { fail: ["--authorization-mode=AlwaysAllow"], pass: ["--authorization-mode=Node,RBAC"] },
  },
  {
    id: "apiserver-authorization-node", component: "kube-apiserver", severity: "medium", cis: "1.2.7", trivy: "KCV-0008",
    title: "API server does not use the Node authorizer",
    description: "Without the Node authorizer a kubelet's credentials can read every Secret and ConfigMap in the cluster instead of only those of pods scheduled on its node.",
    remediation: "Include Node in --authorization-mode (e.g. --authorization-mode=Node,RBAC).",
    check: unlessAuthzConfig(listIncludes("authorization-mode", "Node", ["AlwaysAllow"], "kubelets are not limited to their own pods' objects")),
    fixture: { fail: ["--authorization-mode=RBAC"], pass: ["--authorization-mode=Node,RBAC"] },
  },
  {
    id: "apiserver-authorization-rbac", component: "kube-apiserver", severity: "high", cis: "1.2.8", trivy: "KCV-0009",
    title: "API server does not use RBAC",
    description: "Without RBAC in --authorization-mode, Roles and bindings are ignored and access control falls back to other authorizers.",
    remediation: "Include RBAC in --authorization-mode (e.g. --authorization-mode=Node,RBAC).",
    check: unlessAuthzConfig(listIncludes("authorization-mode", "RBAC", ["AlwaysAllow"], "RBAC policies are not enforced")),
    fixture: { fail: ["--authorization-mode=Node"], pass: ["--authorization-mode=Node,RBAC"] },
  },
  {
    id: "apiserver-event-rate-limit", component: "kube-apiserver", severity: "low", cis: "1.2.9", trivy: "KCV-0010",
    title: "API server does not rate-limit events",
    description: "Without the EventRateLimit admission plugin a client can flood the API server and etcd with Events.",
    remediation: "Add EventRateLimit to --enable-admission-plugins and configure it with --admission-control-config-file.",
    check: listIncludes(ADMISSION, "EventRateLimit", [], "event floods can overload the API server"),
    fixture: { fail: ["--enable-admission-plugins=NodeRestriction"], pass: ["--enable-admission-plugins=NodeRestriction,EventRateLimit"] },
  },
  {
    id: "apiserver-always-admit", component: "kube-apiserver", severity: "low", cis: "1.2.10", trivy: "KCV-0011",
    title: "API server enables the AlwaysAdmit plugin",
    description: "AlwaysAdmit is deprecated and admits every request. Admission plugins all have to agree, so it cannot override another plugin's denial: it adds nothing and suggests a misread admission setup.",
    remediation: "Remove AlwaysAdmit from --enable-admission-plugins.",
    check: listExcludes(ADMISSION, "AlwaysAdmit", [], "the deprecated AlwaysAdmit plugin is enabled"),
    fixture: { fail: ["--enable-admission-plugins=NodeRestriction,AlwaysAdmit"], pass: ["--enable-admission-plugins=NodeRestriction"] },
  },
  {
    id: "apiserver-always-pull-images", component: "kube-apiserver", severity: "low", cis: "1.2.11", trivy: "KCV-0012",
    title: "API server does not force image pulls",
    description: "Without AlwaysPullImages, a pod on a multi-tenant node can use a private image another tenant already pulled, without having the pull credentials.",
    remediation: "Add AlwaysPullImages to --enable-admission-plugins on multi-tenant clusters.",
    check: listIncludes(ADMISSION, "AlwaysPullImages", [], "cached private images can be used without pull credentials"),
    fixture: { fail: ["--enable-admission-plugins=NodeRestriction"], pass: ["--enable-admission-plugins=NodeRestriction,AlwaysPullImages"] },
  },
  {
    id: "apiserver-service-account-plugin", component: "kube-apiserver", severity: "medium", cis: "1.2.12", trivy: "KCV-0014",
    title: "API server disables the ServiceAccount plugin",
    description: "Disabling the ServiceAccount admission plugin stops the API server from checking that a pod's service account exists and from managing its token.",
    remediation: "Remove ServiceAccount from --disable-admission-plugins.",
    check: listExcludes(DISABLE_ADMISSION, "ServiceAccount", [], "service-account admission is off"),
    fixture: { fail: ["--disable-admission-plugins=ServiceAccount"], pass: ["--disable-admission-plugins=AlwaysAdmit"] },
  },
  {
    id: "apiserver-namespace-lifecycle-plugin", component: "kube-apiserver", severity: "medium", cis: "1.2.13", trivy: "KCV-0015",
    title: "API server disables the NamespaceLifecycle plugin",
    description: "Without NamespaceLifecycle, objects can be created in namespaces that are being deleted or do not exist.",
    remediation: "Remove NamespaceLifecycle from --disable-admission-plugins.",
    check: listExcludes(DISABLE_ADMISSION, "NamespaceLifecycle", [], "objects can be created in terminating or missing namespaces"),
    fixture: { fail: ["--disable-admission-plugins=NamespaceLifecycle"], pass: ["--disable-admission-plugins=AlwaysAdmit"] },
  },
  {
    id: "apiserver-node-restriction-plugin", component: "kube-apiserver", severity: "medium", cis: "1.2.14", trivy: "KCV-0016",
    title: "API server does not enable NodeRestriction",
    description: "Without NodeRestriction a kubelet can modify other nodes' Node objects and pods bound to other nodes, so one compromised node spreads.",
    remediation: "Add NodeRestriction to --enable-admission-plugins.",
    check: listIncludes(ADMISSION, "NodeRestriction", [], "kubelets can modify other nodes and their pods"),
    fixture: { fail: ["--enable-admission-plugins=AlwaysPullImages"], pass: ["--enable-admission-plugins=NodeRestriction"] },
  },
  {
    id: "apiserver-secure-port", component: "kube-apiserver", severity: "high", trivy: "KCV-0017",
    title: "API server disables its secure port",
    description: "--secure-port=0 turns off the HTTPS listener, leaving only insecure access paths.",
    remediation: "Remove --secure-port=0 (default 6443).",
    check: mustNotEqual("secure-port", "0", "the HTTPS endpoint is disabled"),
    fixture: { fail: ["--secure-port=0"], pass: ["--secure-port=6443"] },
  },
  {
    id: "apiserver-profiling", component: "kube-apiserver", severity: "low", cis: "1.2.15", trivy: "KCV-0018",
    title: "API server exposes profiling",
    description: "Profiling endpoints (/debug/pprof) reveal internals and cost resources; they are on unless --profiling=false.",
    remediation: "Set --profiling=false on kube-apiserver.",
    check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
    fixture: { fail: ["--profiling=true"], pass: ["--profiling=false"] },
  },
  {
    id: "apiserver-audit-log-path", component: "kube-apiserver", severity: "medium", cis: "1.2.16", trivy: "KCV-0019",
    title: "API server audit logging is off",
    description: "Without --audit-log-path no audit trail of API requests is written, so misuse cannot be investigated.",
    remediation: "Set --audit-log-path (and an --audit-policy-file) on kube-apiserver.",
    check: mustBeSet(["audit-log-path"], "API requests are not audited"),
    fixture: { fail: ["--profiling=false"], pass: ["--audit-log-path=/var/log/kubernetes/audit.log"] },
  },
  {
    id: "apiserver-audit-log-maxage", component: "kube-apiserver", severity: "low", cis: "1.2.17", trivy: "KCV-0020",
    title: "API server audit log retention (days) not set",
    description: "Without --audit-log-maxage the retention of rotated audit logs is not defined.",
    remediation: "Set --audit-log-maxage=30 (or as your retention policy requires).",
    check: mustBePositive("audit-log-maxage", 30, "audit log retention is undefined"),
    fixture: { fail: ["--audit-log-path=/var/log/audit.log"], pass: ["--audit-log-maxage=30"] },
  },
  {
    id: "apiserver-audit-log-maxbackup", component: "kube-apiserver", severity: "low", cis: "1.2.18", trivy: "KCV-0021",
    title: "API server audit log backups not set",
    description: "Without --audit-log-maxbackup the number of rotated audit log files kept is not defined.",
    remediation: "Set --audit-log-maxbackup=10 (or as your retention policy requires).",
    check: mustBePositive("audit-log-maxbackup", 10, "the number of kept audit logs is undefined"),
    fixture: { fail: ["--audit-log-path=/var/log/audit.log"], pass: ["--audit-log-maxbackup=10"] },
  },
  {
    id: "apiserver-audit-log-maxsize", component: "kube-apiserver", severity: "low", cis: "1.2.19", trivy: "KCV-0022",
    title: "API server audit log size not set",
    description: "Without --audit-log-maxsize audit logs are not rotated by size.",
    remediation: "Set --audit-log-maxsize=100 (MB, or as appropriate).",
    check: mustBePositive("audit-log-maxsize", 100, "audit logs are not rotated by size"),
    fixture: { fail: ["--audit-log-path=/var/log/audit.log"], pass: ["--audit-log-maxsize=100"] },
  },
  {
    id: "apiserver-service-account-lookup", component: "kube-apiserver", severity: "medium", cis: "1.2.21", trivy: "KCV-0024",
    title: "API server accepts tokens of deleted service accounts",
    description: "With --service-account-lookup=false a token stays valid after its service account is deleted.",
    remediation: "Remove --service-account-lookup=false (the default is true).",
    check: mustNotEqual("service-account-lookup", "false", "tokens of deleted service accounts keep working"),
    fixture: { fail: ["--service-account-lookup=false"], pass: ["--service-account-lookup=true"] },
  },
  {
    id: "apiserver-service-account-key-file", component: "kube-apiserver", severity: "medium", cis: "1.2.22", trivy: "KCV-0025",
    title: "API server has no service-account verification key",
    description: "Without --service-account-key-file the API server verifies service-account tokens with its TLS key, which prevents key rotation.",
    remediation: "Set --service-account-key-file to the public key matching the controller manager's --service-account-private-key-file.",
    check: mustBeSet(["service-account-key-file"], "service-account token keys cannot be rotated"),
    fixture: { fail: ["--profiling=false"], pass: ["--service-account-key-file=/etc/kubernetes/pki/sa.pub"] },
  },
  {
    id: "apiserver-etcd-client-certificate", component: "kube-apiserver", severity: "high", cis: "1.2.23", trivy: "KCV-0026",
    title: "API server does not authenticate to etcd with a certificate",
    description: "Without --etcd-certfile and --etcd-keyfile the API server's connection to etcd, which holds every Secret, is not authenticated by certificate.",
    remediation: "Set --etcd-certfile and --etcd-keyfile.",
    check: mustBeSet(["etcd-certfile", "etcd-keyfile"], "the API server to etcd connection is not certificate-authenticated"),
    fixture: { fail: ["--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt"], pass: ["--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt", "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key"] },
  },
  {
    id: "apiserver-tls-certificate", component: "kube-apiserver", severity: "medium", cis: "1.2.24", trivy: "KCV-0027",
    title: "API server TLS certificate not set",
    description: "Without --tls-cert-file and --tls-private-key-file the API server serves a self-generated certificate clients cannot verify.",
    remediation: "Set --tls-cert-file and --tls-private-key-file.",
    check: mustBeSet(["tls-cert-file", "tls-private-key-file"], "clients cannot verify the API server"),
    fixture: { fail: ["--tls-cert-file=/etc/kubernetes/pki/apiserver.crt"], pass: ["--tls-cert-file=/etc/kubernetes/pki/apiserver.crt", "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"] },
  },
  {
    id: "apiserver-client-ca-file", component: "kube-apiserver", severity: "medium", cis: "1.2.25", trivy: "KCV-0028",
    title: "API server client CA not set",
    description: "Without --client-ca-file client certificates are not accepted for authentication, and kubelets cannot verify the API server's client certificate chain.",
    remediation: "Set --client-ca-file.",
    check: mustBeSet(["client-ca-file"], "client-certificate authentication is off"),
    fixture: { fail: ["--profiling=false"], pass: ["--client-ca-file=/etc/kubernetes/pki/ca.crt"] },
  },
  {
    id: "apiserver-etcd-cafile", component: "kube-apiserver", severity: "medium", cis: "1.2.26", trivy: "KCV-0029",
    title: "API server does not verify etcd's certificate",
    description: "Without --etcd-cafile the API server does not verify etcd's serving certificate.",
    remediation: "Set --etcd-cafile to the etcd CA.",
    check: mustBeSet(["etcd-cafile"], "etcd's identity is not verified"),
    fixture: { fail: ["--profiling=false"], pass: ["--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt"] },
  },
  {
    id: "apiserver-encryption-at-rest", component: "kube-apiserver", severity: "high", cis: "1.2.27", trivy: "KCV-0030",
    title: "Secrets are not encrypted at rest",
    description: "Without --encryption-provider-config Secrets are stored in etcd in plain text; anyone with etcd or backup access reads them.",
    remediation: "Set --encryption-provider-config with an aescbc, aesgcm, secretbox or KMS provider for secrets.",
    check: mustBeSet(["encryption-provider-config"], "Secrets are stored unencrypted in etcd"),
    fixture: { fail: ["--profiling=false"], pass: ["--encryption-provider-config=/etc/kubernetes/enc/config.yaml"] },
  },
  {
    id: "apiserver-strong-ciphers", component: "kube-apiserver", severity: "low", cis: "1.2.29",
    title: "API server TLS cipher suites not restricted",
    description: "Without --tls-cipher-suites limited to strong AEAD suites the API server also negotiates weaker ciphers.",
    remediation: "Set --tls-cipher-suites to strong suites only, e.g. TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384.",
    check: strongCiphers("weaker TLS ciphers can be negotiated"),
    fixture: { fail: ["--tls-cipher-suites=TLS_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"], pass: ["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"] },
  },
  // ---- kube-controller-manager (CIS 1.3) ----
  {
    id: "controller-manager-terminated-pod-gc", component: "kube-controller-manager", severity: "low", cis: "1.3.1", trivy: "KCV-0033",
    title: "Controller manager terminated-pod GC threshold not set",
    description: "Without --terminated-pod-gc-threshold up to 12500 terminated pods are kept, which can degrade the API server and etcd.",
    remediation: "Set --terminated-pod-gc-threshold (e.g. 10 to 1000) on kube-controller-manager.",
    check: mustBeSet(["terminated-pod-gc-threshold"], "terminated pods pile up"),
    fixture: { fail: ["--allocate-node-cidrs=true"], pass: ["--terminated-pod-gc-threshold=10"] },
  },
  {
    id: "controller-manager-profiling", component: "kube-controller-manager", severity: "low", cis: "1.3.2", trivy: "KCV-0034",
    title: "Controller manager exposes profiling",
    description: "Profiling endpoints are on unless --profiling=false.",
    remediation: "Set --profiling=false on kube-controller-manager.",
    check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
    fixture: { fail: ["--profiling=true"], pass: ["--profiling=false"] },
  },
  {
    id: "controller-manager-service-account-credentials", component: "kube-controller-manager", severity: "medium", cis: "1.3.3", trivy: "KCV-0035",
    title: "Controllers share the controller manager's credentials",
    description: "Without --use-service-account-credentials=true every controller runs with the controller manager's own broad identity instead of a per-controller service account with least privilege.",
    remediation: "Set --use-service-account-credentials=true.",
    check: mustEqual("use-service-account-credentials", "true", "false", "controllers do not use individual least-privilege identities"),
    fixture: { fail: ["--use-service-account-credentials=false"], pass: ["--use-service-account-credentials=true"] },
  },
  {
    id: "controller-manager-service-account-private-key", component: "kube-controller-manager", severity: "medium", cis: "1.3.4", trivy: "KCV-0036",
    title: "Controller manager service-account signing key not set",
    description: "Without --service-account-private-key-file service-account tokens are not signed with a dedicated key that can be rotated.",
    remediation: "Set --service-account-private-key-file.",
    check: mustBeSet(["service-account-private-key-file"], "service-account tokens lack a dedicated signing key"),
    fixture: { fail: ["--use-service-account-credentials=true"], pass: ["--service-account-private-key-file=/etc/kubernetes/pki/sa.key"] },
  },
  {
    id: "controller-manager-root-ca-file", component: "kube-controller-manager", severity: "medium", cis: "1.3.5", trivy: "KCV-0037",
    title: "Controller manager root CA not set",
    description: "Without --root-ca-file pods do not receive the CA bundle to verify the API server's certificate.",
    remediation: "Set --root-ca-file.",
    check: mustBeSet(["root-ca-file"], "pods cannot verify the API server certificate"),
    fixture: { fail: ["--use-service-account-credentials=true"], pass: ["--root-ca-file=/etc/kubernetes/pki/ca.crt"] },
  },
  {
    id: "controller-manager-rotate-kubelet-server-certificate", component: "kube-controller-manager", severity: "low", cis: "1.3.6",
    title: "Kubelet serving certificate rotation disabled",
    description: "The RotateKubeletServerCertificate feature gate set to false stops kubelet serving certificates from being rotated.",
    remediation: "Remove RotateKubeletServerCertificate=false from --feature-gates.",
    check: featureGateNotFalse("RotateKubeletServerCertificate", "kubelet serving certificates are not rotated"),
    fixture: { fail: ["--feature-gates=RotateKubeletServerCertificate=false"], pass: ["--feature-gates=RotateKubeletServerCertificate=true"] },
  },
  {
    id: "controller-manager-bind-address", component: "kube-controller-manager", severity: "medium", cis: "1.3.7", trivy: "KCV-0039",
    title: "Controller manager listens on all interfaces",
    description: "Unless --bind-address=127.0.0.1 the controller manager's metrics and health endpoints listen on every interface.",
    remediation: "Set --bind-address=127.0.0.1 on kube-controller-manager.",
    check: mustEqual("bind-address", "127.0.0.1", undefined, "its endpoints are reachable from the network"),
    fixture: { fail: ["--bind-address=0.0.0.0"], pass: ["--bind-address=127.0.0.1"] },
  },
  // ---- kube-scheduler (CIS 1.4) ----
  {
    id: "scheduler-profiling", component: "kube-scheduler", severity: "low", cis: "1.4.1", trivy: "KCV-0040",
    title: "Scheduler exposes profiling",
    description: "Profiling endpoints are on unless --profiling=false.",
    remediation: "Set --profiling=false on kube-scheduler.",
    check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
    fixture: { fail: ["--profiling=true"], pass: ["--profiling=false"] },
  },
  {
    id: "scheduler-bind-address", component: "kube-scheduler", severity: "medium", cis: "1.4.2", trivy: "KCV-0041",
    title: "Scheduler listens on all interfaces",
    description: "Unless --bind-address=127.0.0.1 the scheduler's metrics and health endpoints listen on every interface.",
    remediation: "Set --bind-address=127.0.0.1 on kube-scheduler.",
    check: mustEqual("bind-address", "127.0.0.1", undefined, "its endpoints are reachable from the network"),
    fixture: { fail: ["--bind-address=192.168.0.1"], pass: ["--bind-address=127.0.0.1"] },
  },
  // ---- etcd (CIS 2) ----
  {
    id: "etcd-tls-certificate", component: "etcd", severity: "high", cis: "2.1", trivy: "KCV-0042",
    title: "etcd serves clients without TLS",
    description: "Without --cert-file and --key-file etcd serves its clients, and every Secret it stores, over plain HTTP.",
    remediation: "Set --cert-file and --key-file on etcd.",
    check: mustBeSet(["cert-file", "key-file"], "etcd client traffic is unencrypted"),
    fixture: { fail: ["--cert-file=/etc/kubernetes/pki/etcd/server.crt"], pass: ["--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--key-file=/etc/kubernetes/pki/etcd/server.key"] },
  },
  {
    id: "etcd-client-cert-auth", component: "etcd", severity: "high", cis: "2.2", trivy: "KCV-0043",
    title: "etcd does not require client certificates",
    description: "Without --client-cert-auth=true anyone who reaches etcd's port reads and writes the whole cluster state.",
    remediation: "Set --client-cert-auth=true on etcd.",
    check: mustEqual("client-cert-auth", "true", "false", "unauthenticated clients can access etcd"),
    fixture: { fail: ["--client-cert-auth=false"], pass: ["--client-cert-auth=true"] },
  },
  {
    id: "etcd-auto-tls", component: "etcd", severity: "medium", cis: "2.3", trivy: "KCV-0044",
    title: "etcd uses self-signed client certificates",
    description: "--auto-tls=true makes etcd generate self-signed certificates clients cannot verify.",
    remediation: "Remove --auto-tls=true and configure proper certificates.",
    check: mustNotEqual("auto-tls", "true", "client TLS uses unverifiable self-signed certificates"),
    fixture: { fail: ["--auto-tls=true"], pass: ["--auto-tls=false"] },
  },
  {
    id: "etcd-peer-tls-certificate", component: "etcd", severity: "medium", cis: "2.4", trivy: "KCV-0045",
    title: "etcd peers communicate without TLS",
    description: "Without --peer-cert-file and --peer-key-file etcd members replicate cluster state in plain text.",
    remediation: "Set --peer-cert-file and --peer-key-file on etcd.",
    check: mustBeSet(["peer-cert-file", "peer-key-file"], "etcd replication is unencrypted"),
    fixture: { fail: ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt"], pass: ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key"] },
  },
  {
    id: "etcd-peer-client-cert-auth", component: "etcd", severity: "medium", cis: "2.5", trivy: "KCV-0046",
    title: "etcd does not authenticate peers",
    description: "Without --peer-client-cert-auth=true any host reaching the peer port can join or read replication.",
    remediation: "Set --peer-client-cert-auth=true on etcd.",
    check: mustEqual("peer-client-cert-auth", "true", "false", "etcd peers are not authenticated"),
    fixture: { fail: ["--peer-client-cert-auth=false"], pass: ["--peer-client-cert-auth=true"] },
  },
  {
    id: "etcd-peer-auto-tls", component: "etcd", severity: "medium", cis: "2.6", trivy: "KCV-0047",
    title: "etcd peers use self-signed certificates",
    description: "--peer-auto-tls=true makes etcd peers use self-signed certificates that cannot be verified.",
    remediation: "Remove --peer-auto-tls=true and configure peer certificates.",
    check: mustNotEqual("peer-auto-tls", "true", "peer TLS uses unverifiable self-signed certificates"),
    fixture: { fail: ["--peer-auto-tls=true"], pass: ["--peer-auto-tls=false"] },
  },
];

const byId = new Map(CONTROL_PLANE_CHECKS.map((c) => [c.id, c]));

/** The rule for one table row; the rule's id, metadata and fixtures come from the table. */
export function controlPlaneRule(id: string): Rule {
  const c = byId.get(id);
  if (!c) throw new Error(`control-plane check ${id} is not in CONTROL_PLANE_CHECKS`);
  const peers: Rule["peers"] = { nsa: ["CP"] };
  if (c.cis) peers.cis = [c.cis];
  if (c.trivy) peers.trivy = [c.trivy];
  return defineRule({
    id: c.id,
    title: c.title,
    category: "control-plane",
    severity: c.severity,
    kinds: ["Pod"],
    description: c.description,
    remediation: c.remediation,
    references: [`${CONFIG_DOC}${c.component}/`],
    peers,
    notEvaluable(ctx) {
      for (const inst of controlPlaneInstances(ctx)) if (inst.component === c.component) return undefined;
      return `${NOT_VISIBLE}: no ${c.component} pod`;
    },
    *evaluate(ctx: RuleContext): Iterable<RawFinding> {
      for (const inst of controlPlaneInstances(ctx)) {
        if (inst.component !== c.component) continue;
        const p = c.check(inst);
        if (p) yield { object: inst.pod, path: p.path, observed: p.observed, message: p.message };
      }
    },
  });
}
