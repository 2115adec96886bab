// Risk paths: the combinations of findings that make an attack path, per workload (and per identity
// for RBAC). A finding says "this field is unsafe"; a risk says "an attacker who gets here can take
// the node / the cluster / the credentials", names the steps and the findings behind each, and is
// what a team fixes first. See packages/rules/README.md ("Risk paths") for every type, its
// conditions, severity and the score formula.
//
// Risks are derived from the snapshot's facts (what the pod spec and RBAC grant), not from which
// rules happened to run, so disabling a noisy rule never hides an attack path; each step then
// links the findings that report those facts (by the rule ids in `finding.checks`).
import { allPodSpecs, containers, type PodSpecRef } from "../helpers/pod";
import { isDefaultBinding, rbacIndex, serviceAccountName, tokenMounted } from "../helpers/rbac";
import { bindingPower, serviceAccountPower } from "../helpers/rbac-power";
import { caps, containerSC, coversPath, hostPathVolumes, podSC } from "../helpers/security-context";
import { networkIndex } from "../helpers/network";
import { mapSelectorMatches, nsOf } from "../helpers/selectors";
import type { BaselineMatch, Finding, KubeObject, ObjectRef, Risk, RiskFactor, RiskStep, RiskType, RuleContext, Severity, SourceLocation } from "../types";
import { STALE_REPORT_DAYS, type FindingCve, type ImageVulnDetails } from "../vulns/types";
import { sha256Hex } from "./fingerprint";

export interface RiskInputs {
  ctx: RuleContext;
  /** Merged findings of an object (its top controller for workloads). */
  findingsOf(obj: KubeObject): readonly Finding[];
  /** The object's key as findings use it (uid, else kind/ns/name, file-qualified for manifests). */
  keyOf(obj: KubeObject): string;
  refOf(obj: KubeObject): ObjectRef;
  locationOf(obj: KubeObject): SourceLocation | undefined;
  /** The platform baseline entry a workload matches. */
  baselineOf(obj: KubeObject): BaselineMatch | undefined;
  findingByFingerprint(fp: string): Finding | undefined;
}

/** A derived risk plus what the score needs: whether its path is root on the node at once. */
export interface DerivedRisk extends Risk {
  direct?: boolean;
}

/** Base score of each type before factors (0..100). */
export const RISK_BASE: Readonly<Record<RiskType, number>> = {
  "cluster-takeover": 70,
  "node-takeover": 65,
  "credential-theft": 50,
  "exposed-vulnerable": 55,
  "host-access": 40,
  "exposed-weak": 30,
  "lateral-movement": 20,
};

// Host paths whose write access (or, for "/" and sockets, any access) gives the node.
const RUNTIME_SOCKETS = ["/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/run/crio/crio.sock", "/var/run/cri-dockerd.sock", "/run/k3s/containerd/containerd.sock"];
const RUNTIME_DIRS = ["/var/run", "/run", "/var/run/containerd", "/run/containerd", "/var/run/crio", "/run/crio", "/var/run/docker", "/run/k3s"];
const WRITABLE_CONTROL_PATHS = ["/etc", "/var/lib/kubelet", "/var/lib/docker", "/var/lib/containerd", "/var/lib/rancher", "/var/log", "/root", "/home", "/proc", "/sys", "/dev", "/boot", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/opt/cni", "/etc/kubernetes", "/var/lib/etcd"];
/** Capabilities that escape or own the node for a root process. */
const NODE_CAPS = new Set(["SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "DAC_READ_SEARCH", "BPF", "ALL"]);

function has(f: Finding, ids: readonly string[]): boolean {
  const checks = f.checks;
  if (!checks) return ids.includes(f.ruleId);
  for (const c of checks) if (ids.includes(c)) return true;
  return false;
}
function fps(fs: readonly Finding[], ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of fs) if (has(f, ids)) out.push(f.fingerprint);
  return out;
}

const R = {
  privileged: ["privileged-container"],
  hostPath: ["runtime-socket-mount", "host-path-sensitive", "host-path-writable", "host-path-volume", "restricted-volume-types", "cloud-credentials-mount"],
  hostPid: ["host-pid"],
  hostIpc: ["host-ipc"],
  hostNetwork: ["host-network"],
  caps: ["sys-admin-capability", "sys-module-added", "dangerous-caps-added", "caps-added-beyond-baseline", "capabilities-added"],
  root: ["run-as-user-0", "run-as-non-root", "container-may-run-as-root"],
  escalation: ["allow-privilege-escalation"],
  rootFs: ["read-only-root-fs"],
  network: ["network-pod-not-isolated", "network-namespace-without-policy", "network-pod-ingress-egress-not-isolated"],
  token: ["sa-token-automount", "sa-token-explicitly-mounted", "default-service-account-used"],
  saRights: ["workload-sa-admin-rights", "workload-sa-risky-permissions", "workload-sa-has-permissions"],
  binding: ["rbac-cluster-admin-binding", "rbac-namespace-cluster-admin-binding", "rbac-binding-grants-secrets-read", "rbac-system-authenticated-binding", "rbac-anonymous-binding", "rbac-default-service-account-bound"],
  role: ["rbac-admin-equivalent-role", "rbac-wildcard-all-resources", "rbac-bind-escalate", "rbac-impersonate", "rbac-grant-any-role", "rbac-create-service-account-token", "rbac-node-proxy", "rbac-secrets-access", "rbac-manage-workloads"],
  exposure: ["exposure-service-load-balancer", "exposure-service-node-port", "exposure-service-external-ips", "exposure-ingress-no-tls", "host-port"],
} as const;

// ---------------------------------------------------------------------------------------------
// Exposure: how a workload is reachable from outside the cluster.

interface Exposure {
  via: string;
  /** 2 = internet-facing load balancer / ingress / external IP, 1 = node port or host port. */
  level: number;
  object?: KubeObject;
}

function internalLb(svc: KubeObject): boolean {
  const a = svc.metadata?.annotations ?? {};
  for (const [k, v] of Object.entries(a)) {
    if (/internal/i.test(k) && (v === "true" || v === "Internal" || /internal/i.test(v))) return true;
    if (k === "service.beta.kubernetes.io/aws-load-balancer-scheme" && v === "internal") return true;
  }
  return false;
}

function exposureIndex(ctx: RuleContext): (ref: PodSpecRef) => Exposure[] {
  const ingressServices = new Map<string, KubeObject>(); // ns/service -> the Ingress (or Route)
  const note = (ns: string, name: unknown, via: KubeObject) => {
    if (typeof name === "string" && name && !ingressServices.has(`${ns}/${name}`)) ingressServices.set(`${ns}/${name}`, via);
  };
  for (const ing of ctx.index.byKind("Ingress")) {
    const ns = nsOf(ing);
    const spec = (ing as any).spec ?? {};
    note(ns, spec.defaultBackend?.service?.name ?? spec.backend?.serviceName, ing);
    for (const rule of Array.isArray(spec.rules) ? spec.rules : []) {
      for (const p of Array.isArray(rule?.http?.paths) ? rule.http.paths : []) note(ns, p?.backend?.service?.name ?? p?.backend?.serviceName, ing);
    }
  }
  for (const route of ctx.index.byKind("Route")) note(nsOf(route), (route as any).spec?.to?.name, route);
  for (const route of ctx.index.byKind("HTTPRoute")) {
    for (const rule of Array.isArray((route as any).spec?.rules) ? (route as any).spec.rules : []) {
      for (const br of Array.isArray(rule?.backendRefs) ? rule.backendRefs : []) note(nsOf(route), br?.name, route);
    }
  }

  // The ways in, per exposed Service; then each is handed to the pods it selects, found through an
  // index of pod specs by namespace and label pair (most Services are not exposed at all).
  const byPod = new Map<PodSpecRef, Exposure[]>();
  let pods: Map<string, PodSpecRef[]> | undefined;
  const podsWith = (ns: string, k: string, v: string) => {
    if (!pods) {
      pods = new Map();
      for (const r of allPodSpecs(ctx)) {
        const rns = nsOf(r.object);
        for (const [lk, lv] of Object.entries(r.meta.labels)) {
          const key = `${rns}\u0000${lk}=${lv}`;
          const l = pods.get(key);
          if (l) l.push(r);
          else pods.set(key, [r]);
        }
      }
    }
    return pods.get(`${ns}\u0000${k}=${v}`) ?? [];
  };
  for (const svc of ctx.index.byKind("Service")) {
    const spec = (svc as any).spec ?? {};
    const sel = spec.selector;
    if (!sel || typeof sel !== "object") continue;
    const first = Object.keys(sel)[0];
    if (first === undefined) continue;
    const ns = nsOf(svc);
    const name = svc.metadata?.name ?? "";
    const ways: Exposure[] = [];
    if (spec.type === "LoadBalancer" && !internalLb(svc)) ways.push({ via: `LoadBalancer Service ${ns}/${name}`, level: 2, object: svc });
    else if (spec.type === "NodePort" || spec.type === "LoadBalancer") ways.push({ via: `${spec.type === "LoadBalancer" ? "internal LoadBalancer" : "NodePort"} Service ${ns}/${name}`, level: 1, object: svc });
    if (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0) ways.push({ via: `externalIPs of Service ${ns}/${name}`, level: 2, object: svc });
    const ing = ingressServices.get(`${ns}/${name}`);
    if (ing) ways.push({ via: `${ing.kind} ${ns}/${ing.metadata?.name ?? ""} -> Service ${name}`, level: 2, object: ing });
    if (ways.length === 0) continue;
    for (const r of podsWith(ns, first, String(sel[first]))) {
      if (!mapSelectorMatches(sel, r.meta.labels)) continue;
      const l = byPod.get(r);
      // A few ways in are enough to judge and to tell.
      if (!l) byPod.set(r, ways.slice());
      else if (l.length < MAX_EXPOSURES) l.push(...ways);
    }
  }

  return (ref) => {
    const out = byPod.get(ref)?.slice() ?? [];
    for (const c of containers(ref)) {
      const ports = Array.isArray(c.container?.ports) ? c.container.ports : [];
      if (ports.some((p: any) => p && Number(p.hostPort) > 0) && ref.spec?.hostNetwork !== true) {
        out.push({ via: `hostPort on container "${c.container?.name ?? ""}"`, level: 1 });
        break;
      }
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Factors (StackRox-style): each multiplies the base score by 1 + (value / saturation)(max - 1).

function factor(name: string, value: number, saturation: number, max: number, message: string): RiskFactor {
  const m = 1 + (Math.min(value, saturation) / saturation) * (max - 1);
  return { name, multiplier: Math.round(m * 100) / 100, message };
}

function replicasOf(obj: KubeObject): { n: number; text: string } {
  if (obj.kind === "DaemonSet") return { n: 10, text: "runs on every node (DaemonSet)" };
  const r = Number((obj as any).spec?.replicas ?? 1);
  const n = Number.isFinite(r) && r > 0 ? r : 1;
  return { n, text: `${n} replica${n === 1 ? "" : "s"}` };
}

function factorsFor(obj: KubeObject, exposure: Exposure[]): RiskFactor[] {
  const out: RiskFactor[] = [];
  const level = exposure.reduce((m, e) => Math.max(m, e.level), 0);
  if (level > 0) out.push(factor("exposure", level, 2, 1.5, `reachable from outside the cluster through ${few(exposure.map((e) => e.via))}`));
  const reps = replicasOf(obj);
  if (reps.n > 1) out.push(factor("replicas", reps.n, 10, 1.2, reps.text));
  const ns = obj.metadata?.namespace;
  if (ns === "kube-system") out.push(factor("namespace", 1, 1, 1.2, "runs in kube-system, next to the cluster's own components and their tokens"));
  return out;
}

function scoreOf(type: RiskType, factors: readonly RiskFactor[]): number {
  let s = RISK_BASE[type];
  for (const f of factors) s *= f.multiplier;
  return Math.min(100, Math.round(s * 10) / 10);
}

// ---------------------------------------------------------------------------------------------

const REMEDIATION: Readonly<Record<RiskType, string>> = {
  "node-takeover":
    "Remove what gives the node: privileged: false, no hostPID with dangerous capabilities, no hostPath of / or a runtime socket, read-only mounts of host paths the workload only reads; drop ALL capabilities. If it is a node agent, give it its own namespace with Pod Security 'privileged' and nothing else there.",
  "cluster-takeover":
    "Give the workload its own service account bound to a least-privilege Role (no wildcards, no bind/escalate/impersonate, no pod or token creation in kube-system), and set automountServiceAccountToken: false unless it calls the API.",
  "credential-theft":
    "Scope the service account's Secret access with resourceNames to the Secrets it needs (or a namespaced Role), and stop mounting its token where the workload does not call the API.",
  "host-access": "Drop hostPID, hostIPC and hostNetwork unless the workload is a node agent that needs them; run it as non-root with ALL capabilities dropped.",
  "exposed-weak":
    "Harden what is reachable from outside: run as non-root, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, and a NetworkPolicy that admits only the ingress controller or load balancer.",
  "exposed-vulnerable":
    "Patch the image: rebuild or update to a version that fixes the listed CVEs (the finding names each fixed version) and roll the workload out. Until then, narrow what reaches it (an internal load balancer, a NetworkPolicy admitting only the ingress controller).",
  "lateral-movement": "Add a default-deny NetworkPolicy to the namespace and allow only the traffic each workload needs, so a compromised exposed workload cannot reach the rest.",
};

export function deriveRisks(inputs: RiskInputs): DerivedRisk[] {
  const { ctx } = inputs;
  const risks: DerivedRisk[] = [];
  const exposureOf = exposureIndex(ctx);
  const hasRbac = ctx.index.byKind("ClusterRoleBinding").length > 0 || ctx.index.byKind("RoleBinding").length > 0;
  const exposedByNs = new Map<string, Array<{ ref: PodSpecRef; exposure: Exposure[] }>>();
  const isolated = isolationIndex(ctx);
  const subjectOf = new Map<DerivedRisk, KubeObject>();
  const roleOf = (b: KubeObject) => roleOfIn(ctx, b);

  const make = (type: RiskType, obj: KubeObject, severity: Severity, title: string, steps: RiskStep[], factors: RiskFactor[], extra?: { direct?: boolean; objects?: ObjectRef[] }): DerivedRisk => {
    const risk: DerivedRisk = {
      id: sha256Hex(`risk:${type}|${inputs.keyOf(obj)}`).slice(0, 32),
      type,
      title,
      severity,
      score: scoreOf(type, factors),
      objects: dedupeRefs([inputs.refOf(obj), ...(extra?.objects ?? [])]),
      steps: steps.map((st) => ({ ...st, findings: [...new Set(st.findings)] })),
      factors,
      remediation: REMEDIATION[type],
    };
    if (extra?.direct) risk.direct = true;
    subjectOf.set(risk, obj);
    const loc = inputs.locationOf(obj);
    if (loc) risk.location = loc;
    return risk;
  };

  for (const ref of allPodSpecs(ctx)) {
    const obj = ref.object;
    const fs = inputs.findingsOf(obj);
    const firstRisk = risks.length;
    const label = `${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ""}${obj.metadata?.name ?? ""}`;
    const exposure = exposureOf(ref);
    const exposureStep: RiskStep | undefined = exposure.length
      ? {
          kind: "exposure",
          text: `Reachable from outside the cluster: ${few(exposure.map((e) => e.via))}.`,
          findings: exposure.flatMap((e) => (e.object ? fps(inputs.findingsOf(e.object), R.exposure) : fps(fs, ["host-port"]))),
          objects: exposure.filter((e) => e.object).map((e) => inputs.refOf(e.object!)),
        }
      : undefined;
    const factors = factorsFor(obj, exposure);
    const withExposure = (steps: RiskStep[]) => (exposureStep ? [exposureStep, ...steps] : steps);
    const psc = podSC(ref);

    // --- node takeover ---------------------------------------------------------------------------
    const node: RiskStep[] = [];
    let direct = false;
    let root = false;
    let escalation = false;
    let writableRoot = false;
    const nodeCaps = new Set<string>();
    for (const c of containers(ref, { init: true, ephemeral: true })) {
      const sc = containerSC(c);
      if (sc.privileged === true) {
        node.push({ kind: "privilege", text: `Container "${c.container?.name ?? ""}" is privileged: every device and capability of the node, so root on the node.`, findings: fps(fs, R.privileged) });
        direct = true;
      }
      if (sc.windowsOptions?.hostProcess === true || psc.windowsOptions?.hostProcess === true) {
        node.push({ kind: "privilege", text: `Container "${c.container?.name ?? ""}" is a Windows HostProcess container: it runs as a process on the node itself.`, findings: fps(fs, ["windows-host-process"]) });
        direct = true;
      }
      for (const cap of caps(c).add) {
        const name = cap.startsWith("CAP_") ? cap.slice(4) : cap;
        if (NODE_CAPS.has(name)) nodeCaps.add(name);
      }
      const runAsNonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
      const runAsUser = sc.runAsUser ?? psc.runAsUser;
      if (!(runAsNonRoot === true || (typeof runAsUser === "number" && runAsUser > 0))) root = true;
      if (sc.allowPrivilegeEscalation !== false) escalation = true;
      if (sc.readOnlyRootFilesystem !== true) writableRoot = true;
    }
    const mountsOf = (volumeName: string) => {
      let any = false;
      let writable = false;
      for (const c of containers(ref, { init: true, ephemeral: true })) {
        for (const m of Array.isArray(c.container?.volumeMounts) ? c.container.volumeMounts : []) {
          if (m?.name !== volumeName) continue;
          any = true;
          if (m.readOnly !== true) writable = true;
        }
      }
      return { any, writable };
    };
    for (const v of hostPathVolumes(ref)) {
      const m = mountsOf(v.name);
      if (!m.any) continue;
      const hp = v.hostPath;
      const volFindings = fs.filter((f) => has(f, R.hostPath) && f.path.startsWith(v.path)).map((f) => f.fingerprint);
      const linked = volFindings.length ? volFindings : fps(fs, R.hostPath);
      if (hp === "/") {
        node.push({ kind: "privilege", text: `Mounts the node's root filesystem (hostPath "/")${m.writable ? " writable" : ""}: the kubelet's credentials, every pod's secrets${m.writable ? " and the node's binaries" : ""}.`, findings: linked });
        if (m.writable) direct = true;
      } else if (RUNTIME_SOCKETS.includes(hp) || RUNTIME_DIRS.includes(hp)) {
        node.push({ kind: "privilege", text: `Mounts the container runtime's socket (hostPath "${hp}"): it can start a privileged container on the node.`, findings: linked });
        direct = true;
      } else if (m.writable && WRITABLE_CONTROL_PATHS.some((p) => coversPath(hp, p) || coversPath(p, hp))) {
        node.push({ kind: "privilege", text: `Mounts host path "${hp}" writable: it can change what the node runs or trusts.`, findings: linked });
      }
    }
    const hostPid = ref.spec?.hostPID === true;
    const dangerousCaps = [...nodeCaps];
    if (dangerousCaps.length > 0 && root) {
      node.push({ kind: "privilege", text: `Runs as root with ${dangerousCaps.join(", ")}${hostPid ? " and the node's process namespace (hostPID): nsenter into PID 1 gives a root shell on the node" : ": enough to escape the container"}.`, findings: [...fps(fs, R.caps), ...(hostPid ? fps(fs, R.hostPid) : [])] });
    } else if (hostPid && node.length > 0) {
      node.push({ kind: "privilege", text: "Shares the node's process namespace (hostPID).", findings: fps(fs, R.hostPid) });
    }
    if (node.length > 0) {
      risks.push(make("node-takeover", obj, "critical", `Node takeover: ${label} ${direct ? "gives root on its node" : "can take over its node"}`, withExposure(node), factors, { direct }));
    } else if (hostPid || ref.spec?.hostIPC === true || ref.spec?.hostNetwork === true) {
      // --- host namespaces without a full escape --------------------------------------------------
      const shared = [hostPid ? "process (hostPID)" : "", ref.spec?.hostIPC === true ? "IPC (hostIPC)" : "", ref.spec?.hostNetwork === true ? "network (hostNetwork)" : ""].filter(Boolean);
      const step: RiskStep = {
        kind: "privilege",
        text: `Shares the node's ${shared.join(", ")} namespace${shared.length > 1 ? "s" : ""}${root ? " and runs as root" : ""}: it sees the node's processes or traffic and local-only services such as the kubelet's.`,
        findings: [...fps(fs, R.hostPid), ...fps(fs, R.hostIpc), ...fps(fs, R.hostNetwork)],
      };
      risks.push(make("host-access", obj, root ? "high" : "medium", `Host access: ${label} shares the node's ${shared.map((s) => s.split(" ")[0]).join(", ")} namespace${shared.length > 1 ? "s" : ""}`, withExposure([step]), factors));
    }

    // --- identity: cluster takeover / credential theft -----------------------------------------
    let identityRisk = false;
    if (hasRbac && tokenMounted(ctx, ref)) {
      const ns = nsOf(obj);
      const sa = serviceAccountName(ref.spec);
      const power = serviceAccountPower(ctx, ns, sa);
      const tokenStep: RiskStep = { kind: "identity", text: `Mounts the API token of ServiceAccount ${ns}/${sa}: code running in the pod acts as it.`, findings: fps(fs, R.token) };
      const grantFindings = (bindings: readonly KubeObject[]) =>
        bindings.flatMap((b) => {
          const role = roleOf(b);
          return [...fps(inputs.findingsOf(b), R.binding), ...(role ? fps(inputs.findingsOf(role), R.role) : [])];
        });
      const refs = (bindings: readonly KubeObject[]) => dedupeRefs(bindings.map((b) => inputs.refOf(b)));
      if (power.clusterAdminEquivalent.length > 0) {
        // A handful of bindings tell the story; an account bound a thousand times must not cost a
        // thousand lookups per workload.
        const bindings = power.clusterAdminEquivalent.flatMap((g) => g.bindings).slice(0, MAX_BINDINGS);
        const via = [few(bindings.map((b) => `${b.kind} ${b.metadata?.namespace ? `${b.metadata.namespace}/` : ""}${b.metadata?.name ?? ""}`))];
        const steps = withExposure([
          tokenStep,
          { kind: "privilege", text: `ServiceAccount ${ns}/${sa} ${few(power.clusterAdminEquivalent.map((g) => g.why))} (via ${via.join(", ")}): equivalent to cluster-admin.`, findings: [...fps(fs, R.saRights), ...grantFindings(bindings)], objects: refs(bindings) },
        ]);
        risks.push(make("cluster-takeover", obj, "critical", `Cluster takeover: ${label} runs as ServiceAccount ${sa}, equivalent to cluster-admin`, steps, factors, { objects: refs(bindings) }));
        identityRisk = true;
      } else if (power.readsSecrets) {
        const cluster = power.readsSecrets.scope === "cluster";
        const where = cluster ? "every Secret in the cluster" : `every Secret in ${(power.readsSecrets.scope as string[]).join(", ")}`;
        const severity: Severity = cluster ? (exposure.length ? "critical" : "high") : exposure.length ? "high" : "medium";
        const bindings = power.readsSecrets.bindings.slice(0, MAX_BINDINGS);
        const steps = withExposure([
          tokenStep,
          { kind: "data", text: `ServiceAccount ${ns}/${sa} can read ${where}${cluster ? ", including other service accounts' tokens" : ""}.`, findings: [...fps(fs, R.saRights), ...grantFindings(bindings)], objects: refs(bindings) },
        ]);
        risks.push(make("credential-theft", obj, severity, `Credential theft: ${label} can read ${where}`, steps, factors, { objects: refs(bindings) }));
        identityRisk = true;
      }
    }

    // --- exposed and weak -------------------------------------------------------------------
    if (exposure.length > 0) {
      const ns = nsOf(obj);
      const notIsolated = isolated(ns, ref.meta.labels, serviceAccountName(ref.spec)) === false;
      if (node.length === 0 && !identityRisk) {
        const weak: string[] = [];
        const weakFindings: string[] = [];
        if (root) (weak.push("runs as root"), weakFindings.push(...fps(fs, R.root)));
        if (escalation) (weak.push("allows privilege escalation"), weakFindings.push(...fps(fs, R.escalation)));
        if (writableRoot) (weak.push("has a writable root filesystem"), weakFindings.push(...fps(fs, R.rootFs)));
        if (notIsolated) (weak.push("no NetworkPolicy limits its traffic"), weakFindings.push(...fps(fs, R.network)));
        if (weak.length > 0) {
          const severity: Severity = weak.length >= 3 && root ? "high" : "medium";
          risks.push(make("exposed-weak", obj, severity, `Exposed and weak: ${label} is reachable from outside and ${weak.join(", ")}`, withExposure([{ kind: "privilege", text: `Once reached, an attacker's foothold ${weak.join(", ")}.`, findings: weakFindings }]), factors));
        }
      }
      if (notIsolated) {
        const l = exposedByNs.get(ns);
        if (l) l.push({ ref, exposure });
        else exposedByNs.set(ns, [{ ref, exposure }]);
      }
    }

    // --- vulnerability: a known, fixable CVE in the workload's image -------------------------
    // It joins the workload's risks as the way in (after the exposure step); exposed, it makes
    // them as severe as the CVE, and alone it is a risk of its own. Stale data never raises one.
    const vuln = vulnerabilityOf(fs);
    if (vuln) {
      const mine = risks.slice(firstRisk).filter((r) => subjectOf.get(r) === obj && evidenced(r));
      for (const r of mine) {
        const at = r.steps[0]?.kind === "exposure" ? 1 : 0;
        r.steps.splice(at, 0, { ...vuln.step, findings: [...vuln.step.findings] });
        if (vuln.stale) continue;
        r.remediation = `${r.remediation} ${PATCH_IMAGE}`;
        // (risks of one workload share its factor list: a new list, not a push)
        r.factors = [...r.factors, vuln.factor];
        r.score = scoreOf(r.type, r.factors);
        if (exposure.length > 0 && SEV_RANK[vuln.level] > SEV_RANK[r.severity]) r.severity = vuln.level;
      }
      if (mine.length === 0 && exposure.length > 0 && !vuln.stale) {
        risks.push(make("exposed-vulnerable", obj, vuln.level, `Exposed and vulnerable: ${label} is reachable from outside and runs an image with a ${vuln.level} fixable CVE`, withExposure([vuln.step]), [...factors, vuln.factor]));
      }
    }
  }

  // --- lateral movement: a namespace without isolation that holds an exposed workload ---------
  const podsByNs = new Map<string, PodSpecRef[]>();
  if (exposedByNs.size > 0) {
    for (const r of allPodSpecs(ctx)) {
      const ns = nsOf(r.object);
      const l = podsByNs.get(ns);
      if (l) l.push(r);
      else podsByNs.set(ns, [r]);
    }
  }
  for (const [ns, exposed] of exposedByNs) {
    const exposedRefs = new Set(exposed.map((e) => e.ref));
    const others = (podsByNs.get(ns) ?? []).filter((r) => !exposedRefs.has(r));
    if (others.length === 0) continue;
    const first = exposed[0]!.ref.object;
    const nsObj = ctx.index.byName("Namespace", undefined, ns);
    const anchor = nsObj ?? first;
    const netFindings = [...exposed.map((e) => e.ref.object), ...others.slice(0, 50).map((r) => r.object)].flatMap((o) => fps(inputs.findingsOf(o), R.network));
    const steps: RiskStep[] = [
      { kind: "exposure", text: `${few(exposed.map((e) => `${e.ref.object.kind} ${e.ref.object.metadata?.name ?? ""}`))} ${exposed.length === 1 ? "is" : "are"} reachable from outside (${few(exposed.flatMap((e) => e.exposure.map((x) => x.via)))}).`, findings: [], objects: exposed.slice(0, 20).map((e) => inputs.refOf(e.ref.object)) },
      { kind: "network", text: `No NetworkPolicy isolates namespace ${ns}: a foothold there reaches ${others.length} other workload${others.length === 1 ? "" : "s"} (${others.slice(0, 5).map((r) => r.object.metadata?.name ?? "").join(", ")}${others.length > 5 ? ", ..." : ""}) and anything else in the cluster.`, findings: [...new Set(netFindings)], objects: others.slice(0, 20).map((r) => inputs.refOf(r.object)) },
    ];
    const factors: RiskFactor[] = [factor("exposure", 2, 2, 1.5, "an exposed workload is the way in"), factor("reach", others.length, 10, 1.3, `${others.length} other workload${others.length === 1 ? "" : "s"} reachable`)];
    const risk = make("lateral-movement", anchor, "medium", `Lateral movement: namespace ${ns} has exposed workloads and no network isolation`, steps, factors, { objects: exposed.slice(0, 20).map((e) => inputs.refOf(e.ref.object)) });
    risks.push(risk);
  }

  // --- identities: everyone (anonymous / all authenticated / all service accounts) bound to power
  for (const b of rbacIndex(ctx).bindings) {
    const broad = b.subjects.filter((s) => (s.kind === "Group" && BROAD_GROUPS.has(s.name)) || (s.kind === "User" && s.name === "system:anonymous"));
    if (broad.length === 0 || isDefaultBinding(b.binding)) continue;
    const power = bindingPower(b);
    if (!power.adminEquivalent && !power.readsSecrets) continue;
    const who = broad.map((s) => `${s.kind} ${s.name}`).join(", ");
    const type: RiskType = power.adminEquivalent ? "cluster-takeover" : "credential-theft";
    const steps: RiskStep[] = [
      { kind: "identity", text: `${b.kind} ${b.binding.metadata?.name ?? ""} grants ${who}: ${/anonymous|unauthenticated/.test(who) ? "anyone who can reach the API server" : "every authenticated identity, including every pod's service account"}.`, findings: fps(inputs.findingsOf(b.binding), R.binding) },
      { kind: power.adminEquivalent ? "privilege" : "data", text: power.adminEquivalent ? `It ${power.adminEquivalent}${b.scope ? ` in ${b.scope}` : ""}.` : `It can read every Secret${b.scope ? ` in ${b.scope}` : " in the cluster"}.`, findings: b.role ? fps(inputs.findingsOf(b.role), R.role) : [] },
    ];
    risks.push(make(type, b.binding, "critical", `${power.adminEquivalent ? "Cluster takeover" : "Credential theft"}: ${who} bound to ${b.roleKind} ${b.roleName}`, steps, []));
  }

  // A risk needs evidence: at least one finding behind its privilege, identity or data steps. When
  // the organization disabled every rule that reports them (or an explicit rule list left them
  // out), there is nothing to fix, track or accept, so there is no risk either.
  const kept = risks.filter(evidenced);
  risks.length = 0;
  risks.push(...kept);

  // Expected platform components and accepted risk (every finding of the cause steps covered).
  for (const r of risks) {
    const b = inputs.baselineOf(subjectOf.get(r)!);
    if (b) r.baseline = b;
    const cause = r.steps.filter((s) => s.kind !== "exposure").flatMap((s) => s.findings);
    const found = cause.map((fp) => inputs.findingByFingerprint(fp)).filter((f): f is Finding => !!f);
    if (found.length > 0 && found.length === cause.length && found.every((f) => f.exception)) r.exception = found[0]!.exception!;
  }

  return risks.sort((a, b) => SEV_RANK[b.severity] - SEV_RANK[a.severity] || b.score - a.score || a.title.localeCompare(b.title));
}

/** Whether a risk has a finding behind a step other than its exposure. */
function evidenced(r: Risk): boolean {
  return r.steps.some((s) => s.kind !== "exposure" && s.findings.length > 0);
}

const VULN_RULE = "image-vulnerabilities";
const PATCH_IMAGE = "Then patch the image: update the vulnerable packages to their fixed versions (the image-vulnerabilities finding names each) and roll the workload out.";

/**
 * The vulnerability step of a workload: its image-vulnerabilities findings (not excepted) with an
 * open, fixable critical or high CVE. Current reports win over stale ones; a stale one alone
 * yields a step that says so, and neither a factor nor a severity.
 */
function vulnerabilityOf(fs: readonly Finding[]): { step: RiskStep; factor: RiskFactor; level: Severity; stale: boolean } | undefined {
  const found: Array<{ f: Finding; d: ImageVulnDetails; cves: FindingCve[] }> = [];
  for (const f of fs) {
    if (f.exception || !has(f, [VULN_RULE])) continue;
    const d = f.details?.vulnerabilities;
    if (!d || !Array.isArray(d.cves)) continue;
    const cves = d.cves.filter((c) => !c.excepted && c.fixedVersion && (c.severity === "critical" || c.severity === "high"));
    if (cves.length > 0) found.push({ f, d, cves });
  }
  if (found.length === 0) return undefined;
  const current = found.filter((x) => !x.d.stale);
  const stale = current.length === 0;
  const use = stale ? found : current;
  const rank = (x: { cves: FindingCve[] }) => (x.cves.some((c) => c.severity === "critical") ? 2 : 1);
  const worst = use.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const level: Severity = rank(worst) === 2 ? "critical" : "high";
  const top = worst.cves[0]!;
  const others = use.reduce((n, x) => n + x.cves.length, 0) - 1;
  const what = `${top.severity} ${top.id} in ${top.package} (fixed in ${top.fixedVersion})${others > 0 ? ` and ${others} more fixable critical or high CVE${others === 1 ? "" : "s"}` : ""}`;
  const text = stale
    ? `Image ${worst.d.image} had ${what} when last scanned, but the report is stale (over ${STALE_REPORT_DAYS} days old): rescan it before trusting or dismissing this way in.`
    : `Image ${worst.d.image} has ${what}: a known way in.`;
  const factor: RiskFactor = { name: "vulnerability", multiplier: level === "critical" ? 1.3 : 1.15, message: `image ${worst.d.image} has a ${level} CVE with a fix (${top.id})` };
  return { step: { kind: "vulnerability", text, findings: use.map((x) => x.f.fingerprint) }, factor, level, stale };
}

const MAX_BINDINGS = 10;
const MAX_EXPOSURES = 5;

const BROAD_GROUPS = new Set(["system:anonymous", "system:unauthenticated", "system:authenticated", "system:serviceaccounts"]);

const SEV_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** A short list for a sentence: the first three, then "and N more". */
function few(items: readonly string[]): string {
  const uniq = [...new Set(items)];
  return uniq.length <= 3 ? uniq.join("; ") : `${uniq.slice(0, 3).join("; ")} and ${uniq.length - 3} more`;
}

/** The role a binding refers to, when it is in the snapshot. */
function roleOfIn(ctx: RuleContext, binding: KubeObject): KubeObject | undefined {
  const ref = (binding as any).roleRef;
  if (!ref || typeof ref.name !== "string") return undefined;
  const rbac = rbacIndex(ctx);
  return ref.kind === "ClusterRole" ? rbac.clusterRole(ref.name) : rbac.role(binding.metadata?.namespace ?? "default", ref.name);
}

function dedupeRefs(refs: ObjectRef[]): ObjectRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.kind}/${r.namespace ?? ""}/${r.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Whether an ingress policy (Kubernetes or Cilium, through the network rules' index) selects a pod:
 * true, false, or undefined when the cluster's NetworkPolicies could not be read.
 */
function isolationIndex(ctx: RuleContext): (ns: string, labels: Record<string, string>, serviceAccount: string) => boolean | undefined {
  const read = ctx.snapshot.kinds.find((k) => k.kind === "NetworkPolicy");
  if (ctx.snapshot.source === "cluster" && read && read.status !== "read") return () => undefined;
  const index = networkIndex(ctx);
  return (ns, labels, sa) => index.selecting(ns, labels, sa).some((p) => p.ingress);
}
