// bench/.engine-prof.ts
import { Session } from "node:inspector/promises";
import { writeFileSync, readdirSync as readdirSync2, readFileSync as readFileSync2 } from "node:fs";
import path2 from "node:path";

// packages/rules/src/types.ts
var SEVERITIES = ["critical", "high", "medium", "low", "info"];

// packages/rules/src/helpers/pod.ts
var WORKLOAD_KINDS = [
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "CronJob",
  "ReplicationController"
];
var EMPTY = Object.freeze({});
function isObj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var TEMPLATE_OWNERS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"]);
function controllerInSnapshot(obj, index) {
  const refs = obj.metadata?.ownerReferences;
  if (!Array.isArray(refs)) return false;
  for (const ref of refs) {
    if (!ref || ref.controller !== true || !TEMPLATE_OWNERS.has(ref.kind)) continue;
    if (ref.uid && templateOwnerUids(index).has(ref.uid)) return true;
    if (ref.kind && ref.name && index.byName(ref.kind, obj.metadata?.namespace, ref.name)) return true;
  }
  return false;
}
var ownerUidCache = /* @__PURE__ */ new WeakMap();
function templateOwnerUids(index) {
  let set = ownerUidCache.get(index);
  if (set) return set;
  set = /* @__PURE__ */ new Set();
  for (const kind of TEMPLATE_OWNERS) {
    for (const o of index.byKind(kind)) {
      const uid = o.metadata?.uid;
      if (typeof uid === "string" && uid) set.add(uid);
    }
  }
  ownerUidCache.set(index, set);
  return set;
}
function podSpecOf(obj) {
  const o = obj;
  switch (obj.kind) {
    case "Pod":
      return specRef(obj, o, "spec", "metadata");
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
    case "ReplicationController":
      return specRef(obj, o.spec?.template, "spec.template.spec", "spec.template.metadata");
    case "CronJob":
      return specRef(obj, o.spec?.jobTemplate?.spec?.template, "spec.jobTemplate.spec.template.spec", "spec.jobTemplate.spec.template.metadata");
    default:
      return void 0;
  }
}
function specRef(obj, t3, path3, metaPath) {
  if (!isObj(t3) || !isObj(t3.spec)) return void 0;
  return {
    object: obj,
    spec: t3.spec,
    path: path3,
    meta: { labels: t3.metadata?.labels ?? EMPTY, annotations: t3.metadata?.annotations ?? EMPTY },
    metaPath,
    _all: void 0,
    _views: void 0
  };
}
var cache = /* @__PURE__ */ new WeakMap();
var slices = /* @__PURE__ */ new WeakMap();
function podSpecs(ctx) {
  return slices.get(ctx) ?? allPodSpecs(ctx);
}
function allPodSpecs(ctx) {
  let list2 = cache.get(ctx.index);
  if (list2) return list2;
  list2 = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const obj of ctx.index.byKind(kind)) {
      if ((kind === "Pod" || kind === "ReplicaSet" || kind === "Job") && controllerInSnapshot(obj, ctx.index)) continue;
      const ref = podSpecOf(obj);
      if (ref) list2.push(ref);
    }
  }
  cache.set(ctx.index, list2);
  return list2;
}
function withPodSpecSlice(ctx, slice) {
  const sub = { snapshot: ctx.snapshot, index: ctx.index, params: ctx.params };
  slices.set(sub, slice);
  return sub;
}
var FIELDS = [
  ["containers", "container"],
  ["initContainers", "initContainer"],
  ["ephemeralContainers", "ephemeralContainer"]
];
function allContainers(ref) {
  let list2 = ref._all;
  if (list2) return list2;
  list2 = [];
  const spec = ref.spec;
  for (const [field, type] of FIELDS) {
    const arr2 = spec?.[field];
    if (!Array.isArray(arr2)) continue;
    for (let i = 0; i < arr2.length; i++) {
      const c = arr2[i];
      if (!isObj(c)) continue;
      list2.push({ container: c, path: `${ref.path}.${field}[${i}]`, type, _caps: void 0 });
    }
  }
  ref._all = list2;
  return list2;
}
function containers(ref, opts) {
  const all = ref._all ?? allContainers(ref);
  if (opts === void 0) return all;
  const init = opts.init !== false;
  const ephemeral = opts.ephemeral !== false;
  if (init && ephemeral) return all;
  const views = ref._views ?? (ref._views = [void 0, void 0, void 0]);
  const slot = (init ? 1 : 0) + (ephemeral ? 2 : 0);
  let list2 = views[slot];
  if (!list2) {
    list2 = all.filter((c) => c.type === "container" || (c.type === "initContainer" ? init : ephemeral));
    views[slot] = list2;
  }
  return list2;
}
function defineRule(rule) {
  return rule;
}

// packages/rules/src/helpers/security-context.ts
function isWindowsPod(spec) {
  return spec?.os?.name === "windows";
}
var NO_SC = Object.freeze({});
function podSC(ref) {
  const s2 = ref.spec?.securityContext;
  return s2 && typeof s2 === "object" ? s2 : NO_SC;
}
function containerSC(c) {
  const s2 = c.container?.securityContext;
  return s2 && typeof s2 === "object" ? s2 : NO_SC;
}
function effective(ref, c, field) {
  const cv = containerSC(c)[field];
  if (cv !== void 0 && cv !== null) return { value: cv, path: `${c.path}.securityContext.${field}`, level: "container" };
  const pv = podSC(ref)[field];
  if (pv !== void 0 && pv !== null) return { value: pv, path: `${ref.path}.securityContext.${field}`, level: "pod" };
  return { value: void 0, path: `${c.path}.securityContext.${field}`, level: "none" };
}
function upperList(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string").map((x) => x.toUpperCase()) : [];
}
function containerName(c) {
  return typeof c.container?.name === "string" ? c.container.name : "?";
}
function perContainer(ctx, check2, opts) {
  const out = [];
  for (const ref of podSpecs(ctx)) {
    if (opts?.skipWindows && isWindowsPod(ref.spec)) continue;
    for (const c of containers(ref, opts)) {
      const r2 = check2(ref, c);
      if (!r2) continue;
      if (Array.isArray(r2)) for (const f of r2) out.push(f);
      else out.push(r2);
    }
  }
  return out;
}
var fixCache = /* @__PURE__ */ new Map();
function scFix(c, body, description) {
  const key = `${c.path}\0${body}\0${description ?? ""}`;
  const hit = fixCache.get(key);
  if (hit) return hit;
  const content = `# ${c.path}
securityContext:
${body.split("\n").map((l) => `  ${l}`).join("\n")}
`;
  const fix = Object.freeze({ type: "yaml", content, ...description ? { description } : {} });
  if (fixCache.size < 2e3) fixCache.set(key, fix);
  return fix;
}
function* volumes(ref) {
  const vs = ref.spec?.volumes;
  if (!Array.isArray(vs)) return;
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    if (v && typeof v === "object") yield { volume: v, path: `${ref.path}.volumes[${i}]`, index: i };
  }
}
function caps(c) {
  const hit = c._caps;
  if (hit) return hit;
  const cap = containerSC(c).capabilities;
  const add = Array.isArray(cap?.add) ? cap.add : [];
  const drop = Array.isArray(cap?.drop) ? cap.drop : [];
  const out = {
    add: upperList(add),
    drop: upperList(drop),
    addRaw: add,
    base: `${c.path}.securityContext.capabilities`
  };
  c._caps = out;
  return out;
}
function addedCapFindings(ref, c, bad, describe, opts) {
  const { add, addRaw, base } = caps(c);
  const out = [];
  if (add.length === 0 && addRaw.length === 0) return out;
  const names = opts?.exact ? addRaw.map((x) => typeof x === "string" ? x : "") : add;
  names.forEach((raw, i) => {
    const name = opts?.exact ? raw : raw.startsWith("CAP_") ? raw.slice(4) : raw;
    if (!bad(name)) return;
    out.push({
      object: ref.object,
      path: `${base}.add[${i}]`,
      observed: raw,
      message: `Container "${containerName(c)}" ${describe(name)}.`
    });
  });
  return out;
}
function normalizeHostPath(p) {
  if (typeof p !== "string") return "";
  const s2 = p.replace(/\/+/g, "/");
  return s2.length > 1 ? s2.replace(/\/$/, "") : s2;
}
function coversPath(dir, target) {
  if (dir === "/") return true;
  return target === dir || target.startsWith(`${dir}/`);
}
var hostPathCache = /* @__PURE__ */ new WeakMap();
var NO_HOST_PATHS = Object.freeze([]);
function hostPathVolumes(ref) {
  const hit = hostPathCache.get(ref);
  if (hit) return hit;
  let out;
  const vs = ref.spec?.volumes;
  if (Array.isArray(vs)) {
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i];
      if (!v || typeof v !== "object" || !v.hostPath || typeof v.hostPath !== "object") continue;
      (out ??= []).push({ volume: v, path: `${ref.path}.volumes[${i}]`, hostPath: normalizeHostPath(v.hostPath.path), name: show(v.name ?? "") });
    }
  }
  const list2 = out ?? NO_HOST_PATHS;
  hostPathCache.set(ref, list2);
  return list2;
}
function show(v) {
  let s2;
  if (typeof v === "string") s2 = v;
  else if (typeof v === "number" || typeof v === "boolean" || v === null || v === void 0) s2 = String(v);
  else {
    try {
      s2 = JSON.stringify(v) ?? typeof v;
    } catch {
      s2 = typeof v;
    }
  }
  return s2.length > 80 ? `${s2.slice(0, 79)}\u2026` : s2;
}

// packages/rules/src/rules/host-access/cloud-credentials-mount.ts
var CREDENTIAL_FILES = [
  "/etc/kubernetes/azure.json",
  "/etc/kubernetes/cloud.conf",
  "/etc/kubernetes/cloud-config",
  "/etc/gce.conf",
  "/var/lib/waagent",
  "/root/.aws",
  "/root/.azure",
  "/root/.config/gcloud",
  "/home/kubernetes/.config/gcloud"
];
var CREDENTIAL_DIRS = ["/.aws", "/.azure", "/.config/gcloud", "/.oci", "/.kube"];
var cloudCredentialsMount = defineRule({
  id: "cloud-credentials-mount",
  title: "Cloud credentials mounted from the node",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "A hostPath volume exposes files where the node keeps cloud credentials (azure.json, cloud config, ~/.aws, gcloud configuration). A pod reading them acts with the node's cloud identity.",
  remediation: "Remove the mount and give the workload its own narrowly scoped cloud identity (IRSA / EKS Pod Identity, Azure Workload Identity, GKE Workload Identity).",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { kubescape: ["C-0020"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of hostPathVolumes(ref)) {
        const p = v.hostPath;
        if (!p || p === "/") continue;
        const hit = CREDENTIAL_FILES.find((f) => coversPath(p, f) || coversPath(f, p)) ?? CREDENTIAL_DIRS.find((d) => p.endsWith(d) || p.includes(`${d}/`));
        if (!hit) continue;
        yield {
          object: ref.object,
          path: `${v.path}.hostPath.path`,
          observed: p,
          message: `Volume "${v.name}" mounts ${p}, where the node keeps cloud credentials.`
        };
      }
    }
  }
});

// packages/rules/src/rules/host-access/host-aliases.ts
var hostAliases = defineRule({
  id: "host-aliases",
  title: "Pod overrides /etc/hosts",
  category: "host-access",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "spec.hostAliases writes entries into the pod's /etc/hosts, bypassing cluster DNS; it can silently redirect traffic for a name and hides the dependency from anyone reading DNS.",
  remediation: "Remove hostAliases and publish the name through DNS (a Service, ExternalName Service or CoreDNS configuration).",
  references: ["https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/"],
  peers: { trivy: ["KSV-0007"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const h = ref.spec.hostAliases;
      if (!Array.isArray(h) || h.length === 0) continue;
      const names = h.flatMap((a) => Array.isArray(a?.hostnames) ? a.hostnames : []).map(show).join(",");
      yield {
        object: ref.object,
        path: `${ref.path}.hostAliases`,
        observed: names,
        message: `The pod overrides /etc/hosts for ${names || "some hostnames"}.`
      };
    }
  }
});

// packages/rules/src/helpers/merge-patch.ts
var cache2 = /* @__PURE__ */ new Map();
function mergePatchFix(path3, value, description) {
  if (path3.includes("[")) return void 0;
  const key = `${path3}\0${typeof value}:${String(value)}\0${description ?? ""}`;
  const hit = cache2.get(key);
  if (hit) return hit;
  let node = value;
  const parts = path3.split(".");
  for (let i = parts.length - 1; i >= 0; i--) node = { [parts[i]]: node };
  const fix = Object.freeze({ type: "merge-patch", content: JSON.stringify(node), ...description ? { description } : {} });
  if (cache2.size < 1e3) cache2.set(key, fix);
  return fix;
}

// packages/rules/src/rules/host-access/host-ipc.ts
var hostIpc = defineRule({
  id: "host-ipc",
  title: "Pod shares the host IPC namespace",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "With hostIPC the pod shares System V IPC and POSIX shared memory with every process on the node, so it can read or tamper with other processes' shared memory.",
  remediation: "Remove spec.hostIPC (or set it to false); workloads that truly need the host's namespace belong on dedicated, tightly controlled nodes.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: {
    polaris: ["hostIPCSet"],
    kubeLinter: ["host-ipc"],
    kubescape: ["C-0038", "C-0276"],
    trivy: ["KSV-0008"],
    pss: ["baseline:hostNamespaces"],
    cis: ["5.2.4"],
    nsa: ["PS-ENF"]
  },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.spec.hostIPC !== true) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.hostIPC`,
        observed: true,
        message: "The pod sets hostIPC: true.",
        fix: mergePatchFix(`${ref.path}.hostIPC`, false, "Stop sharing the host namespace")
      };
    }
  }
});

// packages/rules/src/rules/host-access/host-network.ts
var hostNetwork = defineRule({
  id: "host-network",
  title: "Pod uses the host network",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "With hostNetwork the pod shares the node's network namespace: it can bind node ports, reach services listening on localhost (kubelet, cloud metadata proxies) and sniff node traffic, and NetworkPolicy no longer applies to it.",
  remediation: "Remove spec.hostNetwork (or set it to false); workloads that truly need the host's namespace belong on dedicated, tightly controlled nodes.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: {
    polaris: ["hostNetworkSet"],
    kubeLinter: ["host-network"],
    kubescape: ["C-0041"],
    trivy: ["KSV-0009"],
    pss: ["baseline:hostNamespaces"],
    cis: ["5.2.5"],
    nsa: ["PS-ENF"]
  },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.spec.hostNetwork !== true) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.hostNetwork`,
        observed: true,
        message: "The pod sets hostNetwork: true.",
        fix: mergePatchFix(`${ref.path}.hostNetwork`, false, "Stop sharing the host namespace")
      };
    }
  }
});

// packages/rules/src/rules/host-access/host-path-sensitive.ts
var SENSITIVE = [
  "/boot",
  "/dev",
  "/etc",
  "/lib",
  "/lib64",
  "/proc",
  "/sys",
  "/usr",
  "/bin",
  "/sbin",
  "/root",
  "/var/lib/docker",
  "/var/lib/containerd",
  "/var/lib/kubelet",
  "/var/lib/etcd",
  "/var/run/secrets"
];
var CA_BUNDLES = [
  "/etc/ssl/certs",
  "/etc/pki/tls/certs",
  "/etc/pki/ca-trust",
  "/etc/ca-certificates",
  "/usr/share/ca-certificates",
  "/usr/local/share/ca-certificates"
];
var hostPathSensitive = defineRule({
  id: "host-path-sensitive",
  title: "Sensitive host directory mounted",
  category: "host-access",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  description: "A hostPath volume mounts the node's root or a system directory (/etc, /proc, /sys, /dev, /boot, /usr, /lib, /var/lib/kubelet, runtime state, ...). These hold credentials, kernel interfaces and binaries; mounting them is usually a direct path to node takeover.",
  remediation: "Remove the mount; if a node agent needs data from it, mount the narrowest subpath read-only on dedicated nodes.",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { kubeLinter: ["sensitive-host-mounts"], trivy: ["KSV-0121"], cis: ["5.2.12"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of hostPathVolumes(ref)) {
        const p = v.hostPath;
        if (!p) continue;
        const hit = p === "/" || SENSITIVE.some((s2) => coversPath(s2, p)) && !CA_BUNDLES.some((c) => coversPath(c, p));
        if (!hit) continue;
        yield {
          object: ref.object,
          path: `${v.path}.hostPath.path`,
          observed: p,
          message: `Volume "${v.name}" mounts the sensitive host path ${p}.`
        };
      }
    }
  }
});

// packages/rules/src/rules/host-access/host-path-volume.ts
var hostPathVolume = defineRule({
  id: "host-path-volume",
  title: "hostPath volume",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "A hostPath volume mounts a directory or file of the node into the pod. It bypasses storage isolation and is the most common first step from a container to the node (credentials, runtime sockets, kubelet files).",
  remediation: "Replace hostPath with a PersistentVolumeClaim, emptyDir, configMap or a CSI driver; if a node agent truly needs it, mount the narrowest path read-only.",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { polaris: ["hostPathSet"], kubescape: ["C-0048"], trivy: ["KSV-0023"], pss: ["baseline:hostPathVolumes"], cis: ["5.2.12"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of hostPathVolumes(ref)) {
        yield {
          object: ref.object,
          path: `${v.path}.hostPath`,
          observed: v.hostPath,
          message: `Volume "${v.name}" mounts host path ${v.hostPath || "(empty)"}.`
        };
      }
    }
  }
});

// packages/rules/src/rules/host-access/host-path-writable.ts
var hostPathWritable = defineRule({
  id: "host-path-writable",
  title: "hostPath mounted writable",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "A container mounts a hostPath volume without readOnly: true, so it can change files on the node, e.g. plant binaries, edit kubelet or cron configuration, or fill the node's disk.",
  remediation: "Set readOnly: true on the volumeMount of every hostPath volume (and prefer not to use hostPath at all).",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { kubeLinter: ["writable-host-mount"], kubescape: ["C-0045"], cis: ["5.2.12"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const hostVolumes = /* @__PURE__ */ new Map();
      for (const v of hostPathVolumes(ref)) hostVolumes.set(v.name, v.hostPath);
      if (hostVolumes.size === 0) continue;
      for (const c of containers(ref)) {
        const mounts = c.container.volumeMounts;
        if (!Array.isArray(mounts)) continue;
        for (let i = 0; i < mounts.length; i++) {
          const m = mounts[i];
          if (!m || !hostVolumes.has(m.name) || m.readOnly === true) continue;
          yield {
            object: ref.object,
            path: `${c.path}.volumeMounts[${i}].readOnly`,
            observed: m.readOnly === void 0 ? "unset" : m.readOnly,
            message: `Container "${containerName(c)}" mounts host path ${hostVolumes.get(m.name)} writable at ${show(m.mountPath)}.`
          };
        }
      }
    }
  }
});

// packages/rules/src/rules/host-access/host-pid.ts
var hostPid = defineRule({
  id: "host-pid",
  title: "Pod shares the host PID namespace",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "With hostPID the pod sees every process on the node; with enough privilege it can read their environment and memory or signal them, including other pods' processes and the kubelet.",
  remediation: "Remove spec.hostPID (or set it to false); workloads that truly need the host's namespace belong on dedicated, tightly controlled nodes.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: {
    polaris: ["hostPIDSet"],
    kubeLinter: ["host-pid"],
    kubescape: ["C-0038", "C-0275"],
    trivy: ["KSV-0010"],
    pss: ["baseline:hostNamespaces"],
    cis: ["5.2.3"],
    nsa: ["PS-ENF"]
  },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.spec.hostPID !== true) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.hostPID`,
        observed: true,
        message: "The pod sets hostPID: true.",
        fix: mergePatchFix(`${ref.path}.hostPID`, false, "Stop sharing the host namespace")
      };
    }
  }
});

// packages/rules/src/rules/host-access/host-port.ts
var hostPort = defineRule({
  id: "host-port",
  title: "Container binds a host port",
  category: "host-access",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "A hostPort exposes the container directly on the node's IP, bypassing Services and usually NetworkPolicy, and limits scheduling to one such pod per node.",
  remediation: "Remove ports[].hostPort and expose the workload through a Service (NodePort or LoadBalancer if it must be reachable from outside).",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { polaris: ["hostPortSet"], kubescape: ["C-0044"], trivy: ["KSV-0024"], pss: ["baseline:hostPorts"], cis: ["5.2.13"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) return;
      const out = [];
      ports.forEach((p, i) => {
        const hp = p?.hostPort;
        if (hp === void 0 || hp === null || hp === 0 || hp === "0") return;
        out.push({
          object: ref.object,
          path: `${c.path}.ports[${i}].hostPort`,
          observed: hp,
          message: `Container "${containerName(c)}" binds host port ${show(hp)}.`
        });
      });
      return out;
    });
  }
});

// packages/rules/src/rules/host-access/privileged-container-ports.ts
var privilegedContainerPorts = defineRule({
  id: "privileged-container-ports",
  title: "Container listens on a privileged port",
  category: "host-access",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "A containerPort below 1024 usually means the process binds it as root or with NET_BIND_SERVICE. Listening on an unprivileged port and mapping it in the Service lets the container drop both.",
  remediation: "Listen on a port >= 1024 in the container and map the public port in the Service (port: 80, targetPort: 8080).",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service"],
  peers: { kubeLinter: ["privileged-ports"], trivy: ["KSV-0117"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) return;
      const out = [];
      ports.forEach((p, i) => {
        const n2 = Number(p?.containerPort);
        if (!Number.isInteger(n2) || n2 <= 0 || n2 >= 1024) return;
        out.push({
          object: ref.object,
          path: `${c.path}.ports[${i}].containerPort`,
          observed: n2,
          message: `Container "${containerName(c)}" listens on privileged port ${n2}.`
        });
      });
      return out;
    });
  }
});

// packages/rules/src/rules/host-access/runtime-socket-mount.ts
var SOCKETS = [
  "/var/run/docker.sock",
  "/run/docker.sock",
  "/var/run/containerd/containerd.sock",
  "/run/containerd/containerd.sock",
  "/var/run/crio/crio.sock",
  "/run/crio/crio.sock",
  "/var/run/cri-dockerd.sock",
  "/run/cri-dockerd.sock",
  "/run/k3s/containerd/containerd.sock",
  "/var/run/k3s/containerd/containerd.sock",
  "/var/run/podman/podman.sock",
  "/run/podman/podman.sock"
];
var runtimeSocketMount = defineRule({
  id: "runtime-socket-mount",
  title: "Container runtime socket mounted",
  category: "host-access",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  description: "The pod mounts the Docker, containerd, CRI-O or Podman socket (or a directory that contains it). Access to the runtime API means starting privileged containers on the node: full node takeover.",
  remediation: "Remove the mount. Build images with rootless builders (BuildKit rootless, Kaniko) and read container metadata through the Kubernetes API instead.",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { kubeLinter: ["docker-sock", "container-runtime-sock"], kubescape: ["C-0074"], trivy: ["KSV-0006"], cis: ["5.2.12"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of hostPathVolumes(ref)) {
        const p = v.hostPath;
        if (!p) continue;
        const sock = SOCKETS.find((s2) => coversPath(p, s2)) ?? (p.endsWith(".sock") && /(docker|containerd|crio|podman)/.test(p) ? p : void 0);
        if (!sock) continue;
        yield {
          object: ref.object,
          path: `${v.path}.hostPath.path`,
          observed: p,
          message: sock === p ? `Volume "${v.name}" mounts the container runtime socket ${p}.` : `Volume "${v.name}" mounts ${p}, which contains the runtime socket ${sock}.`
        };
      }
    }
  }
});

// packages/rules/src/rules/host-access/index.ts
var hostAccessRules = [
  cloudCredentialsMount,
  hostAliases,
  hostIpc,
  hostNetwork,
  hostPathSensitive,
  hostPathVolume,
  hostPathWritable,
  hostPid,
  hostPort,
  privilegedContainerPorts,
  runtimeSocketMount
];

// packages/rules/src/rules/workload-security/allow-privilege-escalation.ts
var allowPrivilegeEscalation = defineRule({
  id: "allow-privilege-escalation",
  title: "Privilege escalation not disabled",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "Unless allowPrivilegeEscalation is explicitly false, a process can gain more privileges than its parent (setuid binaries, file capabilities), because no_new_privs is not set. Windows pods are exempt, as in the Pod Security Standards.",
  remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: {
    polaris: ["privilegeEscalationAllowed"],
    kubescape: ["C-0016"],
    trivy: ["KSV-0001"],
    pss: ["restricted:allowPrivilegeEscalation"],
    cis: ["5.2.6"],
    nsa: ["PS-ENF"]
  },
  *evaluate(ctx) {
    yield* perContainer(
      ctx,
      (ref, c) => {
        const v = containerSC(c).allowPrivilegeEscalation;
        if (v === false) return;
        return {
          object: ref.object,
          path: `${c.path}.securityContext.allowPrivilegeEscalation`,
          observed: v === void 0 ? "unset" : v,
          message: `Container "${containerName(c)}" does not set allowPrivilegeEscalation: false.`,
          fix: scFix(c, "allowPrivilegeEscalation: false")
        };
      },
      { skipWindows: true }
    );
  }
});

// packages/rules/src/rules/workload-security/apparmor-unconfined.ts
var ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
function annotationOk(v) {
  return v === "" || v === "runtime/default" || typeof v === "string" && v.startsWith("localhost/");
}
function fieldOk(p) {
  return p?.type === "RuntimeDefault" || p?.type === "Localhost";
}
var apparmorUnconfined = defineRule({
  id: "apparmor-unconfined",
  title: "AppArmor disabled or overridden",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "An AppArmor profile of Unconfined (appArmorProfile field) or anything other than runtime/default or localhost/<profile> (legacy annotation) removes the mandatory access control the runtime applies by default.",
  remediation: "Remove the override, or use appArmorProfile.type: RuntimeDefault / Localhost (annotation values runtime/default or localhost/<profile>).",
  references: ["https://kubernetes.io/docs/tutorials/security/apparmor/"],
  peers: { trivy: ["KSV-0002"], pss: ["baseline:appArmorProfile"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const out = [];
      for (const [k, v] of Object.entries(ref.meta.annotations)) {
        if (!k.startsWith(ANNOTATION_PREFIX) || annotationOk(v)) continue;
        out.push({
          object: ref.object,
          path: `${ref.metaPath}.annotations["${k}"]`,
          observed: v,
          message: `AppArmor annotation for container "${k.slice(ANNOTATION_PREFIX.length)}" is "${show(v)}", not runtime/default or localhost/*.`
        });
      }
      const pod = podSC(ref).appArmorProfile;
      if (pod && !fieldOk(pod)) {
        out.push({
          object: ref.object,
          path: `${ref.path}.securityContext.appArmorProfile.type`,
          observed: pod.type ?? "unset",
          message: `The pod sets AppArmor profile ${pod.type == null ? "without a type" : show(pod.type)}.`
        });
      }
      for (const c of containers(ref)) {
        const p = containerSC(c).appArmorProfile;
        if (!p || fieldOk(p)) continue;
        out.push({
          object: ref.object,
          path: `${c.path}.securityContext.appArmorProfile.type`,
          observed: p.type ?? "unset",
          message: `Container "${containerName(c)}" sets AppArmor profile ${p.type == null ? "without a type" : show(p.type)}.`
        });
      }
      yield* out;
    }
  }
});

// packages/rules/src/rules/workload-security/capabilities-added.ts
var capabilitiesAdded = defineRule({
  id: "capabilities-added",
  title: "Capabilities added",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "The container adds Linux capabilities beyond the runtime's default set. Each added capability widens what a compromised process can do; review that every one is needed.",
  remediation: "Remove entries from securityContext.capabilities.add that the process does not strictly need.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { trivy: ["KSV-0022"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, () => true, (n2) => `adds the ${n2} capability`));
  }
});

// packages/rules/src/rules/workload-security/caps-added-beyond-baseline.ts
var BASELINE_CAPS = /* @__PURE__ */ new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT"
]);
var capsAddedBeyondBaseline = defineRule({
  id: "caps-added-beyond-baseline",
  title: "Capability outside the Pod Security baseline added",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: 'The Pod Security Standards baseline allows adding only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT; anything else (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, ...) breaks the baseline. Names are compared as written, as Pod Security admission does ("chown" or "CAP_CHOWN" are not on the list).',
  remediation: "Remove capabilities outside the baseline set from securityContext.capabilities.add.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { pss: ["baseline:capabilities_baseline"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n2) => !BASELINE_CAPS.has(n2), (n2) => `adds ${n2}, which is outside the Pod Security baseline set`, { exact: true }));
  }
});

// packages/rules/src/rules/workload-security/caps-drop-all.ts
var LINUX_ONLY = { skipWindows: true };
var DEFAULT_RUNTIME_CAPS = [
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "NET_RAW",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
  "NET_ADMIN"
];
var capsDropAll = defineRule({
  id: "caps-drop-all",
  title: "Capabilities not dropped",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "The container keeps the container runtime's default capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, ...). Drop ALL and add back only what the process needs.",
  remediation: "Set securityContext.capabilities.drop: [ALL] and add back only required capabilities (usually none, sometimes NET_BIND_SERVICE).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container"],
  peers: { polaris: ["insecureCapabilities"], trivy: ["KSV-0003"], cis: ["5.2.10"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const { drop, base } = caps(c);
      if (drop.includes("ALL")) return;
      if (DEFAULT_RUNTIME_CAPS.every((k) => drop.includes(k) || drop.includes(`CAP_${k}`))) return;
      return {
        object: ref.object,
        path: `${base}.drop`,
        observed: drop.length ? drop.join(",") : "unset",
        message: `Container "${containerName(c)}" does not drop ALL capabilities.`,
        fix: scFix(c, "capabilities:\n  drop: [ALL]")
      };
    }, LINUX_ONLY);
  }
});

// packages/rules/src/rules/workload-security/caps-drop-any.ts
var LINUX_ONLY2 = { skipWindows: true };
var capsDropAny = defineRule({
  id: "caps-drop-any",
  title: "No capability dropped",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "The container drops no capability at all, so it runs with the runtime's full default set.",
  remediation: "Set securityContext.capabilities.drop: [ALL] (or at least the capabilities the process does not use).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container"],
  peers: { trivy: ["KSV-0004"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const { drop, base } = caps(c);
      if (drop.length > 0) return;
      return {
        object: ref.object,
        path: `${base}.drop`,
        observed: "unset",
        message: `Container "${containerName(c)}" drops no capabilities.`,
        fix: scFix(c, "capabilities:\n  drop: [ALL]")
      };
    }, LINUX_ONLY2);
  }
});

// packages/rules/src/rules/workload-security/caps-only-net-bind-service.ts
var capsOnlyNetBindService = defineRule({
  id: "caps-only-net-bind-service",
  title: "Capabilities not restricted",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "The restricted Pod Security Standard requires every container to drop ALL capabilities and add back at most NET_BIND_SERVICE.",
  remediation: "Set securityContext.capabilities.drop: [ALL] and remove every added capability except NET_BIND_SERVICE.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: { trivy: ["KSV-0106"], pss: ["restricted:capabilities_restricted"], cis: ["5.2.10"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(
      ctx,
      (ref, c) => {
        const { addRaw, drop, base } = caps(c);
        const out = [];
        if (!drop.includes("ALL")) {
          out.push({
            object: ref.object,
            path: `${base}.drop`,
            observed: drop.length ? drop.join(",") : "unset",
            message: `Container "${containerName(c)}" does not drop ALL capabilities.`,
            fix: scFix(c, "capabilities:\n  drop: [ALL]")
          });
        }
        addRaw.forEach((n2, i) => {
          if (n2 === "NET_BIND_SERVICE") return;
          out.push({
            object: ref.object,
            path: `${base}.add[${i}]`,
            observed: n2,
            message: `Container "${containerName(c)}" adds ${show(n2)}; only NET_BIND_SERVICE is allowed.`
          });
        });
        return out;
      },
      { skipWindows: true }
    );
  }
});

// packages/rules/src/rules/workload-security/container-may-run-as-root.ts
var LINUX_ONLY3 = { skipWindows: true };
var containerMayRunAsRoot = defineRule({
  id: "container-may-run-as-root",
  title: "Container may run as root",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "The container neither requires a non-root user (runAsNonRoot: true) nor sets a non-zero runAsUser, at container or pod level, so it runs as root whenever its image does.",
  remediation: "Set runAsNonRoot: true, or a non-zero runAsUser, in the pod or container securityContext.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: {
    polaris: ["runAsRootAllowed"],
    kubescape: ["C-0013"],
    nsa: ["PS-NR"]
  },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const nonRoot = effective(ref, c, "runAsNonRoot");
      if (nonRoot.value === true) return;
      const user = effective(ref, c, "runAsUser");
      if (typeof user.value === "number" && user.value > 0) return;
      return {
        object: ref.object,
        path: nonRoot.level === "container" || nonRoot.level === "pod" ? nonRoot.path : `${c.path}.securityContext.runAsNonRoot`,
        observed: nonRoot.value === void 0 ? user.value === 0 ? "runAsUser: 0" : "unset" : nonRoot.value,
        message: `Container "${containerName(c)}" may run as root: neither runAsNonRoot: true nor a non-zero runAsUser applies.`
      };
    }, LINUX_ONLY3);
  }
});

// packages/rules/src/rules/workload-security/dangerous-caps-added.ts
var DANGEROUS = /* @__PURE__ */ new Set(["ALL", "SYS_ADMIN", "NET_ADMIN"]);
var dangerousCapsAdded = defineRule({
  id: "dangerous-caps-added",
  title: "Dangerous capability added",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "The container adds ALL, SYS_ADMIN or NET_ADMIN. SYS_ADMIN is close to full root on the node (mounts, namespaces, BPF), NET_ADMIN lets it reconfigure networking and intercept traffic, ALL grants every capability.",
  remediation: "Remove ALL, SYS_ADMIN and NET_ADMIN from securityContext.capabilities.add; grant only narrowly scoped capabilities.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { polaris: ["dangerousCapabilities"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n2) => DANGEROUS.has(n2), (n2) => `adds the ${n2} capability`));
  }
});

// packages/rules/src/rules/workload-security/fsgroup-set.ts
var fsgroupSet = defineRule({
  id: "fsgroup-set",
  title: "fsGroup not set",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "Without spec.securityContext.fsGroup, mounted volumes keep their default ownership, which often means root-owned files that push the workload to run as root to read them.",
  remediation: "Set spec.securityContext.fsGroup to the workload's non-zero group ID.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { kubescape: ["C-0211:set-fsgroup-value"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isWindowsPod(ref.spec)) continue;
      const v = podSC(ref).fsGroup;
      if (v !== void 0 && v !== null && !(Array.isArray(v) && v.length === 0)) continue;
      yield { object: ref.object, path: `${ref.path}.securityContext.fsGroup`, observed: "unset", message: "The pod sets no fsGroup." };
    }
  }
});

// packages/rules/src/rules/workload-security/fsgroupchangepolicy-set.ts
var fsgroupchangepolicySet = defineRule({
  id: "fsgroupchangepolicy-set",
  title: "fsGroupChangePolicy not set",
  category: "workload-security",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "Without fsGroupChangePolicy the kubelet re-chowns every file of each volume on every mount (Always), which is slow on large volumes and changes ownership of data other pods may share. OnRootMismatch is usually what you want.",
  remediation: "Set spec.securityContext.fsGroupChangePolicy: OnRootMismatch.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { kubescape: ["C-0211:set-fsgroupchangepolicy-value"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isWindowsPod(ref.spec)) continue;
      const v = podSC(ref).fsGroupChangePolicy;
      if (v !== void 0 && v !== null && !(Array.isArray(v) && v.length === 0)) continue;
      yield { object: ref.object, path: `${ref.path}.securityContext.fsGroupChangePolicy`, observed: "unset", message: "The pod sets no fsGroupChangePolicy." };
    }
  }
});

// packages/rules/src/rules/workload-security/gid-above-10000.ts
var LINUX_ONLY4 = { skipWindows: true };
var gidAbove10000 = defineRule({
  id: "gid-above-10000",
  title: "runAsGroup is not above 10000",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "The effective runAsGroup (container, else pod) is unset or at most 10000. GIDs up to 10000 commonly match real users and groups on the host, so an escaped process would act as one of them.",
  remediation: "Set runAsGroup to a value above 10000 (for example 10001) in the pod or container securityContext.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { trivy: ["KSV-0021"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const e = effective(ref, c, "runAsGroup");
      if (typeof e.value === "number" && e.value > 1e4) return;
      return {
        object: ref.object,
        path: e.path,
        observed: e.value === void 0 ? "unset" : e.value,
        message: `Container "${containerName(c)}" runs with runAsGroup ${e.value === void 0 ? "unset" : show(e.value)}, not above 10000.`,
        fix: scFix(c, "runAsGroup: 10001")
      };
    }, LINUX_ONLY4);
  }
});

// packages/rules/src/rules/workload-security/host-probe-lifecycle-host.ts
var PROBES = ["livenessProbe", "readinessProbe", "startupProbe"];
var HOOKS = ["postStart", "preStop"];
var hostProbeLifecycleHost = defineRule({
  id: "host-probe-lifecycle-host",
  title: "Probe or lifecycle hook targets another host",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "An httpGet or tcpSocket probe or lifecycle hook with a host field makes the kubelet connect from the node to that address, which can reach node-local services or other networks the pod itself cannot.",
  remediation: "Remove the host field so probes and hooks target the pod's own IP.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { pss: ["baseline:hostProbesAndHostLifecycle"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const out = [];
      const look = (handler, path3, what) => {
        for (const kind of ["httpGet", "tcpSocket"]) {
          const host = handler?.[kind]?.host;
          if (typeof host === "string" && host !== "") {
            out.push({
              object: ref.object,
              path: `${path3}.${kind}.host`,
              observed: host,
              message: `Container "${containerName(c)}" ${what} targets host ${host}.`
            });
          }
        }
      };
      for (const p of PROBES) if (c.container[p]) look(c.container[p], `${c.path}.${p}`, `${p}`);
      for (const h of HOOKS) if (c.container.lifecycle?.[h]) look(c.container.lifecycle[h], `${c.path}.lifecycle.${h}`, `${h} hook`);
      return out;
    });
  }
});

// packages/rules/src/rules/workload-security/linux-hardening.ts
var LINUX_ONLY5 = { skipWindows: true };
var CONFINED = /* @__PURE__ */ new Set(["RuntimeDefault", "Localhost"]);
var AA_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
function hasSubfield(o) {
  return !!o && typeof o === "object" && Object.values(o).some((v) => v !== void 0 && v !== null && v !== "");
}
var linuxHardening = defineRule({
  id: "linux-hardening",
  title: "No Linux hardening",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "The container has none of seccomp, SELinux options, an AppArmor profile or dropped capabilities, so nothing beyond namespaces and cgroups confines it.",
  remediation: "Apply at least seccompProfile.type: RuntimeDefault and capabilities.drop: [ALL]; add AppArmor or SELinux where the nodes support them.",
  references: ["https://kubernetes.io/docs/concepts/security/linux-kernel-security-constraints/"],
  peers: { polaris: ["linuxHardening"], kubescape: ["C-0055"], cis: ["5.7.2"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const csc = containerSC(c);
      const psc = podSC(ref);
      const cType = csc.seccompProfile?.type;
      if (csc.seccompProfile != null ? CONFINED.has(cType) : CONFINED.has(psc.seccompProfile?.type)) return;
      if (hasSubfield(csc.seLinuxOptions) || hasSubfield(psc.seLinuxOptions)) return;
      const aa = ref.meta.annotations[`${AA_PREFIX}${c.container.name}`];
      if (aa === "runtime/default" || typeof aa === "string" && aa.startsWith("localhost/")) return;
      if (CONFINED.has(csc.appArmorProfile?.type) || csc.appArmorProfile == null && CONFINED.has(psc.appArmorProfile?.type)) return;
      const { add, drop } = caps(c);
      if (drop.length > 0 && !add.includes("ALL")) return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext`,
        observed: "no seccomp, SELinux, AppArmor or dropped capabilities",
        message: `Container "${containerName(c)}" has no Linux hardening (seccomp, SELinux, AppArmor or dropped capabilities).`
      };
    }, LINUX_ONLY5);
  }
});

// packages/rules/src/rules/workload-security/net-raw-added.ts
var netRawAdded = defineRule({
  id: "net-raw-added",
  title: "NET_RAW capability added",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "CAP_NET_RAW allows raw and packet sockets, which enable ARP and DNS spoofing against other pods on the node.",
  remediation: "Remove NET_RAW from securityContext.capabilities.add (ping works without it on current kernels via ping_group_range).",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { trivy: ["KSV-0119"], cis: ["5.2.8"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n2) => n2 === "NET_RAW", () => "adds the NET_RAW capability"));
  }
});

// packages/rules/src/rules/workload-security/net-raw-not-dropped.ts
var LINUX_ONLY6 = { skipWindows: true };
var netRawNotDropped = defineRule({
  id: "net-raw-not-dropped",
  title: "NET_RAW not dropped",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "Container runtimes grant NET_RAW by default; unless the container drops it (or ALL), a compromised process can craft raw packets to spoof ARP or DNS for other pods on the node.",
  remediation: "Add NET_RAW (or ALL) to securityContext.capabilities.drop.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container"],
  peers: { kubeLinter: ["drop-net-raw-capability"], kubescape: ["C-0211:drop-capability-netraw"], cis: ["5.2.8"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const { drop, base } = caps(c);
      if (drop.includes("ALL") || drop.includes("NET_RAW") || drop.includes("CAP_NET_RAW")) return;
      return {
        object: ref.object,
        path: `${base}.drop`,
        observed: drop.length ? drop.join(",") : "unset",
        message: `Container "${containerName(c)}" keeps the NET_RAW capability.`,
        fix: scFix(c, "capabilities:\n  drop: [ALL]")
      };
    }, LINUX_ONLY6);
  }
});

// packages/rules/src/rules/workload-security/privileged-container.ts
var privilegedContainer = defineRule({
  id: "privileged-container",
  title: "Privileged container",
  category: "workload-security",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  description: "A privileged container runs with every capability, all host devices and no seccomp or AppArmor confinement; a process in it can take over the node.",
  remediation: "Remove securityContext.privileged (or set it to false) and grant only the specific capabilities the process needs.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: {
    polaris: ["runAsPrivileged"],
    kubeLinter: ["privileged-container"],
    kubescape: ["C-0057"],
    trivy: ["KSV-0017"],
    pss: ["baseline:privileged"],
    cis: ["5.2.2"],
    nsa: ["PS-ENF"]
  },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      if (containerSC(c).privileged !== true) return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.privileged`,
        observed: true,
        message: `Container "${containerName(c)}" runs privileged.`,
        fix: scFix(c, "privileged: false")
      };
    });
  }
});

// packages/rules/src/rules/workload-security/proc-mount-host-users.ts
var procMountHostUsers = defineRule({
  id: "proc-mount-host-users",
  title: "Unmasked /proc in the host user namespace",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "A container mounts /proc Unmasked while the pod shares the host user namespace, so root in the container can read and write the kernel settings the runtime normally masks.",
  remediation: "Remove securityContext.procMount (or set Default), or run the pod with hostUsers: false.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { pss: ["baseline:procMount"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      if (ref.spec.hostUsers === false) return;
      const v = containerSC(c).procMount;
      if (v === void 0 || v === null || v === "" || v === "Default") return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.procMount`,
        observed: v,
        message: `Container "${containerName(c)}" mounts /proc with procMount ${show(v)} without a pod user namespace.`
      };
    });
  }
});

// packages/rules/src/rules/workload-security/proc-mount-unmasked.ts
var procMountUnmasked = defineRule({
  id: "proc-mount-unmasked",
  title: "Unmasked /proc",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "procMount other than Default (i.e. Unmasked) exposes the /proc paths the runtime normally masks, such as /proc/kcore and /proc/sys writes, which leak host information or allow kernel tuning.",
  remediation: "Remove securityContext.procMount or set it to Default.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: {
    polaris: ["procMount"],
    kubeLinter: ["unsafe-proc-mount"],
    trivy: ["KSV-0027"],
    pss: ["restricted:procMount_restricted"],
    nsa: ["PS-HARD"]
  },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const v = containerSC(c).procMount;
      if (v === void 0 || v === null || v === "" || v === "Default") return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.procMount`,
        observed: v,
        message: `Container "${containerName(c)}" mounts /proc with procMount ${show(v)}.`
      };
    });
  }
});

// packages/rules/src/rules/workload-security/read-only-root-fs.ts
var LINUX_ONLY7 = { skipWindows: true };
var readOnlyRootFs = defineRule({
  id: "read-only-root-fs",
  title: "Root filesystem is writable",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "Without readOnlyRootFilesystem: true an attacker who gets code execution can modify binaries and drop tools in the container's filesystem.",
  remediation: "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the process must write (e.g. /tmp).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: {
    polaris: ["notReadOnlyRootFilesystem"],
    kubeLinter: ["no-read-only-root-fs"],
    kubescape: ["C-0017"],
    trivy: ["KSV-0014"],
    cis: ["5.7.3"],
    nsa: ["PS-IMM"]
  },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const v = containerSC(c).readOnlyRootFilesystem;
      if (v === true) return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.readOnlyRootFilesystem`,
        observed: v === void 0 ? "unset" : v,
        message: `Container "${containerName(c)}" has a writable root filesystem.`,
        fix: scFix(c, "readOnlyRootFilesystem: true")
      };
    }, LINUX_ONLY7);
  }
});

// packages/rules/src/rules/workload-security/restricted-volume-types.ts
var ALLOWED = /* @__PURE__ */ new Set([
  "name",
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
  "image"
]);
var restrictedVolumeTypes = defineRule({
  id: "restricted-volume-types",
  title: "Volume type outside the restricted set",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "The restricted Pod Security Standard allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes; other sources reach host paths or network storage directly.",
  remediation: "Replace the volume with a PersistentVolumeClaim (backed by a PersistentVolume or CSI driver) or one of the allowed sources.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: { trivy: ["KSV-0028"], pss: ["restricted:restrictedVolumes"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of volumes(ref)) {
        for (const key of Object.keys(v.volume)) {
          if (ALLOWED.has(key) || v.volume[key] === null || v.volume[key] === void 0) continue;
          yield {
            object: ref.object,
            path: `${v.path}.${key}`,
            observed: key,
            message: `Volume "${show(v.volume.name)}" uses the ${key} source, outside the restricted set.`
          };
        }
      }
    }
  }
});

// packages/rules/src/rules/workload-security/root-group.ts
var rootGroup = defineRule({
  id: "root-group",
  title: "Runs with the root group",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "runAsGroup 0, fsGroup 0 or a supplemental group 0 gives the process GID 0, which owns many sensitive files on the node and in images.",
  remediation: "Use non-zero GIDs for runAsGroup, fsGroup and supplementalGroups.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { trivy: ["KSV-0116"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const psc = podSC(ref);
      for (const f of ["runAsGroup", "fsGroup"]) {
        if (psc[f] === 0) {
          yield { object: ref.object, path: `${ref.path}.securityContext.${f}`, observed: 0, message: `The pod sets ${f}: 0 (root group).` };
        }
      }
      if (Array.isArray(psc.supplementalGroups)) {
        const i = psc.supplementalGroups.indexOf(0);
        if (i >= 0) {
          yield {
            object: ref.object,
            path: `${ref.path}.securityContext.supplementalGroups[${i}]`,
            observed: 0,
            message: "The pod adds supplemental group 0 (root group)."
          };
        }
      }
      for (const c of containers(ref)) {
        if (containerSC(c).runAsGroup !== 0) continue;
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.runAsGroup`,
          observed: 0,
          message: `Container "${containerName(c)}" sets runAsGroup: 0 (root group).`
        };
      }
    }
  }
});

// packages/rules/src/rules/workload-security/run-as-non-root.ts
var runAsNonRoot = defineRule({
  id: "run-as-non-root",
  title: "runAsNonRoot not required",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "Without runAsNonRoot: true the kubelet starts a container even when its image runs as UID 0. The Pod Security Standards (restricted) require it at pod level (not overridden) or on every container.",
  remediation: "Set spec.securityContext.runAsNonRoot: true (and remove any container-level runAsNonRoot: false), and run the image as a non-root UID.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: {
    trivy: ["KSV-0012"],
    pss: ["restricted:runAsNonRoot"],
    cis: ["5.2.7"],
    nsa: ["PS-NR"]
  },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const pod = podSC(ref).runAsNonRoot;
      const out = [];
      if (pod === false) {
        out.push({
          object: ref.object,
          path: `${ref.path}.securityContext.runAsNonRoot`,
          observed: false,
          message: "The pod sets runAsNonRoot: false."
        });
      }
      for (const c of containers(ref)) {
        const v = containerSC(c).runAsNonRoot;
        if (v === true) continue;
        if (v === false) {
          out.push({
            object: ref.object,
            path: `${c.path}.securityContext.runAsNonRoot`,
            observed: false,
            message: `Container "${containerName(c)}" sets runAsNonRoot: false.`
          });
        } else if (pod !== true && pod !== false) {
          out.push({
            object: ref.object,
            path: `${c.path}.securityContext.runAsNonRoot`,
            observed: "unset",
            message: `Container "${containerName(c)}" does not require a non-root user (runAsNonRoot unset at container and pod level).`,
            fix: mergePatchFix(`${ref.path}.securityContext.runAsNonRoot`, true, "Require a non-root user for the whole pod")
          });
        }
      }
      yield* out;
    }
  }
});

// packages/rules/src/rules/workload-security/run-as-user-0.ts
var runAsUser0 = defineRule({
  id: "run-as-user-0",
  title: "Runs as UID 0",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "runAsUser: 0 explicitly runs the process as root; with any other weakness (writable hostPath, added capability, kernel bug) root in a container is much closer to root on the node.",
  remediation: "Set runAsUser to a non-zero UID (e.g. 10001) and runAsNonRoot: true; build the image to run as that user.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: { trivy: ["KSV-0105"], pss: ["restricted:runAsUser"], cis: ["5.2.7"], nsa: ["PS-NR"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (podSC(ref).runAsUser === 0) {
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.runAsUser`,
          observed: 0,
          message: "The pod sets runAsUser: 0 (root)."
        };
      }
      for (const c of containers(ref)) {
        if (containerSC(c).runAsUser !== 0) continue;
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.runAsUser`,
          observed: 0,
          message: `Container "${containerName(c)}" sets runAsUser: 0 (root).`
        };
      }
    }
  }
});

// packages/rules/src/rules/workload-security/seccomp-required.ts
var VALID = /* @__PURE__ */ new Set(["RuntimeDefault", "Localhost"]);
var seccompRequired = defineRule({
  id: "seccomp-required",
  title: "Seccomp profile not set",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "Without a RuntimeDefault or Localhost seccomp profile the container runs Unconfined: every system call is reachable, which widens the kernel attack surface for an escape.",
  remediation: "Set spec.securityContext.seccompProfile.type: RuntimeDefault (or a Localhost profile) and remove container-level overrides to Unconfined.",
  references: ["https://kubernetes.io/docs/tutorials/security/seccomp/"],
  peers: { kubescape: ["C-0210"], pss: ["restricted:seccompProfile_restricted"], cis: ["5.7.2"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isWindowsPod(ref.spec)) continue;
      const out = [];
      const pod = podSC(ref).seccompProfile;
      const podSet = pod !== void 0 && pod !== null;
      const podValid = podSet && VALID.has(pod?.type);
      if (podSet && !podValid) {
        out.push({
          object: ref.object,
          path: `${ref.path}.securityContext.seccompProfile.type`,
          observed: pod?.type ?? "unset",
          message: `The pod seccomp profile is ${pod?.type == null ? "missing its type" : show(pod.type)}, not RuntimeDefault or Localhost.`
        });
      }
      for (const c of containers(ref)) {
        const p = containerSC(c).seccompProfile;
        if (p !== void 0 && p !== null) {
          if (VALID.has(p?.type)) continue;
          out.push({
            object: ref.object,
            path: `${c.path}.securityContext.seccompProfile.type`,
            observed: p?.type ?? "unset",
            message: `Container "${containerName(c)}" sets seccomp profile ${p?.type == null ? "without a type" : show(p.type)}.`
          });
        } else if (!podValid && !podSet) {
          out.push({
            object: ref.object,
            path: `${c.path}.securityContext.seccompProfile`,
            observed: "unset",
            message: `Container "${containerName(c)}" has no seccomp profile (none at pod level either).`,
            fix: mergePatchFix(`${ref.path}.securityContext.seccompProfile.type`, "RuntimeDefault", "Use the runtime's default seccomp profile for the pod")
          });
        }
      }
      yield* out;
    }
  }
});

// packages/rules/src/rules/workload-security/seccomp-unconfined.ts
var seccompUnconfined = defineRule({
  id: "seccomp-unconfined",
  title: "Seccomp explicitly disabled",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "seccompProfile.type: Unconfined turns off system-call filtering for the pod or container, exposing every kernel system call to a compromised process.",
  remediation: "Use seccompProfile.type: RuntimeDefault (or a Localhost profile) instead of Unconfined.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { pss: ["baseline:seccompProfile_baseline"], cis: ["5.7.2"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (podSC(ref).seccompProfile?.type === "Unconfined") {
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.seccompProfile.type`,
          observed: "Unconfined",
          message: "The pod sets seccomp profile Unconfined."
        };
      }
      for (const c of containers(ref)) {
        if (containerSC(c).seccompProfile?.type !== "Unconfined") continue;
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.seccompProfile.type`,
          observed: "Unconfined",
          message: `Container "${containerName(c)}" sets seccomp profile Unconfined.`
        };
      }
    }
  }
});

// packages/rules/src/rules/workload-security/security-context-present.ts
function hasSettings(sc) {
  if (!sc || typeof sc !== "object") return false;
  return Object.keys(sc).some((k) => !k.startsWith("__"));
}
var securityContextPresent = defineRule({
  id: "security-context-present",
  title: "Pod has no security context",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "The pod spec sets no securityContext at all, so every pod-wide default (user, group, fsGroup, seccomp) is left to the image and the runtime.",
  remediation: "Set spec.securityContext with at least runAsNonRoot, runAsUser/runAsGroup, fsGroup and seccompProfile.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { trivy: ["KSV-0118"], cis: ["5.7.3"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (hasSettings(ref.spec.securityContext)) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.securityContext`,
        observed: ref.spec.securityContext === void 0 ? "unset" : "{}",
        message: "The pod spec has no securityContext settings.",
        fix: {
          type: "yaml",
          content: `# ${ref.path}
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  runAsGroup: 10001
  fsGroup: 10001
  seccompProfile:
    type: RuntimeDefault
`
        }
      };
    }
  }
});

// packages/rules/src/rules/workload-security/selinux-custom-options.ts
var ALLOWED_TYPES = /* @__PURE__ */ new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);
function check(obj, opts, path3, who, out) {
  if (!opts || typeof opts !== "object") return;
  if (opts.type !== void 0 && opts.type !== null && !ALLOWED_TYPES.has(opts.type)) {
    out.push({ object: obj, path: `${path3}.type`, observed: opts.type, message: `${who} sets SELinux type ${show(opts.type)}.` });
  }
  for (const f of ["user", "role"]) {
    if (opts[f] !== void 0 && opts[f] !== null && opts[f] !== "") {
      out.push({ object: obj, path: `${path3}.${f}`, observed: opts[f], message: `${who} sets a custom SELinux ${f} (${show(opts[f])}).` });
    }
  }
}
var selinuxCustomOptions = defineRule({
  id: "selinux-custom-options",
  title: "Custom SELinux user, role or type",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "Setting an SELinux user or role, or a type other than container_t, container_init_t, container_kvm_t or container_engine_t, can place the process in a more privileged SELinux domain (e.g. spc_t, unconfined_t).",
  remediation: "Remove seLinuxOptions.user and .role, and use one of the container SELinux types (or none).",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { trivy: ["KSV-0025"], pss: ["baseline:seLinuxOptions"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const out = [];
      check(ref.object, podSC(ref).seLinuxOptions, `${ref.path}.securityContext.seLinuxOptions`, "The pod", out);
      for (const c of containers(ref)) {
        check(ref.object, containerSC(c).seLinuxOptions, `${c.path}.securityContext.seLinuxOptions`, `Container "${containerName(c)}"`, out);
      }
      yield* out;
    }
  }
});

// packages/rules/src/rules/workload-security/selinux-options-not-set.ts
var selinuxOptionsNotSet = defineRule({
  id: "selinux-options-not-set",
  title: "No SELinux options",
  category: "workload-security",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "Neither the container nor the pod sets seLinuxOptions, so the runtime's default SELinux label applies (on SELinux nodes) and volumes are not relabelled with a pod-specific MCS level. Hardening inventory.",
  remediation: "On SELinux-enforcing nodes, set seLinuxOptions (for example a per-workload level) in the pod securityContext.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container"],
  peers: { kubescape: ["C-0211:set-seLinuxOptions"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      if (isWindowsPod(ref.spec)) return;
      if (effective(ref, c, "seLinuxOptions").value !== void 0) return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.seLinuxOptions`,
        observed: "unset",
        message: `Container "${containerName(c)}" has no SELinux options.`
      };
    });
  }
});

// packages/rules/src/rules/workload-security/supplementalgroups-set.ts
var supplementalgroupsSet = defineRule({
  id: "supplementalgroups-set",
  title: "supplementalGroups not set",
  category: "workload-security",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "The pod states no supplementalGroups, so the process's extra group memberships come from the image's /etc/group. Declaring them makes file access predictable. Inventory, not a weakness.",
  remediation: "Set spec.securityContext.supplementalGroups to the non-zero groups the workload needs (and supplementalGroupsPolicy: Strict on 1.31+).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { kubescape: ["C-0211:set-supplementalgroups-values"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isWindowsPod(ref.spec)) continue;
      const v = podSC(ref).supplementalGroups;
      if (v !== void 0 && v !== null && !(Array.isArray(v) && v.length === 0)) continue;
      yield { object: ref.object, path: `${ref.path}.securityContext.supplementalGroups`, observed: "unset", message: "The pod sets no supplementalGroups." };
    }
  }
});

// packages/rules/src/rules/workload-security/sys-admin-capability.ts
var sysAdminCapability = defineRule({
  id: "sys-admin-capability",
  title: "SYS_ADMIN capability added",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "CAP_SYS_ADMIN is the catch-all Linux capability (mount, namespaces, many device and kernel operations); a container holding it can usually break out to the node.",
  remediation: "Remove SYS_ADMIN from securityContext.capabilities.add; find the specific capability or a non-privileged alternative.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { trivy: ["KSV-0005"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n2) => n2 === "SYS_ADMIN", () => "adds the SYS_ADMIN capability"));
  }
});

// packages/rules/src/rules/workload-security/sys-module-added.ts
var sysModuleAdded = defineRule({
  id: "sys-module-added",
  title: "SYS_MODULE capability added",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "CAP_SYS_MODULE lets the process load kernel modules, i.e. run arbitrary code in the node's kernel.",
  remediation: "Remove SYS_MODULE from securityContext.capabilities.add; load kernel modules on the node through its own configuration.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { trivy: ["KSV-0120"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n2) => n2 === "SYS_MODULE", () => "adds the SYS_MODULE capability"));
  }
});

// packages/rules/src/rules/workload-security/sysctls-not-set.ts
var sysctlsNotSet = defineRule({
  id: "sysctls-not-set",
  title: "No pod sysctls declared",
  category: "workload-security",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "The pod declares no sysctls, so it relies on node defaults for namespaced kernel parameters. Kubescape's hardening profile expects them stated explicitly; this is inventory, not a weakness.",
  remediation: "If the workload depends on kernel parameters (ports, keepalive), declare the safe ones in spec.securityContext.sysctls.",
  references: ["https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/"],
  peers: { kubescape: ["C-0211:set-sysctls-params"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const s2 = podSC(ref).sysctls;
      if (Array.isArray(s2) && s2.length > 0) continue;
      yield { object: ref.object, path: `${ref.path}.securityContext.sysctls`, observed: "unset", message: "The pod declares no sysctls." };
    }
  }
});

// packages/rules/src/rules/workload-security/uid-above-10000.ts
var LINUX_ONLY8 = { skipWindows: true };
var uidAbove10000 = defineRule({
  id: "uid-above-10000",
  title: "runAsUser is not above 10000",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "The effective runAsUser (container, else pod) is unset or at most 10000. UIDs up to 10000 commonly match real users and groups on the host, so an escaped process would act as one of them.",
  remediation: "Set runAsUser to a value above 10000 (for example 10001) in the pod or container securityContext.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { trivy: ["KSV-0020"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const e = effective(ref, c, "runAsUser");
      if (typeof e.value === "number" && e.value > 1e4) return;
      return {
        object: ref.object,
        path: e.path,
        observed: e.value === void 0 ? "unset" : e.value,
        message: `Container "${containerName(c)}" runs with runAsUser ${e.value === void 0 ? "unset" : show(e.value)}, not above 10000.`,
        fix: scFix(c, "runAsUser: 10001")
      };
    }, LINUX_ONLY8);
  }
});

// packages/rules/src/rules/workload-security/unsafe-sysctls.ts
var SAFE_SYSCTLS = /* @__PURE__ */ new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
  "net.ipv4.tcp_notsent_lowat",
  "net.ipv4.tcp_slow_start_after_idle"
]);
var unsafeSysctls = defineRule({
  id: "unsafe-sysctls",
  title: "Unsafe sysctl",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "The pod sets a sysctl outside the safe, namespaced set. Unsafe sysctls can affect other pods on the node or the node itself (memory, IPC, networking limits) and are disabled unless the kubelet allows them.",
  remediation: "Remove the sysctl from spec.securityContext.sysctls, or tune it on dedicated nodes through node configuration.",
  references: ["https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/"],
  peers: { trivy: ["KSV-0026"], pss: ["baseline:sysctls"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const list2 = podSC(ref).sysctls;
      if (!Array.isArray(list2)) continue;
      for (let i = 0; i < list2.length; i++) {
        const name = list2[i]?.name;
        if (typeof name === "string" && SAFE_SYSCTLS.has(name)) continue;
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.sysctls[${i}].name`,
          observed: name,
          message: `The pod sets the unsafe sysctl ${show(name)}.`
        };
      }
    }
  }
});

// packages/rules/src/rules/workload-security/windows-gmsa-set.ts
var windowsGmsaSet = defineRule({
  id: "windows-gmsa-set",
  title: "Windows pod uses a gMSA identity",
  category: "workload-security",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "The pod or a container sets windowsOptions.gmsaCredentialSpecName (or gmsaCredentialSpec), so it authenticates to Active Directory as a group managed service account. Review which domain resources that account reaches.",
  remediation: "Confirm the gMSA is intended for this workload and scoped to what it needs; restrict who may use the GMSACredentialSpec with RBAC.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-gmsa/"],
  peers: { kubescape: ["C-0211:set-gmsacredentialspecname-value"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const p = podSC(ref).windowsOptions;
      if (p?.gmsaCredentialSpecName || p?.gmsaCredentialSpec) {
        const f = p.gmsaCredentialSpecName ? "gmsaCredentialSpecName" : "gmsaCredentialSpec";
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.windowsOptions.${f}`,
          observed: p.gmsaCredentialSpecName ?? "inline spec",
          message: "The pod runs with a gMSA identity."
        };
      }
      for (const c of containers(ref)) {
        const w = containerSC(c).windowsOptions;
        if (!w?.gmsaCredentialSpecName && !w?.gmsaCredentialSpec) continue;
        const f = w.gmsaCredentialSpecName ? "gmsaCredentialSpecName" : "gmsaCredentialSpec";
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.windowsOptions.${f}`,
          observed: w.gmsaCredentialSpecName ?? "inline spec",
          message: `Container "${containerName(c)}" runs with a gMSA identity.`
        };
      }
    }
  }
});

// packages/rules/src/rules/workload-security/windows-host-process.ts
var windowsHostProcess = defineRule({
  id: "windows-host-process",
  title: "Windows HostProcess container",
  category: "workload-security",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  description: "A Windows HostProcess container runs directly on the node as a host process with the node's network and file system: the Windows equivalent of a privileged container.",
  remediation: "Remove windowsOptions.hostProcess (or set false); run node-management tasks outside tenant workloads.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/"],
  peers: { polaris: ["hostProcess"], trivy: ["KSV-0103"], pss: ["baseline:windowsHostProcess"], cis: ["5.2.11"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (podSC(ref).windowsOptions?.hostProcess === true) {
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.windowsOptions.hostProcess`,
          observed: true,
          message: "The pod runs as a Windows HostProcess pod."
        };
      }
      for (const c of containers(ref)) {
        if (containerSC(c).windowsOptions?.hostProcess !== true) continue;
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.windowsOptions.hostProcess`,
          observed: true,
          message: `Container "${containerName(c)}" is a Windows HostProcess container.`
        };
      }
    }
  }
});

// packages/rules/src/rules/workload-security/windows-runasusername-set.ts
var ADMIN_USERS = /* @__PURE__ */ new Set(["containeradministrator", "nt authority\\system", "administrator"]);
var windowsRunasusernameSet = defineRule({
  id: "windows-runasusername-set",
  title: "Windows container user",
  category: "workload-security",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "A Windows container runs as the user named in windowsOptions.runAsUserName (container, else pod); ContainerAdministrator or SYSTEM are the Windows counterparts of root. Reported for review.",
  remediation: "Run Windows containers as ContainerUser (or another non-administrator account) via windowsOptions.runAsUserName.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/"],
  peers: { kubescape: ["C-0211:set-runasusername-value"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const own = containerSC(c).windowsOptions?.runAsUserName;
      const user = own ?? podSC(ref).windowsOptions?.runAsUserName;
      const path3 = own !== void 0 ? `${c.path}.securityContext.windowsOptions.runAsUserName` : `${ref.path}.securityContext.windowsOptions.runAsUserName`;
      if (typeof user !== "string" || user === "") return;
      if (!isWindowsPod(ref.spec) && !ADMIN_USERS.has(user.toLowerCase())) return;
      return {
        object: ref.object,
        path: path3,
        observed: user,
        message: ADMIN_USERS.has(user.toLowerCase()) ? `Container "${containerName(c)}" runs as the Windows administrator account ${user}.` : `Container "${containerName(c)}" runs as Windows user ${user}.`
      };
    });
  }
});

// packages/rules/src/rules/workload-security/index.ts
var workloadSecurityRules = [
  allowPrivilegeEscalation,
  apparmorUnconfined,
  capabilitiesAdded,
  capsAddedBeyondBaseline,
  capsDropAll,
  capsDropAny,
  capsOnlyNetBindService,
  containerMayRunAsRoot,
  dangerousCapsAdded,
  fsgroupSet,
  fsgroupchangepolicySet,
  gidAbove10000,
  hostProbeLifecycleHost,
  linuxHardening,
  netRawAdded,
  netRawNotDropped,
  privilegedContainer,
  procMountHostUsers,
  procMountUnmasked,
  readOnlyRootFs,
  restrictedVolumeTypes,
  rootGroup,
  runAsNonRoot,
  runAsUser0,
  seccompRequired,
  seccompUnconfined,
  securityContextPresent,
  selinuxCustomOptions,
  selinuxOptionsNotSet,
  supplementalgroupsSet,
  sysAdminCapability,
  sysModuleAdded,
  sysctlsNotSet,
  uidAbove10000,
  unsafeSysctls,
  windowsGmsaSet,
  windowsHostProcess,
  windowsRunasusernameSet
];

// packages/rules/src/helpers/images.ts
var cache3 = /* @__PURE__ */ new Map();
function parseImage(image) {
  const hit = cache3.get(image);
  if (hit) return hit;
  let rest = image.trim();
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1) || void 0;
    rest = rest.slice(0, at);
  }
  let tag;
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) {
    tag = rest.slice(colon + 1) || void 0;
    rest = rest.slice(0, colon);
  }
  let registry = "docker.io";
  let implicitRegistry = true;
  let repository = rest;
  const first = rest.indexOf("/");
  if (first > 0) {
    const host = rest.slice(0, first);
    if (host.includes(".") || host.includes(":") || host === "localhost") {
      registry = host.toLowerCase();
      implicitRegistry = false;
      repository = rest.slice(first + 1);
    }
  }
  const ref = { raw: image, registry, implicitRegistry, repository, tag, digest };
  if (cache3.size > 1e4) cache3.clear();
  cache3.set(image, ref);
  return ref;
}
function normalizeRegistry(host) {
  const h = host.toLowerCase();
  if (h === "index.docker.io" || h === "registry-1.docker.io" || h === "registry.hub.docker.com") return "docker.io";
  return h;
}
function imageMatchesEntry(ref, entry) {
  const e = entry.trim().toLowerCase().replace(/\/+$/, "");
  if (!e) return false;
  const full = `${normalizeRegistry(ref.registry)}/${ref.repository.toLowerCase()}`;
  const slash = e.indexOf("/");
  const entryHost = normalizeRegistry(slash >= 0 ? e.slice(0, slash) : e);
  const entryPath = slash >= 0 ? e.slice(slash) : "";
  const target = entryHost + entryPath;
  return full === target || full.startsWith(target + "/");
}

// packages/rules/src/rules/images/image-deprecated-registry.ts
var imageDeprecatedRegistry = defineRule({
  id: "image-deprecated-registry",
  title: "Image from the frozen k8s.gcr.io registry",
  category: "images",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "k8s.gcr.io (and gcr.io/google_containers) was frozen in 2023 and is being shut down: it receives no security patches, and pulls will start failing. The Kubernetes project publishes to registry.k8s.io.",
  remediation: "Replace k8s.gcr.io/<image> with registry.k8s.io/<image> at a current patched version.",
  references: ["https://kubernetes.io/blog/2023/03/10/image-registry-redirect/"],
  peers: { kubescape: ["C-0253"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string") continue;
        const img = parseImage(image);
        const deprecated = img.registry === "k8s.gcr.io" || img.registry === "gcr.io" && (img.repository.startsWith("google_containers/") || img.repository.startsWith("google-containers/"));
        if (!deprecated) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" pulls ${image} from the frozen k8s.gcr.io registry.`,
          remediation: `Use registry.k8s.io/${img.repository.replace(/^google[_-]containers\//, "")} at a current version.`
        };
      }
    }
  }
});

// packages/rules/src/rules/images/image-not-pinned-by-digest.ts
var imageNotPinnedByDigest = defineRule({
  id: "image-not-pinned-by-digest",
  title: "Image not pinned by digest",
  category: "images",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "Tags are mutable: whoever can push to the repository can change what a tag points to. Only a digest (image@sha256:...) guarantees the bytes that were scanned and approved are the bytes that run.",
  remediation: "Reference images by digest, e.g. registry/app:1.4.2@sha256:<digest>, and let automation bump it.",
  references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
  peers: { kubescape: ["C-0306"], cis: ["5.5.1"], nsa: ["PS-IMG"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string" || image === "") continue;
        const d = parseImage(image).digest;
        if (d && /^sha256:[a-f0-9]{64}$/.test(d)) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" image ${image} is not pinned by a sha256 digest.`
        };
      }
    }
  }
});

// packages/rules/src/rules/images/image-pull-policy-not-always.ts
var imagePullPolicyNotAlways = defineRule({
  id: "image-pull-policy-not-always",
  title: "imagePullPolicy is not Always",
  category: "images",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "With imagePullPolicy other than Always a node reuses a cached image: a retagged image is not picked up, and any pod on that node can start a cached private image without presenting pull credentials.",
  remediation: "Set imagePullPolicy: Always (or enable the AlwaysPullImages admission plugin).",
  references: ["https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy"],
  peers: { polaris: ["pullPolicyNotAlways"], nsa: ["PS-IMG"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const p = c.container.imagePullPolicy;
        if (p === "Always") continue;
        yield {
          object: ref.object,
          path: `${c.path}.imagePullPolicy`,
          observed: p === void 0 ? "<unset>" : p,
          message: `Container "${c.container.name ?? "?"}" has imagePullPolicy ${p === void 0 ? "unset" : p}, not Always.`,
          fix: { type: "yaml", content: "imagePullPolicy: Always", description: `Set on ${c.path}.` }
        };
      }
    }
  }
});

// packages/rules/src/rules/images/image-registry-blocked.ts
function blockList(ctx) {
  const l = ctx.params.blockedRegistries;
  return Array.isArray(l) ? l.filter((e) => typeof e === "string" && e.trim() !== "") : [];
}
var imageRegistryBlocked = defineRule({
  id: "image-registry-blocked",
  title: "Image from a blocked registry",
  category: "images",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "The organization has listed registries its workloads must not pull from (public mirrors, decommissioned registries). Configure them in the rule parameters (blockedRegistries: registry hosts or host/path prefixes).",
  remediation: "Mirror the image into an approved registry and reference it from there.",
  references: ["https://kubernetes.io/docs/concepts/containers/images/"],
  peers: { kubescape: ["C-0001"], cis: ["5.5.1"], nsa: ["PS-IMG"] },
  notEvaluable: (ctx) => blockList(ctx).length === 0 ? "no blocked registries configured" : void 0,
  *evaluate(ctx) {
    const blocked = blockList(ctx);
    if (blocked.length === 0) return;
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string" || image === "") continue;
        const img = parseImage(image);
        const hit = blocked.find((e) => imageMatchesEntry(img, e));
        if (!hit) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" image ${image} comes from the blocked registry ${hit}.`
        };
      }
    }
  }
});

// packages/rules/src/rules/images/image-registry-not-allowed.ts
function allowList(ctx) {
  const l = ctx.params.allowedRegistries;
  return Array.isArray(l) ? l.filter((e) => typeof e === "string" && e.trim() !== "") : [];
}
var imageRegistryNotAllowed = defineRule({
  id: "image-registry-not-allowed",
  title: "Image from a registry outside the allow-list",
  category: "images",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "Images should come only from registries the organization trusts (where images are scanned, signed and retained). An image from anywhere else bypasses that supply chain. Configure the allow-list in the organization's rule parameters (allowedRegistries: registry hosts or host/path prefixes).",
  remediation: "Mirror the image into an allowed registry and reference it from there, or add the registry to allowedRegistries if it is trusted.",
  references: ["https://kubernetes.io/docs/concepts/containers/images/"],
  peers: { kubescape: ["C-0078"], trivy: ["KSV-0125"], cis: ["5.5.1"], nsa: ["PS-IMG"] },
  notEvaluable: (ctx) => allowList(ctx).length === 0 ? "no allowed registries configured" : void 0,
  *evaluate(ctx) {
    const allowed = allowList(ctx);
    if (allowed.length === 0) return;
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string" || image === "") continue;
        const img = parseImage(image);
        if (allowed.some((e) => imageMatchesEntry(img, e))) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" image ${image} comes from ${img.registry}, which is not an allowed registry.`
        };
      }
    }
  }
});

// packages/rules/src/rules/images/image-tag-latest.ts
var imageTagLatest = defineRule({
  id: "image-tag-latest",
  title: "Image without a tag or tagged latest",
  category: "images",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "An image with no tag (implicitly :latest) or :latest changes under the same name: rollbacks do not restore the old code, replicas can run different builds, and what runs cannot be traced to a reviewed version.",
  remediation: "Reference a specific immutable version tag, or better a digest (image@sha256:...).",
  references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"],
  peers: { polaris: ["tagNotSpecified"], kubeLinter: ["latest-tag"], trivy: ["KSV-0013"], nsa: ["PS-IMG"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string" || image === "") {
          yield { object: ref.object, path: `${c.path}.image`, message: `Container "${c.container.name ?? "?"}" names no image.` };
          continue;
        }
        const img = parseImage(image);
        if (img.digest) continue;
        if (img.tag && img.tag !== "latest") continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: img.tag ? `Container "${c.container.name ?? "?"}" uses the mutable tag "latest" (${image}).` : `Container "${c.container.name ?? "?"}" names no tag, so it pulls "latest" (${image}).`
        };
      }
    }
  }
});

// packages/rules/src/rules/images/ingress-nginx-retired.ts
var CONTROLLER_REPO = /(^|\/)ingress-nginx\/controller(-chroot)?$/;
var ingressNginxRetired = defineRule({
  id: "ingress-nginx-retired",
  title: "Retired ingress-nginx controller in use",
  category: "images",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "The Kubernetes ingress-nginx controller was retired: best-effort maintenance ended in March 2026 and no further releases or security fixes are published. The controller is internet-facing and has had critical vulnerabilities (e.g. CVE-2025-1974, unauthenticated remote code execution), so running it unpatched is a standing exposure.",
  remediation: "Migrate to a maintained Ingress or Gateway API controller, and meanwhile restrict network access to its admission webhook.",
  references: ["https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/"],
  peers: { kubescape: ["C-0292"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string") continue;
        if (!CONTROLLER_REPO.test(parseImage(image).repository.toLowerCase())) continue;
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          message: `Container "${c.container.name ?? "?"}" runs the retired ingress-nginx controller (${image}).`
        };
      }
    }
  }
});

// packages/rules/src/rules/images/ssh-port-exposed.ts
var SSH_PORTS = /* @__PURE__ */ new Set([22, 2222]);
var sshPortExposed = defineRule({
  id: "ssh-port-exposed",
  title: "SSH port exposed",
  category: "images",
  severity: "medium",
  kinds: [...WORKLOAD_KINDS, "Service"],
  description: "A container or Service exposing SSH (22/2222) means an SSH daemon runs in the pod: a remote shell that bypasses Kubernetes RBAC and audit logging, and a brute-force target.",
  remediation: "Remove the SSH server from the image; use kubectl exec (RBAC-controlled and audited) for debugging.",
  references: ["https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/"],
  peers: { kubescape: ["C-0042"], kubeLinter: ["ssh-port"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref, { ephemeral: false })) {
        const ports = c.container.ports;
        if (!Array.isArray(ports)) continue;
        for (let i = 0; i < ports.length; i++) {
          const p = ports[i];
          if (!p || !SSH_PORTS.has(Number(p.containerPort)) || p.protocol && p.protocol !== "TCP") continue;
          yield {
            object: ref.object,
            path: `${c.path}.ports[${i}].containerPort`,
            observed: String(p.containerPort),
            message: `Container "${c.container.name ?? "?"}" exposes SSH port ${p.containerPort}.`
          };
        }
      }
    }
    for (const svc of ctx.index.byKind("Service")) {
      const ports = svc.spec?.ports;
      if (!Array.isArray(ports)) continue;
      for (let i = 0; i < ports.length; i++) {
        const p = ports[i];
        if (!p || p.protocol && p.protocol !== "TCP") continue;
        const target = p.targetPort ?? p.port;
        if (SSH_PORTS.has(Number(p.port)) || SSH_PORTS.has(Number(target))) {
          yield {
            object: svc,
            path: `spec.ports[${i}]`,
            observed: String(p.port),
            message: `Service "${svc.metadata.name}" exposes SSH (port ${p.port} -> ${target}).`
          };
        }
      }
    }
  }
});

// packages/rules/src/rules/images/sudo-in-command.ts
var SUDO = /(^|[\s;&|/'"(])sudo(\s|$)/;
var sudoInCommand = defineRule({
  id: "sudo-in-command",
  title: "sudo in container command",
  category: "images",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "A container entrypoint that calls sudo needs an image with sudo and a user allowed to use it: the process can become root whenever it likes, defeating runAsNonRoot-style hardening.",
  remediation: "Do the privileged setup at image build time or in an init container, and run the main process without sudo.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { kubescape: ["C-0062"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        for (const field of ["command", "args"]) {
          const arr2 = c.container[field];
          if (!Array.isArray(arr2)) continue;
          const i = arr2.findIndex((a) => typeof a === "string" && a.includes("sudo") && SUDO.test(a));
          if (i < 0) continue;
          yield {
            object: ref.object,
            path: `${c.path}.${field}[${i}]`,
            observed: "sudo",
            message: `Container "${c.container.name ?? "?"}" runs sudo in its ${field}.`
          };
          break;
        }
      }
    }
  }
});

// packages/rules/src/rules/images/tiller-deployed.ts
var TILLER = /(^|[^a-z])tiller([^a-z]|$)/i;
var tillerDeployed = defineRule({
  id: "tiller-deployed",
  title: "Helm v2 Tiller deployed",
  category: "images",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "Tiller, Helm v2's in-cluster server, is unmaintained since 2020 and typically runs with cluster-admin behind an unauthenticated gRPC port: any pod that can reach it can take over the cluster.",
  remediation: "Migrate releases to Helm 3 (no in-cluster component) and delete the Tiller deployment and its ServiceAccount binding.",
  references: ["https://helm.sh/docs/topics/v2_v3_migration/"],
  peers: { trivy: ["KSV-0102"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const name = ref.object.metadata.name ?? "";
      const tmplName = ref.metaPath === "metadata" ? "" : ref.object.spec?.template?.metadata?.name ?? "";
      if (TILLER.test(name)) {
        yield { object: ref.object, path: "metadata.name", observed: name, message: `Workload "${name}" looks like Helm v2 Tiller.` };
        continue;
      }
      if (typeof tmplName === "string" && TILLER.test(tmplName)) {
        yield { object: ref.object, path: `${ref.metaPath}.name`, observed: tmplName, message: `Pod template named "${tmplName}" looks like Helm v2 Tiller.` };
        continue;
      }
      if (ref.meta.labels.app === "helm") {
        yield { object: ref.object, path: `${ref.metaPath}.labels.app`, observed: "helm", message: `Pods labelled app=helm are Helm v2 Tiller's.` };
        continue;
      }
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string") continue;
        const repo = parseImage(image).repository.toLowerCase();
        const last = repo.slice(repo.lastIndexOf("/") + 1);
        if (last !== "tiller") continue;
        yield { object: ref.object, path: `${c.path}.image`, observed: image, message: `Container "${c.container.name ?? "?"}" runs the Tiller image ${image}.` };
        break;
      }
    }
  }
});

// packages/rules/src/rules/images/index.ts
var imagesRules = [
  imageTagLatest,
  imagePullPolicyNotAlways,
  imageNotPinnedByDigest,
  imageRegistryNotAllowed,
  imageRegistryBlocked,
  imageDeprecatedRegistry,
  tillerDeployed,
  sudoInCommand,
  sshPortExposed,
  ingressNginxRetired
];

// packages/rules/src/helpers/probes.ts
function isBatch(ref) {
  const k = ref.object.kind;
  if (k === "Job" || k === "CronJob") return true;
  if (k === "Pod") {
    if ((ref.object.metadata.ownerReferences ?? []).some((o) => o && o.kind === "Job")) return true;
    if (ref.spec?.restartPolicy === "Never" || ref.spec?.restartPolicy === "OnFailure") return true;
  }
  return false;
}
function present(v) {
  return v !== void 0 && v !== null && typeof v === "object";
}
function isMirrorPod(obj) {
  return obj.kind === "Pod" && typeof obj.metadata.annotations?.["kubernetes.io/config.mirror"] === "string";
}
function* missingProbe(ctx, field, what) {
  for (const ref of podSpecs(ctx)) {
    if (isBatch(ref)) continue;
    for (const c of containers(ref, { init: false, ephemeral: false })) {
      if (present(c.container[field])) continue;
      yield {
        object: ref.object,
        path: `${c.path}.${field}`,
        message: `Container "${c.container.name ?? "?"}" has no ${what}.`
      };
    }
  }
}
function probePort(probe) {
  if (!probe || typeof probe !== "object") return void 0;
  for (const h of ["httpGet", "tcpSocket", "grpc"]) {
    const p = probe[h]?.port;
    if (typeof p === "number" || typeof p === "string" && p !== "") return { port: p, sub: `${h}.port` };
  }
  return void 0;
}
function* probePortNotExposed(ctx, field) {
  for (const ref of podSpecs(ctx)) {
    for (const c of containers(ref, { ephemeral: false })) {
      const target = probePort(c.container[field]);
      if (!target) continue;
      const ports = Array.isArray(c.container.ports) ? c.container.ports : [];
      let ok;
      let port = target.port;
      if (typeof port === "string" && /^\d+$/.test(port)) port = Number(port);
      if (typeof port === "string") ok = ports.some((p) => p && p.name === port);
      else ok = ports.length === 0 || ports.some((p) => p && Number(p.containerPort) === port);
      if (ok) continue;
      yield finding(ref.object, `${c.path}.${field}.${target.sub}`, port, c.container.name, field);
    }
  }
}
function finding(object, path3, port, name, field) {
  return {
    object,
    path: path3,
    observed: String(port),
    message: `The ${field} of container "${typeof name === "string" ? name : "?"}" targets port ${JSON.stringify(port)}, which the container does not expose.`
  };
}

// packages/rules/src/rules/probes/liveness-equals-readiness.ts
function same(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!same(a[k], b[k])) return false;
  return true;
}
var livenessEqualsReadiness = defineRule({
  id: "liveness-equals-readiness",
  title: "Liveness probe identical to readiness probe",
  category: "probes",
  severity: "low",
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"],
  description: "When liveness and readiness probes are the same check, a pod that is merely busy (not ready) is also killed and restarted, turning load spikes into restart storms.",
  remediation: "Make the livenessProbe a cheaper, more tolerant check (or give it a higher failureThreshold) than the readinessProbe.",
  references: ["https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/"],
  peers: {},
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isBatch(ref)) continue;
      for (const c of containers(ref, { init: false, ephemeral: false })) {
        const l = c.container.livenessProbe;
        const r2 = c.container.readinessProbe;
        if (!l || !r2 || typeof l !== "object" || typeof r2 !== "object") continue;
        if (!same(l, r2)) continue;
        yield {
          object: ref.object,
          path: `${c.path}.livenessProbe`,
          message: `Container "${c.container.name ?? "?"}" uses the same check for liveness and readiness.`
        };
      }
    }
  }
});

// packages/rules/src/rules/probes/liveness-port-not-exposed.ts
var livenessPortNotExposed = defineRule({
  id: "liveness-port-not-exposed",
  title: "Liveness probe targets a port the container does not expose",
  category: "probes",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "A livenessProbe aimed at a named port no containerPort carries can never succeed, and a number absent from the declared containerPorts is usually a port left behind by a change. Either way the probe checks the wrong thing.",
  remediation: "Point livenessProbe at a port listed in the container's ports (by name or number).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { kubeLinter: ["liveness-port"] },
  evaluate: (ctx) => probePortNotExposed(ctx, "livenessProbe")
});

// packages/rules/src/rules/probes/liveness-probe-missing.ts
var livenessProbeMissing = defineRule({
  id: "liveness-probe-missing",
  title: "Container without a liveness probe",
  category: "probes",
  severity: "medium",
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"],
  description: "Without a livenessProbe the kubelet cannot tell a hung process from a healthy one, so a deadlocked container keeps receiving traffic and is never restarted. Jobs, CronJobs and pods that never restart are exempt.",
  remediation: "Add a livenessProbe that checks the process is alive (cheap, no dependencies on other services).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { polaris: ["livenessProbeMissing"], kubeLinter: ["no-liveness-probe"], kubescape: ["C-0056"] },
  evaluate: (ctx) => missingProbe(ctx, "livenessProbe", "liveness probe")
});

// packages/rules/src/rules/probes/readiness-port-not-exposed.ts
var readinessPortNotExposed = defineRule({
  id: "readiness-port-not-exposed",
  title: "Readiness probe targets a port the container does not expose",
  category: "probes",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "A readinessProbe aimed at a named port no containerPort carries can never succeed, and a number absent from the declared containerPorts is usually a port left behind by a change. Either way the probe checks the wrong thing.",
  remediation: "Point readinessProbe at a port listed in the container's ports (by name or number).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { kubeLinter: ["readiness-port"] },
  evaluate: (ctx) => probePortNotExposed(ctx, "readinessProbe")
});

// packages/rules/src/rules/probes/readiness-probe-missing.ts
var readinessProbeMissing = defineRule({
  id: "readiness-probe-missing",
  title: "Container without a readiness probe",
  category: "probes",
  severity: "medium",
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"],
  description: "Without a readinessProbe a pod receives traffic as soon as its process starts, before it can serve, and keeps receiving it while it is overloaded, causing errors during rollouts. Jobs, CronJobs and pods that never restart are exempt.",
  remediation: "Add a readinessProbe that checks the container can serve requests.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { polaris: ["readinessProbeMissing"], kubeLinter: ["no-readiness-probe"], kubescape: ["C-0018"] },
  evaluate: (ctx) => missingProbe(ctx, "readinessProbe", "readiness probe")
});

// packages/rules/src/rules/probes/startup-port-not-exposed.ts
var startupPortNotExposed = defineRule({
  id: "startup-port-not-exposed",
  title: "Startup probe targets a port the container does not expose",
  category: "probes",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "A startupProbe aimed at a named port no containerPort carries can never succeed, and a number absent from the declared containerPorts is usually a port left behind by a change. Either way the probe checks the wrong thing.",
  remediation: "Point startupProbe at a port listed in the container's ports (by name or number).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { kubeLinter: ["startup-port"] },
  evaluate: (ctx) => probePortNotExposed(ctx, "startupProbe")
});

// packages/rules/src/rules/probes/index.ts
var probesRules = [
  livenessProbeMissing,
  readinessProbeMissing,
  livenessEqualsReadiness,
  livenessPortNotExposed,
  readinessPortNotExposed,
  startupPortNotExposed
];

// packages/rules/src/helpers/selectors.ts
function nsOf(obj) {
  const ns = obj.metadata?.namespace;
  return typeof ns === "string" && ns ? ns : "default";
}
function findNamed(ctx, kind, namespace, name) {
  const ns = namespace && namespace !== "default" ? namespace : void 0;
  if (ns) return ctx.index.byName(kind, ns, name);
  return ctx.index.byName(kind, void 0, name) ?? ctx.index.byName(kind, "default", name);
}
var workloadLabelsCache = /* @__PURE__ */ new WeakMap();
function workloadLabelsIn(ctx, ns) {
  let byNs = workloadLabelsCache.get(ctx.index);
  if (!byNs) {
    byNs = /* @__PURE__ */ new Map();
    for (const ref of allPodSpecs(ctx)) {
      const k = nsOf(ref.object);
      const l = byNs.get(k);
      if (l) l.push(ref.meta.labels);
      else byNs.set(k, [ref.meta.labels]);
    }
    workloadLabelsCache.set(ctx.index, byNs);
  }
  return byNs.get(ns) ?? [];
}
function isEmptyLabelSelector(sel) {
  return !sel || Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}
function selectorMatches(selector, labels, emptyMatchesAll = false) {
  if (!selector || typeof selector !== "object") return false;
  const ml = selector.matchLabels && typeof selector.matchLabels === "object" ? selector.matchLabels : void 0;
  const me = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : void 0;
  const mlKeys = ml ? Object.keys(ml) : [];
  if (mlKeys.length === 0 && (!me || me.length === 0)) return emptyMatchesAll;
  const l = labels ?? {};
  for (const k of mlKeys) if (l[k] !== ml[k]) return false;
  if (me) {
    for (const e of me) {
      if (!e || typeof e.key !== "string") return false;
      const has = Object.prototype.hasOwnProperty.call(l, e.key);
      const v = l[e.key];
      const vals = Array.isArray(e.values) ? e.values : [];
      switch (e.operator) {
        case "In":
          if (!has || !vals.includes(v)) return false;
          break;
        case "NotIn":
          if (has && vals.includes(v)) return false;
          break;
        case "Exists":
          if (!has) return false;
          break;
        case "DoesNotExist":
          if (has) return false;
          break;
        default:
          return false;
      }
    }
  }
  return true;
}
function mapSelectorMatches(selector, labels) {
  if (!selector || typeof selector !== "object") return false;
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  const l = labels ?? {};
  for (const k of keys) if (l[k] !== selector[k]) return false;
  return true;
}

// packages/rules/src/helpers/reliability.ts
var SCALABLE_KINDS = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"];
var hpaCache = /* @__PURE__ */ new WeakMap();
var pdbCache = /* @__PURE__ */ new WeakMap();
var pdbNamespaces = /* @__PURE__ */ new WeakMap();
function hpasFor(ctx, workload) {
  let m = hpaCache.get(ctx.index);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const t3 = hpa.spec?.scaleTargetRef;
      if (!t3 || typeof t3.kind !== "string" || typeof t3.name !== "string") continue;
      const key = `${nsOf(hpa)}/${t3.kind}/${t3.name}`;
      const l = m.get(key);
      if (l) l.push(hpa);
      else m.set(key, [hpa]);
    }
    hpaCache.set(ctx.index, m);
  }
  return m.get(`${nsOf(workload)}/${workload.kind}/${workload.metadata.name}`) ?? [];
}
function pdbsFor(ctx, workload) {
  let m = pdbCache.get(ctx.index);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    for (const pdb of ctx.index.byKind("PodDisruptionBudget")) {
      const ml = pdb.spec?.selector?.matchLabels;
      const first = ml && typeof ml === "object" ? Object.keys(ml)[0] : void 0;
      const key = first === void 0 ? `${nsOf(pdb)}|*` : `${nsOf(pdb)}|${first}=${String(ml[first])}`;
      const l = m.get(key);
      if (l) l.push(pdb);
      else m.set(key, [pdb]);
    }
    pdbCache.set(ctx.index, m);
    const withPdb = /* @__PURE__ */ new Set();
    for (const pdb of ctx.index.byKind("PodDisruptionBudget")) withPdb.add(nsOf(pdb));
    pdbNamespaces.set(ctx.index, withPdb);
  }
  const ns = nsOf(workload);
  if (!pdbNamespaces.get(ctx.index).has(ns)) return [];
  const ref = podSpecOf(workload);
  if (!ref) return [];
  const out = [];
  const test = (pdb) => {
    const sel = pdb.spec?.selector;
    const emptyAll = pdb.apiVersion === "policy/v1" && sel !== void 0 && sel !== null;
    if (selectorMatches(sel, ref.meta.labels, emptyAll) && !out.includes(pdb)) out.push(pdb);
  };
  for (const pdb of m.get(`${ns}|*`) ?? []) test(pdb);
  for (const k of Object.keys(ref.meta.labels)) for (const pdb of m.get(`${ns}|${k}=${ref.meta.labels[k]}`) ?? []) test(pdb);
  return out;
}
function resolveIntOrPercent(v, total) {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return void 0;
  const m = /^(\d+)%$/.exec(v.trim());
  if (m) return total === void 0 ? void 0 : Math.ceil(Number(m[1]) * total / 100);
  return /^\d+$/.test(v.trim()) ? Number(v) : void 0;
}
function replicasOf(obj) {
  const r2 = obj.spec?.replicas;
  return typeof r2 === "number" ? r2 : void 0;
}

// packages/rules/src/rules/reliability/deployment-single-replica.ts
var deploymentSingleReplica = defineRule({
  id: "deployment-single-replica",
  title: "Deployment or StatefulSet runs a single replica",
  category: "reliability",
  severity: "low",
  kinds: ["Deployment", "StatefulSet"],
  requiresKinds: ["HorizontalPodAutoscaler"],
  description: "With one replica (or replicas unset, which means one) every node drain, eviction or crash is an outage. Workloads scaled by an HPA are judged by the HPA rules instead; replicas: 0 is taken as deliberately scaled down.",
  remediation: "Run at least 2 replicas (3 for quorum-based systems), spread across nodes.",
  references: ["https://kubernetes.io/docs/concepts/workloads/controllers/deployment/"],
  peers: { polaris: ["deploymentMissingReplicas"] },
  *evaluate(ctx) {
    for (const kind of ["Deployment", "StatefulSet"]) {
      for (const obj of ctx.index.byKind(kind)) {
        const r2 = replicasOf(obj);
        if (r2 === 0 || r2 !== void 0 && r2 >= 2) continue;
        if (hpasFor(ctx, obj).length > 0) continue;
        const fix = mergePatchFix("spec.replicas", 2);
        yield {
          object: obj,
          path: "spec.replicas",
          observed: r2 === void 0 ? "<unset>" : String(r2),
          message: `${kind} "${obj.metadata.name}" runs ${r2 === void 0 ? "one replica (replicas unset)" : "one replica"}.`,
          ...fix ? { fix } : {}
        };
      }
    }
  }
});

// packages/rules/src/rules/reliability/duplicate-env-var.ts
var duplicateEnvVar = defineRule({
  id: "duplicate-env-var",
  title: "Environment variable defined twice",
  category: "reliability",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "When a container's env lists the same name twice the last entry silently wins, so a reviewed value (often a security setting) can be overridden further down the list.",
  remediation: "Keep one entry per environment variable name.",
  references: ["https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/"],
  peers: { kubeLinter: ["duplicate-env-var"], kubescape: ["C-0295"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const env2 = c.container.env;
        if (!Array.isArray(env2) || env2.length < 2) continue;
        const seen = /* @__PURE__ */ new Set();
        for (let i = 0; i < env2.length; i++) {
          const n2 = env2[i]?.name;
          if (typeof n2 !== "string") continue;
          if (seen.has(n2)) {
            yield { object: ref.object, path: `${c.path}.env[${i}].name`, observed: n2, message: `Container "${c.container.name ?? "?"}" defines env var ${n2} more than once.` };
          } else seen.add(n2);
        }
      }
    }
  }
});

// packages/rules/src/rules/reliability/hpa-min-equals-max.ts
var hpaMinEqualsMax = defineRule({
  id: "hpa-min-equals-max",
  title: "HorizontalPodAutoscaler cannot scale",
  category: "reliability",
  severity: "low",
  kinds: ["HorizontalPodAutoscaler"],
  description: "An HPA whose minReplicas equals maxReplicas never scales, so it cannot absorb load spikes; it only hides a fixed replica count behind an autoscaler.",
  remediation: "Raise spec.maxReplicas above spec.minReplicas, or drop the HPA and set replicas on the workload.",
  references: ["https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/"],
  peers: { polaris: ["hpaMaxAvailability"] },
  *evaluate(ctx) {
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const spec = hpa.spec ?? {};
      if (typeof spec.minReplicas !== "number" || typeof spec.maxReplicas !== "number") continue;
      if (spec.maxReplicas > spec.minReplicas) continue;
      yield {
        object: hpa,
        path: "spec.maxReplicas",
        observed: `${spec.minReplicas}..${spec.maxReplicas}`,
        message: `HorizontalPodAutoscaler "${hpa.metadata.name}" has minReplicas ${spec.minReplicas} and maxReplicas ${spec.maxReplicas}, so it cannot scale.`
      };
    }
  }
});

// packages/rules/src/rules/reliability/hpa-min-replicas-low.ts
var hpaMinReplicasLow = defineRule({
  id: "hpa-min-replicas-low",
  title: "HorizontalPodAutoscaler may scale down to one replica",
  category: "reliability",
  severity: "low",
  kinds: ["HorizontalPodAutoscaler"],
  description: "An HPA with minReplicas 1 scales the workload down to a single pod at quiet times, when any eviction or crash becomes an outage.",
  remediation: "Set spec.minReplicas to at least 2.",
  references: ["https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/"],
  peers: { polaris: ["hpaMinAvailability"] },
  *evaluate(ctx) {
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const min = hpa.spec?.minReplicas;
      if (typeof min !== "number" || min >= 2) continue;
      yield {
        object: hpa,
        path: "spec.minReplicas",
        observed: String(min),
        message: `HorizontalPodAutoscaler "${hpa.metadata.name}" may scale down to ${min} replica(s).`,
        fix: { type: "merge-patch", content: '{"spec":{"minReplicas":2}}' }
      };
    }
  }
});

// packages/rules/src/rules/reliability/hpa-target-not-found.ts
var hpaTargetNotFound = defineRule({
  id: "hpa-target-not-found",
  title: "HorizontalPodAutoscaler targets a missing workload",
  category: "reliability",
  severity: "low",
  kinds: ["HorizontalPodAutoscaler"],
  requiresKinds: ["Deployment", "StatefulSet", "ReplicaSet"],
  description: "An HPA whose scaleTargetRef names no existing workload does nothing: the workload it was meant to protect (often renamed) runs without autoscaling.",
  remediation: "Point scaleTargetRef at the workload's current kind and name, or delete the stale HPA.",
  references: ["https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/"],
  peers: { kubeLinter: ["dangling-horizontalpodautoscaler"], kubescape: ["C-0300"] },
  *evaluate(ctx) {
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const t3 = hpa.spec?.scaleTargetRef;
      if (!t3 || typeof t3.kind !== "string" || typeof t3.name !== "string") continue;
      if (!ctx.snapshot.kindsComplete && ctx.index.byKind(t3.kind).length === 0) continue;
      if (ctx.snapshot.kindsComplete && !["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"].includes(t3.kind)) continue;
      if (findNamed(ctx, t3.kind, hpa.metadata.namespace, t3.name)) continue;
      yield {
        object: hpa,
        path: "spec.scaleTargetRef.name",
        observed: `${t3.kind}/${t3.name}`,
        message: `HorizontalPodAutoscaler "${hpa.metadata.name}" targets ${t3.kind} "${t3.name}", which does not exist.`
      };
    }
  }
});

// packages/rules/src/rules/reliability/instance-label-mismatch.ts
var LABEL = "app.kubernetes.io/instance";
var instanceLabelMismatch = defineRule({
  id: "instance-label-mismatch",
  title: "app.kubernetes.io/instance label missing or not the object name",
  category: "reliability",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "Tools (dashboards, cost reports, Polaris, Argo CD) group objects by the recommended app.kubernetes.io/instance label. When it is missing or differs from the object's name, ownership and blast radius are hard to trace.",
  remediation: "Set metadata.labels[app.kubernetes.io/instance] to the object's name.",
  references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/"],
  peers: { polaris: ["metadataAndInstanceMismatched"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const name = ref.object.metadata.name;
      const v = ref.object.metadata.labels?.[LABEL];
      if (v === name) continue;
      yield {
        object: ref.object,
        path: `metadata.labels["${LABEL}"]`,
        observed: v ?? "<unset>",
        message: v === void 0 ? `${ref.object.kind} "${name}" has no ${LABEL} label.` : `${ref.object.kind} "${name}" has ${LABEL}="${v}".`
      };
    }
  }
});

// packages/rules/src/rules/reliability/job-ttl-missing.ts
var jobTtlMissing = defineRule({
  id: "job-ttl-missing",
  title: "Standalone Job without ttlSecondsAfterFinished",
  category: "reliability",
  severity: "info",
  kinds: ["Job"],
  description: "Finished Jobs and their pods stay in the cluster until someone deletes them, piling up objects in etcd and keeping old pod specs (and their secrets references) around. CronJob-owned Jobs are cleaned up by history limits instead.",
  remediation: "Set spec.ttlSecondsAfterFinished on the Job (e.g. 3600).",
  references: ["https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/"],
  peers: { kubeLinter: ["job-ttl-seconds-after-finished"] },
  *evaluate(ctx) {
    for (const job of ctx.index.byKind("Job")) {
      if ((job.metadata.ownerReferences ?? []).some((o) => o && o.kind === "CronJob")) continue;
      if (typeof job.spec?.ttlSecondsAfterFinished === "number") continue;
      yield {
        object: job,
        path: "spec.ttlSecondsAfterFinished",
        message: `Job "${job.metadata.name}" is never cleaned up after it finishes.`,
        fix: { type: "merge-patch", content: '{"spec":{"ttlSecondsAfterFinished":3600}}' }
      };
    }
  }
});

// packages/rules/src/rules/reliability/naked-pod.ts
var nakedPod = defineRule({
  id: "naked-pod",
  title: "Pod without a controller",
  category: "reliability",
  severity: "low",
  kinds: ["Pod"],
  description: "A Pod created directly (no Deployment, StatefulSet, Job, ... owning it) is not rescheduled when its node fails and is often a leftover debug or attacker pod. Static (mirror) pods are exempt.",
  remediation: "Run the workload through a controller (Deployment, StatefulSet, Job) or delete the stray pod.",
  references: ["https://kubernetes.io/docs/concepts/configuration/overview/#naked-pods-vs-replicasets-deployments-and-jobs"],
  peers: { kubescape: ["C-0073"] },
  *evaluate(ctx) {
    for (const pod of ctx.index.byKind("Pod")) {
      if (isMirrorPod(pod)) continue;
      if ((pod.metadata.ownerReferences ?? []).some((o) => o && o.controller === true)) continue;
      yield { object: pod, path: "metadata.ownerReferences", message: `Pod "${pod.metadata.name}" has no controller.` };
    }
  }
});

// packages/rules/src/rules/reliability/node-affinity-missing.ts
var nodeAffinityMissing = defineRule({
  id: "node-affinity-missing",
  title: "Workload without node affinity or node selector",
  category: "reliability",
  severity: "info",
  kinds: ["Pod", "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"],
  description: "Pods with no nodeAffinity or nodeSelector can land on any node, including nodes meant for other tenants, GPUs or the control plane's neighbours. Placing workloads deliberately keeps noisy or sensitive workloads apart. DaemonSets are exempt.",
  remediation: "Add spec.affinity.nodeAffinity (or a nodeSelector) targeting the node pool meant for the workload.",
  references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/"],
  peers: { kubeLinter: ["no-node-affinity"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.object.kind === "DaemonSet") continue;
      const na = ref.spec.affinity?.nodeAffinity;
      if (na && typeof na === "object" && Object.keys(na).length > 0) continue;
      const sel = ref.spec.nodeSelector;
      if (sel && typeof sel === "object" && Object.keys(sel).length > 0) continue;
      if (typeof ref.spec.nodeName === "string" && ref.spec.nodeName !== "") continue;
      yield {
        object: ref.object,
        path: `${ref.path}.affinity.nodeAffinity`,
        message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" may be scheduled on any node.`
      };
    }
  }
});

// packages/rules/src/rules/reliability/pdb-disruptions-zero.ts
function zero(v) {
  return v === 0 || v === "0" || v === "0%";
}
var pdbDisruptionsZero = defineRule({
  id: "pdb-disruptions-zero",
  title: "PodDisruptionBudget allows no voluntary disruption",
  category: "reliability",
  severity: "medium",
  kinds: ["PodDisruptionBudget"],
  description: "A PDB with maxUnavailable 0 or minAvailable 100% blocks every eviction: node drains hang, and cluster upgrades and autoscaler scale-downs stall until someone deletes the budget by hand.",
  remediation: "Allow at least one disruption, e.g. maxUnavailable: 1, and run enough replicas to tolerate it.",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/"],
  peers: { polaris: ["pdbDisruptionsIsZero"], kubeLinter: ["pdb-max-unavailable"] },
  *evaluate(ctx) {
    for (const pdb of ctx.index.byKind("PodDisruptionBudget")) {
      const spec = pdb.spec ?? {};
      if (zero(spec.maxUnavailable)) {
        yield { object: pdb, path: "spec.maxUnavailable", observed: String(spec.maxUnavailable), message: `PodDisruptionBudget "${pdb.metadata.name}" allows no pod to be unavailable.` };
      } else if (spec.minAvailable === "100%") {
        yield { object: pdb, path: "spec.minAvailable", observed: "100%", message: `PodDisruptionBudget "${pdb.metadata.name}" requires 100% of pods available.` };
      }
    }
  }
});

// packages/rules/src/rules/reliability/pdb-min-available-too-high.ts
var pdbMinAvailableTooHigh = defineRule({
  id: "pdb-min-available-too-high",
  title: "PodDisruptionBudget minAvailable leaves no room for disruption",
  category: "reliability",
  severity: "medium",
  kinds: ["PodDisruptionBudget", ...SCALABLE_KINDS],
  requiresKinds: ["HorizontalPodAutoscaler"],
  description: "When a PDB's minAvailable exceeds the HPA's minReplicas, or reaches the workload's fixed replica count, no pod can ever be evicted once the workload runs at that size: drains and upgrades block.",
  remediation: "Lower minAvailable below the replica count (or the HPA's minReplicas), or use maxUnavailable instead.",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/"],
  peers: { polaris: ["pdbMinAvailableGreaterThanHPAMinReplicas"], kubeLinter: ["pdb-min-available"] },
  *evaluate(ctx) {
    for (const kind of SCALABLE_KINDS) {
      for (const w of ctx.index.byKind(kind)) {
        if (controllerInSnapshot(w, ctx.index)) continue;
        const pdbs = pdbsFor(ctx, w);
        if (pdbs.length === 0) continue;
        const replicas = replicasOf(w);
        const hpa = hpasFor(ctx, w)[0];
        const hpaMin = hpa ? hpa.spec?.minReplicas : void 0;
        for (const pdb of pdbs) {
          const raw = pdb.spec?.minAvailable;
          if (raw === void 0 || raw === null) continue;
          const minAvail = resolveIntOrPercent(raw, replicas);
          if (minAvail === void 0) continue;
          if (hpa) {
            if (typeof hpaMin !== "number" || minAvail <= hpaMin) continue;
            yield {
              object: pdb,
              path: "spec.minAvailable",
              observed: String(raw),
              message: `PodDisruptionBudget "${pdb.metadata.name}" requires ${minAvail} pods available but HPA "${hpa.metadata.name}" may scale ${kind} "${w.metadata.name}" down to ${hpaMin}.`
            };
          } else if (replicas !== void 0 && replicas > 0 && minAvail >= replicas) {
            yield {
              object: pdb,
              path: "spec.minAvailable",
              observed: String(raw),
              message: `PodDisruptionBudget "${pdb.metadata.name}" requires ${minAvail} of the ${replicas} replicas of ${kind} "${w.metadata.name}" available, so none can be evicted.`
            };
          }
        }
      }
    }
  }
});

// packages/rules/src/rules/reliability/pdb-missing.ts
var pdbMissing = defineRule({
  id: "pdb-missing",
  title: "Workload not covered by a PodDisruptionBudget",
  category: "reliability",
  severity: "low",
  kinds: ["Deployment", "StatefulSet"],
  requiresKinds: ["PodDisruptionBudget"],
  description: "Without a PodDisruptionBudget selecting its pods, a node drain or cluster upgrade may evict all replicas of a workload at once.",
  remediation: "Create a PodDisruptionBudget in the same namespace whose selector matches the pod template labels (e.g. maxUnavailable: 1).",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/"],
  peers: { polaris: ["missingPodDisruptionBudget"] },
  *evaluate(ctx) {
    for (const kind of ["Deployment", "StatefulSet"]) {
      for (const obj of ctx.index.byKind(kind)) {
        if (obj.spec?.replicas === 0) continue;
        if (pdbsFor(ctx, obj).length > 0) continue;
        yield {
          object: obj,
          path: "spec.template.metadata.labels",
          message: `No PodDisruptionBudget selects the pods of ${kind} "${obj.metadata.name}".`,
          fix: {
            type: "yaml",
            content: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${obj.metadata.name}
${obj.metadata.namespace ? `  namespace: ${obj.metadata.namespace}
` : ""}spec:
  maxUnavailable: 1
  selector:
    matchLabels: # the pod template's labels
`
          }
        };
      }
    }
  }
});

// packages/rules/src/rules/reliability/pdb-unhealthy-eviction-policy.ts
var pdbUnhealthyEvictionPolicy = defineRule({
  id: "pdb-unhealthy-eviction-policy",
  title: "PodDisruptionBudget without unhealthyPodEvictionPolicy",
  category: "reliability",
  severity: "low",
  kinds: ["PodDisruptionBudget"],
  description: "By default a PDB also protects pods that are running but not ready, so a crash-looping replica can block node drains indefinitely. unhealthyPodEvictionPolicy: AlwaysAllow lets such pods be evicted.",
  remediation: "Set spec.unhealthyPodEvictionPolicy: AlwaysAllow (GA since Kubernetes 1.31).",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/#unhealthy-pod-eviction-policy"],
  peers: { kubeLinter: ["pdb-unhealthy-pod-eviction-policy"] },
  *evaluate(ctx) {
    for (const pdb of ctx.index.byKind("PodDisruptionBudget")) {
      const p = pdb.spec?.unhealthyPodEvictionPolicy;
      if (typeof p === "string" && p !== "") continue;
      yield {
        object: pdb,
        path: "spec.unhealthyPodEvictionPolicy",
        message: `PodDisruptionBudget "${pdb.metadata.name}" does not set unhealthyPodEvictionPolicy.`,
        fix: { type: "merge-patch", content: '{"spec":{"unhealthyPodEvictionPolicy":"AlwaysAllow"}}' }
      };
    }
  }
});

// packages/rules/src/rules/reliability/pod-anti-affinity-missing.ts
var podAntiAffinityMissing = defineRule({
  id: "pod-anti-affinity-missing",
  title: "Replicated workload without pod anti-affinity",
  category: "reliability",
  severity: "low",
  kinds: ["Deployment", "StatefulSet"],
  requiresKinds: ["HorizontalPodAutoscaler"],
  description: "Several replicas without podAntiAffinity (or a hostname topology spread) may all land on one node, so a single node failure takes the workload down.",
  remediation: "Add preferred podAntiAffinity on kubernetes.io/hostname matching the pods' labels, or a hostname topologySpreadConstraint.",
  references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity"],
  peers: { kubeLinter: ["no-anti-affinity"] },
  *evaluate(ctx) {
    for (const kind of ["Deployment", "StatefulSet"]) {
      for (const obj of ctx.index.byKind(kind)) {
        const ref = podSpecOf(obj);
        if (!ref) continue;
        const hpa = hpasFor(ctx, obj)[0];
        const replicas = hpa ? Number(hpa.spec?.maxReplicas ?? 1) : replicasOf(obj) ?? 1;
        if (replicas < 2) continue;
        const anti = ref.spec.affinity?.podAntiAffinity;
        const hasAnti = anti && (Array.isArray(anti.requiredDuringSchedulingIgnoredDuringExecution) && anti.requiredDuringSchedulingIgnoredDuringExecution.length > 0 || Array.isArray(anti.preferredDuringSchedulingIgnoredDuringExecution) && anti.preferredDuringSchedulingIgnoredDuringExecution.length > 0);
        if (hasAnti) continue;
        const tsc = ref.spec.topologySpreadConstraints;
        if (Array.isArray(tsc) && tsc.some((c) => c?.topologyKey === "kubernetes.io/hostname")) continue;
        yield {
          object: obj,
          path: `${ref.path}.affinity.podAntiAffinity`,
          observed: String(replicas),
          message: `${kind} "${obj.metadata.name}" runs ${replicas} replicas with no pod anti-affinity.`
        };
      }
    }
  }
});

// packages/rules/src/rules/reliability/priority-class-not-set.ts
var priorityClassNotSet = defineRule({
  id: "priority-class-not-set",
  title: "Pod spec without a priority class",
  category: "reliability",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "Without priorityClassName all pods share the default priority, so under resource pressure the scheduler may preempt or the kubelet may evict an important service before a batch job.",
  remediation: "Define PriorityClasses for your service tiers and set priorityClassName on each workload.",
  references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/"],
  peers: { polaris: ["priorityClassNotSet"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const p = ref.spec.priorityClassName;
      if (typeof p === "string" && p !== "") continue;
      yield { object: ref.object, path: `${ref.path}.priorityClassName`, message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" have no priority class.` };
    }
  }
});

// packages/rules/src/rules/reliability/recommended-labels-missing.ts
var RECOMMENDED = [
  "app.kubernetes.io/name",
  "app.kubernetes.io/instance",
  "app.kubernetes.io/version",
  "app.kubernetes.io/component",
  "app.kubernetes.io/part-of",
  "app.kubernetes.io/managed-by"
];
function hasAny(labels) {
  if (!labels) return false;
  for (const k of RECOMMENDED) if (typeof labels[k] === "string" && labels[k] !== "") return true;
  return false;
}
var recommendedLabelsMissing = defineRule({
  id: "recommended-labels-missing",
  title: "Workload without the recommended app.kubernetes.io labels",
  category: "reliability",
  severity: "info",
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"],
  description: "Without any of the recommended app.kubernetes.io/* labels (name, instance, version, component, part-of, managed-by) neither people nor tools can tell which application a workload belongs to, who owns it, or what an incident touches.",
  remediation: "Label the workload and its pod template with at least app.kubernetes.io/name and app.kubernetes.io/instance.",
  references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/"],
  peers: { kubescape: ["C-0077"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (hasAny(ref.object.metadata.labels) || hasAny(ref.meta.labels)) continue;
      yield {
        object: ref.object,
        path: "metadata.labels",
        message: `${ref.object.kind} "${ref.object.metadata.name ?? "?"}" carries none of the recommended app.kubernetes.io labels.`
      };
    }
  }
});

// packages/rules/src/rules/reliability/rolling-update-strategy-missing.ts
var FIELD = { Deployment: "strategy", DaemonSet: "updateStrategy", StatefulSet: "updateStrategy" };
var rollingUpdateStrategyMissing = defineRule({
  id: "rolling-update-strategy-missing",
  title: "Workload not updated by rolling update",
  category: "reliability",
  severity: "low",
  kinds: ["Deployment", "DaemonSet", "StatefulSet"],
  description: "Recreate stops every pod before starting the new version (downtime on each rollout); OnDelete never rolls pods out, so security fixes in the template do not reach running pods.",
  remediation: "Use the RollingUpdate strategy (the default) with maxUnavailable/maxSurge suited to the workload.",
  references: ["https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy"],
  peers: { kubeLinter: ["no-rolling-update-strategy"], kubescape: ["C-0305"] },
  *evaluate(ctx) {
    for (const kind of Object.keys(FIELD)) {
      const field = FIELD[kind];
      for (const obj of ctx.index.byKind(kind)) {
        const type = obj.spec?.[field]?.type;
        if (type === void 0 || type === null || type === "RollingUpdate") continue;
        yield {
          object: obj,
          path: `spec.${field}.type`,
          observed: String(type),
          message: `${kind} "${obj.metadata.name}" uses the ${type} update strategy.`
        };
      }
    }
  }
});

// packages/rules/src/rules/reliability/selector-template-mismatch.ts
var selectorTemplateMismatch = defineRule({
  id: "selector-template-mismatch",
  title: "Workload selector does not match its pod template",
  category: "reliability",
  severity: "medium",
  kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"],
  description: "A controller whose selector does not select its own pod template's labels is rejected by the API or, for older objects, never manages its pods.",
  remediation: "Make spec.selector match labels present in spec.template.metadata.labels.",
  references: ["https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector"],
  peers: { kubeLinter: ["mismatching-selector"], kubescape: ["C-0296"] },
  *evaluate(ctx) {
    for (const kind of ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"]) {
      for (const obj of ctx.index.byKind(kind)) {
        const ref = podSpecOf(obj);
        if (!ref) continue;
        const sel = obj.spec?.selector;
        if (kind === "ReplicationController") {
          if (!sel || Object.keys(sel).length === 0 || mapSelectorMatches(sel, ref.meta.labels)) continue;
        } else {
          if (sel === void 0 || sel === null) continue;
          if (selectorMatches(sel, ref.meta.labels)) continue;
        }
        yield {
          object: obj,
          path: "spec.selector",
          message: `${kind} "${obj.metadata.name}" selector does not match its pod template labels.`
        };
      }
    }
  }
});

// packages/rules/src/rules/reliability/topology-spread-missing.ts
var SPREAD_KEYS = /* @__PURE__ */ new Set(["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
var topologySpreadMissing = defineRule({
  id: "topology-spread-missing",
  title: "No topology spread across nodes or zones",
  category: "reliability",
  severity: "low",
  kinds: ["Pod", "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"],
  description: "Without a topologySpreadConstraint on kubernetes.io/hostname or topology.kubernetes.io/zone the scheduler may pack every replica onto one node or zone, which then takes the whole service down when it fails.",
  remediation: "Add topologySpreadConstraints with topologyKey topology.kubernetes.io/zone and/or kubernetes.io/hostname and a labelSelector matching the pods.",
  references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/"],
  peers: { polaris: ["topologySpreadConstraint"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.object.kind === "DaemonSet" || isBatch(ref)) continue;
      const tsc = ref.spec.topologySpreadConstraints;
      const list2 = Array.isArray(tsc) ? tsc : [];
      if (list2.some((c) => c && SPREAD_KEYS.has(c.topologyKey))) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.topologySpreadConstraints`,
        observed: list2.length === 0 ? "<none>" : list2.map((c) => String(c?.topologyKey)).join(","),
        message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" have no spread constraint across nodes or zones.`
      };
    }
  }
});

// packages/rules/src/rules/reliability/index.ts
var reliabilityRules = [
  deploymentSingleReplica,
  pdbMissing,
  pdbDisruptionsZero,
  pdbMinAvailableTooHigh,
  pdbUnhealthyEvictionPolicy,
  hpaMinReplicasLow,
  hpaMinEqualsMax,
  hpaTargetNotFound,
  priorityClassNotSet,
  topologySpreadMissing,
  podAntiAffinityMissing,
  rollingUpdateStrategyMissing,
  selectorTemplateMismatch,
  jobTtlMissing,
  instanceLabelMismatch,
  nakedPod,
  duplicateEnvVar,
  nodeAffinityMissing,
  recommendedLabelsMissing
];

// packages/rules/src/helpers/resources.ts
var NO_EPHEMERAL = Object.freeze({ ephemeral: false });
function hasQuantity(v) {
  if (v === void 0 || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  return typeof v === "number";
}
function* missingResource(ctx, section, resource, describe, example) {
  const byPath = /* @__PURE__ */ new Map();
  const content = `resources:
  ${section}:
    ${resource}: ${example}`;
  for (const ref of podSpecs(ctx)) {
    for (const c of containers(ref, NO_EPHEMERAL)) {
      const res = c.container.resources;
      const sec = res && typeof res === "object" ? res[section] : void 0;
      const v = sec && typeof sec === "object" ? sec[resource] : void 0;
      if (hasQuantity(v)) continue;
      const name = typeof c.container.name === "string" ? c.container.name : "?";
      let at = byPath.get(c.path);
      if (!at) {
        at = {
          path: `${c.path}.resources.${section}.${resource}`,
          fix: Object.freeze({ type: "yaml", content, description: `Add under ${c.path}; size it from observed usage.` })
        };
        byPath.set(c.path, at);
      }
      yield { object: ref.object, path: at.path, message: `Container "${name}" sets no ${describe}.`, fix: at.fix };
    }
  }
}

// packages/rules/src/rules/resources/cpu-limits-missing.ts
var cpuLimitsMissing = defineRule({
  id: "cpu-limits-missing",
  title: "Container without a CPU limit",
  category: "resources",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "A container without resources.limits.cpu can use every idle core on its node; a runaway or compromised process (e.g. a cryptominer) then degrades its neighbours.",
  remediation: "Set resources.limits.cpu on every container, or enforce a default through a namespace LimitRange.",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  peers: {
    polaris: ["cpuLimitsMissing"],
    kubeLinter: ["unset-cpu-requirements"],
    kubescape: ["C-0270", "C-0050", "C-0009"],
    trivy: ["KSV-0011"],
    nsa: ["RP"]
  },
  evaluate: (ctx) => missingResource(ctx, "limits", "cpu", "CPU limit (resources.limits.cpu)", "500m")
});

// packages/rules/src/rules/resources/cpu-requests-missing.ts
var cpuRequestsMissing = defineRule({
  id: "cpu-requests-missing",
  title: "Container without a CPU request",
  category: "resources",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "Without resources.requests.cpu the scheduler places the pod as if it needed no CPU, so nodes get overcommitted and the pod is first to be starved under contention.",
  remediation: "Set resources.requests.cpu on every container to its typical CPU use.",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  peers: {
    polaris: ["cpuRequestsMissing"],
    kubeLinter: ["unset-cpu-requirements"],
    kubescape: ["C-0268", "C-0050"],
    trivy: ["KSV-0015"],
    nsa: ["RP"]
  },
  evaluate: (ctx) => missingResource(ctx, "requests", "cpu", "CPU request (resources.requests.cpu)", "100m")
});

// packages/rules/src/rules/resources/ephemeral-storage-limits-missing.ts
var ephemeralStorageLimitsMissing = defineRule({
  id: "ephemeral-storage-limits-missing",
  title: "Container without an ephemeral-storage limit",
  category: "resources",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "Writable layers, logs and emptyDir volumes share the node's disk. A container without resources.limits.ephemeral-storage can fill it and get every pod on the node evicted for disk pressure.",
  remediation: "Set resources.limits.ephemeral-storage on every container (and sizeLimit on emptyDir volumes).",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#local-ephemeral-storage"],
  peers: { nsa: ["RP"] },
  evaluate: (ctx) => missingResource(ctx, "limits", "ephemeral-storage", "ephemeral-storage limit (resources.limits.ephemeral-storage)", "1Gi")
});

// packages/rules/src/rules/resources/limitrange-incomplete.ts
var FIELDS2 = ["default", "defaultRequest", "max", "min"];
var limitrangeIncomplete = defineRule({
  id: "limitrange-incomplete",
  title: "LimitRange without defaults and bounds",
  category: "resources",
  severity: "low",
  kinds: ["LimitRange"],
  description: "A LimitRange only protects a namespace when it sets default limits, default requests and min/max bounds; one missing any of these leaves containers without resources unconstrained.",
  remediation: "Give the LimitRange a type: Container entry with default, defaultRequest, max and min.",
  references: ["https://kubernetes.io/docs/concepts/policy/limit-range/"],
  peers: { trivy: ["KSV-0039"], nsa: ["RP"] },
  *evaluate(ctx) {
    for (const lr of ctx.index.byKind("LimitRange")) {
      const limits = lr.spec?.limits;
      if (!Array.isArray(limits) || limits.length === 0) {
        yield { object: lr, path: "spec.limits", message: `LimitRange "${lr.metadata.name}" defines no limits.` };
        continue;
      }
      const missing2 = [];
      for (const f of FIELDS2) {
        if (!limits.some((l) => l && typeof l === "object" && l[f] && typeof l[f] === "object" && Object.keys(l[f]).length > 0)) {
          missing2.push(f);
        }
      }
      if (!limits.some((l) => l && typeof l.type === "string")) missing2.push("type");
      if (missing2.length === 0) continue;
      yield {
        object: lr,
        path: "spec.limits",
        observed: missing2.join(","),
        message: `LimitRange "${lr.metadata.name}" sets no ${missing2.join(", ")}.`
      };
    }
  }
});

// packages/rules/src/rules/resources/memory-limits-missing.ts
var memoryLimitsMissing = defineRule({
  id: "memory-limits-missing",
  title: "Container without a memory limit",
  category: "resources",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "A container without resources.limits.memory can consume all memory on its node, triggering the kernel OOM killer against other workloads (a denial of service).",
  remediation: "Set resources.limits.memory on every container, or enforce a default through a namespace LimitRange.",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  peers: {
    polaris: ["memoryLimitsMissing"],
    kubeLinter: ["unset-memory-requirements"],
    kubescape: ["C-0271", "C-0004", "C-0009"],
    trivy: ["KSV-0018"],
    nsa: ["RP"]
  },
  evaluate: (ctx) => missingResource(ctx, "limits", "memory", "memory limit (resources.limits.memory)", "256Mi")
});

// packages/rules/src/rules/resources/memory-requests-missing.ts
var memoryRequestsMissing = defineRule({
  id: "memory-requests-missing",
  title: "Container without a memory request",
  category: "resources",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "Without resources.requests.memory the pod is scheduled as if it needed no memory and is among the first evicted when the node runs short.",
  remediation: "Set resources.requests.memory on every container to its steady-state memory use.",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  peers: {
    polaris: ["memoryRequestsMissing"],
    kubeLinter: ["unset-memory-requirements"],
    kubescape: ["C-0269", "C-0004"],
    trivy: ["KSV-0016"],
    nsa: ["RP"]
  },
  evaluate: (ctx) => missingResource(ctx, "requests", "memory", "memory request (resources.requests.memory)", "128Mi")
});

// packages/rules/src/helpers/namespaces-scan.ts
var SYSTEM_NAMESPACES = /* @__PURE__ */ new Set(["kube-system", "kube-public", "kube-node-lease"]);
function userNamespaces(ctx) {
  const out = [];
  for (const ns of ctx.index.byKind("Namespace")) {
    const name = ns.metadata?.name;
    if (!name || SYSTEM_NAMESPACES.has(name)) continue;
    if (ns.status?.phase === "Terminating") continue;
    out.push(ns);
  }
  return out;
}
function namespacesWithKind(ctx, kind) {
  const s2 = /* @__PURE__ */ new Set();
  for (const o of ctx.index.byKind(kind)) s2.add(nsOf(o));
  return s2;
}

// packages/rules/src/rules/resources/namespace-without-limitrange.ts
var namespaceWithoutLimitrange = defineRule({
  id: "namespace-without-limitrange",
  title: "Namespace without a LimitRange",
  category: "resources",
  severity: "low",
  kinds: ["Namespace"],
  requiresKinds: ["LimitRange"],
  clusterScope: true,
  description: "A LimitRange gives containers that omit requests/limits sane defaults and caps what one container may ask for. Without one, a single manifest missing resources can take a node.",
  remediation: "Create a LimitRange in the namespace with default, defaultRequest, min and max for type Container.",
  references: ["https://kubernetes.io/docs/concepts/policy/limit-range/"],
  peers: { nsa: ["RP"] },
  *evaluate(ctx) {
    const have = namespacesWithKind(ctx, "LimitRange");
    for (const ns of userNamespaces(ctx)) {
      const name = ns.metadata.name;
      if (have.has(name)) continue;
      const f = {
        object: ns,
        path: "metadata.name",
        observed: name,
        message: `Namespace "${name}" has no LimitRange, so containers without resources get no defaults or caps.`,
        fix: {
          type: "yaml",
          content: `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: ${name}
spec:
  limits:
    - type: Container
      default: { cpu: 500m, memory: 256Mi }
      defaultRequest: { cpu: 100m, memory: 128Mi }
      max: { cpu: "2", memory: 2Gi }
      min: { cpu: 10m, memory: 16Mi }`
        }
      };
      yield f;
    }
  }
});

// packages/rules/src/rules/resources/namespace-without-resourcequota.ts
var namespaceWithoutResourcequota = defineRule({
  id: "namespace-without-resourcequota",
  title: "Namespace without a ResourceQuota",
  category: "resources",
  severity: "low",
  kinds: ["Namespace"],
  requiresKinds: ["ResourceQuota"],
  clusterScope: true,
  description: "A ResourceQuota bounds the total CPU, memory and object count one namespace (one team or tenant) can claim. Without one, a single namespace can exhaust the cluster.",
  remediation: "Create a ResourceQuota in the namespace with requests.cpu, requests.memory, limits.cpu and limits.memory.",
  references: ["https://kubernetes.io/docs/concepts/policy/resource-quotas/"],
  peers: { nsa: ["RP"] },
  *evaluate(ctx) {
    const have = namespacesWithKind(ctx, "ResourceQuota");
    for (const ns of userNamespaces(ctx)) {
      const name = ns.metadata.name;
      if (have.has(name)) continue;
      yield {
        object: ns,
        path: "metadata.name",
        observed: name,
        message: `Namespace "${name}" has no ResourceQuota, so nothing bounds what it can consume.`,
        fix: {
          type: "yaml",
          content: `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: ${name}
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 8Gi
    limits.cpu: "8"
    limits.memory: 16Gi`
        }
      };
    }
  }
});

// packages/rules/src/rules/resources/resourcequota-incomplete.ts
var REQUIRED = [
  ["requests.cpu", ["requests.cpu", "cpu"]],
  ["requests.memory", ["requests.memory", "memory"]],
  ["limits.cpu", ["limits.cpu"]],
  ["limits.memory", ["limits.memory"]]
];
var resourcequotaIncomplete = defineRule({
  id: "resourcequota-incomplete",
  title: "ResourceQuota without CPU and memory bounds",
  category: "resources",
  severity: "low",
  kinds: ["ResourceQuota"],
  description: "A ResourceQuota that does not bound requests and limits for both CPU and memory leaves the namespace free to claim unbounded compute.",
  remediation: "Set spec.hard requests.cpu, requests.memory, limits.cpu and limits.memory on the quota.",
  references: ["https://kubernetes.io/docs/concepts/policy/resource-quotas/"],
  peers: { trivy: ["KSV-0040"], nsa: ["RP"] },
  *evaluate(ctx) {
    for (const rq of ctx.index.byKind("ResourceQuota")) {
      const hard = rq.spec?.hard;
      const h = hard && typeof hard === "object" ? hard : {};
      const missing2 = REQUIRED.filter(([, keys]) => !keys.some((k) => h[k] !== void 0 && h[k] !== null && h[k] !== "")).map(([n2]) => n2);
      if (missing2.length === 0) continue;
      yield {
        object: rq,
        path: hard && typeof hard === "object" ? "spec.hard" : "spec",
        observed: missing2.join(","),
        message: `ResourceQuota "${rq.metadata.name}" does not bound ${missing2.join(", ")}.`
      };
    }
  }
});

// packages/rules/src/rules/resources/index.ts
var resourcesRules = [
  cpuRequestsMissing,
  cpuLimitsMissing,
  memoryRequestsMissing,
  memoryLimitsMissing,
  ephemeralStorageLimitsMissing,
  namespaceWithoutLimitrange,
  namespaceWithoutResourcequota,
  limitrangeIncomplete,
  resourcequotaIncomplete
];

// packages/rules/src/rules/secrets/default-service-account-used.ts
var defaultServiceAccountUsed = defineRule({
  id: "default-service-account-used",
  title: "Workload runs as the default ServiceAccount",
  category: "secrets",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "Every pod that names no ServiceAccount shares the namespace's default one, so any permission granted to it (often by a careless RoleBinding) reaches all of them, and audit logs cannot tell the workloads apart.",
  remediation: "Create a dedicated ServiceAccount per workload and set serviceAccountName; grant it only what the workload needs.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/"],
  peers: { kubeLinter: ["default-service-account"], cis: ["5.1.5"], nsa: ["RBAC"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isMirrorPod(ref.object)) continue;
      const name = ref.spec.serviceAccountName || ref.spec.serviceAccount || "";
      if (name && name !== "default") continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccountName`,
        observed: name || "<unset>",
        message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" run as the namespace's default ServiceAccount.`
      };
    }
  }
});

// packages/rules/src/rules/secrets/default-serviceaccount-automount.ts
var defaultServiceaccountAutomount = defineRule({
  id: "default-serviceaccount-automount",
  title: "Default ServiceAccount automounts its token",
  category: "secrets",
  severity: "low",
  kinds: ["ServiceAccount"],
  description: "The default ServiceAccount is used by every pod that names none. Unless it sets automountServiceAccountToken: false, all those pods carry an API token they almost never need.",
  remediation: "Set automountServiceAccountToken: false on the default ServiceAccount of each namespace.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"],
  peers: { kubescape: ["C-0189"], cis: ["5.1.5"], nsa: ["PS-SA"] },
  *evaluate(ctx) {
    for (const sa of ctx.index.byKind("ServiceAccount")) {
      if (sa.metadata.name !== "default") continue;
      if (sa.automountServiceAccountToken === false) continue;
      yield {
        object: sa,
        path: "automountServiceAccountToken",
        observed: sa.automountServiceAccountToken === true ? "true" : "<unset>",
        message: `The default ServiceAccount in namespace "${sa.metadata.namespace ?? "default"}" automounts its token.`,
        fix: { type: "merge-patch", content: '{"automountServiceAccountToken":false}' }
      };
    }
  }
});

// packages/rules/src/rules/secrets/deprecated-service-account-field.ts
var deprecatedServiceAccountField = defineRule({
  id: "deprecated-service-account-field",
  title: "Deprecated spec.serviceAccount field used",
  category: "secrets",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "spec.serviceAccount is a deprecated alias of serviceAccountName. Setting it alone, or to a different value, makes the identity a pod runs as depend on which field a tool reads.",
  remediation: "Set serviceAccountName and remove serviceAccount.",
  references: ["https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security"],
  peers: { kubeLinter: ["deprecated-service-account-field"], kubescape: ["C-0294"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const old = ref.spec.serviceAccount;
      if (typeof old !== "string" || old === "") continue;
      if (ref.spec.serviceAccountName === old) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccount`,
        observed: old,
        message: `Pod spec uses the deprecated serviceAccount field ("${old}").`
      };
    }
  }
});

// packages/rules/src/rules/secrets/env-reference-not-found.ts
function keyMissing(obj, key) {
  if (typeof key !== "string") return false;
  const o = obj;
  for (const f of ["data", "stringData", "binaryData"]) if (o[f] && typeof o[f] === "object" && key in o[f]) return false;
  return true;
}
function lookup(ctx, kind, ns, name) {
  if (typeof name !== "string" || !name) return null;
  if (!ctx.snapshot.kindsComplete && ctx.index.byKind(kind).length === 0) return null;
  return findNamed(ctx, kind, ns, name);
}
var envReferenceNotFound = defineRule({
  id: "env-reference-not-found",
  title: "Env var references a missing Secret, ConfigMap or key",
  category: "secrets",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["Secret", "ConfigMap"],
  description: "A non-optional secretKeyRef / configMapKeyRef / envFrom reference to an object or key that does not exist keeps the container from starting (CreateContainerConfigError).",
  remediation: "Create the referenced Secret/ConfigMap and key, fix the reference, or mark it optional: true if the app copes without it.",
  references: ["https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/"],
  peers: { kubeLinter: ["env-value-from"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const ns = ref.object.metadata.namespace;
      for (const c of containers(ref)) {
        const env2 = c.container.env;
        if (Array.isArray(env2)) {
          for (let i = 0; i < env2.length; i++) {
            const vf = env2[i]?.valueFrom;
            if (!vf) continue;
            for (const [field, kind] of [["secretKeyRef", "Secret"], ["configMapKeyRef", "ConfigMap"]]) {
              const r2 = vf[field];
              if (!r2 || r2.optional === true) continue;
              const obj = lookup(ctx, kind, ns, r2.name);
              if (obj === null) continue;
              if (obj && !keyMissing(obj, r2.key)) continue;
              yield {
                object: ref.object,
                path: `${c.path}.env[${i}].valueFrom.${field}`,
                observed: `${r2.name}/${r2.key ?? ""}`,
                message: obj ? `${kind} "${r2.name}" has no key "${r2.key}" (env var ${env2[i].name ?? "?"}).` : `${kind} "${r2.name}" referenced by env var ${env2[i].name ?? "?"} does not exist.`
              };
            }
          }
        }
        const envFrom = c.container.envFrom;
        if (Array.isArray(envFrom)) {
          for (let i = 0; i < envFrom.length; i++) {
            for (const [field, kind] of [["secretRef", "Secret"], ["configMapRef", "ConfigMap"]]) {
              const r2 = envFrom[i]?.[field];
              if (!r2 || r2.optional === true) continue;
              if (lookup(ctx, kind, ns, r2.name) !== void 0) continue;
              yield {
                object: ref.object,
                path: `${c.path}.envFrom[${i}].${field}`,
                observed: String(r2.name),
                message: `${kind} "${r2.name}" loaded by envFrom does not exist.`
              };
            }
          }
        }
      }
    }
  }
});

// packages/rules/src/rules/secrets/sa-token-automount.ts
var saTokenAutomount = defineRule({
  id: "sa-token-automount",
  title: "Service account token mounted into pods",
  category: "secrets",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["ServiceAccount"],
  description: "Unless automountServiceAccountToken is false on the pod, or left unset on the pod and false on its ServiceAccount, every container gets an API token. Anyone who compromises the container can then call the Kubernetes API with the ServiceAccount's permissions.",
  remediation: "Set automountServiceAccountToken: false on the pod spec (or on its ServiceAccount); mount a projected token only in pods that call the API.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"],
  peers: { polaris: ["automountServiceAccountToken"], kubescape: ["C-0034", "C-0190"], cis: ["5.1.6"], nsa: ["PS-SA"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isMirrorPod(ref.object)) continue;
      const podSetting = ref.spec.automountServiceAccountToken;
      if (podSetting === false) continue;
      const path3 = `${ref.path}.automountServiceAccountToken`;
      const fix = mergePatchFix(path3, false, "Disable token automounting for this pod template.");
      if (podSetting === true) {
        yield { object: ref.object, path: path3, observed: "true", message: `Pod spec sets automountServiceAccountToken: true.`, ...fix ? { fix } : {} };
        continue;
      }
      const saName = typeof ref.spec.serviceAccountName === "string" && ref.spec.serviceAccountName || typeof ref.spec.serviceAccount === "string" && ref.spec.serviceAccount || "default";
      const sa = findNamed(ctx, "ServiceAccount", ref.object.metadata.namespace, saName);
      if (sa && sa.automountServiceAccountToken === false) continue;
      yield {
        object: ref.object,
        path: path3,
        observed: "<unset>",
        message: sa ? `Pod spec leaves automountServiceAccountToken unset and ServiceAccount "${saName}" does not disable it, so the token is mounted.` : `Pod spec leaves automountServiceAccountToken unset; ServiceAccount "${saName}" is not in the set, so the token is mounted by default.`,
        ...fix ? { fix } : {}
      };
    }
  }
});

// packages/rules/src/rules/secrets/sa-token-explicitly-mounted.ts
var TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
var saTokenExplicitlyMounted = defineRule({
  id: "sa-token-explicitly-mounted",
  title: "Pod spec opts in to the service account token",
  category: "secrets",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "A pod spec that sets automountServiceAccountToken: true, or leaves it unset while mounting a volume at the token directory by hand, deliberately hands its containers API credentials, overriding any opt-out on the ServiceAccount. Pods that disable automounting and mount a projected token on purpose are not flagged.",
  remediation: "Set automountServiceAccountToken: false; where the API is really needed, mount a projected serviceAccountToken volume with a short expiry and a specific audience.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#assign-to-pod"],
  peers: { trivy: ["KSV-0036"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const setting = ref.spec.automountServiceAccountToken;
      if (setting === true) {
        yield {
          object: ref.object,
          path: `${ref.path}.automountServiceAccountToken`,
          observed: "true",
          message: `Pod spec of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" explicitly enables service account token automounting.`
        };
        continue;
      }
      if (setting === false) continue;
      for (const c of containers(ref)) {
        const mounts = c.container.volumeMounts;
        if (!Array.isArray(mounts)) continue;
        const i = mounts.findIndex((m) => typeof m?.mountPath === "string" && m.mountPath.replace(/\/+$/, "") === TOKEN_DIR);
        if (i < 0) continue;
        yield {
          object: ref.object,
          path: `${c.path}.volumeMounts[${i}].mountPath`,
          observed: TOKEN_DIR,
          message: `Container "${c.container.name ?? "?"}" mounts a volume at the service account token directory while automounting is not disabled.`
        };
      }
    }
  }
});

// packages/rules/src/rules/secrets/secret-in-env-var.ts
var secretInEnvVar = defineRule({
  id: "secret-in-env-var",
  title: "Secret consumed as an environment variable",
  category: "secrets",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "Secrets passed as environment variables leak easily: they are inherited by every child process, printed by crash handlers and debug endpoints, and visible through /proc. Mounted files can be permission-restricted and rotate without a restart.",
  remediation: "Mount the Secret as a volume (readOnly) and have the application read the file.",
  references: ["https://kubernetes.io/docs/concepts/security/secrets-good-practices/"],
  peers: { kubeLinter: ["read-secret-from-env-var"], kubescape: ["C-0207"], cis: ["5.4.1"], nsa: ["SEC"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const env2 = c.container.env;
        if (Array.isArray(env2)) {
          for (let i = 0; i < env2.length; i++) {
            const sk = env2[i]?.valueFrom?.secretKeyRef;
            if (!sk) continue;
            yield {
              object: ref.object,
              path: `${c.path}.env[${i}].valueFrom.secretKeyRef`,
              observed: `${sk.name ?? "?"}/${sk.key ?? "?"}`,
              message: `Container "${c.container.name ?? "?"}" reads Secret ${sk.name ?? "?"} into env var ${env2[i].name ?? "?"}.`
            };
          }
        }
        const envFrom = c.container.envFrom;
        if (Array.isArray(envFrom)) {
          for (let i = 0; i < envFrom.length; i++) {
            const sr = envFrom[i]?.secretRef;
            if (!sr) continue;
            yield {
              object: ref.object,
              path: `${c.path}.envFrom[${i}].secretRef`,
              observed: String(sr.name ?? "?"),
              message: `Container "${c.container.name ?? "?"}" loads every key of Secret ${sr.name ?? "?"} as env vars.`
            };
          }
        }
      }
    }
  }
});

// packages/rules/src/helpers/secrets.ts
var SENSITIVE_NAME = /password|passwd|passphrase|secret|token|bearer|api[_-]?key|private[_-]?key|^aws_secret_access_key$|^azure_.+key$|^oci_cli_key_content$/i;
var REFERENCE_NAME = /[_.-](file|path|dir|name|ref|url|uri|endpoint|type|ttl|expiry|expiration|header|length|timeout)$/i;
var REFERENCE_CAMEL = /[a-z0-9](File|Path|Dir|Name|Ref|Url|Uri|Endpoint|Type|Ttl|Expiry|Header|Length|Timeout)$/;
var PRIVATE_KEY = /-BEGIN\s+[A-Z0-9 ]*PRIVATE KEY-/i;
var INTERPOLATION = /^["']?(\$\{|\$\(|\{\{)/;
var TRIVIAL = /^(true|false|yes|no|null|none|[0-9.]+[smhd]?)$/i;
function isSensitiveName(name) {
  return SENSITIVE_NAME.test(name) && !REFERENCE_NAME.test(name) && !REFERENCE_CAMEL.test(name);
}
function containsPrivateKey(value) {
  const at = value.indexOf("PRIVATE KEY");
  return at >= 0 && PRIVATE_KEY.test(value.slice(Math.max(0, at - 64), at + 16));
}
function looksLikeSecretValue(value) {
  if (typeof value !== "string") return false;
  const v = value.trim();
  if (v === "") return false;
  if (INTERPOLATION.test(v)) return false;
  return !TRIVIAL.test(v);
}
var KEYWORD = /pass|pwd|secret|token|bearer|api[_-]?key|private[_-]?key|_key\b/gi;
var ASSIGNMENT = /^(?:export\s+|-\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[=:]\s*(.*)$/;
var MAX_LINE = 4096;
var KEYWORD_LOWER = /pass|pwd|secret|token|bearer|api[_-]?key|private|_key/;
var KEYWORD_ANY_CASE = /pass|pwd|secret|token|bearer|api[_-]?key|private|_key/i;
function mightHoldKeyword(text) {
  return text.length < 4096 ? KEYWORD_ANY_CASE.test(text) : KEYWORD_LOWER.test(text.toLowerCase());
}
function sensitiveAssignments(text) {
  const out = [];
  if (!mightHoldKeyword(text)) return out;
  KEYWORD.lastIndex = 0;
  let lastLineStart = -1;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    const start = text.lastIndexOf("\n", m.index) + 1;
    let end = text.indexOf("\n", m.index);
    if (end < 0) end = text.length;
    KEYWORD.lastIndex = end;
    if (start === lastLineStart || end - start > MAX_LINE) continue;
    lastLineStart = start;
    const line = text.slice(start, end).trim();
    if (line === "" || line.startsWith("#")) continue;
    const a = ASSIGNMENT.exec(line);
    if (!a) continue;
    const name = a[1];
    let value = a[2].replace(/,\s*$/, "").trim();
    if (/^["'].*["']$/.test(value)) value = value.slice(1, -1);
    if (!isSensitiveName(name) || !looksLikeSecretValue(value)) continue;
    if (value === "|" || value === ">" || value === "{" || value === "[") continue;
    out.push(name);
  }
  return out;
}

// packages/rules/src/rules/secrets/sensitive-configmap-content.ts
var LARGE = 4096;
var dataPath = (key) => `data["${key}"]`;
var memos = /* @__PURE__ */ new WeakMap();
var sensitiveConfigmapContent = defineRule({
  id: "sensitive-configmap-content",
  title: "Credential stored in a ConfigMap",
  category: "secrets",
  severity: "high",
  kinds: ["ConfigMap"],
  description: "ConfigMaps are not secret: any role that can read them (often broad), kubectl describe, and backups expose their content in plain text. A key named like a credential, a private key, or a PASSWORD=... line inside a config file belongs in a Secret.",
  remediation: "Move the credential into a Secret (or an external secret manager) and mount or reference it from there; keep only non-sensitive settings in the ConfigMap.",
  references: ["https://kubernetes.io/docs/concepts/configuration/configmap/"],
  peers: { polaris: ["sensitiveConfigmapContent"], trivy: ["KSV-0109"], kubescape: ["C-0012"], cis: ["5.4.1"], nsa: ["SEC"] },
  *evaluate(ctx) {
    for (const cm of ctx.index.byKind("ConfigMap")) {
      const data = cm.data;
      if (!data || typeof data !== "object") continue;
      for (const key of Object.keys(data)) {
        const v = data[key];
        if (isSensitiveName(key) && looksLikeSecretValue(v)) {
          yield { object: cm, path: dataPath(key), observed: key, message: `ConfigMap "${cm.metadata.name}" key ${key} is named like a credential.` };
          continue;
        }
        if (typeof v !== "string") continue;
        let privateKey;
        let names;
        if (v.length > LARGE) {
          let memo2 = memos.get(ctx.index);
          if (!memo2) memos.set(ctx.index, memo2 = /* @__PURE__ */ new Map());
          let verdict = memo2.get(v);
          if (!verdict) {
            const pk = containsPrivateKey(v);
            verdict = { privateKey: pk, names: pk ? [] : sensitiveAssignments(v) };
            memo2.set(v, verdict);
          }
          ({ privateKey, names } = verdict);
        } else {
          privateKey = containsPrivateKey(v);
          names = privateKey ? [] : sensitiveAssignments(v);
        }
        if (privateKey) {
          yield { object: cm, path: dataPath(key), observed: key, message: `ConfigMap "${cm.metadata.name}" key ${key} holds a private key.` };
          continue;
        }
        if (names.length > 0) {
          yield {
            object: cm,
            path: dataPath(key),
            observed: key,
            message: `ConfigMap "${cm.metadata.name}" key ${key} assigns credential-like settings (${names.slice(0, 3).join(", ")}) in plain text.`
          };
        }
      }
    }
  }
});

// packages/rules/src/rules/secrets/sensitive-env-var-literal.ts
var sensitiveEnvVarLiteral = defineRule({
  id: "sensitive-env-var-literal",
  title: "Credential written as an environment variable literal",
  category: "secrets",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description: "An env var named like a credential (PASSWORD, TOKEN, SECRET, AWS_SECRET_ACCESS_KEY, ...) with a literal value, or any env value holding a private key, puts the credential in the workload spec: readable by anyone who can get the Deployment, stored in git, etcd and every audit log.",
  remediation: "Move the value into a Secret (ideally synced from a secret manager) and reference it with valueFrom.secretKeyRef or a mounted file.",
  references: ["https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables"],
  peers: { polaris: ["sensitiveContainerEnvVar"], kubeLinter: ["env-var-secret"], kubescape: ["C-0012"], cis: ["5.4.1"], nsa: ["SEC"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const env2 = c.container.env;
        if (!Array.isArray(env2)) continue;
        for (let i = 0; i < env2.length; i++) {
          const e = env2[i];
          if (!e || typeof e !== "object" || typeof e.name !== "string" || e.valueFrom) continue;
          const v = e.value;
          const keyHit = isSensitiveName(e.name) && looksLikeSecretValue(v);
          const valueHit = typeof v === "string" && containsPrivateKey(v);
          if (!keyHit && !valueHit) continue;
          yield {
            object: ref.object,
            path: `${c.path}.env[${i}].value`,
            observed: e.name,
            message: valueHit ? `Container "${c.container.name ?? "?"}" env var ${e.name} holds a private key in plain text.` : `Container "${c.container.name ?? "?"}" sets credential-like env var ${e.name} to a literal value.`
          };
        }
      }
    }
  }
});

// packages/rules/src/rules/secrets/serviceaccount-not-found.ts
var serviceaccountNotFound = defineRule({
  id: "serviceaccount-not-found",
  title: "Workload references a ServiceAccount that does not exist",
  category: "secrets",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["ServiceAccount"],
  clusterScope: true,
  description: "Pods naming a missing ServiceAccount are rejected at creation, so the workload cannot start or scale; and whoever later creates an account with that name silently decides its permissions.",
  remediation: "Create the ServiceAccount (with least-privilege bindings) or fix serviceAccountName.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/"],
  peers: { kubeLinter: ["non-existent-service-account"], kubescape: ["C-0307"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const name = ref.spec.serviceAccountName || ref.spec.serviceAccount;
      if (typeof name !== "string" || !name || name === "default") continue;
      if (findNamed(ctx, "ServiceAccount", ref.object.metadata.namespace, name)) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccountName`,
        observed: name,
        message: `ServiceAccount "${name}" does not exist in namespace "${ref.object.metadata.namespace ?? "default"}".`
      };
    }
  }
});

// packages/rules/src/rules/secrets/workload-mounts-secret.ts
var workloadMountsSecret = defineRule({
  id: "workload-mounts-secret",
  title: "Workload mounts a Secret",
  category: "secrets",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  description: "Inventory of pods that mount Secret volumes (directly or through a projected volume): a compromise of any of them discloses those credentials, so they deserve the tightest hardening and network isolation.",
  remediation: "Confirm each mounted Secret is needed, mount only the keys used (items), and keep defaultMode restrictive (0400).",
  references: ["https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod"],
  peers: { kubescape: ["C-0255"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const vols = ref.spec.volumes;
      if (!Array.isArray(vols)) continue;
      for (let i = 0; i < vols.length; i++) {
        const v = vols[i];
        if (!v || typeof v !== "object") continue;
        const names = [];
        if (v.secret?.secretName) names.push(String(v.secret.secretName));
        if (Array.isArray(v.projected?.sources)) {
          for (const s2 of v.projected.sources) if (s2?.secret?.name) names.push(String(s2.secret.name));
        }
        if (names.length === 0) continue;
        yield {
          object: ref.object,
          path: `${ref.path}.volumes[${i}]`,
          observed: names.join(","),
          message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" mount Secret ${names.join(", ")}.`
        };
      }
    }
  }
});

// packages/rules/src/rules/secrets/index.ts
var secretsRules = [
  sensitiveEnvVarLiteral,
  sensitiveConfigmapContent,
  secretInEnvVar,
  saTokenAutomount,
  saTokenExplicitlyMounted,
  defaultServiceAccountUsed,
  defaultServiceaccountAutomount,
  serviceaccountNotFound,
  deprecatedServiceAccountField,
  envReferenceNotFound,
  workloadMountsSecret
];

// packages/rules/src/helpers/control-plane.ts
var NOT_VISIBLE = "control plane not visible (managed cluster?)";
function basename(s2) {
  const i = s2.lastIndexOf("/");
  return i >= 0 ? s2.slice(i + 1) : s2;
}
var COMPONENTS = ["kube-apiserver", "etcd", "kube-controller-manager", "kube-scheduler"];
function componentOf(pod, container) {
  const cmd = Array.isArray(container?.command) ? container.command : [];
  const first = typeof cmd[0] === "string" ? cmd[0] : void 0;
  if (first && !first.startsWith("-")) {
    const b = basename(first);
    return COMPONENTS.includes(b) ? b : void 0;
  }
  const label = pod.metadata?.labels?.component;
  if (label && COMPONENTS.includes(label)) return label;
  const image = typeof container?.image === "string" ? basename(container.image.split("@")[0].split(":")[0]) : "";
  return COMPONENTS.includes(image) ? image : void 0;
}
function parseFlags(container, containerPath) {
  const flags = /* @__PURE__ */ new Map();
  for (const field of ["command", "args"]) {
    const list2 = Array.isArray(container?.[field]) ? container[field] : [];
    for (let i = 0; i < list2.length; i++) {
      const tok = list2[i];
      if (typeof tok !== "string" || !tok.startsWith("--")) continue;
      const path3 = `${containerPath}.${field}[${i}]`;
      const eq = tok.indexOf("=");
      if (eq > 0) {
        flags.set(tok.slice(2, eq), { value: tok.slice(eq + 1), path: path3 });
        continue;
      }
      const next = list2[i + 1];
      if (typeof next === "string" && !next.startsWith("-")) {
        flags.set(tok.slice(2), { value: next, path: path3 });
        i++;
      } else flags.set(tok.slice(2), { value: "true", path: path3 });
    }
  }
  return flags;
}
var cache4 = /* @__PURE__ */ new WeakMap();
function controlPlaneInstances(ctx) {
  const hit = cache4.get(ctx.index);
  if (hit) return hit;
  const out = [];
  for (const pod of ctx.index.byKind("Pod")) {
    const cs = pod.spec?.containers;
    if (!Array.isArray(cs)) continue;
    for (let i = 0; i < cs.length; i++) {
      const component = componentOf(pod, cs[i]);
      if (!component) continue;
      const containerPath = `spec.containers[${i}]`;
      out.push({ pod, component, containerPath, flags: parseFlags(cs[i], containerPath) });
    }
  }
  cache4.set(ctx.index, out);
  return out;
}
function listOf(v) {
  return v ? v.split(",").map((s2) => s2.trim()).filter(Boolean) : [];
}
var missing = (inst, flag, msg) => ({
  path: `${inst.containerPath}.command`,
  message: `${inst.component}: --${flag} is not set; ${msg}`
});
function mustEqual(flag, expected, def, why) {
  return (inst) => {
    const f = inst.flags.get(flag);
    const v = f?.value ?? def;
    if (v !== void 0 && v.toLowerCase() === expected.toLowerCase()) return void 0;
    if (!f) return missing(inst, flag, `${why} (set --${flag}=${expected})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value}; ${why}` };
  };
}
function mustNotEqual(flag, bad, why) {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f || f.value.toLowerCase() !== bad.toLowerCase()) return void 0;
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value}; ${why}` };
  };
}
function mustBeSet(flags, why) {
  return (inst) => {
    const absent = flags.filter((fl) => !inst.flags.get(fl)?.value);
    if (absent.length === 0) return void 0;
    return {
      path: `${inst.containerPath}.command`,
      observed: flags.filter((fl) => !absent.includes(fl)).map((fl) => `--${fl}`).join(" ") || void 0,
      message: `${inst.component}: ${absent.map((a) => `--${a}`).join(" and ")} not set; ${why}`
    };
  };
}
function mustNotBeSet(flag, why) {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f) return void 0;
    return { path: f.path, observed: `--${flag}`, message: `${inst.component}: --${flag} is set; ${why}` };
  };
}
function mustBePositive(flag, recommended, why) {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f) return missing(inst, flag, `${why} (e.g. --${flag}=${recommended})`);
    const n2 = Number(f.value);
    if (Number.isInteger(n2) && n2 > 0) return void 0;
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value} is not a positive number; ${why}` };
  };
}
function listIncludes(flag, item, defaults, why) {
  return (inst) => {
    const f = inst.flags.get(flag);
    const items = f ? listOf(f.value) : defaults;
    if (items.includes(item)) return void 0;
    if (!f) return missing(inst, flag, `${why} (include ${item})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag} does not include ${item}; ${why}` };
  };
}
function listExcludes(flag, item, defaults, why) {
  return (inst) => {
    const f = inst.flags.get(flag);
    const items = f ? listOf(f.value) : defaults;
    if (!items.includes(item)) return void 0;
    if (!f) return missing(inst, flag, `${why} (the default includes ${item})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag} includes ${item}; ${why}` };
  };
}
function featureGateNotFalse(gate, why) {
  return (inst) => {
    const f = inst.flags.get("feature-gates");
    if (!f) return void 0;
    for (const kv of listOf(f.value)) {
      const [k, v] = kv.split("=");
      if (k === gate && v?.trim().toLowerCase() === "false") {
        return { path: f.path, observed: `--feature-gates=${f.value}`, message: `${inst.component}: feature gate ${gate}=false; ${why}` };
      }
    }
    return void 0;
  };
}
function unlessAuthzConfig(check2) {
  return (inst) => inst.flags.has("authorization-config") ? void 0 : check2(inst);
}
var STRONG_CIPHERS = /* @__PURE__ */ new Set([
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
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
]);
function strongCiphers(why) {
  return (inst) => {
    const f = inst.flags.get("tls-cipher-suites");
    if (!f) return missing(inst, "tls-cipher-suites", why);
    const weak = listOf(f.value).filter((c) => !STRONG_CIPHERS.has(c));
    if (weak.length === 0) return void 0;
    return { path: f.path, observed: weak.join(","), message: `${inst.component}: weak TLS cipher suites allowed (${weak.join(", ")}); ${why}` };
  };
}
var ADMISSION = "enable-admission-plugins";
var DISABLE_ADMISSION = "disable-admission-plugins";
var CONFIG_DOC = "https://kubernetes.io/docs/reference/command-line-tools-reference/";
var CONTROL_PLANE_CHECKS = [
  // ---- kube-apiserver (CIS 1.2) ----
  {
    id: "apiserver-anonymous-auth",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.1",
    trivy: "KCV-0001",
    title: "API server allows anonymous requests",
    description: "With --anonymous-auth unset or true, requests without credentials reach the API server as system:anonymous; any RBAC grant to that user or to system:unauthenticated becomes public.",
    remediation: "Set --anonymous-auth=false on kube-apiserver (or, from 1.32, restrict anonymous access to health endpoints with an AuthenticationConfiguration).",
    check: mustEqual("anonymous-auth", "false", "true", "unauthenticated requests are accepted as system:anonymous"),
    fixture: { fail: ["--anonymous-auth=true"], pass: ["--anonymous-auth=false"] }
  },
  {
    id: "apiserver-token-auth-file",
    component: "kube-apiserver",
    severity: "high",
    cis: "1.2.2",
    trivy: "KCV-0002",
    title: "API server accepts static token file",
    description: "Static tokens from --token-auth-file never expire and are stored in clear text on the control-plane node; they cannot be revoked without restarting the API server.",
    remediation: "Remove --token-auth-file and use client certificates, OIDC or service-account tokens.",
    check: mustNotBeSet("token-auth-file", "static bearer tokens never expire"),
    fixture: { fail: ["--token-auth-file=/etc/kubernetes/tokens.csv"], pass: ["--anonymous-auth=false"] }
  },
  {
    id: "apiserver-deny-service-external-ips",
    component: "kube-apiserver",
    severity: "low",
    cis: "1.2.3",
    title: "API server does not deny Service externalIPs",
    description: "Without the DenyServiceExternalIPs admission plugin anyone who can create a Service can set spec.externalIPs and intercept traffic to those addresses (CVE-2020-8554).",
    remediation: "Add DenyServiceExternalIPs to --enable-admission-plugins (or enforce the restriction with a policy engine).",
    check: listIncludes(ADMISSION, "DenyServiceExternalIPs", [], "Services may claim arbitrary external IPs (CVE-2020-8554)"),
    fixture: { fail: ["--enable-admission-plugins=NodeRestriction"], pass: ["--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs"] }
  },
  {
    id: "apiserver-kubelet-https",
    component: "kube-apiserver",
    severity: "medium",
    trivy: "KCV-0004",
    title: "API server talks to kubelets over plain HTTP",
    description: "--kubelet-https=false makes the API server reach kubelets (logs, exec, port-forward) without TLS.",
    remediation: "Remove --kubelet-https=false (the flag was removed in 1.20; HTTPS is the only mode).",
    check: mustNotEqual("kubelet-https", "false", "API server to kubelet traffic is unencrypted"),
    fixture: { fail: ["--kubelet-https=false"], pass: ["--kubelet-https=true"] }
  },
  {
    id: "apiserver-kubelet-client-certificate",
    component: "kube-apiserver",
    severity: "high",
    cis: "1.2.4",
    trivy: "KCV-0005",
    title: "API server has no kubelet client certificate",
    description: "Without --kubelet-client-certificate and --kubelet-client-key the API server cannot authenticate to kubelets, which then must allow unauthenticated access.",
    remediation: "Set --kubelet-client-certificate and --kubelet-client-key to a client certificate the kubelets trust.",
    check: mustBeSet(["kubelet-client-certificate", "kubelet-client-key"], "kubelets cannot authenticate the API server"),
    fixture: { fail: ["--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt"], pass: ["--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt", "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key"] }
  },
  {
    id: "apiserver-kubelet-certificate-authority",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.5",
    trivy: "KCV-0006",
    title: "API server does not verify kubelet certificates",
    description: "Without --kubelet-certificate-authority the API server does not verify the kubelet's serving certificate, so connections to kubelets can be intercepted.",
    remediation: "Set --kubelet-certificate-authority to the CA that signs kubelet serving certificates.",
    check: mustBeSet(["kubelet-certificate-authority"], "kubelet serving certificates are not verified"),
    fixture: { fail: ["--anonymous-auth=false"], pass: ["--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt"] }
  },
  {
    id: "apiserver-authorization-always-allow",
    component: "kube-apiserver",
    severity: "critical",
    cis: "1.2.6",
    trivy: "KCV-0007",
    title: "API server authorizes every request (AlwaysAllow)",
    description: "The AlwaysAllow authorizer (also the default when --authorization-mode is unset) lets every authenticated request do anything: RBAC is not enforced.",
    remediation: "Set --authorization-mode=Node,RBAC.",
    check: unlessAuthzConfig(listExcludes("authorization-mode", "AlwaysAllow", ["AlwaysAllow"], "every authenticated request is allowed")),
    fixture: { fail: ["--authorization-mode=AlwaysAllow"], pass: ["--authorization-mode=Node,RBAC"] }
  },
  {
    id: "apiserver-authorization-node",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.7",
    trivy: "KCV-0008",
    title: "API server does not use the Node authorizer",
    description: "Without the Node authorizer a kubelet's credentials can read every Secret and ConfigMap in the cluster instead of only those of pods scheduled on its node.",
    remediation: "Include Node in --authorization-mode (e.g. --authorization-mode=Node,RBAC).",
    check: unlessAuthzConfig(listIncludes("authorization-mode", "Node", ["AlwaysAllow"], "kubelets are not limited to their own pods' objects")),
    fixture: { fail: ["--authorization-mode=RBAC"], pass: ["--authorization-mode=Node,RBAC"] }
  },
  {
    id: "apiserver-authorization-rbac",
    component: "kube-apiserver",
    severity: "high",
    cis: "1.2.8",
    trivy: "KCV-0009",
    title: "API server does not use RBAC",
    description: "Without RBAC in --authorization-mode, Roles and bindings are ignored and access control falls back to other authorizers.",
    remediation: "Include RBAC in --authorization-mode (e.g. --authorization-mode=Node,RBAC).",
    check: unlessAuthzConfig(listIncludes("authorization-mode", "RBAC", ["AlwaysAllow"], "RBAC policies are not enforced")),
    fixture: { fail: ["--authorization-mode=Node"], pass: ["--authorization-mode=Node,RBAC"] }
  },
  {
    id: "apiserver-event-rate-limit",
    component: "kube-apiserver",
    severity: "low",
    cis: "1.2.9",
    trivy: "KCV-0010",
    title: "API server does not rate-limit events",
    description: "Without the EventRateLimit admission plugin a client can flood the API server and etcd with Events.",
    remediation: "Add EventRateLimit to --enable-admission-plugins and configure it with --admission-control-config-file.",
    check: listIncludes(ADMISSION, "EventRateLimit", [], "event floods can overload the API server"),
    fixture: { fail: ["--enable-admission-plugins=NodeRestriction"], pass: ["--enable-admission-plugins=NodeRestriction,EventRateLimit"] }
  },
  {
    id: "apiserver-always-admit",
    component: "kube-apiserver",
    severity: "high",
    cis: "1.2.10",
    trivy: "KCV-0011",
    title: "API server enables the AlwaysAdmit plugin",
    description: "AlwaysAdmit admits every request regardless of other admission plugins' decisions.",
    remediation: "Remove AlwaysAdmit from --enable-admission-plugins.",
    check: listExcludes(ADMISSION, "AlwaysAdmit", [], "admission control is bypassed"),
    fixture: { fail: ["--enable-admission-plugins=NodeRestriction,AlwaysAdmit"], pass: ["--enable-admission-plugins=NodeRestriction"] }
  },
  {
    id: "apiserver-always-pull-images",
    component: "kube-apiserver",
    severity: "low",
    cis: "1.2.11",
    trivy: "KCV-0012",
    title: "API server does not force image pulls",
    description: "Without AlwaysPullImages, a pod on a multi-tenant node can use a private image another tenant already pulled, without having the pull credentials.",
    remediation: "Add AlwaysPullImages to --enable-admission-plugins on multi-tenant clusters.",
    check: listIncludes(ADMISSION, "AlwaysPullImages", [], "cached private images can be used without pull credentials"),
    fixture: { fail: ["--enable-admission-plugins=NodeRestriction"], pass: ["--enable-admission-plugins=NodeRestriction,AlwaysPullImages"] }
  },
  {
    id: "apiserver-service-account-plugin",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.12",
    trivy: "KCV-0014",
    title: "API server disables the ServiceAccount plugin",
    description: "Disabling the ServiceAccount admission plugin stops the API server from checking that a pod's service account exists and from managing its token.",
    remediation: "Remove ServiceAccount from --disable-admission-plugins.",
    check: listExcludes(DISABLE_ADMISSION, "ServiceAccount", [], "service-account admission is off"),
    fixture: { fail: ["--disable-admission-plugins=ServiceAccount"], pass: ["--disable-admission-plugins=AlwaysAdmit"] }
  },
  {
    id: "apiserver-namespace-lifecycle-plugin",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.13",
    trivy: "KCV-0015",
    title: "API server disables the NamespaceLifecycle plugin",
    description: "Without NamespaceLifecycle, objects can be created in namespaces that are being deleted or do not exist.",
    remediation: "Remove NamespaceLifecycle from --disable-admission-plugins.",
    check: listExcludes(DISABLE_ADMISSION, "NamespaceLifecycle", [], "objects can be created in terminating or missing namespaces"),
    fixture: { fail: ["--disable-admission-plugins=NamespaceLifecycle"], pass: ["--disable-admission-plugins=AlwaysAdmit"] }
  },
  {
    id: "apiserver-node-restriction-plugin",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.14",
    trivy: "KCV-0016",
    title: "API server does not enable NodeRestriction",
    description: "Without NodeRestriction a kubelet can modify other nodes' Node objects and pods bound to other nodes, so one compromised node spreads.",
    remediation: "Add NodeRestriction to --enable-admission-plugins.",
    check: listIncludes(ADMISSION, "NodeRestriction", [], "kubelets can modify other nodes and their pods"),
    fixture: { fail: ["--enable-admission-plugins=AlwaysPullImages"], pass: ["--enable-admission-plugins=NodeRestriction"] }
  },
  {
    id: "apiserver-secure-port",
    component: "kube-apiserver",
    severity: "high",
    trivy: "KCV-0017",
    title: "API server disables its secure port",
    description: "--secure-port=0 turns off the HTTPS listener, leaving only insecure access paths.",
    remediation: "Remove --secure-port=0 (default 6443).",
    check: mustNotEqual("secure-port", "0", "the HTTPS endpoint is disabled"),
    fixture: { fail: ["--secure-port=0"], pass: ["--secure-port=6443"] }
  },
  {
    id: "apiserver-profiling",
    component: "kube-apiserver",
    severity: "low",
    cis: "1.2.15",
    trivy: "KCV-0018",
    title: "API server exposes profiling",
    description: "Profiling endpoints (/debug/pprof) reveal internals and cost resources; they are on unless --profiling=false.",
    remediation: "Set --profiling=false on kube-apiserver.",
    check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
    fixture: { fail: ["--profiling=true"], pass: ["--profiling=false"] }
  },
  {
    id: "apiserver-audit-log-path",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.16",
    trivy: "KCV-0019",
    title: "API server audit logging is off",
    description: "Without --audit-log-path no audit trail of API requests is written, so misuse cannot be investigated.",
    remediation: "Set --audit-log-path (and an --audit-policy-file) on kube-apiserver.",
    check: mustBeSet(["audit-log-path"], "API requests are not audited"),
    fixture: { fail: ["--profiling=false"], pass: ["--audit-log-path=/var/log/kubernetes/audit.log"] }
  },
  {
    id: "apiserver-audit-log-maxage",
    component: "kube-apiserver",
    severity: "low",
    cis: "1.2.17",
    trivy: "KCV-0020",
    title: "API server audit log retention (days) not set",
    description: "Without --audit-log-maxage the retention of rotated audit logs is not defined.",
    remediation: "Set --audit-log-maxage=30 (or as your retention policy requires).",
    check: mustBePositive("audit-log-maxage", 30, "audit log retention is undefined"),
    fixture: { fail: ["--audit-log-path=/var/log/audit.log"], pass: ["--audit-log-maxage=30"] }
  },
  {
    id: "apiserver-audit-log-maxbackup",
    component: "kube-apiserver",
    severity: "low",
    cis: "1.2.18",
    trivy: "KCV-0021",
    title: "API server audit log backups not set",
    description: "Without --audit-log-maxbackup the number of rotated audit log files kept is not defined.",
    remediation: "Set --audit-log-maxbackup=10 (or as your retention policy requires).",
    check: mustBePositive("audit-log-maxbackup", 10, "the number of kept audit logs is undefined"),
    fixture: { fail: ["--audit-log-path=/var/log/audit.log"], pass: ["--audit-log-maxbackup=10"] }
  },
  {
    id: "apiserver-audit-log-maxsize",
    component: "kube-apiserver",
    severity: "low",
    cis: "1.2.19",
    trivy: "KCV-0022",
    title: "API server audit log size not set",
    description: "Without --audit-log-maxsize audit logs are not rotated by size.",
    remediation: "Set --audit-log-maxsize=100 (MB, or as appropriate).",
    check: mustBePositive("audit-log-maxsize", 100, "audit logs are not rotated by size"),
    fixture: { fail: ["--audit-log-path=/var/log/audit.log"], pass: ["--audit-log-maxsize=100"] }
  },
  {
    id: "apiserver-service-account-lookup",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.21",
    trivy: "KCV-0024",
    title: "API server accepts tokens of deleted service accounts",
    description: "With --service-account-lookup=false a token stays valid after its service account is deleted.",
    remediation: "Remove --service-account-lookup=false (the default is true).",
    check: mustNotEqual("service-account-lookup", "false", "tokens of deleted service accounts keep working"),
    fixture: { fail: ["--service-account-lookup=false"], pass: ["--service-account-lookup=true"] }
  },
  {
    id: "apiserver-service-account-key-file",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.22",
    trivy: "KCV-0025",
    title: "API server has no service-account verification key",
    description: "Without --service-account-key-file the API server verifies service-account tokens with its TLS key, which prevents key rotation.",
    remediation: "Set --service-account-key-file to the public key matching the controller manager's --service-account-private-key-file.",
    check: mustBeSet(["service-account-key-file"], "service-account token keys cannot be rotated"),
    fixture: { fail: ["--profiling=false"], pass: ["--service-account-key-file=/etc/kubernetes/pki/sa.pub"] }
  },
  {
    id: "apiserver-etcd-client-certificate",
    component: "kube-apiserver",
    severity: "high",
    cis: "1.2.23",
    trivy: "KCV-0026",
    title: "API server does not authenticate to etcd with a certificate",
    description: "Without --etcd-certfile and --etcd-keyfile the API server's connection to etcd, which holds every Secret, is not authenticated by certificate.",
    remediation: "Set --etcd-certfile and --etcd-keyfile.",
    check: mustBeSet(["etcd-certfile", "etcd-keyfile"], "the API server to etcd connection is not certificate-authenticated"),
    fixture: { fail: ["--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt"], pass: ["--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt", "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key"] }
  },
  {
    id: "apiserver-tls-certificate",
    component: "kube-apiserver",
    severity: "high",
    cis: "1.2.24",
    trivy: "KCV-0027",
    title: "API server TLS certificate not set",
    description: "Without --tls-cert-file and --tls-private-key-file the API server serves a self-generated certificate clients cannot verify.",
    remediation: "Set --tls-cert-file and --tls-private-key-file.",
    check: mustBeSet(["tls-cert-file", "tls-private-key-file"], "clients cannot verify the API server"),
    fixture: { fail: ["--tls-cert-file=/etc/kubernetes/pki/apiserver.crt"], pass: ["--tls-cert-file=/etc/kubernetes/pki/apiserver.crt", "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"] }
  },
  {
    id: "apiserver-client-ca-file",
    component: "kube-apiserver",
    severity: "high",
    cis: "1.2.25",
    trivy: "KCV-0028",
    title: "API server client CA not set",
    description: "Without --client-ca-file client certificates are not accepted for authentication, and kubelets cannot verify the API server's client certificate chain.",
    remediation: "Set --client-ca-file.",
    check: mustBeSet(["client-ca-file"], "client-certificate authentication is off"),
    fixture: { fail: ["--profiling=false"], pass: ["--client-ca-file=/etc/kubernetes/pki/ca.crt"] }
  },
  {
    id: "apiserver-etcd-cafile",
    component: "kube-apiserver",
    severity: "medium",
    cis: "1.2.26",
    trivy: "KCV-0029",
    title: "API server does not verify etcd's certificate",
    description: "Without --etcd-cafile the API server does not verify etcd's serving certificate.",
    remediation: "Set --etcd-cafile to the etcd CA.",
    check: mustBeSet(["etcd-cafile"], "etcd's identity is not verified"),
    fixture: { fail: ["--profiling=false"], pass: ["--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt"] }
  },
  {
    id: "apiserver-encryption-at-rest",
    component: "kube-apiserver",
    severity: "high",
    cis: "1.2.27",
    trivy: "KCV-0030",
    title: "Secrets are not encrypted at rest",
    description: "Without --encryption-provider-config Secrets are stored in etcd in plain text; anyone with etcd or backup access reads them.",
    remediation: "Set --encryption-provider-config with an aescbc, aesgcm, secretbox or KMS provider for secrets.",
    check: mustBeSet(["encryption-provider-config"], "Secrets are stored unencrypted in etcd"),
    fixture: { fail: ["--profiling=false"], pass: ["--encryption-provider-config=/etc/kubernetes/enc/config.yaml"] }
  },
  {
    id: "apiserver-strong-ciphers",
    component: "kube-apiserver",
    severity: "low",
    cis: "1.2.29",
    title: "API server TLS cipher suites not restricted",
    description: "Without --tls-cipher-suites limited to strong AEAD suites the API server also negotiates weaker ciphers.",
    remediation: "Set --tls-cipher-suites to strong suites only, e.g. TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384.",
    check: strongCiphers("weaker TLS ciphers can be negotiated"),
    fixture: { fail: ["--tls-cipher-suites=TLS_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"], pass: ["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"] }
  },
  // ---- kube-controller-manager (CIS 1.3) ----
  {
    id: "controller-manager-terminated-pod-gc",
    component: "kube-controller-manager",
    severity: "low",
    cis: "1.3.1",
    trivy: "KCV-0033",
    title: "Controller manager terminated-pod GC threshold not set",
    description: "Without --terminated-pod-gc-threshold up to 12500 terminated pods are kept, which can degrade the API server and etcd.",
    remediation: "Set --terminated-pod-gc-threshold (e.g. 10 to 1000) on kube-controller-manager.",
    check: mustBeSet(["terminated-pod-gc-threshold"], "terminated pods pile up"),
    fixture: { fail: ["--allocate-node-cidrs=true"], pass: ["--terminated-pod-gc-threshold=10"] }
  },
  {
    id: "controller-manager-profiling",
    component: "kube-controller-manager",
    severity: "low",
    cis: "1.3.2",
    trivy: "KCV-0034",
    title: "Controller manager exposes profiling",
    description: "Profiling endpoints are on unless --profiling=false.",
    remediation: "Set --profiling=false on kube-controller-manager.",
    check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
    fixture: { fail: ["--profiling=true"], pass: ["--profiling=false"] }
  },
  {
    id: "controller-manager-service-account-credentials",
    component: "kube-controller-manager",
    severity: "medium",
    cis: "1.3.3",
    trivy: "KCV-0035",
    title: "Controllers share the controller manager's credentials",
    description: "Without --use-service-account-credentials=true every controller runs with the controller manager's own broad identity instead of a per-controller service account with least privilege.",
    remediation: "Set --use-service-account-credentials=true.",
    check: mustEqual("use-service-account-credentials", "true", "false", "controllers do not use individual least-privilege identities"),
    fixture: { fail: ["--use-service-account-credentials=false"], pass: ["--use-service-account-credentials=true"] }
  },
  {
    id: "controller-manager-service-account-private-key",
    component: "kube-controller-manager",
    severity: "medium",
    cis: "1.3.4",
    trivy: "KCV-0036",
    title: "Controller manager service-account signing key not set",
    description: "Without --service-account-private-key-file service-account tokens are not signed with a dedicated key that can be rotated.",
    remediation: "Set --service-account-private-key-file.",
    check: mustBeSet(["service-account-private-key-file"], "service-account tokens lack a dedicated signing key"),
    fixture: { fail: ["--use-service-account-credentials=true"], pass: ["--service-account-private-key-file=/etc/kubernetes/pki/sa.key"] }
  },
  {
    id: "controller-manager-root-ca-file",
    component: "kube-controller-manager",
    severity: "medium",
    cis: "1.3.5",
    trivy: "KCV-0037",
    title: "Controller manager root CA not set",
    description: "Without --root-ca-file pods do not receive the CA bundle to verify the API server's certificate.",
    remediation: "Set --root-ca-file.",
    check: mustBeSet(["root-ca-file"], "pods cannot verify the API server certificate"),
    fixture: { fail: ["--use-service-account-credentials=true"], pass: ["--root-ca-file=/etc/kubernetes/pki/ca.crt"] }
  },
  {
    id: "controller-manager-rotate-kubelet-server-certificate",
    component: "kube-controller-manager",
    severity: "low",
    cis: "1.3.6",
    title: "Kubelet serving certificate rotation disabled",
    description: "The RotateKubeletServerCertificate feature gate set to false stops kubelet serving certificates from being rotated.",
    remediation: "Remove RotateKubeletServerCertificate=false from --feature-gates.",
    check: featureGateNotFalse("RotateKubeletServerCertificate", "kubelet serving certificates are not rotated"),
    fixture: { fail: ["--feature-gates=RotateKubeletServerCertificate=false"], pass: ["--feature-gates=RotateKubeletServerCertificate=true"] }
  },
  {
    id: "controller-manager-bind-address",
    component: "kube-controller-manager",
    severity: "medium",
    cis: "1.3.7",
    trivy: "KCV-0039",
    title: "Controller manager listens on all interfaces",
    description: "Unless --bind-address=127.0.0.1 the controller manager's metrics and health endpoints listen on every interface.",
    remediation: "Set --bind-address=127.0.0.1 on kube-controller-manager.",
    check: mustEqual("bind-address", "127.0.0.1", void 0, "its endpoints are reachable from the network"),
    fixture: { fail: ["--bind-address=0.0.0.0"], pass: ["--bind-address=127.0.0.1"] }
  },
  // ---- kube-scheduler (CIS 1.4) ----
  {
    id: "scheduler-profiling",
    component: "kube-scheduler",
    severity: "low",
    cis: "1.4.1",
    trivy: "KCV-0040",
    title: "Scheduler exposes profiling",
    description: "Profiling endpoints are on unless --profiling=false.",
    remediation: "Set --profiling=false on kube-scheduler.",
    check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
    fixture: { fail: ["--profiling=true"], pass: ["--profiling=false"] }
  },
  {
    id: "scheduler-bind-address",
    component: "kube-scheduler",
    severity: "medium",
    cis: "1.4.2",
    trivy: "KCV-0041",
    title: "Scheduler listens on all interfaces",
    description: "Unless --bind-address=127.0.0.1 the scheduler's metrics and health endpoints listen on every interface.",
    remediation: "Set --bind-address=127.0.0.1 on kube-scheduler.",
    check: mustEqual("bind-address", "127.0.0.1", void 0, "its endpoints are reachable from the network"),
    fixture: { fail: ["--bind-address=192.168.0.1"], pass: ["--bind-address=127.0.0.1"] }
  },
  // ---- etcd (CIS 2) ----
  {
    id: "etcd-tls-certificate",
    component: "etcd",
    severity: "high",
    cis: "2.1",
    trivy: "KCV-0042",
    title: "etcd serves clients without TLS",
    description: "Without --cert-file and --key-file etcd serves its clients, and every Secret it stores, over plain HTTP.",
    remediation: "Set --cert-file and --key-file on etcd.",
    check: mustBeSet(["cert-file", "key-file"], "etcd client traffic is unencrypted"),
    fixture: { fail: ["--cert-file=/etc/kubernetes/pki/etcd/server.crt"], pass: ["--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--key-file=/etc/kubernetes/pki/etcd/server.key"] }
  },
  {
    id: "etcd-client-cert-auth",
    component: "etcd",
    severity: "high",
    cis: "2.2",
    trivy: "KCV-0043",
    title: "etcd does not require client certificates",
    description: "Without --client-cert-auth=true anyone who reaches etcd's port reads and writes the whole cluster state.",
    remediation: "Set --client-cert-auth=true on etcd.",
    check: mustEqual("client-cert-auth", "true", "false", "unauthenticated clients can access etcd"),
    fixture: { fail: ["--client-cert-auth=false"], pass: ["--client-cert-auth=true"] }
  },
  {
    id: "etcd-auto-tls",
    component: "etcd",
    severity: "medium",
    cis: "2.3",
    trivy: "KCV-0044",
    title: "etcd uses self-signed client certificates",
    description: "--auto-tls=true makes etcd generate self-signed certificates clients cannot verify.",
    remediation: "Remove --auto-tls=true and configure proper certificates.",
    check: mustNotEqual("auto-tls", "true", "client TLS uses unverifiable self-signed certificates"),
    fixture: { fail: ["--auto-tls=true"], pass: ["--auto-tls=false"] }
  },
  {
    id: "etcd-peer-tls-certificate",
    component: "etcd",
    severity: "medium",
    cis: "2.4",
    trivy: "KCV-0045",
    title: "etcd peers communicate without TLS",
    description: "Without --peer-cert-file and --peer-key-file etcd members replicate cluster state in plain text.",
    remediation: "Set --peer-cert-file and --peer-key-file on etcd.",
    check: mustBeSet(["peer-cert-file", "peer-key-file"], "etcd replication is unencrypted"),
    fixture: { fail: ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt"], pass: ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key"] }
  },
  {
    id: "etcd-peer-client-cert-auth",
    component: "etcd",
    severity: "medium",
    cis: "2.5",
    trivy: "KCV-0046",
    title: "etcd does not authenticate peers",
    description: "Without --peer-client-cert-auth=true any host reaching the peer port can join or read replication.",
    remediation: "Set --peer-client-cert-auth=true on etcd.",
    check: mustEqual("peer-client-cert-auth", "true", "false", "etcd peers are not authenticated"),
    fixture: { fail: ["--peer-client-cert-auth=false"], pass: ["--peer-client-cert-auth=true"] }
  },
  {
    id: "etcd-peer-auto-tls",
    component: "etcd",
    severity: "medium",
    cis: "2.6",
    trivy: "KCV-0047",
    title: "etcd peers use self-signed certificates",
    description: "--peer-auto-tls=true makes etcd peers use self-signed certificates that cannot be verified.",
    remediation: "Remove --peer-auto-tls=true and configure peer certificates.",
    check: mustNotEqual("peer-auto-tls", "true", "peer TLS uses unverifiable self-signed certificates"),
    fixture: { fail: ["--peer-auto-tls=true"], pass: ["--peer-auto-tls=false"] }
  }
];
var byId = new Map(CONTROL_PLANE_CHECKS.map((c) => [c.id, c]));
function controlPlaneRule(id) {
  const c = byId.get(id);
  if (!c) throw new Error(`control-plane check ${id} is not in CONTROL_PLANE_CHECKS`);
  const peers = { nsa: ["CP"] };
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
      for (const inst of controlPlaneInstances(ctx)) if (inst.component === c.component) return void 0;
      return `${NOT_VISIBLE}: no ${c.component} pod`;
    },
    *evaluate(ctx) {
      for (const inst of controlPlaneInstances(ctx)) {
        if (inst.component !== c.component) continue;
        const p = c.check(inst);
        if (p) yield { object: inst.pod, path: p.path, observed: p.observed, message: p.message };
      }
    }
  });
}

// packages/rules/src/rules/control-plane/apiserver-anonymous-auth.ts
var apiserverAnonymousAuth = controlPlaneRule("apiserver-anonymous-auth");

// packages/rules/src/rules/control-plane/apiserver-token-auth-file.ts
var apiserverTokenAuthFile = controlPlaneRule("apiserver-token-auth-file");

// packages/rules/src/rules/control-plane/apiserver-deny-service-external-ips.ts
var apiserverDenyServiceExternalIps = controlPlaneRule("apiserver-deny-service-external-ips");

// packages/rules/src/rules/control-plane/apiserver-kubelet-https.ts
var apiserverKubeletHttps = controlPlaneRule("apiserver-kubelet-https");

// packages/rules/src/rules/control-plane/apiserver-kubelet-client-certificate.ts
var apiserverKubeletClientCertificate = controlPlaneRule("apiserver-kubelet-client-certificate");

// packages/rules/src/rules/control-plane/apiserver-kubelet-certificate-authority.ts
var apiserverKubeletCertificateAuthority = controlPlaneRule("apiserver-kubelet-certificate-authority");

// packages/rules/src/rules/control-plane/apiserver-authorization-always-allow.ts
var apiserverAuthorizationAlwaysAllow = controlPlaneRule("apiserver-authorization-always-allow");

// packages/rules/src/rules/control-plane/apiserver-authorization-node.ts
var apiserverAuthorizationNode = controlPlaneRule("apiserver-authorization-node");

// packages/rules/src/rules/control-plane/apiserver-authorization-rbac.ts
var apiserverAuthorizationRbac = controlPlaneRule("apiserver-authorization-rbac");

// packages/rules/src/rules/control-plane/apiserver-event-rate-limit.ts
var apiserverEventRateLimit = controlPlaneRule("apiserver-event-rate-limit");

// packages/rules/src/rules/control-plane/apiserver-always-admit.ts
var apiserverAlwaysAdmit = controlPlaneRule("apiserver-always-admit");

// packages/rules/src/rules/control-plane/apiserver-always-pull-images.ts
var apiserverAlwaysPullImages = controlPlaneRule("apiserver-always-pull-images");

// packages/rules/src/rules/control-plane/apiserver-service-account-plugin.ts
var apiserverServiceAccountPlugin = controlPlaneRule("apiserver-service-account-plugin");

// packages/rules/src/rules/control-plane/apiserver-namespace-lifecycle-plugin.ts
var apiserverNamespaceLifecyclePlugin = controlPlaneRule("apiserver-namespace-lifecycle-plugin");

// packages/rules/src/rules/control-plane/apiserver-node-restriction-plugin.ts
var apiserverNodeRestrictionPlugin = controlPlaneRule("apiserver-node-restriction-plugin");

// packages/rules/src/rules/control-plane/apiserver-secure-port.ts
var apiserverSecurePort = controlPlaneRule("apiserver-secure-port");

// packages/rules/src/rules/control-plane/apiserver-profiling.ts
var apiserverProfiling = controlPlaneRule("apiserver-profiling");

// packages/rules/src/rules/control-plane/apiserver-audit-log-path.ts
var apiserverAuditLogPath = controlPlaneRule("apiserver-audit-log-path");

// packages/rules/src/rules/control-plane/apiserver-audit-log-maxage.ts
var apiserverAuditLogMaxage = controlPlaneRule("apiserver-audit-log-maxage");

// packages/rules/src/rules/control-plane/apiserver-audit-log-maxbackup.ts
var apiserverAuditLogMaxbackup = controlPlaneRule("apiserver-audit-log-maxbackup");

// packages/rules/src/rules/control-plane/apiserver-audit-log-maxsize.ts
var apiserverAuditLogMaxsize = controlPlaneRule("apiserver-audit-log-maxsize");

// packages/rules/src/rules/control-plane/apiserver-service-account-lookup.ts
var apiserverServiceAccountLookup = controlPlaneRule("apiserver-service-account-lookup");

// packages/rules/src/rules/control-plane/apiserver-service-account-key-file.ts
var apiserverServiceAccountKeyFile = controlPlaneRule("apiserver-service-account-key-file");

// packages/rules/src/rules/control-plane/apiserver-etcd-client-certificate.ts
var apiserverEtcdClientCertificate = controlPlaneRule("apiserver-etcd-client-certificate");

// packages/rules/src/rules/control-plane/apiserver-tls-certificate.ts
var apiserverTlsCertificate = controlPlaneRule("apiserver-tls-certificate");

// packages/rules/src/rules/control-plane/apiserver-client-ca-file.ts
var apiserverClientCaFile = controlPlaneRule("apiserver-client-ca-file");

// packages/rules/src/rules/control-plane/apiserver-etcd-cafile.ts
var apiserverEtcdCafile = controlPlaneRule("apiserver-etcd-cafile");

// packages/rules/src/rules/control-plane/apiserver-encryption-at-rest.ts
var apiserverEncryptionAtRest = controlPlaneRule("apiserver-encryption-at-rest");

// packages/rules/src/rules/control-plane/apiserver-strong-ciphers.ts
var apiserverStrongCiphers = controlPlaneRule("apiserver-strong-ciphers");

// packages/rules/src/rules/control-plane/controller-manager-terminated-pod-gc.ts
var controllerManagerTerminatedPodGc = controlPlaneRule("controller-manager-terminated-pod-gc");

// packages/rules/src/rules/control-plane/controller-manager-profiling.ts
var controllerManagerProfiling = controlPlaneRule("controller-manager-profiling");

// packages/rules/src/rules/control-plane/controller-manager-service-account-credentials.ts
var controllerManagerServiceAccountCredentials = controlPlaneRule("controller-manager-service-account-credentials");

// packages/rules/src/rules/control-plane/controller-manager-service-account-private-key.ts
var controllerManagerServiceAccountPrivateKey = controlPlaneRule("controller-manager-service-account-private-key");

// packages/rules/src/rules/control-plane/controller-manager-root-ca-file.ts
var controllerManagerRootCaFile = controlPlaneRule("controller-manager-root-ca-file");

// packages/rules/src/rules/control-plane/controller-manager-rotate-kubelet-server-certificate.ts
var controllerManagerRotateKubeletServerCertificate = controlPlaneRule("controller-manager-rotate-kubelet-server-certificate");

// packages/rules/src/rules/control-plane/controller-manager-bind-address.ts
var controllerManagerBindAddress = controlPlaneRule("controller-manager-bind-address");

// packages/rules/src/rules/control-plane/scheduler-profiling.ts
var schedulerProfiling = controlPlaneRule("scheduler-profiling");

// packages/rules/src/rules/control-plane/scheduler-bind-address.ts
var schedulerBindAddress = controlPlaneRule("scheduler-bind-address");

// packages/rules/src/rules/control-plane/etcd-tls-certificate.ts
var etcdTlsCertificate = controlPlaneRule("etcd-tls-certificate");

// packages/rules/src/rules/control-plane/etcd-unique-ca.ts
var etcdUniqueCa = defineRule({
  id: "etcd-unique-ca",
  title: "etcd trusts the cluster's client CA",
  category: "control-plane",
  severity: "medium",
  kinds: ["Pod"],
  description: "When etcd's --trusted-ca-file is the same CA the API server uses for client authentication (--client-ca-file), every client certificate of the cluster, kubelets and users included, is also accepted by etcd, which holds all Secrets.",
  remediation: "Give etcd its own CA (kubeadm: /etc/kubernetes/pki/etcd/ca.crt) and issue the API server a separate etcd client certificate.",
  references: ["https://etcd.io/docs/latest/op-guide/security/"],
  peers: { cis: ["2.7"], nsa: ["CP"] },
  notEvaluable(ctx) {
    const cs = new Set(controlPlaneInstances(ctx).map((i) => i.component));
    return cs.has("etcd") && cs.has("kube-apiserver") ? void 0 : `${NOT_VISIBLE}: etcd and kube-apiserver pods are both needed`;
  },
  *evaluate(ctx) {
    const insts = controlPlaneInstances(ctx);
    const clientCas = new Set(insts.filter((i) => i.component === "kube-apiserver").map((i) => i.flags.get("client-ca-file")?.value).filter(Boolean));
    for (const e of insts) {
      if (e.component !== "etcd") continue;
      const f = e.flags.get("trusted-ca-file");
      if (!f || !clientCas.has(f.value)) continue;
      yield { object: e.pod, path: f.path, observed: `--trusted-ca-file=${f.value}`, message: `etcd trusts ${f.value}, the API server's client CA: any cluster client certificate can reach etcd` };
    }
  }
});

// packages/rules/src/rules/control-plane/etcd-client-cert-auth.ts
var etcdClientCertAuth = controlPlaneRule("etcd-client-cert-auth");

// packages/rules/src/rules/control-plane/etcd-auto-tls.ts
var etcdAutoTls = controlPlaneRule("etcd-auto-tls");

// packages/rules/src/rules/control-plane/etcd-peer-tls-certificate.ts
var etcdPeerTlsCertificate = controlPlaneRule("etcd-peer-tls-certificate");

// packages/rules/src/rules/control-plane/etcd-peer-client-cert-auth.ts
var etcdPeerClientCertAuth = controlPlaneRule("etcd-peer-client-cert-auth");

// packages/rules/src/rules/control-plane/etcd-peer-auto-tls.ts
var etcdPeerAutoTls = controlPlaneRule("etcd-peer-auto-tls");

// packages/rules/src/rules/control-plane/index.ts
var controlPlaneRules = [
  apiserverAnonymousAuth,
  apiserverTokenAuthFile,
  apiserverDenyServiceExternalIps,
  apiserverKubeletHttps,
  apiserverKubeletClientCertificate,
  apiserverKubeletCertificateAuthority,
  apiserverAuthorizationAlwaysAllow,
  apiserverAuthorizationNode,
  apiserverAuthorizationRbac,
  apiserverEventRateLimit,
  apiserverAlwaysAdmit,
  apiserverAlwaysPullImages,
  apiserverServiceAccountPlugin,
  apiserverNamespaceLifecyclePlugin,
  apiserverNodeRestrictionPlugin,
  apiserverSecurePort,
  apiserverProfiling,
  apiserverAuditLogPath,
  apiserverAuditLogMaxage,
  apiserverAuditLogMaxbackup,
  apiserverAuditLogMaxsize,
  apiserverServiceAccountLookup,
  apiserverServiceAccountKeyFile,
  apiserverEtcdClientCertificate,
  apiserverTlsCertificate,
  apiserverClientCaFile,
  apiserverEtcdCafile,
  apiserverEncryptionAtRest,
  apiserverStrongCiphers,
  controllerManagerTerminatedPodGc,
  controllerManagerProfiling,
  controllerManagerServiceAccountCredentials,
  controllerManagerServiceAccountPrivateKey,
  controllerManagerRootCaFile,
  controllerManagerRotateKubeletServerCertificate,
  controllerManagerBindAddress,
  schedulerProfiling,
  schedulerBindAddress,
  etcdTlsCertificate,
  etcdUniqueCa,
  etcdClientCertAuth,
  etcdAutoTls,
  etcdPeerTlsCertificate,
  etcdPeerClientCertAuth,
  etcdPeerAutoTls
];

// packages/rules/src/helpers/rbac.ts
var KUBERNETES_READER_ROLES = /* @__PURE__ */ new Set(["extension-apiserver-authentication-reader"]);
var RBAC_GROUP = "rbac.authorization.k8s.io";
function arr(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
var RULE_FIELDS = ["apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs"];
function isStringList(v) {
  if (v === void 0) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}
function cleanRule(x) {
  if (!x || typeof x !== "object" || Array.isArray(x)) return {};
  const src = x;
  let ok = true;
  for (const f of RULE_FIELDS) if (!isStringList(src[f])) ok = false;
  if (ok) return src;
  const out = { ...src };
  for (const f of RULE_FIELDS) {
    const v = src[f];
    if (isStringList(v)) continue;
    if (Array.isArray(v)) out[f] = v.filter((e) => typeof e === "string");
    else delete out[f];
  }
  return out;
}
function policyRules(obj) {
  const r2 = obj?.rules;
  if (!Array.isArray(r2)) return [];
  let out = r2;
  for (let i = 0; i < r2.length; i++) {
    const c = cleanRule(r2[i]);
    if (c !== r2[i]) {
      if (out === r2) out = r2.slice();
      out[i] = c;
    }
  }
  return out;
}
function resourceMatches(ruleResources, resource) {
  const slash = resource.indexOf("/");
  const sub = slash >= 0 ? resource.slice(slash) : void 0;
  for (const r2 of ruleResources) {
    if (r2 === "*" || r2 === resource) return true;
    if (sub && r2.startsWith("*/") && r2.slice(1) === sub) return true;
  }
  return false;
}
var listsCache = /* @__PURE__ */ new WeakMap();
function ruleLists(rule) {
  let l = listsCache.get(rule);
  if (l) return l;
  const verbs = arr(rule.verbs);
  const groups = arr(rule.apiGroups);
  l = { verbs, named: arr(rule.resourceNames).length > 0, groups, resources: arr(rule.resources), anyVerb: verbs.includes("*"), anyGroup: groups.includes("*") };
  if (typeof rule === "object" && rule !== null) listsCache.set(rule, l);
  return l;
}
function ruleGrants(rule, check2) {
  const { verbs, named, groups, resources, anyVerb, anyGroup } = ruleLists(rule);
  if (verbs.length === 0) return false;
  if (check2.includeNamed === false && named) return false;
  if (!anyVerb && !check2.verbs.some((v) => verbs.includes(v))) return false;
  if (resources.length === 0) return false;
  for (const [g, res] of check2.resources) {
    if (!anyGroup && !groups.includes(g)) continue;
    if (resourceMatches(resources, res)) return true;
  }
  return false;
}
function findGrant(rules, check2) {
  for (let i = 0; i < rules.length; i++) if (ruleGrants(rules[i], check2)) return i;
  return -1;
}
function grants(rules, check2) {
  return findGrant(rules, check2) >= 0;
}
var ALL_WRITE_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete"];
function isAdminRule(rule) {
  const g = arr(rule.apiGroups);
  const r2 = arr(rule.resources);
  const v = arr(rule.verbs);
  if (!g.includes("*") || !r2.includes("*")) return false;
  return v.includes("*") || ALL_WRITE_VERBS.every((x) => v.includes(x));
}
function isDefaultRbacObject(obj) {
  const name = obj.metadata?.name ?? "";
  if (name.startsWith("system:") || name === "gce:podsecuritypolicy:calico-sa") return true;
  return obj.metadata?.labels?.["kubernetes.io/bootstrapping"] === "rbac-defaults";
}
function subjectsOf(binding) {
  const s2 = binding.subjects;
  if (!Array.isArray(s2)) return [];
  return s2.filter((x) => x && typeof x === "object" && typeof x.name === "string" && typeof x.kind === "string");
}
function roleRefOf(binding) {
  const r2 = binding.roleRef;
  if (!r2 || typeof r2 !== "object" || typeof r2.name !== "string" || typeof r2.kind !== "string") return void 0;
  return { kind: r2.kind, name: r2.name };
}
function bindingNamespace(b) {
  return b.metadata?.namespace || "default";
}
var cache5 = /* @__PURE__ */ new WeakMap();
function rbacIndex(ctx) {
  const hit = cache5.get(ctx.index);
  if (hit) return hit;
  const built = build(ctx.index);
  cache5.set(ctx.index, built);
  return built;
}
function build(index) {
  const clusterRoles = /* @__PURE__ */ new Map();
  for (const cr of index.byKind("ClusterRole")) {
    const n2 = cr.metadata?.name;
    if (n2 && !clusterRoles.has(n2)) clusterRoles.set(n2, cr);
  }
  const roles = /* @__PURE__ */ new Map();
  for (const r2 of index.byKind("Role")) {
    const n2 = r2.metadata?.name;
    if (n2) {
      const k = `${r2.metadata?.namespace || "default"}/${n2}`;
      if (!roles.has(k)) roles.set(k, r2);
    }
  }
  const effective2 = /* @__PURE__ */ new Map();
  const rulesOf = (role, seen = /* @__PURE__ */ new Set()) => {
    const done = effective2.get(role);
    if (done) return done;
    const own = policyRules(role);
    const agg = role.aggregationRule?.clusterRoleSelectors;
    if (role.kind !== "ClusterRole" || !Array.isArray(agg) || agg.length === 0) {
      effective2.set(role, own);
      return own;
    }
    seen.add(role);
    const out = [...own];
    for (const other of clusterRoles.values()) {
      if (other === role || seen.has(other)) continue;
      const labels = other.metadata?.labels;
      if (!labels) continue;
      if (agg.some((sel) => selectorMatches(sel, labels, false))) out.push(...rulesOf(other, seen));
    }
    effective2.set(role, out);
    return out;
  };
  const bindings = [];
  const add = (b, kind) => {
    const ref = roleRefOf(b);
    if (!ref) return;
    const scope = kind === "ClusterRoleBinding" ? void 0 : bindingNamespace(b);
    let role;
    if (ref.kind === "ClusterRole") role = clusterRoles.get(ref.name);
    else if (ref.kind === "Role" && scope !== void 0) role = roles.get(`${scope}/${ref.name}`);
    bindings.push({
      binding: b,
      kind,
      scope,
      roleKind: ref.kind,
      roleName: ref.name,
      role,
      rules: role ? rulesOf(role) : [],
      subjects: subjectsOf(b)
    });
  };
  for (const b of index.byKind("ClusterRoleBinding")) add(b, "ClusterRoleBinding");
  for (const b of index.byKind("RoleBinding")) add(b, "RoleBinding");
  const bySa = /* @__PURE__ */ new Map();
  const byGroup = /* @__PURE__ */ new Map();
  const push = (m, k, b) => {
    const l = m.get(k);
    if (l) {
      if (l[l.length - 1] !== b) l.push(b);
    } else m.set(k, [b]);
  };
  for (const b of bindings) {
    for (const s2 of b.subjects) {
      if (s2.kind === "ServiceAccount") {
        push(bySa, `${s2.namespace || bindingNamespace(b.binding)}/${s2.name}`, b);
      } else if (s2.kind === "User" && s2.name.startsWith("system:serviceaccount:")) {
        const [, , ns, name] = s2.name.split(":");
        if (ns && name) push(bySa, `${ns}/${name}`, b);
      } else if (s2.kind === "Group") push(byGroup, s2.name, b);
    }
  }
  const saCache = /* @__PURE__ */ new Map();
  const bindingsForServiceAccount = (ns, name) => {
    const key = `${ns}/${name}`;
    const hit = saCache.get(key);
    if (hit) return hit;
    const set = new Set(bySa.get(key) ?? []);
    for (const g of ["system:serviceaccounts", `system:serviceaccounts:${ns}`, "system:authenticated"]) {
      for (const b of byGroup.get(g) ?? []) set.add(b);
    }
    const out = [...set];
    saCache.set(key, out);
    return out;
  };
  return {
    clusterRole: (n2) => clusterRoles.get(n2),
    role: (ns, n2) => roles.get(`${ns}/${n2}`),
    rulesOf: (r2) => rulesOf(r2),
    bindings,
    bindingsForServiceAccount
  };
}
function roleLabel(b) {
  return b.roleKind === "Role" ? `Role ${b.scope}/${b.roleName}` : `ClusterRole ${b.roleName}`;
}
function bindingLabel(b) {
  const n2 = b.binding.metadata?.name ?? "";
  return b.kind === "RoleBinding" ? `RoleBinding ${b.scope}/${n2}` : `ClusterRoleBinding ${n2}`;
}
function scopeLabel(b) {
  return b.scope === void 0 ? "cluster-wide" : `in namespace ${b.scope}`;
}
var roleEntries = /* @__PURE__ */ new WeakMap();
function rolesOfKind(ctx, kind) {
  let entries = roleEntries.get(ctx.index);
  if (!entries) roleEntries.set(ctx.index, entries = { byKind: /* @__PURE__ */ new Map(), ids: /* @__PURE__ */ new Map() });
  let list2 = entries.byKind.get(kind);
  if (!list2) {
    const ids = entries.ids;
    list2 = ctx.index.byKind(kind).map((role) => {
      const rules = policyRules(role);
      const contentIds = new Array(rules.length);
      for (let i = 0; i < rules.length; i++) contentIds[i] = contentId(ids, rules[i]);
      return { role, rules, isDefault: isDefaultRbacObject(role), contentIds };
    });
    entries.byKind.set(kind, list2);
  }
  return list2;
}
function contentId(ids, rule) {
  let key;
  try {
    key = JSON.stringify(rule);
  } catch {
    key = void 0;
  }
  if (key === void 0) {
    const own = -1 - ids.size;
    ids.set(`\0${ids.size}`, own);
    return own;
  }
  let id = ids.get(key);
  if (id === void 0) ids.set(key, id = ids.size);
  return id;
}
function* roleRuleFindings(ctx, opts) {
  const verdicts = /* @__PURE__ */ new Map();
  for (const kind of opts.kinds) {
    for (const { role, rules, isDefault, contentIds } of rolesOfKind(ctx, kind)) {
      if (isDefault && opts.skipDefaults !== false) continue;
      if (opts.skip?.(role)) continue;
      for (let i = 0; i < rules.length; i++) {
        const r2 = rules[i];
        const id = contentIds[i];
        let hit = verdicts.get(id);
        if (hit === void 0) {
          hit = opts.matches(r2);
          if (id >= 0) verdicts.set(id, hit);
        }
        if (!hit) continue;
        yield {
          object: role,
          path: `rules[${i}]`,
          observed: { apiGroups: r2.apiGroups, resources: r2.resources, verbs: r2.verbs },
          message: opts.message(role, r2)
        };
      }
    }
  }
}
var MANAGE_VERBS = ["create", "update", "patch", "delete", "deletecollection", "impersonate"];
var READ_VERBS = ["get", "list", "watch"];
var WORKLOAD_RESOURCES = [
  ["", "pods"],
  ["apps", "deployments"],
  ["apps", "daemonsets"],
  ["apps", "statefulsets"],
  ["apps", "replicasets"],
  ["", "replicationcontrollers"],
  ["batch", "jobs"],
  ["batch", "cronjobs"],
  ["extensions", "deployments"],
  ["extensions", "daemonsets"],
  ["extensions", "replicasets"]
];
var SECRETS = [["", "secrets"]];
function isSystemSubject(s2) {
  if (s2.kind === "ServiceAccount") return s2.namespace === "kube-system";
  return s2.name.startsWith("system:") && s2.name !== "system:anonymous" && s2.name !== "system:unauthenticated" && s2.name !== "system:authenticated" && !s2.name.startsWith("system:serviceaccount");
}
function serviceAccountName(spec) {
  const n2 = spec?.serviceAccountName ?? spec?.serviceAccount;
  return typeof n2 === "string" && n2 ? n2 : "default";
}
var BUILTIN_ROLES = {
  "cluster-admin": [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }],
  admin: [
    { apiGroups: [""], resources: ["pods/exec", "pods/attach", "pods/portforward", "pods/proxy"], verbs: ["create", "get"] },
    { apiGroups: [""], resources: ["pods", "secrets", "configmaps", "services", "serviceaccounts", "persistentvolumeclaims"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] },
    { apiGroups: ["apps", "batch"], resources: ["*"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] },
    { apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] },
    { apiGroups: [RBAC_GROUP], resources: ["roles", "rolebindings"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] }
  ],
  edit: [
    { apiGroups: [""], resources: ["pods/exec", "pods/attach", "pods/portforward", "pods/proxy"], verbs: ["create", "get"] },
    { apiGroups: [""], resources: ["pods", "secrets", "configmaps", "services", "serviceaccounts", "persistentvolumeclaims"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] },
    { apiGroups: ["apps", "batch"], resources: ["*"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] },
    { apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] }
  ],
  view: [{ apiGroups: ["", "apps", "batch"], resources: ["pods", "services", "configmaps", "deployments", "jobs"], verbs: ["get", "list", "watch"] }]
};
function grantedRules(b) {
  if (b.role) return b.rules;
  if (b.roleKind === "ClusterRole") return BUILTIN_ROLES[b.roleName];
  return void 0;
}
var EXEC_ATTACH = { verbs: ["create", "get"], resources: [["", "pods/exec"], ["", "pods/attach"]] };
var PORT_FORWARD = { verbs: ["create", "get"], resources: [["", "pods/portforward"]] };
var READ_SECRETS = { verbs: ["get", "list", "watch"], resources: SECRETS };
var CREATE_WORKLOADS = { verbs: ["create", "update", "patch"], resources: WORKLOAD_RESOURCES };
var IMPERSONATE = {
  verbs: ["impersonate"],
  resources: [["", "users"], ["", "groups"], ["", "serviceaccounts"], ["authentication.k8s.io", "userextras/scopes"], ["authentication.k8s.io", "uids"]]
};
var BIND_ESCALATE = {
  verbs: ["bind", "escalate"],
  resources: [[RBAC_GROUP, "roles"], [RBAC_GROUP, "clusterroles"]]
};
function roleContentRule(opts) {
  const { matches: matches2, message, skip, kinds = ["Role", "ClusterRole"], ...meta } = opts;
  return {
    ...meta,
    kinds,
    evaluate: (ctx) => roleRuleFindings(ctx, { kinds, matches: matches2, message, skip })
  };
}
function roleName(role) {
  return role.kind === "Role" ? `Role ${role.metadata?.namespace ?? "default"}/${role.metadata?.name}` : `ClusterRole ${role.metadata?.name}`;
}
function list(v) {
  return arr(v).join(",");
}
function isDefaultBinding(b) {
  const n2 = b.metadata?.name ?? "";
  if (b.kind === "ClusterRoleBinding" && n2 === "cluster-admin") return true;
  return isDefaultRbacObject(b);
}
function bindingRule(opts) {
  const { bindingKind, roleKind, judge, ...meta } = opts;
  return {
    ...meta,
    kinds: [bindingKind],
    *evaluate(ctx) {
      for (const b of rbacIndex(ctx).bindings) {
        if (b.kind !== bindingKind || b.roleKind !== roleKind) continue;
        if (isDefaultBinding(b.binding)) continue;
        const verdict = judge(b, grantedRules(b), ctx);
        if (!verdict) continue;
        yield { object: b.binding, path: "roleRef", observed: verdict.observed ?? `${b.roleKind}/${b.roleName}`, message: verdict.message };
      }
    }
  };
}
function execAttachBindingRule(opts) {
  const { id, title, severity, bindingKind, roleKind, peers } = opts;
  const where = bindingKind === "ClusterRoleBinding" ? "in every namespace" : "in the binding's namespace";
  return bindingRule({
    id,
    title,
    category: "rbac",
    severity,
    bindingKind,
    roleKind,
    description: `Subjects of this binding can open a shell in, or attach to, running containers (pods/exec, pods/attach) ${where}, acting with each pod's service account and reading its mounted Secrets.`,
    remediation: "Bind a role without pods/exec and pods/attach; grant shell access just-in-time for debugging.",
    references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
    peers,
    judge: (b, rules, ctx) => {
      if (roleKind === "ClusterRole" && (b.roleName === "view" || b.roleName === "cluster-admin")) return void 0;
      if (!rules && (b.roleName.startsWith("system:") || KUBERNETES_READER_ROLES.has(b.roleName))) return void 0;
      if (!rules) return ctx.snapshot.kindsComplete ? void 0 : { message: `references ${roleKind} ${b.roleName}, which is not in the snapshot: its grants, possibly exec/attach, cannot be verified`, observed: "missing role" };
      const i = findGrant(rules, EXEC_ATTACH);
      if (i < 0) return void 0;
      return { message: `grants exec/attach into pods ${scopeLabel(b)} via ${roleKind} ${b.roleName} to ${subjectList(b)}`, observed: rules[i] };
    }
  });
}
function subjectList(b) {
  const s2 = b.subjects.map((x) => x.kind === "ServiceAccount" ? `ServiceAccount ${x.namespace || b.scope || "default"}/${x.name}` : `${x.kind} ${x.name}`);
  return s2.length ? s2.join(", ") : "no subjects";
}
function tokenMounted(ctx, ref) {
  if (ref.spec?.automountServiceAccountToken === false) return false;
  if (ref.spec?.automountServiceAccountToken === true) return true;
  const sa = findNamed(ctx, "ServiceAccount", nsOf(ref.object), serviceAccountName(ref.spec));
  return sa?.automountServiceAccountToken !== false;
}

// packages/rules/src/rules/rbac/rbac-admin-equivalent-role.ts
var rbacAdminEquivalentRole = roleContentRule({
  id: "rbac-admin-equivalent-role",
  title: "Role is equivalent to cluster-admin",
  category: "rbac",
  severity: "high",
  description: "A rule granting every verb (or all of get/list/watch/create/update/patch/delete) on every resource of every API group makes the role as powerful as cluster-admin within its scope.",
  remediation: "Replace the wildcard rule with the specific permissions needed; bind the built-in admin/edit roles for namespace administration.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
  peers: { trivy: ["KSV-0044"], kubescape: ["C-0035"], cis: ["5.1.1", "5.1.3"], nsa: ["RBAC"] },
  matches: isAdminRule,
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on all resources of all API groups (cluster-admin equivalent)`
});

// packages/rules/src/rules/rbac/rbac-anonymous-binding.ts
var ANONYMOUS = /* @__PURE__ */ new Set(["system:anonymous", "system:unauthenticated"]);
var DEFAULT_PUBLIC = /* @__PURE__ */ new Set(["system:public-info-viewer", "system:discovery", "system:basic-user"]);
var rbacAnonymousBinding = defineRule({
  id: "rbac-anonymous-binding",
  title: "Binding grants permissions to anonymous users",
  category: "rbac",
  severity: "critical",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description: "A binding whose subject is system:anonymous or system:unauthenticated hands its role to anyone who can reach the API server, without credentials.",
  remediation: "Remove system:anonymous and system:unauthenticated from the binding's subjects and set --anonymous-auth=false where possible.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests"],
  peers: { kubescape: ["C-0262"], nsa: ["AUTHN"] },
  *evaluate(ctx) {
    for (const b of rbacIndex(ctx).bindings) {
      if (b.roleKind === "ClusterRole" && DEFAULT_PUBLIC.has(b.roleName)) continue;
      for (let i = 0; i < b.subjects.length; i++) {
        const s2 = b.subjects[i];
        if (!ANONYMOUS.has(s2.name) || s2.kind === "ServiceAccount") continue;
        const admin = grantedRules(b)?.some(isAdminRule);
        yield {
          object: b.binding,
          path: `subjects[${i}]`,
          observed: `${s2.kind} ${s2.name}`,
          message: `${roleLabel(b)} is granted ${scopeLabel(b)} to ${s2.name}: anyone reaching the API server without credentials holds it${admin ? " (cluster-admin equivalent)" : ""}`
        };
      }
    }
  }
});

// packages/rules/src/rules/rbac/rbac-approve-csr.ts
var G = "certificates.k8s.io";
var APPROVE = { verbs: ["update", "patch"], resources: [[G, "certificatesigningrequests/approval"]] };
var SIGNER = { verbs: ["approve"], resources: [[G, "signers"]] };
var rbacApproveCsr = roleContentRule({
  id: "rbac-approve-csr",
  title: "Role can approve certificate signing requests",
  category: "rbac",
  severity: "high",
  description: "Approving CertificateSigningRequests (with approve on a signer) lets a subject issue client certificates for any user or group, system:masters included, which cannot be revoked.",
  remediation: "Keep CSR approval to the controller manager and dedicated, audited automation.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#csrs-and-certificate-issuing"],
  peers: { kubescape: ["C-0280"], cis: ["5.1.11"], nsa: ["AUTHN"] },
  matches: (r2) => ruleGrants(r2, APPROVE) || ruleGrants(r2, SIGNER),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: can issue cluster client certificates`
});

// packages/rules/src/rules/rbac/rbac-bind-escalate.ts
var CHECK = {
  verbs: ["bind", "escalate", "impersonate"],
  resources: [[RBAC_GROUP, "roles"], [RBAC_GROUP, "clusterroles"], [RBAC_GROUP, "rolebindings"], [RBAC_GROUP, "clusterrolebindings"]]
};
var rbacBindEscalate = roleContentRule({
  id: "rbac-bind-escalate",
  title: "Role can bind or escalate roles",
  category: "rbac",
  severity: "high",
  description: "The bind and escalate verbs bypass RBAC's escalation check: the subject can bind roles, or write roles, with permissions it does not itself have, up to cluster-admin.",
  remediation: 'Remove bind and escalate (and "*") on roles, clusterroles and bindings from the role.',
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb"],
  peers: { trivy: ["KSV-0050"], kubescape: ["C-0191"], cis: ["5.1.8"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, CHECK),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: can grant permissions it does not hold`
});

// packages/rules/src/rules/rbac/rbac-binding-grants-secrets-read.ts
var rbacBindingGrantsSecretsRead = defineRule({
  id: "rbac-binding-grants-secrets-read",
  title: "Binding lets subjects read Secrets",
  category: "rbac",
  severity: "medium",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description: "Judged on effective permissions (aggregated ClusterRoles, wildcards and the built-in admin/edit roles included): the binding's subjects can get, list or watch Secrets, cluster-wide for a ClusterRoleBinding. Listing returns every Secret's value.",
  remediation: "Bind a role without Secrets access (e.g. view), or limit the Secrets rule to named Secrets with resourceNames.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets"],
  peers: { kubescape: ["C-0015", "C-0186"], cis: ["5.1.2"], nsa: ["RBAC", "SEC"] },
  *evaluate(ctx) {
    for (const b of rbacIndex(ctx).bindings) {
      if (isDefaultBinding(b.binding)) continue;
      const subjects = b.subjects.filter((s2) => !isSystemSubject(s2));
      if (subjects.length === 0) continue;
      const rules = grantedRules(b);
      if (!rules) continue;
      const i = findGrant(rules, READ_SECRETS);
      if (i < 0) continue;
      const who = subjects.map((s2) => `${s2.kind} ${s2.kind === "ServiceAccount" ? `${s2.namespace || b.scope}/` : ""}${s2.name}`).join(", ");
      yield {
        object: b.binding,
        path: "roleRef",
        observed: { role: roleLabel(b), verbs: rules[i].verbs },
        message: `${bindingLabel(b)} lets ${who} read Secrets ${scopeLabel(b)} via ${roleLabel(b)}`
      };
    }
  }
});

// packages/rules/src/rules/rbac/rbac-binding-missing-role.ts
var rbacBindingMissingRole = defineRule({
  id: "rbac-binding-missing-role",
  title: "Binding references a role that does not exist",
  category: "rbac",
  severity: "low",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  requiresKinds: ["Role", "ClusterRole"],
  clusterScope: true,
  description: "A binding to a missing Role or ClusterRole grants nothing today, but whoever later creates a role with that name decides what the binding's subjects get.",
  remediation: "Delete the stale binding, or create the intended role deliberately.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding"],
  peers: { nsa: ["RBAC"] },
  *evaluate(ctx) {
    for (const b of rbacIndex(ctx).bindings) {
      if (b.role) continue;
      if (b.roleKind !== "Role" && b.roleKind !== "ClusterRole") continue;
      yield {
        object: b.binding,
        path: "roleRef.name",
        observed: `${b.roleKind}/${b.roleName}`,
        message: `references ${b.roleKind} ${b.roleKind === "Role" ? `${b.scope}/` : ""}${b.roleName}, which does not exist`
      };
    }
  }
});

// packages/rules/src/rules/rbac/rbac-binding-missing-service-account.ts
var rbacBindingMissingServiceAccount = defineRule({
  id: "rbac-binding-missing-service-account",
  title: "Binding grants a role to a service account that does not exist",
  category: "rbac",
  severity: "low",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  requiresKinds: ["ServiceAccount"],
  clusterScope: true,
  description: "A binding subject naming a missing service account is a standing grant: anyone able to create a service account with that name in that namespace inherits the role.",
  remediation: "Remove the subject (or the binding), or create the service account deliberately.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects"],
  peers: { nsa: ["RBAC"] },
  *evaluate(ctx) {
    for (const b of rbacIndex(ctx).bindings) {
      for (let i = 0; i < b.subjects.length; i++) {
        const s2 = b.subjects[i];
        if (s2.kind !== "ServiceAccount") continue;
        const ns = s2.namespace || b.scope;
        if (!ns) continue;
        if (ctx.index.byName("ServiceAccount", ns, s2.name)) continue;
        if (ns === "default" && ctx.index.byName("ServiceAccount", void 0, s2.name)) continue;
        if (s2.name === "default") continue;
        yield { object: b.binding, path: `subjects[${i}]`, observed: `ServiceAccount ${ns}/${s2.name}`, message: `grants ${b.roleKind} ${b.roleName} to ServiceAccount ${ns}/${s2.name}, which does not exist` };
      }
    }
  }
});

// packages/rules/src/rules/rbac/rbac-cluster-admin-binding.ts
var rbacClusterAdminBinding = bindingRule({
  id: "rbac-cluster-admin-binding",
  title: "ClusterRoleBinding grants cluster-admin",
  category: "rbac",
  severity: "high",
  bindingKind: "ClusterRoleBinding",
  roleKind: "ClusterRole",
  description: "A ClusterRoleBinding to cluster-admin, or to a ClusterRole with wildcard apiGroups, resources and verbs, gives its subjects unrestricted control of the whole cluster.",
  remediation: "Bind narrower ClusterRoles, or the admin ClusterRole through namespace RoleBindings; keep at most one documented break-glass cluster-admin binding.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
  peers: {
    polaris: ["clusterrolebindingClusterAdmin"],
    kubeLinter: ["cluster-admin-role-binding"],
    kubescape: ["C-0185"],
    cis: ["5.1.1"],
    nsa: ["RBAC"]
  },
  judge: (b, rules) => {
    if (b.roleName === "cluster-admin") return { message: `binds cluster-admin cluster-wide to ${subjectList(b)}` };
    if (rules?.some(isAdminRule)) return { message: `binds ClusterRole ${b.roleName}, which holds wildcard admin rights, cluster-wide to ${subjectList(b)}` };
    return void 0;
  }
});

// packages/rules/src/rules/rbac/rbac-cluster-binding-exec-attach.ts
var rbacClusterBindingExecAttach = execAttachBindingRule({
  id: "rbac-cluster-binding-exec-attach",
  title: "ClusterRoleBinding grants exec/attach cluster-wide",
  severity: "high",
  bindingKind: "ClusterRoleBinding",
  roleKind: "ClusterRole",
  peers: { polaris: ["clusterrolebindingPodExecAttach"], kubescape: ["C-0002"], nsa: ["RBAC"] }
});

// packages/rules/src/rules/rbac/rbac-create-persistent-volumes.ts
var CHECK2 = { verbs: ["create", "update", "patch"], resources: [["", "persistentvolumes"]] };
var rbacCreatePersistentVolumes = roleContentRule({
  id: "rbac-create-persistent-volumes",
  title: "Role can create PersistentVolumes",
  category: "rbac",
  severity: "high",
  description: "Creating a PersistentVolume can point a hostPath volume at any node directory; a pod claiming it then reads or writes the node's filesystem despite Pod Security Admission.",
  remediation: "Let users create PersistentVolumeClaims with StorageClasses; keep PersistentVolume creation to administrators.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#persistent-volume-creation"],
  peers: { kubescape: ["C-0278"], cis: ["5.1.9"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, CHECK2),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on PersistentVolumes: can expose node paths`
});

// packages/rules/src/rules/rbac/rbac-create-service-account-token.ts
var CHECK3 = { verbs: ["create"], resources: [["", "serviceaccounts/token"]] };
var rbacCreateServiceAccountToken = roleContentRule({
  id: "rbac-create-service-account-token",
  title: "Role can mint service-account tokens",
  category: "rbac",
  severity: "high",
  description: "create on serviceaccounts/token issues tokens for any service account in scope, so the subject gains those accounts' permissions.",
  remediation: "Remove serviceaccounts/token create, or restrict it with resourceNames.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#token-request"],
  peers: { kubescape: ["C-0282"], cis: ["5.1.13"], nsa: ["PS-SA"] },
  matches: (r2) => ruleGrants(r2, CHECK3),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on serviceaccounts/token: can act as any service account in scope`
});

// packages/rules/src/rules/rbac/rbac-default-service-account-bound.ts
var rbacDefaultServiceAccountBound = defineRule({
  id: "rbac-default-service-account-bound",
  title: "Binding grants a role to a namespace's default service account",
  category: "rbac",
  severity: "medium",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description: `Every pod that names no service account runs as its namespace's "default" account, so a role bound to it is handed to all such pods, including ones created later for unrelated purposes.`,
  remediation: 'Create a dedicated service account for the workload that needs the role, bind the role to it, and leave "default" without bindings.',
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts"],
  peers: { cis: ["5.1.5"], nsa: ["PS-SA", "RBAC"] },
  *evaluate(ctx) {
    for (const b of rbacIndex(ctx).bindings) {
      if (isDefaultBinding(b.binding)) continue;
      for (let i = 0; i < b.subjects.length; i++) {
        const s2 = b.subjects[i];
        if (s2.kind !== "ServiceAccount" || s2.name !== "default") continue;
        const ns = s2.namespace || b.scope || "default";
        if (SYSTEM_NAMESPACES.has(ns)) continue;
        yield {
          object: b.binding,
          path: `subjects[${i}]`,
          observed: `ServiceAccount ${ns}/default`,
          message: `${roleLabel(b)} is granted ${scopeLabel(b)} to ${ns}/default, i.e. to every pod in ${ns} without its own service account`
        };
      }
    }
  }
});

// packages/rules/src/rules/rbac/rbac-delete-events.ts
var CHECK4 = { verbs: ["delete", "deletecollection"], resources: [["", "events"], ["events.k8s.io", "events"]] };
var rbacDeleteEvents = roleContentRule({
  id: "rbac-delete-events",
  title: "Role can delete Events",
  category: "rbac",
  severity: "low",
  description: "Deleting Events removes the cluster's record of scheduling, image pulls and failures, helping an attacker hide their activity.",
  remediation: "Remove delete and deletecollection on events.",
  references: ["https://microsoft.github.io/Threat-Matrix-for-Kubernetes/techniques/Delete%20K8S%20events/"],
  peers: { kubescape: ["C-0031"], nsa: ["LOG"] },
  matches: (r2) => ruleGrants(r2, CHECK4),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on events: can erase the audit trail of Events`
});

// packages/rules/src/rules/rbac/rbac-delete-pod-logs.ts
var CHECK5 = { verbs: ["delete", "deletecollection"], resources: [["", "pods/log"]] };
var rbacDeletePodLogs = roleContentRule({
  id: "rbac-delete-pod-logs",
  title: "Role can delete pod logs",
  category: "rbac",
  severity: "medium",
  description: "Deleting pods/log lets an attacker erase the evidence of what a container did.",
  remediation: "Remove delete and deletecollection on pods/log.",
  references: ["https://kubernetes.io/docs/concepts/cluster-administration/logging/"],
  peers: { trivy: ["KSV-0042"], nsa: ["LOG"] },
  matches: (r2) => ruleGrants(r2, CHECK5),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on pods/log: can erase container logs`
});

// packages/rules/src/rules/rbac/rbac-delete-resources.ts
var CHECK6 = {
  verbs: ["delete", "deletecollection"],
  resources: [
    ["", "secrets"],
    ["", "pods"],
    ["", "services"],
    ["", "configmaps"],
    ["", "persistentvolumeclaims"],
    ["", "persistentvolumes"],
    ["", "namespaces"],
    ["apps", "deployments"],
    ["apps", "statefulsets"],
    ["apps", "daemonsets"],
    ["apps", "replicasets"],
    ["batch", "jobs"],
    ["batch", "cronjobs"]
  ]
};
var rbacDeleteResources = roleContentRule({
  id: "rbac-delete-resources",
  title: "Role can delete workloads, data or namespaces",
  category: "rbac",
  severity: "low",
  description: "delete and deletecollection on namespaces, volumes, Secrets or workloads let a compromised identity destroy applications and data (ransomware, sabotage); deletecollection removes every object of a kind at once.",
  remediation: "Grant delete only to deployment automation and administrators; prefer GitOps reconciliation over interactive deletes.",
  references: ["https://microsoft.github.io/Threat-Matrix-for-Kubernetes/techniques/Data%20destruction/"],
  peers: { kubescape: ["C-0007"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, CHECK6),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]`
});

// packages/rules/src/rules/rbac/rbac-eks-aws-auth.ts
var CHECK7 = { verbs: MANAGE_VERBS, resources: [["", "configmaps"]] };
var rbacEksAwsAuth = roleContentRule({
  id: "rbac-eks-aws-auth",
  title: "Role can modify the EKS aws-auth ConfigMap",
  category: "rbac",
  severity: "high",
  description: "On EKS, kube-system/aws-auth maps IAM identities to Kubernetes users and groups; whoever can write it can map their IAM role to system:masters.",
  remediation: "Remove write access to aws-auth; manage it through EKS access entries or infrastructure-as-code only.",
  references: ["https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html"],
  peers: { trivy: ["KSV-0115"], nsa: ["AUTHN"] },
  matches: (r2) => (r2.resourceNames ?? []).includes("aws-auth") && ruleGrants(r2, CHECK7),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on ConfigMap aws-auth: can map IAM identities to cluster admins`
});

// packages/rules/src/rules/rbac/rbac-exec-attach.ts
var BUILTIN = /* @__PURE__ */ new Set(["admin", "edit", "cluster-admin", "gce:podsecuritypolicy:calico-sa"]);
var rbacExecAttach = roleContentRule({
  id: "rbac-exec-attach",
  title: "Role allows exec or attach into pods",
  category: "rbac",
  severity: "high",
  description: "pods/exec and pods/attach (create, or get over a WebSocket) give a shell in running containers: the holder acts with the container's service account, reads its mounted Secrets and bypasses every pod-level control.",
  remediation: "Remove pods/exec and pods/attach from the role; grant them just-in-time for debugging only.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
  peers: {
    polaris: ["clusterrolePodExecAttach", "rolePodExecAttach"],
    trivy: ["KSV-0053", "KSV-0054"],
    kubescape: ["C-0002"],
    nsa: ["RBAC"]
  },
  skip: (role) => role.kind === "ClusterRole" && BUILTIN.has(role.metadata?.name ?? ""),
  matches: (r2) => ruleGrants(r2, EXEC_ATTACH),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: shell access into pods`
});

// packages/rules/src/rules/rbac/rbac-grant-any-role.ts
var CREATE_BINDINGS = { verbs: ["create"], resources: [[RBAC_GROUP, "rolebindings"], [RBAC_GROUP, "clusterrolebindings"]] };
var BIND = { verbs: ["bind"], resources: [[RBAC_GROUP, "roles"], [RBAC_GROUP, "clusterroles"]] };
var rbacGrantAnyRole = defineRule({
  id: "rbac-grant-any-role",
  title: "Role can create bindings to any role",
  category: "rbac",
  severity: "high",
  kinds: ["Role", "ClusterRole"],
  description: "A role that can both create (Cluster)RoleBindings and bind (Cluster)Roles can hand any subject, itself included, any role it may bind, cluster-admin when the bind grant is unrestricted.",
  remediation: "Split binding creation from the bind verb, or restrict bind with resourceNames to specific low-privilege roles.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#restrictions-on-role-binding-creation-or-update"],
  peers: { trivy: ["KSV-0051", "KSV-0052"], kubescape: ["C-0191"], cis: ["5.1.8"], nsa: ["RBAC"] },
  *evaluate(ctx) {
    for (const kind of ["Role", "ClusterRole"]) {
      for (const { role, rules, isDefault } of rolesOfKind(ctx, kind)) {
        if (isDefault) continue;
        const c = rules.findIndex((r2) => ruleGrants(r2, CREATE_BINDINGS));
        if (c < 0) continue;
        const b = rules.findIndex((r2) => ruleGrants(r2, BIND) && (!r2.resourceNames || r2.resourceNames.length === 0 || r2.resourceNames.includes("*")));
        if (b < 0) continue;
        yield {
          object: role,
          path: `rules[${b}]`,
          observed: { createBindings: `rules[${c}]`, bind: rules[b].resources },
          message: `${roleName(role)} can create bindings (rules[${c}]) and bind any role (rules[${b}]): it can grant itself any bindable role`
        };
      }
    }
  }
});

// packages/rules/src/rules/rbac/rbac-impersonate.ts
var rbacImpersonate = roleContentRule({
  id: "rbac-impersonate",
  title: "Role allows impersonating users, groups or service accounts",
  category: "rbac",
  severity: "high",
  description: "The impersonate verb lets a subject act as another user, group (system:masters included) or service account, gaining all of their permissions.",
  remediation: "Remove impersonate, or restrict it with resourceNames to specific, low-privilege identities.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation"],
  peers: { trivy: ["KSV-0043"], kubescape: ["C-0065"], cis: ["5.1.8"], nsa: ["RBAC"] },
  skip: (role) => role.kind === "ClusterRole" && ["admin", "edit", "cluster-admin"].includes(role.metadata?.name ?? ""),
  matches: (r2) => ruleGrants(r2, IMPERSONATE),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: can act as other identities`
});

// packages/rules/src/rules/rbac/rbac-manage-configmaps.ts
var CHECK8 = { verbs: MANAGE_VERBS, resources: [["", "configmaps"]] };
var rbacManageConfigmaps = roleContentRule({
  id: "rbac-manage-configmaps",
  title: "Role can modify ConfigMaps",
  category: "rbac",
  severity: "low",
  description: "Writing ConfigMaps changes the configuration of the workloads that read them, e.g. CoreDNS' Corefile in kube-system (DNS poisoning) or an application's settings.",
  remediation: "Restrict ConfigMap write access with resourceNames, or to the namespaces that need it.",
  references: ["https://kubernetes.io/docs/concepts/configuration/configmap/"],
  peers: { trivy: ["KSV-0049"], kubescape: ["C-0037"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, CHECK8),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on ConfigMaps`
});

// packages/rules/src/rules/rbac/rbac-manage-networking.ts
var CHECK9 = {
  verbs: MANAGE_VERBS,
  resources: [
    ["", "services"],
    ["", "endpoints"],
    ["discovery.k8s.io", "endpointslices"],
    ["networking.k8s.io", "networkpolicies"],
    ["networking.k8s.io", "ingresses"],
    ["extensions", "ingresses"]
  ]
};
var rbacManageNetworking = roleContentRule({
  id: "rbac-manage-networking",
  title: "Role can modify Services, endpoints, Ingresses or NetworkPolicies",
  category: "rbac",
  severity: "low",
  description: "Writing Services, Endpoints(Slices), Ingresses or NetworkPolicies lets a subject redirect or intercept traffic, expose workloads, or lift network isolation.",
  remediation: "Grant networking write access only to the identities that deploy applications or manage the network.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/"],
  peers: { trivy: ["KSV-0056"], nsa: ["NP"] },
  matches: (r2) => ruleGrants(r2, CHECK9),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: can redirect traffic or lift isolation`
});

// packages/rules/src/rules/rbac/rbac-manage-webhooks.ts
var G2 = "admissionregistration.k8s.io";
var CHECK10 = {
  verbs: MANAGE_VERBS,
  resources: [[G2, "validatingwebhookconfigurations"], [G2, "mutatingwebhookconfigurations"], [G2, "validatingadmissionpolicies"], [G2, "validatingadmissionpolicybindings"]]
};
var rbacManageWebhooks = roleContentRule({
  id: "rbac-manage-webhooks",
  title: "Role can modify admission webhooks or policies",
  category: "rbac",
  severity: "high",
  description: "Whoever writes admission webhook configurations can disable policy enforcement or register a mutating webhook that injects containers into, or reads, every object created in the cluster.",
  remediation: "Grant write access to admission configuration only to the policy engine's installer.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#control-admission-webhooks"],
  peers: { trivy: ["KSV-0114"], kubescape: ["C-0281"], cis: ["5.1.12"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, CHECK10),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: can disable or hijack admission control`
});

// packages/rules/src/rules/rbac/rbac-manage-workloads.ts
var CHECK11 = { verbs: ["create", "update", "patch", "delete", "deletecollection"], resources: WORKLOAD_RESOURCES };
var rbacManageWorkloads = roleContentRule({
  id: "rbac-manage-workloads",
  title: "Role can create or change pods and workloads",
  category: "rbac",
  severity: "medium",
  description: "Whoever can create or modify pods or their controllers can run a pod with any service account in the namespace, mount its Secrets and, without admission control, start privileged containers: an escalation path to the namespace's and possibly the node's privileges.",
  remediation: "Grant workload write access only to CI/CD identities and operators, and enforce Pod Security Admission in the namespaces they deploy to.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation"],
  peers: { trivy: ["KSV-0048"], kubeLinter: ["access-to-create-pods"], kubescape: ["C-0188"], cis: ["5.1.4"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, CHECK11),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: can start pods`
});

// packages/rules/src/rules/rbac/rbac-modify-rolebindings.ts
var GET = { verbs: ["get"], resources: [[RBAC_GROUP, "rolebindings"], [RBAC_GROUP, "clusterrolebindings"]] };
var WRITE = { verbs: ["patch", "update"], resources: [[RBAC_GROUP, "rolebindings"], [RBAC_GROUP, "clusterrolebindings"]] };
var rbacModifyRolebindings = roleContentRule({
  id: "rbac-modify-rolebindings",
  title: "Role can add subjects to existing bindings",
  category: "rbac",
  severity: "medium",
  description: "get with patch/update on (Cluster)RoleBindings lets a subject add users, groups or service accounts to existing bindings, handing out the bound roles.",
  remediation: "Remove patch/update on bindings; manage bindings through reviewed manifests.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping"],
  peers: { trivy: ["KSV-0055"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, GET) && ruleGrants(r2, WRITE),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: can add subjects to bindings`
});

// packages/rules/src/rules/rbac/rbac-namespace-admin-role-binding.ts
var rbacNamespaceAdminRoleBinding = bindingRule({
  id: "rbac-namespace-admin-role-binding",
  title: "RoleBinding grants a wildcard Role",
  category: "rbac",
  severity: "medium",
  bindingKind: "RoleBinding",
  roleKind: "Role",
  description: "A RoleBinding to a Role with wildcard apiGroups, resources and verbs gives its subjects full control of the namespace, Secrets and RBAC included.",
  remediation: "Replace the wildcard Role with one listing the needed resources and verbs.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"],
  peers: { polaris: ["rolebindingClusterAdminRole"], nsa: ["RBAC"] },
  judge: (b, rules) => rules?.some(isAdminRule) ? { message: `binds wildcard Role ${b.scope}/${b.roleName} to ${subjectList(b)}` } : void 0
});

// packages/rules/src/rules/rbac/rbac-namespace-binding-clusterrole-exec-attach.ts
var rbacNamespaceBindingClusterroleExecAttach = execAttachBindingRule({
  id: "rbac-namespace-binding-clusterrole-exec-attach",
  title: "RoleBinding grants exec/attach through a ClusterRole",
  severity: "medium",
  bindingKind: "RoleBinding",
  roleKind: "ClusterRole",
  peers: { polaris: ["rolebindingClusterRolePodExecAttach"], kubescape: ["C-0002"], nsa: ["RBAC"] }
});

// packages/rules/src/rules/rbac/rbac-namespace-binding-role-exec-attach.ts
var rbacNamespaceBindingRoleExecAttach = execAttachBindingRule({
  id: "rbac-namespace-binding-role-exec-attach",
  title: "RoleBinding grants exec/attach through a Role",
  severity: "medium",
  bindingKind: "RoleBinding",
  roleKind: "Role",
  peers: { polaris: ["rolebindingRolePodExecAttach"], kubescape: ["C-0002"], nsa: ["RBAC"] }
});

// packages/rules/src/rules/rbac/rbac-namespace-cluster-admin-binding.ts
var rbacNamespaceClusterAdminBinding = bindingRule({
  id: "rbac-namespace-cluster-admin-binding",
  title: "RoleBinding grants cluster-admin in a namespace",
  category: "rbac",
  severity: "medium",
  bindingKind: "RoleBinding",
  roleKind: "ClusterRole",
  description: "A RoleBinding to cluster-admin (or a wildcard ClusterRole) gives its subjects every permission in the namespace, including its Secrets, RBAC and resource quotas; the built-in admin role is the intended namespace-administrator grant.",
  remediation: "Bind the admin or edit ClusterRole, or a purpose-built Role, instead.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
  peers: { polaris: ["rolebindingClusterAdminClusterRole"], kubescape: ["C-0035"], cis: ["5.1.1"], nsa: ["RBAC"] },
  judge: (b, rules) => {
    if (b.roleName === "cluster-admin") return { message: `binds cluster-admin in namespace ${b.scope} to ${subjectList(b)}` };
    if (rules?.some(isAdminRule)) return { message: `binds wildcard ClusterRole ${b.roleName} in namespace ${b.scope} to ${subjectList(b)}` };
    return void 0;
  }
});

// packages/rules/src/rules/rbac/rbac-node-proxy.ts
var CHECK12 = { verbs: ["get", "create"], resources: [["", "nodes/proxy"]] };
var rbacNodeProxy = roleContentRule({
  id: "rbac-node-proxy",
  title: "Role grants nodes/proxy",
  category: "rbac",
  severity: "high",
  description: "nodes/proxy gives direct access to every kubelet API (exec into any pod on the node, read logs) and is not subject to admission control or audit of the pod operations.",
  remediation: "Remove nodes/proxy; monitoring agents should use the metrics endpoints (nodes/metrics, nodes/stats) instead.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes"],
  peers: { trivy: ["KSV-0047"], kubescape: ["C-0279"], cis: ["5.1.10"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, CHECK12),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on nodes/proxy: full kubelet API access`
});

// packages/rules/src/rules/rbac/rbac-port-forward.ts
var rbacPortForward = roleContentRule({
  id: "rbac-port-forward",
  title: "Role allows port-forwarding into pods",
  category: "rbac",
  severity: "medium",
  description: "pods/portforward opens a tunnel from the user's machine to any port of a pod, bypassing Services, Ingress and NetworkPolicies.",
  remediation: "Remove pods/portforward from the role, or grant it only temporarily.",
  references: ["https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/"],
  peers: { kubescape: ["C-0063"], nsa: ["RBAC"] },
  skip: (role) => role.kind === "ClusterRole" && ["admin", "edit", "cluster-admin"].includes(role.metadata?.name ?? ""),
  matches: (r2) => ruleGrants(r2, PORT_FORWARD),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on [${list(r2.resources)}]: tunnels into pods past network policy`
});

// packages/rules/src/rules/rbac/rbac-secrets-access.ts
var CHECK13 = { verbs: [...READ_VERBS, ...MANAGE_VERBS], resources: SECRETS };
var rbacSecretsAccess = roleContentRule({
  id: "rbac-secrets-access",
  title: "Role grants access to Secrets",
  category: "rbac",
  severity: "medium",
  description: "Reading Secrets (get, list, watch) reveals credentials and service-account tokens; list and watch return every Secret's value at once. Writing them lets a subject plant credentials. Grant it only to the components that need it.",
  remediation: "Remove secrets from the rule, or restrict it to named Secrets with resourceNames and the get verb only.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets"],
  peers: { trivy: ["KSV-0041", "KSV-0113"], kubeLinter: ["access-to-secrets"], cis: ["5.1.2"], nsa: ["RBAC"] },
  matches: (r2) => ruleGrants(r2, CHECK13),
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on Secrets`
});

// packages/rules/src/rules/rbac/rbac-system-authenticated-binding.ts
var DEFAULT_ROLES = /* @__PURE__ */ new Set(["system:public-info-viewer", "system:discovery", "system:basic-user"]);
var rbacSystemAuthenticatedBinding = defineRule({
  id: "rbac-system-authenticated-binding",
  title: "Binding grants permissions to every authenticated identity",
  category: "rbac",
  severity: "high",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description: "system:authenticated contains every user and every service account of the cluster (and, on GKE, any Google account): a role bound to it is effectively granted to everyone with any credential.",
  remediation: "Bind the role to specific users, groups or service accounts instead of system:authenticated.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings"],
  peers: { kubescape: ["C-0265"], nsa: ["RBAC"] },
  *evaluate(ctx) {
    for (const b of rbacIndex(ctx).bindings) {
      if (b.roleKind === "ClusterRole" && DEFAULT_ROLES.has(b.roleName) && (isDefaultBinding(b.binding) || b.kind === "ClusterRoleBinding")) continue;
      for (let i = 0; i < b.subjects.length; i++) {
        const s2 = b.subjects[i];
        if (s2.kind !== "Group" || s2.name !== "system:authenticated") continue;
        yield {
          object: b.binding,
          path: `subjects[${i}]`,
          observed: `Group ${s2.name}`,
          message: `${roleLabel(b)} is granted ${scopeLabel(b)} to system:authenticated: every user and service account holds it`
        };
      }
    }
  }
});

// packages/rules/src/rules/rbac/rbac-system-masters-binding.ts
var rbacSystemMastersBinding = defineRule({
  id: "rbac-system-masters-binding",
  title: "Binding names the system:masters group",
  category: "rbac",
  severity: "high",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description: "Members of system:masters bypass RBAC entirely and cannot be stripped of access by removing bindings; a binding naming the group signals that certificates or tokens with that group are in use.",
  remediation: "Do not issue credentials with the system:masters group; bind a dedicated group to the roles it needs.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"],
  peers: { kubescape: ["C-0246"], cis: ["5.1.7"], nsa: ["AUTHN"] },
  *evaluate(ctx) {
    for (const b of rbacIndex(ctx).bindings) {
      if (isDefaultBinding(b.binding)) continue;
      for (let i = 0; i < b.subjects.length; i++) {
        const s2 = b.subjects[i];
        if (s2.kind !== "Group" || s2.name !== "system:masters") continue;
        yield { object: b.binding, path: `subjects[${i}]`, observed: `Group ${s2.name}`, message: `binds ${roleLabel(b)} to system:masters, a group that bypasses RBAC` };
      }
    }
  }
});

// packages/rules/src/rules/rbac/rbac-wildcard-all-resources.ts
var rbacWildcardAllResources = roleContentRule({
  id: "rbac-wildcard-all-resources",
  title: "Role grants access to every resource of every API group",
  category: "rbac",
  severity: "high",
  description: 'A rule with apiGroups "*" and resources "*" applies its verbs to every object type, Secrets, RBAC objects and CRDs included. Even read-only verbs then expose every Secret.',
  remediation: "Restrict apiGroups and resources to the ones the subject needs.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"],
  peers: { trivy: ["KSV-0046", "KSV-0112"], cis: ["5.1.3"], nsa: ["RBAC"] },
  matches: (r2) => (r2.apiGroups ?? []).includes("*") && (r2.resources ?? []).includes("*") && (r2.verbs ?? []).length > 0,
  message: (role, r2) => `${roleName(role)} grants [${list(r2.verbs)}] on every resource in every API group`
});

// packages/rules/src/rules/rbac/rbac-wildcard-rules.ts
var rbacWildcardRules = roleContentRule({
  id: "rbac-wildcard-rules",
  title: "Role uses wildcard verbs or resources",
  category: "rbac",
  severity: "medium",
  description: 'A Role or ClusterRole rule with "*" in verbs or resources grants every current and future verb or resource type, including ones added later by CRDs, so the grant silently widens over time.',
  remediation: 'List the exact verbs and resources the subject needs instead of "*".',
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"],
  peers: { kubeLinter: ["wildcard-in-rules"], kubescape: ["C-0187"], cis: ["5.1.3"], nsa: ["RBAC"] },
  matches: (r2) => (r2.verbs ?? []).includes("*") || (r2.resources ?? []).includes("*"),
  message: (role, r2) => `${roleName(role)} grants verbs [${list(r2.verbs)}] on resources [${list(r2.resources)}]: wildcards grant everything, now and later`
});

// packages/rules/src/rules/rbac/workload-sa-admin-rights.ts
var workloadSaAdminRights = defineRule({
  id: "workload-sa-admin-rights",
  title: "Workload runs as a service account with admin rights",
  category: "rbac",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["RoleBinding", "ClusterRoleBinding", "ClusterRole"],
  description: "The pod's service account is bound to cluster-admin or a wildcard role. Anyone who compromises the container (an RCE, a malicious dependency) gets those rights from the mounted token: cluster takeover for a ClusterRoleBinding.",
  remediation: "Give the workload its own service account bound to a least-privilege role, and set automountServiceAccountToken: false if it does not call the API.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#least-privilege"],
  peers: { kubescape: ["C-0272"], cis: ["5.1.1"], nsa: ["RBAC", "PS-SA"] },
  *evaluate(ctx) {
    const rbac = rbacIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      if (!tokenMounted(ctx, ref)) continue;
      const ns = nsOf(ref.object);
      const sa = serviceAccountName(ref.spec);
      for (const b of rbac.bindingsForServiceAccount(ns, sa)) {
        if (b.scope !== void 0 && b.scope !== ns) continue;
        if (isDefaultBinding(b.binding)) continue;
        const admin = b.roleName === "cluster-admin" && b.roleKind === "ClusterRole" ? true : grantedRules(b)?.some(isAdminRule);
        if (!admin) continue;
        yield {
          object: ref.object,
          path: `${ref.path}.serviceAccountName`,
          observed: `${ns}/${sa}`,
          message: `runs as ServiceAccount ${ns}/${sa}, which holds admin rights ${scopeLabel(b)} via ${bindingLabel(b)} (${roleLabel(b)})`
        };
        break;
      }
    }
  }
});

// packages/rules/src/rules/rbac/workload-sa-has-permissions.ts
var workloadSaHasPermissions = defineRule({
  id: "workload-sa-has-permissions",
  title: "Workload mounts a token with RBAC permissions (inventory)",
  category: "rbac",
  severity: "info",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["RoleBinding", "ClusterRoleBinding"],
  description: "Lists workloads whose pods mount a service-account token that RBAC bindings give permissions: these are the pods from which a compromised container can act on the API. Review that each needs it.",
  remediation: "Set automountServiceAccountToken: false on workloads that do not call the Kubernetes API.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"],
  peers: { kubescape: ["C-0053"], nsa: ["PS-SA"] },
  *evaluate(ctx) {
    const rbac = rbacIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      const sa = serviceAccountName(ref.spec);
      const bs = rbac.bindingsForServiceAccount(ns, sa).filter((b) => (b.scope === void 0 || b.scope === ns) && !isDefaultBinding(b.binding));
      if (bs.length === 0 || !tokenMounted(ctx, ref)) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccountName`,
        observed: `${ns}/${sa}`,
        message: `mounts the token of ServiceAccount ${ns}/${sa}, bound by ${bs.map((b) => `${bindingLabel(b)} (${roleLabel(b)})`).join(", ")}`
      };
    }
  }
});

// packages/rules/src/rules/rbac/workload-sa-risky-permissions.ts
var RISKS = [
  ["read Secrets", READ_SECRETS],
  ["create or change workloads", CREATE_WORKLOADS],
  ["exec into pods", EXEC_ATTACH],
  ["bind or escalate roles", BIND_ESCALATE],
  ["impersonate identities", IMPERSONATE],
  ["proxy to kubelets", { verbs: ["get", "create"], resources: [["", "nodes/proxy"]] }]
];
var riskCache = /* @__PURE__ */ new WeakMap();
function risksOf(b) {
  const hit = riskCache.get(b);
  if (hit) return hit;
  const rules = grantedRules(b) ?? [];
  const out = {
    admin: rules.some(isAdminRule) || b.roleKind === "ClusterRole" && b.roleName === "cluster-admin",
    risks: RISKS.filter(([, check2]) => grants(rules, check2)).map(([what]) => what)
  };
  riskCache.set(b, out);
  return out;
}
var workloadSaRiskyPermissions = defineRule({
  id: "workload-sa-risky-permissions",
  title: "Workload runs as a service account with escalation-prone permissions",
  category: "rbac",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["RoleBinding", "ClusterRoleBinding", "ClusterRole", "Role"],
  description: "Effective permissions of the pod's service account (bindings resolved, aggregated ClusterRoles and wildcards expanded) include reading Secrets, creating workloads, exec, bind/escalate, impersonation or nodes/proxy. A compromised container inherits them through its mounted token.",
  remediation: "Bind the service account to a role with only the verbs the application uses, or disable token automount when it does not call the API.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
  peers: { kubescape: ["C-0267"], nsa: ["RBAC", "PS-SA"] },
  *evaluate(ctx) {
    const rbac = rbacIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      const sa = serviceAccountName(ref.spec);
      const bs = rbac.bindingsForServiceAccount(ns, sa);
      if (bs.length === 0 || !tokenMounted(ctx, ref)) continue;
      const found = [];
      let admin = false;
      for (const b of bs) {
        if (b.scope !== void 0 && b.scope !== ns) continue;
        if (isDefaultBinding(b.binding)) continue;
        const r2 = risksOf(b);
        if (r2.admin) admin = true;
        for (const what of r2.risks) found.push(`${what} ${b.scope === void 0 ? "cluster-wide" : `in ${ns}`} via ${bindingLabel(b)}`);
      }
      if (admin || found.length === 0) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccountName`,
        observed: `${ns}/${sa}`,
        message: `pod runs as ServiceAccount ${ns}/${sa}, which can ${found.join("; ")}`
      };
    }
  }
});

// packages/rules/src/rules/rbac/index.ts
var rbacRules = [
  rbacAdminEquivalentRole,
  rbacAnonymousBinding,
  rbacApproveCsr,
  rbacBindEscalate,
  rbacBindingGrantsSecretsRead,
  rbacBindingMissingRole,
  rbacBindingMissingServiceAccount,
  rbacClusterAdminBinding,
  rbacClusterBindingExecAttach,
  rbacCreatePersistentVolumes,
  rbacCreateServiceAccountToken,
  rbacDefaultServiceAccountBound,
  rbacDeleteEvents,
  rbacDeletePodLogs,
  rbacDeleteResources,
  rbacEksAwsAuth,
  rbacExecAttach,
  rbacGrantAnyRole,
  rbacImpersonate,
  rbacManageConfigmaps,
  rbacManageNetworking,
  rbacManageWebhooks,
  rbacManageWorkloads,
  rbacModifyRolebindings,
  rbacNamespaceAdminRoleBinding,
  rbacNamespaceBindingClusterroleExecAttach,
  rbacNamespaceBindingRoleExecAttach,
  rbacNamespaceClusterAdminBinding,
  rbacNodeProxy,
  rbacPortForward,
  rbacSecretsAccess,
  rbacSystemAuthenticatedBinding,
  rbacSystemMastersBinding,
  rbacWildcardAllResources,
  rbacWildcardRules,
  workloadSaAdminRights,
  workloadSaHasPermissions,
  workloadSaRiskyPermissions
];

// packages/rules/src/helpers/deprecations.ts
var D = (apiVersion, kinds, deprecatedIn, removedIn, replacement) => ({ apiVersion, kinds, deprecatedIn, removedIn, replacement });
var DEPRECATIONS = [
  D("extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], "1.9", "1.16", "apps/v1"),
  D("extensions/v1beta1", ["NetworkPolicy"], "1.9", "1.16", "networking.k8s.io/v1"),
  D("extensions/v1beta1", ["PodSecurityPolicy"], "1.11", "1.16", "policy/v1beta1 (itself removed in 1.25: use Pod Security Admission)"),
  D("extensions/v1beta1", ["Ingress"], "1.14", "1.22", "networking.k8s.io/v1"),
  D("apps/v1beta1", ["Deployment", "StatefulSet", "ReplicaSet", "ControllerRevision"], "1.9", "1.16", "apps/v1"),
  D("apps/v1beta2", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"], "1.9", "1.16", "apps/v1"),
  D("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.19", "1.22", "networking.k8s.io/v1"),
  D("rbac.authorization.k8s.io/v1beta1", ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.17", "1.22", "rbac.authorization.k8s.io/v1"),
  D("rbac.authorization.k8s.io/v1alpha1", ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.17", "1.22", "rbac.authorization.k8s.io/v1"),
  D("admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.16", "1.22", "admissionregistration.k8s.io/v1"),
  D("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.16", "1.22", "apiextensions.k8s.io/v1"),
  D("apiregistration.k8s.io/v1beta1", ["APIService"], "1.19", "1.22", "apiregistration.k8s.io/v1"),
  D("authentication.k8s.io/v1beta1", ["TokenReview"], "1.19", "1.22", "authentication.k8s.io/v1"),
  D("authorization.k8s.io/v1beta1", ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"], "1.19", "1.22", "authorization.k8s.io/v1"),
  D("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.19", "1.22", "certificates.k8s.io/v1"),
  D("coordination.k8s.io/v1beta1", ["Lease"], "1.14", "1.22", "coordination.k8s.io/v1"),
  D("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.14", "1.22", "scheduling.k8s.io/v1"),
  D("scheduling.k8s.io/v1alpha1", ["PriorityClass"], "1.14", "1.17", "scheduling.k8s.io/v1"),
  D("storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.19", "1.22", "storage.k8s.io/v1"),
  D("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.24", "1.27", "storage.k8s.io/v1"),
  D("batch/v1beta1", ["CronJob"], "1.21", "1.25", "batch/v1"),
  D("batch/v2alpha1", ["CronJob"], "1.8", "1.21", "batch/v1"),
  D("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.21", "1.25", "discovery.k8s.io/v1"),
  D("events.k8s.io/v1beta1", ["Event"], "1.19", "1.25", "events.k8s.io/v1"),
  D("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.22", "1.25", "autoscaling/v2"),
  D("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.23", "1.26", "autoscaling/v2"),
  D("policy/v1beta1", ["PodDisruptionBudget"], "1.21", "1.25", "policy/v1"),
  D("policy/v1beta1", ["PodSecurityPolicy"], "1.21", "1.25", "Pod Security Admission namespace labels (or a policy engine)"),
  D("node.k8s.io/v1beta1", ["RuntimeClass"], "1.20", "1.25", "node.k8s.io/v1"),
  D("node.k8s.io/v1alpha1", ["RuntimeClass"], "1.14", "1.22", "node.k8s.io/v1"),
  D("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1"),
  D("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1"),
  D("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1"),
  D("admissionregistration.k8s.io/v1alpha1", ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], "1.28", "1.30", "admissionregistration.k8s.io/v1"),
  D("admissionregistration.k8s.io/v1beta1", ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], "1.30", "1.32", "admissionregistration.k8s.io/v1")
];
var byKey = /* @__PURE__ */ new Map();
for (const d of DEPRECATIONS) for (const k of d.kinds) byKey.set(`${d.apiVersion}|${k}`, d);
var DEPRECATED_KINDS = [...new Set(DEPRECATIONS.flatMap((d) => d.kinds))];
function parseMinor(v) {
  if (!v) return void 0;
  const m = /^v?(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : void 0;
}
function compareVersions(a, b) {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
var APPLIED_VERSION = /"apiVersion"\s*:\s*"([^"]+)"/;
function deprecationOf(obj) {
  const own = byKey.get(`${obj.apiVersion}|${obj.kind}`);
  if (own) return { dep: own, via: "apiVersion" };
  const ann = obj.metadata?.annotations?.[LAST_APPLIED];
  if (typeof ann !== "string" || ann.length === 0) return void 0;
  const m = APPLIED_VERSION.exec(ann.slice(0, 300));
  if (!m || m[1] === obj.apiVersion) return void 0;
  const d = byKey.get(`${m[1]}|${obj.kind}`);
  return d ? { dep: d, via: "last-applied" } : void 0;
}
function clusterMinor(ctx) {
  return parseMinor(ctx.snapshot.kubeVersion) ?? parseMinor(ctx.snapshot.gitVersion);
}

// packages/rules/src/rules/deprecated-api/deprecated-api-deprecated.ts
var deprecatedApiDeprecated = defineRule({
  id: "deprecated-api-deprecated",
  title: "Object uses a deprecated API version",
  category: "deprecated-api",
  severity: "low",
  kinds: ["Deployment", "DaemonSet", "StatefulSet", "Ingress", "CronJob"],
  description: "The apiVersion still works on the cluster's Kubernetes version but is deprecated and scheduled for removal: the upgrade that removes it will break deployments of this object.",
  remediation: "Migrate to the replacement apiVersion before upgrading to the version that removes it.",
  references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
  peers: { nsa: ["UPG"] },
  notEvaluable: (ctx) => clusterMinor(ctx) ? void 0 : "Kubernetes version unknown (pass --kube-version)",
  *evaluate(ctx) {
    const cluster = clusterMinor(ctx);
    if (!cluster) return;
    for (const kind of DEPRECATED_KINDS) {
      if (kind === "PodSecurityPolicy") continue;
      for (const obj of ctx.index.byKind(kind)) {
        const hit = deprecationOf(obj);
        if (!hit) continue;
        if (compareVersions(cluster, parseMinor(hit.dep.deprecatedIn)) < 0) continue;
        if (compareVersions(cluster, parseMinor(hit.dep.removedIn)) >= 0) continue;
        yield {
          object: obj,
          path: hit.via === "apiVersion" ? "apiVersion" : `metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]`,
          observed: hit.dep.apiVersion,
          message: `${hit.dep.apiVersion} ${kind} is deprecated since ${hit.dep.deprecatedIn} and removed in ${hit.dep.removedIn}; use ${hit.dep.replacement}`
        };
      }
    }
  }
});

// packages/rules/src/rules/deprecated-api/deprecated-api-removed.ts
var deprecatedApiRemoved = defineRule({
  id: "deprecated-api-removed",
  title: "Object uses an API version the cluster no longer serves",
  category: "deprecated-api",
  severity: "high",
  kinds: ["Deployment", "DaemonSet", "StatefulSet", "Ingress", "CronJob"],
  description: "The apiVersion was removed in the cluster's Kubernetes version (or, when the version is unknown, in current Kubernetes): applying the manifest fails, so fixes and rollouts of this object stop working, often discovered during an incident or an upgrade.",
  remediation: "Migrate the manifest (and Helm charts/operators that render it) to the replacement apiVersion, e.g. with kubectl convert.",
  references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/"],
  peers: { kubeLinter: ["no-extensions-v1beta"], nsa: ["UPG"] },
  *evaluate(ctx) {
    const cluster = clusterMinor(ctx);
    for (const kind of DEPRECATED_KINDS) {
      if (kind === "PodSecurityPolicy") continue;
      for (const obj of ctx.index.byKind(kind)) {
        const hit = deprecationOf(obj);
        if (!hit) continue;
        const removed = parseMinor(hit.dep.removedIn);
        if (cluster && compareVersions(cluster, removed) < 0) continue;
        const where = cluster ? `the cluster runs ${cluster.join(".")}` : "current Kubernetes";
        yield {
          object: obj,
          path: hit.via === "apiVersion" ? "apiVersion" : `metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]`,
          observed: hit.dep.apiVersion,
          message: `${hit.dep.apiVersion} ${kind} was removed in ${hit.dep.removedIn} (${where}); use ${hit.dep.replacement}${hit.via === "last-applied" ? " (the version recorded by kubectl apply)" : ""}`
        };
      }
    }
  }
});

// packages/rules/src/rules/deprecated-api/deprecated-kubelet-version-skew.ts
var deprecatedKubeletVersionSkew = defineRule({
  id: "deprecated-kubelet-version-skew",
  title: "Node runs an older kubelet than the control plane",
  category: "deprecated-api",
  severity: "medium",
  kinds: ["Node"],
  description: "The node's kubelet is older than the API server: it misses the security fixes of the control plane's release, and beyond three minor versions of skew it is unsupported.",
  remediation: "Upgrade the node (or its node pool) to the control plane's Kubernetes version.",
  references: ["https://kubernetes.io/releases/version-skew-policy/#kubelet"],
  peers: { kubescape: ["C-0273"], nsa: ["UPG"] },
  notEvaluable: (ctx) => clusterMinor(ctx) ? void 0 : "control-plane version unknown",
  *evaluate(ctx) {
    const cp = clusterMinor(ctx);
    if (!cp) return;
    for (const node of ctx.index.byKind("Node")) {
      const kv = node.status?.nodeInfo?.kubeletVersion;
      const k = parseMinor(typeof kv === "string" ? kv : void 0);
      if (!k || compareVersions(k, cp) >= 0) continue;
      const skew = cp[0] === k[0] ? cp[1] - k[1] : 99;
      yield {
        object: node,
        path: "status.nodeInfo.kubeletVersion",
        observed: kv,
        message: `kubelet ${kv} is ${skew} minor version${skew === 1 ? "" : "s"} behind the control plane (${cp.join(".")})${skew > 3 ? ": outside the supported skew" : ""}`
      };
    }
  }
});

// packages/rules/src/rules/deprecated-api/deprecated-kubernetes-version-eol.ts
var EOL = {
  "1.19": "2021-10-28",
  "1.20": "2022-02-28",
  "1.21": "2022-06-28",
  "1.22": "2022-10-28",
  "1.23": "2023-02-28",
  "1.24": "2023-07-28",
  "1.25": "2023-10-28",
  "1.26": "2024-02-28",
  "1.27": "2024-06-28",
  "1.28": "2024-10-28",
  "1.29": "2025-02-28",
  "1.30": "2025-06-28",
  "1.31": "2025-10-28",
  "1.32": "2026-02-28",
  "1.33": "2026-06-28",
  "1.34": "2026-10-27",
  "1.35": "2027-02-28"
};
function observedNow(ctx) {
  if (ctx.snapshot.takenAt) {
    const t3 = Date.parse(ctx.snapshot.takenAt);
    if (!Number.isNaN(t3)) return t3;
  }
  let max;
  for (const n2 of ctx.index.byKind("Namespace")) {
    const c = n2.metadata?.creationTimestamp;
    const t3 = typeof c === "string" ? Date.parse(c) : NaN;
    if (!Number.isNaN(t3) && (max === void 0 || t3 > max)) max = t3;
  }
  return max;
}
var deprecatedKubernetesVersionEol = defineRule({
  id: "deprecated-kubernetes-version-eol",
  title: "Kubernetes version is past its end of life",
  category: "deprecated-api",
  severity: "medium",
  kinds: ["Namespace"],
  description: "The cluster runs a Kubernetes minor version that no longer receives upstream security fixes (managed platforms may offer paid extended support).",
  remediation: "Upgrade the control plane and nodes to a supported minor version, one minor at a time.",
  references: ["https://kubernetes.io/releases/"],
  peers: { kubescape: ["C-0273"], nsa: ["UPG"] },
  notEvaluable: (ctx) => clusterMinor(ctx) && observedNow(ctx) !== void 0 ? void 0 : "Kubernetes version or scan time unknown",
  *evaluate(ctx) {
    const v = clusterMinor(ctx);
    const now = observedNow(ctx);
    if (!v || now === void 0) return;
    const key = `${v[0]}.${v[1]}`;
    const eol = EOL[key] ?? (v[0] === 1 && v[1] < 19 ? "2021-01-01" : void 0);
    if (!eol || now < Date.parse(eol)) return;
    const anchor = ctx.index.byKind("Namespace").find((n2) => n2.metadata?.name === "kube-system") ?? ctx.index.byKind("Namespace")[0];
    if (!anchor) return;
    yield { object: anchor, path: "metadata", observed: key, message: `Kubernetes ${key} reached upstream end of life on ${eol}` };
  }
});

// packages/rules/src/rules/deprecated-api/deprecated-pod-security-policy.ts
var deprecatedPodSecurityPolicy = defineRule({
  id: "deprecated-pod-security-policy",
  title: "PodSecurityPolicy is ignored (removed in 1.25)",
  category: "deprecated-api",
  severity: "medium",
  kinds: ["PodSecurityPolicy"],
  description: "Kubernetes 1.25 removed PodSecurityPolicy: on 1.25+ these objects cannot be created and nothing enforces them, so pods run without the restrictions the policy was believed to provide.",
  remediation: "Replace it with Pod Security Admission labels on namespaces (pod-security.kubernetes.io/enforce=baseline or restricted), explicit securityContext settings in workloads, and, for finer rules, an admission policy (ValidatingAdmissionPolicy, Kyverno, Gatekeeper).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/migrate-from-psp/"],
  peers: { nsa: ["PS-ENF", "UPG"] },
  *evaluate(ctx) {
    const v = clusterMinor(ctx);
    if (v && (v[0] < 1 || v[0] === 1 && v[1] < 25)) return;
    for (const psp of ctx.index.byKind("PodSecurityPolicy")) {
      yield {
        object: psp,
        path: "apiVersion",
        observed: psp.apiVersion,
        message: `PodSecurityPolicy ${psp.metadata?.name} is not enforced by Kubernetes ${v ? v.join(".") : "1.25+"}; move its restrictions to Pod Security Admission labels or an admission policy`
      };
    }
  }
});

// packages/rules/src/rules/deprecated-api/deprecated-psp-permissive.ts
var deprecatedPspPermissive = defineRule({
  id: "deprecated-psp-permissive",
  title: "PodSecurityPolicy allows privileged or host access",
  category: "deprecated-api",
  severity: "high",
  kinds: ["PodSecurityPolicy"],
  description: "On clusters before 1.25 that still enforce PodSecurityPolicy, a policy allowing privileged containers, host namespaces, privilege escalation, root users or added capabilities lets every pod it authorizes take over its node.",
  remediation: "Tighten the policy (privileged: false, hostPID/hostIPC/hostNetwork: false, allowPrivilegeEscalation: false, runAsUser MustRunAsNonRoot, requiredDropCapabilities [ALL]) and plan the migration to Pod Security Admission.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-policy/"],
  peers: { kubescape: ["C-0213", "C-0214", "C-0215", "C-0216", "C-0217", "C-0218", "C-0219", "C-0220"], cis: ["5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6", "5.2.7", "5.2.8", "5.2.9"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    const v = clusterMinor(ctx);
    if (v && v[0] === 1 && v[1] >= 25) return;
    for (const psp of ctx.index.byKind("PodSecurityPolicy")) {
      const s2 = psp.spec ?? {};
      const name = psp.metadata?.name;
      const flag = (field, what) => s2[field] === true ? [{ object: psp, path: `spec.${field}`, observed: true, message: `PodSecurityPolicy ${name} allows ${what}` }] : [];
      yield* flag("privileged", "privileged containers");
      yield* flag("hostPID", "the host PID namespace");
      yield* flag("hostIPC", "the host IPC namespace");
      yield* flag("hostNetwork", "the host network");
      if (s2.allowPrivilegeEscalation !== false) {
        yield { object: psp, path: "spec.allowPrivilegeEscalation", observed: s2.allowPrivilegeEscalation ?? "(default true)", message: `PodSecurityPolicy ${name} allows privilege escalation` };
      }
      const rule = s2.runAsUser?.rule;
      const ranges = Array.isArray(s2.runAsUser?.ranges) ? s2.runAsUser.ranges : [];
      if (rule === "RunAsAny" || rule === "MustRunAs" && ranges.some((r2) => Number(r2?.min) === 0)) {
        yield { object: psp, path: "spec.runAsUser.rule", observed: rule, message: `PodSecurityPolicy ${name} allows containers to run as root` };
      }
      const allowed = s2.allowedCapabilities;
      if (Array.isArray(allowed) && allowed.length > 0) {
        yield { object: psp, path: "spec.allowedCapabilities", observed: allowed, message: `PodSecurityPolicy ${name} lets pods add capabilities ${allowed.join(", ")}` };
      }
      const drop = s2.requiredDropCapabilities;
      if (!Array.isArray(drop) || !(drop.includes("ALL") || drop.includes("NET_RAW"))) {
        yield { object: psp, path: "spec.requiredDropCapabilities", observed: drop ?? "(unset)", message: `PodSecurityPolicy ${name} does not require dropping NET_RAW (or ALL)` };
      }
    }
  }
});

// packages/rules/src/rules/deprecated-api/index.ts
var deprecatedApiRules = [
  deprecatedApiDeprecated,
  deprecatedApiRemoved,
  deprecatedKubeletVersionSkew,
  deprecatedKubernetesVersionEol,
  deprecatedPodSecurityPolicy,
  deprecatedPspPermissive
];

// packages/rules/src/rules/storage/storage-class-unencrypted.ts
var OPT_IN = {
  "kubernetes.io/aws-ebs": "encrypted",
  "ebs.csi.aws.com": "encrypted",
  "rbd.csi.ceph.com": "encrypted",
  "cephfs.csi.ceph.com": "encrypted",
  "kubernetes.io/rbd": "encrypted",
  "cinder.csi.openstack.org": "encrypted",
  "csi.vsphere.vmware.com": "encrypted"
};
var storageClassUnencrypted = defineRule({
  id: "storage-class-unencrypted",
  title: "StorageClass provisions unencrypted volumes",
  category: "storage",
  severity: "medium",
  kinds: ["StorageClass"],
  description: "The StorageClass' provisioner encrypts volumes only on request, and the class does not request it: data written to these volumes (and their snapshots) is stored unencrypted.",
  remediation: `Set the provisioner's encryption parameter (e.g. encrypted: "true" with an optional kmsKeyId for EBS), or enable default encryption in the cloud account.`,
  references: ["https://kubernetes.io/docs/concepts/storage/storage-classes/"],
  peers: { kubescape: ["C-0264"], nsa: ["ENC"] },
  *evaluate(ctx) {
    for (const sc of ctx.index.byKind("StorageClass")) {
      const prov = sc.provisioner;
      const key = typeof prov === "string" ? OPT_IN[prov] : void 0;
      if (!key) continue;
      const v = sc.parameters?.[key];
      if (String(v).toLowerCase() === "true") continue;
      yield { object: sc, path: `parameters.${key}`, observed: v ?? "(unset)", message: `${prov} volumes of this class are not encrypted (parameters.${key} is not "true")` };
    }
  }
});

// packages/rules/src/rules/storage/storage-host-path-persistent-volume.ts
var storageHostPathPersistentVolume = defineRule({
  id: "storage-host-path-persistent-volume",
  title: "PersistentVolume exposes a node path",
  category: "storage",
  severity: "high",
  kinds: ["PersistentVolume"],
  description: "A hostPath PersistentVolume gives any pod that claims it the node's filesystem at that path, sidestepping Pod Security Admission's hostPath restriction (which only looks at pod specs).",
  remediation: "Use a CSI driver or local volumes with a StorageClass; if node storage is required, use `local` volumes with node affinity on a dedicated path.",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const pv of ctx.index.byKind("PersistentVolume")) {
      const hp = pv.spec?.hostPath;
      if (!hp || typeof hp !== "object") continue;
      yield { object: pv, path: "spec.hostPath.path", observed: hp.path, message: `PersistentVolume maps node path ${hp.path ?? "(unset)"} into any pod that claims it` };
    }
  }
});

// packages/rules/src/rules/storage/index.ts
var storageRules = [
  storageClassUnencrypted,
  storageHostPathPersistentVolume
];

// packages/rules/src/helpers/admission.ts
var ENGINES = ["kyverno", "gatekeeper", "kubewarden", "jspolicy", "opa", "polaris", "k-rail", "kube-policy", "datree", "neuvector", "stackrox", "sysdig-admission"];
function policyEngineOf(cfg) {
  const names = [cfg.metadata?.name ?? ""];
  const hooks = cfg.webhooks;
  if (Array.isArray(hooks)) {
    for (const h of hooks) {
      if (typeof h?.name === "string") names.push(h.name);
      const svc = h?.clientConfig?.service;
      if (svc && typeof svc.name === "string") names.push(`${svc.namespace ?? ""}/${svc.name}`);
    }
  }
  const hay = names.join(" ").toLowerCase();
  return ENGINES.find((e) => hay.includes(e));
}

// packages/rules/src/rules/admission/admission-no-policy-engine.ts
var admissionNoPolicyEngine = defineRule({
  id: "admission-no-policy-engine",
  title: "No pod admission policy in the cluster",
  category: "admission",
  severity: "medium",
  kinds: ["Namespace"],
  requiresKinds: ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"],
  clusterScope: true,
  description: "No namespace enforces a Pod Security Standard, no policy engine webhook (Kyverno, Gatekeeper, Kubewarden, ...) is registered and no bound ValidatingAdmissionPolicy exists: nothing stops a privileged or host-mounting pod at admission time.",
  remediation: "Enforce Pod Security Admission labels on namespaces, or install a policy engine with pod-security policies.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-admission/"],
  peers: { kubescape: ["C-0192"], cis: ["5.2.1"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    const namespaces = ctx.index.byKind("Namespace");
    if (namespaces.some((n2) => n2.metadata?.labels?.["pod-security.kubernetes.io/enforce"] && n2.metadata.labels["pod-security.kubernetes.io/enforce"] !== "privileged")) return;
    const policies = /* @__PURE__ */ new Set();
    for (const p of ctx.index.byKind("ValidatingAdmissionPolicy")) if (p.metadata?.name) policies.add(p.metadata.name);
    if (ctx.index.byKind("ValidatingAdmissionPolicyBinding").some((b) => policies.has(b.spec?.policyName))) return;
    for (const k of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]) {
      if (ctx.index.byKind(k).some((c) => policyEngineOf(c))) return;
    }
    const anchor = namespaces.find((n2) => n2.metadata?.name === "kube-system") ?? namespaces[0];
    if (!anchor) return;
    yield { object: anchor, path: "metadata.labels", message: "the cluster has no Pod Security Admission enforcement, no policy engine webhook and no bound ValidatingAdmissionPolicy" };
  }
});

// packages/rules/src/rules/admission/admission-policy-webhook-fail-open.ts
var admissionPolicyWebhookFailOpen = defineRule({
  id: "admission-policy-webhook-fail-open",
  title: "Policy engine webhook fails open",
  category: "admission",
  severity: "low",
  kinds: ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"],
  description: "A policy engine's webhook with failurePolicy: Ignore admits every request while the engine is down or unreachable, so an attacker who can disrupt it (or wait for an upgrade) bypasses the policies.",
  remediation: "Set failurePolicy: Fail on the policy webhooks (exclude kube-system with a namespaceSelector to keep the cluster recoverable) and run the engine highly available.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#failure-policy"],
  peers: { nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const kind of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]) {
      for (const cfg of ctx.index.byKind(kind)) {
        const engine = policyEngineOf(cfg);
        if (!engine) continue;
        const hooks = Array.isArray(cfg.webhooks) ? cfg.webhooks : [];
        for (let i = 0; i < hooks.length; i++) {
          if (hooks[i]?.failurePolicy !== "Ignore") continue;
          yield { object: cfg, path: `webhooks[${i}].failurePolicy`, observed: "Ignore", message: `${engine} webhook ${hooks[i]?.name ?? i} admits requests when the engine is unavailable` };
        }
      }
    }
  }
});

// packages/rules/src/rules/admission/admission-scc-privileged.ts
var PLATFORM = /* @__PURE__ */ new Set(["privileged", "node-exporter", "hostaccess", "hostmount-anyuid", "hostnetwork", "hostnetwork-v2"]);
var admissionSccPrivileged = defineRule({
  id: "admission-scc-privileged",
  title: "SecurityContextConstraints allows privileged containers",
  category: "admission",
  severity: "high",
  kinds: ["SecurityContextConstraints"],
  description: "On OpenShift, an SCC with allowPrivilegedContainer: true lets every user and service account it is granted to run privileged containers, i.e. take over the node.",
  remediation: "Set allowPrivilegedContainer: false, or restrict the SCC's users/groups to dedicated infrastructure service accounts.",
  references: ["https://docs.openshift.com/container-platform/latest/authentication/managing-security-context-constraints.html"],
  peers: { kubeLinter: ["scc-deny-privileged-container"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const scc of ctx.index.byKind("SecurityContextConstraints")) {
      if (scc.allowPrivilegedContainer !== true) continue;
      if (PLATFORM.has(scc.metadata?.name ?? "")) continue;
      yield { object: scc, path: "allowPrivilegedContainer", observed: true, message: `SCC ${scc.metadata?.name} allows privileged containers` };
    }
  }
});

// packages/rules/src/rules/admission/admission-webhook-inventory.ts
var admissionWebhookInventory = defineRule({
  id: "admission-webhook-inventory",
  title: "Admission webhook registered (inventory)",
  category: "admission",
  severity: "info",
  kinds: ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"],
  description: "Lists the admission webhooks: each sees (and, if mutating, can change) the objects it matches. Review that every one is expected; attackers register webhooks for persistence and credential capture.",
  remediation: "Remove webhooks you do not recognise; restrict who can write webhook configurations.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/"],
  peers: { kubescape: ["C-0036", "C-0039"] },
  *evaluate(ctx) {
    for (const kind of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]) {
      for (const cfg of ctx.index.byKind(kind)) {
        const hooks = Array.isArray(cfg.webhooks) ? cfg.webhooks : [];
        for (let i = 0; i < hooks.length; i++) {
          const h = hooks[i];
          const svc = h?.clientConfig?.service;
          const target = svc ? `service ${svc.namespace}/${svc.name}` : h?.clientConfig?.url ? `URL ${h.clientConfig.url}` : "no client config";
          yield { object: cfg, path: `webhooks[${i}]`, observed: h?.name, message: `${kind === "MutatingWebhookConfiguration" ? "mutating" : "validating"} webhook ${h?.name ?? i} calls ${target}` };
        }
      }
    }
  }
});

// packages/rules/src/rules/admission/index.ts
var admissionRules = [
  admissionNoPolicyEngine,
  admissionPolicyWebhookFailOpen,
  admissionSccPrivileged,
  admissionWebhookInventory
];

// packages/rules/src/rules/namespaces/namespace-default-used.ts
var namespaceDefaultUsed = defineRule({
  id: "namespace-default-used",
  title: "Workload runs in the default namespace",
  category: "namespaces",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description: "The default namespace is where anything without an explicit namespace lands; workloads there share RBAC, quotas and network policy with every stray object, so isolation and least privilege cannot be applied.",
  remediation: "Create a namespace per application or team and set metadata.namespace explicitly.",
  references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"],
  peers: { trivy: ["KSV-0110"], kubeLinter: ["use-namespace"], kubescape: ["C-0061"], cis: ["5.7.4"], nsa: ["NSP"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const ns = ref.object.metadata?.namespace;
      if (ns && ns !== "default") continue;
      yield {
        object: ref.object,
        path: "metadata.namespace",
        observed: ns ?? "(unset)",
        message: ns ? `${ref.object.kind} runs in the default namespace` : `${ref.object.kind} sets no namespace and lands in default unless applied with -n`
      };
    }
  }
});

// packages/rules/src/rules/namespaces/namespace-kube-system-user-workload.ts
var SYSTEM_APPS = [
  "kube-dns",
  "coredns",
  "kube-proxy",
  "metrics-server",
  "calico-node",
  "calico-kube-controllers",
  "cilium",
  "cilium-operator",
  "hubble-relay",
  "aws-node",
  "ebs-csi-controller",
  "ebs-csi-node",
  "efs-csi-controller",
  "efs-csi-node",
  "kube-flannel",
  "flannel",
  "weave-net",
  "konnectivity-agent",
  "cluster-autoscaler",
  "metadata-proxy",
  "gke-metadata-server",
  "azure-ip-masq-agent",
  "cloud-node-manager",
  "csi-azuredisk-node",
  "csi-azurefile-node",
  "kube-state-metrics",
  "local-path-provisioner",
  "traefik",
  "svclb",
  "snapshot-controller",
  "pdcsi-node",
  "fluentbit-gke",
  "event-exporter",
  "l7-default-backend",
  "antrea-agent",
  "antrea-controller"
];
function isSystemComponent(labels, name) {
  if (labels.component && labels.tier === "control-plane") return true;
  if (labels["addonmanager.kubernetes.io/mode"]) return true;
  for (const key of ["k8s-app", "app.kubernetes.io/name", "app", "name"]) {
    const v = labels[key];
    if (v && SYSTEM_APPS.includes(v)) return true;
  }
  return SYSTEM_APPS.some((a) => name === a || name.startsWith(`${a}-`));
}
var namespaceKubeSystemUserWorkload = defineRule({
  id: "namespace-kube-system-user-workload",
  title: "User workload runs in kube-system",
  category: "namespaces",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description: "kube-system holds the cluster's own components and their highly privileged service accounts and Secrets; an application placed there shares that trust boundary, and anyone managing it gets access to the control plane's credentials.",
  remediation: "Move the workload to its own namespace.",
  references: ["https://kubernetes.io/docs/concepts/security/multi-tenancy/#namespaces"],
  peers: { trivy: ["KSV-0037"], nsa: ["NSP"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.object.metadata?.namespace !== "kube-system") continue;
      const labels = { ...ref.object.metadata?.labels, ...ref.meta.labels };
      if (isSystemComponent(labels, ref.object.metadata?.name ?? "")) continue;
      yield { object: ref.object, path: "metadata.namespace", observed: "kube-system", message: `${ref.object.kind} ${ref.object.metadata?.name} is not a recognised cluster component but runs in kube-system` };
    }
  }
});

// packages/rules/src/rules/namespaces/namespace-psa-enforce-missing.ts
var PSA_ENFORCE = "pod-security.kubernetes.io/enforce";
var namespacePsaEnforceMissing = defineRule({
  id: "namespace-psa-enforce-missing",
  title: "Namespace does not enforce a Pod Security Standard",
  category: "namespaces",
  severity: "medium",
  kinds: ["Namespace"],
  description: "Without a pod-security.kubernetes.io/enforce label, Pod Security Admission admits privileged, host-namespace and root pods into the namespace (unless the cluster sets a default or a policy engine blocks them).",
  remediation: "Label the namespace pod-security.kubernetes.io/enforce=restricted (or baseline), after checking workloads with the warn and audit modes.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-admission/"],
  peers: { cis: ["5.2.1"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const n2 of ctx.index.byKind("Namespace")) {
      const name = n2.metadata?.name ?? "";
      if (SYSTEM_NAMESPACES.has(name)) continue;
      const labels = n2.metadata?.labels ?? {};
      if (labels[PSA_ENFORCE]) continue;
      const hint = labels["pod-security.kubernetes.io/warn"] || labels["pod-security.kubernetes.io/audit"] ? " (warn/audit only)" : "";
      yield {
        object: n2,
        path: `metadata.labels`,
        message: `namespace ${name} has no Pod Security Admission enforce label${hint}`,
        fix: { type: "merge-patch", content: JSON.stringify({ metadata: { labels: { [PSA_ENFORCE]: "baseline" } } }), description: "Enforce at least the baseline standard" }
      };
    }
  }
});

// packages/rules/src/rules/namespaces/namespace-psa-enforce-privileged.ts
var namespacePsaEnforcePrivileged = defineRule({
  id: "namespace-psa-enforce-privileged",
  title: "Namespace explicitly allows privileged pods",
  category: "namespaces",
  severity: "medium",
  kinds: ["Namespace"],
  description: "pod-security.kubernetes.io/enforce=privileged turns Pod Security Admission off for the namespace: privileged containers, host namespaces and hostPath volumes are admitted.",
  remediation: "Use baseline or restricted; keep privileged only for infrastructure namespaces (CNI, CSI, monitoring agents) that need it, and document why.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#privileged"],
  peers: { cis: ["5.2.1"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const n2 of ctx.index.byKind("Namespace")) {
      const name = n2.metadata?.name ?? "";
      if (SYSTEM_NAMESPACES.has(name)) continue;
      const v = n2.metadata?.labels?.[PSA_ENFORCE];
      if (v !== "privileged") continue;
      yield { object: n2, path: `metadata.labels["${PSA_ENFORCE}"]`, observed: v, message: `namespace ${name} enforces the privileged Pod Security Standard (no restrictions)` };
    }
  }
});

// packages/rules/src/rules/namespaces/index.ts
var namespacesRules = [
  namespaceDefaultUsed,
  namespaceKubeSystemUserWorkload,
  namespacePsaEnforceMissing,
  namespacePsaEnforcePrivileged
];

// packages/rules/src/rules/exposure/exposure-ingress-dangling.ts
var exposureIngressDangling = defineRule({
  id: "exposure-ingress-dangling",
  title: "Ingress routes to a Service that does not exist",
  category: "exposure",
  severity: "low",
  kinds: ["Ingress"],
  requiresKinds: ["Service"],
  description: "A backend Service named by the Ingress is missing from its namespace: requests fail, and whoever creates a Service with that name receives the host's traffic.",
  remediation: "Point the backend at an existing Service, or remove the path.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/ingress/"],
  peers: { kubeLinter: ["dangling-ingress"], kubescape: ["C-0298"] },
  *evaluate(ctx) {
    for (const ing of ctx.index.byKind("Ingress")) {
      const spec = ing.spec ?? {};
      const ns = nsOf(ing);
      const check2 = function* (backend, path3) {
        const name = backend?.service?.name ?? backend?.serviceName;
        if (typeof name !== "string" || !name) return;
        if (findNamed(ctx, "Service", ns, name)) return;
        yield { object: ing, path: path3, observed: name, message: `backend Service ${ns}/${name} does not exist` };
      };
      if (spec.defaultBackend) yield* check2(spec.defaultBackend, "spec.defaultBackend.service.name");
      if (spec.backend) yield* check2(spec.backend, "spec.backend.serviceName");
      const rules = Array.isArray(spec.rules) ? spec.rules : [];
      for (let i = 0; i < rules.length; i++) {
        const paths = rules[i]?.http?.paths;
        if (!Array.isArray(paths)) continue;
        for (let j = 0; j < paths.length; j++) {
          const b = paths[j]?.backend;
          const field = b?.service ? "backend.service.name" : "backend.serviceName";
          yield* check2(b, `spec.rules[${i}].http.paths[${j}].${field}`);
        }
      }
    }
  }
});

// packages/rules/src/rules/exposure/exposure-ingress-no-tls.ts
var exposureIngressNoTls = defineRule({
  id: "exposure-ingress-no-tls",
  title: "Ingress serves plain HTTP",
  category: "exposure",
  severity: "medium",
  kinds: ["Ingress"],
  description: "An Ingress without spec.tls serves its hosts over unencrypted HTTP: credentials and data cross the network in clear text.",
  remediation: "Add spec.tls with a certificate Secret for each host (e.g. issued by cert-manager).",
  references: ["https://kubernetes.io/docs/concepts/services-networking/ingress/#tls"],
  peers: { polaris: ["tlsSettingsMissing"], kubescape: ["C-0263"], nsa: ["ENC"] },
  *evaluate(ctx) {
    for (const ing of ctx.index.byKind("Ingress")) {
      const tls = ing.spec?.tls;
      if (Array.isArray(tls) && tls.length > 0) continue;
      yield {
        object: ing,
        path: "spec.tls",
        message: "Ingress has no TLS configuration",
        fix: { type: "yaml", content: "spec:\n  tls:\n    - hosts: [example.com]\n      secretName: example-tls\n", description: "Add a TLS section for each host" }
      };
    }
  }
});

// packages/rules/src/rules/exposure/exposure-kube-proxy-metrics.ts
var METRICS = /metricsBindAddress:\s*["']?([^"'\s]*)/;
var exposureKubeProxyMetrics = defineRule({
  id: "exposure-kube-proxy-metrics",
  title: "kube-proxy serves metrics on all interfaces",
  category: "exposure",
  severity: "low",
  kinds: ["ConfigMap"],
  description: "kube-proxy's metricsBindAddress bound to 0.0.0.0 exposes its unauthenticated metrics and debug endpoints (port 10249) to everything that can reach the nodes.",
  remediation: "Set metricsBindAddress to 127.0.0.1:10249 in the kube-proxy configuration, or restrict port 10249 with host firewalls.",
  references: ["https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/"],
  peers: { kubescape: ["C-0291"], nsa: ["CP"] },
  *evaluate(ctx) {
    for (const cm of ctx.index.byKind("ConfigMap")) {
      if (cm.metadata?.name !== "kube-proxy" || cm.metadata?.namespace !== "kube-system") continue;
      const data = cm.data ?? {};
      for (const key of Object.keys(data)) {
        const v = data[key];
        if (typeof v !== "string") continue;
        const m = METRICS.exec(v);
        if (!m) continue;
        const addr = m[1] ?? "";
        if (addr.startsWith("127.") || addr.startsWith("localhost") || addr.startsWith("[::1]")) continue;
        yield { object: cm, path: `data["${key}"]`, observed: `metricsBindAddress: ${addr || "(empty)"}`, message: `kube-proxy metrics bind to ${addr || "the default"}, reachable from the network` };
      }
    }
  }
});

// packages/rules/src/rules/exposure/exposure-route-dangling.ts
var exposureRouteDangling = defineRule({
  id: "exposure-route-dangling",
  title: "HTTPRoute routes to a Service that does not exist",
  category: "exposure",
  severity: "low",
  kinds: ["HTTPRoute"],
  requiresKinds: ["Service"],
  description: "A Gateway API HTTPRoute backendRef names a Service missing from its namespace: requests fail, and whoever creates a Service with that name receives the route's traffic.",
  remediation: "Point the backendRef at an existing Service, or remove the rule.",
  references: ["https://gateway-api.sigs.k8s.io/api-types/httproute/#backendrefs-optional"],
  peers: { kubescape: ["C-0302"] },
  *evaluate(ctx) {
    for (const route of ctx.index.byKind("HTTPRoute")) {
      const rules = route.spec?.rules;
      if (!Array.isArray(rules)) continue;
      for (let i = 0; i < rules.length; i++) {
        const refs = rules[i]?.backendRefs;
        if (!Array.isArray(refs)) continue;
        for (let j = 0; j < refs.length; j++) {
          const r2 = refs[j];
          if (!r2 || typeof r2.name !== "string") continue;
          if ((r2.kind ?? "Service") !== "Service" || (r2.group ?? "") !== "") continue;
          const ns = typeof r2.namespace === "string" && r2.namespace ? r2.namespace : nsOf(route);
          if (findNamed(ctx, "Service", ns, r2.name)) continue;
          yield { object: route, path: `spec.rules[${i}].backendRefs[${j}].name`, observed: `${ns}/${r2.name}`, message: `backend Service ${ns}/${r2.name} does not exist` };
        }
      }
    }
  }
});

// packages/rules/src/rules/exposure/exposure-sensitive-interface.ts
var SENSITIVE2 = [
  "kubernetes-dashboard",
  "dashboard",
  "jenkins",
  "argocd",
  "weave-scope",
  "scope",
  "kibana",
  "grafana",
  "prometheus",
  "alertmanager",
  "kubeflow",
  "jupyter",
  "elasticsearch",
  "phpmyadmin",
  "pgadmin",
  "rabbitmq",
  "portainer",
  "rancher",
  "consul",
  "vault",
  "minio",
  "kafka-ui",
  "airflow",
  "spark"
];
function imageName(image) {
  const noDigest = image.split("@")[0];
  const slash = noDigest.lastIndexOf("/");
  const last = noDigest.slice(slash + 1);
  return last.split(":")[0].toLowerCase();
}
var PREFIXES = SENSITIVE2.map((s2) => `${s2}-`);
var SUFFIXES = SENSITIVE2.map((s2) => `-${s2}`);
var memo = /* @__PURE__ */ new Map();
function sensitiveImage(img) {
  const hit = memo.get(img);
  if (hit !== void 0) return hit ?? void 0;
  const n2 = imageName(img);
  let found = null;
  for (let i = 0; i < SENSITIVE2.length; i++) {
    if (n2 === SENSITIVE2[i] || n2.startsWith(PREFIXES[i]) || n2.endsWith(SUFFIXES[i])) {
      found = SENSITIVE2[i];
      break;
    }
  }
  if (memo.size > 1e4) memo.clear();
  memo.set(img, found);
  return found ?? void 0;
}
var exposureSensitiveInterface = defineRule({
  id: "exposure-sensitive-interface",
  title: "Administrative UI exposed outside the cluster",
  category: "exposure",
  severity: "high",
  kinds: ["Service"],
  requiresKinds: ["Deployment"],
  description: "A workload running a known administrative or data UI (Kubernetes Dashboard, Jenkins, Argo CD, Grafana, Kibana, Jupyter, ...) is selected by a LoadBalancer or NodePort Service, so the interface is reachable from outside the cluster; such UIs are a common initial-access path.",
  remediation: "Keep admin UIs on ClusterIP Services reached through an authenticating proxy, VPN or kubectl port-forward.",
  references: ["https://microsoft.github.io/Threat-Matrix-for-Kubernetes/techniques/Exposed%20sensitive%20interfaces/"],
  peers: { kubescape: ["C-0021"], nsa: ["NP"] },
  *evaluate(ctx) {
    const exposedByNs = /* @__PURE__ */ new Map();
    for (const s2 of ctx.index.byKind("Service")) {
      const t3 = s2.spec?.type;
      if (t3 !== "LoadBalancer" && t3 !== "NodePort") continue;
      const k = nsOf(s2);
      const l = exposedByNs.get(k);
      if (l) l.push(s2);
      else exposedByNs.set(k, [s2]);
    }
    if (exposedByNs.size === 0) return;
    for (const ref of podSpecs(ctx)) {
      let ui;
      for (const c of containers(ref, { init: false, ephemeral: false })) {
        if (typeof c.container.image === "string") ui = sensitiveImage(c.container.image);
        if (ui) break;
      }
      if (!ui) continue;
      const exposed = exposedByNs.get(nsOf(ref.object));
      if (!exposed) continue;
      for (const s2 of exposed) {
        if (!mapSelectorMatches(s2.spec?.selector, ref.meta.labels)) continue;
        yield {
          object: s2,
          path: "spec.type",
          observed: s2.spec.type,
          message: `${s2.spec.type} Service exposes ${ui} (${ref.object.kind} ${ref.object.metadata?.name}) outside the cluster`
        };
      }
    }
  }
});

// packages/rules/src/rules/exposure/exposure-service-dangling.ts
var exposureServiceDangling = defineRule({
  id: "exposure-service-dangling",
  title: "Service selects no pods",
  category: "exposure",
  severity: "low",
  kinds: ["Service"],
  description: "The Service's selector matches no workload in its namespace, so it has no endpoints; a later workload that happens to carry those labels would silently receive its traffic.",
  remediation: "Fix the selector to match the intended pods, or delete the Service.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/"],
  peers: { kubeLinter: ["dangling-service"], kubescape: ["C-0293"] },
  *evaluate(ctx) {
    for (const s2 of ctx.index.byKind("Service")) {
      const spec = s2.spec ?? {};
      const sel = spec.selector;
      if (spec.type === "ExternalName" || !sel || typeof sel !== "object" || Object.keys(sel).length === 0) continue;
      const pods = workloadLabelsIn(ctx, nsOf(s2));
      if (pods.some((labels) => mapSelectorMatches(sel, labels))) continue;
      yield { object: s2, path: "spec.selector", observed: sel, message: `selector matches no workload in namespace ${nsOf(s2)}` };
    }
  }
});

// packages/rules/src/rules/exposure/exposure-service-external-ips.ts
var exposureServiceExternalIps = defineRule({
  id: "exposure-service-external-ips",
  title: "Service sets externalIPs",
  category: "exposure",
  severity: "medium",
  kinds: ["Service"],
  description: "spec.externalIPs makes kube-proxy capture traffic to those addresses on every node; whoever can create Services can intercept traffic meant for other hosts (CVE-2020-8554).",
  remediation: "Remove externalIPs; use a LoadBalancer or Ingress, and enable the DenyServiceExternalIPs admission plugin.",
  references: ["https://github.com/kubernetes/kubernetes/issues/97076"],
  peers: { trivy: ["KSV-0108"], nsa: ["NP"] },
  *evaluate(ctx) {
    for (const s2 of ctx.index.byKind("Service")) {
      const ips = s2.spec?.externalIPs;
      if (!Array.isArray(ips) || ips.length === 0) continue;
      yield { object: s2, path: "spec.externalIPs", observed: ips, message: `Service claims external IPs ${ips.join(", ")}` };
    }
  }
});

// packages/rules/src/rules/exposure/exposure-service-load-balancer.ts
var INTERNAL = [
  ["service.beta.kubernetes.io/aws-load-balancer-internal", (v) => v === "true" || v === "0.0.0.0/0"],
  ["service.beta.kubernetes.io/aws-load-balancer-scheme", (v) => v === "internal"],
  ["networking.gke.io/load-balancer-type", (v) => v.toLowerCase() === "internal"],
  ["cloud.google.com/load-balancer-type", (v) => v.toLowerCase() === "internal"],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", (v) => v === "true"],
  ["service.beta.kubernetes.io/oci-load-balancer-internal", (v) => v === "true"]
];
var ENTRY_POINTS = /* @__PURE__ */ new Set([
  "ingress-nginx",
  "nginx-ingress",
  "traefik",
  "contour",
  "envoy",
  "kong",
  "istio-ingressgateway",
  "ingressgateway",
  "haproxy-ingress",
  "emissary-ingress",
  "ambassador",
  "gateway-api-envoy",
  "cilium-gateway"
]);
function isEntryPoint(selector) {
  if (!selector || typeof selector !== "object") return false;
  for (const [k, v] of Object.entries(selector)) {
    if (typeof v !== "string") continue;
    if ((k === "app.kubernetes.io/name" || k === "app" || k === "istio" || k === "app.kubernetes.io/component") && ENTRY_POINTS.has(v)) return true;
  }
  return false;
}
var exposureServiceLoadBalancer = defineRule({
  id: "exposure-service-load-balancer",
  title: "Service is exposed through a public load balancer",
  category: "exposure",
  severity: "medium",
  kinds: ["Service"],
  description: "A Service of type LoadBalancer without an internal-load-balancer annotation or loadBalancerSourceRanges gets a cloud load balancer reachable from the internet.",
  remediation: "Expose HTTP services through an Ingress/Gateway with TLS and authentication, mark the load balancer internal, or restrict spec.loadBalancerSourceRanges.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer"],
  peers: { kubeLinter: ["exposed-services"], kubescape: ["C-0256"], nsa: ["NP"] },
  *evaluate(ctx) {
    for (const s2 of ctx.index.byKind("Service")) {
      const spec = s2.spec ?? {};
      if (spec.type !== "LoadBalancer") continue;
      if (isEntryPoint(spec.selector)) continue;
      const ann = s2.metadata?.annotations ?? {};
      if (INTERNAL.some(([k, ok]) => typeof ann[k] === "string" && ok(ann[k]))) continue;
      const ranges = spec.loadBalancerSourceRanges;
      if (Array.isArray(ranges) && ranges.length > 0 && !ranges.includes("0.0.0.0/0")) continue;
      const ports = Array.isArray(spec.ports) ? spec.ports.map((p) => p?.port).filter((x) => x !== void 0).join(",") : "";
      yield { object: s2, path: "spec.type", observed: "LoadBalancer", message: `Service is exposed by a public load balancer${ports ? ` on ports ${ports}` : ""} with no source-range restriction` };
    }
  }
});

// packages/rules/src/rules/exposure/exposure-service-node-port.ts
var exposureServiceNodePort = defineRule({
  id: "exposure-service-node-port",
  title: "Service is exposed on every node (NodePort)",
  category: "exposure",
  severity: "low",
  kinds: ["Service"],
  description: "A NodePort Service opens a port on every node's address, bypassing Ingress-level TLS and authentication; nodes with public IPs expose it to the internet.",
  remediation: "Use a ClusterIP Service behind an Ingress or Gateway, or restrict node ports with firewall rules.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport"],
  peers: { kubeLinter: ["exposed-services"], nsa: ["NP"] },
  *evaluate(ctx) {
    for (const s2 of ctx.index.byKind("Service")) {
      if (s2.spec?.type !== "NodePort") continue;
      yield { object: s2, path: "spec.type", observed: "NodePort", message: "Service opens a port on every node" };
    }
  }
});

// packages/rules/src/rules/exposure/index.ts
var exposureRules = [
  exposureIngressDangling,
  exposureIngressNoTls,
  exposureKubeProxyMetrics,
  exposureRouteDangling,
  exposureSensitiveInterface,
  exposureServiceDangling,
  exposureServiceExternalIps,
  exposureServiceLoadBalancer,
  exposureServiceNodePort
];

// packages/rules/src/helpers/network.ts
function policyTypes(policy) {
  const spec = policy.spec ?? {};
  const types = spec.policyTypes;
  if (Array.isArray(types) && types.length > 0) {
    const t3 = types.map((x) => String(x).toLowerCase());
    return { ingress: t3.includes("ingress"), egress: t3.includes("egress") };
  }
  return { ingress: true, egress: Array.isArray(spec.egress) && spec.egress.length > 0 };
}
var cache6 = /* @__PURE__ */ new WeakMap();
function networkIndex(ctx) {
  const hit = cache6.get(ctx.index);
  if (hit) return hit;
  const byNs = /* @__PURE__ */ new Map();
  for (const p of ctx.index.byKind("NetworkPolicy")) {
    const spec = p.spec ?? {};
    const t3 = policyTypes(p);
    const info = {
      policy: p,
      namespace: nsOf(p),
      podSelector: spec.podSelector && typeof spec.podSelector === "object" ? spec.podSelector : {},
      ingress: t3.ingress,
      egress: t3.egress,
      ingressRules: Array.isArray(spec.ingress) ? spec.ingress : [],
      egressRules: Array.isArray(spec.egress) ? spec.egress : []
    };
    const l = byNs.get(info.namespace);
    if (l) l.push(info);
    else byNs.set(info.namespace, [info]);
  }
  const idx = {
    policies: (ns) => byNs.get(ns) ?? [],
    selecting: (ns, labels) => (byNs.get(ns) ?? []).filter((p) => selectorMatches(p.podSelector, labels, true))
  };
  cache6.set(ctx.index, idx);
  return idx;
}
function peersAllowAll(peers) {
  if (!Array.isArray(peers) || peers.length === 0) return true;
  for (const p of peers) {
    if (!p || typeof p !== "object") continue;
    const cidr = p.ipBlock?.cidr;
    if ((cidr === "0.0.0.0/0" || cidr === "::/0") && !(p.ipBlock?.except?.length > 0)) return true;
    const ns = p.namespaceSelector;
    const pod = p.podSelector;
    const empty = (s2) => s2 && typeof s2 === "object" && Object.keys(s2.matchLabels ?? {}).length === 0 && (s2.matchExpressions ?? []).length === 0;
    if (empty(ns) && (pod === void 0 || empty(pod))) return true;
  }
  return false;
}
function* namespacesToJudge(ctx) {
  const seen = /* @__PURE__ */ new Set();
  for (const n2 of ctx.index.byKind("Namespace")) {
    const name = n2.metadata?.name;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    if (n2.status?.phase === "Terminating") continue;
    if (!SYSTEM_NAMESPACES.has(name)) yield { ns: name, object: n2, path: "metadata" };
  }
  for (const ref of allPodSpecs(ctx)) {
    const ns = nsOf(ref.object);
    if (seen.has(ns)) continue;
    seen.add(ns);
    if (!SYSTEM_NAMESPACES.has(ns)) yield { ns, object: ref.object, path: "metadata.namespace" };
  }
}

// packages/rules/src/rules/network/network-namespace-no-default-deny-egress.ts
var networkNamespaceNoDefaultDenyEgress = defineRule({
  id: "network-namespace-no-default-deny-egress",
  title: "Namespace has no default-deny egress policy",
  category: "network",
  severity: "low",
  kinds: ["Namespace"],
  requiresKinds: ["NetworkPolicy"],
  description: "The namespace has NetworkPolicies, but none selects every pod with Egress isolation and no egress rules. Pods that no policy selects, including new ones, keep unrestricted egress.",
  remediation: "Add a policy with podSelector: {} and policyTypes: [Egress] and no egress rules, then allow required flows explicitly.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic"],
  peers: { cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx) {
    const net = networkIndex(ctx);
    for (const { ns, object, path: path3 } of namespacesToJudge(ctx)) {
      const pols = net.policies(ns);
      if (pols.length === 0) continue;
      const denyAll = pols.some((p) => p.egress && p.egressRules.length === 0 && Object.keys(p.podSelector.matchLabels ?? {}).length === 0 && (p.podSelector.matchExpressions ?? []).length === 0);
      if (denyAll) continue;
      yield { object, path: path3, observed: ns, message: `namespace ${ns} has no default-deny egress NetworkPolicy` };
    }
  }
});

// packages/rules/src/rules/network/network-namespace-no-default-deny-ingress.ts
var networkNamespaceNoDefaultDenyIngress = defineRule({
  id: "network-namespace-no-default-deny-ingress",
  title: "Namespace has no default-deny ingress policy",
  category: "network",
  severity: "medium",
  kinds: ["Namespace"],
  requiresKinds: ["NetworkPolicy"],
  description: "The namespace has NetworkPolicies, but none selects every pod with Ingress isolation and no ingress rules. Pods that no policy selects, including new ones, keep unrestricted ingress.",
  remediation: "Add a policy with podSelector: {} and policyTypes: [Ingress] and no ingress rules, then allow required flows explicitly.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic"],
  peers: { cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx) {
    const net = networkIndex(ctx);
    for (const { ns, object, path: path3 } of namespacesToJudge(ctx)) {
      const pols = net.policies(ns);
      if (pols.length === 0) continue;
      const denyAll = pols.some((p) => p.ingress && p.ingressRules.length === 0 && Object.keys(p.podSelector.matchLabels ?? {}).length === 0 && (p.podSelector.matchExpressions ?? []).length === 0);
      if (denyAll) continue;
      yield { object, path: path3, observed: ns, message: `namespace ${ns} has no default-deny ingress NetworkPolicy` };
    }
  }
});

// packages/rules/src/rules/network/network-namespace-without-policy.ts
var networkNamespaceWithoutPolicy = defineRule({
  id: "network-namespace-without-policy",
  title: "Namespace has no NetworkPolicy",
  category: "network",
  severity: "medium",
  kinds: ["Namespace"],
  requiresKinds: ["NetworkPolicy"],
  description: "Without any NetworkPolicy every pod in the namespace accepts traffic from, and sends traffic to, every pod in the cluster and beyond: one compromised pod reaches all others.",
  remediation: "Add a default-deny NetworkPolicy for ingress and egress, then allow the flows the applications need.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies"],
  peers: { kubescape: ["C-0049", "C-0054", "C-0206"], cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx) {
    const net = networkIndex(ctx);
    for (const { ns, object, path: path3 } of namespacesToJudge(ctx)) {
      if (net.policies(ns).length > 0) continue;
      yield { object, path: path3, observed: ns, message: `namespace ${ns} has no NetworkPolicy: its pods are reachable from everywhere` };
    }
  }
});

// packages/rules/src/rules/network/network-pod-ingress-egress-not-isolated.ts
var networkPodIngressEgressNotIsolated = defineRule({
  id: "network-pod-ingress-egress-not-isolated",
  title: "Workload's NetworkPolicies leave one direction open",
  category: "network",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["NetworkPolicy"],
  description: "The pods are selected by NetworkPolicies, but none of them isolates ingress, or none isolates egress, so that direction is unrestricted (e.g. a compromised pod can exfiltrate data or reach the cloud metadata service).",
  remediation: "Add Egress (or Ingress) to the policyTypes of a policy selecting these pods, with rules for the required destinations.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation"],
  peers: { kubescape: ["C-0030"], nsa: ["NP"] },
  *evaluate(ctx) {
    const net = networkIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      if (SYSTEM_NAMESPACES.has(ns) || ref.spec?.hostNetwork === true) continue;
      const pols = net.selecting(ns, ref.meta.labels);
      if (pols.length === 0) continue;
      const open = [];
      if (!pols.some((p) => p.ingress)) open.push("ingress");
      if (!pols.some((p) => p.egress)) open.push("egress");
      if (open.length === 0) continue;
      yield {
        object: ref.object,
        path: `${ref.metaPath}.labels`,
        observed: pols.map((p) => p.policy.metadata?.name).join(","),
        message: `the NetworkPolicies selecting these pods (${pols.map((p) => p.policy.metadata?.name).join(", ")}) do not isolate ${open.join(" or ")}`
      };
    }
  }
});

// packages/rules/src/rules/network/network-pod-not-isolated.ts
var networkPodNotIsolated = defineRule({
  id: "network-pod-not-isolated",
  title: "Workload is not selected by any NetworkPolicy",
  category: "network",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["NetworkPolicy"],
  description: "No NetworkPolicy in the namespace selects these pods, so they accept connections from any pod in the cluster and can connect anywhere.",
  remediation: "Add a NetworkPolicy whose podSelector matches the pods (or a namespace-wide default-deny) and allow only required flows.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
  peers: { kubeLinter: ["non-isolated-pod"], kubescape: ["C-0260"], cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx) {
    const net = networkIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      if (SYSTEM_NAMESPACES.has(ns)) continue;
      if (ref.spec?.hostNetwork === true) continue;
      if (net.selecting(ns, ref.meta.labels).length > 0) continue;
      yield {
        object: ref.object,
        path: `${ref.metaPath}.labels`,
        observed: ref.meta.labels,
        message: `no NetworkPolicy in namespace ${ns} selects these pods: all ingress and egress is allowed`
      };
    }
  }
});

// packages/rules/src/rules/network/network-pod-without-allow-rules.ts
function isEmptySelector(s2) {
  return Object.keys(s2.matchLabels ?? {}).length === 0 && (s2.matchExpressions ?? []).length === 0;
}
var networkPodWithoutAllowRules = defineRule({
  id: "network-pod-without-allow-rules",
  title: "Workload has no policy declaring its allowed ingress and egress",
  category: "network",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["NetworkPolicy"],
  description: "No NetworkPolicy that targets these pods by label both isolates and explicitly allows their ingress and their egress. Without a per-workload allow-list the permitted flows are either everything or whatever namespace-wide policies happen to allow, and they are not documented next to the workload.",
  remediation: "Add a NetworkPolicy selecting the pods' labels with policyTypes [Ingress, Egress] and ingress and egress rules listing the peers and ports the workload needs.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
  peers: { polaris: ["missingNetworkPolicy"], nsa: ["NP"] },
  *evaluate(ctx) {
    const net = networkIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      if (SYSTEM_NAMESPACES.has(ns) || ref.spec?.hostNetwork === true) continue;
      const own = net.selecting(ns, ref.meta.labels).filter((p) => !isEmptySelector(p.podSelector));
      const ingress = own.some((p) => p.ingress && p.ingressRules.length > 0);
      const egress = own.some((p) => p.egress && p.egressRules.length > 0);
      if (ingress && egress) continue;
      const missing2 = [ingress ? "" : "ingress", egress ? "" : "egress"].filter(Boolean).join(" and ");
      yield {
        object: ref.object,
        path: `${ref.metaPath}.labels`,
        observed: own.map((p) => p.policy.metadata?.name).join(",") || void 0,
        message: own.length === 0 ? "no NetworkPolicy targets these pods by label" : `the NetworkPolicies targeting these pods declare no allowed ${missing2}`
      };
    }
  }
});

// packages/rules/src/rules/network/network-policy-allows-all-egress.ts
var networkPolicyAllowsAllEgress = defineRule({
  id: "network-policy-allows-all-egress",
  title: "NetworkPolicy allows all egress",
  category: "network",
  severity: "low",
  kinds: ["NetworkPolicy"],
  description: "An egress rule without 'to' peers (or with namespaceSelector: {} or 0.0.0.0/0) admits traffic to every pod and address, which cancels the isolation for the selected pods, the cloud metadata service included.",
  remediation: "List the allowed peers (podSelector, namespaceSelector, or a narrow ipBlock) in the rule.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-egress-traffic"],
  peers: { nsa: ["NP"] },
  *evaluate(ctx) {
    for (const p of ctx.index.byKind("NetworkPolicy")) {
      if (!policyTypes(p).egress) continue;
      const rules = p.spec?.egress;
      if (!Array.isArray(rules)) continue;
      for (let i = 0; i < rules.length; i++) {
        const r2 = rules[i];
        if (!r2 || typeof r2 !== "object" || !peersAllowAll(r2.to)) continue;
        const ports = Array.isArray(r2.ports) && r2.ports.length > 0 ? ` on ports ${r2.ports.map((x) => x?.port ?? "*").join(",")}` : "";
        yield { object: p, path: `spec.egress[${i}]`, observed: r2.to ?? "no to", message: `egress rule ${i} allows all destinations${ports}` };
      }
    }
  }
});

// packages/rules/src/rules/network/network-policy-allows-all-ingress.ts
var networkPolicyAllowsAllIngress = defineRule({
  id: "network-policy-allows-all-ingress",
  title: "NetworkPolicy allows all ingress",
  category: "network",
  severity: "low",
  kinds: ["NetworkPolicy"],
  description: "An ingress rule without 'from' peers (or with namespaceSelector: {} or 0.0.0.0/0) admits traffic from every pod and address, which cancels the isolation for the selected pods.",
  remediation: "List the allowed peers (podSelector, namespaceSelector, or a narrow ipBlock) in the rule.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic"],
  peers: { nsa: ["NP"] },
  *evaluate(ctx) {
    for (const p of ctx.index.byKind("NetworkPolicy")) {
      if (!policyTypes(p).ingress) continue;
      const rules = p.spec?.ingress;
      if (!Array.isArray(rules)) continue;
      for (let i = 0; i < rules.length; i++) {
        const r2 = rules[i];
        if (!r2 || typeof r2 !== "object" || !peersAllowAll(r2.from)) continue;
        const ports = Array.isArray(r2.ports) && r2.ports.length > 0 ? ` on ports ${r2.ports.map((x) => x?.port ?? "*").join(",")}` : "";
        yield { object: p, path: `spec.ingress[${i}]`, observed: r2.from ?? "no from", message: `ingress rule ${i} allows all sources${ports}` };
      }
    }
  }
});

// packages/rules/src/rules/network/network-policy-dangling.ts
var networkPolicyDangling = defineRule({
  id: "network-policy-dangling",
  title: "NetworkPolicy selects no pods",
  category: "network",
  severity: "low",
  kinds: ["NetworkPolicy"],
  description: "The policy's podSelector matches no workload in its namespace: the isolation it was written for is not in effect, usually because labels changed.",
  remediation: "Fix the podSelector to match the intended pods' labels, or delete the stale policy.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
  peers: { kubeLinter: ["dangling-networkpolicy"], kubescape: ["C-0299"], nsa: ["NP"] },
  *evaluate(ctx) {
    for (const p of ctx.index.byKind("NetworkPolicy")) {
      const sel = p.spec?.podSelector;
      if (isEmptyLabelSelector(sel)) continue;
      const pods = workloadLabelsIn(ctx, nsOf(p));
      if (pods.some((labels) => selectorMatches(sel, labels, true))) continue;
      yield { object: p, path: "spec.podSelector", observed: sel, message: `podSelector matches no workload in namespace ${nsOf(p)}` };
    }
  }
});

// packages/rules/src/rules/network/network-policy-peer-dangling.ts
var networkPolicyPeerDangling = defineRule({
  id: "network-policy-peer-dangling",
  title: "NetworkPolicy allows a peer that matches no pods",
  category: "network",
  severity: "low",
  kinds: ["NetworkPolicy"],
  description: "A from/to peer with only a podSelector refers to pods in the policy's own namespace, but no workload there carries those labels: the intended flow is blocked, and any pod later given those labels is silently allowed.",
  remediation: "Fix the peer's podSelector (add a namespaceSelector if the peer lives in another namespace), or remove the stale rule.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors"],
  peers: { kubeLinter: ["dangling-networkpolicypeer-podselector"], nsa: ["NP"] },
  *evaluate(ctx) {
    for (const p of ctx.index.byKind("NetworkPolicy")) {
      const pods = workloadLabelsIn(ctx, nsOf(p));
      for (const [dir, field] of [["ingress", "from"], ["egress", "to"]]) {
        const rules = p.spec?.[dir];
        if (!Array.isArray(rules)) continue;
        for (let i = 0; i < rules.length; i++) {
          const peers = rules[i]?.[field];
          if (!Array.isArray(peers)) continue;
          for (let j = 0; j < peers.length; j++) {
            const peer = peers[j];
            if (!peer || peer.namespaceSelector || isEmptyLabelSelector(peer.podSelector)) continue;
            if (pods.some((labels) => selectorMatches(peer.podSelector, labels, true))) continue;
            yield {
              object: p,
              path: `spec.${dir}[${i}].${field}[${j}].podSelector`,
              observed: peer.podSelector,
              message: `${dir} peer ${j} of rule ${i} selects no workload in namespace ${nsOf(p)}`
            };
          }
        }
      }
    }
  }
});

// packages/rules/src/rules/network/index.ts
var networkRules = [
  networkNamespaceNoDefaultDenyEgress,
  networkNamespaceNoDefaultDenyIngress,
  networkNamespaceWithoutPolicy,
  networkPodIngressEgressNotIsolated,
  networkPodNotIsolated,
  networkPodWithoutAllowRules,
  networkPolicyAllowsAllEgress,
  networkPolicyAllowsAllIngress,
  networkPolicyDangling,
  networkPolicyPeerDangling
];

// packages/rules/src/rules/index.ts
var builtinRules = [
  ...workloadSecurityRules,
  ...hostAccessRules,
  ...resourcesRules,
  ...probesRules,
  ...imagesRules,
  ...secretsRules,
  ...reliabilityRules,
  ...controlPlaneRules,
  ...rbacRules,
  ...deprecatedApiRules,
  ...storageRules,
  ...admissionRules,
  ...namespacesRules,
  ...exposureRules,
  ...networkRules
];

// packages/rules/src/engine/fingerprint.ts
import * as nodeCrypto from "node:crypto";
var oneShot = nodeCrypto.hash;
function sha256Hex(input) {
  return oneShot ? oneShot("sha256", input, "hex") : nodeCrypto.createHash("sha256").update(input).digest("hex");
}
function objectKey(obj) {
  return obj.uid ? obj.uid : `${obj.kind}/${obj.namespace ?? ""}/${obj.name}`;
}

// packages/rules/src/engine/score.ts
var SEVERITY_WEIGHTS = {
  critical: 10,
  high: 5,
  medium: 2,
  low: 1,
  info: 0
};
function computeScore(entries) {
  let total = 0;
  let penalty = 0;
  for (const e of entries) {
    if (e.status !== "passed" && e.status !== "failed") continue;
    const w = SEVERITY_WEIGHTS[e.severity] ?? 0;
    if (w === 0) continue;
    total += w;
    const failing = Math.max(0, e.failing);
    if (failing === 0) continue;
    penalty += w * failing / Math.max(e.applicable, failing, 1);
  }
  if (total === 0 || penalty === 0) return 100;
  const tenths = Math.floor(1e3 * (1 - penalty / total) + 1e-7);
  return Math.max(0, Math.min(999, tenths)) / 10;
}

// packages/rules/src/engine/normalize.ts
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isStringMap(v) {
  if (v === void 0) return true;
  if (!isPlainObject(v)) return false;
  for (const k in v) if (typeof v[k] !== "string") return false;
  return true;
}
function isOwnerRefs(v) {
  if (v === void 0) return true;
  if (!Array.isArray(v)) return false;
  for (const r2 of v) {
    if (!isPlainObject(r2)) return false;
    if (typeof r2.kind !== "string" || typeof r2.name !== "string" || typeof r2.uid !== "string") return false;
  }
  return true;
}
var optionalString = (v) => v === void 0 || typeof v === "string";
function metaIsClean(md) {
  if (!isPlainObject(md)) return false;
  return optionalString(md.name) && optionalString(md.namespace) && optionalString(md.uid) && optionalString(md.creationTimestamp) && isStringMap(md.labels) && isStringMap(md.annotations) && isOwnerRefs(md.ownerReferences);
}
function scalarString(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return void 0;
}
function cleanStringMap(v) {
  if (!isPlainObject(v)) return void 0;
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    const s2 = scalarString(x);
    if (s2 !== void 0) out[k] = s2;
  }
  return out;
}
function cleanMeta(md) {
  const src = isPlainObject(md) ? md : {};
  const out = { ...src };
  for (const f of ["name", "namespace", "uid", "creationTimestamp", "resourceVersion"]) {
    if (!(f in src)) continue;
    const s2 = scalarString(src[f]);
    if (s2 === void 0) delete out[f];
    else out[f] = s2;
  }
  for (const f of ["labels", "annotations"]) {
    if (!(f in src)) continue;
    const m = cleanStringMap(src[f]);
    if (m === void 0) delete out[f];
    else out[f] = m;
  }
  if ("ownerReferences" in src) {
    const refs = src.ownerReferences;
    if (Array.isArray(refs)) {
      out.ownerReferences = refs.filter(
        (r2) => isPlainObject(r2) && typeof r2.kind === "string" && typeof r2.name === "string" && typeof r2.uid === "string"
      );
    } else delete out.ownerReferences;
  }
  return out;
}
function normalizeObjects(objects2, locations) {
  let out;
  let locs;
  for (let i = 0; i < objects2.length; i++) {
    const o = objects2[i];
    let fixed = o;
    if (!isPlainObject(o) || typeof o.kind !== "string") fixed = void 0;
    else if (!metaIsClean(o.metadata)) fixed = { ...o, metadata: cleanMeta(o.metadata) };
    if (fixed !== o && !out) {
      out = objects2.slice(0, i);
      if (locations) locs = locations.slice(0, i);
    }
    if (out && fixed) {
      out.push(fixed);
      if (locs) locs.push(locations[i]);
    }
  }
  if (!out) return { objects: objects2, locations, changed: false };
  return { objects: out, locations: locs, changed: true };
}

// packages/rules/src/engine/pod-local.ts
var POD_LOCAL_RULE_IDS = [
  "allow-privilege-escalation",
  "apparmor-unconfined",
  "capabilities-added",
  "caps-added-beyond-baseline",
  "caps-drop-all",
  "caps-drop-any",
  "caps-only-net-bind-service",
  "cloud-credentials-mount",
  "container-may-run-as-root",
  "cpu-limits-missing",
  "cpu-requests-missing",
  "dangerous-caps-added",
  "default-service-account-used",
  "deprecated-service-account-field",
  "duplicate-env-var",
  "env-reference-not-found",
  "ephemeral-storage-limits-missing",
  "fsgroup-set",
  "fsgroupchangepolicy-set",
  "gid-above-10000",
  "host-aliases",
  "host-ipc",
  "host-network",
  "host-path-sensitive",
  "host-path-volume",
  "host-path-writable",
  "host-pid",
  "host-port",
  "host-probe-lifecycle-host",
  "image-deprecated-registry",
  "image-not-pinned-by-digest",
  "image-pull-policy-not-always",
  "image-registry-blocked",
  "image-registry-not-allowed",
  "ingress-nginx-retired",
  "instance-label-mismatch",
  "linux-hardening",
  "liveness-equals-readiness",
  "liveness-port-not-exposed",
  "liveness-probe-missing",
  "memory-limits-missing",
  "memory-requests-missing",
  "namespace-default-used",
  "namespace-kube-system-user-workload",
  "net-raw-added",
  "net-raw-not-dropped",
  "network-pod-ingress-egress-not-isolated",
  "network-pod-not-isolated",
  "network-pod-without-allow-rules",
  "node-affinity-missing",
  "priority-class-not-set",
  "privileged-container",
  "privileged-container-ports",
  "proc-mount-host-users",
  "proc-mount-unmasked",
  "read-only-root-fs",
  "readiness-port-not-exposed",
  "readiness-probe-missing",
  "recommended-labels-missing",
  "restricted-volume-types",
  "root-group",
  "run-as-non-root",
  "run-as-user-0",
  "runtime-socket-mount",
  "sa-token-automount",
  "sa-token-explicitly-mounted",
  "seccomp-required",
  "seccomp-unconfined",
  "secret-in-env-var",
  "security-context-present",
  "selinux-custom-options",
  "selinux-options-not-set",
  "sensitive-env-var-literal",
  "serviceaccount-not-found",
  "startup-port-not-exposed",
  "sudo-in-command",
  "supplementalgroups-set",
  "sys-admin-capability",
  "sys-module-added",
  "sysctls-not-set",
  "tiller-deployed",
  "topology-spread-missing",
  "uid-above-10000",
  "unsafe-sysctls",
  "windows-gmsa-set",
  "windows-host-process",
  "windows-runasusername-set",
  "workload-mounts-secret",
  "workload-sa-admin-rights",
  "workload-sa-has-permissions",
  "workload-sa-risky-permissions"
];
var POD_LOCAL_RULES = new Set(builtinRules.filter((r2) => POD_LOCAL_RULE_IDS.includes(r2.id)));

// packages/rules/src/engine/snapshot-index.ts
var NONE = Object.freeze([]);
function buildIndex(snapshot2) {
  const kinds = /* @__PURE__ */ new Map();
  for (const obj of snapshot2.objects) {
    if (!obj || typeof obj !== "object" || typeof obj.kind !== "string") continue;
    let list2 = kinds.get(obj.kind);
    if (!list2) kinds.set(obj.kind, list2 = []);
    list2.push(obj);
  }
  let uids;
  let nsList;
  const uidMap = () => {
    if (uids) return uids;
    uids = /* @__PURE__ */ new Map();
    for (const list2 of kinds.values()) {
      for (const obj of list2) {
        const uid = obj.metadata?.uid;
        if (typeof uid === "string" && uid) uids.set(uid, obj);
      }
    }
    return uids;
  };
  const nameMaps = /* @__PURE__ */ new Map();
  const nameMap = (kind) => {
    let m = nameMaps.get(kind);
    if (m) return m;
    m = /* @__PURE__ */ new Map();
    for (const obj of kinds.get(kind) ?? NONE) {
      const md = obj.metadata;
      if (!md || typeof md.name !== "string") continue;
      const key = `${md.namespace ?? ""}/${md.name}`;
      if (!m.has(key)) m.set(key, obj);
    }
    nameMaps.set(kind, m);
    return m;
  };
  const namespaces = () => {
    if (nsList) return nsList;
    const set = /* @__PURE__ */ new Set();
    for (const ns of kinds.get("Namespace") ?? []) if (typeof ns.metadata?.name === "string") set.add(ns.metadata.name);
    for (const obj of snapshot2.objects) {
      const n2 = obj?.metadata?.namespace;
      if (typeof n2 === "string" && n2) set.add(n2);
    }
    return nsList = [...set].sort();
  };
  return {
    byKind: (kind) => kinds.get(kind) ?? NONE,
    byUid: (uid) => uidMap().get(uid),
    byName: (kind, namespace, name) => nameMap(kind).get(`${namespace ?? ""}/${name}`),
    namespaces
  };
}

// packages/rules/src/engine/evaluate.ts
var OBSERVED_MAX = 200;
var SEVERITY_SET = new Set(SEVERITIES);
function stringifyObserved(v) {
  if (v === void 0) return void 0;
  let s2;
  if (typeof v === "string") s2 = v;
  else if (typeof v === "number" || typeof v === "boolean") return String(v);
  else {
    try {
      s2 = JSON.stringify(v) ?? typeof v;
    } catch {
      s2 = typeof v;
    }
  }
  return s2.length > OBSERVED_MAX ? `${s2.slice(0, OBSERVED_MAX - 1)}\u2026` : s2;
}
function objectRef(obj) {
  const md = obj.metadata ?? {};
  const ref = { apiVersion: obj.apiVersion, kind: obj.kind, name: md.name ?? "" };
  if (md.namespace) ref.namespace = md.namespace;
  if (md.uid) ref.uid = md.uid;
  return ref;
}
function kindReadMap(snapshot2) {
  const m = /* @__PURE__ */ new Map();
  for (const k of snapshot2.kinds ?? []) {
    let l = m.get(k.kind);
    if (!l) m.set(k.kind, l = []);
    l.push(k);
  }
  return m;
}
function kindProblem(kind, snapshot2, reads) {
  if (kind === "*") return void 0;
  const entries = reads.get(kind);
  if (!entries || entries.length === 0) {
    if (snapshot2.source === "cluster" && reads.size > 0) return `kind ${kind} not read`;
    return void 0;
  }
  if (entries.some((e) => e.status === "read")) return void 0;
  if (entries.every((e) => e.status === "not-served")) return void 0;
  const bad = entries.find((e) => e.status === "forbidden" || e.status === "failed") ?? entries[0];
  return `kind ${bad.resource} ${bad.status}${bad.error ? `: ${bad.error}` : ""}`;
}
function exceptionMatches(ex, ruleId, obj, settings, nowMs) {
  if (ex.ruleId !== ruleId && ex.ruleId !== "*") return false;
  if (ex.expiresAt) {
    const t3 = Date.parse(ex.expiresAt);
    if (!(t3 > nowMs)) return false;
  }
  if (ex.cluster !== void 0 && ex.cluster !== settings.clusterName) return false;
  const md = obj.metadata ?? {};
  if (ex.namespace !== void 0 && ex.namespace !== (md.namespace ?? "")) return false;
  if (ex.kind !== void 0 && ex.kind !== obj.kind) return false;
  if (ex.name !== void 0 && ex.name !== md.name) return false;
  if (ex.labelSelector) {
    const labels = md.labels ?? {};
    for (const [k, v] of Object.entries(ex.labelSelector)) if (labels[k] !== v) return false;
  }
  return true;
}
function makeApplicableCounter(snapshot2, index) {
  const perKind = /* @__PURE__ */ new Map();
  const isControlled = (obj) => controllerInSnapshot(obj, index);
  return (kinds) => {
    let n2 = 0;
    for (const k of kinds) {
      let c = perKind.get(k);
      if (c === void 0) {
        c = 0;
        if (k === "*") {
          for (const o of snapshot2.objects) if (o && !isControlled(o)) c++;
        } else {
          for (const o of index.byKind(k)) if (!isControlled(o)) c++;
        }
        perKind.set(k, c);
      }
      n2 += c;
    }
    return n2;
  };
}
function evaluate(input, settings = {}) {
  const norm = normalizeObjects(input.objects ?? [], input.locations);
  const snapshot2 = norm.changed ? { ...input, objects: norm.objects, locations: norm.locations } : input;
  const index = buildIndex(snapshot2);
  const ctx = { snapshot: snapshot2, index, params: settings.params ?? {} };
  const reads = kindReadMap(snapshot2);
  const disabled = new Set(settings.disabledRules ?? []);
  const only = settings.onlyRules ? new Set(settings.onlyRules) : void 0;
  const overrides = settings.severityOverrides ?? {};
  const nowMs = settings.now ? Date.parse(settings.now) : Date.now();
  const exceptions = settings.exceptions ?? [];
  const applicable = makeApplicableCounter(snapshot2, index);
  let locations;
  if (snapshot2.locations && snapshot2.locations.length > 0) {
    locations = /* @__PURE__ */ new Map();
    snapshot2.objects.forEach((o, i) => {
      const loc = snapshot2.locations?.[i];
      if (loc) locations.set(o, loc);
    });
  }
  const rules = [];
  const seenIds = /* @__PURE__ */ new Set();
  const statuses = [];
  for (const r2 of [...builtinRules, ...settings.extraRules ?? []]) {
    if (only && !only.has(r2.id)) continue;
    if (seenIds.has(r2.id)) {
      statuses.push({ id: r2.id, status: "not-evaluated", reason: "duplicate rule id", findings: 0 });
      continue;
    }
    seenIds.add(r2.id);
    rules.push(r2);
  }
  const keyStates = /* @__PURE__ */ new Map();
  const refs = /* @__PURE__ */ new Map();
  let lastObj;
  let lastRef;
  const refOf = (obj) => {
    if (obj === lastObj) return lastRef;
    let r2 = refs.get(obj);
    if (!r2) {
      const ref = objectRef(obj);
      const key = objectKey(ref);
      let state = keyStates.get(key);
      if (!state) keyStates.set(key, state = { rule: -1, paths: "", ex: void 0 });
      refs.set(obj, r2 = { ref, key, state });
    }
    lastObj = obj;
    lastRef = r2;
    return r2;
  };
  let ruleSeq = 0;
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const runs = [];
  for (const rule of rules) {
    const run = { rule, seq: ++ruleSeq, severity: rule.severity, disabled: false, reason: void 0, out: [], failing: 0, counted: 0 };
    runs.push(run);
    if (disabled.has(rule.id)) {
      run.disabled = true;
      continue;
    }
    let reason;
    for (const k of rule.kinds) if (!reason) reason = kindProblem(k, snapshot2, reads);
    for (const k of rule.requiresKinds ?? []) if (!reason) reason = kindProblem(k, snapshot2, reads);
    if (!reason && rule.clusterScope && !snapshot2.kindsComplete) {
      const missing2 = (rule.requiresKinds ?? []).filter((k) => index.byKind(k).length === 0);
      if (!rule.requiresKinds || rule.requiresKinds.length === 0) reason = "needs a whole cluster";
      else if (missing2.length > 0) reason = `needs a whole cluster (no ${missing2.join(", ")} in the manifest set)`;
    }
    const override = overrides[rule.id];
    run.severity = override && SEVERITY_SET.has(override) ? override : rule.severity;
    if (!reason) {
      try {
        reason = rule.notEvaluable?.(ctx);
      } catch (err) {
        reason = ruleError(err);
      }
    }
    run.reason = reason;
  }
  const judge = (run, raw) => {
    if (!raw) throw new Error("rule returned a finding without an object and a path");
    const obj = raw.object;
    const path3 = raw.path;
    if (typeof obj !== "object" || obj === null || typeof path3 !== "string") {
      throw new Error("rule returned a finding without an object and a path");
    }
    const { ref, key, state } = refOf(obj);
    let ex;
    const rule = run.rule;
    if (state.rule !== run.seq) {
      state.rule = run.seq;
      state.paths = path3;
      ex = exceptions.length ? exceptions.find((e) => exceptionMatches(e, rule.id, obj, settings, nowMs)) : void 0;
      state.ex = ex;
      if (!ex) run.failing++;
    } else {
      ex = state.ex;
      const prev = state.paths;
      if (typeof prev === "string") {
        if (prev === path3) return;
        state.paths = /* @__PURE__ */ new Set([prev, path3]);
      } else {
        if (prev.has(path3)) return;
        prev.add(path3);
      }
    }
    const severity = run.severity;
    const f = {
      ruleId: rule.id,
      severity,
      object: ref,
      path: path3,
      message: raw.message,
      remediation: raw.remediation ?? rule.remediation,
      fingerprint: sha256Hex(`${rule.id}|${key}|${path3}`).slice(0, 32)
    };
    const observed = stringifyObserved(raw.observed);
    const fix = raw.fix;
    if (observed !== void 0) f.observed = observed;
    if (fix) f.fix = fix;
    const loc = locations?.get(obj);
    if (loc) f.location = loc;
    if (ex) {
      f.exception = { id: ex.id, justification: ex.justification };
      if (ex.expiresAt) f.exception.expiresAt = ex.expiresAt;
    } else {
      counts[severity]++;
      run.counted++;
    }
    run.out.push(f);
  };
  const fail = (run, err) => {
    run.reason = ruleError(err);
    run.out = [];
    counts[run.severity] -= run.counted;
    run.counted = 0;
  };
  const runOver = (run, c) => {
    try {
      for (const raw of run.rule.evaluate(c)) judge(run, raw);
    } catch (err) {
      fail(run, err);
    }
  };
  const local = runs.filter((r2) => !r2.disabled && !r2.reason && POD_LOCAL_RULES.has(r2.rule));
  const specs = local.length > 1 ? allPodSpecs(ctx) : [];
  if (specs.length > POD_SLICE && specKeysUnique(specs, refOf)) {
    for (let i = 0; i < specs.length; i += POD_SLICE) {
      const sliceCtx = withPodSpecSlice(ctx, specs.slice(i, i + POD_SLICE));
      for (const run of local) if (!run.reason) runOver(run, sliceCtx);
    }
  } else {
    for (const run of local) runOver(run, ctx);
  }
  for (const run of runs) if (!run.disabled && !run.reason && !POD_LOCAL_RULES.has(run.rule)) runOver(run, ctx);
  const findings = [];
  const scoreEntries = [];
  for (const run of runs) {
    const id = run.rule.id;
    if (run.disabled) {
      statuses.push({ id, status: "disabled", findings: 0 });
      continue;
    }
    if (run.reason) {
      statuses.push({ id, status: "not-evaluated", reason: run.reason, findings: 0 });
      continue;
    }
    const status = run.failing > 0 ? "failed" : "passed";
    statuses.push({ id, status, findings: run.out.length });
    for (const f of run.out) findings.push(f);
    scoreEntries.push({
      severity: run.severity,
      status,
      failing: run.failing,
      applicable: applicable(run.rule.kinds)
    });
  }
  return {
    findings,
    rules: statuses,
    score: computeScore(scoreEntries),
    counts,
    objectCount: input.objects?.length ?? 0
  };
}
var POD_SLICE = 256;
function specKeysUnique(specs, refOf) {
  const seen = /* @__PURE__ */ new Set();
  for (const s2 of specs) {
    const state = refOf(s2.object).state;
    if (seen.has(state)) return false;
    seen.add(state);
  }
  return true;
}
function ruleError(err) {
  return `rule error: ${err instanceof Error ? err.message : String(err)}`;
}

// packages/rules/src/engine/version.ts
var RULES_VERSION = `2026.11.0+${builtinRules.length}`;

// packages/rules/src/manifests/parse-manifests.ts
import { isMap, isSeq, LineCounter, parseAllDocuments } from "yaml";

// packages/rules/src/manifests/redact.ts
var LAST_APPLIED2 = "kubectl.kubernetes.io/last-applied-configuration";
var encoder = new TextEncoder();
function base64Size(value) {
  const s2 = value.replace(/\s+/g, "");
  const pad = s2.endsWith("==") ? 2 : s2.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor(s2.length * 3 / 4) - pad);
}
function redactMap(map, size) {
  if (map === null || typeof map !== "object" || Array.isArray(map)) return map;
  const out = {};
  for (const [k, v] of Object.entries(map)) {
    out[k] = `<redacted:${typeof v === "string" ? size(v) : 0} bytes>`;
  }
  return out;
}
function redactObject(obj) {
  const meta = obj.metadata;
  if (meta && "managedFields" in meta) {
    const { managedFields: _drop, ...rest } = meta;
    obj = { ...obj, metadata: rest };
  }
  if (obj.kind !== "Secret" || obj.apiVersion !== "v1" && obj.apiVersion !== void 0) return obj;
  const out = { ...obj, metadata: { ...obj.metadata } };
  if ("data" in obj) out.data = redactMap(obj.data, base64Size);
  if ("stringData" in obj) out.stringData = redactMap(obj.stringData, (v) => encoder.encode(v).length);
  const ann = out.metadata.annotations;
  if (ann && typeof ann === "object" && LAST_APPLIED2 in ann) {
    out.metadata.annotations = { ...ann, [LAST_APPLIED2]: "<redacted>" };
  }
  return out;
}

// packages/rules/src/manifests/parse-manifests.ts
var GO_OCTAL = {
  identify: (v) => typeof v === "number",
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0o[0-7_]+$/,
  resolve: (s2) => {
    const n2 = Number.parseInt(s2.replace(/^[-+]?0o/, "").replace(/_/g, ""), 8);
    return s2.startsWith("-") ? -n2 : n2;
  }
};
var kubernetesTags = (tags) => [
  ...tags.filter(
    (t3) => typeof t3 === "string" ? !["intTime", "floatTime", "timestamp"].includes(t3) : t3.format !== "TIME" && t3.tag !== "tag:yaml.org,2002:timestamp"
  ),
  GO_OCTAL
];
var MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
var MAX_ALIAS_COUNT = 100;
function lineOf(lc, offset) {
  if (offset === void 0) return 1;
  return lc.linePos(offset).line;
}
function parseManifests(text, file) {
  const objects2 = [];
  const locations = [];
  const errors = [];
  const origins = [];
  const where = file ?? "<stdin>";
  const err = (line, message) => errors.push(file === void 0 ? { line, message } : { file, line, message });
  const fieldLine = (index, path3) => {
    const origin = origins[index];
    if (!origin) return locations[index]?.line ?? 1;
    return findNodeLine(origin.node, origin.lineCounter, path3) ?? origin.line;
  };
  if (text.length > MAX_MANIFEST_BYTES) {
    err(1, `input is ${text.length} bytes, larger than the ${MAX_MANIFEST_BYTES}-byte limit`);
    return { objects: objects2, locations, errors, fieldLine };
  }
  const source2 = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(source2, { lineCounter, prettyErrors: true, version: "1.1", customTags: kubernetesTags });
  } catch (e) {
    err(1, `cannot parse: ${e.message}`);
    return { objects: objects2, locations, errors, fieldLine };
  }
  if (!Array.isArray(docs)) docs = [docs];
  const lastLine = Math.max(1, lineOf(lineCounter, source2.replace(/\s+$/, "").length));
  for (const doc of docs) {
    const contents = doc.contents;
    const docLine = lineOf(lineCounter, contents?.range?.[0] ?? doc.range?.[0]);
    if (doc.errors.length > 0) {
      const first = doc.errors[0];
      const line = Math.min(first.linePos?.[0]?.line ?? docLine, lastLine);
      err(line, `invalid YAML: ${first.message.split("\n")[0]}`);
      continue;
    }
    if (contents === null || contents === void 0) continue;
    let value;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      err(docLine, `cannot read document: ${e.message}`);
      continue;
    }
    if (value === null || value === void 0) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      err(docLine, `document is ${Array.isArray(value) ? "a list" : `a ${typeof value}`}, not a Kubernetes object`);
      continue;
    }
    const obj = value;
    const kind = obj.kind;
    if (typeof kind === "string" && kind.endsWith("List") && Array.isArray(obj.items)) {
      const itemsNode = isMap(contents) ? contents.get("items", true) : void 0;
      const itemKind = kind === "List" ? void 0 : kind.slice(0, -"List".length);
      obj.items.forEach((item, i) => {
        const itemNode = isSeq(itemsNode) ? itemsNode.items[i] : void 0;
        const line = lineOf(lineCounter, itemNode?.range?.[0]) || docLine;
        if (itemKind && item && typeof item === "object" && !Array.isArray(item)) {
          const it = item;
          if (it.kind === void 0) it.kind = itemKind;
          if (it.apiVersion === void 0 && typeof obj.apiVersion === "string") it.apiVersion = obj.apiVersion;
        }
        addObject(item, line, itemNode ?? contents, `${kind}.items[${i}]`);
      });
      continue;
    }
    addObject(obj, docLine, contents, "document");
  }
  return { objects: objects2, locations, errors, fieldLine };
  function addObject(value, line, node, what) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      err(line, `${what} is not a Kubernetes object`);
      return;
    }
    const obj = value;
    const missing2 = [
      typeof obj.apiVersion === "string" && obj.apiVersion !== "" ? void 0 : "apiVersion",
      typeof obj.kind === "string" && obj.kind !== "" ? void 0 : "kind"
    ].filter(Boolean);
    if (missing2.length > 0) {
      err(line, `${what} has no ${missing2.join(" or ")}, so it is not a Kubernetes object`);
      return;
    }
    if (obj.metadata === void 0 || obj.metadata === null) obj.metadata = {};
    if (typeof obj.metadata !== "object" || Array.isArray(obj.metadata)) {
      err(line, `${what} (${String(obj.kind)}) has a metadata field that is not a map`);
      return;
    }
    objects2.push(redactObject(obj));
    locations.push({ file: where, line });
    origins.push({ node, lineCounter, line });
  }
}
function splitPath(path3) {
  const out = [];
  let i = 0;
  let cur = "";
  const flush = () => {
    if (cur !== "") out.push(cur);
    cur = "";
  };
  while (i < path3.length) {
    const c = path3[i];
    if (c === ".") {
      flush();
      i++;
    } else if (c === "[") {
      flush();
      const end = path3.indexOf("]", i);
      if (end < 0) {
        cur = path3.slice(i);
        break;
      }
      const inner = path3.slice(i + 1, end);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else out.push(inner.replace(/^["']|["']$/g, ""));
      i = end + 1;
    } else {
      cur += c;
      i++;
    }
  }
  flush();
  return out;
}
function findNodeLine(root, lc, path3) {
  const segs = splitPath(path3);
  let node = root;
  let line = lineOf(lc, root.range?.[0]);
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (typeof seg === "number") {
      if (!isSeq(node)) break;
      const next = node.items[seg];
      if (!next) break;
      node = next;
      line = lineOf(lc, node.range?.[0]);
      continue;
    }
    if (!isMap(node)) break;
    let matched = false;
    for (let j = i, key = seg; j < segs.length; j++) {
      if (j > i) {
        const s2 = segs[j];
        if (typeof s2 !== "string") break;
        key = `${key}.${s2}`;
      }
      const pair = node.items.find((p) => {
        const k = p.key;
        return k !== null && typeof k === "object" && String(k.value) === key;
      });
      if (pair) {
        const keyNode = pair.key;
        line = lineOf(lc, keyNode.range?.[0]);
        const v = pair.value;
        i = j;
        matched = true;
        if (v === null || v === void 0) return line;
        node = v;
        break;
      }
    }
    if (!matched) break;
  }
  return line;
}

// node_modules/@bufbuild/cel/dist/esm/error.js
var privateSymbol = /* @__PURE__ */ Symbol.for("@bufbuild/cel/error");
function celError(value, exprId) {
  if (isCelError(value)) {
    return value;
  }
  if (typeof exprId === "number") {
    exprId = BigInt(exprId);
  }
  if (value instanceof Error) {
    return new _CelError(value.message, value, exprId);
  }
  if (typeof value === "string") {
    return new _CelError(value, void 0, exprId);
  }
  return new _CelError(`${value}`, value, exprId);
}
function isCelError(v) {
  return typeof v === "object" && v !== null && privateSymbol in v;
}
var _CelError = class extends Error {
  _cause;
  _exprId;
  [privateSymbol] = {};
  constructor(message, _cause, _exprId) {
    super(message);
    this._cause = _cause;
    this._exprId = _exprId;
  }
  get exprId() {
    return this._exprId;
  }
  get cause() {
    return this._cause;
  }
};

// node_modules/@bufbuild/protobuf/dist/esm/reflect/error.js
var errorNames = [
  "FieldValueInvalidError",
  "FieldListRangeError",
  "ForeignFieldError"
];
var FieldError = class extends Error {
  constructor(fieldOrOneof, message, name = "FieldValueInvalidError") {
    super(message);
    this.name = name;
    this.field = () => fieldOrOneof;
  }
};
function isFieldError(arg) {
  return arg instanceof Error && errorNames.includes(arg.name) && "field" in arg && typeof arg.field == "function";
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/names.js
function protoCamelCase(snakeCase) {
  let capNext = false;
  const b = [];
  for (let i = 0; i < snakeCase.length; i++) {
    let c = snakeCase.charAt(i);
    switch (c) {
      case "_":
        capNext = true;
        break;
      case "0":
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        b.push(c);
        capNext = false;
        break;
      default:
        if (capNext) {
          capNext = false;
          c = c.toUpperCase();
        }
        b.push(c);
        break;
    }
  }
  return b.join("");
}
function protoSnakeCase(lowerCamelCase) {
  return lowerCamelCase.replace(/[A-Z]/g, (letter) => "_" + letter.toLowerCase());
}
var reservedObjectProperties = /* @__PURE__ */ new Set([
  // names reserved by JavaScript
  "constructor",
  "toString",
  "toJSON",
  "valueOf"
]);
function safeObjectProperty(name) {
  return reservedObjectProperties.has(name) ? name + "$" : name;
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/nested-types.js
function* nestedTypes(desc) {
  switch (desc.kind) {
    case "file":
      for (const message of desc.messages) {
        yield message;
        yield* nestedTypes(message);
      }
      yield* desc.enums;
      yield* desc.services;
      yield* desc.extensions;
      break;
    case "message":
      for (const message of desc.nestedMessages) {
        yield message;
        yield* nestedTypes(message);
      }
      yield* desc.nestedEnums;
      yield* desc.nestedExtensions;
      break;
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/descriptors.js
var ScalarType;
(function(ScalarType2) {
  ScalarType2[ScalarType2["DOUBLE"] = 1] = "DOUBLE";
  ScalarType2[ScalarType2["FLOAT"] = 2] = "FLOAT";
  ScalarType2[ScalarType2["INT64"] = 3] = "INT64";
  ScalarType2[ScalarType2["UINT64"] = 4] = "UINT64";
  ScalarType2[ScalarType2["INT32"] = 5] = "INT32";
  ScalarType2[ScalarType2["FIXED64"] = 6] = "FIXED64";
  ScalarType2[ScalarType2["FIXED32"] = 7] = "FIXED32";
  ScalarType2[ScalarType2["BOOL"] = 8] = "BOOL";
  ScalarType2[ScalarType2["STRING"] = 9] = "STRING";
  ScalarType2[ScalarType2["BYTES"] = 12] = "BYTES";
  ScalarType2[ScalarType2["UINT32"] = 13] = "UINT32";
  ScalarType2[ScalarType2["SFIXED32"] = 15] = "SFIXED32";
  ScalarType2[ScalarType2["SFIXED64"] = 16] = "SFIXED64";
  ScalarType2[ScalarType2["SINT32"] = 17] = "SINT32";
  ScalarType2[ScalarType2["SINT64"] = 18] = "SINT64";
})(ScalarType || (ScalarType = {}));

// node_modules/@bufbuild/protobuf/dist/esm/is-message.js
function isMessage(arg, schema) {
  const isMessage2 = arg !== null && typeof arg == "object" && "$typeName" in arg && typeof arg.$typeName == "string";
  if (!isMessage2) {
    return false;
  }
  if (schema === void 0) {
    return true;
  }
  return schema.typeName === arg.$typeName;
}

// node_modules/@bufbuild/protobuf/dist/esm/wire/varint.js
function varint64read() {
  const buf = this.buf;
  let pos = this.pos;
  let lo = 0;
  let hi = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    const b = buf[pos++];
    lo |= (b & 127) << shift;
    if ((b & 128) == 0) {
      this.pos = pos;
      this.assertBounds();
      this.varint64Lo = lo;
      this.varint64Hi = hi;
      return;
    }
  }
  const middleByte = buf[pos++];
  lo |= (middleByte & 15) << 28;
  hi = (middleByte & 112) >> 4;
  if ((middleByte & 128) == 0) {
    this.pos = pos;
    this.assertBounds();
    this.varint64Lo = lo;
    this.varint64Hi = hi;
    return;
  }
  for (let shift = 3; shift <= 31; shift += 7) {
    const b = buf[pos++];
    hi |= (b & 127) << shift;
    if ((b & 128) == 0) {
      this.pos = pos;
      this.assertBounds();
      this.varint64Lo = lo;
      this.varint64Hi = hi;
      return;
    }
  }
  throw new Error("invalid varint");
}
var TWO_PWR_32_DBL = 4294967296;
function int64FromString(dec) {
  const minus = dec[0] === "-";
  if (minus) {
    dec = dec.slice(1);
  }
  const base = 1e6;
  let lowBits = 0;
  let highBits = 0;
  function add1e6digit(begin, end) {
    const digit1e6 = Number(dec.slice(begin, end));
    highBits *= base;
    lowBits = lowBits * base + digit1e6;
    if (lowBits >= TWO_PWR_32_DBL) {
      highBits = highBits + (lowBits / TWO_PWR_32_DBL | 0);
      lowBits = lowBits % TWO_PWR_32_DBL;
    }
  }
  add1e6digit(-24, -18);
  add1e6digit(-18, -12);
  add1e6digit(-12, -6);
  add1e6digit(-6);
  return minus ? negate(lowBits, highBits) : newBits(lowBits, highBits);
}
function int64ToString(lo, hi) {
  let bits = newBits(lo, hi);
  const negative = bits.hi & 2147483648;
  if (negative) {
    bits = negate(bits.lo, bits.hi);
  }
  const result = uInt64ToString(bits.lo, bits.hi);
  return negative ? "-" + result : result;
}
function uInt64ToString(lo, hi) {
  ({ lo, hi } = toUnsigned(lo, hi));
  if (hi <= 2097151) {
    return String(TWO_PWR_32_DBL * hi + lo);
  }
  const low = lo & 16777215;
  const mid = (lo >>> 24 | hi << 8) & 16777215;
  const high = hi >> 16 & 65535;
  let digitA = low + mid * 6777216 + high * 6710656;
  let digitB = mid + high * 8147497;
  let digitC = high * 2;
  const base = 1e7;
  if (digitA >= base) {
    digitB += Math.floor(digitA / base);
    digitA %= base;
  }
  if (digitB >= base) {
    digitC += Math.floor(digitB / base);
    digitB %= base;
  }
  return digitC.toString() + decimalFrom1e7WithLeadingZeros(digitB) + decimalFrom1e7WithLeadingZeros(digitA);
}
function toUnsigned(lo, hi) {
  return { lo: lo >>> 0, hi: hi >>> 0 };
}
function newBits(lo, hi) {
  return { lo: lo | 0, hi: hi | 0 };
}
function negate(lowBits, highBits) {
  highBits = ~highBits;
  if (lowBits) {
    lowBits = ~lowBits + 1;
  } else {
    highBits += 1;
  }
  return newBits(lowBits, highBits);
}
var decimalFrom1e7WithLeadingZeros = (digit1e7) => {
  const partial = String(digit1e7);
  return "0000000".slice(partial.length) + partial;
};
function varint32write(value, bytes) {
  if (value >>> 0 < 128) {
    bytes.push(value);
    return;
  }
  if (value >= 0) {
    while (value > 127) {
      bytes.push(value & 127 | 128);
      value = value >>> 7;
    }
    bytes.push(value);
  } else {
    for (let i = 0; i < 9; i++) {
      bytes.push(value & 127 | 128);
      value = value >> 7;
    }
    bytes.push(1);
  }
}
function varint32read() {
  let b = this.buf[this.pos++];
  if ((b & 128) === 0) {
    this.assertBounds();
    return b;
  }
  let result = b & 127;
  b = this.buf[this.pos++];
  result |= (b & 127) << 7;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 127) << 14;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 127) << 21;
  if ((b & 128) === 0) {
    this.assertBounds();
    return result;
  }
  b = this.buf[this.pos++];
  result |= (b & 15) << 28;
  for (let readBytes = 5; (b & 128) !== 0 && readBytes < 10; readBytes++)
    b = this.buf[this.pos++];
  if ((b & 128) !== 0)
    throw new Error("invalid varint");
  this.assertBounds();
  return result >>> 0;
}

// node_modules/@bufbuild/protobuf/dist/esm/proto-int64.js
var protoInt64 = /* @__PURE__ */ makeInt64Support();
function makeInt64Support() {
  const dv = new DataView(new ArrayBuffer(8));
  const ok = typeof BigInt === "function" && typeof dv.getBigInt64 === "function" && typeof dv.getBigUint64 === "function" && typeof dv.setBigInt64 === "function" && typeof dv.setBigUint64 === "function" && (!!globalThis.Deno || !!globalThis.Bun || typeof process != "object" || typeof process.env != "object" || process.env.BUF_BIGINT_DISABLE !== "1");
  if (ok) {
    const MIN = BigInt("-9223372036854775808");
    const MAX = BigInt("9223372036854775807");
    const UMIN = BigInt("0");
    const UMAX = BigInt("18446744073709551615");
    return {
      zero: BigInt(0),
      supported: true,
      parse(value) {
        const bi = typeof value == "bigint" ? value : BigInt(value);
        if (bi > MAX || bi < MIN) {
          throw new Error(`invalid int64: ${value}`);
        }
        return bi;
      },
      uParse(value) {
        const bi = typeof value == "bigint" ? value : BigInt(value);
        if (bi > UMAX || bi < UMIN) {
          throw new Error(`invalid uint64: ${value}`);
        }
        return bi;
      },
      enc(value) {
        dv.setBigInt64(0, this.parse(value), true);
        return {
          lo: dv.getInt32(0, true),
          hi: dv.getInt32(4, true)
        };
      },
      uEnc(value) {
        dv.setBigInt64(0, this.uParse(value), true);
        return {
          lo: dv.getInt32(0, true),
          hi: dv.getInt32(4, true)
        };
      },
      dec(lo, hi) {
        dv.setInt32(0, lo, true);
        dv.setInt32(4, hi, true);
        return dv.getBigInt64(0, true);
      },
      uDec(lo, hi) {
        dv.setInt32(0, lo, true);
        dv.setInt32(4, hi, true);
        return dv.getBigUint64(0, true);
      }
    };
  }
  return {
    zero: "0",
    supported: false,
    parse(value) {
      if (typeof value != "string") {
        value = value.toString();
      }
      assertInt64String(value);
      return value;
    },
    uParse(value) {
      if (typeof value != "string") {
        value = value.toString();
      }
      assertUInt64String(value);
      return value;
    },
    enc(value) {
      if (typeof value != "string") {
        value = value.toString();
      }
      assertInt64String(value);
      return int64FromString(value);
    },
    uEnc(value) {
      if (typeof value != "string") {
        value = value.toString();
      }
      assertUInt64String(value);
      return int64FromString(value);
    },
    dec(lo, hi) {
      return int64ToString(lo, hi);
    },
    uDec(lo, hi) {
      return uInt64ToString(lo, hi);
    }
  };
}
function assertInt64String(value) {
  if (!/^-?[0-9]+$/.test(value)) {
    throw new Error("invalid int64: " + value);
  }
}
function assertUInt64String(value) {
  if (!/^[0-9]+$/.test(value)) {
    throw new Error("invalid uint64: " + value);
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/scalar.js
function scalarEquals(type, a, b) {
  if (a === b) {
    return true;
  }
  if (type == ScalarType.BYTES) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) {
      return false;
    }
    if (a.length !== b.length) {
      return false;
    }
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return false;
      }
    }
    return true;
  }
  switch (type) {
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return a == b;
  }
  return false;
}
function scalarZeroValue(type, longAsString) {
  switch (type) {
    case ScalarType.STRING:
      return "";
    case ScalarType.BOOL:
      return false;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return 0;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SFIXED64:
    case ScalarType.FIXED64:
    case ScalarType.SINT64:
      return longAsString ? "0" : protoInt64.zero;
    case ScalarType.BYTES:
      return new Uint8Array(0);
    default:
      return 0;
  }
}
function isScalarZeroValue(type, value) {
  switch (type) {
    case ScalarType.BOOL:
      return value === false;
    case ScalarType.STRING:
      return value === "";
    case ScalarType.BYTES:
      return value instanceof Uint8Array && !value.byteLength;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return Object.is(value, 0);
    default:
      return value == 0;
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/unsafe.js
var IMPLICIT = 2;
var unsafeLocal = /* @__PURE__ */ Symbol.for("reflect unsafe local");
function unsafeOneofCase(target, oneof) {
  const c = target[oneof.localName].case;
  if (c === void 0) {
    return c;
  }
  return oneof.fields.find((f) => f.localName === c);
}
function unsafeIsSet(target, field) {
  const name = field.localName;
  if (field.oneof) {
    return target[field.oneof.localName].case === name;
  }
  if (field.presence != IMPLICIT) {
    return target[name] !== void 0 && Object.prototype.hasOwnProperty.call(target, name);
  }
  switch (field.fieldKind) {
    case "list":
      return target[name].length > 0;
    case "map":
      return Object.keys(target[name]).length > 0;
    case "scalar":
      return !isScalarZeroValue(field.scalar, target[name]);
    case "enum":
      return target[name] !== field.enum.values[0].number;
  }
  throw new Error("message field with implicit presence");
}
function unsafeIsSetExplicit(target, localName) {
  return Object.prototype.hasOwnProperty.call(target, localName) && target[localName] !== void 0;
}
function unsafeGet(target, field) {
  if (field.oneof) {
    const oneof = target[field.oneof.localName];
    if (oneof.case === field.localName) {
      return oneof.value;
    }
    return void 0;
  }
  return target[field.localName];
}
function unsafeSet(target, field, value) {
  if (field.oneof) {
    target[field.oneof.localName] = {
      case: field.localName,
      value
    };
  } else {
    target[field.localName] = value;
  }
}
function setOwn(obj, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(obj, "__proto__", {
      value,
      writable: true,
      enumerable: true,
      configurable: true
    });
  } else {
    obj[key] = value;
  }
}
function getOwn(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : void 0;
}
function unsafeClear(target, field) {
  const name = field.localName;
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    if (target[oneofLocalName].case === name) {
      target[oneofLocalName] = { case: void 0 };
    }
  } else if (field.presence != IMPLICIT) {
    delete target[name];
  } else {
    switch (field.fieldKind) {
      case "map":
        target[name] = {};
        break;
      case "list":
        target[name] = [];
        break;
      case "enum":
        target[name] = field.enum.values[0].number;
        break;
      case "scalar":
        target[name] = scalarZeroValue(field.scalar, field.longAsString);
        break;
    }
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/guard.js
function isObject(arg) {
  return arg !== null && typeof arg == "object" && !Array.isArray(arg);
}
function isReflectList(arg, field) {
  var _a, _b, _c, _d;
  if (isObject(arg) && unsafeLocal in arg && "add" in arg && "field" in arg && typeof arg.field == "function") {
    if (field !== void 0) {
      const a = field;
      const b = arg.field();
      return a.listKind == b.listKind && a.scalar === b.scalar && ((_a = a.message) === null || _a === void 0 ? void 0 : _a.typeName) === ((_b = b.message) === null || _b === void 0 ? void 0 : _b.typeName) && ((_c = a.enum) === null || _c === void 0 ? void 0 : _c.typeName) === ((_d = b.enum) === null || _d === void 0 ? void 0 : _d.typeName);
    }
    return true;
  }
  return false;
}
function isReflectMap(arg, field) {
  var _a, _b, _c, _d;
  if (isObject(arg) && unsafeLocal in arg && "has" in arg && "field" in arg && typeof arg.field == "function") {
    if (field !== void 0) {
      const a = field, b = arg.field();
      return a.mapKey === b.mapKey && a.mapKind == b.mapKind && a.scalar === b.scalar && ((_a = a.message) === null || _a === void 0 ? void 0 : _a.typeName) === ((_b = b.message) === null || _b === void 0 ? void 0 : _b.typeName) && ((_c = a.enum) === null || _c === void 0 ? void 0 : _c.typeName) === ((_d = b.enum) === null || _d === void 0 ? void 0 : _d.typeName);
    }
    return true;
  }
  return false;
}
function isReflectMessage(arg, messageDesc2) {
  return isObject(arg) && unsafeLocal in arg && "desc" in arg && isObject(arg.desc) && arg.desc.kind === "message" && (messageDesc2 === void 0 || arg.desc.typeName == messageDesc2.typeName);
}

// node_modules/@bufbuild/protobuf/dist/esm/wire/text-encoding.js
var te;
function configureTextEncoding(textEncoding) {
  var _a;
  te = Object.assign(Object.assign({}, textEncoding), { encodeUtf8Into: (_a = textEncoding.encodeUtf8Into) !== null && _a !== void 0 ? _a : emulateEncodeInto(textEncoding.encodeUtf8.bind(textEncoding)) });
}
function getTextEncoding() {
  if (!te) {
    const globals = globalThis;
    if (!globals.TextEncoder || !globals.TextDecoder) {
      throw new Error("encoding API missing: install TextEncoder and TextDecoder on globalThis");
    }
    const textEncoder = new globals.TextEncoder();
    const textDecoder = new globals.TextDecoder("utf-8", {
      ignoreBOM: true
    });
    let textDecoderStrict;
    const config = {
      encodeUtf8(text) {
        return textEncoder.encode(text);
      },
      decodeUtf8(bytes, strict) {
        if (strict) {
          if (!textDecoderStrict) {
            textDecoderStrict = new globals.TextDecoder("utf-8", {
              fatal: true,
              ignoreBOM: true
            });
          }
          return textDecoderStrict.decode(bytes);
        }
        return textDecoder.decode(bytes);
      },
      checkUtf8(text) {
        try {
          encodeURIComponent(text);
          return true;
        } catch (_) {
          return false;
        }
      }
    };
    if (textEncoder.encodeInto) {
      config.encodeUtf8Into = textEncoder.encodeInto.bind(textEncoder);
    }
    const nativeStringIsWellFormed = String.prototype.isWellFormed;
    if (nativeStringIsWellFormed) {
      config.checkUtf8 = (text) => {
        return nativeStringIsWellFormed.call(text);
      };
    }
    configureTextEncoding(config);
  }
  return te;
}
function emulateEncodeInto(encodeUtf8) {
  return (text, dest) => {
    const bytes = encodeUtf8(text);
    dest.set(bytes);
    return { written: bytes.byteLength };
  };
}

// node_modules/@bufbuild/protobuf/dist/esm/wire/binary-encoding.js
var WireType;
(function(WireType2) {
  WireType2[WireType2["Varint"] = 0] = "Varint";
  WireType2[WireType2["Bit64"] = 1] = "Bit64";
  WireType2[WireType2["LengthDelimited"] = 2] = "LengthDelimited";
  WireType2[WireType2["StartGroup"] = 3] = "StartGroup";
  WireType2[WireType2["EndGroup"] = 4] = "EndGroup";
  WireType2[WireType2["Bit32"] = 5] = "Bit32";
})(WireType || (WireType = {}));
var UINT32_MAX = 4294967295;
var INT32_MAX = 2147483647;
var INT32_MIN = -2147483648;
var BinaryWriter = class {
  constructor(encodeUtf8) {
    this.stackPos = [];
    this.encodeUtf8Into = encodeUtf8 ? emulateEncodeInto(encodeUtf8) : getTextEncoding().encodeUtf8Into;
    this.buffer = EMPTY_BUFFER;
    this.viewCache = EMPTY_VIEW;
    this.pos = 0;
  }
  ensureCapacity(size) {
    const required = this.pos + size;
    if (required > this.buffer.length) {
      let newLen = this.buffer.length || INITIAL_SIZE;
      while (newLen < required)
        newLen *= 2;
      const newBuf = new Uint8Array(newLen);
      if (this.pos > 0)
        newBuf.set(this.buffer);
      this.buffer = newBuf;
    }
  }
  /**
   * The DataView over `buffer`, rebuilt only if the buffer has grown since it
   * was last used.
   */
  view() {
    const bytes = this.buffer;
    const view = this.viewCache;
    if (view.byteLength === bytes.byteLength)
      return view;
    const newView = new DataView(bytes.buffer);
    this.viewCache = newView;
    return newView;
  }
  /**
   * Return all bytes written and reset this writer.
   */
  finish() {
    const result = this.buffer.slice(0, this.pos);
    this.pos = 0;
    this.stackPos = [];
    return result;
  }
  /**
   * Start a new fork for length-delimited data like a message
   * or a packed repeated field.
   *
   * Must be joined later with `join()`.
   */
  fork() {
    this.stackPos.push(this.pos);
    this.ensureCapacity(DEFAULT_LEN_PREFIX_SIZE);
    this.buffer[this.pos++] = 0;
    return this;
  }
  /**
   * Join the last fork. Write its length and bytes, then
   * return to the previous state.
   */
  join() {
    const forkPos = this.stackPos.pop();
    if (forkPos === void 0)
      throw new Error("invalid state, fork stack empty");
    const len = this.pos - forkPos - DEFAULT_LEN_PREFIX_SIZE;
    const lenPrefixSize = varint32Size(len);
    if (lenPrefixSize > DEFAULT_LEN_PREFIX_SIZE) {
      this.ensureCapacity(lenPrefixSize - DEFAULT_LEN_PREFIX_SIZE);
      this.buffer.copyWithin(forkPos + lenPrefixSize, forkPos + DEFAULT_LEN_PREFIX_SIZE, this.pos);
    }
    this.pos = forkPos;
    this.uint32(len);
    this.pos += len;
    return this;
  }
  /**
   * Writes a tag (field number and wire type).
   *
   * Equivalent to `uint32( (fieldNo << 3 | type) >>> 0 )`.
   *
   * Generated code should compute the tag ahead of time and call `uint32()`.
   */
  tag(fieldNo, type) {
    return this.uint32((fieldNo << 3 | type) >>> 0);
  }
  /**
   * Write a chunk of raw bytes.
   */
  raw(chunk) {
    this.ensureCapacity(chunk.length);
    this.buffer.set(chunk, this.pos);
    this.pos += chunk.length;
    return this;
  }
  /**
   * Write a `uint32` value, an unsigned 32 bit varint.
   */
  uint32(value) {
    assertUInt32(value);
    this.ensureCapacity(5);
    if (value < 128) {
      this.buffer[this.pos++] = value;
      return this;
    }
    while (value > 127) {
      this.buffer[this.pos++] = value & 127 | 128;
      value >>>= 7;
    }
    this.buffer[this.pos++] = value;
    return this;
  }
  /**
   * Write a `int32` value, a signed 32 bit varint.
   */
  int32(value) {
    assertInt32(value);
    if (value >= 0) {
      return this.uint32(value);
    }
    this.ensureCapacity(10);
    for (let i = 0; i < 9; i++) {
      this.buffer[this.pos++] = value & 127 | 128;
      value >>= 7;
    }
    this.buffer[this.pos++] = 1;
    return this;
  }
  /**
   * Write a `bool` value, a varint.
   */
  bool(value) {
    this.ensureCapacity(1);
    this.buffer[this.pos++] = value ? 1 : 0;
    return this;
  }
  /**
   * Write a `bytes` value, length-delimited arbitrary data.
   */
  bytes(value) {
    this.uint32(value.byteLength);
    return this.raw(value);
  }
  /**
   * Write a `string` value, length-delimited data converted to UTF-8 text.
   */
  string(value) {
    if (typeof value !== "string") {
      value = String(value);
    }
    const len = value.length;
    if (len <= ASCII_MAX_LENGTH) {
      this.ensureCapacity(len + 1);
      const ascii = this.buffer;
      let pos = this.pos;
      ascii[pos++] = len;
      let i = 0;
      for (; i < len; i++) {
        const code = value.charCodeAt(i);
        if (code > 127)
          break;
        ascii[pos++] = code;
      }
      if (i == len) {
        this.pos = pos;
        return this;
      }
    }
    this.ensureCapacity(len * 3 + 5);
    const lenPrefixSizeGuess = varint32Size(len);
    const buf = this.buffer;
    const start = this.pos;
    const { written } = this.encodeUtf8Into(value, buf.subarray(start + lenPrefixSizeGuess));
    const lenPrefixSize = varint32Size(written);
    if (lenPrefixSize != lenPrefixSizeGuess) {
      buf.copyWithin(start + lenPrefixSize, start + lenPrefixSizeGuess, start + lenPrefixSizeGuess + written);
    }
    this.uint32(written);
    this.pos += written;
    return this;
  }
  /**
   * Write a `float` value, 32-bit floating point number.
   */
  float(value) {
    assertFloat32(value);
    this.ensureCapacity(4);
    this.view().setFloat32(this.pos, value, true);
    this.pos += 4;
    return this;
  }
  /**
   * Write a `double` value, a 64-bit floating point number.
   */
  double(value) {
    this.ensureCapacity(8);
    this.view().setFloat64(this.pos, value, true);
    this.pos += 8;
    return this;
  }
  /**
   * Write a `fixed32` value, an unsigned, fixed-length 32-bit integer.
   */
  fixed32(value) {
    assertUInt32(value);
    this.ensureCapacity(4);
    this.view().setUint32(this.pos, value, true);
    this.pos += 4;
    return this;
  }
  /**
   * Write a `sfixed32` value, a signed, fixed-length 32-bit integer.
   */
  sfixed32(value) {
    assertInt32(value);
    this.ensureCapacity(4);
    this.view().setInt32(this.pos, value, true);
    this.pos += 4;
    return this;
  }
  /**
   * Write a `sint32` value, a signed, zigzag-encoded 32-bit varint.
   */
  sint32(value) {
    assertInt32(value);
    return this.uint32((value << 1 ^ value >> 31) >>> 0);
  }
  /**
   * Write a `sfixed64` value, a signed, fixed-length 64-bit integer.
   */
  sfixed64(value) {
    const tc = protoInt64.enc(value);
    this.ensureCapacity(8);
    const view = this.view();
    view.setInt32(this.pos, tc.lo, true);
    view.setInt32(this.pos + 4, tc.hi, true);
    this.pos += 8;
    return this;
  }
  /**
   * Write a `fixed64` value, an unsigned, fixed-length 64 bit integer.
   */
  fixed64(value) {
    const tc = protoInt64.uEnc(value);
    this.ensureCapacity(8);
    const view = this.view();
    view.setInt32(this.pos, tc.lo, true);
    view.setInt32(this.pos + 4, tc.hi, true);
    this.pos += 8;
    return this;
  }
  /**
   * Write a `int64` value, a signed 64-bit varint.
   */
  int64(value) {
    const tc = protoInt64.enc(value);
    return this.writeVarint64(tc.lo, tc.hi);
  }
  /**
   * Write a `sint64` value, a signed, zig-zag-encoded 64-bit varint.
   */
  sint64(value) {
    const tc = protoInt64.enc(value), sign = tc.hi >> 31, lo = tc.lo << 1 ^ sign, hi = (tc.hi << 1 | tc.lo >>> 31) ^ sign;
    return this.writeVarint64(lo, hi);
  }
  /**
   * Write a `uint64` value, an unsigned 64-bit varint.
   */
  uint64(value) {
    const tc = protoInt64.uEnc(value);
    return this.writeVarint64(tc.lo, tc.hi);
  }
  /**
   * Write a 64-bit varint directly into the buffer. Accepts the value as
   * split low/high 32-bit words.
   *
   * Ported from varint64write() to avoid the intermediate number[] buffer.
   * See https://github.com/protocolbuffers/protobuf/blob/8a71927d74a4ce34efe2d8769fda198f52d20d12/js/experimental/runtime/kernel/writer.js#L344
   */
  writeVarint64(lo, hi) {
    this.ensureCapacity(10);
    const buf = this.buffer;
    let pos = this.pos;
    for (let i = 0; i < 28; i = i + 7) {
      const shift = lo >>> i;
      const hasNext = !(shift >>> 7 == 0 && hi == 0);
      buf[pos++] = (hasNext ? shift | 128 : shift) & 255;
      if (!hasNext) {
        this.pos = pos;
        return this;
      }
    }
    const splitBits = lo >>> 28 & 15 | (hi & 7) << 4;
    const hasMoreBits = !(hi >> 3 == 0);
    buf[pos++] = (hasMoreBits ? splitBits | 128 : splitBits) & 255;
    if (!hasMoreBits) {
      this.pos = pos;
      return this;
    }
    for (let i = 3; i < 31; i = i + 7) {
      const shift = hi >>> i;
      const hasNext = !(shift >>> 7 == 0);
      buf[pos++] = (hasNext ? shift | 128 : shift) & 255;
      if (!hasNext) {
        this.pos = pos;
        return this;
      }
    }
    buf[pos++] = hi >>> 31 & 1;
    this.pos = pos;
    return this;
  }
};
var INITIAL_SIZE = 128;
var DEFAULT_LEN_PREFIX_SIZE = 1;
var EMPTY_BUFFER = new Uint8Array(0);
var EMPTY_VIEW = new DataView(EMPTY_BUFFER.buffer);
var ASCII_MAX_LENGTH = 32;
function varint32Size(value) {
  if (value < 128)
    return 1;
  if (value < 16384)
    return 2;
  if (value < 2097152)
    return 3;
  if (value < 268435456)
    return 4;
  return 5;
}
var BinaryReader = class {
  constructor(buf, decodeUtf8 = getTextEncoding().decodeUtf8) {
    this.decodeUtf8 = decodeUtf8;
    this.varint64Lo = 0;
    this.varint64Hi = 0;
    this.varint64 = varint64read;
    this.uint32 = varint32read;
    this.buf = buf;
    this.len = buf.length;
    this.pos = 0;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  /**
   * Reads a tag - field number and wire type. Tags are uint32 varints; values
   * that do not fit in uint32 are rejected.
   */
  tag() {
    const start = this.pos;
    const tag = this.uint32();
    const bytesRead = this.pos - start;
    if (bytesRead > 5 || bytesRead == 5 && this.buf[this.pos - 1] > 15) {
      throw new Error("illegal tag: varint overflows uint32");
    }
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo <= 0 || wireType > 5) {
      throw new Error("illegal tag: field no " + fieldNo + " wire type " + wireType);
    }
    return [fieldNo, wireType];
  }
  /**
   * Skip one element and return the skipped data.
   *
   * When skipping StartGroup, provide the tags field number to check for
   * matching field number in the EndGroup tag. Recursion into nested groups
   * is guarded by the `recursionLimit` argument: When the limit is reached,
   * this method throws.
   */
  skip(wireType, fieldNo, recursionLimit = 100) {
    let start = this.pos;
    switch (wireType) {
      case WireType.Varint:
        while (this.buf[this.pos++] & 128) {
        }
        break;
      // @ts-ignore TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
      case WireType.Bit64:
        this.pos += 4;
      case WireType.Bit32:
        this.pos += 4;
        break;
      case WireType.LengthDelimited:
        let len = this.uint32();
        this.pos += len;
        break;
      case WireType.StartGroup:
        if (recursionLimit <= 0) {
          throw new Error("maximum recursion depth reached");
        }
        for (; ; ) {
          const [fn, wt] = this.tag();
          if (wt === WireType.EndGroup) {
            if (fieldNo !== void 0 && fn !== fieldNo) {
              throw new Error("invalid end group tag");
            }
            break;
          }
          this.skip(wt, fn, recursionLimit - 1);
        }
        break;
      default:
        throw new Error("cant skip wire type " + wireType);
    }
    this.assertBounds();
    return this.buf.subarray(start, this.pos);
  }
  /**
   * Throws error if position in byte array is out of range.
   */
  assertBounds() {
    if (this.pos > this.len)
      throw new RangeError("premature EOF");
  }
  /**
   * Read a `int32` field, a signed 32 bit varint.
   */
  int32() {
    return this.uint32() | 0;
  }
  /**
   * Read a `sint32` field, a signed, zigzag-encoded 32-bit varint.
   */
  sint32() {
    let zze = this.uint32();
    return zze >>> 1 ^ -(zze & 1);
  }
  /**
   * Read a `int64` field, a signed 64-bit varint.
   */
  int64() {
    this.varint64();
    return protoInt64.dec(this.varint64Lo, this.varint64Hi);
  }
  /**
   * Read a `uint64` field, an unsigned 64-bit varint.
   */
  uint64() {
    this.varint64();
    return protoInt64.uDec(this.varint64Lo, this.varint64Hi);
  }
  /**
   * Read a `sint64` field, a signed, zig-zag-encoded 64-bit varint.
   */
  sint64() {
    this.varint64();
    let lo = this.varint64Lo;
    let hi = this.varint64Hi;
    let s2 = -(lo & 1);
    lo = (lo >>> 1 | (hi & 1) << 31) ^ s2;
    hi = hi >>> 1 ^ s2;
    return protoInt64.dec(lo, hi);
  }
  /**
   * Read a `bool` field, a variant.
   */
  bool() {
    const b = this.buf[this.pos];
    if (b < 128) {
      this.pos++;
      return b !== 0;
    }
    this.varint64();
    return this.varint64Lo !== 0 || this.varint64Hi !== 0;
  }
  /**
   * Read a `fixed32` field, an unsigned, fixed-length 32-bit integer.
   */
  fixed32() {
    return this.view.getUint32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `sfixed32` field, a signed, fixed-length 32-bit integer.
   */
  sfixed32() {
    return this.view.getInt32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `fixed64` field, an unsigned, fixed-length 64 bit integer.
   */
  fixed64() {
    return protoInt64.uDec(this.sfixed32(), this.sfixed32());
  }
  /**
   * Read a `fixed64` field, a signed, fixed-length 64-bit integer.
   */
  sfixed64() {
    return protoInt64.dec(this.sfixed32(), this.sfixed32());
  }
  /**
   * Read a `float` field, 32-bit floating point number.
   */
  float() {
    return this.view.getFloat32((this.pos += 4) - 4, true);
  }
  /**
   * Read a `double` field, a 64-bit floating point number.
   */
  double() {
    return this.view.getFloat64((this.pos += 8) - 8, true);
  }
  /**
   * Read a `bytes` field, length-delimited arbitrary data.
   */
  bytes() {
    let len = this.uint32(), start = this.pos;
    this.pos += len;
    this.assertBounds();
    return this.buf.subarray(start, start + len);
  }
  /**
   * Read a `string` field, length-delimited data converted to UTF-8 text. If
   * `strict` is true, throw on invalid UTF-8 instead of substituting U+FFFD.
   */
  string(strict) {
    const len = this.uint32();
    const start = this.pos;
    this.pos += len;
    this.assertBounds();
    const buf = this.buf;
    if (len <= ASCII_MAX_LENGTH) {
      const codes = new Array(len);
      for (let i = 0; i < len; i++) {
        const byte = buf[start + i];
        if (byte > 127) {
          return this.decodeUtf8(buf.subarray(start, this.pos), strict);
        }
        codes[i] = byte;
      }
      return String.fromCharCode.apply(String, codes);
    }
    return this.decodeUtf8(buf.subarray(start, this.pos), strict);
  }
};
function assertInt32(arg) {
  if (typeof arg == "string") {
    arg = Number(arg);
  } else if (typeof arg != "number") {
    throw new Error("invalid int32: " + typeof arg);
  }
  if (!Number.isInteger(arg) || arg > INT32_MAX || arg < INT32_MIN)
    throw new Error("invalid int32: " + arg);
}
function assertUInt32(arg) {
  if (typeof arg == "string") {
    arg = Number(arg);
  } else if (typeof arg != "number") {
    throw new Error("invalid uint32: " + typeof arg);
  }
  if (!Number.isInteger(arg) || arg > UINT32_MAX || arg < 0)
    throw new Error("invalid uint32: " + arg);
}
function assertFloat32(arg) {
  if (typeof arg == "string") {
    const o = arg;
    arg = Number(arg);
    if (Number.isNaN(arg) && o !== "NaN") {
      throw new Error("invalid float32: " + o);
    }
  } else if (typeof arg != "number") {
    throw new Error("invalid float32: " + typeof arg);
  }
  if (!Number.isFinite(Math.fround(arg)) && Number.isFinite(arg)) {
    throw new Error("invalid float32: " + arg);
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/reflect-check.js
function checkField(field, value) {
  const check2 = field.fieldKind == "list" ? isReflectList(value, field) : field.fieldKind == "map" ? isReflectMap(value, field) : checkSingular(field, value);
  if (check2 === true) {
    return void 0;
  }
  let reason;
  switch (field.fieldKind) {
    case "list":
      reason = `expected ${formatReflectList(field)}, got ${formatVal(value)}`;
      break;
    case "map":
      reason = `expected ${formatReflectMap(field)}, got ${formatVal(value)}`;
      break;
    default: {
      reason = reasonSingular(field, value, check2);
    }
  }
  return new FieldError(field, reason);
}
function checkListItem(field, index, value) {
  const check2 = checkSingular(field, value);
  if (check2 !== true) {
    return new FieldError(field, `list item #${index + 1}: ${reasonSingular(field, value, check2)}`);
  }
  return void 0;
}
function checkMapEntry(field, key, value) {
  const checkKey = checkScalarValue(field.mapKey)(key);
  if (checkKey !== true) {
    return new FieldError(field, `invalid map key: ${reasonSingular({ scalar: field.mapKey }, key, checkKey)}`);
  }
  const checkVal = checkSingular(field, value);
  if (checkVal !== true) {
    return new FieldError(field, `map entry ${formatVal(key)}: ${reasonSingular(field, value, checkVal)}`);
  }
  return void 0;
}
function checkSingular(field, value) {
  if (field.scalar !== void 0) {
    return checkScalarValue(field.scalar)(value);
  }
  if (field.enum !== void 0) {
    if (field.enum.open) {
      return checkScalarValue(ScalarType.INT32)(value);
    }
    return field.enum.values.some((v) => v.number === value);
  }
  return isReflectMessage(value, field.message);
}
function checkScalarValue(scalar) {
  switch (scalar) {
    case ScalarType.DOUBLE:
      return (value) => typeof value == "number";
    case ScalarType.FLOAT:
      return (value) => {
        if (typeof value != "number") {
          return false;
        }
        if (!Number.isFinite(Math.fround(value)) && Number.isFinite(value)) {
          return `${value.toFixed()} out of range`;
        }
        return true;
      };
    case ScalarType.INT32:
    case ScalarType.SFIXED32:
    case ScalarType.SINT32:
      return (value) => {
        if (typeof value !== "number" || !Number.isInteger(value)) {
          return false;
        }
        if (value > INT32_MAX || value < INT32_MIN) {
          return `${value.toFixed()} out of range`;
        }
        return true;
      };
    case ScalarType.FIXED32:
    case ScalarType.UINT32:
      return (value) => {
        if (typeof value !== "number" || !Number.isInteger(value)) {
          return false;
        }
        if (value > UINT32_MAX || value < 0) {
          return `${value.toFixed()} out of range`;
        }
        return true;
      };
    case ScalarType.BOOL:
      return (value) => typeof value == "boolean";
    case ScalarType.STRING:
      return (value) => {
        if (typeof value != "string") {
          return false;
        }
        return getTextEncoding().checkUtf8(value) || "invalid UTF8";
      };
    case ScalarType.BYTES:
      return (value) => value instanceof Uint8Array;
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return (value) => {
        if (typeof value == "bigint" || typeof value == "number" || typeof value == "string" && value.length > 0) {
          try {
            protoInt64.parse(value);
            return true;
          } catch (_) {
            return `${value} out of range`;
          }
        }
        return false;
      };
    case ScalarType.FIXED64:
    case ScalarType.UINT64:
      return (value) => {
        if (typeof value == "bigint" || typeof value == "number" || typeof value == "string" && value.length > 0) {
          try {
            protoInt64.uParse(value);
            return true;
          } catch (_) {
            return `${value} out of range`;
          }
        }
        return false;
      };
  }
}
function reasonSingular(field, val, details) {
  details = typeof details == "string" ? `: ${details}` : `, got ${formatVal(val)}`;
  if (field.scalar !== void 0) {
    return `expected ${scalarTypeDescription(field.scalar)}` + details;
  }
  if (field.enum !== void 0) {
    return `expected ${field.enum.toString()}` + details;
  }
  return `expected ${formatReflectMessage(field.message)}` + details;
}
function formatVal(val) {
  switch (typeof val) {
    case "object":
      if (val === null) {
        return "null";
      }
      if (val instanceof Uint8Array) {
        return `Uint8Array(${val.length})`;
      }
      if (Array.isArray(val)) {
        return `Array(${val.length})`;
      }
      if (isReflectList(val)) {
        return formatReflectList(val.field());
      }
      if (isReflectMap(val)) {
        return formatReflectMap(val.field());
      }
      if (isReflectMessage(val)) {
        return formatReflectMessage(val.desc);
      }
      if (isMessage(val)) {
        return `message ${val.$typeName}`;
      }
      return "object";
    case "string":
      return val.length > 30 ? "string" : `"${val.split('"').join('\\"')}"`;
    case "boolean":
      return String(val);
    case "number":
      return String(val);
    case "bigint":
      return String(val) + "n";
    default:
      return typeof val;
  }
}
function formatReflectMessage(desc) {
  return `ReflectMessage (${desc.typeName})`;
}
function formatReflectList(field) {
  switch (field.listKind) {
    case "message":
      return `ReflectList (${field.message.toString()})`;
    case "enum":
      return `ReflectList (${field.enum.toString()})`;
    case "scalar":
      return `ReflectList (${ScalarType[field.scalar]})`;
  }
}
function formatReflectMap(field) {
  switch (field.mapKind) {
    case "message":
      return `ReflectMap (${ScalarType[field.mapKey]}, ${field.message.toString()})`;
    case "enum":
      return `ReflectMap (${ScalarType[field.mapKey]}, ${field.enum.toString()})`;
    case "scalar":
      return `ReflectMap (${ScalarType[field.mapKey]}, ${ScalarType[field.scalar]})`;
  }
}
function scalarTypeDescription(scalar) {
  switch (scalar) {
    case ScalarType.STRING:
      return "string";
    case ScalarType.BOOL:
      return "boolean";
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return "bigint (int64)";
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return "bigint (uint64)";
    case ScalarType.BYTES:
      return "Uint8Array";
    case ScalarType.DOUBLE:
      return "number (float64)";
    case ScalarType.FLOAT:
      return "number (float32)";
    case ScalarType.FIXED32:
    case ScalarType.UINT32:
      return "number (uint32)";
    case ScalarType.INT32:
    case ScalarType.SFIXED32:
    case ScalarType.SINT32:
      return "number (int32)";
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/wrappers.js
function isWrapper(arg) {
  return isWrapperTypeName(arg.$typeName);
}
function isWrapperDesc(messageDesc2) {
  const f = messageDesc2.fields[0];
  return isWrapperTypeName(messageDesc2.typeName) && f !== void 0 && f.fieldKind == "scalar" && f.name == "value" && f.number == 1;
}
function hasCustomJsonRepresentation(desc) {
  switch (desc.typeName) {
    case "google.protobuf.Any":
    case "google.protobuf.Timestamp":
    case "google.protobuf.Duration":
    case "google.protobuf.FieldMask":
    case "google.protobuf.Struct":
    case "google.protobuf.Value":
    case "google.protobuf.ListValue":
      return true;
    default:
      return isWrapperDesc(desc);
  }
}
var wrapperTypeNames = /* @__PURE__ */ new Set([
  "google.protobuf.DoubleValue",
  "google.protobuf.FloatValue",
  "google.protobuf.Int64Value",
  "google.protobuf.UInt64Value",
  "google.protobuf.Int32Value",
  "google.protobuf.UInt32Value",
  "google.protobuf.BoolValue",
  "google.protobuf.StringValue",
  "google.protobuf.BytesValue"
]);
function isWrapperTypeName(name) {
  return wrapperTypeNames.has(name);
}

// node_modules/@bufbuild/protobuf/dist/esm/create.js
var EDITION_PROTO3 = 999;
var EDITION_PROTO2 = 998;
var IMPLICIT2 = 2;
function create(schema, init) {
  if (isMessage(init, schema)) {
    return init;
  }
  return compiledCreate(schema)(init);
}
var compiledCreates = /* @__PURE__ */ new WeakMap();
function compiledCreate(desc) {
  let compiled = compiledCreates.get(desc);
  if (compiled === void 0) {
    compiled = compileCreate(desc);
    compiledCreates.set(desc, compiled);
  }
  return compiled;
}
var INIT_SINGULAR = 0;
var INIT_LIST = 1;
var INIT_MAP = 2;
var INIT_ONEOF = 3;
function compileCreate(desc) {
  const typeName = desc.typeName;
  const { properties, prototype } = compileInitMessage(desc);
  return (init) => {
    let message;
    if (prototype !== void 0) {
      message = Object.create(prototype);
      message.$typeName = typeName;
    } else {
      message = { $typeName: typeName };
    }
    for (let i = 0; i < properties.length; i++) {
      const property = properties[i];
      const name = property.name;
      const initValue = init === null || init === void 0 ? void 0 : init[name];
      switch (property.kind) {
        case INIT_SINGULAR:
          if (initValue != null) {
            message[name] = property.convert !== void 0 ? property.convert(initValue) : initValue;
          } else if (property.constant !== void 0) {
            message[name] = property.constant;
          }
          break;
        case INIT_LIST:
          message[name] = property.convert !== void 0 && Array.isArray(initValue) ? initValue.map(property.convert) : initValue !== null && initValue !== void 0 ? initValue : [];
          break;
        case INIT_MAP:
          if (property.convert === void 0 || !isObject(initValue)) {
            message[name] = initValue !== null && initValue !== void 0 ? initValue : {};
          } else {
            const converted = {};
            const keys = Object.keys(initValue);
            for (let k = 0; k < keys.length; k++) {
              setOwn(converted, keys[k], property.convert(initValue[keys[k]]));
            }
            message[name] = converted;
          }
          break;
        case INIT_ONEOF: {
          const oneofValue = initValue;
          if ((oneofValue === null || oneofValue === void 0 ? void 0 : oneofValue.case) != null) {
            const convert = property.convert.get(oneofValue.case);
            if (convert !== void 0) {
              message[name] = {
                case: oneofValue.case,
                value: convert(oneofValue.value)
              };
              break;
            }
          }
          message[name] = { case: void 0 };
          break;
        }
      }
    }
    return message;
  };
}
function compileInitMessage(desc) {
  var _a, _b;
  const properties = [];
  const prototype = {};
  const usePrototype = needsPrototypeChain(desc);
  for (const member of desc.members) {
    const name = member.localName;
    if (member.kind == "oneof") {
      properties.push({
        name,
        kind: INIT_ONEOF,
        constant: void 0,
        convert: compileConvertOneof(member)
      });
      continue;
    }
    switch (member.fieldKind) {
      case "message": {
        properties.push({
          name,
          kind: INIT_SINGULAR,
          constant: void 0,
          convert: compileConvertMessage(member)
        });
        break;
      }
      case "list": {
        properties.push({
          name,
          kind: INIT_LIST,
          constant: void 0,
          convert: member.listKind == "message" ? (_a = compileConvertMessage(member)) !== null && _a !== void 0 ? _a : ((value) => value) : member.scalar == ScalarType.BYTES ? toU8Arr : void 0
        });
        break;
      }
      case "map": {
        properties.push({
          name,
          kind: INIT_MAP,
          constant: void 0,
          convert: member.mapKind == "message" ? (_b = compileConvertMessage(member)) !== null && _b !== void 0 ? _b : ((value) => value) : member.scalar == ScalarType.BYTES ? toU8Arr : void 0
        });
        break;
      }
      default: {
        const zeroValue = createZeroValue(member);
        properties.push({
          name,
          kind: INIT_SINGULAR,
          constant: member.presence == IMPLICIT2 ? zeroValue : void 0,
          convert: member.fieldKind == "scalar" && member.scalar == ScalarType.BYTES ? toU8Arr : void 0
        });
        if (usePrototype) {
          prototype[name] = zeroValue;
        }
        break;
      }
    }
  }
  return {
    properties,
    prototype: usePrototype ? prototype : void 0
  };
}
function compileConvertOneof(oneof) {
  const converters = /* @__PURE__ */ new Map();
  for (const field of oneof.fields) {
    let convert;
    if (field.fieldKind == "message") {
      convert = compileConvertMessage(field);
    } else if (field.fieldKind == "scalar" && field.scalar == ScalarType.BYTES) {
      convert = toU8Arr;
    }
    converters.set(field.localName, convert !== null && convert !== void 0 ? convert : ((value) => value));
  }
  return converters;
}
function compileConvertMessage(field) {
  if (field.fieldKind == "message" && !field.oneof && isWrapperDesc(field.message)) {
    return field.message.fields[0].scalar == ScalarType.BYTES ? toU8Arr : void 0;
  }
  if (field.message.typeName == "google.protobuf.Struct" && field.parent.typeName !== "google.protobuf.Value") {
    return void 0;
  }
  const messageDesc2 = field.message;
  let compiled;
  return (value) => {
    if (!isObject(value) || isMessage(value, messageDesc2)) {
      return value;
    }
    compiled !== null && compiled !== void 0 ? compiled : compiled = compiledCreate(messageDesc2);
    return compiled(value);
  };
}
function toU8Arr(value) {
  return Array.isArray(value) ? new Uint8Array(value) : value;
}
function needsPrototypeChain(desc) {
  switch (desc.file.edition) {
    case EDITION_PROTO3:
      return false;
    case EDITION_PROTO2:
      return true;
    default:
      return desc.fields.some((f) => f.presence != IMPLICIT2 && f.fieldKind != "message" && !f.oneof);
  }
}
function createZeroValue(field) {
  const defaultValue = field.getDefaultValue();
  if (defaultValue !== void 0) {
    return field.fieldKind == "scalar" && field.longAsString ? defaultValue.toString() : defaultValue;
  }
  return field.fieldKind == "scalar" ? scalarZeroValue(field.scalar, field.longAsString) : field.enum.values[0].number;
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/message.js
var NULL_VALUE = 0;
function localMessageMapper(field) {
  if (usesJsonRepresentation(field)) {
    return {
      toMessage: (local) => wktStructToReflect(local),
      toLocal: (message) => wktStructToLocal(message)
    };
  }
  if (field.fieldKind == "message" && !field.oneof && isWrapperDesc(field.message)) {
    const wrapperDesc = field.message;
    const valueLocalName = wrapperDesc.fields[0].localName;
    return {
      toMessage: (local) => {
        const message = create(wrapperDesc);
        if (local !== void 0) {
          message[valueLocalName] = local;
        }
        return message;
      },
      toLocal: (message) => message[valueLocalName]
    };
  }
  const childDesc = field.message;
  return {
    toMessage: (local) => local === void 0 ? create(childDesc) : local,
    toLocal: (message) => message
  };
}
function usesJsonRepresentation(field) {
  return field.message.typeName == "google.protobuf.Struct" && field.parent.typeName != "google.protobuf.Value";
}
function wktStructToReflect(json) {
  const struct = {
    $typeName: "google.protobuf.Struct",
    fields: {}
  };
  if (isObject(json)) {
    for (const k of Object.keys(json)) {
      setOwn(struct.fields, k, wktValueToReflect(json[k]));
    }
  }
  return struct;
}
function wktStructToLocal(val) {
  const json = {};
  for (const k of Object.keys(val.fields)) {
    setOwn(json, k, wktValueToLocal(val.fields[k]));
  }
  return json;
}
function wktValueToLocal(val) {
  switch (val.kind.case) {
    case "structValue":
      return wktStructToLocal(val.kind.value);
    case "listValue":
      return val.kind.value.values.map(wktValueToLocal);
    case "nullValue":
    case void 0:
      return null;
    default:
      return val.kind.value;
  }
}
function wktValueToReflect(json) {
  const value = {
    $typeName: "google.protobuf.Value",
    kind: { case: void 0 }
  };
  switch (typeof json) {
    case "number":
      value.kind = { case: "numberValue", value: json };
      break;
    case "string":
      value.kind = { case: "stringValue", value: json };
      break;
    case "boolean":
      value.kind = { case: "boolValue", value: json };
      break;
    case "object":
      if (json === null) {
        value.kind = { case: "nullValue", value: NULL_VALUE };
      } else if (Array.isArray(json)) {
        const listValue = {
          $typeName: "google.protobuf.ListValue",
          values: []
        };
        if (Array.isArray(json)) {
          for (const e of json) {
            listValue.values.push(wktValueToReflect(e));
          }
        }
        value.kind = {
          case: "listValue",
          value: listValue
        };
      } else {
        value.kind = {
          case: "structValue",
          value: wktStructToReflect(json)
        };
      }
      break;
  }
  return value;
}

// node_modules/@bufbuild/protobuf/dist/esm/reflect/reflect.js
function reflect(messageDesc2, message, check2 = true) {
  return new ReflectMessageImpl(messageDesc2, message, check2);
}
var messageSortedFields = /* @__PURE__ */ new WeakMap();
var ReflectMessageImpl = class {
  get sortedFields() {
    const cached = messageSortedFields.get(this.desc);
    if (cached) {
      return cached;
    }
    const sortedFields = this.desc.fields.concat().sort((a, b) => a.number - b.number);
    messageSortedFields.set(this.desc, sortedFields);
    return sortedFields;
  }
  constructor(messageDesc2, message, check2 = true) {
    this.lists = /* @__PURE__ */ new Map();
    this.maps = /* @__PURE__ */ new Map();
    this.check = check2;
    this.desc = messageDesc2;
    this.message = this[unsafeLocal] = message !== null && message !== void 0 ? message : create(messageDesc2);
    this.fields = messageDesc2.fields;
    this.oneofs = messageDesc2.oneofs;
    this.members = messageDesc2.members;
  }
  findNumber(number) {
    if (!this._fieldsByNumber) {
      this._fieldsByNumber = new Map(this.desc.fields.map((f) => [f.number, f]));
    }
    return this._fieldsByNumber.get(number);
  }
  oneofCase(oneof) {
    assertOwn(this.message, oneof);
    return unsafeOneofCase(this.message, oneof);
  }
  isSet(field) {
    assertOwn(this.message, field);
    return unsafeIsSet(this.message, field);
  }
  clear(field) {
    assertOwn(this.message, field);
    unsafeClear(this.message, field);
  }
  get(field) {
    assertOwn(this.message, field);
    const value = unsafeGet(this.message, field);
    switch (field.fieldKind) {
      case "list":
        let list2 = this.lists.get(field);
        if (!list2 || list2[unsafeLocal] !== value) {
          this.lists.set(
            field,
            // biome-ignore lint/suspicious/noAssignInExpressions: no
            list2 = new ReflectListImpl(field, value, this.check)
          );
        }
        return list2;
      case "map":
        let map = this.maps.get(field);
        if (!map || map[unsafeLocal] !== value) {
          this.maps.set(
            field,
            // biome-ignore lint/suspicious/noAssignInExpressions: no
            map = new ReflectMapImpl(field, value, this.check)
          );
        }
        return map;
      case "message":
        return messageToReflect(field, value, this.check);
      case "scalar":
        return value === void 0 ? scalarZeroValue(field.scalar, false) : longToReflect(field, value);
      case "enum":
        return value !== null && value !== void 0 ? value : field.enum.values[0].number;
    }
  }
  set(field, value) {
    assertOwn(this.message, field);
    if (this.check) {
      const err = checkField(field, value);
      if (err) {
        throw err;
      }
    }
    let local;
    if (field.fieldKind == "message") {
      local = messageToLocal(field, value);
    } else if (isReflectMap(value) || isReflectList(value)) {
      local = value[unsafeLocal];
    } else {
      local = longToLocal(field, value);
    }
    unsafeSet(this.message, field, local);
  }
  getUnknown() {
    return this.message.$unknown;
  }
  setUnknown(value) {
    this.message.$unknown = value;
  }
};
function assertOwn(owner, member) {
  if (member.parent.typeName !== owner.$typeName) {
    throw new FieldError(member, `cannot use ${member.toString()} with message ${owner.$typeName}`, "ForeignFieldError");
  }
}
var ReflectListImpl = class {
  field() {
    return this._field;
  }
  get size() {
    return this._arr.length;
  }
  constructor(field, unsafeInput, check2) {
    this._field = field;
    this._arr = this[unsafeLocal] = unsafeInput;
    this.check = check2;
  }
  get(index) {
    const item = this._arr[index];
    return item === void 0 ? void 0 : listItemToReflect(this._field, item, this.check);
  }
  set(index, item) {
    if (index < 0 || index >= this._arr.length) {
      throw new FieldError(this._field, `list item #${index + 1}: out of range`);
    }
    if (this.check) {
      const err = checkListItem(this._field, index, item);
      if (err) {
        throw err;
      }
    }
    this._arr[index] = listItemToLocal(this._field, item);
  }
  add(item) {
    if (this.check) {
      const err = checkListItem(this._field, this._arr.length, item);
      if (err) {
        throw err;
      }
    }
    this._arr.push(listItemToLocal(this._field, item));
    return void 0;
  }
  clear() {
    this._arr.splice(0, this._arr.length);
  }
  [Symbol.iterator]() {
    return this.values();
  }
  keys() {
    return this._arr.keys();
  }
  *values() {
    for (const item of this._arr) {
      yield listItemToReflect(this._field, item, this.check);
    }
  }
  *entries() {
    for (let i = 0; i < this._arr.length; i++) {
      yield [i, listItemToReflect(this._field, this._arr[i], this.check)];
    }
  }
};
var ReflectMapImpl = class {
  constructor(field, unsafeInput, check2 = true) {
    this.obj = this[unsafeLocal] = unsafeInput !== null && unsafeInput !== void 0 ? unsafeInput : {};
    this.check = check2;
    this._field = field;
  }
  field() {
    return this._field;
  }
  set(key, value) {
    if (this.check) {
      const err = checkMapEntry(this._field, key, value);
      if (err) {
        throw err;
      }
    }
    setOwn(this.obj, mapKeyToLocal(key), mapValueToLocal(this._field, value));
    return this;
  }
  delete(key) {
    const k = mapKeyToLocal(key);
    const has = Object.prototype.hasOwnProperty.call(this.obj, k);
    if (has) {
      delete this.obj[k];
    }
    return has;
  }
  clear() {
    for (const key of Object.keys(this.obj)) {
      delete this.obj[key];
    }
  }
  get(key) {
    let val = getOwn(this.obj, mapKeyToLocal(key));
    if (val !== void 0) {
      val = mapValueToReflect(this._field, val, this.check);
    }
    return val;
  }
  has(key) {
    return Object.prototype.hasOwnProperty.call(this.obj, mapKeyToLocal(key));
  }
  *keys() {
    for (const objKey of Object.keys(this.obj)) {
      yield mapKeyToReflect(objKey, this._field.mapKey);
    }
  }
  *entries() {
    for (const objEntry of Object.entries(this.obj)) {
      yield [
        mapKeyToReflect(objEntry[0], this._field.mapKey),
        mapValueToReflect(this._field, objEntry[1], this.check)
      ];
    }
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  get size() {
    return Object.keys(this.obj).length;
  }
  *values() {
    for (const val of Object.values(this.obj)) {
      yield mapValueToReflect(this._field, val, this.check);
    }
  }
  forEach(callbackfn, thisArg) {
    for (const mapEntry of this.entries()) {
      callbackfn.call(thisArg, mapEntry[1], mapEntry[0], this);
    }
  }
};
function messageToLocal(field, value) {
  if (!isReflectMessage(value)) {
    return value;
  }
  if (isWrapper(value.message) && !field.oneof && field.fieldKind == "message") {
    return value.message.value;
  }
  if (value.desc.typeName == "google.protobuf.Struct" && field.parent.typeName != "google.protobuf.Value") {
    return wktStructToLocal(value.message);
  }
  return value.message;
}
function messageToReflect(field, value, check2) {
  if (value !== void 0) {
    if (isWrapperDesc(field.message) && !field.oneof && field.fieldKind == "message") {
      value = {
        $typeName: field.message.typeName,
        value: longToReflect(field.message.fields[0], value)
      };
    } else if (field.message.typeName == "google.protobuf.Struct" && field.parent.typeName != "google.protobuf.Value" && isObject(value)) {
      value = wktStructToReflect(value);
    }
  }
  return new ReflectMessageImpl(field.message, value, check2);
}
function listItemToLocal(field, value) {
  if (field.listKind == "message") {
    return messageToLocal(field, value);
  }
  return longToLocal(field, value);
}
function listItemToReflect(field, value, check2) {
  if (field.listKind == "message") {
    return messageToReflect(field, value, check2);
  }
  return longToReflect(field, value);
}
function mapValueToLocal(field, value) {
  if (field.mapKind == "message") {
    return messageToLocal(field, value);
  }
  return longToLocal(field, value);
}
function mapValueToReflect(field, value, check2) {
  if (field.mapKind == "message") {
    return messageToReflect(field, value, check2);
  }
  return value;
}
function mapKeyToLocal(key) {
  return typeof key == "string" || typeof key == "number" ? key : String(key);
}
function mapKeyToReflect(key, type) {
  switch (type) {
    case ScalarType.STRING:
      return key;
    case ScalarType.INT32:
    case ScalarType.FIXED32:
    case ScalarType.UINT32:
    case ScalarType.SFIXED32:
    case ScalarType.SINT32: {
      const n2 = Number.parseInt(key);
      if (Number.isFinite(n2)) {
        return n2;
      }
      break;
    }
    case ScalarType.BOOL:
      switch (key) {
        case "true":
          return true;
        case "false":
          return false;
      }
      break;
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      try {
        return protoInt64.uParse(key);
      } catch (_a) {
      }
      break;
    default:
      try {
        return protoInt64.parse(key);
      } catch (_b) {
      }
      break;
  }
  return key;
}
function longToReflect(field, value) {
  switch (field.scalar) {
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      if ("longAsString" in field && field.longAsString && typeof value == "string") {
        value = protoInt64.parse(value);
      }
      break;
    case ScalarType.FIXED64:
    case ScalarType.UINT64:
      if ("longAsString" in field && field.longAsString && typeof value == "string") {
        value = protoInt64.uParse(value);
      }
      break;
  }
  return value;
}
function longToLocal(field, value) {
  switch (field.scalar) {
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      if ("longAsString" in field && field.longAsString) {
        value = String(value);
      } else if (typeof value == "string" || typeof value == "number") {
        value = protoInt64.parse(value);
      }
      break;
    case ScalarType.FIXED64:
    case ScalarType.UINT64:
      if ("longAsString" in field && field.longAsString) {
        value = String(value);
      } else if (typeof value == "string" || typeof value == "number") {
        value = protoInt64.uParse(value);
      }
      break;
  }
  return value;
}

// node_modules/@bufbuild/cel/dist/esm/uint.js
var privateSymbol2 = /* @__PURE__ */ Symbol.for("@bufbuild/cel/uint");
function celUint(v) {
  return new Uint(v);
}
function isCelUint(v) {
  return typeof v === "object" && v !== null && privateSymbol2 in v;
}
var Uint = class {
  _value;
  [privateSymbol2] = {};
  constructor(_value) {
    this._value = _value;
  }
  get value() {
    return this._value;
  }
};

// node_modules/@bufbuild/protobuf/dist/esm/wire/base64-encoding.js
var nativeSetFromBase64 = Uint8Array.prototype.setFromBase64;
function base64Decode(base64Str) {
  const len = base64Str.length;
  let size = len - (len + 3 >> 2);
  if ((len & 3) == 0 && base64Str[len - 1] == "=") {
    size -= base64Str[len - 2] == "=" ? 2 : 1;
  }
  const bytes = new Uint8Array(size);
  let written = -1;
  if (nativeSetFromBase64) {
    try {
      const result = nativeSetFromBase64.call(bytes, base64Str);
      if (result.read == len) {
        written = result.written;
      }
    } catch (_a) {
    }
  }
  if (written < 0) {
    written = setFromBase64(bytes, base64Str);
  }
  return written == size ? bytes : bytes.subarray(0, written);
}
function setFromBase64(bytes, base64Str) {
  const table = getDecodeTable();
  let bytePos = 0, groupPos = 0, b, p = 0;
  for (let i = 0; i < base64Str.length; i++) {
    b = table[base64Str.charCodeAt(i)];
    if (b === void 0) {
      switch (base64Str[i]) {
        // @ts-ignore TS7029: Fallthrough case in switch -- ignore instead of expect-error for compiler settings without noFallthroughCasesInSwitch: true
        case "=":
          groupPos = 0;
        // reset state when padding found
        case "\n":
        case "\r":
        case "	":
        case " ":
          continue;
        // skip white-space, and padding
        default:
          throw Error("invalid base64 string");
      }
    }
    switch (groupPos) {
      case 0:
        p = b;
        groupPos = 1;
        break;
      case 1:
        bytes[bytePos++] = p << 2 | (b & 48) >> 4;
        p = b;
        groupPos = 2;
        break;
      case 2:
        bytes[bytePos++] = (p & 15) << 4 | (b & 60) >> 2;
        p = b;
        groupPos = 3;
        break;
      case 3:
        bytes[bytePos++] = (p & 3) << 6 | b;
        groupPos = 0;
        break;
    }
  }
  if (groupPos == 1)
    throw Error("invalid base64 string");
  return bytePos;
}
var nativeToBase64 = Uint8Array.prototype.toBase64;
var toBase64OptionsMap = {
  std: { alphabet: "base64", omitPadding: false },
  std_raw: { alphabet: "base64", omitPadding: true },
  url: { alphabet: "base64url", omitPadding: true }
};
function base64Encode(bytes, encoding = "std") {
  if (nativeToBase64) {
    return nativeToBase64.call(bytes, toBase64OptionsMap[encoding]);
  }
  const table = getEncodeTable(encoding);
  const pad = encoding == "std";
  let base64 = "", groupPos = 0, b, p = 0;
  for (let i = 0; i < bytes.length; i++) {
    b = bytes[i];
    switch (groupPos) {
      case 0:
        base64 += table[b >> 2];
        p = (b & 3) << 4;
        groupPos = 1;
        break;
      case 1:
        base64 += table[p | b >> 4];
        p = (b & 15) << 2;
        groupPos = 2;
        break;
      case 2:
        base64 += table[p | b >> 6];
        base64 += table[b & 63];
        groupPos = 0;
        break;
    }
  }
  if (groupPos) {
    base64 += table[p];
    if (pad) {
      base64 += "=";
      if (groupPos == 1)
        base64 += "=";
    }
  }
  return base64;
}
var encodeTableStd;
var encodeTableUrl;
var decodeTable;
function getEncodeTable(encoding) {
  if (!encodeTableStd) {
    encodeTableStd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("");
    encodeTableUrl = encodeTableStd.slice(0, -2).concat("-", "_");
  }
  return encoding == "url" ? (
    // biome-ignore lint/style/noNonNullAssertion: TS fails to narrow down
    encodeTableUrl
  ) : encodeTableStd;
}
function getDecodeTable() {
  if (!decodeTable) {
    decodeTable = [];
    const encodeTable = getEncodeTable("std");
    for (let i = 0; i < encodeTable.length; i++)
      decodeTable[encodeTable[i].charCodeAt(0)] = i;
    decodeTable["-".charCodeAt(0)] = encodeTable.indexOf("+");
    decodeTable["_".charCodeAt(0)] = encodeTable.indexOf("/");
  }
  return decodeTable;
}

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/restore-json-names.js
function restoreJsonNames(message) {
  for (const f of message.field) {
    if (!unsafeIsSetExplicit(f, "jsonName")) {
      f.jsonName = protoCamelCase(f.name);
    }
  }
  message.nestedType.forEach(restoreJsonNames);
}

// node_modules/@bufbuild/protobuf/dist/esm/wire/text-format.js
function parseTextFormatEnumValue(descEnum, value) {
  const enumValue = descEnum.values.find((v) => v.name === value);
  if (!enumValue) {
    throw new Error(`cannot parse ${descEnum} default value: ${value}`);
  }
  return enumValue.number;
}
function parseTextFormatScalarValue(type, value) {
  switch (type) {
    case ScalarType.STRING:
      return value;
    case ScalarType.BYTES: {
      const u = unescapeBytesDefaultValue(value);
      if (u === false) {
        throw new Error(`cannot parse ${ScalarType[type]} default value: ${value}`);
      }
      return u;
    }
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return protoInt64.parse(value);
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return protoInt64.uParse(value);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      switch (value) {
        case "inf":
          return Number.POSITIVE_INFINITY;
        case "-inf":
          return Number.NEGATIVE_INFINITY;
        case "nan":
          return Number.NaN;
        default:
          return parseFloat(value);
      }
    case ScalarType.BOOL:
      return value === "true";
    case ScalarType.INT32:
    case ScalarType.UINT32:
    case ScalarType.SINT32:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return parseInt(value, 10);
  }
}
function unescapeBytesDefaultValue(str) {
  const b = [];
  const input = {
    tail: str,
    c: "",
    next() {
      if (this.tail.length == 0) {
        return false;
      }
      this.c = this.tail[0];
      this.tail = this.tail.substring(1);
      return true;
    },
    take(n2) {
      if (this.tail.length >= n2) {
        const r2 = this.tail.substring(0, n2);
        this.tail = this.tail.substring(n2);
        return r2;
      }
      return false;
    }
  };
  while (input.next()) {
    switch (input.c) {
      case "\\":
        if (input.next()) {
          switch (input.c) {
            case "\\":
              b.push(input.c.charCodeAt(0));
              break;
            case "b":
              b.push(8);
              break;
            case "f":
              b.push(12);
              break;
            case "n":
              b.push(10);
              break;
            case "r":
              b.push(13);
              break;
            case "t":
              b.push(9);
              break;
            case "v":
              b.push(11);
              break;
            case "0":
            case "1":
            case "2":
            case "3":
            case "4":
            case "5":
            case "6":
            case "7": {
              const s2 = input.c;
              const t3 = input.take(2);
              if (t3 === false) {
                return false;
              }
              const n2 = parseInt(s2 + t3, 8);
              if (Number.isNaN(n2)) {
                return false;
              }
              b.push(n2);
              break;
            }
            case "x": {
              const s2 = input.c;
              const t3 = input.take(2);
              if (t3 === false) {
                return false;
              }
              const n2 = parseInt(s2 + t3, 16);
              if (Number.isNaN(n2)) {
                return false;
              }
              b.push(n2);
              break;
            }
            case "u": {
              const s2 = input.c;
              const t3 = input.take(4);
              if (t3 === false) {
                return false;
              }
              const n2 = parseInt(s2 + t3, 16);
              if (Number.isNaN(n2)) {
                return false;
              }
              const chunk = new Uint8Array(4);
              const view = new DataView(chunk.buffer);
              view.setInt32(0, n2, true);
              b.push(chunk[0], chunk[1], chunk[2], chunk[3]);
              break;
            }
            case "U": {
              const s2 = input.c;
              const t3 = input.take(8);
              if (t3 === false) {
                return false;
              }
              const tc = protoInt64.uEnc(s2 + t3);
              const chunk = new Uint8Array(8);
              const view = new DataView(chunk.buffer);
              view.setInt32(0, tc.lo, true);
              view.setInt32(4, tc.hi, true);
              b.push(chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]);
              break;
            }
          }
        }
        break;
      default:
        b.push(input.c.charCodeAt(0));
    }
  }
  return new Uint8Array(b);
}

// node_modules/@bufbuild/protobuf/dist/esm/registry.js
function createRegistry(...input) {
  return initBaseRegistry(input);
}
function createEmbeddedFileRegistry(fileDescriptorProto, resolve) {
  return buildFileRegistry([fileDescriptorProto, resolve]);
}
function buildFileRegistry(args, check2) {
  const registry = createBaseRegistry();
  if (!args.length) {
    return registry;
  }
  if ("$typeName" in args[0] && args[0].$typeName == "google.protobuf.FileDescriptorSet") {
    for (const file of args[0].file) {
      check2 === null || check2 === void 0 ? void 0 : check2(file);
      addFile(file, registry);
    }
    return registry;
  }
  if ("$typeName" in args[0]) {
    let recurseDeps = function(file) {
      const deps = [];
      for (const protoFileName of file.dependency) {
        if (registry.getFile(protoFileName) != void 0) {
          continue;
        }
        if (seen.has(protoFileName)) {
          continue;
        }
        const dep = resolve(protoFileName);
        if (!dep) {
          throw new Error(`Unable to resolve ${protoFileName}, imported by ${file.name}`);
        }
        if ("kind" in dep) {
          registry.addFile(dep, false, true);
        } else {
          seen.add(dep.name);
          deps.push(dep);
        }
      }
      return deps.concat(...deps.map(recurseDeps));
    };
    const input = args[0];
    const resolve = args[1];
    const seen = /* @__PURE__ */ new Set();
    for (const file of [input, ...recurseDeps(input)].reverse()) {
      check2 === null || check2 === void 0 ? void 0 : check2(file);
      addFile(file, registry);
    }
  } else {
    for (const fileReg of args) {
      for (const file of fileReg.files) {
        registry.addFile(file);
      }
    }
  }
  return registry;
}
function createBaseRegistry() {
  const types = /* @__PURE__ */ new Map();
  const extendees = /* @__PURE__ */ new Map();
  const files = /* @__PURE__ */ new Map();
  return {
    kind: "registry",
    types,
    extendees,
    [Symbol.iterator]() {
      return types.values();
    },
    get files() {
      return files.values();
    },
    addFile(file, skipTypes, withDeps) {
      files.set(file.proto.name, file);
      if (!skipTypes) {
        for (const type of nestedTypes(file)) {
          this.add(type);
        }
      }
      if (withDeps) {
        for (const f of file.dependencies) {
          this.addFile(f, skipTypes, withDeps);
        }
      }
    },
    add(desc) {
      if (desc.kind == "extension") {
        let numberToExt = extendees.get(desc.extendee.typeName);
        if (!numberToExt) {
          extendees.set(
            desc.extendee.typeName,
            // biome-ignore lint/suspicious/noAssignInExpressions: no
            numberToExt = /* @__PURE__ */ new Map()
          );
        }
        numberToExt.set(desc.number, desc);
      }
      types.set(desc.typeName, desc);
    },
    get(typeName) {
      return types.get(typeName);
    },
    getFile(fileName) {
      return files.get(fileName);
    },
    getMessage(typeName) {
      const t3 = types.get(typeName);
      return (t3 === null || t3 === void 0 ? void 0 : t3.kind) == "message" ? t3 : void 0;
    },
    getEnum(typeName) {
      const t3 = types.get(typeName);
      return (t3 === null || t3 === void 0 ? void 0 : t3.kind) == "enum" ? t3 : void 0;
    },
    getExtension(typeName) {
      const t3 = types.get(typeName);
      return (t3 === null || t3 === void 0 ? void 0 : t3.kind) == "extension" ? t3 : void 0;
    },
    getExtensionFor(extendee, no) {
      var _a;
      return (_a = extendees.get(extendee.typeName)) === null || _a === void 0 ? void 0 : _a.get(no);
    },
    getService(typeName) {
      const t3 = types.get(typeName);
      return (t3 === null || t3 === void 0 ? void 0 : t3.kind) == "service" ? t3 : void 0;
    }
  };
}
function initBaseRegistry(inputs) {
  const registry = createBaseRegistry();
  for (const input of inputs) {
    switch (input.kind) {
      case "registry":
        for (const n2 of input) {
          registry.add(n2);
        }
        break;
      case "file":
        registry.addFile(input);
        break;
      default:
        registry.add(input);
        break;
    }
  }
  return registry;
}
var EDITION_PROTO22 = 998;
var EDITION_PROTO32 = 999;
var EDITION_UNSTABLE = 9999;
var TYPE_STRING = 9;
var TYPE_GROUP = 10;
var TYPE_MESSAGE = 11;
var TYPE_BYTES = 12;
var TYPE_ENUM = 14;
var LABEL_REPEATED = 3;
var LABEL_REQUIRED = 2;
var JS_STRING = 1;
var IDEMPOTENCY_UNKNOWN = 0;
var EXPLICIT = 1;
var IMPLICIT3 = 2;
var LEGACY_REQUIRED = 3;
var PACKED = 1;
var DELIMITED = 2;
var OPEN = 1;
var VERIFY = 2;
var maximumEdition = 1002;
var featureDefaults = {
  // EDITION_PROTO2
  998: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 2,
    // CLOSED,
    repeatedFieldEncoding: 2,
    // EXPANDED,
    utf8Validation: 3,
    // NONE,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 2,
    // LEGACY_BEST_EFFORT,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_PROTO3
  999: {
    fieldPresence: 2,
    // IMPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2023
  1e3: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 2,
    // STYLE_LEGACY,
    defaultSymbolVisibility: 1,
    // EXPORT_ALL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2024
  1001: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 1,
    // STYLE2024,
    defaultSymbolVisibility: 2,
    // EXPORT_TOP_LEVEL,
    enforceProtoLimits: 1
    // LEGACY_NO_EXPLICIT_LIMITS,
  },
  // EDITION_2026
  1002: {
    fieldPresence: 1,
    // EXPLICIT,
    enumType: 1,
    // OPEN,
    repeatedFieldEncoding: 1,
    // PACKED,
    utf8Validation: 2,
    // VERIFY,
    messageEncoding: 1,
    // LENGTH_PREFIXED,
    jsonFormat: 1,
    // ALLOW,
    enforceNamingStyle: 3,
    // STYLE2026,
    defaultSymbolVisibility: 4,
    // STRICT,
    enforceProtoLimits: 2
    // PROTO_LIMITS2026,
  }
};
function addFile(proto, reg) {
  var _a, _b;
  const file = {
    kind: "file",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    edition: getFileEdition(proto),
    name: proto.name.replace(/\.proto$/, ""),
    dependencies: findFileDependencies(proto, reg),
    enums: [],
    messages: [],
    extensions: [],
    services: [],
    toString() {
      return `file ${proto.name}`;
    }
  };
  const mapEntriesStore = /* @__PURE__ */ new Map();
  const mapEntries = {
    get(typeName) {
      return mapEntriesStore.get(typeName);
    },
    add(desc) {
      var _a2;
      assert(((_a2 = desc.proto.options) === null || _a2 === void 0 ? void 0 : _a2.mapEntry) === true);
      mapEntriesStore.set(desc.typeName, desc);
    }
  };
  for (const enumProto of proto.enumType) {
    addEnum(enumProto, file, void 0, reg);
  }
  for (const messageProto of proto.messageType) {
    addMessage(messageProto, file, void 0, reg, mapEntries);
  }
  for (const serviceProto of proto.service) {
    addService(serviceProto, file, reg);
  }
  addExtensions(file, reg);
  for (const mapEntry of mapEntriesStore.values()) {
    addFields(mapEntry, reg, mapEntries);
  }
  for (const message of file.messages) {
    addFields(message, reg, mapEntries);
    addExtensions(message, reg);
  }
  reg.addFile(file, true);
}
function addExtensions(desc, reg) {
  switch (desc.kind) {
    case "file":
      for (const proto of desc.proto.extension) {
        const ext = newField(proto, desc, reg);
        desc.extensions.push(ext);
        reg.add(ext);
      }
      break;
    case "message":
      for (const proto of desc.proto.extension) {
        const ext = newField(proto, desc, reg);
        desc.nestedExtensions.push(ext);
        reg.add(ext);
      }
      for (const message of desc.nestedMessages) {
        addExtensions(message, reg);
      }
      break;
  }
}
function addFields(message, reg, mapEntries) {
  const allOneofs = message.proto.oneofDecl.map((proto) => newOneof(proto, message));
  const oneofsSeen = /* @__PURE__ */ new Set();
  for (const proto of message.proto.field) {
    const oneof = findOneof(proto, allOneofs);
    const field = newField(proto, message, reg, oneof, mapEntries);
    message.fields.push(field);
    message.field[field.localName] = field;
    if (oneof === void 0) {
      message.members.push(field);
    } else {
      oneof.fields.push(field);
      if (!oneofsSeen.has(oneof)) {
        oneofsSeen.add(oneof);
        message.members.push(oneof);
      }
    }
  }
  for (const oneof of allOneofs.filter((o) => oneofsSeen.has(o))) {
    message.oneofs.push(oneof);
  }
  for (const child of message.nestedMessages) {
    addFields(child, reg, mapEntries);
  }
}
function addEnum(proto, file, parent, reg) {
  var _a, _b, _c, _d, _e, _f, _g;
  var _h, _j;
  const sharedPrefix = findEnumSharedPrefix(proto.name, proto.value);
  const desc = {
    kind: "enum",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    file,
    parent,
    open: true,
    name: proto.name,
    typeName: makeTypeName(proto, parent, file),
    value: {},
    values: [],
    sharedPrefix,
    toString() {
      return `enum ${this.typeName}`;
    }
  };
  desc.open = isEnumOpen(desc);
  reg.add(desc);
  for (const p of proto.value) {
    const name = p.name;
    const value = {
      kind: "enum_value",
      proto: p,
      deprecated: (_d = (_c = p.options) === null || _c === void 0 ? void 0 : _c.deprecated) !== null && _d !== void 0 ? _d : false,
      parent: desc,
      name,
      localName: safeObjectProperty(sharedPrefix == void 0 ? name : name.substring(sharedPrefix.length)),
      number: p.number,
      jsonName: (_e = findEnumValueJsonName(p)) !== null && _e !== void 0 ? _e : name,
      toString() {
        return `enum value ${desc.typeName}.${name}`;
      }
    };
    desc.values.push(value);
    (_f = (_h = desc.value)[_j = p.number]) !== null && _f !== void 0 ? _f : _h[_j] = value;
  }
  ((_g = parent === null || parent === void 0 ? void 0 : parent.nestedEnums) !== null && _g !== void 0 ? _g : file.enums).push(desc);
}
function addMessage(proto, file, parent, reg, mapEntries) {
  var _a, _b, _c, _d;
  const desc = {
    kind: "message",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    file,
    parent,
    name: proto.name,
    typeName: makeTypeName(proto, parent, file),
    fields: [],
    field: {},
    oneofs: [],
    members: [],
    nestedEnums: [],
    nestedMessages: [],
    nestedExtensions: [],
    toString() {
      return `message ${this.typeName}`;
    }
  };
  if (((_c = proto.options) === null || _c === void 0 ? void 0 : _c.mapEntry) === true) {
    mapEntries.add(desc);
  } else {
    ((_d = parent === null || parent === void 0 ? void 0 : parent.nestedMessages) !== null && _d !== void 0 ? _d : file.messages).push(desc);
    reg.add(desc);
  }
  for (const enumProto of proto.enumType) {
    addEnum(enumProto, file, desc, reg);
  }
  for (const messageProto of proto.nestedType) {
    addMessage(messageProto, file, desc, reg, mapEntries);
  }
}
function addService(proto, file, reg) {
  var _a, _b;
  const desc = {
    kind: "service",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    file,
    name: proto.name,
    typeName: makeTypeName(proto, void 0, file),
    methods: [],
    method: {},
    toString() {
      return `service ${this.typeName}`;
    }
  };
  file.services.push(desc);
  reg.add(desc);
  for (const methodProto of proto.method) {
    const method = newMethod(methodProto, desc, reg);
    desc.methods.push(method);
    desc.method[method.localName] = method;
  }
}
function newMethod(proto, parent, reg) {
  var _a, _b, _c, _d;
  let methodKind;
  if (proto.clientStreaming && proto.serverStreaming) {
    methodKind = "bidi_streaming";
  } else if (proto.clientStreaming) {
    methodKind = "client_streaming";
  } else if (proto.serverStreaming) {
    methodKind = "server_streaming";
  } else {
    methodKind = "unary";
  }
  const input = reg.getMessage(trimLeadingDot(proto.inputType));
  const output = reg.getMessage(trimLeadingDot(proto.outputType));
  assert(input, `invalid MethodDescriptorProto: input_type ${proto.inputType} not found`);
  assert(output, `invalid MethodDescriptorProto: output_type ${proto.inputType} not found`);
  const name = proto.name;
  return {
    kind: "rpc",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    parent,
    name,
    localName: safeObjectProperty(name.length ? safeObjectProperty(name[0].toLowerCase() + name.substring(1)) : name),
    methodKind,
    input,
    output,
    idempotency: (_d = (_c = proto.options) === null || _c === void 0 ? void 0 : _c.idempotencyLevel) !== null && _d !== void 0 ? _d : IDEMPOTENCY_UNKNOWN,
    toString() {
      return `rpc ${parent.typeName}.${name}`;
    }
  };
}
function newOneof(proto, parent) {
  return {
    kind: "oneof",
    proto,
    deprecated: false,
    parent,
    fields: [],
    name: proto.name,
    localName: safeObjectProperty(protoCamelCase(proto.name)),
    toString() {
      return `oneof ${parent.typeName}.${this.name}`;
    }
  };
}
function newField(proto, parentOrFile, reg, oneof, mapEntries) {
  var _a, _b, _c;
  const isExtension = mapEntries === void 0;
  const field = {
    kind: "field",
    proto,
    deprecated: (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.deprecated) !== null && _b !== void 0 ? _b : false,
    name: proto.name,
    number: proto.number,
    scalar: void 0,
    message: void 0,
    enum: void 0,
    presence: getFieldPresence(proto, oneof, isExtension, parentOrFile),
    utf8Validation: isUtf8Validated(proto, parentOrFile),
    listKind: void 0,
    mapKind: void 0,
    mapKey: void 0,
    delimitedEncoding: void 0,
    packed: void 0,
    longAsString: false,
    getDefaultValue: void 0
  };
  let toStr;
  if (isExtension) {
    const file = parentOrFile.kind == "file" ? parentOrFile : parentOrFile.file;
    const parent = parentOrFile.kind == "file" ? void 0 : parentOrFile;
    const typeName = makeTypeName(proto, parent, file);
    field.kind = "extension";
    field.file = file;
    field.parent = parent;
    field.oneof = void 0;
    field.typeName = typeName;
    field.jsonName = `[${typeName}]`;
    toStr = () => `extension ${typeName}`;
    const extendee = reg.getMessage(trimLeadingDot(proto.extendee));
    assert(extendee, `invalid FieldDescriptorProto: extendee ${proto.extendee} not found`);
    field.extendee = extendee;
  } else {
    const parent = parentOrFile;
    assert(parent.kind == "message");
    field.parent = parent;
    field.oneof = oneof;
    field.localName = oneof ? protoCamelCase(proto.name) : safeObjectProperty(protoCamelCase(proto.name));
    field.jsonName = proto.jsonName;
    toStr = () => `field ${parent.typeName}.${proto.name}`;
  }
  Object.defineProperty(field, "toString", {
    value: toStr,
    writable: true,
    enumerable: true,
    configurable: true
  });
  const label = proto.label;
  const type = proto.type;
  const jstype = (_c = proto.options) === null || _c === void 0 ? void 0 : _c.jstype;
  if (label === LABEL_REPEATED) {
    const mapEntry = type == TYPE_MESSAGE ? mapEntries === null || mapEntries === void 0 ? void 0 : mapEntries.get(trimLeadingDot(proto.typeName)) : void 0;
    if (mapEntry) {
      field.fieldKind = "map";
      const { key, value } = findMapEntryFields(mapEntry);
      field.mapKey = key.scalar;
      field.mapKind = value.fieldKind;
      field.message = value.message;
      field.delimitedEncoding = false;
      field.enum = value.enum;
      field.scalar = value.scalar;
      return field;
    }
    field.fieldKind = "list";
    switch (type) {
      case TYPE_MESSAGE:
      case TYPE_GROUP:
        field.listKind = "message";
        field.message = reg.getMessage(trimLeadingDot(proto.typeName));
        assert(field.message);
        field.delimitedEncoding = isDelimitedEncoding(proto, parentOrFile);
        break;
      case TYPE_ENUM:
        field.listKind = "enum";
        field.enum = reg.getEnum(trimLeadingDot(proto.typeName));
        assert(field.enum);
        break;
      default:
        field.listKind = "scalar";
        field.scalar = type;
        field.longAsString = jstype == JS_STRING;
        break;
    }
    field.packed = isPackedField(proto, parentOrFile);
    return field;
  }
  switch (type) {
    case TYPE_MESSAGE:
    case TYPE_GROUP:
      field.fieldKind = "message";
      field.message = reg.getMessage(trimLeadingDot(proto.typeName));
      assert(field.message, `invalid FieldDescriptorProto: type_name ${proto.typeName} not found`);
      field.delimitedEncoding = isDelimitedEncoding(proto, parentOrFile);
      field.getDefaultValue = () => void 0;
      break;
    case TYPE_ENUM: {
      const enumeration = reg.getEnum(trimLeadingDot(proto.typeName));
      assert(enumeration !== void 0, `invalid FieldDescriptorProto: type_name ${proto.typeName} not found`);
      field.fieldKind = "enum";
      field.enum = reg.getEnum(trimLeadingDot(proto.typeName));
      field.getDefaultValue = () => {
        return unsafeIsSetExplicit(proto, "defaultValue") ? parseTextFormatEnumValue(enumeration, proto.defaultValue) : void 0;
      };
      break;
    }
    default: {
      field.fieldKind = "scalar";
      field.scalar = type;
      field.longAsString = jstype == JS_STRING;
      field.getDefaultValue = () => {
        return unsafeIsSetExplicit(proto, "defaultValue") ? parseTextFormatScalarValue(type, proto.defaultValue) : void 0;
      };
      break;
    }
  }
  return field;
}
function getFileEdition(proto) {
  switch (proto.syntax) {
    case "":
    case "proto2":
      return EDITION_PROTO22;
    case "proto3":
      return EDITION_PROTO32;
    case "editions":
      if (proto.edition === EDITION_UNSTABLE) {
        return maximumEdition;
      }
      if (proto.edition in featureDefaults) {
        return proto.edition;
      }
      throw new Error(`${proto.name}: unsupported edition`);
    default:
      throw new Error(`${proto.name}: unsupported syntax "${proto.syntax}"`);
  }
}
function findFileDependencies(proto, reg) {
  return proto.dependency.map((wantName) => {
    const dep = reg.getFile(wantName);
    if (!dep) {
      throw new Error(`Cannot find ${wantName}, imported by ${proto.name}`);
    }
    return dep;
  });
}
function findEnumSharedPrefix(enumName, values) {
  const prefix = camelToSnakeCase(enumName) + "_";
  for (const value of values) {
    if (!value.name.toLowerCase().startsWith(prefix)) {
      return void 0;
    }
    const shortName = value.name.substring(prefix.length);
    if (shortName.length == 0) {
      return void 0;
    }
    if (/^\d/.test(shortName)) {
      return void 0;
    }
  }
  return prefix;
}
function findEnumValueJsonName(proto) {
  var _a, _b;
  const extensionNumber = 998;
  const fieldNumber = 1;
  let jsonName;
  for (const uf of (_b = (_a = proto.options) === null || _a === void 0 ? void 0 : _a.$unknown) !== null && _b !== void 0 ? _b : []) {
    if (uf.no !== extensionNumber || uf.wireType !== WireType.LengthDelimited) {
      continue;
    }
    const reader = new BinaryReader(new BinaryReader(uf.data).bytes());
    while (reader.pos < reader.len) {
      const [no, wireType] = reader.tag();
      if (no === fieldNumber && wireType === WireType.LengthDelimited) {
        jsonName = reader.string();
      } else {
        reader.skip(wireType, no);
      }
    }
  }
  return jsonName;
}
function camelToSnakeCase(camel) {
  return (camel.substring(0, 1) + camel.substring(1).replace(/[A-Z]/g, (c) => "_" + c)).toLowerCase();
}
function makeTypeName(proto, parent, file) {
  let typeName;
  if (parent) {
    typeName = `${parent.typeName}.${proto.name}`;
  } else if (file.proto.package.length > 0) {
    typeName = `${file.proto.package}.${proto.name}`;
  } else {
    typeName = `${proto.name}`;
  }
  return typeName;
}
function trimLeadingDot(typeName) {
  return typeName.startsWith(".") ? typeName.substring(1) : typeName;
}
function findOneof(proto, allOneofs) {
  if (!unsafeIsSetExplicit(proto, "oneofIndex")) {
    return void 0;
  }
  if (proto.proto3Optional) {
    return void 0;
  }
  const oneof = allOneofs[proto.oneofIndex];
  assert(oneof, `invalid FieldDescriptorProto: oneof #${proto.oneofIndex} for field #${proto.number} not found`);
  return oneof;
}
function getFieldPresence(proto, oneof, isExtension, parent) {
  if (proto.label == LABEL_REQUIRED) {
    return LEGACY_REQUIRED;
  }
  if (proto.label == LABEL_REPEATED) {
    return IMPLICIT3;
  }
  if (!!oneof || proto.proto3Optional) {
    return EXPLICIT;
  }
  if (isExtension) {
    return EXPLICIT;
  }
  const resolved = resolveFeature("fieldPresence", { proto, parent });
  if (resolved == IMPLICIT3 && (proto.type == TYPE_MESSAGE || proto.type == TYPE_GROUP)) {
    return EXPLICIT;
  }
  return resolved;
}
function isPackedField(proto, parent) {
  if (proto.label != LABEL_REPEATED) {
    return false;
  }
  switch (proto.type) {
    case TYPE_STRING:
    case TYPE_BYTES:
    case TYPE_GROUP:
    case TYPE_MESSAGE:
      return false;
  }
  const o = proto.options;
  if (o && unsafeIsSetExplicit(o, "packed")) {
    return o.packed;
  }
  return PACKED == resolveFeature("repeatedFieldEncoding", {
    proto,
    parent
  });
}
function findMapEntryFields(mapEntry) {
  const key = mapEntry.fields.find((f) => f.number === 1);
  const value = mapEntry.fields.find((f) => f.number === 2);
  assert(key && key.fieldKind == "scalar" && key.scalar != ScalarType.BYTES && key.scalar != ScalarType.FLOAT && key.scalar != ScalarType.DOUBLE && value && value.fieldKind != "list" && value.fieldKind != "map");
  return { key, value };
}
function isEnumOpen(desc) {
  var _a;
  return OPEN == resolveFeature("enumType", {
    proto: desc.proto,
    parent: (_a = desc.parent) !== null && _a !== void 0 ? _a : desc.file
  });
}
function isDelimitedEncoding(proto, parent) {
  if (proto.type == TYPE_GROUP) {
    return true;
  }
  return DELIMITED == resolveFeature("messageEncoding", {
    proto,
    parent
  });
}
function isUtf8Validated(proto, parent) {
  return VERIFY == resolveFeature("utf8Validation", {
    proto,
    parent
  });
}
function resolveFeature(name, ref) {
  var _a, _b;
  const featureSet = (_a = ref.proto.options) === null || _a === void 0 ? void 0 : _a.features;
  if (featureSet) {
    const val = featureSet[name];
    if (val != 0) {
      return val;
    }
  }
  if ("kind" in ref) {
    if (ref.kind == "message") {
      return resolveFeature(name, (_b = ref.parent) !== null && _b !== void 0 ? _b : ref.file);
    }
    const editionDefaults = featureDefaults[ref.edition];
    if (!editionDefaults) {
      throw new Error(`feature default for edition ${ref.edition} not found`);
    }
    return editionDefaults[name];
  }
  return resolveFeature(name, ref.parent);
}
function assert(condition, msg) {
  if (!condition) {
    throw new Error(msg);
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/boot.js
function boot(boot2) {
  const root = bootFileDescriptorProto(boot2);
  root.messageType.forEach(restoreJsonNames);
  const reg = createEmbeddedFileRegistry(root, () => void 0);
  return reg.getFile(root.name);
}
function bootFileDescriptorProto(init) {
  const proto = /* @__PURE__ */ Object.create({
    syntax: "",
    edition: 0
  });
  return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FileDescriptorProto", dependency: [], publicDependency: [], weakDependency: [], optionDependency: [], service: [], extension: [] }, init), { messageType: init.messageType.map(bootDescriptorProto), enumType: init.enumType.map(bootEnumDescriptorProto) }));
}
function bootDescriptorProto(init) {
  var _a, _b, _c, _d, _e, _f, _g, _h;
  const proto = /* @__PURE__ */ Object.create({
    visibility: 0
  });
  return Object.assign(proto, {
    $typeName: "google.protobuf.DescriptorProto",
    name: init.name,
    field: (_b = (_a = init.field) === null || _a === void 0 ? void 0 : _a.map(bootFieldDescriptorProto)) !== null && _b !== void 0 ? _b : [],
    extension: [],
    nestedType: (_d = (_c = init.nestedType) === null || _c === void 0 ? void 0 : _c.map(bootDescriptorProto)) !== null && _d !== void 0 ? _d : [],
    enumType: (_f = (_e = init.enumType) === null || _e === void 0 ? void 0 : _e.map(bootEnumDescriptorProto)) !== null && _f !== void 0 ? _f : [],
    extensionRange: (_h = (_g = init.extensionRange) === null || _g === void 0 ? void 0 : _g.map((e) => Object.assign({ $typeName: "google.protobuf.DescriptorProto.ExtensionRange" }, e))) !== null && _h !== void 0 ? _h : [],
    oneofDecl: [],
    reservedRange: [],
    reservedName: []
  });
}
function bootFieldDescriptorProto(init) {
  const proto = /* @__PURE__ */ Object.create({
    label: 1,
    typeName: "",
    extendee: "",
    defaultValue: "",
    oneofIndex: 0,
    jsonName: "",
    proto3Optional: false
  });
  return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FieldDescriptorProto" }, init), { options: init.options ? bootFieldOptions(init.options) : void 0 }));
}
function bootFieldOptions(init) {
  var _a, _b, _c;
  const proto = /* @__PURE__ */ Object.create({
    ctype: 0,
    packed: false,
    jstype: 0,
    lazy: false,
    unverifiedLazy: false,
    deprecated: false,
    weak: false,
    debugRedact: false,
    retention: 0
  });
  return Object.assign(proto, Object.assign(Object.assign({ $typeName: "google.protobuf.FieldOptions" }, init), { targets: (_a = init.targets) !== null && _a !== void 0 ? _a : [], editionDefaults: (_c = (_b = init.editionDefaults) === null || _b === void 0 ? void 0 : _b.map((e) => Object.assign({ $typeName: "google.protobuf.FieldOptions.EditionDefault" }, e))) !== null && _c !== void 0 ? _c : [], uninterpretedOption: [] }));
}
function bootEnumDescriptorProto(init) {
  const proto = /* @__PURE__ */ Object.create({
    visibility: 0
  });
  return Object.assign(proto, {
    $typeName: "google.protobuf.EnumDescriptorProto",
    name: init.name,
    reservedName: [],
    reservedRange: [],
    value: init.value.map((e) => Object.assign({ $typeName: "google.protobuf.EnumValueDescriptorProto" }, e))
  });
}

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/message.js
function messageDesc(file, path3, ...paths) {
  return paths.reduce((acc, cur) => acc.nestedMessages[cur], file.messages[path3]);
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/descriptor_pb.js
var file_google_protobuf_descriptor = /* @__PURE__ */ boot({ "name": "google/protobuf/descriptor.proto", "package": "google.protobuf", "messageType": [{ "name": "FileDescriptorSet", "field": [{ "name": "file", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.FileDescriptorProto" }], "extensionRange": [{ "start": 536e6, "end": 536000001 }] }, { "name": "FileDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "package", "number": 2, "type": 9, "label": 1 }, { "name": "dependency", "number": 3, "type": 9, "label": 3 }, { "name": "public_dependency", "number": 10, "type": 5, "label": 3 }, { "name": "weak_dependency", "number": 11, "type": 5, "label": 3 }, { "name": "option_dependency", "number": 15, "type": 9, "label": 3 }, { "name": "message_type", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto" }, { "name": "enum_type", "number": 5, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto" }, { "name": "service", "number": 6, "type": 11, "label": 3, "typeName": ".google.protobuf.ServiceDescriptorProto" }, { "name": "extension", "number": 7, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "options", "number": 8, "type": 11, "label": 1, "typeName": ".google.protobuf.FileOptions" }, { "name": "source_code_info", "number": 9, "type": 11, "label": 1, "typeName": ".google.protobuf.SourceCodeInfo" }, { "name": "syntax", "number": 12, "type": 9, "label": 1 }, { "name": "edition", "number": 14, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }] }, { "name": "DescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "field", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "extension", "number": 6, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldDescriptorProto" }, { "name": "nested_type", "number": 3, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto" }, { "name": "enum_type", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto" }, { "name": "extension_range", "number": 5, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto.ExtensionRange" }, { "name": "oneof_decl", "number": 8, "type": 11, "label": 3, "typeName": ".google.protobuf.OneofDescriptorProto" }, { "name": "options", "number": 7, "type": 11, "label": 1, "typeName": ".google.protobuf.MessageOptions" }, { "name": "reserved_range", "number": 9, "type": 11, "label": 3, "typeName": ".google.protobuf.DescriptorProto.ReservedRange" }, { "name": "reserved_name", "number": 10, "type": 9, "label": 3 }, { "name": "visibility", "number": 11, "type": 14, "label": 1, "typeName": ".google.protobuf.SymbolVisibility" }], "nestedType": [{ "name": "ExtensionRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.ExtensionRangeOptions" }] }, { "name": "ReservedRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }] }] }, { "name": "ExtensionRangeOptions", "field": [{ "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }, { "name": "declaration", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.ExtensionRangeOptions.Declaration", "options": { "retention": 2 } }, { "name": "features", "number": 50, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "verification", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.ExtensionRangeOptions.VerificationState", "defaultValue": "UNVERIFIED", "options": { "retention": 2 } }], "nestedType": [{ "name": "Declaration", "field": [{ "name": "number", "number": 1, "type": 5, "label": 1 }, { "name": "full_name", "number": 2, "type": 9, "label": 1 }, { "name": "type", "number": 3, "type": 9, "label": 1 }, { "name": "reserved", "number": 5, "type": 8, "label": 1 }, { "name": "repeated", "number": 6, "type": 8, "label": 1 }] }], "enumType": [{ "name": "VerificationState", "value": [{ "name": "DECLARATION", "number": 0 }, { "name": "UNVERIFIED", "number": 1 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "FieldDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "number", "number": 3, "type": 5, "label": 1 }, { "name": "label", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldDescriptorProto.Label" }, { "name": "type", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldDescriptorProto.Type" }, { "name": "type_name", "number": 6, "type": 9, "label": 1 }, { "name": "extendee", "number": 2, "type": 9, "label": 1 }, { "name": "default_value", "number": 7, "type": 9, "label": 1 }, { "name": "oneof_index", "number": 9, "type": 5, "label": 1 }, { "name": "json_name", "number": 10, "type": 9, "label": 1 }, { "name": "options", "number": 8, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions" }, { "name": "proto3_optional", "number": 17, "type": 8, "label": 1 }], "enumType": [{ "name": "Type", "value": [{ "name": "TYPE_DOUBLE", "number": 1 }, { "name": "TYPE_FLOAT", "number": 2 }, { "name": "TYPE_INT64", "number": 3 }, { "name": "TYPE_UINT64", "number": 4 }, { "name": "TYPE_INT32", "number": 5 }, { "name": "TYPE_FIXED64", "number": 6 }, { "name": "TYPE_FIXED32", "number": 7 }, { "name": "TYPE_BOOL", "number": 8 }, { "name": "TYPE_STRING", "number": 9 }, { "name": "TYPE_GROUP", "number": 10 }, { "name": "TYPE_MESSAGE", "number": 11 }, { "name": "TYPE_BYTES", "number": 12 }, { "name": "TYPE_UINT32", "number": 13 }, { "name": "TYPE_ENUM", "number": 14 }, { "name": "TYPE_SFIXED32", "number": 15 }, { "name": "TYPE_SFIXED64", "number": 16 }, { "name": "TYPE_SINT32", "number": 17 }, { "name": "TYPE_SINT64", "number": 18 }] }, { "name": "Label", "value": [{ "name": "LABEL_OPTIONAL", "number": 1 }, { "name": "LABEL_REPEATED", "number": 3 }, { "name": "LABEL_REQUIRED", "number": 2 }] }] }, { "name": "OneofDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "options", "number": 2, "type": 11, "label": 1, "typeName": ".google.protobuf.OneofOptions" }] }, { "name": "EnumDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "value", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumValueDescriptorProto" }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.EnumOptions" }, { "name": "reserved_range", "number": 4, "type": 11, "label": 3, "typeName": ".google.protobuf.EnumDescriptorProto.EnumReservedRange" }, { "name": "reserved_name", "number": 5, "type": 9, "label": 3 }, { "name": "visibility", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.SymbolVisibility" }], "nestedType": [{ "name": "EnumReservedRange", "field": [{ "name": "start", "number": 1, "type": 5, "label": 1 }, { "name": "end", "number": 2, "type": 5, "label": 1 }] }] }, { "name": "EnumValueDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "number", "number": 2, "type": 5, "label": 1 }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.EnumValueOptions" }] }, { "name": "ServiceDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "method", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.MethodDescriptorProto" }, { "name": "options", "number": 3, "type": 11, "label": 1, "typeName": ".google.protobuf.ServiceOptions" }] }, { "name": "MethodDescriptorProto", "field": [{ "name": "name", "number": 1, "type": 9, "label": 1 }, { "name": "input_type", "number": 2, "type": 9, "label": 1 }, { "name": "output_type", "number": 3, "type": 9, "label": 1 }, { "name": "options", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.MethodOptions" }, { "name": "client_streaming", "number": 5, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "server_streaming", "number": 6, "type": 8, "label": 1, "defaultValue": "false" }] }, { "name": "FileOptions", "field": [{ "name": "java_package", "number": 1, "type": 9, "label": 1 }, { "name": "java_outer_classname", "number": 8, "type": 9, "label": 1 }, { "name": "java_multiple_files", "number": 10, "type": 8, "label": 1, "defaultValue": "false", "options": {} }, { "name": "java_generate_equals_and_hash", "number": 20, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "java_string_check_utf8", "number": 27, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "optimize_for", "number": 9, "type": 14, "label": 1, "typeName": ".google.protobuf.FileOptions.OptimizeMode", "defaultValue": "SPEED" }, { "name": "go_package", "number": 11, "type": 9, "label": 1 }, { "name": "cc_generic_services", "number": 16, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "java_generic_services", "number": 17, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "py_generic_services", "number": 18, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 23, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "cc_enable_arenas", "number": 31, "type": 8, "label": 1, "defaultValue": "true", "options": {} }, { "name": "objc_class_prefix", "number": 36, "type": 9, "label": 1 }, { "name": "csharp_namespace", "number": 37, "type": 9, "label": 1 }, { "name": "swift_prefix", "number": 39, "type": 9, "label": 1 }, { "name": "php_class_prefix", "number": 40, "type": 9, "label": 1 }, { "name": "php_namespace", "number": 41, "type": 9, "label": 1 }, { "name": "php_metadata_namespace", "number": 44, "type": 9, "label": 1 }, { "name": "ruby_package", "number": 45, "type": 9, "label": 1 }, { "name": "features", "number": 50, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "enumType": [{ "name": "OptimizeMode", "value": [{ "name": "SPEED", "number": 1 }, { "name": "CODE_SIZE", "number": 2 }, { "name": "LITE_RUNTIME", "number": 3 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "MessageOptions", "field": [{ "name": "message_set_wire_format", "number": 1, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "no_standard_descriptor_accessor", "number": 2, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "map_entry", "number": 7, "type": 8, "label": 1 }, { "name": "deprecated_legacy_json_field_conflicts", "number": 11, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "features", "number": 12, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "FieldOptions", "field": [{ "name": "ctype", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.CType", "defaultValue": "STRING" }, { "name": "packed", "number": 2, "type": 8, "label": 1 }, { "name": "jstype", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.JSType", "defaultValue": "JS_NORMAL" }, { "name": "lazy", "number": 5, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "unverified_lazy", "number": 15, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "weak", "number": 10, "type": 8, "label": 1, "defaultValue": "false", "options": { "deprecated": true } }, { "name": "debug_redact", "number": 16, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "retention", "number": 17, "type": 14, "label": 1, "typeName": ".google.protobuf.FieldOptions.OptionRetention" }, { "name": "targets", "number": 19, "type": 14, "label": 3, "typeName": ".google.protobuf.FieldOptions.OptionTargetType" }, { "name": "edition_defaults", "number": 20, "type": 11, "label": 3, "typeName": ".google.protobuf.FieldOptions.EditionDefault" }, { "name": "features", "number": 21, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "feature_support", "number": 22, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions.FeatureSupport" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "nestedType": [{ "name": "EditionDefault", "field": [{ "name": "edition", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "value", "number": 2, "type": 9, "label": 1 }] }, { "name": "FeatureSupport", "field": [{ "name": "edition_introduced", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "edition_deprecated", "number": 2, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "deprecation_warning", "number": 3, "type": 9, "label": 1 }, { "name": "edition_removed", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "removal_error", "number": 5, "type": 9, "label": 1 }] }], "enumType": [{ "name": "CType", "value": [{ "name": "STRING", "number": 0 }, { "name": "CORD", "number": 1 }, { "name": "STRING_PIECE", "number": 2 }] }, { "name": "JSType", "value": [{ "name": "JS_NORMAL", "number": 0 }, { "name": "JS_STRING", "number": 1 }, { "name": "JS_NUMBER", "number": 2 }] }, { "name": "OptionRetention", "value": [{ "name": "RETENTION_UNKNOWN", "number": 0 }, { "name": "RETENTION_RUNTIME", "number": 1 }, { "name": "RETENTION_SOURCE", "number": 2 }] }, { "name": "OptionTargetType", "value": [{ "name": "TARGET_TYPE_UNKNOWN", "number": 0 }, { "name": "TARGET_TYPE_FILE", "number": 1 }, { "name": "TARGET_TYPE_EXTENSION_RANGE", "number": 2 }, { "name": "TARGET_TYPE_MESSAGE", "number": 3 }, { "name": "TARGET_TYPE_FIELD", "number": 4 }, { "name": "TARGET_TYPE_ONEOF", "number": 5 }, { "name": "TARGET_TYPE_ENUM", "number": 6 }, { "name": "TARGET_TYPE_ENUM_ENTRY", "number": 7 }, { "name": "TARGET_TYPE_SERVICE", "number": 8 }, { "name": "TARGET_TYPE_METHOD", "number": 9 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "OneofOptions", "field": [{ "name": "features", "number": 1, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "EnumOptions", "field": [{ "name": "allow_alias", "number": 2, "type": 8, "label": 1 }, { "name": "deprecated", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "deprecated_legacy_json_field_conflicts", "number": 6, "type": 8, "label": 1, "options": { "deprecated": true } }, { "name": "features", "number": 7, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "EnumValueOptions", "field": [{ "name": "deprecated", "number": 1, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "features", "number": 2, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "debug_redact", "number": 3, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "feature_support", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.FieldOptions.FeatureSupport" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "ServiceOptions", "field": [{ "name": "features", "number": 34, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "deprecated", "number": 33, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "MethodOptions", "field": [{ "name": "deprecated", "number": 33, "type": 8, "label": 1, "defaultValue": "false" }, { "name": "idempotency_level", "number": 34, "type": 14, "label": 1, "typeName": ".google.protobuf.MethodOptions.IdempotencyLevel", "defaultValue": "IDEMPOTENCY_UNKNOWN" }, { "name": "features", "number": 35, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "uninterpreted_option", "number": 999, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption" }], "enumType": [{ "name": "IdempotencyLevel", "value": [{ "name": "IDEMPOTENCY_UNKNOWN", "number": 0 }, { "name": "NO_SIDE_EFFECTS", "number": 1 }, { "name": "IDEMPOTENT", "number": 2 }] }], "extensionRange": [{ "start": 990, "end": 999 }, { "start": 1e3, "end": 536870912 }] }, { "name": "UninterpretedOption", "field": [{ "name": "name", "number": 2, "type": 11, "label": 3, "typeName": ".google.protobuf.UninterpretedOption.NamePart" }, { "name": "identifier_value", "number": 3, "type": 9, "label": 1 }, { "name": "positive_int_value", "number": 4, "type": 4, "label": 1 }, { "name": "negative_int_value", "number": 5, "type": 3, "label": 1 }, { "name": "double_value", "number": 6, "type": 1, "label": 1 }, { "name": "string_value", "number": 7, "type": 12, "label": 1 }, { "name": "aggregate_value", "number": 8, "type": 9, "label": 1 }], "nestedType": [{ "name": "NamePart", "field": [{ "name": "name_part", "number": 1, "type": 9, "label": 2 }, { "name": "is_extension", "number": 2, "type": 8, "label": 2 }] }] }, { "name": "FeatureSet", "field": [{ "name": "field_presence", "number": 1, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.FieldPresence", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "EXPLICIT", "edition": 900 }, { "value": "IMPLICIT", "edition": 999 }, { "value": "EXPLICIT", "edition": 1e3 }] } }, { "name": "enum_type", "number": 2, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.EnumType", "options": { "retention": 1, "targets": [6, 1], "editionDefaults": [{ "value": "CLOSED", "edition": 900 }, { "value": "OPEN", "edition": 999 }] } }, { "name": "repeated_field_encoding", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.RepeatedFieldEncoding", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "EXPANDED", "edition": 900 }, { "value": "PACKED", "edition": 999 }] } }, { "name": "utf8_validation", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.Utf8Validation", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "NONE", "edition": 900 }, { "value": "VERIFY", "edition": 999 }] } }, { "name": "message_encoding", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.MessageEncoding", "options": { "retention": 1, "targets": [4, 1], "editionDefaults": [{ "value": "LENGTH_PREFIXED", "edition": 900 }] } }, { "name": "json_format", "number": 6, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.JsonFormat", "options": { "retention": 1, "targets": [3, 6, 1], "editionDefaults": [{ "value": "LEGACY_BEST_EFFORT", "edition": 900 }, { "value": "ALLOW", "edition": 999 }] } }, { "name": "enforce_naming_style", "number": 7, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.EnforceNamingStyle", "options": { "retention": 2, "targets": [1, 2, 3, 4, 5, 6, 7, 8, 9], "editionDefaults": [{ "value": "STYLE_LEGACY", "edition": 900 }, { "value": "STYLE2024", "edition": 1001 }, { "value": "STYLE2026", "edition": 1002 }] } }, { "name": "default_symbol_visibility", "number": 8, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.VisibilityFeature.DefaultSymbolVisibility", "options": { "retention": 2, "targets": [1], "editionDefaults": [{ "value": "EXPORT_ALL", "edition": 900 }, { "value": "EXPORT_TOP_LEVEL", "edition": 1001 }, { "value": "STRICT", "edition": 1002 }] } }, { "name": "enforce_proto_limits", "number": 9, "type": 14, "label": 1, "typeName": ".google.protobuf.FeatureSet.ProtoLimitsFeature.EnforceProtoLimits", "options": { "retention": 2, "targets": [6, 3, 4, 5], "editionDefaults": [{ "value": "LEGACY_NO_EXPLICIT_LIMITS", "edition": 900 }, { "value": "PROTO_LIMITS2026", "edition": 1002 }] } }], "nestedType": [{ "name": "VisibilityFeature", "enumType": [{ "name": "DefaultSymbolVisibility", "value": [{ "name": "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN", "number": 0 }, { "name": "EXPORT_ALL", "number": 1 }, { "name": "EXPORT_TOP_LEVEL", "number": 2 }, { "name": "LOCAL_ALL", "number": 3 }, { "name": "STRICT", "number": 4 }] }] }, { "name": "ProtoLimitsFeature", "enumType": [{ "name": "EnforceProtoLimits", "value": [{ "name": "PROTO_LIMITS_UNKNOWN", "number": 0 }, { "name": "LEGACY_NO_EXPLICIT_LIMITS", "number": 1 }, { "name": "PROTO_LIMITS2026", "number": 2 }] }] }], "enumType": [{ "name": "FieldPresence", "value": [{ "name": "FIELD_PRESENCE_UNKNOWN", "number": 0 }, { "name": "EXPLICIT", "number": 1 }, { "name": "IMPLICIT", "number": 2 }, { "name": "LEGACY_REQUIRED", "number": 3 }] }, { "name": "EnumType", "value": [{ "name": "ENUM_TYPE_UNKNOWN", "number": 0 }, { "name": "OPEN", "number": 1 }, { "name": "CLOSED", "number": 2 }] }, { "name": "RepeatedFieldEncoding", "value": [{ "name": "REPEATED_FIELD_ENCODING_UNKNOWN", "number": 0 }, { "name": "PACKED", "number": 1 }, { "name": "EXPANDED", "number": 2 }] }, { "name": "Utf8Validation", "value": [{ "name": "UTF8_VALIDATION_UNKNOWN", "number": 0 }, { "name": "VERIFY", "number": 2 }, { "name": "NONE", "number": 3 }] }, { "name": "MessageEncoding", "value": [{ "name": "MESSAGE_ENCODING_UNKNOWN", "number": 0 }, { "name": "LENGTH_PREFIXED", "number": 1 }, { "name": "DELIMITED", "number": 2 }] }, { "name": "JsonFormat", "value": [{ "name": "JSON_FORMAT_UNKNOWN", "number": 0 }, { "name": "ALLOW", "number": 1 }, { "name": "LEGACY_BEST_EFFORT", "number": 2 }] }, { "name": "EnforceNamingStyle", "value": [{ "name": "ENFORCE_NAMING_STYLE_UNKNOWN", "number": 0 }, { "name": "STYLE2024", "number": 1 }, { "name": "STYLE_LEGACY", "number": 2 }, { "name": "STYLE2026", "number": 3 }] }], "extensionRange": [{ "start": 1e3, "end": 9995 }, { "start": 9995, "end": 1e4 }, { "start": 1e4, "end": 10001 }] }, { "name": "FeatureSetDefaults", "field": [{ "name": "defaults", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.FeatureSetDefaults.FeatureSetEditionDefault" }, { "name": "minimum_edition", "number": 4, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "maximum_edition", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }], "nestedType": [{ "name": "FeatureSetEditionDefault", "field": [{ "name": "edition", "number": 3, "type": 14, "label": 1, "typeName": ".google.protobuf.Edition" }, { "name": "overridable_features", "number": 4, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }, { "name": "fixed_features", "number": 5, "type": 11, "label": 1, "typeName": ".google.protobuf.FeatureSet" }] }] }, { "name": "SourceCodeInfo", "field": [{ "name": "location", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.SourceCodeInfo.Location" }], "nestedType": [{ "name": "Location", "field": [{ "name": "path", "number": 1, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "span", "number": 2, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "leading_comments", "number": 3, "type": 9, "label": 1 }, { "name": "trailing_comments", "number": 4, "type": 9, "label": 1 }, { "name": "leading_detached_comments", "number": 6, "type": 9, "label": 3 }] }], "extensionRange": [{ "start": 536e6, "end": 536000001 }] }, { "name": "GeneratedCodeInfo", "field": [{ "name": "annotation", "number": 1, "type": 11, "label": 3, "typeName": ".google.protobuf.GeneratedCodeInfo.Annotation" }], "nestedType": [{ "name": "Annotation", "field": [{ "name": "path", "number": 1, "type": 5, "label": 3, "options": { "packed": true } }, { "name": "source_file", "number": 2, "type": 9, "label": 1 }, { "name": "begin", "number": 3, "type": 5, "label": 1 }, { "name": "end", "number": 4, "type": 5, "label": 1 }, { "name": "semantic", "number": 5, "type": 14, "label": 1, "typeName": ".google.protobuf.GeneratedCodeInfo.Annotation.Semantic" }], "enumType": [{ "name": "Semantic", "value": [{ "name": "NONE", "number": 0 }, { "name": "SET", "number": 1 }, { "name": "ALIAS", "number": 2 }] }] }] }], "enumType": [{ "name": "Edition", "value": [{ "name": "EDITION_UNKNOWN", "number": 0 }, { "name": "EDITION_LEGACY", "number": 900 }, { "name": "EDITION_PROTO2", "number": 998 }, { "name": "EDITION_PROTO3", "number": 999 }, { "name": "EDITION_2023", "number": 1e3 }, { "name": "EDITION_2024", "number": 1001 }, { "name": "EDITION_2026", "number": 1002 }, { "name": "EDITION_UNSTABLE", "number": 9999 }, { "name": "EDITION_1_TEST_ONLY", "number": 1 }, { "name": "EDITION_2_TEST_ONLY", "number": 2 }, { "name": "EDITION_99997_TEST_ONLY", "number": 99997 }, { "name": "EDITION_99998_TEST_ONLY", "number": 99998 }, { "name": "EDITION_99999_TEST_ONLY", "number": 99999 }, { "name": "EDITION_MAX", "number": 2147483647 }] }, { "name": "SymbolVisibility", "value": [{ "name": "VISIBILITY_UNSET", "number": 0 }, { "name": "VISIBILITY_LOCAL", "number": 1 }, { "name": "VISIBILITY_EXPORT", "number": 2 }] }] });
var FileDescriptorProtoSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_descriptor, 1);
var ExtensionRangeOptions_VerificationState;
(function(ExtensionRangeOptions_VerificationState2) {
  ExtensionRangeOptions_VerificationState2[ExtensionRangeOptions_VerificationState2["DECLARATION"] = 0] = "DECLARATION";
  ExtensionRangeOptions_VerificationState2[ExtensionRangeOptions_VerificationState2["UNVERIFIED"] = 1] = "UNVERIFIED";
})(ExtensionRangeOptions_VerificationState || (ExtensionRangeOptions_VerificationState = {}));
var FieldDescriptorProto_Type;
(function(FieldDescriptorProto_Type2) {
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["DOUBLE"] = 1] = "DOUBLE";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["FLOAT"] = 2] = "FLOAT";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["INT64"] = 3] = "INT64";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["UINT64"] = 4] = "UINT64";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["INT32"] = 5] = "INT32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["FIXED64"] = 6] = "FIXED64";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["FIXED32"] = 7] = "FIXED32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["BOOL"] = 8] = "BOOL";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["STRING"] = 9] = "STRING";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["GROUP"] = 10] = "GROUP";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["MESSAGE"] = 11] = "MESSAGE";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["BYTES"] = 12] = "BYTES";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["UINT32"] = 13] = "UINT32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["ENUM"] = 14] = "ENUM";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["SFIXED32"] = 15] = "SFIXED32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["SFIXED64"] = 16] = "SFIXED64";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["SINT32"] = 17] = "SINT32";
  FieldDescriptorProto_Type2[FieldDescriptorProto_Type2["SINT64"] = 18] = "SINT64";
})(FieldDescriptorProto_Type || (FieldDescriptorProto_Type = {}));
var FieldDescriptorProto_Label;
(function(FieldDescriptorProto_Label2) {
  FieldDescriptorProto_Label2[FieldDescriptorProto_Label2["OPTIONAL"] = 1] = "OPTIONAL";
  FieldDescriptorProto_Label2[FieldDescriptorProto_Label2["REPEATED"] = 3] = "REPEATED";
  FieldDescriptorProto_Label2[FieldDescriptorProto_Label2["REQUIRED"] = 2] = "REQUIRED";
})(FieldDescriptorProto_Label || (FieldDescriptorProto_Label = {}));
var FileOptions_OptimizeMode;
(function(FileOptions_OptimizeMode2) {
  FileOptions_OptimizeMode2[FileOptions_OptimizeMode2["SPEED"] = 1] = "SPEED";
  FileOptions_OptimizeMode2[FileOptions_OptimizeMode2["CODE_SIZE"] = 2] = "CODE_SIZE";
  FileOptions_OptimizeMode2[FileOptions_OptimizeMode2["LITE_RUNTIME"] = 3] = "LITE_RUNTIME";
})(FileOptions_OptimizeMode || (FileOptions_OptimizeMode = {}));
var FieldOptions_CType;
(function(FieldOptions_CType2) {
  FieldOptions_CType2[FieldOptions_CType2["STRING"] = 0] = "STRING";
  FieldOptions_CType2[FieldOptions_CType2["CORD"] = 1] = "CORD";
  FieldOptions_CType2[FieldOptions_CType2["STRING_PIECE"] = 2] = "STRING_PIECE";
})(FieldOptions_CType || (FieldOptions_CType = {}));
var FieldOptions_JSType;
(function(FieldOptions_JSType2) {
  FieldOptions_JSType2[FieldOptions_JSType2["JS_NORMAL"] = 0] = "JS_NORMAL";
  FieldOptions_JSType2[FieldOptions_JSType2["JS_STRING"] = 1] = "JS_STRING";
  FieldOptions_JSType2[FieldOptions_JSType2["JS_NUMBER"] = 2] = "JS_NUMBER";
})(FieldOptions_JSType || (FieldOptions_JSType = {}));
var FieldOptions_OptionRetention;
(function(FieldOptions_OptionRetention2) {
  FieldOptions_OptionRetention2[FieldOptions_OptionRetention2["RETENTION_UNKNOWN"] = 0] = "RETENTION_UNKNOWN";
  FieldOptions_OptionRetention2[FieldOptions_OptionRetention2["RETENTION_RUNTIME"] = 1] = "RETENTION_RUNTIME";
  FieldOptions_OptionRetention2[FieldOptions_OptionRetention2["RETENTION_SOURCE"] = 2] = "RETENTION_SOURCE";
})(FieldOptions_OptionRetention || (FieldOptions_OptionRetention = {}));
var FieldOptions_OptionTargetType;
(function(FieldOptions_OptionTargetType2) {
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_UNKNOWN"] = 0] = "TARGET_TYPE_UNKNOWN";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_FILE"] = 1] = "TARGET_TYPE_FILE";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_EXTENSION_RANGE"] = 2] = "TARGET_TYPE_EXTENSION_RANGE";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_MESSAGE"] = 3] = "TARGET_TYPE_MESSAGE";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_FIELD"] = 4] = "TARGET_TYPE_FIELD";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_ONEOF"] = 5] = "TARGET_TYPE_ONEOF";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_ENUM"] = 6] = "TARGET_TYPE_ENUM";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_ENUM_ENTRY"] = 7] = "TARGET_TYPE_ENUM_ENTRY";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_SERVICE"] = 8] = "TARGET_TYPE_SERVICE";
  FieldOptions_OptionTargetType2[FieldOptions_OptionTargetType2["TARGET_TYPE_METHOD"] = 9] = "TARGET_TYPE_METHOD";
})(FieldOptions_OptionTargetType || (FieldOptions_OptionTargetType = {}));
var MethodOptions_IdempotencyLevel;
(function(MethodOptions_IdempotencyLevel2) {
  MethodOptions_IdempotencyLevel2[MethodOptions_IdempotencyLevel2["IDEMPOTENCY_UNKNOWN"] = 0] = "IDEMPOTENCY_UNKNOWN";
  MethodOptions_IdempotencyLevel2[MethodOptions_IdempotencyLevel2["NO_SIDE_EFFECTS"] = 1] = "NO_SIDE_EFFECTS";
  MethodOptions_IdempotencyLevel2[MethodOptions_IdempotencyLevel2["IDEMPOTENT"] = 2] = "IDEMPOTENT";
})(MethodOptions_IdempotencyLevel || (MethodOptions_IdempotencyLevel = {}));
var FeatureSet_VisibilityFeature_DefaultSymbolVisibility;
(function(FeatureSet_VisibilityFeature_DefaultSymbolVisibility2) {
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["DEFAULT_SYMBOL_VISIBILITY_UNKNOWN"] = 0] = "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN";
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["EXPORT_ALL"] = 1] = "EXPORT_ALL";
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["EXPORT_TOP_LEVEL"] = 2] = "EXPORT_TOP_LEVEL";
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["LOCAL_ALL"] = 3] = "LOCAL_ALL";
  FeatureSet_VisibilityFeature_DefaultSymbolVisibility2[FeatureSet_VisibilityFeature_DefaultSymbolVisibility2["STRICT"] = 4] = "STRICT";
})(FeatureSet_VisibilityFeature_DefaultSymbolVisibility || (FeatureSet_VisibilityFeature_DefaultSymbolVisibility = {}));
var FeatureSet_ProtoLimitsFeature_EnforceProtoLimits;
(function(FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2) {
  FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2["PROTO_LIMITS_UNKNOWN"] = 0] = "PROTO_LIMITS_UNKNOWN";
  FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2["LEGACY_NO_EXPLICIT_LIMITS"] = 1] = "LEGACY_NO_EXPLICIT_LIMITS";
  FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2[FeatureSet_ProtoLimitsFeature_EnforceProtoLimits2["PROTO_LIMITS2026"] = 2] = "PROTO_LIMITS2026";
})(FeatureSet_ProtoLimitsFeature_EnforceProtoLimits || (FeatureSet_ProtoLimitsFeature_EnforceProtoLimits = {}));
var FeatureSet_FieldPresence;
(function(FeatureSet_FieldPresence2) {
  FeatureSet_FieldPresence2[FeatureSet_FieldPresence2["FIELD_PRESENCE_UNKNOWN"] = 0] = "FIELD_PRESENCE_UNKNOWN";
  FeatureSet_FieldPresence2[FeatureSet_FieldPresence2["EXPLICIT"] = 1] = "EXPLICIT";
  FeatureSet_FieldPresence2[FeatureSet_FieldPresence2["IMPLICIT"] = 2] = "IMPLICIT";
  FeatureSet_FieldPresence2[FeatureSet_FieldPresence2["LEGACY_REQUIRED"] = 3] = "LEGACY_REQUIRED";
})(FeatureSet_FieldPresence || (FeatureSet_FieldPresence = {}));
var FeatureSet_EnumType;
(function(FeatureSet_EnumType2) {
  FeatureSet_EnumType2[FeatureSet_EnumType2["ENUM_TYPE_UNKNOWN"] = 0] = "ENUM_TYPE_UNKNOWN";
  FeatureSet_EnumType2[FeatureSet_EnumType2["OPEN"] = 1] = "OPEN";
  FeatureSet_EnumType2[FeatureSet_EnumType2["CLOSED"] = 2] = "CLOSED";
})(FeatureSet_EnumType || (FeatureSet_EnumType = {}));
var FeatureSet_RepeatedFieldEncoding;
(function(FeatureSet_RepeatedFieldEncoding2) {
  FeatureSet_RepeatedFieldEncoding2[FeatureSet_RepeatedFieldEncoding2["REPEATED_FIELD_ENCODING_UNKNOWN"] = 0] = "REPEATED_FIELD_ENCODING_UNKNOWN";
  FeatureSet_RepeatedFieldEncoding2[FeatureSet_RepeatedFieldEncoding2["PACKED"] = 1] = "PACKED";
  FeatureSet_RepeatedFieldEncoding2[FeatureSet_RepeatedFieldEncoding2["EXPANDED"] = 2] = "EXPANDED";
})(FeatureSet_RepeatedFieldEncoding || (FeatureSet_RepeatedFieldEncoding = {}));
var FeatureSet_Utf8Validation;
(function(FeatureSet_Utf8Validation2) {
  FeatureSet_Utf8Validation2[FeatureSet_Utf8Validation2["UTF8_VALIDATION_UNKNOWN"] = 0] = "UTF8_VALIDATION_UNKNOWN";
  FeatureSet_Utf8Validation2[FeatureSet_Utf8Validation2["VERIFY"] = 2] = "VERIFY";
  FeatureSet_Utf8Validation2[FeatureSet_Utf8Validation2["NONE"] = 3] = "NONE";
})(FeatureSet_Utf8Validation || (FeatureSet_Utf8Validation = {}));
var FeatureSet_MessageEncoding;
(function(FeatureSet_MessageEncoding2) {
  FeatureSet_MessageEncoding2[FeatureSet_MessageEncoding2["MESSAGE_ENCODING_UNKNOWN"] = 0] = "MESSAGE_ENCODING_UNKNOWN";
  FeatureSet_MessageEncoding2[FeatureSet_MessageEncoding2["LENGTH_PREFIXED"] = 1] = "LENGTH_PREFIXED";
  FeatureSet_MessageEncoding2[FeatureSet_MessageEncoding2["DELIMITED"] = 2] = "DELIMITED";
})(FeatureSet_MessageEncoding || (FeatureSet_MessageEncoding = {}));
var FeatureSet_JsonFormat;
(function(FeatureSet_JsonFormat2) {
  FeatureSet_JsonFormat2[FeatureSet_JsonFormat2["JSON_FORMAT_UNKNOWN"] = 0] = "JSON_FORMAT_UNKNOWN";
  FeatureSet_JsonFormat2[FeatureSet_JsonFormat2["ALLOW"] = 1] = "ALLOW";
  FeatureSet_JsonFormat2[FeatureSet_JsonFormat2["LEGACY_BEST_EFFORT"] = 2] = "LEGACY_BEST_EFFORT";
})(FeatureSet_JsonFormat || (FeatureSet_JsonFormat = {}));
var FeatureSet_EnforceNamingStyle;
(function(FeatureSet_EnforceNamingStyle2) {
  FeatureSet_EnforceNamingStyle2[FeatureSet_EnforceNamingStyle2["ENFORCE_NAMING_STYLE_UNKNOWN"] = 0] = "ENFORCE_NAMING_STYLE_UNKNOWN";
  FeatureSet_EnforceNamingStyle2[FeatureSet_EnforceNamingStyle2["STYLE2024"] = 1] = "STYLE2024";
  FeatureSet_EnforceNamingStyle2[FeatureSet_EnforceNamingStyle2["STYLE_LEGACY"] = 2] = "STYLE_LEGACY";
  FeatureSet_EnforceNamingStyle2[FeatureSet_EnforceNamingStyle2["STYLE2026"] = 3] = "STYLE2026";
})(FeatureSet_EnforceNamingStyle || (FeatureSet_EnforceNamingStyle = {}));
var GeneratedCodeInfo_Annotation_Semantic;
(function(GeneratedCodeInfo_Annotation_Semantic2) {
  GeneratedCodeInfo_Annotation_Semantic2[GeneratedCodeInfo_Annotation_Semantic2["NONE"] = 0] = "NONE";
  GeneratedCodeInfo_Annotation_Semantic2[GeneratedCodeInfo_Annotation_Semantic2["SET"] = 1] = "SET";
  GeneratedCodeInfo_Annotation_Semantic2[GeneratedCodeInfo_Annotation_Semantic2["ALIAS"] = 2] = "ALIAS";
})(GeneratedCodeInfo_Annotation_Semantic || (GeneratedCodeInfo_Annotation_Semantic = {}));
var Edition;
(function(Edition2) {
  Edition2[Edition2["EDITION_UNKNOWN"] = 0] = "EDITION_UNKNOWN";
  Edition2[Edition2["EDITION_LEGACY"] = 900] = "EDITION_LEGACY";
  Edition2[Edition2["EDITION_PROTO2"] = 998] = "EDITION_PROTO2";
  Edition2[Edition2["EDITION_PROTO3"] = 999] = "EDITION_PROTO3";
  Edition2[Edition2["EDITION_2023"] = 1e3] = "EDITION_2023";
  Edition2[Edition2["EDITION_2024"] = 1001] = "EDITION_2024";
  Edition2[Edition2["EDITION_2026"] = 1002] = "EDITION_2026";
  Edition2[Edition2["EDITION_UNSTABLE"] = 9999] = "EDITION_UNSTABLE";
  Edition2[Edition2["EDITION_1_TEST_ONLY"] = 1] = "EDITION_1_TEST_ONLY";
  Edition2[Edition2["EDITION_2_TEST_ONLY"] = 2] = "EDITION_2_TEST_ONLY";
  Edition2[Edition2["EDITION_99997_TEST_ONLY"] = 99997] = "EDITION_99997_TEST_ONLY";
  Edition2[Edition2["EDITION_99998_TEST_ONLY"] = 99998] = "EDITION_99998_TEST_ONLY";
  Edition2[Edition2["EDITION_99999_TEST_ONLY"] = 99999] = "EDITION_99999_TEST_ONLY";
  Edition2[Edition2["EDITION_MAX"] = 2147483647] = "EDITION_MAX";
})(Edition || (Edition = {}));
var SymbolVisibility;
(function(SymbolVisibility2) {
  SymbolVisibility2[SymbolVisibility2["VISIBILITY_UNSET"] = 0] = "VISIBILITY_UNSET";
  SymbolVisibility2[SymbolVisibility2["VISIBILITY_LOCAL"] = 1] = "VISIBILITY_LOCAL";
  SymbolVisibility2[SymbolVisibility2["VISIBILITY_EXPORT"] = 2] = "VISIBILITY_EXPORT";
})(SymbolVisibility || (SymbolVisibility = {}));

// node_modules/@bufbuild/protobuf/dist/esm/from-binary.js
function makeReadContext(options) {
  return Object.assign(Object.assign({ readUnknownFields: true, recursionLimit: 100 }, options), { depth: 0 });
}
function fromBinary(schema, bytes, options) {
  const message = create(schema);
  compiledReader(schema).read(message, new BinaryReader(bytes), makeReadContext(options), bytes.byteLength);
  return message;
}
var compiledReaders = /* @__PURE__ */ new WeakMap();
function compiledReader(desc) {
  let compiled = compiledReaders.get(desc);
  if (compiled === void 0) {
    compiled = compileMessage(desc);
  }
  return compiled;
}
function compileMessage(desc) {
  const descString = String(desc);
  const fieldReaders = /* @__PURE__ */ new Map();
  const compiled = {
    read: compileMessageReader(descString, fieldReaders),
    readGroup: compileGroupReader(descString, fieldReaders)
  };
  compiledReaders.set(desc, compiled);
  for (const field of desc.fields) {
    fieldReaders.set(field.number, compileFieldReader(field));
  }
  return compiled;
}
function compileMessageReader(descString, fieldReaders) {
  return (message, reader, ctx, length) => {
    var _a;
    if (++ctx.depth > ctx.recursionLimit) {
      throw new Error(`cannot decode ${descString} from binary: maximum recursion depth of ${ctx.recursionLimit} reached`);
    }
    const end = reader.pos + length;
    const unknownFields = (_a = message.$unknown) !== null && _a !== void 0 ? _a : [];
    while (reader.pos < end) {
      const [fieldNo, wireType] = reader.tag();
      const fieldReader = fieldReaders.get(fieldNo);
      if (fieldReader === void 0) {
        const data = reader.skip(wireType, fieldNo, ctx.recursionLimit - ctx.depth);
        if (ctx.readUnknownFields) {
          unknownFields.push({ no: fieldNo, wireType, data });
        }
        continue;
      }
      fieldReader(message, reader, ctx, wireType);
    }
    if (unknownFields.length > 0) {
      message.$unknown = unknownFields;
    }
    ctx.depth--;
  };
}
function compileGroupReader(descString, fieldReaders) {
  return (message, reader, ctx, fieldNo) => {
    var _a;
    if (++ctx.depth > ctx.recursionLimit) {
      throw new Error(`cannot decode ${descString} from binary: maximum recursion depth of ${ctx.recursionLimit} reached`);
    }
    let recordFieldNo;
    let wireType;
    const unknownFields = (_a = message.$unknown) !== null && _a !== void 0 ? _a : [];
    while (reader.pos < reader.len) {
      [recordFieldNo, wireType] = reader.tag();
      if (wireType == WireType.EndGroup) {
        break;
      }
      const fieldReader = fieldReaders.get(recordFieldNo);
      if (fieldReader === void 0) {
        const data = reader.skip(wireType, recordFieldNo, ctx.recursionLimit - ctx.depth);
        if (ctx.readUnknownFields) {
          unknownFields.push({ no: recordFieldNo, wireType, data });
        }
        continue;
      }
      fieldReader(message, reader, ctx, wireType);
    }
    if (wireType != WireType.EndGroup || recordFieldNo !== fieldNo) {
      throw new Error("invalid end group tag");
    }
    if (unknownFields.length > 0) {
      message.$unknown = unknownFields;
    }
    ctx.depth--;
  };
}
function readField(message, reader, field, wireType, ctx) {
  compileFieldReader(field)(message[unsafeLocal], reader, ctx, wireType);
}
function compileFieldReader(field) {
  switch (field.fieldKind) {
    case "scalar":
      return compileScalarFieldReader(field);
    case "enum":
      return compileEnumFieldReader(field);
    case "message":
      return compileMessageFieldReader(field);
    case "list":
      return compileListFieldReader(field);
    case "map":
      return compileMapFieldReader(field);
  }
}
function compileScalarFieldReader(field) {
  const readScalar = compileScalarReader(field.scalar, field.utf8Validation, field.longAsString);
  const localName = field.localName;
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (message, reader) => {
      message[oneofLocalName] = {
        case: localName,
        value: readScalar(reader)
      };
    };
  }
  return (message, reader) => {
    message[localName] = readScalar(reader);
  };
}
function compileEnumFieldReader(field) {
  var _a;
  const localName = field.localName;
  const oneofLocalName = (_a = field.oneof) === null || _a === void 0 ? void 0 : _a.localName;
  if (field.enum.open) {
    if (oneofLocalName !== void 0) {
      return (message, reader) => {
        message[oneofLocalName] = { case: localName, value: reader.int32() };
      };
    }
    return (message, reader) => {
      message[localName] = reader.int32();
    };
  }
  const values = field.enum.values;
  const fieldNo = field.number;
  return (message, reader, ctx, wireType) => {
    var _a2;
    const val = reader.int32();
    if (values.some((v) => v.number === val)) {
      if (oneofLocalName !== void 0) {
        message[oneofLocalName] = { case: localName, value: val };
      } else {
        message[localName] = val;
      }
    } else if (ctx.readUnknownFields) {
      const bytes = [];
      varint32write(val, bytes);
      const unknownFields = (_a2 = message.$unknown) !== null && _a2 !== void 0 ? _a2 : [];
      unknownFields.push({
        no: fieldNo,
        wireType,
        data: new Uint8Array(bytes)
      });
      message.$unknown = unknownFields;
    }
  };
}
function compileMessageFieldReader(field) {
  const localName = field.localName;
  const { toMessage, toLocal } = localMessageMapper(field);
  const readChild = compileChildReader(field);
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (message, reader, ctx) => {
      const oneof = message[oneofLocalName];
      const child = toMessage(oneof.case === localName ? oneof.value : void 0);
      readChild(child, reader, ctx);
      message[oneofLocalName] = { case: localName, value: toLocal(child) };
    };
  }
  return (message, reader, ctx) => {
    const child = toMessage(message[localName]);
    readChild(child, reader, ctx);
    message[localName] = toLocal(child);
  };
}
function compileChildReader(field) {
  const compiledChild = compiledReader(field.message);
  if (field.delimitedEncoding) {
    const fieldNo = field.number;
    return (child, reader, ctx) => compiledChild.readGroup(child, reader, ctx, fieldNo);
  }
  return (child, reader, ctx) => compiledChild.read(child, reader, ctx, reader.uint32());
}
function compileListFieldReader(field) {
  const localName = field.localName;
  if (field.listKind == "message") {
    const { toMessage, toLocal } = localMessageMapper(field);
    const readChild = compileChildReader(field);
    return (message, reader, ctx) => {
      const child = toMessage(void 0);
      readChild(child, reader, ctx);
      message[localName].push(toLocal(child));
    };
  }
  const scalarType = field.listKind == "enum" ? ScalarType.INT32 : field.scalar;
  const longAsString = field.listKind == "scalar" ? field.longAsString : false;
  const readScalar = compileScalarReader(scalarType, field.utf8Validation, longAsString);
  const packedPossible = scalarType != ScalarType.STRING && scalarType != ScalarType.BYTES;
  return (message, reader, ctx, wireType) => {
    const items = message[localName];
    if (wireType == WireType.LengthDelimited && packedPossible) {
      const end = reader.uint32() + reader.pos;
      while (reader.pos < end) {
        items.push(readScalar(reader));
      }
    } else {
      items.push(readScalar(reader));
    }
  };
}
function compileMapFieldReader(field) {
  const localName = field.localName;
  const readKey = compileScalarReader(field.mapKey, field.utf8Validation, false);
  const keyZero = scalarZeroValue(field.mapKey, false);
  let readValue;
  let valueDefault;
  switch (field.mapKind) {
    case "scalar": {
      const scalar = field.scalar;
      const readScalar = compileScalarReader(scalar, field.utf8Validation, false);
      readValue = (reader) => readScalar(reader);
      if (scalar == ScalarType.BYTES) {
        valueDefault = () => new Uint8Array(0);
      } else {
        const zero2 = scalarZeroValue(scalar, false);
        valueDefault = () => zero2;
      }
      break;
    }
    case "enum": {
      const zero2 = field.enum.values[0].number;
      readValue = (reader) => reader.int32();
      valueDefault = () => zero2;
      break;
    }
    case "message": {
      const { toMessage, toLocal } = localMessageMapper(field);
      const readChild = compiledReader(field.message).read;
      readValue = (reader, ctx, existing) => {
        const child = toMessage(existing);
        readChild(child, reader, ctx, reader.uint32());
        return toLocal(child);
      };
      valueDefault = () => toLocal(toMessage(void 0));
      break;
    }
  }
  return (message, reader, ctx) => {
    const record = message[localName];
    let key;
    let val;
    const len = reader.uint32();
    const end = reader.pos + len;
    while (reader.pos < end) {
      const [fieldNo, wireType] = reader.tag();
      switch (fieldNo) {
        case 1:
          key = readKey(reader);
          break;
        case 2:
          val = readValue(reader, ctx, val);
          break;
        default:
          reader.skip(wireType, fieldNo, ctx.recursionLimit - ctx.depth);
      }
    }
    if (key === void 0) {
      key = keyZero;
    }
    if (val === void 0) {
      val = valueDefault();
    }
    setOwn(record, key, val);
  };
}
function compileScalarReader(type, utf8Validation, longAsString) {
  switch (type) {
    case ScalarType.STRING:
      return (reader) => reader.string(utf8Validation);
    case ScalarType.BOOL:
      return (reader) => reader.bool();
    case ScalarType.DOUBLE:
      return (reader) => reader.double();
    case ScalarType.FLOAT:
      return (reader) => reader.float();
    case ScalarType.INT32:
      return (reader) => reader.int32();
    case ScalarType.INT64:
      if (longAsString) {
        return (reader) => String(reader.int64());
      }
      return (reader) => reader.int64();
    case ScalarType.UINT64:
      if (longAsString) {
        return (reader) => String(reader.uint64());
      }
      return (reader) => reader.uint64();
    case ScalarType.FIXED64:
      if (longAsString) {
        return (reader) => String(reader.fixed64());
      }
      return (reader) => reader.fixed64();
    case ScalarType.BYTES:
      return (reader) => reader.bytes();
    case ScalarType.FIXED32:
      return (reader) => reader.fixed32();
    case ScalarType.SFIXED32:
      return (reader) => reader.sfixed32();
    case ScalarType.SFIXED64:
      if (longAsString) {
        return (reader) => String(reader.sfixed64());
      }
      return (reader) => reader.sfixed64();
    case ScalarType.SINT64:
      if (longAsString) {
        return (reader) => String(reader.sint64());
      }
      return (reader) => reader.sint64();
    case ScalarType.UINT32:
      return (reader) => reader.uint32();
    case ScalarType.SINT32:
      return (reader) => reader.sint32();
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/codegenv2/file.js
function fileDesc(b64, imports) {
  var _a;
  const root = fromBinary(FileDescriptorProtoSchema, base64Decode(b64));
  root.messageType.forEach(restoreJsonNames);
  root.dependency = (_a = imports === null || imports === void 0 ? void 0 : imports.map((f) => f.proto.name)) !== null && _a !== void 0 ? _a : [];
  const reg = createEmbeddedFileRegistry(root, (protoFileName) => imports === null || imports === void 0 ? void 0 : imports.find((f) => f.proto.name === protoFileName));
  return reg.getFile(root.name);
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/timestamp_pb.js
var file_google_protobuf_timestamp = /* @__PURE__ */ fileDesc("Ch9nb29nbGUvcHJvdG9idWYvdGltZXN0YW1wLnByb3RvEg9nb29nbGUucHJvdG9idWYiKwoJVGltZXN0YW1wEg8KB3NlY29uZHMYASABKAMSDQoFbmFub3MYAiABKAVChQEKE2NvbS5nb29nbGUucHJvdG9idWZCDlRpbWVzdGFtcFByb3RvUAFaMmdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL3RpbWVzdGFtcHBi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
var TimestampSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_timestamp, 0);

// node_modules/@bufbuild/protobuf/dist/esm/wkt/timestamp.js
function timestampDate(timestamp) {
  return new Date(timestampMs(timestamp));
}
function timestampFromMs(timestampMs2) {
  const seconds = Math.floor(timestampMs2 / 1e3);
  return create(TimestampSchema, {
    seconds: protoInt64.parse(seconds),
    nanos: (timestampMs2 - seconds * 1e3) * 1e6
  });
}
function timestampMs(timestamp) {
  return Number(timestamp.seconds) * 1e3 + Math.round(timestamp.nanos / 1e6);
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/duration_pb.js
var file_google_protobuf_duration = /* @__PURE__ */ fileDesc("Ch5nb29nbGUvcHJvdG9idWYvZHVyYXRpb24ucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIqCghEdXJhdGlvbhIPCgdzZWNvbmRzGAEgASgDEg0KBW5hbm9zGAIgASgFQoMBChNjb20uZ29vZ2xlLnByb3RvYnVmQg1EdXJhdGlvblByb3RvUAFaMWdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2R1cmF0aW9ucGL4AQGiAgNHUEKqAh5Hb29nbGUuUHJvdG9idWYuV2VsbEtub3duVHlwZXNiBnByb3RvMw");
var DurationSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_duration, 0);

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/any_pb.js
var file_google_protobuf_any = /* @__PURE__ */ fileDesc("Chlnb29nbGUvcHJvdG9idWYvYW55LnByb3RvEg9nb29nbGUucHJvdG9idWYiJgoDQW55EhAKCHR5cGVfdXJsGAEgASgJEg0KBXZhbHVlGAIgASgMQnYKE2NvbS5nb29nbGUucHJvdG9idWZCCEFueVByb3RvUAFaLGdvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL2FueXBiogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
var AnySchema = /* @__PURE__ */ messageDesc(file_google_protobuf_any, 0);

// node_modules/@bufbuild/protobuf/dist/esm/to-binary.js
var IMPLICIT4 = 2;
var LEGACY_REQUIRED2 = 3;
var writeDefaults = {
  writeUnknownFields: true
};
function makeWriteOptions(options) {
  return options ? Object.assign(Object.assign({}, writeDefaults), options) : writeDefaults;
}
function toBinary(schema, message, options) {
  const writer = new BinaryWriter();
  compiledWriter(schema)(writer, makeWriteOptions(options), message);
  return writer.finish();
}
var compiledWriters = /* @__PURE__ */ new WeakMap();
function compiledWriter(desc) {
  let compiled = compiledWriters.get(desc);
  if (compiled === void 0) {
    compiled = compileMessage2(desc);
  }
  return compiled;
}
function compileMessage2(desc) {
  const typeName = desc.typeName;
  const sortedFields = desc.fields.concat().sort((a, b) => a.number - b.number);
  const foreignField = sortedFields[0];
  const fieldWriters = [];
  const compiled = (writer, opts, message) => {
    if (message.$typeName !== typeName && foreignField !== void 0) {
      throw new FieldError(foreignField, `cannot use ${foreignField} with message ${message.$typeName}`, "ForeignFieldError");
    }
    for (let i = 0; i < fieldWriters.length; i++) {
      fieldWriters[i](writer, opts, message);
    }
    const unknown = message.$unknown;
    if (unknown !== void 0 && opts.writeUnknownFields) {
      for (let i = 0; i < unknown.length; i++) {
        const { no, wireType, data } = unknown[i];
        writer.tag(no, wireType).raw(data);
      }
    }
  };
  compiledWriters.set(desc, compiled);
  for (const field of sortedFields) {
    fieldWriters.push(compileField(field));
  }
  return compiled;
}
function compileField(field) {
  switch (field.fieldKind) {
    case "message":
    case "scalar":
    case "enum":
      return compileSingularField(field);
    case "list":
      return compileListField(field);
    case "map":
      return compileMapField(field);
  }
}
function compileSingularField(field) {
  const writeValue = compileSingularValue(field);
  const localName = field.localName;
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (writer, opts, message) => {
      const oneof = message[oneofLocalName];
      if (oneof.case === localName) {
        writeValue(writer, opts, oneof.value);
      }
    };
  }
  if (field.presence != IMPLICIT4) {
    const requiredError = field.presence == LEGACY_REQUIRED2 ? `cannot encode ${field} to binary: required field not set` : void 0;
    return (writer, opts, message) => {
      const value = message[localName];
      if (value !== void 0 && Object.prototype.hasOwnProperty.call(message, localName)) {
        writeValue(writer, opts, value);
      } else if (requiredError !== void 0) {
        throw new Error(requiredError);
      }
    };
  }
  if (field.fieldKind == "enum") {
    const zero2 = field.enum.values[0].number;
    return (writer, opts, message) => {
      const value = message[localName];
      if (value !== zero2) {
        writeValue(writer, opts, value);
      }
    };
  }
  switch (field.scalar) {
    case ScalarType.BOOL:
      return (writer, opts, message) => {
        const value = message[localName];
        if (value !== false) {
          writeValue(writer, opts, value);
        }
      };
    case ScalarType.STRING:
      return (writer, opts, message) => {
        const value = message[localName];
        if (value !== "") {
          writeValue(writer, opts, value);
        }
      };
    case ScalarType.BYTES:
      return (writer, opts, message) => {
        const value = message[localName];
        if (!(value instanceof Uint8Array) || value.byteLength > 0) {
          writeValue(writer, opts, value);
        }
      };
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return (writer, opts, message) => {
        const value = message[localName];
        if (!Object.is(value, 0)) {
          writeValue(writer, opts, value);
        }
      };
    default:
      return (writer, opts, message) => {
        const value = message[localName];
        if (value != 0) {
          writeValue(writer, opts, value);
        }
      };
  }
}
function compileSingularValue(field) {
  switch (field.fieldKind) {
    case "message": {
      const { toMessage } = localMessageMapper(field);
      const writeChild = compileChildWriter(field);
      return (writer, opts, value) => {
        writeChild(writer, opts, toMessage(value));
      };
    }
    case "scalar":
    case "enum": {
      const scalarType = field.fieldKind == "enum" ? ScalarType.INT32 : field.scalar;
      const fieldNo = field.number;
      const wireType = writeTypeOfScalar(scalarType);
      const writeScalar = compileScalarValue(scalarType, field.parent.typeName, field.name);
      return (writer, opts, value) => {
        writer.tag(fieldNo, wireType);
        writeScalar(writer, value);
      };
    }
  }
}
function compileListField(field) {
  const localName = field.localName;
  const fieldNo = field.number;
  switch (field.listKind) {
    case "message": {
      const { toMessage } = localMessageMapper(field);
      const writeChild = compileChildWriter(field);
      return (writer, opts, message) => {
        const items = message[localName];
        for (let i = 0; i < items.length; i++) {
          writeChild(writer, opts, toMessage(items[i]));
        }
      };
    }
    case "scalar":
    case "enum": {
      const scalarType = field.listKind == "enum" ? ScalarType.INT32 : field.scalar;
      const writeScalar = compileScalarValue(scalarType, field.parent.typeName, field.name);
      if (field.packed) {
        return (writer, opts, message) => {
          const items = message[localName];
          if (items.length == 0) {
            return;
          }
          writer.tag(fieldNo, WireType.LengthDelimited).fork();
          for (let i = 0; i < items.length; i++) {
            writeScalar(writer, items[i]);
          }
          writer.join();
        };
      }
      const wireType = writeTypeOfScalar(scalarType);
      return (writer, opts, message) => {
        const items = message[localName];
        for (let i = 0; i < items.length; i++) {
          writer.tag(fieldNo, wireType);
          writeScalar(writer, items[i]);
        }
      };
    }
  }
}
function compileMapField(field) {
  const localName = field.localName;
  const fieldNo = field.number;
  const writeKey = compileMapKey(field);
  if (field.mapKind == "message") {
    const { toMessage } = localMessageMapper(field);
    const writeMessage = compiledWriter(field.message);
    return (writer, opts, message) => {
      const record = message[localName];
      const keys = Object.keys(record);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        writer.tag(fieldNo, WireType.LengthDelimited).fork();
        writeKey(writer, key);
        writer.tag(2, WireType.LengthDelimited).fork();
        writeMessage(writer, opts, toMessage(record[key]));
        writer.join();
        writer.join();
      }
    };
  }
  const scalarType = field.mapKind == "enum" ? ScalarType.INT32 : field.scalar;
  const valueWireType = writeTypeOfScalar(scalarType);
  const writeScalar = compileScalarValue(scalarType, field.parent.typeName, field.name);
  return (writer, opts, message) => {
    const record = message[localName];
    const keys = Object.keys(record);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      writer.tag(fieldNo, WireType.LengthDelimited).fork();
      writeKey(writer, key);
      writer.tag(2, valueWireType);
      writeScalar(writer, record[key]);
      writer.join();
    }
  };
}
function compileMapKey(field) {
  const wireType = writeTypeOfScalar(field.mapKey);
  const writeScalar = compileScalarValue(field.mapKey, field.parent.typeName, field.name);
  const convertKey = compileMapKeyConverter(field.mapKey);
  return (writer, key) => {
    writer.tag(1, wireType);
    writeScalar(writer, convertKey(key));
  };
}
function compileMapKeyConverter(type) {
  switch (type) {
    case ScalarType.STRING:
      return (key) => key;
    case ScalarType.BOOL:
      return (key) => key === "true" ? true : key === "false" ? false : key;
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return (key) => {
        try {
          return protoInt64.uParse(key);
        } catch (_a) {
          return key;
        }
      };
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return (key) => {
        try {
          return protoInt64.parse(key);
        } catch (_a) {
          return key;
        }
      };
    default:
      return (key) => {
        const n2 = Number.parseInt(key);
        return Number.isFinite(n2) ? n2 : key;
      };
  }
}
function compileScalarValue(type, messageName, fieldName) {
  const writeScalar = compileScalarWrite(type);
  return (writer, value) => {
    try {
      writeScalar(writer, value);
    } catch (e) {
      if (e instanceof Error) {
        throw new Error(`cannot encode field ${messageName}.${fieldName} to binary: ${e.message}`);
      }
      throw e;
    }
  };
}
function compileScalarWrite(type) {
  switch (type) {
    case ScalarType.STRING:
      return (writer, value) => writer.string(value);
    case ScalarType.BOOL:
      return (writer, value) => writer.bool(value);
    case ScalarType.DOUBLE:
      return (writer, value) => writer.double(value);
    case ScalarType.FLOAT:
      return (writer, value) => writer.float(value);
    case ScalarType.INT32:
      return (writer, value) => writer.int32(value);
    case ScalarType.INT64:
      return (writer, value) => writer.int64(value);
    case ScalarType.UINT64:
      return (writer, value) => writer.uint64(value);
    case ScalarType.FIXED64:
      return (writer, value) => writer.fixed64(value);
    case ScalarType.BYTES:
      return (writer, value) => writer.bytes(value);
    case ScalarType.FIXED32:
      return (writer, value) => writer.fixed32(value);
    case ScalarType.SFIXED32:
      return (writer, value) => writer.sfixed32(value);
    case ScalarType.SFIXED64:
      return (writer, value) => writer.sfixed64(value);
    case ScalarType.SINT64:
      return (writer, value) => writer.sint64(value);
    case ScalarType.UINT32:
      return (writer, value) => writer.uint32(value);
    case ScalarType.SINT32:
      return (writer, value) => writer.sint32(value);
  }
}
function writeField(writer, opts, msg, field) {
  compileField(field)(writer, opts, msg[unsafeLocal]);
}
function compileChildWriter(field) {
  const fieldNo = field.number;
  const writeMessage = compiledWriter(field.message);
  if (field.delimitedEncoding) {
    return (writer, opts, child) => {
      writer.tag(fieldNo, WireType.StartGroup);
      writeMessage(writer, opts, child);
      writer.tag(fieldNo, WireType.EndGroup);
    };
  }
  return (writer, opts, child) => {
    writer.tag(fieldNo, WireType.LengthDelimited).fork();
    writeMessage(writer, opts, child);
    writer.join();
  };
}
function writeTypeOfScalar(type) {
  switch (type) {
    case ScalarType.BYTES:
    case ScalarType.STRING:
      return WireType.LengthDelimited;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return WireType.Bit64;
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
    case ScalarType.FLOAT:
      return WireType.Bit32;
    default:
      return WireType.Varint;
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/any.js
function anyPack(schema, message, into) {
  let ret = false;
  if (!into) {
    into = create(AnySchema);
    ret = true;
  }
  into.value = toBinary(schema, message);
  into.typeUrl = typeNameToUrl(message.$typeName);
  return ret ? into : void 0;
}
function anyIs(any, descOrTypeName) {
  if (any.typeUrl === "") {
    return false;
  }
  const want = typeof descOrTypeName == "string" ? descOrTypeName : descOrTypeName.typeName;
  const got = typeUrlToName(any.typeUrl);
  return want === got;
}
function anyUnpack(any, registryOrMessageDesc) {
  if (any.typeUrl === "") {
    return void 0;
  }
  const desc = registryOrMessageDesc.kind == "message" ? registryOrMessageDesc : registryOrMessageDesc.getMessage(typeUrlToName(any.typeUrl));
  if (!desc || !anyIs(any, desc)) {
    return void 0;
  }
  return fromBinary(desc, any.value);
}
function typeNameToUrl(name) {
  return `type.googleapis.com/${name}`;
}
function typeUrlToName(url) {
  const slash = url.lastIndexOf("/");
  const name = slash >= 0 ? url.substring(slash + 1) : url;
  if (!name.length) {
    throw new Error(`invalid type url: ${url}`);
  }
  return name;
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/struct_pb.js
var file_google_protobuf_struct = /* @__PURE__ */ fileDesc("Chxnb29nbGUvcHJvdG9idWYvc3RydWN0LnByb3RvEg9nb29nbGUucHJvdG9idWYihAEKBlN0cnVjdBIzCgZmaWVsZHMYASADKAsyIy5nb29nbGUucHJvdG9idWYuU3RydWN0LkZpZWxkc0VudHJ5GkUKC0ZpZWxkc0VudHJ5EgsKA2tleRgBIAEoCRIlCgV2YWx1ZRgCIAEoCzIWLmdvb2dsZS5wcm90b2J1Zi5WYWx1ZToCOAEi6gEKBVZhbHVlEjAKCm51bGxfdmFsdWUYASABKA4yGi5nb29nbGUucHJvdG9idWYuTnVsbFZhbHVlSAASFgoMbnVtYmVyX3ZhbHVlGAIgASgBSAASFgoMc3RyaW5nX3ZhbHVlGAMgASgJSAASFAoKYm9vbF92YWx1ZRgEIAEoCEgAEi8KDHN0cnVjdF92YWx1ZRgFIAEoCzIXLmdvb2dsZS5wcm90b2J1Zi5TdHJ1Y3RIABIwCgpsaXN0X3ZhbHVlGAYgASgLMhouZ29vZ2xlLnByb3RvYnVmLkxpc3RWYWx1ZUgAQgYKBGtpbmQiMwoJTGlzdFZhbHVlEiYKBnZhbHVlcxgBIAMoCzIWLmdvb2dsZS5wcm90b2J1Zi5WYWx1ZSobCglOdWxsVmFsdWUSDgoKTlVMTF9WQUxVRRAAQn8KE2NvbS5nb29nbGUucHJvdG9idWZCC1N0cnVjdFByb3RvUAFaL2dvb2dsZS5nb2xhbmcub3JnL3Byb3RvYnVmL3R5cGVzL2tub3duL3N0cnVjdHBi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
var StructSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_struct, 0);
var ValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_struct, 1);
var ListValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_struct, 2);
var NullValue;
(function(NullValue2) {
  NullValue2[NullValue2["NULL_VALUE"] = 0] = "NULL_VALUE";
})(NullValue || (NullValue = {}));

// node_modules/@bufbuild/protobuf/dist/esm/wkt/google/protobuf/wrappers_pb.js
var file_google_protobuf_wrappers = /* @__PURE__ */ fileDesc("Ch5nb29nbGUvcHJvdG9idWYvd3JhcHBlcnMucHJvdG8SD2dvb2dsZS5wcm90b2J1ZiIcCgtEb3VibGVWYWx1ZRINCgV2YWx1ZRgBIAEoASIbCgpGbG9hdFZhbHVlEg0KBXZhbHVlGAEgASgCIhsKCkludDY0VmFsdWUSDQoFdmFsdWUYASABKAMiHAoLVUludDY0VmFsdWUSDQoFdmFsdWUYASABKAQiGwoKSW50MzJWYWx1ZRINCgV2YWx1ZRgBIAEoBSIcCgtVSW50MzJWYWx1ZRINCgV2YWx1ZRgBIAEoDSIaCglCb29sVmFsdWUSDQoFdmFsdWUYASABKAgiHAoLU3RyaW5nVmFsdWUSDQoFdmFsdWUYASABKAkiGwoKQnl0ZXNWYWx1ZRINCgV2YWx1ZRgBIAEoDEKDAQoTY29tLmdvb2dsZS5wcm90b2J1ZkINV3JhcHBlcnNQcm90b1ABWjFnb29nbGUuZ29sYW5nLm9yZy9wcm90b2J1Zi90eXBlcy9rbm93bi93cmFwcGVyc3Bi+AEBogIDR1BCqgIeR29vZ2xlLlByb3RvYnVmLldlbGxLbm93blR5cGVzYgZwcm90bzM");
var DoubleValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 0);
var FloatValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 1);
var Int64ValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 2);
var UInt64ValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 3);
var Int32ValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 4);
var UInt32ValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 5);
var BoolValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 6);
var StringValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 7);
var BytesValueSchema = /* @__PURE__ */ messageDesc(file_google_protobuf_wrappers, 8);

// node_modules/@bufbuild/protobuf/dist/esm/extensions.js
function getExtension(message, extension, options) {
  assertExtendee(extension, message);
  const ufs = filterUnknownFields(message.$unknown, extension);
  const [container, field, get] = createExtensionContainer(extension);
  const ctx = makeReadContext(options);
  for (const uf of ufs) {
    readField(container, new BinaryReader(uf.data), field, uf.wireType, ctx);
  }
  return get();
}
function setExtension(message, extension, value) {
  var _a;
  assertExtendee(extension, message);
  const ufs = ((_a = message.$unknown) !== null && _a !== void 0 ? _a : []).filter((uf) => uf.no !== extension.number);
  const [container, field] = createExtensionContainer(extension, value);
  const writer = new BinaryWriter();
  writeField(writer, { writeUnknownFields: true }, container, field);
  const reader = new BinaryReader(writer.finish());
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    const data = reader.skip(wireType, no);
    ufs.push({ no, wireType, data });
  }
  message.$unknown = ufs;
}
function filterUnknownFields(unknownFields, extension) {
  if (unknownFields === void 0)
    return [];
  if (extension.fieldKind === "enum" || extension.fieldKind === "scalar") {
    for (let i = unknownFields.length - 1; i >= 0; --i) {
      if (unknownFields[i].no == extension.number) {
        return [unknownFields[i]];
      }
    }
    return [];
  }
  return unknownFields.filter((uf) => uf.no === extension.number);
}
function createExtensionContainer(extension, value) {
  const localName = extension.typeName;
  const field = Object.assign(Object.assign({}, extension), { kind: "field", parent: extension.extendee, localName });
  const desc = Object.assign(Object.assign({}, extension.extendee), { fields: [field], members: [field], oneofs: [] });
  const container = create(desc, value !== void 0 ? { [localName]: value } : void 0);
  return [
    reflect(desc, container),
    field,
    () => {
      const value2 = container[localName];
      if (value2 === void 0) {
        const desc2 = extension.message;
        if (isWrapperDesc(desc2)) {
          return scalarZeroValue(desc2.fields[0].scalar, desc2.fields[0].longAsString);
        }
        return create(desc2);
      }
      return value2;
    }
  ];
}
function assertExtendee(extension, message) {
  if (extension.extendee.typeName != message.$typeName) {
    throw new Error(`extension ${extension.typeName} can only be applied to message ${extension.extendee.typeName}`);
  }
}

// node_modules/@bufbuild/protobuf/dist/esm/equals.js
function equals(schema, a, b, options) {
  if (a.$typeName != schema.typeName || b.$typeName != schema.typeName) {
    return false;
  }
  if (a === b) {
    return true;
  }
  return reflectEquals(reflect(schema, a), reflect(schema, b), options);
}
function reflectEquals(a, b, opts) {
  if (a.desc.typeName === "google.protobuf.Any" && (opts === null || opts === void 0 ? void 0 : opts.unpackAny) == true) {
    return anyUnpackedEquals(a.message, b.message, opts);
  }
  for (const f of a.fields) {
    if (!fieldEquals(f, a, b, opts)) {
      return false;
    }
  }
  if ((opts === null || opts === void 0 ? void 0 : opts.unknown) == true && !unknownEquals(a, b, opts.registry)) {
    return false;
  }
  if ((opts === null || opts === void 0 ? void 0 : opts.extensions) == true && !extensionsEquals(a, b, opts)) {
    return false;
  }
  return true;
}
function fieldEquals(f, a, b, opts) {
  if (!a.isSet(f) && !b.isSet(f)) {
    return true;
  }
  if (!a.isSet(f) || !b.isSet(f)) {
    return false;
  }
  switch (f.fieldKind) {
    case "scalar":
      return scalarEquals(f.scalar, a.get(f), b.get(f));
    case "enum":
      return a.get(f) === b.get(f);
    case "message":
      return reflectEquals(a.get(f), b.get(f), opts);
    case "map": {
      const mapA = a.get(f);
      const mapB = b.get(f);
      const keys = [];
      for (const k of mapA.keys()) {
        if (!mapB.has(k)) {
          return false;
        }
        keys.push(k);
      }
      for (const k of mapB.keys()) {
        if (!mapA.has(k)) {
          return false;
        }
      }
      for (const key of keys) {
        const va = mapA.get(key);
        const vb = mapB.get(key);
        if (va === vb) {
          continue;
        }
        switch (f.mapKind) {
          case "enum":
            return false;
          case "message":
            if (!reflectEquals(va, vb, opts)) {
              return false;
            }
            break;
          case "scalar":
            if (!scalarEquals(f.scalar, va, vb)) {
              return false;
            }
            break;
        }
      }
      break;
    }
    case "list": {
      const listA = a.get(f);
      const listB = b.get(f);
      if (listA.size != listB.size) {
        return false;
      }
      for (let i = 0; i < listA.size; i++) {
        const va = listA.get(i);
        const vb = listB.get(i);
        if (va === vb) {
          continue;
        }
        switch (f.listKind) {
          case "enum":
            return false;
          case "message":
            if (!reflectEquals(va, vb, opts)) {
              return false;
            }
            break;
          case "scalar":
            if (!scalarEquals(f.scalar, va, vb)) {
              return false;
            }
            break;
        }
      }
      break;
    }
  }
  return true;
}
function anyUnpackedEquals(a, b, opts) {
  if (a.typeUrl !== b.typeUrl) {
    return false;
  }
  const unpackedA = anyUnpack(a, opts.registry);
  const unpackedB = anyUnpack(b, opts.registry);
  if (unpackedA && unpackedB) {
    const schema = opts.registry.getMessage(unpackedA.$typeName);
    if (schema) {
      return equals(schema, unpackedA, unpackedB, opts);
    }
  }
  return scalarEquals(ScalarType.BYTES, a.value, b.value);
}
function unknownEquals(a, b, registry) {
  function getTrulyUnknown(msg, registry2) {
    var _a;
    const u = (_a = msg.getUnknown()) !== null && _a !== void 0 ? _a : [];
    return registry2 ? u.filter((uf) => !registry2.getExtensionFor(msg.desc, uf.no)) : u;
  }
  const unknownA = getTrulyUnknown(a, registry);
  const unknownB = getTrulyUnknown(b, registry);
  if (unknownA.length != unknownB.length) {
    return false;
  }
  for (let i = 0; i < unknownA.length; i++) {
    const a2 = unknownA[i];
    const b2 = unknownB[i];
    if (a2.no != b2.no) {
      return false;
    }
    if (a2.wireType != b2.wireType) {
      return false;
    }
    if (!scalarEquals(ScalarType.BYTES, a2.data, b2.data)) {
      return false;
    }
  }
  return true;
}
function extensionsEquals(a, b, opts) {
  function getSetExtensions(msg, registry) {
    var _a;
    return ((_a = msg.getUnknown()) !== null && _a !== void 0 ? _a : []).map((uf) => registry.getExtensionFor(msg.desc, uf.no)).filter((e) => e != void 0).filter((e, index, arr2) => arr2.indexOf(e) === index);
  }
  const extensionsA = getSetExtensions(a, opts.registry);
  const extensionsB = getSetExtensions(b, opts.registry);
  if (extensionsA.length != extensionsB.length || extensionsA.some((e) => !extensionsB.includes(e))) {
    return false;
  }
  for (const extension of extensionsA) {
    const [containerA, field] = createExtensionContainer(extension, getExtension(a.message, extension));
    const [containerB] = createExtensionContainer(extension, getExtension(b.message, extension));
    if (!fieldEquals(field, containerA, containerB, opts)) {
      return false;
    }
  }
  return true;
}

// node_modules/@bufbuild/protobuf/dist/esm/wkt/json.js
var timestampMsMin = /* @__PURE__ */ Date.parse("0001-01-01T00:00:00Z");
var timestampMsMax = /* @__PURE__ */ Date.parse("9999-12-31T23:59:59Z");
var durationSecondsMin = -315576e6;
var durationSecondsMax = 315576e6;

// node_modules/@bufbuild/protobuf/dist/esm/to-json.js
var LEGACY_REQUIRED3 = 3;
var IMPLICIT5 = 2;
var jsonWriteDefaults = {
  alwaysEmitImplicit: false,
  enumAsInteger: false,
  useProtoFieldName: false
};
function makeWriteOptions2(options) {
  return options ? Object.assign(Object.assign({}, jsonWriteDefaults), options) : jsonWriteDefaults;
}
function toJson(schema, message, options) {
  return compiledWriter2(schema)(makeWriteOptions2(options), message);
}
var compiledWriters2 = /* @__PURE__ */ new WeakMap();
function compiledWriter2(desc) {
  let compiled = compiledWriters2.get(desc);
  if (compiled === void 0) {
    compiled = compileMessage3(desc);
  }
  return compiled;
}
function compileMessage3(desc) {
  const typeName = desc.typeName;
  const writeWkt = compileWkt(desc);
  if (writeWkt !== void 0) {
    const foreignField2 = desc.fields[0];
    const compiledWriter4 = (opts, message) => {
      if (message.$typeName !== typeName && foreignField2 !== void 0) {
        throw new FieldError(foreignField2, `cannot use ${foreignField2} with message ${message.$typeName}`, "ForeignFieldError");
      }
      return writeWkt(opts, message);
    };
    compiledWriters2.set(desc, compiledWriter4);
    return compiledWriter4;
  }
  const sortedFields = desc.fields.concat().sort((a, b) => a.number - b.number);
  const foreignField = sortedFields[0];
  const fieldWriters = [];
  const compiledWriter3 = (opts, message) => {
    if (message.$typeName !== typeName && foreignField !== void 0) {
      throw new FieldError(foreignField, `cannot use ${foreignField} with message ${message.$typeName}`, "ForeignFieldError");
    }
    const json = {};
    for (let i = 0; i < fieldWriters.length; i++) {
      fieldWriters[i](opts, message, json);
    }
    if (opts.registry) {
      writeExtensions(json, opts, opts.registry, message, desc);
    }
    return json;
  };
  compiledWriters2.set(desc, compiledWriter3);
  for (const field of sortedFields) {
    const writeField2 = compileField2(field);
    fieldWriters.push(field.jsonName === "__proto__" || field.name === "__proto__" ? writeOwnKeys(writeField2) : writeField2);
  }
  return compiledWriter3;
}
function writeOwnKeys(writeField2) {
  return (opts, message, json) => {
    const tmp = /* @__PURE__ */ Object.create(null);
    writeField2(opts, message, tmp);
    for (const key of Object.keys(tmp)) {
      setOwn(json, key, tmp[key]);
    }
  };
}
function compileWkt(desc) {
  if (!desc.typeName.startsWith("google.protobuf.")) {
    return void 0;
  }
  switch (desc.typeName) {
    case "google.protobuf.Any":
      return (opts, message) => anyToJson(message, opts);
    case "google.protobuf.Timestamp":
      return (opts, message) => timestampToJson(message);
    case "google.protobuf.Duration":
      return (opts, message) => durationToJson(message);
    case "google.protobuf.FieldMask":
      return (opts, message) => fieldMaskToJson(message);
    case "google.protobuf.Struct":
      return (opts, message) => structToJson(message);
    case "google.protobuf.Value":
      return (opts, message) => valueToJson(message);
    case "google.protobuf.ListValue":
      return (opts, message) => listValueToJson(message);
    default:
      if (isWrapperDesc(desc)) {
        const valueField = desc.fields[0];
        const localName = valueField.localName;
        const zero2 = scalarZeroValue(valueField.scalar, false);
        const writeScalar = compileScalarValue2(valueField);
        return (opts, message) => {
          const value = message[localName];
          return writeScalar(opts, value === void 0 ? zero2 : value);
        };
      }
      return void 0;
  }
}
function compileField2(field) {
  switch (field.fieldKind) {
    case "scalar":
    case "enum":
    case "message":
      return compileSingularField2(field);
    case "list":
    case "map": {
      const writeValue = field.fieldKind == "list" ? compileListValue(field) : compileMapValue(field);
      const protoName = field.name;
      const jsonKey = field.jsonName;
      const localName = field.localName;
      return (opts, message, json) => {
        const value = writeValue(opts, message[localName]);
        if (value !== void 0) {
          json[opts.useProtoFieldName ? protoName : jsonKey] = value;
        }
      };
    }
  }
}
function compileSingularField2(field) {
  const writeValue = compileSingularValue2(field);
  const protoName = field.name;
  const jsonKey = field.jsonName;
  const localName = field.localName;
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (opts, message, json) => {
      const oneof = message[oneofLocalName];
      if (oneof.case === localName) {
        json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, oneof.value);
      }
    };
  }
  if (field.presence != IMPLICIT5) {
    const requiredError = field.presence == LEGACY_REQUIRED3 ? `cannot encode ${field} to JSON: required field not set` : void 0;
    return (opts, message, json) => {
      const value = message[localName];
      if (value !== void 0 && Object.prototype.hasOwnProperty.call(message, localName)) {
        json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
      } else if (requiredError !== void 0) {
        throw new Error(requiredError);
      }
    };
  }
  if (field.fieldKind == "enum") {
    const zero2 = field.enum.values[0].number;
    return (opts, message, json) => {
      const value = message[localName];
      if (value !== zero2 || opts.alwaysEmitImplicit) {
        json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
      }
    };
  }
  switch (field.scalar) {
    case ScalarType.BOOL:
      return (opts, message, json) => {
        const value = message[localName];
        if (value !== false || opts.alwaysEmitImplicit) {
          json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
        }
      };
    case ScalarType.STRING:
      return (opts, message, json) => {
        const value = message[localName];
        if (value !== "" || opts.alwaysEmitImplicit) {
          json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
        }
      };
    case ScalarType.BYTES:
      return (opts, message, json) => {
        const value = message[localName];
        if (!(value instanceof Uint8Array) || value.byteLength > 0 || opts.alwaysEmitImplicit) {
          json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
        }
      };
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return (opts, message, json) => {
        const value = message[localName];
        if (!Object.is(value, 0) || opts.alwaysEmitImplicit) {
          json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
        }
      };
    default:
      return (opts, message, json) => {
        const value = message[localName];
        if (value != 0 || opts.alwaysEmitImplicit) {
          json[opts.useProtoFieldName ? protoName : jsonKey] = writeValue(opts, value);
        }
      };
  }
}
function compileFieldValue(field) {
  switch (field.fieldKind) {
    case "scalar":
    case "enum":
    case "message":
      return compileSingularValue2(field);
    case "list":
      return compileListValue(field);
    case "map":
      return compileMapValue(field);
  }
}
function compileSingularValue2(field) {
  switch (field.fieldKind) {
    case "scalar":
      return compileScalarValue2(field);
    case "enum":
      return compileEnumValue(field);
    case "message":
      return compileMessageValue(field);
  }
}
function compileMessageValue(field) {
  const { toMessage } = localMessageMapper(field);
  const writeMessage = compiledWriter2(field.message);
  return (opts, value) => writeMessage(opts, toMessage(value));
}
function compileListValue(field) {
  const writeItem = compileListItemValue(field);
  return (opts, value) => {
    const items = value;
    if (items.length == 0 && !opts.alwaysEmitImplicit) {
      return void 0;
    }
    const jsonArray = [];
    for (let i = 0; i < items.length; i++) {
      jsonArray.push(writeItem(opts, items[i]));
    }
    return jsonArray;
  };
}
function compileListItemValue(field) {
  switch (field.listKind) {
    case "scalar":
      return compileScalarValue2(field);
    case "enum":
      return compileEnumValue(field);
    case "message":
      return compileMessageValue(field);
  }
}
function compileMapValue(field) {
  const writeMapValue = compileMapEntryValue(field);
  return (opts, value) => {
    const record = value;
    const keys = Object.keys(record);
    if (keys.length == 0 && !opts.alwaysEmitImplicit) {
      return void 0;
    }
    const jsonObject = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      setOwn(jsonObject, key, writeMapValue(opts, record[key]));
    }
    return jsonObject;
  };
}
function compileMapEntryValue(field) {
  switch (field.mapKind) {
    case "scalar":
      return compileScalarValue2(field);
    case "enum":
      return compileEnumValue(field);
    case "message":
      return compileMessageValue(field);
  }
}
function compileEnumValue(field) {
  const desc = field.enum;
  if (desc.typeName == "google.protobuf.NullValue") {
    return (opts, value) => {
      if (typeof value != "number") {
        throw errorEnumValue(desc, value);
      }
      return null;
    };
  }
  return (opts, value) => {
    var _a, _b;
    if (typeof value != "number") {
      throw errorEnumValue(desc, value);
    }
    if (opts.enumAsInteger) {
      return value;
    }
    return (_b = (_a = desc.value[value]) === null || _a === void 0 ? void 0 : _a.jsonName) !== null && _b !== void 0 ? _b : value;
  };
}
function errorEnumValue(desc, value) {
  return new Error(`cannot encode ${desc} to JSON: expected number, got ${formatVal(value)}`);
}
function compileScalarValue2(field) {
  switch (field.scalar) {
    // int32, fixed32, uint32: JSON value will be a decimal number. Either numbers or strings are accepted.
    case ScalarType.INT32:
    case ScalarType.SFIXED32:
    case ScalarType.SINT32:
    case ScalarType.FIXED32:
    case ScalarType.UINT32:
      return (opts, value) => {
        if (typeof value != "number") {
          throw errorScalarValue(field, value);
        }
        return value;
      };
    // float, double: JSON value will be a number or one of the special string values "NaN", "Infinity", and "-Infinity".
    // Either numbers or strings are accepted. Exponent notation is also accepted.
    case ScalarType.FLOAT:
    case ScalarType.DOUBLE:
      return (opts, value) => {
        if (typeof value != "number") {
          throw errorScalarValue(field, value);
        }
        if (Number.isNaN(value))
          return "NaN";
        if (value === Number.POSITIVE_INFINITY)
          return "Infinity";
        if (value === Number.NEGATIVE_INFINITY)
          return "-Infinity";
        return value;
      };
    // string:
    case ScalarType.STRING:
      return (opts, value) => {
        if (typeof value != "string") {
          throw errorScalarValue(field, value);
        }
        return value;
      };
    // bool:
    case ScalarType.BOOL:
      return (opts, value) => {
        if (typeof value != "boolean") {
          throw errorScalarValue(field, value);
        }
        return value;
      };
    // JSON value will be a decimal string. Either numbers or strings are accepted.
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return (opts, value) => {
        if (typeof value == "bigint" || typeof value == "string" || typeof value == "number" && Number.isInteger(value)) {
          return value.toString();
        }
        throw errorScalarValue(field, value);
      };
    // bytes: JSON value will be the data encoded as a string using standard base64 encoding with paddings.
    // Either standard or URL-safe base64 encoding with/without paddings are accepted.
    case ScalarType.BYTES:
      return (opts, value) => {
        if (value instanceof Uint8Array) {
          return base64Encode(value);
        }
        throw errorScalarValue(field, value);
      };
  }
}
function errorScalarValue(field, value) {
  var _a;
  return new Error(`cannot encode ${field} to JSON: ${(_a = checkField(field, value)) === null || _a === void 0 ? void 0 : _a.message}`);
}
function writeExtensions(json, opts, registry, message, desc) {
  const unknown = message.$unknown;
  if (unknown === void 0) {
    return;
  }
  const tagSeen = /* @__PURE__ */ new Set();
  for (let i = 0; i < unknown.length; i++) {
    const { no } = unknown[i];
    if (!tagSeen.has(no)) {
      tagSeen.add(no);
      const extension = registry.getExtensionFor(desc, no);
      if (!extension) {
        continue;
      }
      const value = getExtension(message, extension);
      const [container, field] = createExtensionContainer(extension, value);
      const local = container[unsafeLocal];
      const jsonValue = compileFieldValue(field)(opts, local[field.localName]);
      if (jsonValue !== void 0) {
        json[extension.jsonName] = jsonValue;
      }
    }
  }
}
function anyToJson(val, opts) {
  if (val.typeUrl === "") {
    return {};
  }
  const { registry } = opts;
  let message;
  let desc;
  if (registry) {
    message = anyUnpack(val, registry);
    if (message) {
      desc = registry.getMessage(message.$typeName);
    }
  }
  if (!desc || !message) {
    throw new Error(`cannot encode message ${val.$typeName} to JSON: "${val.typeUrl}" is not in the type registry`);
  }
  const json = hasCustomJsonRepresentation(desc) ? {
    value: compiledWriter2(desc)(opts, message)
  } : compiledWriter2(desc)(opts, message);
  json["@type"] = val.typeUrl;
  return json;
}
function durationToJson(val) {
  const seconds = Number(val.seconds);
  const nanos = val.nanos;
  if (seconds > durationSecondsMax || seconds < durationSecondsMin) {
    throw new Error(`cannot encode message ${val.$typeName} to JSON: value out of range`);
  }
  if (seconds > 0 && nanos < 0 || seconds < 0 && nanos > 0) {
    throw new Error(`cannot encode message ${val.$typeName} to JSON: nanos sign must match seconds sign`);
  }
  let text = val.seconds.toString();
  if (nanos !== 0) {
    let nanosStr = Math.abs(nanos).toString();
    nanosStr = "0".repeat(9 - nanosStr.length) + nanosStr;
    if (nanosStr.substring(3) === "000000") {
      nanosStr = nanosStr.substring(0, 3);
    } else if (nanosStr.substring(6) === "000") {
      nanosStr = nanosStr.substring(0, 6);
    }
    text += "." + nanosStr;
    if (nanos < 0 && seconds == 0) {
      text = "-" + text;
    }
  }
  return text + "s";
}
function fieldMaskToJson(val) {
  return val.paths.map((p) => {
    if (protoSnakeCase(protoCamelCase(p)) !== p) {
      throw new Error(`cannot encode message ${val.$typeName} to JSON: lowerCamelCase of path name "${p}" is irreversible`);
    }
    return protoCamelCase(p);
  }).join(",");
}
function structToJson(val) {
  const json = {};
  const keys = Object.keys(val.fields);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    setOwn(json, key, valueToJson(val.fields[key]));
  }
  return json;
}
function valueToJson(val) {
  switch (val.kind.case) {
    case "nullValue":
      return null;
    case "numberValue":
      if (!Number.isFinite(val.kind.value)) {
        throw new Error(`${val.$typeName} cannot be NaN or Infinity`);
      }
      return val.kind.value;
    case "boolValue":
      return val.kind.value;
    case "stringValue":
      return val.kind.value;
    case "structValue":
      return structToJson(val.kind.value);
    case "listValue":
      return listValueToJson(val.kind.value);
    default:
      throw new Error(`${val.$typeName} must have a value`);
  }
}
function listValueToJson(val) {
  return val.values.map(valueToJson);
}
function timestampToJson(val) {
  const ms2 = Number(val.seconds) * 1e3;
  if (ms2 < timestampMsMin || ms2 > timestampMsMax) {
    throw new Error(`cannot encode message ${val.$typeName} to JSON: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z inclusive`);
  }
  if (val.nanos < 0) {
    throw new Error(`cannot encode message ${val.$typeName} to JSON: nanos must not be negative`);
  }
  if (val.nanos > 999999999) {
    throw new Error(`cannot encode message ${val.$typeName} to JSON: nanos must not be greater than 999999999`);
  }
  let z = "Z";
  if (val.nanos > 0) {
    const nanosStr = (val.nanos + 1e9).toString().substring(1);
    if (nanosStr.substring(3) === "000000") {
      z = "." + nanosStr.substring(0, 3) + "Z";
    } else if (nanosStr.substring(6) === "000") {
      z = "." + nanosStr.substring(0, 6) + "Z";
    } else {
      z = "." + nanosStr + "Z";
    }
  }
  return new Date(ms2).toISOString().replace(".000Z", z);
}

// node_modules/@bufbuild/protobuf/dist/esm/from-json.js
var IMPLICIT6 = 2;
function makeReadContext2(options) {
  return Object.assign(Object.assign({ ignoreUnknownFields: false, recursionLimit: 100 }, options), { depth: 0 });
}
function fromJson(schema, json, options) {
  const message = create(schema);
  readMessage(schema, message, json, options);
  return message;
}
function readMessage(schema, message, json, options) {
  try {
    compiledReader2(schema)(message, json, makeReadContext2(options));
  } catch (e) {
    if (isFieldError(e)) {
      throw new Error(`cannot decode ${e.field()} from JSON: ${e.message}`, {
        cause: e
      });
    }
    throw e;
  }
}
var compiledReaders2 = /* @__PURE__ */ new WeakMap();
function compiledReader2(desc) {
  let compiled = compiledReaders2.get(desc);
  if (compiled === void 0) {
    compiled = compileMessage4(desc);
  }
  return compiled;
}
function compileMessage4(desc) {
  const descString = String(desc);
  const readWkt = compileWkt2(desc);
  if (readWkt !== void 0) {
    const compiled2 = (message, json, ctx) => {
      if (++ctx.depth > ctx.recursionLimit) {
        throw new Error(`cannot decode ${descString} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
      }
      readWkt(message, json, ctx);
      ctx.depth--;
    };
    compiledReaders2.set(desc, compiled2);
    return compiled2;
  }
  const typeName = desc.typeName;
  const fieldsByJsonKey = /* @__PURE__ */ new Map();
  const compiled = (message, json, ctx) => {
    var _a;
    if (++ctx.depth > ctx.recursionLimit) {
      throw new Error(`cannot decode ${descString} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
    }
    if (json == null || Array.isArray(json) || typeof json != "object") {
      throw new Error(`cannot decode ${descString} from JSON: ${formatVal(json)}`);
    }
    const oneofSeen = /* @__PURE__ */ new Map();
    const fieldSeen = /* @__PURE__ */ new Set();
    const jsonKeys = Object.keys(json);
    for (let i = 0; i < jsonKeys.length; i++) {
      const jsonKey = jsonKeys[i];
      const jsonValue = json[jsonKey];
      const entry = fieldsByJsonKey.get(jsonKey);
      if (entry !== void 0) {
        const field = entry.field;
        if (fieldSeen.has(field)) {
          throw new FieldError(field, "set multiple times");
        }
        fieldSeen.add(field);
        if (entry.oneofScalarNullSkip && jsonValue === null) {
          continue;
        }
        if (entry.oneof) {
          const seen = oneofSeen.get(entry.oneof);
          if (seen !== void 0) {
            throw new FieldError(entry.oneof, `oneof set multiple times by ${seen.name} and ${field.name}`);
          }
          oneofSeen.set(entry.oneof, field);
        }
        entry.read(message, jsonValue, ctx);
      } else {
        const extension = jsonKey.startsWith("[") && jsonKey.endsWith("]") ? (_a = ctx.registry) === null || _a === void 0 ? void 0 : _a.getExtension(jsonKey.substring(1, jsonKey.length - 1)) : void 0;
        if ((extension === null || extension === void 0 ? void 0 : extension.extendee.typeName) == typeName) {
          const [container, field, get] = createExtensionContainer(extension);
          compileFieldReader2(field)(container[unsafeLocal], jsonValue, ctx);
          setExtension(message, extension, get());
        }
        if (extension === void 0 && !ctx.ignoreUnknownFields) {
          throw new Error(`cannot decode ${descString} from JSON: key "${jsonKey}" is unknown`);
        }
      }
    }
    ctx.depth--;
  };
  compiledReaders2.set(desc, compiled);
  for (const field of desc.fields) {
    const entry = {
      read: compileFieldReader2(field),
      field,
      oneof: field.oneof,
      oneofScalarNullSkip: field.oneof !== void 0 && field.fieldKind == "scalar"
    };
    fieldsByJsonKey.set(field.name, entry).set(field.jsonName, entry);
  }
  return compiled;
}
function compileWkt2(desc) {
  if (!desc.typeName.startsWith("google.protobuf.")) {
    return void 0;
  }
  switch (desc.typeName) {
    case "google.protobuf.Any":
      return (message, json, ctx) => anyFromJson(message, json, ctx);
    case "google.protobuf.Timestamp":
      return (message, json) => timestampFromJson(message, json);
    case "google.protobuf.Duration":
      return (message, json) => durationFromJson(message, json);
    case "google.protobuf.FieldMask":
      return (message, json) => fieldMaskFromJson(message, json);
    case "google.protobuf.Struct":
      return (message, json, ctx) => structFromJson(message, json, ctx);
    case "google.protobuf.Value":
      return (message, json, ctx) => valueFromJson(message, json, ctx);
    case "google.protobuf.ListValue":
      return (message, json, ctx) => listValueFromJson(message, json, ctx);
    default:
      if (isWrapperDesc(desc)) {
        const valueField = desc.fields[0];
        const localName = valueField.localName;
        const scalar = valueField.scalar;
        const longAsString = valueField.longAsString;
        const readScalar = compileScalarConverter(valueField);
        return (message, json) => {
          if (json === null) {
            message[localName] = scalarZeroValue(scalar, longAsString);
          } else {
            message[localName] = readScalar(json);
          }
        };
      }
      return void 0;
  }
}
function compileFieldReader2(field) {
  switch (field.fieldKind) {
    case "scalar":
      return compileScalarFieldReader2(field);
    case "enum":
      return compileEnumFieldReader2(field);
    case "message":
      return compileMessageFieldReader2(field);
    case "list":
      return compileListFieldReader2(field);
    case "map":
      return compileMapFieldReader2(field);
  }
}
function compileScalarFieldReader2(field) {
  const readScalar = compileScalarConverter(field);
  const localName = field.localName;
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (message, json) => {
      message[oneofLocalName] = {
        case: localName,
        value: readScalar(json)
      };
    };
  }
  const clear = compileClear(field);
  return (message, json) => {
    if (json === null) {
      clear(message);
    } else {
      message[localName] = readScalar(json);
    }
  };
}
function compileClear(field) {
  const localName = field.localName;
  if (field.presence != IMPLICIT6) {
    return (message) => {
      delete message[localName];
    };
  }
  if (field.fieldKind == "enum") {
    const zero2 = field.enum.values[0].number;
    return (message) => {
      message[localName] = zero2;
    };
  }
  const scalar = field.scalar;
  const longAsString = field.longAsString;
  return (message) => {
    message[localName] = scalarZeroValue(scalar, longAsString);
  };
}
function compileEnumFieldReader2(field) {
  const readEnumValue = compileEnumConverter(field.enum);
  const checkEnum = compileEnumCheck(field.enum);
  const localName = field.localName;
  const nullResets = field.enum.typeName != "google.protobuf.NullValue";
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (message, json, ctx) => {
      if (json === null && nullResets) {
        const oneof = message[oneofLocalName];
        if (oneof.case === localName) {
          message[oneofLocalName] = { case: void 0 };
        }
        return;
      }
      const value = readEnumValue(json, ctx.ignoreUnknownFields);
      if (value === tokenIgnoredUnknownEnum) {
        return;
      }
      const check2 = checkEnum(value);
      if (check2 !== true) {
        throw new FieldError(field, reasonSingular(field, value, check2));
      }
      message[oneofLocalName] = { case: localName, value };
    };
  }
  const clear = compileClear(field);
  return (message, json, ctx) => {
    if (json === null && nullResets) {
      clear(message);
      return;
    }
    const value = readEnumValue(json, ctx.ignoreUnknownFields);
    if (value === tokenIgnoredUnknownEnum) {
      return;
    }
    const check2 = checkEnum(value);
    if (check2 !== true) {
      throw new FieldError(field, reasonSingular(field, value, check2));
    }
    message[localName] = value;
  };
}
function compileMessageFieldReader2(field) {
  const localName = field.localName;
  const { toMessage, toLocal } = localMessageMapper(field);
  const readChild = compiledReader2(field.message);
  const nullResets = field.message.typeName != "google.protobuf.Value";
  if (field.oneof) {
    const oneofLocalName = field.oneof.localName;
    return (message, json, ctx) => {
      const oneof = message[oneofLocalName];
      if (json === null && nullResets) {
        if (oneof.case === localName) {
          message[oneofLocalName] = { case: void 0 };
        }
        return;
      }
      const child = toMessage(oneof.case === localName ? oneof.value : void 0);
      readChild(child, json, ctx);
      message[oneofLocalName] = { case: localName, value: toLocal(child) };
    };
  }
  return (message, json, ctx) => {
    if (json === null && nullResets) {
      delete message[localName];
      return;
    }
    const child = toMessage(message[localName]);
    readChild(child, json, ctx);
    message[localName] = toLocal(child);
  };
}
function compileListFieldReader2(field) {
  const localName = field.localName;
  const readItem = compileListItemReader(field);
  return (message, json, ctx) => {
    if (json === null) {
      return;
    }
    if (!Array.isArray(json)) {
      throw new FieldError(field, "expected Array, got " + formatVal(json));
    }
    const items = message[localName];
    for (let i = 0; i < json.length; i++) {
      const value = readItem(json[i], ctx, items.length);
      if (value !== tokenIgnoredUnknownEnum) {
        items.push(value);
      }
    }
  };
}
function compileListItemReader(field) {
  switch (field.listKind) {
    case "scalar": {
      const parseScalar = compileScalarParse(field);
      const checkValue = checkScalarValue(field.scalar);
      const toLocal = compileScalarToLocal(field);
      return (json, ctx, index) => {
        if (json === null) {
          throw new FieldError(field, "list item must not be null");
        }
        const value = parseScalar(json);
        const check2 = checkValue(value);
        if (check2 !== true) {
          throw new FieldError(field, `list item #${index + 1}: ${reasonSingular(field, value, check2)}`);
        }
        return toLocal(value);
      };
    }
    case "enum": {
      const readEnumValue = compileEnumConverter(field.enum);
      const checkEnum = compileEnumCheck(field.enum);
      const nullResets = field.enum.typeName != "google.protobuf.NullValue";
      return (json, ctx, index) => {
        if (json === null && nullResets) {
          throw new FieldError(field, "list item must not be null");
        }
        const value = readEnumValue(json, ctx.ignoreUnknownFields);
        if (value === tokenIgnoredUnknownEnum) {
          return value;
        }
        const check2 = checkEnum(value);
        if (check2 !== true) {
          throw new FieldError(field, `list item #${index + 1}: ${reasonSingular(field, value, check2)}`);
        }
        return value;
      };
    }
    case "message": {
      const { toMessage, toLocal } = localMessageMapper(field);
      const readChild = compiledReader2(field.message);
      const nullResets = field.message.typeName != "google.protobuf.Value";
      return (json, ctx) => {
        if (json === null && nullResets) {
          throw new FieldError(field, "list item must not be null");
        }
        const child = toMessage(void 0);
        readChild(child, json, ctx);
        return toLocal(child);
      };
    }
  }
}
function compileMapFieldReader2(field) {
  const localName = field.localName;
  const mapKey = field.mapKey;
  const parseMapKey = compileMapKeyParse(mapKey);
  const checkMapKey = checkScalarValue(mapKey);
  let parseValue;
  let checkValue;
  let toLocalValue = (value) => value;
  let nullResets = true;
  switch (field.mapKind) {
    case "scalar": {
      parseValue = compileScalarParse(field);
      checkValue = checkScalarValue(field.scalar);
      toLocalValue = compileScalarToLocal(field);
      break;
    }
    case "enum": {
      const readEnumValue = compileEnumConverter(field.enum);
      parseValue = (json, ctx) => readEnumValue(json, ctx.ignoreUnknownFields);
      checkValue = compileEnumCheck(field.enum);
      nullResets = field.enum.typeName != "google.protobuf.NullValue";
      break;
    }
    case "message": {
      const { toMessage, toLocal } = localMessageMapper(field);
      const readChild = compiledReader2(field.message);
      nullResets = field.message.typeName != "google.protobuf.Value";
      parseValue = (json, ctx) => {
        const child = toMessage(void 0);
        readChild(child, json, ctx);
        return toLocal(child);
      };
      break;
    }
  }
  return (message, json, ctx) => {
    if (json === null) {
      return;
    }
    if (typeof json != "object" || Array.isArray(json)) {
      throw new FieldError(field, "expected object, got " + formatVal(json));
    }
    const record = message[localName];
    const seen = /* @__PURE__ */ new Set();
    const jsonMapKeys = Object.keys(json);
    for (let i = 0; i < jsonMapKeys.length; i++) {
      const jsonMapKey = jsonMapKeys[i];
      const jsonMapValue = json[jsonMapKey];
      const key = parseMapKey(jsonMapKey);
      if (seen.has(key)) {
        throw new FieldError(field, `duplicate map key "${jsonMapKey}"`);
      }
      seen.add(key);
      if (jsonMapValue === null && nullResets) {
        throw new FieldError(field, "map value must not be null");
      }
      const value = parseValue(jsonMapValue, ctx);
      if (value === tokenIgnoredUnknownEnum) {
        continue;
      }
      const checkKey = checkMapKey(key);
      if (checkKey !== true) {
        throw new FieldError(field, `invalid map key: ${reasonSingular({ scalar: mapKey }, key, checkKey)}`);
      }
      if (checkValue !== void 0) {
        const check2 = checkValue(value);
        if (check2 !== true) {
          throw new FieldError(field, `map entry ${formatVal(key)}: ${reasonSingular(field, value, check2)}`);
        }
      }
      setOwn(record, key, toLocalValue(value));
    }
  };
}
var tokenIgnoredUnknownEnum = /* @__PURE__ */ Symbol();
function compileEnumConverter(desc) {
  const zero2 = desc.values[0].number;
  const numbers = /* @__PURE__ */ new Map();
  for (const value of desc.values) {
    numbers.set(value.jsonName, value.number);
  }
  for (const value of desc.values) {
    numbers.set(value.name, value.number);
  }
  return (json, ignoreUnknownFields) => {
    if (json === null) {
      return zero2;
    }
    switch (typeof json) {
      case "number":
        if (Number.isInteger(json)) {
          return json;
        }
        break;
      case "string": {
        const number = numbers.get(json);
        if (number !== void 0) {
          return number;
        }
        if (ignoreUnknownFields) {
          return tokenIgnoredUnknownEnum;
        }
        break;
      }
    }
    throw new Error(`cannot decode ${desc} from JSON: ${formatVal(json)}`);
  };
}
function compileEnumCheck(desc) {
  if (desc.open) {
    return checkScalarValue(ScalarType.INT32);
  }
  const values = desc.values;
  return (value) => values.some((v) => v.number === value);
}
function compileScalarConverter(field) {
  const parseScalar = compileScalarParse(field);
  const checkValue = checkScalarValue(field.scalar);
  const toLocal = compileScalarToLocal(field);
  return (json) => {
    const value = parseScalar(json);
    const check2 = checkValue(value);
    if (check2 !== true) {
      throw new FieldError(field, reasonSingular(field, value, check2));
    }
    return toLocal(value);
  };
}
function compileScalarParse(field) {
  switch (field.scalar) {
    // float, double: JSON value will be a number or one of the special string values "NaN", "Infinity", and "-Infinity".
    // Either numbers or strings are accepted. Exponent notation is also accepted.
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return (json) => {
        if (json === "NaN")
          return NaN;
        if (json === "Infinity")
          return Number.POSITIVE_INFINITY;
        if (json === "-Infinity")
          return Number.NEGATIVE_INFINITY;
        if (typeof json == "number") {
          if (Number.isNaN(json)) {
            throw new FieldError(field, "unexpected NaN number");
          }
          if (!Number.isFinite(json)) {
            throw new FieldError(field, "unexpected infinite number");
          }
          return json;
        }
        if (typeof json == "string") {
          if (json === "") {
            return json;
          }
          if (json.trim().length !== json.length) {
            return json;
          }
          const float = Number(json);
          if (!Number.isFinite(float)) {
            return json;
          }
          return float;
        }
        return json;
      };
    // int32, fixed32, uint32: JSON value will be a decimal number. Either numbers or strings are accepted.
    case ScalarType.INT32:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
    case ScalarType.SINT32:
    case ScalarType.UINT32:
      return int32FromJson;
    // bytes: JSON value will be the data encoded as a string using standard base64 encoding with paddings.
    // Either standard or URL-safe base64 encoding with/without paddings are accepted.
    case ScalarType.BYTES:
      return (json) => {
        if (typeof json == "string") {
          if (json === "") {
            return new Uint8Array(0);
          }
          try {
            return base64Decode(json);
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            throw new FieldError(field, message);
          }
        }
        return json;
      };
    // int64, sfixed64, sint64, fixed64, uint64: The validation step accepts
    // string and number. string, bool: no conversion.
    default:
      return (json) => json;
  }
}
function compileScalarToLocal(field) {
  const longAsString = field.fieldKind !== "map" && field.longAsString;
  switch (field.scalar) {
    case ScalarType.INT64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      if (longAsString) {
        return (value) => String(value);
      }
      return (value) => typeof value == "string" || typeof value == "number" ? protoInt64.parse(value) : value;
    case ScalarType.FIXED64:
    case ScalarType.UINT64:
      if (longAsString) {
        return (value) => String(value);
      }
      return (value) => typeof value == "string" || typeof value == "number" ? protoInt64.uParse(value) : value;
    default:
      return (value) => value;
  }
}
function compileMapKeyParse(type) {
  switch (type) {
    case ScalarType.BOOL:
      return (jsonString) => {
        switch (jsonString) {
          case "true":
            return true;
          case "false":
            return false;
        }
        return jsonString;
      };
    case ScalarType.INT32:
    case ScalarType.FIXED32:
    case ScalarType.UINT32:
    case ScalarType.SFIXED32:
    case ScalarType.SINT32:
      return int32FromJson;
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return (jsonString) => /^-?0+$/.test(jsonString) ? "0" : jsonString.replace(/^(-?)0+(?=\d)/, "$1");
    default:
      return (jsonString) => jsonString;
  }
}
function int32FromJson(json) {
  if (typeof json == "string") {
    if (json === "") {
      return json;
    }
    if (json.trim().length !== json.length) {
      return json;
    }
    const num = Number(json);
    if (Number.isNaN(num)) {
      return json;
    }
    return num;
  }
  return json;
}
function anyFromJson(any, json, ctx) {
  var _a;
  if (json === null || Array.isArray(json) || typeof json != "object") {
    throw new Error(`cannot decode message ${any.$typeName} from JSON: expected object but got ${formatVal(json)}`);
  }
  if (Object.keys(json).length == 0) {
    return;
  }
  const typeUrl = json["@type"];
  if (typeof typeUrl != "string" || typeUrl == "") {
    throw new Error(`cannot decode message ${any.$typeName} from JSON: "@type" is empty`);
  }
  const typeName = typeUrl.includes("/") ? typeUrl.substring(typeUrl.lastIndexOf("/") + 1) : typeUrl;
  if (!typeName.length) {
    throw new Error(`cannot decode message ${any.$typeName} from JSON: "@type" is invalid`);
  }
  const desc = (_a = ctx.registry) === null || _a === void 0 ? void 0 : _a.getMessage(typeName);
  if (!desc) {
    throw new Error(`cannot decode message ${any.$typeName} from JSON: ${typeUrl} is not in the type registry`);
  }
  const message = create(desc);
  if (hasCustomJsonRepresentation(desc) && Object.prototype.hasOwnProperty.call(json, "value")) {
    compiledReader2(desc)(message, json.value, ctx);
  } else {
    const copy = {};
    for (const key of Object.keys(json)) {
      if (key !== "@type") {
        setOwn(copy, key, json[key]);
      }
    }
    compiledReader2(desc)(message, copy, ctx);
  }
  anyPack(desc, message, any);
}
function timestampFromJson(timestamp, json) {
  if (typeof json !== "string") {
    throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: ${formatVal(json)}`);
  }
  const matches2 = json.match(/^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(?:Z|([+-][0-9][0-9]:[0-9][0-9]))$/);
  if (!matches2) {
    throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: invalid RFC 3339 string`);
  }
  const ms2 = Date.parse(
    // biome-ignore format: want this to read well
    matches2[1] + "-" + matches2[2] + "-" + matches2[3] + "T" + matches2[4] + ":" + matches2[5] + ":" + matches2[6] + (matches2[8] ? matches2[8] : "Z")
  );
  if (Number.isNaN(ms2)) {
    throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: invalid RFC 3339 string`);
  }
  if (ms2 < timestampMsMin || ms2 > timestampMsMax) {
    throw new Error(`cannot decode message ${timestamp.$typeName} from JSON: must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z inclusive`);
  }
  timestamp.seconds = protoInt64.parse(ms2 / 1e3);
  timestamp.nanos = 0;
  if (matches2[7]) {
    timestamp.nanos = parseInt("1" + matches2[7] + "0".repeat(9 - matches2[7].length)) - 1e9;
  }
}
function durationFromJson(duration, json) {
  if (typeof json !== "string") {
    throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${formatVal(json)}`);
  }
  const match = json.match(/^(-?[0-9]+)(?:\.([0-9]+))?s/);
  if (match === null) {
    throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${formatVal(json)}`);
  }
  const longSeconds = Number(match[1]);
  if (longSeconds > durationSecondsMax || longSeconds < durationSecondsMin) {
    throw new Error(`cannot decode message ${duration.$typeName} from JSON: ${formatVal(json)}`);
  }
  duration.seconds = protoInt64.parse(longSeconds);
  if (typeof match[2] !== "string") {
    return;
  }
  const nanosStr = match[2] + "0".repeat(9 - match[2].length);
  duration.nanos = parseInt(nanosStr);
  if (longSeconds < 0 || Object.is(longSeconds, -0)) {
    duration.nanos = -duration.nanos;
  }
}
function fieldMaskFromJson(fieldMask, json) {
  if (typeof json !== "string") {
    throw new Error(`cannot decode message ${fieldMask.$typeName} from JSON: ${formatVal(json)}`);
  }
  if (json === "") {
    return;
  }
  fieldMask.paths = json.split(",").map((path3) => {
    if (path3.includes("_")) {
      throw new Error(`cannot decode message ${fieldMask.$typeName} from JSON: path names must be lowerCamelCase`);
    }
    return protoSnakeCase(path3);
  });
}
function structFromJson(struct, json, ctx) {
  if (typeof json != "object" || json == null || Array.isArray(json)) {
    throw new Error(`cannot decode message ${struct.$typeName} from JSON ${formatVal(json)}`);
  }
  const keys = Object.keys(json);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const parsedValue = create(ValueSchema);
    valueFromJson(parsedValue, json[key], ctx);
    setOwn(struct.fields, key, parsedValue);
  }
}
function valueFromJson(value, json, ctx) {
  if (++ctx.depth > ctx.recursionLimit) {
    throw new Error(`cannot decode ${value.$typeName} from JSON: maximum recursion depth of ${ctx.recursionLimit} reached`);
  }
  switch (typeof json) {
    case "number":
      value.kind = { case: "numberValue", value: json };
      break;
    case "string":
      value.kind = { case: "stringValue", value: json };
      break;
    case "boolean":
      value.kind = { case: "boolValue", value: json };
      break;
    case "object":
      if (json === null) {
        value.kind = { case: "nullValue", value: NullValue.NULL_VALUE };
      } else if (Array.isArray(json)) {
        const listValue = create(ListValueSchema);
        listValueFromJson(listValue, json, ctx);
        value.kind = { case: "listValue", value: listValue };
      } else {
        const struct = create(StructSchema);
        structFromJson(struct, json, ctx);
        value.kind = { case: "structValue", value: struct };
      }
      break;
    default:
      throw new Error(`cannot decode message ${value.$typeName} from JSON ${formatVal(json)}`);
  }
  ctx.depth--;
  return value;
}
function listValueFromJson(listValue, json, ctx) {
  if (!Array.isArray(json)) {
    throw new Error(`cannot decode message ${listValue.$typeName} from JSON ${formatVal(json)}`);
  }
  for (let i = 0; i < json.length; i++) {
    const value = create(ValueSchema);
    valueFromJson(value, json[i], ctx);
    listValue.values.push(value);
  }
}

// node_modules/@bufbuild/cel/dist/esm/proto.js
function celFromScalar(type, v) {
  switch (type) {
    case ScalarType.UINT32:
    case ScalarType.UINT64:
    case ScalarType.FIXED32:
    case ScalarType.FIXED64:
      return celUint(BigInt(v));
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return BigInt(v);
    default:
      return v;
  }
}

// node_modules/@bufbuild/cel/dist/esm/list.js
var privateSymbol3 = /* @__PURE__ */ Symbol.for("@bufbuild/cel/list");
function celList(arrayOrReflectList) {
  if (isReflectList(arrayOrReflectList)) {
    return new RepeatedFieldList(arrayOrReflectList);
  }
  return new ArrayList(arrayOrReflectList);
}
function celListConcat(...lists) {
  return new ConcatList(lists);
}
function isCelList(v) {
  return typeof v === "object" && v !== null && privateSymbol3 in v;
}
var ArrayList = class {
  _array;
  [privateSymbol3] = {};
  constructor(_array) {
    this._array = _array;
  }
  get size() {
    return this._array.length;
  }
  get(index) {
    if (index < 0 || index >= this.size) {
      return void 0;
    }
    return toCel(this._array[index]);
  }
  *values() {
    for (const element of this._array.values()) {
      yield toCel(element);
    }
  }
  [Symbol.iterator]() {
    return this.values();
  }
};
var RepeatedFieldList = class {
  _list;
  [privateSymbol3] = {};
  constructor(_list) {
    this._list = _list;
  }
  get size() {
    return this._list.size;
  }
  get(index) {
    const val = this._list.get(index);
    if (val === void 0) {
      return void 0;
    }
    return celFromListElem(this._list.field(), val);
  }
  *values() {
    for (const val of this._list) {
      yield celFromListElem(this._list.field(), val);
    }
  }
  [Symbol.iterator]() {
    return this.values();
  }
};
var ConcatList = class {
  _lists;
  [privateSymbol3] = {};
  _size;
  constructor(_lists) {
    this._lists = _lists;
    let size = 0;
    for (const list2 of _lists) {
      size += list2.size;
    }
    this._size = size;
  }
  get size() {
    return this._size;
  }
  get(index) {
    if (index < 0 || index >= this.size) {
      return void 0;
    }
    for (const list2 of this._lists) {
      if (index < list2.size) {
        return list2.get(index);
      }
      index = index - list2.size;
    }
    return void 0;
  }
  *values() {
    for (const list2 of this._lists) {
      yield* list2.values();
    }
  }
  [Symbol.iterator]() {
    return this.values();
  }
};
function celFromListElem(desc, v) {
  switch (desc.listKind) {
    case "enum":
      return BigInt(v);
    case "message":
      return reflectMsgToCel(v);
    case "scalar":
      return celFromScalar(desc.scalar, v);
  }
}
var EMPTY_LIST = celList([]);

// node_modules/@bufbuild/cel/dist/esm/eval.js
var contextStack = [];
function getEvalContext() {
  if (contextStack.length === 0) {
    throw new Error("cannot use `getEvalContext` outside of an evaluation");
  }
  return contextStack[contextStack.length - 1];
}
function getMsgDesc(typeName) {
  const schema = getEvalContext().registry.getMessage(typeName);
  if (!schema) {
    throw new Error(`Message ${typeName} not found in registry`);
  }
  return schema;
}

// node_modules/@bufbuild/cel/dist/esm/type.js
var privateSymbol4 = /* @__PURE__ */ Symbol.for("@bufbuild/cel/type");
var CelScalar = {
  INT: celScalarType("int"),
  UINT: celScalarType("uint"),
  BOOL: celScalarType("bool"),
  STRING: celScalarType("string"),
  BYTES: celScalarType("bytes"),
  DOUBLE: celScalarType("double"),
  NULL: celScalarType("null_type"),
  DYN: celScalarType("dyn"),
  TYPE: celScalarType("type")
};
var TIMESTAMP = objectType(TimestampSchema);
var DURATION = objectType(DurationSchema);
function mapType(key, value) {
  return {
    [privateSymbol4]: {},
    kind: "map",
    key,
    value,
    name: "map",
    toString() {
      return `map(${key}, ${value})`;
    }
  };
}
function listType(element) {
  return {
    [privateSymbol4]: {},
    kind: "list",
    element,
    name: "list",
    toString() {
      return `list(${element})`;
    }
  };
}
function objectType(descOrTypeName) {
  let name, desc;
  if (typeof descOrTypeName === "string") {
    name = descOrTypeName;
    desc = void 0;
  } else {
    name = descOrTypeName.typeName;
    desc = descOrTypeName;
  }
  return {
    [privateSymbol4]: {},
    kind: "object",
    desc,
    name,
    toString() {
      return name;
    }
  };
}
function celScalarType(scalar) {
  return {
    [privateSymbol4]: {},
    kind: "scalar",
    scalar,
    name: scalar,
    toString() {
      return scalar;
    }
  };
}
function celType(v) {
  switch (typeof v) {
    case "bigint":
      return CelScalar.INT;
    case "boolean":
      return CelScalar.BOOL;
    case "number":
      return CelScalar.DOUBLE;
    case "string":
      return CelScalar.STRING;
    case "object":
      switch (true) {
        case v === null:
          return CelScalar.NULL;
        case v instanceof Uint8Array:
          return CelScalar.BYTES;
        case isReflectMessage(v):
          return celTypeOfMessage(v);
        case isCelList(v):
          return listType(CelScalar.DYN);
        case isCelMap(v):
          return mapType(CelScalar.DYN, CelScalar.DYN);
        case isCelUint(v):
          return CelScalar.UINT;
        default:
          if (isObjectCelType(v)) {
            return CelScalar.TYPE;
          }
      }
  }
  throw new Error(`Not a CEL value: ${v}`);
}
function isCelType(v) {
  return typeof v === "object" && v !== null && isObjectCelType(v);
}
function isObjectCelType(v) {
  return privateSymbol4 in v;
}
function celTypeOfMessage(v) {
  let typeName = v.desc.typeName;
  if (isReflectMessageAny(v)) {
    typeName = typeUrlToName2(v.message.typeUrl);
    if (typeName === ValueSchema.typeName) {
      const value = anyUnpack(v.message, ValueSchema);
      return value ? valueToType(value) : CelScalar.NULL;
    }
  }
  switch (typeName) {
    case FloatValueSchema.typeName:
    case DoubleValueSchema.typeName:
      return CelScalar.DOUBLE;
    case UInt64ValueSchema.typeName:
    case UInt32ValueSchema.typeName:
      return CelScalar.UINT;
    case Int32ValueSchema.typeName:
    case Int64ValueSchema.typeName:
      return CelScalar.INT;
    case StringValueSchema.typeName:
      return CelScalar.STRING;
    case BytesValueSchema.typeName:
      return CelScalar.BYTES;
    case BoolValueSchema.typeName:
      return CelScalar.BOOL;
    case StructSchema.typeName:
      return mapType(CelScalar.STRING, CelScalar.DYN);
    case ListValueSchema.typeName:
      return listType(CelScalar.DYN);
    case ValueSchema.typeName:
      return valueToType(v.message);
  }
  return typeName === v.desc.typeName ? objectType(v.desc) : objectType(typeName);
}
function valueToType(v) {
  switch (v.kind.case) {
    case "boolValue":
      return CelScalar.BOOL;
    case "listValue":
      return listType(CelScalar.DYN);
    case "nullValue":
    case void 0:
      return CelScalar.NULL;
    case "numberValue":
      return CelScalar.DOUBLE;
    case "stringValue":
      return CelScalar.STRING;
    case "structValue":
      return mapType(CelScalar.STRING, CelScalar.DYN);
  }
}
function isReflectMessageAny(v) {
  return v.desc.typeName === AnySchema.typeName;
}
function typeUrlToName2(url) {
  const slash = url.lastIndexOf("/");
  const name = slash >= 0 ? url.substring(slash + 1) : url;
  if (!name.length) {
    throw new Error(`invalid type url: ${url}`);
  }
  return name;
}

// node_modules/@bufbuild/cel/dist/esm/value.js
function toCel(v) {
  switch (typeof v) {
    case "bigint":
    case "boolean":
    case "number":
    case "string":
      return v;
    case "object":
      break;
    default:
      throw new Error(`unsupported input ${typeof v}`);
  }
  switch (true) {
    case v === null:
    case v instanceof Uint8Array:
    case isCelList(v):
    case isCelMap(v):
    case isCelUint(v):
    case isCelType(v):
      return v;
  }
  if (isArray(v) || isReflectList(v)) {
    return celList(v);
  }
  if (isMap2(v) || isReflectMap(v)) {
    return celMap(v);
  }
  if (isMessage(v)) {
    const value = wktToCel(v);
    if (value !== void 0) {
      return value;
    }
    return reflect(getMsgDesc(v.$typeName), v);
  }
  if (isReflectMessage(v)) {
    return reflectMsgToCel(v);
  }
  if (v.constructor.name === "Object") {
    return celMap(new Map(Object.entries(v)));
  }
  throw new Error(`Unsupported input ${v}`);
}
function unwrapAny(v) {
  if (!isReflectAny(v)) {
    return v;
  }
  const unpacked = anyUnpack(v.message, getEvalContext().registry);
  if (unpacked === void 0) {
    throw new Error(`invalid Any or ${v.message.typeUrl} not found in registry`);
  }
  const value = wktToCel(unpacked);
  if (value !== void 0) {
    return value;
  }
  return reflect(getMsgDesc(unpacked.$typeName), unpacked);
}
function reflectMsgToCel(v) {
  const value = wktToCel(v.message);
  if (value !== void 0) {
    return value;
  }
  return v;
}
function isReflectAny(v) {
  return isReflectMessage(v, AnySchema);
}
function isArray(v) {
  return Array.isArray(v);
}
function isMap2(v) {
  return v instanceof Map;
}
function wktToCel(msg) {
  if (isWrapper(msg)) {
    return unwrapWrapper(msg);
  }
  return jsonWrapperToCel(msg);
}
function unwrapWrapper(v) {
  switch (v.$typeName) {
    case Int32ValueSchema.typeName:
      return BigInt(v.value);
    case UInt32ValueSchema.typeName:
      return celUint(BigInt(v.value));
    case UInt64ValueSchema.typeName:
      return celUint(v.value);
  }
  return v.value;
}
function jsonWrapperToCel(msg) {
  switch (true) {
    case isMessage(msg, StructSchema):
      return structToCel(msg);
    case isMessage(msg, ValueSchema):
      return valueToCel(msg);
    case isMessage(msg, ListValueSchema):
      return listValueToCel(msg);
  }
  return void 0;
}
function structToCel(s2) {
  const map = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(s2.fields)) {
    map.set(k, valueToCel(v));
  }
  return celMap(map);
}
function valueToCel(v) {
  switch (v.kind.case) {
    case "boolValue":
    case "numberValue":
    case "stringValue":
      return v.kind.value;
    case "nullValue":
    case void 0:
      return null;
    case "structValue":
      return structToCel(v.kind.value);
    case "listValue":
      return listValueToCel(v.kind.value);
  }
}
function listValueToCel(l) {
  return celList(l.values);
}

// node_modules/@bufbuild/cel/dist/esm/map.js
var privateSymbol5 = /* @__PURE__ */ Symbol.for("@bufbuild/cel/map");
function celMap(mapOrReflectMap) {
  if (isReflectMap(mapOrReflectMap)) {
    return new ProtoMap(mapOrReflectMap);
  }
  return new NativeMap(mapOrReflectMap);
}
function isCelMap(v) {
  return typeof v === "object" && v !== null && privateSymbol5 in v;
}
var NativeMap = class {
  _map;
  [privateSymbol5] = {};
  constructor(_map) {
    this._map = _map;
  }
  get size() {
    return this._map.size;
  }
  get(key) {
    if (isCelUint(key)) {
      key = key.value;
    }
    if (typeof key === "number") {
      if (!Number.isInteger(key)) {
        return void 0;
      }
      key = BigInt(key);
    }
    const value = this._map.get(key);
    if (value !== void 0) {
      return toCel(value);
    }
    if (typeof key === "bigint") {
      for (const mapKey of this._map.keys()) {
        if (!isCelUint(mapKey)) {
          continue;
        }
        if (mapKey.value === key) {
          return toCel(this._map.get(mapKey));
        }
      }
    }
    return void 0;
  }
  has(key) {
    return this.get(key) != void 0;
  }
  forEach(callback, thisArg) {
    this._map.forEach((value, key, _) => callback.call(thisArg, toCel(value), key, this));
  }
  *entries() {
    for (const [key, value] of this._map.entries()) {
      yield [key, toCel(value)];
    }
  }
  keys() {
    return this._map.keys();
  }
  *values() {
    for (const value of this._map.values()) {
      yield toCel(value);
    }
  }
  [Symbol.iterator]() {
    return this.entries();
  }
};
var ProtoMap = class {
  _map;
  [privateSymbol5] = {};
  constructor(_map) {
    this._map = _map;
  }
  get size() {
    return this._map.size;
  }
  get(key) {
    const value = this._map.get(mapKeyFromCel(this._map.field(), key));
    if (value === void 0) {
      return void 0;
    }
    return celFromMapValue(this._map.field(), value);
  }
  has(key) {
    return this._map.has(mapKeyFromCel(this._map.field(), key));
  }
  forEach(callback, thisArg) {
    this._map.forEach((value, key, _) => callback.call(thisArg, celFromMapValue(this._map.field(), value), celFromMapKey(this._map.field(), key), this));
  }
  *entries() {
    for (const [key, value] of this._map.entries()) {
      yield [
        celFromMapKey(this._map.field(), key),
        celFromMapValue(this._map.field(), value)
      ];
    }
  }
  *keys() {
    for (const key of this._map.keys()) {
      yield celFromMapKey(this._map.field(), key);
    }
  }
  *values() {
    for (const value of this._map.keys()) {
      yield celFromMapValue(this._map.field(), value);
    }
  }
  [Symbol.iterator]() {
    return this.entries();
  }
};
function mapKeyFromCel(desc, v) {
  if (isCelUint(v)) {
    v = v.value;
  }
  switch (desc.mapKey) {
    case ScalarType.SINT32:
    case ScalarType.INT32:
    case ScalarType.FIXED32:
    case ScalarType.UINT32:
    case ScalarType.SFIXED32:
      if (typeof v === "bigint") {
        return Number(v);
      }
      return v;
    case ScalarType.SINT64:
    case ScalarType.INT64:
    case ScalarType.FIXED64:
    case ScalarType.UINT64:
    case ScalarType.SFIXED64:
      if (v === "number" && Number.isInteger(v)) {
        return BigInt(v);
      }
      return v;
    default:
      return v;
  }
}
function celFromMapKey(desc, v) {
  return celFromScalar(desc.mapKey, v);
}
function celFromMapValue(desc, v) {
  switch (desc.mapKind) {
    case "enum":
      return BigInt(v);
    case "message":
      return reflectMsgToCel(v);
    case "scalar":
      return celFromScalar(desc.scalar, v);
  }
}
var EMPTY_MAP = celMap(/* @__PURE__ */ new Map());

// node_modules/@bufbuild/cel/dist/esm/registry.js
var wktRegistry = createRegistry(TimestampSchema, DurationSchema, AnySchema, file_google_protobuf_wrappers, file_google_protobuf_struct);
function createRegistryWithWKT(...inputs) {
  return createRegistry(wktRegistry, ...inputs);
}

// node_modules/@bufbuild/cel/dist/esm/equals.js
function equals2(lhs, rhs) {
  if (lhs === rhs) {
    return true;
  }
  if (isCelUint(lhs)) {
    lhs = lhs.value;
  }
  if (isCelUint(rhs)) {
    rhs = rhs.value;
  }
  if ((typeof lhs === "number" || typeof lhs === "bigint") && (typeof rhs === "number" || typeof rhs === "bigint")) {
    return lhs == rhs;
  }
  switch (true) {
    case lhs instanceof Uint8Array:
      return rhs instanceof Uint8Array && equalsBytes(lhs, rhs);
    case isCelList(lhs):
      return isCelList(rhs) && equalsList(lhs, rhs);
    case isCelMap(lhs):
      return isCelMap(rhs) && equalsMap(lhs, rhs);
    case isCelType(lhs):
      return isCelType(rhs) && equalsType(lhs, rhs);
  }
  if (isReflectMessage(lhs)) {
    if (!isReflectMessage(rhs)) {
      return false;
    }
    if (lhs.desc.typeName !== rhs.desc.typeName) {
      return false;
    }
    return equals(lhs.desc, lhs.message, rhs.message, {
      registry: getEvalContext().registry,
      unpackAny: true,
      unknown: true,
      extensions: true
    });
  }
  return false;
}
function equalsType(lhs, rhs) {
  return lhs.kind === rhs.kind && lhs.name === rhs.name;
}
function equalsList(lhs, rhs) {
  if (lhs.size !== rhs.size) {
    return false;
  }
  for (let i = 0; i < lhs.size; i++) {
    if (!equals2(lhs.get(i), rhs.get(i))) {
      return false;
    }
  }
  return true;
}
function equalsMap(lhs, rhs) {
  if (lhs.size !== rhs.size) {
    return false;
  }
  for (const [k, v] of lhs) {
    const rv = rhs.get(k);
    if (rv === void 0 || !equals2(v, rv)) {
      return false;
    }
  }
  return true;
}
function equalsBytes(lhs, rhs) {
  if (lhs.length !== rhs.length) {
    return false;
  }
  for (let i = 0; i < lhs.length; i++) {
    if (lhs[i] !== rhs[i]) {
      return false;
    }
  }
  return true;
}

// node_modules/@bufbuild/cel/dist/esm/func.js
var privateSymbol6 = /* @__PURE__ */ Symbol.for("@bufbuild/cel/func");
function celFunc(name, args, result, impl) {
  return new Func(name, void 0, args, result, impl);
}
function celMethod(name, target, args, result, impl) {
  return new Method(name, target, args, result, impl);
}
var Callable = class {
  _name;
  _target;
  _args;
  _result;
  _impl;
  _id;
  [privateSymbol6] = {};
  constructor(_name, _target, _args, _result, _impl, _id = "") {
    this._name = _name;
    this._target = _target;
    this._args = _args;
    this._result = _result;
    this._impl = _impl;
    this._id = _id;
  }
  get id() {
    if (this._id === "") {
      const qualifier = this.target ? `${this.target.name}.` : "";
      this._id = `${qualifier}${this.name}(${this.arguments.map((p) => p.name).join(",")})`;
    }
    return this._id;
  }
  get name() {
    return this._name;
  }
  get target() {
    return this._target;
  }
  get arguments() {
    return this._args;
  }
  get result() {
    return this._result;
  }
  call(id, target, args) {
    if (args.length != this.arguments.length) {
      return void 0;
    }
    for (let i = 0; i < args.length; i++) {
      if (!isSubtypeOf(args[i], this.arguments[i])) {
        return void 0;
      }
    }
    try {
      return toCel(this._impl.apply(target, args));
    } catch (ex) {
      return celError(ex, id);
    }
  }
};
var Func = class extends Callable {
  call(id, target, args) {
    if (target !== void 0) {
      return void 0;
    }
    return super.call(id, void 0, args);
  }
};
var Method = class extends Callable {
  call(id, target, args) {
    if (target === void 0 || !isSubtypeOf(target, this.target)) {
      return void 0;
    }
    return super.call(id, target, args);
  }
};
function isSubtypeOf(val, typ) {
  return typ === CelScalar.DYN || equalsType(celType(val), typ);
}

// node_modules/@bufbuild/cel/dist/esm/resolver.js
var privateSymbol7 = /* @__PURE__ */ Symbol.for("@bufbuild/cel/resolver");
function createResolver(...inputs) {
  const groups = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    const funcs = isFuncResolver(input) || Array.isArray(input) ? input : [input];
    for (const func of funcs) {
      let group = groups.get(func.name);
      if (group === void 0) {
        group = [];
        groups.set(func.name, group);
      }
      group.push(func);
    }
  }
  return new Resolver(new Map(new Array(...groups.entries()).map(([name, funcs]) => [
    name,
    createFuncGroup(name, funcs)
  ])));
}
function isFuncResolver(v) {
  return typeof v === "object" && v !== null && privateSymbol7 in v;
}
var Resolver = class {
  _groups;
  [privateSymbol7] = {};
  constructor(_groups) {
    this._groups = _groups;
  }
  *[Symbol.iterator]() {
    for (const group of this._groups.values()) {
      yield* group;
    }
  }
  find(name) {
    return this._groups.get(name);
  }
};
function createFuncGroup(name, funcs) {
  const set = [];
  for (const func of funcs) {
    for (let i = 0; i < set.length; i++) {
      if (func.id === set[i].id) {
        set.splice(i, 1);
        break;
      }
    }
    set.push(func);
  }
  return new Group(name, set);
}
var Group = class {
  _name;
  _funcs;
  constructor(_name, _funcs) {
    this._name = _name;
    this._funcs = _funcs;
  }
  *[Symbol.iterator]() {
    yield* this._funcs;
  }
  get name() {
    return this._name;
  }
  call(id, target, args) {
    args = args.map((arg) => unwrapAny(arg));
    for (const func of this._funcs) {
      const result = func.call(id, target, args);
      if (result !== void 0) {
        return result;
      }
    }
    return void 0;
  }
};

// node_modules/@bufbuild/cel/dist/esm/gen/dev/cel/expr/operator_const.js
var ADD = "_+_";
var DIVIDE = "_/_";
var EQUALS = "_==_";
var GREATER = "_>_";
var GREATER_EQUALS = "_>=_";
var IN = "@in";
var LESS = "_<_";
var LESS_EQUALS = "_<=_";
var LOGICAL_NOT = "!_";
var MODULO = "_%_";
var MULTIPLY = "_*_";
var NEGATE = "-_";
var NOT_EQUALS = "_!=_";
var SUBTRACT = "_-_";

// node_modules/@bufbuild/cel/dist/esm/duration.js
var ONE_SECOND = 1000000000n;
var MAX_DURATION_NANOS = 9223372036854775807n;
var MIN_DURATION_NANOS = -9223372036854775808n;
function createDuration(seconds = 0n, ns = 0n) {
  const fullNanos = seconds * ONE_SECOND + BigInt(ns);
  if (fullNanos > MAX_DURATION_NANOS || fullNanos < MIN_DURATION_NANOS) {
    throw new Error("duration out of range");
  }
  return create(DurationSchema, {
    seconds: fullNanos / ONE_SECOND,
    nanos: Number(fullNanos % ONE_SECOND)
    // preserves sign
  });
}
var DURATION_STRING_LENGTH_LIMIT = 128;
var UNITS = Object.freeze({
  ns: 1n,
  us: 1000n,
  \u00B5s: 1000n,
  ms: 1000n * 1000n,
  s: 1000n * 1000n * 1000n,
  m: 1000n * 1000n * 1000n * 60n,
  h: 1000n * 1000n * 1000n * 60n * 60n
});
var INT_REGEXP = /^\d+/;
var UNIT_REGEXP = new RegExp(`^(${Object.keys(UNITS).join("|")})`);
function parseDuration(str) {
  if (str.length > DURATION_STRING_LENGTH_LIMIT) {
    throw badDurationStr(`duration string exceeds ${DURATION_STRING_LENGTH_LIMIT} characters`);
  }
  if (/^[-+]?0$/.test(str))
    return createDuration();
  const [sign, values] = /^[+-]/.test(str) ? [str[0] === "+" ? 1n : -1n, str.slice(1)] : [1n, str];
  let fullNanos = 0n;
  let remainder = values;
  while (remainder.length > 0) {
    const int = INT_REGEXP.exec(remainder)?.[0];
    remainder = remainder.slice(int?.length ?? 0);
    if (remainder[0] === ".")
      remainder = remainder.slice(1);
    const fraction = INT_REGEXP.exec(remainder)?.[0];
    remainder = remainder.slice(fraction?.length ?? 0);
    const unit = UNIT_REGEXP.exec(remainder)?.[0];
    remainder = remainder.slice(unit?.length ?? 0);
    if ((int ?? fraction) === void 0 || unit === void 0) {
      throw badDurationStr("invalid syntax");
    }
    const factor = UNITS[unit];
    fullNanos += BigInt(int ?? 0) * factor;
    fullNanos += BigInt(fraction ?? 0) * factor / 10n ** BigInt(fraction?.length ?? 0);
  }
  return createDuration(0n, sign * fullNanos);
}
function badDurationStr(e) {
  return new Error(`Failed to parse duration: ${e}`);
}

// node_modules/@bufbuild/cel/dist/esm/timestamp.js
var MAX_TIMESTAMP_SECONDS = 253402300799n;
var MIN_TIMESTAMP_SECONDS = -62135596800n;
var ONE_SECOND2 = 1000000000n;
function createTimestamp(s2 = 0n, ns = 0n) {
  const fullNanos = s2 * ONE_SECOND2 + BigInt(ns);
  const shift = fullNanos % ONE_SECOND2 < 0n ? 1n : 0n;
  const seconds = fullNanos / ONE_SECOND2 - shift;
  const nanos = Number(fullNanos % ONE_SECOND2 + shift * ONE_SECOND2);
  if (seconds > MAX_TIMESTAMP_SECONDS || seconds < MIN_TIMESTAMP_SECONDS) {
    throw new Error("timestamp out of range");
  }
  return create(TimestampSchema, { seconds, nanos });
}

// node_modules/@bufbuild/cel/dist/esm/std/math.js
var MAX_INT = 9223372036854775807n;
var MIN_INT = -9223372036854775808n;
var MAX_UINT = 18446744073709551615n;
function safeInt(value, op = "type conversion") {
  const numeric = typeof value === "string" ? BigInt(value) : value;
  if (typeof numeric === "bigint") {
    if (numeric >= MIN_INT && numeric <= MAX_INT) {
      return numeric;
    }
  } else if (Number.isFinite(numeric)) {
    if (numeric > Number(MIN_INT) && numeric < Number(MAX_INT)) {
      return BigInt(Math.trunc(numeric));
    }
  }
  throw celError(`int overflow during ${op}`);
}
function safeUint(value, op = "type conversion") {
  const numeric = typeof value === "string" ? BigInt(value) : value;
  if (typeof numeric === "bigint" || Number.isFinite(numeric)) {
    const int = typeof numeric === "number" ? BigInt(Math.trunc(numeric)) : numeric;
    if (numeric >= 0 && int <= MAX_UINT) {
      return celUint(int);
    }
  }
  throw celError(`uint overflow during ${op}`);
}
function bytesConcat(l, r2) {
  const val = new Uint8Array(l.length + r2.length);
  val.set(l);
  val.set(r2, l.length);
  return val;
}
function timestampSum(l, r2) {
  return createTimestamp(l.message.seconds + r2.message.seconds, l.message.nanos + r2.message.nanos);
}
function durationSum(l, r2) {
  return createDuration(l.message.seconds + r2.message.seconds, l.message.nanos + r2.message.nanos);
}
function durationDifference(l, r2) {
  return createDuration(l.message.seconds - r2.message.seconds, l.message.nanos - r2.message.nanos);
}
function timestampDifference(l, r2) {
  return createTimestamp(l.message.seconds - r2.message.seconds, l.message.nanos - r2.message.nanos);
}
function safeDivide(type, l, r2) {
  if (r2 === 0n)
    throw celError(`${type.name} divide by zero`);
  return safeInt(l / r2, `divide by ${r2}`);
}
function safeModulo(type, l, r2) {
  if (r2 === 0n)
    throw celError(`${type.name} modulus by zero`);
  return l % r2;
}
var LIST = listType(CelScalar.DYN);
var { BYTES, DOUBLE, INT, STRING, UINT } = CelScalar;
var math_default = [
  celFunc(ADD, [INT, INT], INT, (l, r2) => safeInt(l + r2, ADD)),
  celFunc(ADD, [UINT, UINT], UINT, (l, r2) => safeUint(l.value + r2.value, ADD)),
  celFunc(ADD, [DOUBLE, DOUBLE], DOUBLE, (l, r2) => l + r2),
  celFunc(ADD, [DURATION, DURATION], DURATION, durationSum),
  celFunc(ADD, [TIMESTAMP, DURATION], TIMESTAMP, timestampSum),
  celFunc(ADD, [DURATION, TIMESTAMP], TIMESTAMP, timestampSum),
  celFunc(ADD, [STRING, STRING], STRING, (l, r2) => l + r2),
  celFunc(ADD, [BYTES, BYTES], BYTES, bytesConcat),
  celFunc(ADD, [LIST, LIST], LIST, celListConcat),
  celFunc(SUBTRACT, [INT, INT], INT, (l, r2) => safeInt(l - r2, SUBTRACT)),
  celFunc(SUBTRACT, [UINT, UINT], UINT, (l, r2) => safeUint(l.value - r2.value, SUBTRACT)),
  celFunc(SUBTRACT, [DOUBLE, DOUBLE], DOUBLE, (l, r2) => l - r2),
  celFunc(SUBTRACT, [TIMESTAMP, TIMESTAMP], DURATION, durationDifference),
  celFunc(SUBTRACT, [DURATION, DURATION], DURATION, durationDifference),
  celFunc(SUBTRACT, [TIMESTAMP, DURATION], TIMESTAMP, timestampDifference),
  celFunc(MULTIPLY, [INT, INT], INT, (l, r2) => safeInt(l * r2, MULTIPLY)),
  celFunc(MULTIPLY, [UINT, UINT], UINT, (l, r2) => safeUint(l.value * r2.value, MULTIPLY)),
  celFunc(MULTIPLY, [DOUBLE, DOUBLE], DOUBLE, (l, r2) => l * r2),
  celFunc(DIVIDE, [INT, INT], INT, (l, r2) => safeDivide(INT, l, r2)),
  celFunc(DIVIDE, [UINT, UINT], UINT, (l, r2) => celUint(safeDivide(UINT, l.value, r2.value))),
  celFunc(DIVIDE, [DOUBLE, DOUBLE], DOUBLE, (l, r2) => l / r2),
  celFunc(MODULO, [INT, INT], INT, (l, r2) => safeModulo(INT, l, r2)),
  celFunc(MODULO, [UINT, UINT], UINT, (l, r2) => celUint(safeModulo(UINT, l.value, r2.value))),
  celFunc(NEGATE, [INT], INT, (x) => safeInt(-x)),
  celFunc(NEGATE, [DOUBLE], DOUBLE, (x) => -x)
];

// node_modules/@bufbuild/cel/dist/esm/std/cast.js
var encoder2 = new TextEncoder();
var decoder = new TextDecoder(void 0, { fatal: true });
function stringToBool(x) {
  switch (x) {
    case "true":
    case "True":
    case "TRUE":
    case "t":
    case "1":
      return true;
    case "false":
    case "False":
    case "FALSE":
    case "f":
    case "0":
      return false;
  }
  throw new Error(`Unable to convert string '${x}' to bool`);
}
function bytesToString(x) {
  try {
    return decoder.decode(x);
  } catch (e) {
    throw new Error(`Failed to decode bytes as string: ${e}`);
  }
}
function stringToTimestamp(x) {
  try {
    return fromJson(TimestampSchema, x);
  } catch (e) {
    throw new Error(`Failed to parse timestamp: ${e}`);
  }
}
function toType(x) {
  if (isMessage(x)) {
    return objectType(getMsgDesc(x.$typeName));
  }
  return celType(x);
}
function identity(x) {
  return x;
}
var { BOOL, BYTES: BYTES2, DOUBLE: DOUBLE2, DYN, INT: INT2, STRING: STRING2, TYPE, UINT: UINT2 } = CelScalar;
var cast_default = [
  // Int
  celFunc("int", [INT2], INT2, identity),
  celFunc("int", [UINT2], INT2, (x) => safeInt(x.value)),
  celFunc("int", [DOUBLE2], INT2, safeInt),
  celFunc("int", [STRING2], INT2, safeInt),
  celFunc("int", [TIMESTAMP], INT2, (x) => safeInt(x.message.seconds)),
  celFunc("int", [DURATION], INT2, (x) => safeInt(x.message.seconds)),
  // Uint
  celFunc("uint", [UINT2], UINT2, identity),
  celFunc("uint", [INT2], UINT2, safeUint),
  celFunc("uint", [DOUBLE2], UINT2, safeUint),
  celFunc("uint", [STRING2], UINT2, safeUint),
  // Double
  celFunc("double", [DOUBLE2], DOUBLE2, identity),
  celFunc("double", [INT2], DOUBLE2, (x) => Number(x)),
  celFunc("double", [UINT2], DOUBLE2, (x) => Number(x.value)),
  celFunc("double", [STRING2], DOUBLE2, (x) => Number(x)),
  // Bool
  celFunc("bool", [BOOL], BOOL, identity),
  celFunc("bool", [STRING2], BOOL, stringToBool),
  // Bytes
  celFunc("bytes", [BYTES2], BYTES2, identity),
  celFunc("bytes", [STRING2], BYTES2, (x) => encoder2.encode(x)),
  // String
  celFunc("string", [STRING2], STRING2, identity),
  celFunc("string", [BOOL], STRING2, (x) => x.toString()),
  celFunc("string", [INT2], STRING2, (x) => x.toString()),
  celFunc("string", [UINT2], STRING2, (x) => x.value.toString()),
  celFunc("string", [DOUBLE2], STRING2, (x) => x.toString()),
  celFunc("string", [BYTES2], STRING2, bytesToString),
  celFunc("string", [TIMESTAMP], STRING2, (x) => toJson(TimestampSchema, x.message)),
  celFunc("string", [DURATION], STRING2, (x) => toJson(DurationSchema, x.message)),
  // Timestamp
  celFunc("timestamp", [TIMESTAMP], TIMESTAMP, identity),
  celFunc("timestamp", [STRING2], TIMESTAMP, stringToTimestamp),
  celFunc("timestamp", [INT2], TIMESTAMP, (x) => timestampFromMs(Number(x))),
  // Duration
  celFunc("duration", [DURATION], DURATION, identity),
  celFunc("duration", [STRING2], DURATION, parseDuration),
  celFunc("duration", [INT2], DURATION, (x) => create(DurationSchema, { seconds: x })),
  // Misc
  celFunc("type", [DYN], TYPE, toType),
  celFunc("dyn", [DYN], DYN, identity)
];

// node_modules/@bufbuild/cel/dist/esm/gen/dev/cel/expr/overload_const.js
var CONTAINS = "contains";
var ENDS_WITH = "endsWith";
var MATCHES = "matches";
var SIZE = "size";
var STARTS_WITH = "startsWith";
var TIME_GET_DATE = "getDate";
var TIME_GET_DAY_OF_MONTH = "getDayOfMonth";
var TIME_GET_DAY_OF_WEEK = "getDayOfWeek";
var TIME_GET_DAY_OF_YEAR = "getDayOfYear";
var TIME_GET_FULL_YEAR = "getFullYear";
var TIME_GET_HOURS = "getHours";
var TIME_GET_MILLISECONDS = "getMilliseconds";
var TIME_GET_MINUTES = "getMinutes";
var TIME_GET_MONTH = "getMonth";
var TIME_GET_SECONDS = "getSeconds";

// node_modules/@bufbuild/re2/dist/esm/RE2Flags.js
var FOLD_CASE = 1;
var LITERAL = 2;
var CLASS_NL = 4;
var DOT_NL = 8;
var ONE_LINE = 16;
var NON_GREEDY = 32;
var PERL_X = 64;
var UNICODE_GROUPS = 128;
var WAS_DOLLAR = 256;
var MATCH_NL = CLASS_NL | DOT_NL;
var PERL = CLASS_NL | ONE_LINE | PERL_X | UNICODE_GROUPS;
var UNANCHORED = 0;
var ANCHOR_START = 1;
var ANCHOR_BOTH = 2;

// node_modules/@bufbuild/re2/dist/esm/UnicodeRangeTable.js
var UnicodeRangeTable = class {
  data;
  isStride1;
  SIZE;
  constructor(data, isStride1 = false) {
    this.data = data;
    this.isStride1 = isStride1;
    this.SIZE = isStride1 ? 2 : 3;
  }
  // High-performance getters that do NOT allocate memory
  getLo(index) {
    return this.data[index * this.SIZE];
  }
  getHi(index) {
    return this.data[index * this.SIZE + 1];
  }
  getStride(index) {
    return this.isStride1 ? 1 : this.data[index * this.SIZE + 2];
  }
  get(index) {
    const i = index * this.SIZE;
    return [this.data[i], this.data[i + 1], this.getStride(index)];
  }
  get length() {
    return this.data.length / this.SIZE;
  }
};

// node_modules/@bufbuild/re2/dist/esm/UnicodeTables.js
var _B64_MAP = null;
var getB64Map = () => {
  if (!_B64_MAP) {
    _B64_MAP = new Uint8Array(256);
    const b = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-";
    for (let i = 0; i < 64; i++) {
      _B64_MAP[b.charCodeAt(i)] = i;
    }
  }
  return _B64_MAP;
};
var decodeVLQ = (str) => {
  const b64 = getB64Map();
  const res = [];
  let value = 0, shift = 0;
  for (let i = 0; i < str.length; i++) {
    const digit = b64[str.charCodeAt(i)];
    value |= (digit & 31) << shift;
    if ((digit & 32) === 0) {
      res.push(value);
      value = 0;
      shift = 0;
    } else {
      shift += 5;
    }
  }
  return res;
};
var decodeRanges = (str, isStride1) => {
  if (str.length === 0)
    return new Uint32Array(0);
  const res = decodeVLQ(str);
  const numRanges = isStride1 ? res.length / 2 : res.length / 3;
  const out = new Uint32Array(numRanges * 3);
  let current = 0, resIdx = 0;
  for (let i = 0; i < numRanges; i++) {
    current += res[resIdx++];
    out[i * 3] = current;
    current += res[resIdx++];
    out[i * 3 + 1] = current;
    out[i * 3 + 2] = isStride1 ? 1 : res[resIdx++];
  }
  return out;
};
var decodeOrbit = (str) => {
  const res = decodeVLQ(str);
  const map = /* @__PURE__ */ new Map();
  let currentKey = 0;
  for (let i = 0; i < res.length; i += 2) {
    currentKey += res[i];
    map.set(currentKey, res[i + 1]);
  }
  return map;
};
var mergeRanges = (a, b) => {
  if (b.length === 0)
    return a;
  if (a.length === 0)
    return b;
  const points = [];
  const push = (arr2) => {
    for (let i = 0; i < arr2.length; i += 3) {
      const lo = arr2[i], hi = arr2[i + 1], stride = arr2[i + 2];
      if (stride === 1) {
        points.push([lo, hi]);
      } else {
        for (let cp = lo; cp <= hi; cp += stride)
          points.push([cp, cp]);
      }
    }
  };
  push(a);
  push(b);
  points.sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const [lo, hi] of points) {
    const last = merged[merged.length - 1];
    if (last && last[1] + 1 >= lo) {
      if (hi > last[1])
        last[1] = hi;
    } else {
      merged.push([lo, hi]);
    }
  }
  const out = new Uint32Array(merged.length * 3);
  for (let i = 0; i < merged.length; i++) {
    out[i * 3] = merged[i][0];
    out[i * 3 + 1] = merged[i][1];
    out[i * 3 + 2] = 1;
  }
  return out;
};
var sweepPlatform = (pattern) => {
  const re = new RegExp(pattern, "u");
  const ranges = [];
  let start = -1;
  for (let cp = 0; cp <= 1114111; cp++) {
    if (re.test(String.fromCodePoint(cp))) {
      if (start < 0)
        start = cp;
    } else if (start >= 0) {
      ranges.push(start, cp - 1, 1);
      start = -1;
    }
  }
  if (start >= 0)
    ranges.push(start, 1114111, 1);
  return Uint32Array.from(ranges);
};
var LazyDecoder = class {
  initializer;
  cache;
  constructor(initializer) {
    this.initializer = initializer;
    this.cache = /* @__PURE__ */ new Map();
  }
  has(key) {
    return key in this.initializer;
  }
  get(key) {
    const cached = this.cache.get(key);
    if (cached !== void 0 || this.cache.has(key)) {
      return cached ?? null;
    }
    const fn = this.initializer[key];
    const val = fn ? fn() : null;
    this.cache.set(key, val);
    return val;
  }
};
var _CASE_ORBIT = null;
var getCASE_ORBIT = () => {
  if (!_CASE_ORBIT) {
    _CASE_ORBIT = decodeOrbit("rDqpII-LsD+0HGrpIsCxJzElODoODrOnByP-Mz+HTieNj-HCweD1fDxeB+9HBwfC1FE2eBxfBjeE1eDmpII0fjB4c+BgkHChkHKikHDjkHBkkHImkHZnkHhhGlkH9O70H-Io8HBp8HBq8HBr8HBs8HBt8HBu8HBv8HJ48HB58HB68HB78HB88HB98HB+8HB-8HJo9HBp9HBq9HBr9HBs9HBt9HBu9HBv9HM89HLlaFs+HQwcQwdQ8-HzJpdErCBlGgphBokHjMu+pBBv+pBDy+pBBz+pBB0+pBB1+pBw5Um4+BBl4+B68cg17CBh17CBi17CBj17CBk17CBl17CBm17CBn17CBo17CBp17CBq17CBr17CBs17CBt17CBu17CBv17CBw17CBx17CBy17CBz17CB017CB117CB217CB317CB417CD717CB817CB917CB+17CB-17CBg27CBh27CBi27CBj27CBk27CBl27CBm27CBn27CBo27CBp27CBq27CBr27CBs27CBt27CBu27CBv27CBw27CBx27CBy27CBz27C");
  }
  return _CASE_ORBIT;
};
var _DELTA_CATEGORIES = /* @__PURE__ */ new LazyDecoder({
  L: () => decodeRanges("pkHBBh6iBCBNCBkvXzBB36BbBKWB9JCB8lBJBCDDClBBCaaCt-Bt-BBfBgkG68DBmoHdBjhDsBBz8HxmWxmWBcBDgwhCgwhCBsTB", false),
  LC: () => decodeRanges("pkHBh6iBCNC0rZVLV", true),
  Ll: () => decodeRanges("qkHj6iBj6iBO1sZ1sZBUB", false),
  Lm: () => decodeRanges("uqjChBhBx+XCBpBBB", false),
  Lo: () => decodeRanges("guhCzBB36BDBCzLzLBBB8lBJBCDDClBBCaaCt-Bt-BBfBgkG68DBmoHdBmhDnBB18HxmWxmWBcBDgwhCgwhCBsTB", false),
  Lu: () => decodeRanges("pkHi6iBi6iBBOOC0rZ0rZBUB", false),
  M: () => decodeRanges("3kCymhCymhCBDBvM8lB8lBBHBCDDCDBCEBCPPB47C47CkuQRB-lhBBB", false),
  Mc: () => decodeRanges("49kCCBIDDCDBCBBCvavaswSCB", false),
  Mn: () => decodeRanges("3kCymhCymhCBDBvM-lB-lBBEBOECPBB47CkuQkuQBKBECB-lhBBB", false),
  N: () => decodeRanges("gqjCJnsCTtoBJ3pRJ3hDJ37XJ4nGJ", true),
  Nd: () => decodeRanges("gqjCJnsCTtoBJ3pRJ3hDJ37XJ4nGJ", true),
  P: () => decodeRanges("u6GBBwBvv8Bvv8BmzBBBCBBpgCssUssUBBBwkeAB", false),
  Pd: () => decodeRanges("urjCA", true),
  Po: () => decodeRanges("u6GBBwB1i+B1i+BBCCBpgCpgCssUCBwkeAB", false),
  S: () => decodeRanges("nhJCBz+CDBlPBBK-82B-82BBxzvBxzvBBuHBRzNB-vKJBFBBoOGGvBIIWDDKiHiHBjBB", false),
  Sm: () => decodeRanges("usjCB", true),
  So: () => decodeRanges("nhJCBz+CDBlPBBKxwmDxwmDBuHBRzNB-vKJBFBBoOGGvBIIWDDKiHiHBjBB", false)
});
var _DELTA_SCRIPTS = /* @__PURE__ */ new LazyDecoder({
  Arabic: () => decodeRanges("3kCrxhCrxhCBBB4BAB", false),
  Balinese: () => decodeRanges("u6GBwBA", true),
  Common: () => decodeRanges("nhJCBz+CDBlPBBKxwmDxwmDB4HBHzNB-vKJBFBBoOGGvBIIWDDKiHiHBjBB", false),
  Cyrillic: () => decodeRanges("pkHB", true),
  Egyptian_Hieroglyphs: () => decodeRanges("gjtC68D", true),
  Han: () => decodeRanges("w-6FtT", true),
  Kawi: () => decodeRanges("66nCA", true),
  Khitan_Small_Script: () => decodeRanges("-njDA", true),
  Latin: () => decodeRanges("r+pBCNC", true),
  Myanmar: () => decodeRanges("w2lCT", true)
});
var _NEW_SCRIPTS = /* @__PURE__ */ new LazyDecoder({
  Garay: () => new UnicodeRangeTable(decodeRanges("gqjClBEcJB", true)),
  Gurung_Khema: () => new UnicodeRangeTable(decodeRanges("go4C5B", true)),
  Kirat_Rai: () => new UnicodeRangeTable(decodeRanges("gq7C5B", true)),
  Ol_Onal: () => new UnicodeRangeTable(decodeRanges("wu5DqBFA", true)),
  Sunuwar: () => new UnicodeRangeTable(decodeRanges("g+mChBPJ", true)),
  Todhri: () => new UnicodeRangeTable(decodeRanges("guhCzB", true)),
  Tulu_Tigalari: () => new UnicodeRangeTable(decodeRanges("g8kCJBCDDClBBCJBCDDCDBCJBCBBJBB", false))
});
var STABLE_CATEGORY_NAMES = /* @__PURE__ */ new Set([
  "C",
  "Cc",
  "Cf",
  "Cn",
  "Co",
  "Cs",
  "L",
  "LC",
  "Ll",
  "Lm",
  "Lo",
  "Lt",
  "Lu",
  "M",
  "Mc",
  "Me",
  "Mn",
  "N",
  "Nd",
  "Nl",
  "No",
  "P",
  "Pc",
  "Pd",
  "Pe",
  "Pf",
  "Pi",
  "Po",
  "Ps",
  "S",
  "Sc",
  "Sk",
  "Sm",
  "So",
  "Z",
  "Zl",
  "Zp",
  "Zs"
]);
var STABLE_SCRIPT_NAMES = /* @__PURE__ */ new Set([
  "Adlam",
  "Ahom",
  "Anatolian_Hieroglyphs",
  "Arabic",
  "Armenian",
  "Avestan",
  "Balinese",
  "Bamum",
  "Bassa_Vah",
  "Batak",
  "Bengali",
  "Bhaiksuki",
  "Bopomofo",
  "Brahmi",
  "Braille",
  "Buginese",
  "Buhid",
  "Canadian_Aboriginal",
  "Carian",
  "Caucasian_Albanian",
  "Chakma",
  "Cham",
  "Cherokee",
  "Chorasmian",
  "Common",
  "Coptic",
  "Cuneiform",
  "Cypriot",
  "Cypro_Minoan",
  "Cyrillic",
  "Deseret",
  "Devanagari",
  "Dives_Akuru",
  "Dogra",
  "Duployan",
  "Egyptian_Hieroglyphs",
  "Elbasan",
  "Elymaic",
  "Ethiopic",
  "Georgian",
  "Glagolitic",
  "Gothic",
  "Grantha",
  "Greek",
  "Gujarati",
  "Gunjala_Gondi",
  "Gurmukhi",
  "Han",
  "Hangul",
  "Hanifi_Rohingya",
  "Hanunoo",
  "Hatran",
  "Hebrew",
  "Hiragana",
  "Imperial_Aramaic",
  "Inherited",
  "Inscriptional_Pahlavi",
  "Inscriptional_Parthian",
  "Javanese",
  "Kaithi",
  "Kannada",
  "Katakana",
  "Kawi",
  "Kayah_Li",
  "Kharoshthi",
  "Khitan_Small_Script",
  "Khmer",
  "Khojki",
  "Khudawadi",
  "Lao",
  "Latin",
  "Lepcha",
  "Limbu",
  "Linear_A",
  "Linear_B",
  "Lisu",
  "Lycian",
  "Lydian",
  "Mahajani",
  "Makasar",
  "Malayalam",
  "Mandaic",
  "Manichaean",
  "Marchen",
  "Masaram_Gondi",
  "Medefaidrin",
  "Meetei_Mayek",
  "Mende_Kikakui",
  "Meroitic_Cursive",
  "Meroitic_Hieroglyphs",
  "Miao",
  "Modi",
  "Mongolian",
  "Mro",
  "Multani",
  "Myanmar",
  "Nabataean",
  "Nag_Mundari",
  "Nandinagari",
  "New_Tai_Lue",
  "Newa",
  "Nko",
  "Nushu",
  "Nyiakeng_Puachue_Hmong",
  "Ogham",
  "Ol_Chiki",
  "Old_Hungarian",
  "Old_Italic",
  "Old_North_Arabian",
  "Old_Permic",
  "Old_Persian",
  "Old_Sogdian",
  "Old_South_Arabian",
  "Old_Turkic",
  "Old_Uyghur",
  "Oriya",
  "Osage",
  "Osmanya",
  "Pahawh_Hmong",
  "Palmyrene",
  "Pau_Cin_Hau",
  "Phags_Pa",
  "Phoenician",
  "Psalter_Pahlavi",
  "Rejang",
  "Runic",
  "Samaritan",
  "Saurashtra",
  "Sharada",
  "Shavian",
  "Siddham",
  "SignWriting",
  "Sinhala",
  "Sogdian",
  "Sora_Sompeng",
  "Soyombo",
  "Sundanese",
  "Syloti_Nagri",
  "Syriac",
  "Tagalog",
  "Tagbanwa",
  "Tai_Le",
  "Tai_Tham",
  "Tai_Viet",
  "Takri",
  "Tamil",
  "Tangsa",
  "Tangut",
  "Telugu",
  "Thaana",
  "Thai",
  "Tibetan",
  "Tifinagh",
  "Tirhuta",
  "Toto",
  "Ugaritic",
  "Unknown",
  "Vai",
  "Vithkuqi",
  "Wancho",
  "Warang_Citi",
  "Yezidi",
  "Yi",
  "Zanabazar_Square"
]);
var NEW_SCRIPT_NAMES = /* @__PURE__ */ new Set([
  "Garay",
  "Gurung_Khema",
  "Kirat_Rai",
  "Ol_Onal",
  "Sunuwar",
  "Todhri",
  "Tulu_Tigalari"
]);
var _sweepCache = /* @__PURE__ */ new Map();
var _foldCache = /* @__PURE__ */ new Map();
var buildForProperty = (name) => {
  if (NEW_SCRIPT_NAMES.has(name)) {
    return _NEW_SCRIPTS.get(name);
  }
  let kind = null;
  let pattern = null;
  if (STABLE_CATEGORY_NAMES.has(name)) {
    kind = "category";
    pattern = `\\p{General_Category=${name}}`;
  } else if (STABLE_SCRIPT_NAMES.has(name)) {
    kind = "script";
    pattern = `\\p{Script=${name}}`;
  } else
    return null;
  const cacheKey = `${kind}:${name}`;
  const cached = _sweepCache.get(cacheKey);
  if (cached)
    return cached;
  const base = sweepPlatform(pattern);
  const delta = kind === "category" ? _DELTA_CATEGORIES.get(name) : _DELTA_SCRIPTS.get(name);
  const merged = delta ? mergeRanges(base, delta) : base;
  const table = new UnicodeRangeTable(merged);
  _sweepCache.set(cacheKey, table);
  return table;
};
var buildFoldOverlay = (name) => {
  const cached = _foldCache.get(name);
  if (cached !== void 0)
    return cached;
  const base = buildForProperty(name);
  if (!base) {
    _foldCache.set(name, null);
    return null;
  }
  const inBase = (r2) => {
    let lo = 0, hi = base.length;
    while (lo < hi) {
      const m = lo + hi >> 1;
      const rlo = base.getLo(m), rhi = base.getHi(m);
      if (r2 < rlo)
        hi = m;
      else if (r2 > rhi)
        lo = m + 1;
      else
        return (r2 - rlo) % base.getStride(m) === 0;
    }
    return false;
  };
  const orbit = getCASE_ORBIT();
  const simpleFold2 = (r2) => {
    const folded = orbit.get(r2);
    if (folded !== void 0)
      return folded;
    const s2 = String.fromCodePoint(r2);
    const lower = s2.toLowerCase();
    if (lower.length === s2.length) {
      const lowerCp = lower.codePointAt(0);
      if (lowerCp !== void 0 && lowerCp !== r2)
        return lowerCp;
    }
    const upper = s2.toUpperCase();
    if (upper.length === s2.length) {
      const upperCp = upper.codePointAt(0);
      if (upperCp !== void 0 && upperCp !== r2)
        return upperCp;
    }
    return r2;
  };
  const extras = /* @__PURE__ */ new Set();
  for (let i = 0; i < base.length; i++) {
    const lo = base.getLo(i), hi = base.getHi(i), stride = base.getStride(i);
    for (let cp = lo; cp <= hi; cp += stride) {
      let r2 = simpleFold2(cp);
      while (r2 !== cp) {
        if (!inBase(r2))
          extras.add(r2);
        r2 = simpleFold2(r2);
      }
    }
  }
  if (extras.size === 0) {
    _foldCache.set(name, null);
    return null;
  }
  const sorted = Array.from(extras).sort((a, b) => a - b);
  const merged = [];
  for (const cp of sorted) {
    const last = merged[merged.length - 1];
    if (last && last[1] + 1 === cp)
      last[1] = cp;
    else
      merged.push([cp, cp]);
  }
  const out = new Uint32Array(merged.length * 3);
  for (let i = 0; i < merged.length; i++) {
    out[i * 3] = merged[i][0];
    out[i * 3 + 1] = merged[i][1];
    out[i * 3 + 2] = 1;
  }
  const table = new UnicodeRangeTable(out);
  _foldCache.set(name, table);
  return table;
};
var getUpper = () => {
  const table = buildForProperty("Lu");
  if (table === null) {
    throw new Error("Upper: missing Lu property");
  }
  return table;
};
var UnicodeTables = {
  get CASE_ORBIT() {
    return getCASE_ORBIT();
  },
  STABLE_CATEGORY_NAMES,
  STABLE_SCRIPT_NAMES,
  NEW_SCRIPT_NAMES,
  buildForProperty,
  buildFoldOverlay,
  CATEGORIES: {
    has: (name) => STABLE_CATEGORY_NAMES.has(name),
    get: (name) => buildForProperty(name)
  },
  SCRIPTS: {
    has: (name) => STABLE_SCRIPT_NAMES.has(name) || NEW_SCRIPT_NAMES.has(name),
    get: (name) => buildForProperty(name)
  },
  FOLD_CATEGORIES: {
    has: (name) => STABLE_CATEGORY_NAMES.has(name),
    get: (name) => buildFoldOverlay(name)
  },
  FOLD_SCRIPT: {
    has: (name) => STABLE_SCRIPT_NAMES.has(name) || NEW_SCRIPT_NAMES.has(name),
    get: (name) => buildFoldOverlay(name)
  },
  get Upper() {
    return getUpper();
  },
  // --- Test-only hooks: expose the raw bundled 15.0→16.0 delta and
  // new-in-16.0 script data so tests can verify the generator output.
  // These are not part of the public API.
  _deltaCategoryRanges: (name) => _DELTA_CATEGORIES.get(name),
  _deltaScriptRanges: (name) => _DELTA_SCRIPTS.get(name),
  _newScriptTable: (name) => _NEW_SCRIPTS.get(name)
};

// node_modules/@bufbuild/re2/dist/esm/Unicode.js
var MAX_RUNE = 1114111;
var MAX_ASCII = 127;
var MAX_BMP = 65535;
var MIN_FOLD = 65;
var MAX_FOLD = 125251;
var MIN_HIGH_SURROGATE = 55296;
var MAX_HIGH_SURROGATE = 56319;
var MIN_LOW_SURROGATE = 56320;
var MAX_LOW_SURROGATE = 57343;
var MIN_SUPPLEMENTARY_CODE_POINT = 65536;
function simpleFold(r2) {
  const caseOrbit = UnicodeTables.CASE_ORBIT;
  const folded = caseOrbit.get(r2);
  if (folded !== void 0) {
    return folded;
  }
  const s2 = String.fromCodePoint(r2);
  const lower = s2.toLowerCase();
  if (lower.length === s2.length) {
    const lowerCp = lower.codePointAt(0);
    if (lowerCp !== void 0 && lowerCp !== r2)
      return lowerCp;
  }
  const upper = s2.toUpperCase();
  if (upper.length === s2.length) {
    const upperCp = upper.codePointAt(0);
    if (upperCp !== void 0 && upperCp !== r2)
      return upperCp;
  }
  return r2;
}
function equalsIgnoreCase(r1, r2) {
  if (r1 < 0 || r2 < 0) {
    return false;
  }
  if (r1 === r2) {
    return true;
  }
  if (r1 <= MAX_ASCII && r2 <= MAX_ASCII) {
    if (65 <= r1 && r1 <= 90) {
      r1 |= 32;
    }
    if (65 <= r2 && r2 <= 90) {
      r2 |= 32;
    }
    return r1 === r2;
  }
  for (let r3 = simpleFold(r1); r3 !== r1; r3 = simpleFold(r3)) {
    if (r3 === r2) {
      return true;
    }
  }
  return false;
}

// node_modules/@bufbuild/re2/dist/esm/chars.js
var codePointAtOrThrow = (s2, i) => {
  const cp = s2.codePointAt(i);
  if (cp === void 0) {
    throw new Error(`codePointAt(${i}) returned undefined for ${JSON.stringify(s2)}`);
  }
  return cp;
};

// node_modules/@bufbuild/re2/dist/esm/Utils.js
var METACHARACTERS = "\\.+*?()|[]{}^$";
var EMPTY_BEGIN_LINE = 1;
var EMPTY_END_LINE = 2;
var EMPTY_BEGIN_TEXT = 4;
var EMPTY_END_TEXT = 8;
var EMPTY_WORD_BOUNDARY = 16;
var EMPTY_NO_WORD_BOUNDARY = 32;
function emptyInts() {
  return [];
}
function isalnum(c) {
  return 48 <= c && c <= 57 || 97 <= c && c <= 122 || 65 <= c && c <= 90;
}
function unhex(c) {
  if (48 <= c && c <= 57) {
    return c - 48;
  }
  if (97 <= c && c <= 102) {
    return c - 97 + 10;
  }
  if (65 <= c && c <= 70) {
    return c - 65 + 10;
  }
  return -1;
}
function stringToRunes(str) {
  return Array.from(String(str)).map((s2) => codePointAtOrThrow(s2, 0));
}
function runeToString(r2) {
  return String.fromCodePoint(r2);
}
function isWordRune(r2) {
  return 97 <= r2 && r2 <= 122 || 65 <= r2 && r2 <= 90 || 48 <= r2 && r2 <= 57 || r2 === 95;
}
function emptyOpContext(r1, r2) {
  let op = 0;
  if (r1 < 0) {
    op |= EMPTY_BEGIN_TEXT | EMPTY_BEGIN_LINE;
  }
  if (r1 === 10) {
    op |= EMPTY_BEGIN_LINE;
  }
  if (r2 < 0) {
    op |= EMPTY_END_TEXT | EMPTY_END_LINE;
  }
  if (r2 === 10) {
    op |= EMPTY_END_LINE;
  }
  if (isWordRune(r1) !== isWordRune(r2)) {
    op |= EMPTY_WORD_BOUNDARY;
  } else {
    op |= EMPTY_NO_WORD_BOUNDARY;
  }
  return op;
}
function quoteMeta(str) {
  return str.split("").map((s2) => {
    if (METACHARACTERS.indexOf(s2) >= 0) {
      return `\\${s2}`;
    }
    return s2;
  }).join("");
}
function charCount(codePoint) {
  return codePoint > MAX_BMP ? 2 : 1;
}

// node_modules/@bufbuild/re2/dist/esm/MachineInput.js
var MachineUTF16Input = class _MachineUTF16Input {
  charSequence;
  start;
  end;
  constructor(charSequence, start = 0, end = charSequence.length) {
    this.charSequence = charSequence;
    this.start = start;
    this.end = end;
  }
  static EOF() {
    return -1 << 3;
  }
  endPos() {
    return this.end;
  }
  hasString(prefilter, pos) {
    const idx = this.charSequence.indexOf(prefilter.str, this.start + pos);
    return idx !== -1 && idx <= this.end - prefilter.str.length;
  }
  step(pos) {
    pos += this.start;
    if (pos >= this.end) {
      return _MachineUTF16Input.EOF();
    }
    const c1 = this.charSequence.charCodeAt(pos);
    if (c1 < MIN_HIGH_SURROGATE || c1 > MAX_HIGH_SURROGATE || pos + 1 >= this.end) {
      return c1 << 3 | 1;
    }
    const c2 = this.charSequence.charCodeAt(pos + 1);
    if (c2 >= MIN_LOW_SURROGATE && c2 <= MAX_LOW_SURROGATE) {
      const rune = (c1 - MIN_HIGH_SURROGATE) * 1024 + (c2 - MIN_LOW_SURROGATE) + MIN_SUPPLEMENTARY_CODE_POINT;
      return rune << 3 | 2;
    }
    return c1 << 3 | 1;
  }
  index(re2, pos) {
    pos += this.start;
    const i = this.charSequence.indexOf(re2.prefix, pos);
    return i < 0 ? i : i - pos;
  }
  context(pos) {
    pos += this.start;
    const r1 = pos > 0 && pos <= this.charSequence.length ? this.charSequence.codePointAt(pos - 1) : -1;
    const r2 = pos < this.charSequence.length ? this.charSequence.codePointAt(pos) : -1;
    if (r1 === void 0 || r2 === void 0) {
      throw new Error("invalid state");
    }
    return emptyOpContext(r1, r2);
  }
  prefixLength(re2) {
    return re2.prefix.length;
  }
};
function fromUTF16(charSequence, start = 0, end = charSequence.length) {
  return new MachineUTF16Input(charSequence, start, end);
}

// node_modules/@bufbuild/re2/dist/esm/Inst.js
var Inst = class _Inst {
  static ALT = 1;
  static ALT_MATCH = 2;
  static CAPTURE = 3;
  static EMPTY_WIDTH = 4;
  static FAIL = 5;
  static MATCH = 6;
  static NOP = 7;
  static RUNE = 8;
  static RUNE1 = 9;
  static RUNE_ANY = 10;
  static RUNE_ANY_NOT_NL = 11;
  op;
  out;
  arg;
  runes;
  static isRuneOp(op) {
    return _Inst.RUNE <= op && op <= _Inst.RUNE_ANY_NOT_NL;
  }
  constructor(op) {
    this.op = op;
    this.out = 0;
    this.arg = 0;
    this.runes = [];
  }
  // MatchRune returns true if the instruction matches (and consumes) r.
  // It should only be called when op is a rune op.
  matchRune(r2) {
    if (this.runes.length === 1) {
      const r0 = this.runes[0];
      if ((this.arg & FOLD_CASE) !== 0) {
        return equalsIgnoreCase(r0, r2);
      }
      return r2 === r0;
    }
    const len = this.runes.length;
    if (len === 2 || len === 4 || len === 6 || len === 8) {
      for (let j = 0; j < len; j += 2) {
        if (r2 < this.runes[j]) {
          return false;
        }
        if (r2 <= this.runes[j + 1]) {
          return true;
        }
      }
      return false;
    }
    let lo = 0;
    let hi = this.runes.length / 2 | 0;
    while (lo < hi) {
      const m = lo + hi >> 1;
      const c = this.runes[2 * m];
      if (c <= r2) {
        if (r2 <= this.runes[2 * m + 1]) {
          return true;
        }
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return false;
  }
};

// node_modules/@bufbuild/re2/dist/esm/DFA.js
var hashPCs = (pcs) => {
  let h = -2128831035;
  for (let i = 0; i < pcs.length; i++) {
    h ^= pcs[i];
    h = Math.imul(h, 16777619);
  }
  return h;
};
var arraysEqual = (a, b) => {
  if (a.length !== b.length)
    return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i])
      return false;
  }
  return true;
};
var DFAState = class {
  nfaStates;
  isMatch;
  hasEmptyWidth;
  matchIDs;
  nextAscii;
  nextMap;
  constructor(nfaStates, isMatch, hasEmptyWidth, matchIDs = []) {
    this.nfaStates = nfaStates;
    this.isMatch = isMatch;
    this.hasEmptyWidth = hasEmptyWidth;
    this.matchIDs = matchIDs;
    this.nextAscii = new Array(MAX_ASCII + 1).fill(null);
    this.nextMap = /* @__PURE__ */ new Map();
  }
};
var DFA = class _DFA {
  prog;
  stateCache;
  stateCount;
  startState;
  stateLimit;
  cacheClears;
  failed;
  static MAX_CACHE_CLEARS = 5;
  constructor(prog) {
    this.prog = prog;
    this.stateCache = /* @__PURE__ */ new Map();
    this.stateCount = 0;
    this.startState = null;
    this.stateLimit = 1e4;
    this.cacheClears = 0;
    this.failed = false;
  }
  // Follows epsilon transitions to find all reachable states without consuming a char.
  // Stops at EMPTY_WIDTH (includes the PC but does not follow through).
  computeClosure(pcs) {
    const closure = /* @__PURE__ */ new Set();
    const stack = [...pcs];
    let isMatch = false;
    let hasEmptyWidth = false;
    const matchIDs = [];
    while (stack.length > 0) {
      const pc = stack.pop();
      if (pc === void 0) {
        throw new Error("invalid state");
      }
      if (closure.has(pc))
        continue;
      closure.add(pc);
      const inst = this.prog.getInst(pc);
      switch (inst.op) {
        case Inst.MATCH:
          isMatch = true;
          if (!matchIDs.includes(inst.arg))
            matchIDs.push(inst.arg);
          break;
        case Inst.ALT:
        case Inst.ALT_MATCH:
          stack.push(inst.out);
          stack.push(inst.arg);
          break;
        case Inst.NOP:
        case Inst.CAPTURE:
          stack.push(inst.out);
          break;
        case Inst.EMPTY_WIDTH:
          hasEmptyWidth = true;
          break;
      }
    }
    const sortedPCs = Int32Array.from(closure).sort();
    matchIDs.sort((a, b) => a - b);
    return { pcs: sortedPCs, isMatch, hasEmptyWidth, matchIDs };
  }
  // Resolve EMPTY_WIDTH PCs using the given context.
  // Returns { resolvedPCs: Set<number>, isMatch: boolean }
  resolveEmptyWidth(nfaStates, context) {
    const resolved = /* @__PURE__ */ new Set();
    const stack = [];
    let isMatch = false;
    for (let i = 0; i < nfaStates.length; i++) {
      const pc = nfaStates[i];
      const inst = this.prog.getInst(pc);
      if (inst.op === Inst.EMPTY_WIDTH) {
        if ((inst.arg & ~context) === 0) {
          stack.push(inst.out);
        }
      } else {
        resolved.add(pc);
        if (inst.op === Inst.MATCH) {
          isMatch = true;
        }
      }
    }
    while (stack.length > 0) {
      const pc = stack.pop();
      if (pc === void 0) {
        throw new Error("invalid state");
      }
      if (resolved.has(pc))
        continue;
      resolved.add(pc);
      const inst = this.prog.getInst(pc);
      switch (inst.op) {
        case Inst.MATCH:
          isMatch = true;
          break;
        case Inst.ALT:
        case Inst.ALT_MATCH:
          stack.push(inst.out);
          stack.push(inst.arg);
          break;
        case Inst.NOP:
        case Inst.CAPTURE:
          stack.push(inst.out);
          break;
        case Inst.EMPTY_WIDTH:
          if ((inst.arg & ~context) === 0) {
            stack.push(inst.out);
          }
          break;
      }
    }
    return { resolvedPCs: resolved, isMatch };
  }
  getState(pcs) {
    const closureResult = this.computeClosure(pcs);
    const sortedPCs = closureResult.pcs;
    const hash2 = hashPCs(sortedPCs);
    let bucket = this.stateCache.get(hash2);
    if (bucket) {
      for (let i = 0; i < bucket.length; i++) {
        const state2 = bucket[i];
        if (arraysEqual(state2.nfaStates, sortedPCs)) {
          return state2;
        }
      }
    } else {
      bucket = [];
      this.stateCache.set(hash2, bucket);
    }
    if (this.failed)
      return null;
    if (this.stateCount >= this.stateLimit) {
      this.stateCache.clear();
      this.stateCount = 0;
      this.startState = null;
      this.cacheClears++;
      if (this.cacheClears >= _DFA.MAX_CACHE_CLEARS) {
        this.failed = true;
      }
      return null;
    }
    const state = new DFAState(sortedPCs, closureResult.isMatch, closureResult.hasEmptyWidth, closureResult.matchIDs);
    bucket.push(state);
    this.stateCount++;
    return state;
  }
  // Compute the next DFA state given a current state, a character, and context.
  // Context is needed only when the state has EMPTY_WIDTH PCs.
  step(state, charCode, anchor, context) {
    let cacheKey = 0;
    if (state.hasEmptyWidth) {
      cacheKey = charCode * 128 + (context & 63) * 2 + (anchor === UNANCHORED ? 0 : 1);
      const cached = state.nextMap.get(cacheKey);
      if (cached !== void 0 || state.nextMap.has(cacheKey)) {
        return cached ?? null;
      }
    } else {
      if (anchor === UNANCHORED && charCode <= MAX_ASCII) {
        const next = state.nextAscii[charCode];
        if (next !== null) {
          return next;
        }
      } else {
        cacheKey = charCode + (anchor === UNANCHORED ? 0 : MAX_RUNE + 1);
        const cached = state.nextMap.get(cacheKey);
        if (cached !== void 0 || state.nextMap.has(cacheKey)) {
          return cached ?? null;
        }
      }
    }
    let activePCs;
    if (state.hasEmptyWidth) {
      const { resolvedPCs } = this.resolveEmptyWidth(state.nfaStates, context);
      activePCs = resolvedPCs;
    } else {
      activePCs = state.nfaStates;
    }
    const nextPCs = [];
    const iterPCs = activePCs instanceof Set ? activePCs : state.nfaStates;
    for (const pc of iterPCs) {
      const inst = this.prog.getInst(pc);
      if (Inst.isRuneOp(inst.op) && inst.matchRune(charCode)) {
        nextPCs.push(inst.out);
      }
    }
    if (anchor === UNANCHORED) {
      nextPCs.push(this.prog.start);
    }
    const nextState = this.getState(nextPCs);
    if (state.hasEmptyWidth) {
      state.nextMap.set(cacheKey, nextState);
    } else if (anchor === UNANCHORED && charCode <= MAX_ASCII) {
      state.nextAscii[charCode] = nextState;
    } else {
      cacheKey = charCode + (anchor === UNANCHORED ? 0 : MAX_RUNE + 1);
      state.nextMap.set(cacheKey, nextState);
    }
    return nextState;
  }
  // The hot loop: Execute the Lazy DFA
  match(input, pos, anchor) {
    if (!this.startState) {
      this.startState = this.getState([this.prog.start]);
      if (!this.startState)
        return null;
    }
    const endPos = input.endPos();
    let currentState = this.startState;
    let prevRune = -1;
    if (pos > 0) {
      const r2 = input.step(pos - 1) >> 3;
      if (r2 >= 0)
        prevRune = r2;
    }
    if (currentState.isMatch) {
      if (anchor === ANCHOR_BOTH) {
        if (pos === endPos)
          return true;
      } else {
        return true;
      }
    }
    let i = pos;
    while (i < endPos) {
      const r2 = input.step(i);
      const rune = r2 >> 3;
      const width = r2 & 7;
      if (width === 0)
        break;
      const context = emptyOpContext(prevRune, rune);
      if (currentState.hasEmptyWidth) {
        const { isMatch } = this.resolveEmptyWidth(currentState.nfaStates, context);
        if (isMatch) {
          if (anchor === ANCHOR_BOTH) {
          } else {
            return true;
          }
        }
      }
      if (!currentState.hasEmptyWidth && anchor === UNANCHORED && rune <= MAX_ASCII) {
        currentState = currentState.nextAscii[rune] || this.step(currentState, rune, anchor, context);
      } else {
        currentState = this.step(currentState, rune, anchor, context);
      }
      if (currentState === null)
        return null;
      if (currentState.isMatch) {
        if (anchor === ANCHOR_BOTH) {
          if (i + width === endPos)
            return true;
        } else {
          return true;
        }
      }
      if (currentState.nfaStates.length === 0) {
        if (anchor !== UNANCHORED)
          return false;
      }
      prevRune = rune;
      i += width;
    }
    if (currentState.hasEmptyWidth) {
      const endContext = emptyOpContext(prevRune, -1);
      const { isMatch } = this.resolveEmptyWidth(currentState.nfaStates, endContext);
      if (isMatch)
        return true;
    }
    return false;
  }
};

// node_modules/@bufbuild/re2/dist/esm/Regexp.js
var Regexp = class _Regexp {
  static Op = {
    NO_MATCH: 0,
    EMPTY_MATCH: 1,
    LITERAL: 2,
    CHAR_CLASS: 3,
    ANY_CHAR_NOT_NL: 4,
    ANY_CHAR: 5,
    BEGIN_LINE: 6,
    END_LINE: 7,
    BEGIN_TEXT: 8,
    END_TEXT: 9,
    WORD_BOUNDARY: 10,
    NO_WORD_BOUNDARY: 11,
    CAPTURE: 12,
    STAR: 13,
    PLUS: 14,
    QUEST: 15,
    REPEAT: 16,
    CONCAT: 17,
    ALTERNATE: 18,
    LEFT_PAREN: 19,
    VERTICAL_BAR: 20
  };
  static isPseudoOp(op) {
    return op >= _Regexp.Op.LEFT_PAREN;
  }
  static emptySubs() {
    return [];
  }
  static fromRegexp(re) {
    const regex = new _Regexp(re.op);
    regex.flags = re.flags;
    regex.subs = re.subs;
    regex.runes = re.runes;
    regex.cap = re.cap;
    regex.min = re.min;
    regex.max = re.max;
    regex.name = re.name;
    regex.namedGroups = re.namedGroups;
    return regex;
  }
  op;
  flags;
  subs;
  runes;
  min;
  max;
  cap;
  name;
  namedGroups;
  constructor(op) {
    this.op = op;
    this.flags = 0;
    this.subs = _Regexp.emptySubs();
    this.runes = [];
    this.min = 0;
    this.max = 0;
    this.cap = 0;
    this.name = null;
    this.namedGroups = /* @__PURE__ */ new Map();
  }
  reinit() {
    this.flags = 0;
    this.subs = _Regexp.emptySubs();
    this.runes = [];
    this.cap = 0;
    this.min = 0;
    this.max = 0;
    this.name = null;
    this.namedGroups = /* @__PURE__ */ new Map();
  }
  // maxCap() walks the regexp to find the maximum capture index.
  maxCap() {
    let m = 0;
    if (this.op === _Regexp.Op.CAPTURE) {
      m = this.cap;
    }
    if (this.subs !== null) {
      for (let sub of this.subs) {
        const n2 = sub.maxCap();
        if (m < n2) {
          m = n2;
        }
      }
    }
    return m;
  }
};

// node_modules/@bufbuild/re2/dist/esm/Prefilter.js
var Prefilter = class _Prefilter {
  type;
  subs;
  str;
  static Type = { NONE: 0, EXACT: 1, AND: 2, OR: 3 };
  constructor(type) {
    this.type = type;
    this.subs = [];
    this.str = "";
  }
  eval(input, pos) {
    switch (this.type) {
      case _Prefilter.Type.NONE:
        return true;
      case _Prefilter.Type.EXACT:
        return input.hasString(this, pos);
      case _Prefilter.Type.AND:
        for (let i = 0; i < this.subs.length; i++) {
          if (!this.subs[i].eval(input, pos))
            return false;
        }
        return true;
      case _Prefilter.Type.OR:
        for (let i = 0; i < this.subs.length; i++) {
          if (this.subs[i].eval(input, pos))
            return true;
        }
        return false;
      default:
        return true;
    }
  }
};
var fromRegexp = (re) => {
  if (!re)
    return new Prefilter(Prefilter.Type.NONE);
  switch (re.op) {
    case Regexp.Op.NO_MATCH:
    case Regexp.Op.EMPTY_MATCH:
    case Regexp.Op.BEGIN_LINE:
    case Regexp.Op.END_LINE:
    case Regexp.Op.BEGIN_TEXT:
    case Regexp.Op.END_TEXT:
    case Regexp.Op.WORD_BOUNDARY:
    case Regexp.Op.NO_WORD_BOUNDARY:
    case Regexp.Op.CHAR_CLASS:
    case Regexp.Op.ANY_CHAR_NOT_NL:
    case Regexp.Op.ANY_CHAR: {
      return new Prefilter(Prefilter.Type.NONE);
    }
    case Regexp.Op.LITERAL: {
      if (re.runes.length === 0 || (re.flags & FOLD_CASE) !== 0) {
        return new Prefilter(Prefilter.Type.NONE);
      }
      const pf = new Prefilter(Prefilter.Type.EXACT);
      let str = "";
      for (let i = 0; i < re.runes.length; i++) {
        str += String.fromCodePoint(re.runes[i]);
      }
      pf.str = str;
      return pf;
    }
    case Regexp.Op.CAPTURE:
    case Regexp.Op.PLUS: {
      return fromRegexp(re.subs[0]);
    }
    case Regexp.Op.REPEAT: {
      if (re.min >= 1) {
        return fromRegexp(re.subs[0]);
      }
      return new Prefilter(Prefilter.Type.NONE);
    }
    case Regexp.Op.CONCAT: {
      const pf = new Prefilter(Prefilter.Type.AND);
      for (const sub of re.subs) {
        pf.subs.push(fromRegexp(sub));
      }
      return pf;
    }
    case Regexp.Op.ALTERNATE: {
      const pf = new Prefilter(Prefilter.Type.OR);
      for (const sub of re.subs) {
        pf.subs.push(fromRegexp(sub));
      }
      return pf;
    }
    default:
      return new Prefilter(Prefilter.Type.NONE);
  }
};
var simplify = (pf) => {
  if (pf.type === Prefilter.Type.EXACT || pf.type === Prefilter.Type.NONE) {
    return pf;
  }
  if (pf.type === Prefilter.Type.AND) {
    const newSubs = [];
    for (const sub of pf.subs) {
      const s2 = simplify(sub);
      if (s2.type !== Prefilter.Type.NONE) {
        if (s2.type === Prefilter.Type.AND) {
          newSubs.push(...s2.subs);
        } else {
          newSubs.push(s2);
        }
      }
    }
    if (newSubs.length === 0)
      return new Prefilter(Prefilter.Type.NONE);
    if (newSubs.length === 1)
      return newSubs[0];
    pf.subs = newSubs;
    return pf;
  }
  if (pf.type === Prefilter.Type.OR) {
    const newSubs = [];
    for (const sub of pf.subs) {
      const s2 = simplify(sub);
      if (s2.type === Prefilter.Type.NONE) {
        return new Prefilter(Prefilter.Type.NONE);
      }
      if (s2.type === Prefilter.Type.OR) {
        newSubs.push(...s2.subs);
      } else {
        newSubs.push(s2);
      }
    }
    if (newSubs.length === 0)
      return new Prefilter(Prefilter.Type.NONE);
    if (newSubs.length === 1)
      return newSubs[0];
    const seen = /* @__PURE__ */ new Set();
    const uniqueSubs = [];
    for (const sub of newSubs) {
      if (sub.type === Prefilter.Type.EXACT) {
        if (!seen.has(sub.str)) {
          seen.add(sub.str);
          uniqueSubs.push(sub);
        }
      } else {
        uniqueSubs.push(sub);
      }
    }
    pf.subs = uniqueSubs;
    return pf;
  }
  return pf;
};
var PrefilterTree = {
  build: (re) => simplify(fromRegexp(re))
};

// node_modules/@bufbuild/re2/dist/esm/Prog.js
var PatchList = class {
  head;
  tail;
  /**
   * @param {number} head - Encoded pointer to the start of the patch list.
   * @param {number} tail - Encoded pointer to the end of the patch list.
   */
  constructor(head = 0, tail = 0) {
    this.head = head;
    this.tail = tail;
  }
};
var Prog = class {
  inst;
  start;
  numCap;
  constructor() {
    this.inst = [];
    this.start = 0;
    this.numCap = 2;
  }
  // Returns the instruction at the specified pc.
  // Precondition: pc > 0 && pc < numInst().
  getInst(pc) {
    return this.inst[pc];
  }
  // Returns the number of instructions in this program.
  numInst() {
    return this.inst.length;
  }
  // Adds a new instruction to this program, with operator |op| and |pc| equal
  // to |numInst()|.
  addInst(op) {
    this.inst.push(new Inst(op));
  }
  // skipNop() follows any no-op or capturing instructions and returns the
  // resulting instruction.
  skipNop(pc) {
    let i = this.inst[pc];
    while (i.op === Inst.NOP || i.op === Inst.CAPTURE) {
      i = this.inst[pc];
      pc = i.out;
    }
    return i;
  }
  // prefix() returns a pair of a literal string that all matches for the
  // regexp must start with, and a boolean which is true if the prefix is the
  // entire match.  The string is returned by appending to |prefix|.
  prefix() {
    let prefix = "";
    let i = this.skipNop(this.start);
    if (!Inst.isRuneOp(i.op) || i.runes.length !== 1) {
      return [i.op === Inst.MATCH, prefix];
    }
    while (Inst.isRuneOp(i.op) && i.runes.length === 1 && (i.arg & FOLD_CASE) === 0) {
      prefix += String.fromCodePoint(i.runes[0]);
      i = this.skipNop(i.out);
    }
    return [i.op === Inst.MATCH, prefix];
  }
  // startCond() returns the leading empty-width conditions that must be true
  // in any match.  It returns -1 (all bits set) if no matches are possible.
  startCond() {
    let flag = 0;
    let pc = this.start;
    loop: for (; ; ) {
      const i = this.inst[pc];
      switch (i.op) {
        case Inst.EMPTY_WIDTH:
          flag |= i.arg;
          break;
        case Inst.FAIL:
          return -1;
        case Inst.CAPTURE:
        case Inst.NOP:
          break;
        default:
          break loop;
      }
      pc = i.out;
    }
    return flag;
  }
  // --- Patch list ---
  // A patchlist is a list of instruction pointers that need to be filled in
  // (patched).  Because the pointers haven't been filled in yet, we can reuse
  // their storage to hold the list.  It's kind of sleazy, but works well in
  // practice.  See http://swtch.com/~rsc/regexp/regexp1.html for inspiration.
  // These aren't really pointers: they're integers, so we can reinterpret them
  // this way without using package unsafe.  A value l denotes p.inst[l>>1].out
  // (l&1==0) or .arg (l&1==1).  l == 0 denotes the empty list, okay because we
  // start every program with a fail instruction, so we'll never want to point
  // at its output link.
  next(l) {
    const i = this.inst[l >> 1];
    if ((l & 1) === 0) {
      return i.out;
    }
    return i.arg;
  }
  patch(l, val) {
    let head = l.head;
    while (head !== 0) {
      const i = this.inst[head >> 1];
      if ((head & 1) === 0) {
        head = i.out;
        i.out = val;
      } else {
        head = i.arg;
        i.arg = val;
      }
    }
  }
  append(l1, l2) {
    if (l1.head === 0)
      return l2;
    if (l2.head === 0)
      return l1;
    const i = this.inst[l1.tail >> 1];
    if ((l1.tail & 1) === 0) {
      i.out = l2.head;
    } else {
      i.arg = l2.head;
    }
    return new PatchList(l1.head, l2.tail);
  }
};

// node_modules/@bufbuild/re2/dist/esm/exceptions.js
var RE2JSException = class extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RE2JSException";
  }
};
var RE2JSSyntaxException = class extends RE2JSException {
  error;
  input;
  /**
   * @param {string} error
   * @param {string|null} [input=null]
   */
  constructor(error, input = null) {
    let message = `error parsing regexp: ${error}`;
    if (input) {
      message += `: \`${input}\``;
    }
    super(message);
    this.name = "RE2JSSyntaxException";
    this.message = message;
    this.error = error;
    this.input = input;
  }
  /**
   * Retrieves the description of the error.
   * @returns {string}
   */
  getDescription() {
    return this.error;
  }
  /**
   * Retrieves the erroneous regular-expression pattern.
   * @returns {string|null}
   */
  getPattern() {
    return this.input;
  }
};
var RE2JSCompileException = class extends RE2JSException {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RE2JSCompileException";
  }
};
var RE2JSFlagsException = class extends RE2JSException {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RE2JSFlagsException";
  }
};

// node_modules/@bufbuild/re2/dist/esm/Compiler.js
var Frag = class {
  i;
  out;
  nullable;
  constructor(i = 0, out = new PatchList(), nullable = false) {
    this.i = i;
    this.out = out;
    this.nullable = nullable;
  }
};
var Compiler = class _Compiler {
  prog;
  static ANY_RUNE_NOT_NL() {
    return [0, 10 - 1, 10 + 1, MAX_RUNE];
  }
  static ANY_RUNE() {
    return [0, MAX_RUNE];
  }
  static compileRegexp(re) {
    const c = new _Compiler();
    const f = c.compile(re);
    c.prog.patch(f.out, c.newInst(Inst.MATCH).i);
    c.prog.start = f.i;
    return c.prog;
  }
  constructor() {
    this.prog = new Prog();
    this.newInst(Inst.FAIL);
  }
  newInst(op) {
    this.prog.addInst(op);
    return new Frag(this.prog.numInst() - 1, new PatchList(), true);
  }
  // Returns a no-op fragment.  Sometimes unavoidable.
  nop() {
    const f = this.newInst(Inst.NOP);
    f.out = new PatchList(f.i << 1, f.i << 1);
    return f;
  }
  fail() {
    return new Frag();
  }
  // Given fragment a, returns (a) capturing as \n.
  // Given a fragment a, returns a fragment with capturing parens around a.
  cap(arg) {
    const f = this.newInst(Inst.CAPTURE);
    f.out = new PatchList(f.i << 1, f.i << 1);
    this.prog.getInst(f.i).arg = arg;
    if (this.prog.numCap < arg + 1) {
      this.prog.numCap = arg + 1;
    }
    return f;
  }
  // Given fragments a and b, returns ab; a|b
  cat(f1, f2) {
    if (f1.i === 0 || f2.i === 0) {
      return this.fail();
    }
    this.prog.patch(f1.out, f2.i);
    return new Frag(f1.i, f2.out, f1.nullable && f2.nullable);
  }
  // Given fragments for a and b, returns fragment for a|b.
  alt(f1, f2) {
    if (f1.i === 0) {
      return f2;
    }
    if (f2.i === 0) {
      return f1;
    }
    const f = this.newInst(Inst.ALT);
    const i = this.prog.getInst(f.i);
    i.out = f1.i;
    i.arg = f2.i;
    f.out = this.prog.append(f1.out, f2.out);
    f.nullable = f1.nullable || f2.nullable;
    return f;
  }
  // loop returns the fragment for the main loop of a plus or star.
  // For plus, it can be used directly. with f1.i as the entry.
  // For star, it can be used directly when f1 can't match an empty string.
  // (When f1 can match an empty string, f1* must be implemented as (f1+)?
  // to get the priority match order correct.)
  loop(f1, nongreedy) {
    const f = this.newInst(Inst.ALT);
    const i = this.prog.getInst(f.i);
    if (nongreedy) {
      i.arg = f1.i;
      f.out = new PatchList(f.i << 1, f.i << 1);
    } else {
      i.out = f1.i;
      f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
    }
    this.prog.patch(f1.out, f.i);
    return f;
  }
  // Given a fragment for a, returns a fragment for a? or a?? (if nongreedy)
  quest(f1, nongreedy) {
    const f = this.newInst(Inst.ALT);
    const i = this.prog.getInst(f.i);
    if (nongreedy) {
      i.arg = f1.i;
      f.out = new PatchList(f.i << 1, f.i << 1);
    } else {
      i.out = f1.i;
      f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
    }
    f.out = this.prog.append(f.out, f1.out);
    return f;
  }
  // Given a fragment a, returns a fragment for a* or a*? (if nongreedy)
  star(f1, nongreedy) {
    if (f1.nullable) {
      return this.quest(this.plus(f1, nongreedy), nongreedy);
    }
    return this.loop(f1, nongreedy);
  }
  // Given a fragment for a, returns a fragment for a+ or a+? (if nongreedy)
  plus(f1, nongreedy) {
    return new Frag(f1.i, this.loop(f1, nongreedy).out, f1.nullable);
  }
  // op is a bitmask of EMPTY_* flags.
  empty(op) {
    const f = this.newInst(Inst.EMPTY_WIDTH);
    this.prog.getInst(f.i).arg = op;
    f.out = new PatchList(f.i << 1, f.i << 1);
    return f;
  }
  // flags : parser flags
  rune(runes, flags) {
    const f = this.newInst(Inst.RUNE);
    f.nullable = false;
    const i = this.prog.getInst(f.i);
    i.runes = runes;
    flags &= FOLD_CASE;
    if (runes.length !== 1 || simpleFold(runes[0]) === runes[0]) {
      flags &= ~FOLD_CASE;
    }
    i.arg = flags;
    f.out = new PatchList(f.i << 1, f.i << 1);
    if ((flags & FOLD_CASE) === 0 && runes.length === 1 || runes.length === 2 && runes[0] === runes[1]) {
      i.op = Inst.RUNE1;
    } else if (runes.length === 2 && runes[0] === 0 && runes[1] === MAX_RUNE) {
      i.op = Inst.RUNE_ANY;
    } else if (runes.length === 4 && runes[0] === 0 && runes[1] === 10 - 1 && runes[2] === 10 + 1 && runes[3] === MAX_RUNE) {
      i.op = Inst.RUNE_ANY_NOT_NL;
    }
    return f;
  }
  compile(re) {
    switch (re.op) {
      case Regexp.Op.NO_MATCH:
        return this.fail();
      case Regexp.Op.EMPTY_MATCH:
        return this.nop();
      case Regexp.Op.LITERAL:
        if (re.runes.length === 0) {
          return this.nop();
        }
        let f = null;
        for (let r2 of re.runes) {
          const f1 = this.rune([r2], re.flags);
          f = f === null ? f1 : this.cat(f, f1);
        }
        return f;
      case Regexp.Op.CHAR_CLASS:
        return this.rune(re.runes, re.flags);
      case Regexp.Op.ANY_CHAR_NOT_NL:
        return this.rune(_Compiler.ANY_RUNE_NOT_NL(), 0);
      case Regexp.Op.ANY_CHAR:
        return this.rune(_Compiler.ANY_RUNE(), 0);
      case Regexp.Op.BEGIN_LINE:
        return this.empty(EMPTY_BEGIN_LINE);
      case Regexp.Op.END_LINE:
        return this.empty(EMPTY_END_LINE);
      case Regexp.Op.BEGIN_TEXT:
        return this.empty(EMPTY_BEGIN_TEXT);
      case Regexp.Op.END_TEXT:
        return this.empty(EMPTY_END_TEXT);
      case Regexp.Op.WORD_BOUNDARY:
        return this.empty(EMPTY_WORD_BOUNDARY);
      case Regexp.Op.NO_WORD_BOUNDARY:
        return this.empty(EMPTY_NO_WORD_BOUNDARY);
      case Regexp.Op.CAPTURE: {
        const bra = this.cap(re.cap << 1);
        const sub = this.compile(re.subs[0]);
        const ket = this.cap(re.cap << 1 | 1);
        return this.cat(this.cat(bra, sub), ket);
      }
      case Regexp.Op.STAR:
        return this.star(this.compile(re.subs[0]), (re.flags & NON_GREEDY) !== 0);
      case Regexp.Op.PLUS:
        return this.plus(this.compile(re.subs[0]), (re.flags & NON_GREEDY) !== 0);
      case Regexp.Op.QUEST:
        return this.quest(this.compile(re.subs[0]), (re.flags & NON_GREEDY) !== 0);
      case Regexp.Op.CONCAT: {
        if (re.subs.length === 0) {
          return this.nop();
        }
        let f2 = null;
        for (let sub of re.subs) {
          const f1 = this.compile(sub);
          f2 = f2 === null ? f1 : this.cat(f2, f1);
        }
        if (f2 === null) {
          throw new Error("invalid frag");
        }
        return f2;
      }
      case Regexp.Op.ALTERNATE: {
        if (re.subs.length === 0) {
          return this.nop();
        }
        let f2 = null;
        for (let sub of re.subs) {
          const f1 = this.compile(sub);
          f2 = f2 === null ? f1 : this.alt(f2, f1);
        }
        if (f2 === null) {
          throw new Error("invalid frag");
        }
        return f2;
      }
      default:
        throw new RE2JSCompileException("regexp: unhandled case in compile");
    }
  }
};

// node_modules/@bufbuild/re2/dist/esm/Simplify.js
function simplify2(re) {
  switch (re.op) {
    case Regexp.Op.CAPTURE: {
      const sub = simplify2(re.subs[0]);
      if (sub !== re.subs[0]) {
        const nre = Regexp.fromRegexp(re);
        nre.runes = [];
        nre.subs = [sub];
        return nre;
      }
      return re;
    }
    case Regexp.Op.CONCAT:
    case Regexp.Op.ALTERNATE: {
      const newSubs = [];
      let changed = false;
      for (let i = 0; i < re.subs.length; i++) {
        const sub = re.subs[i];
        const nsub = simplify2(sub);
        if (nsub !== sub) {
          changed = true;
        }
        if (re.op === Regexp.Op.CONCAT) {
          if (nsub.op === Regexp.Op.NO_MATCH) {
            return new Regexp(Regexp.Op.NO_MATCH);
          }
          if (nsub.op === Regexp.Op.EMPTY_MATCH) {
            changed = true;
            continue;
          }
          if (nsub.op === Regexp.Op.CONCAT) {
            changed = true;
            newSubs.push(...nsub.subs);
            continue;
          }
        } else if (re.op === Regexp.Op.ALTERNATE) {
          if (nsub.op === Regexp.Op.NO_MATCH) {
            changed = true;
            continue;
          }
          if (nsub.op === Regexp.Op.ALTERNATE) {
            changed = true;
            newSubs.push(...nsub.subs);
            continue;
          }
        }
        newSubs.push(nsub);
      }
      if (changed) {
        if (newSubs.length === 0) {
          return new Regexp(re.op === Regexp.Op.CONCAT ? Regexp.Op.EMPTY_MATCH : Regexp.Op.NO_MATCH);
        }
        if (newSubs.length === 1) {
          return newSubs[0];
        }
        const nre = Regexp.fromRegexp(re);
        nre.runes = [];
        nre.subs = newSubs;
        return nre;
      }
      return re;
    }
    case Regexp.Op.CHAR_CLASS: {
      if (re.runes === null)
        return re;
      if (re.runes.length === 0) {
        return new Regexp(Regexp.Op.NO_MATCH);
      }
      if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === MAX_RUNE) {
        return new Regexp(Regexp.Op.ANY_CHAR);
      }
      if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === 10 - 1 && re.runes[2] === 10 + 1 && re.runes[3] === MAX_RUNE) {
        return new Regexp(Regexp.Op.ANY_CHAR_NOT_NL);
      }
      return re;
    }
    case Regexp.Op.STAR:
    case Regexp.Op.PLUS:
    case Regexp.Op.QUEST: {
      const sub = simplify2(re.subs[0]);
      return simplify1(re.op, re.flags, sub, re);
    }
    case Regexp.Op.REPEAT: {
      if (re.min === 0 && re.max === 0) {
        return new Regexp(Regexp.Op.EMPTY_MATCH);
      }
      const sub = simplify2(re.subs[0]);
      if (re.max === -1) {
        if (re.min === 0) {
          return simplify1(Regexp.Op.STAR, re.flags, sub, null);
        }
        if (re.min === 1) {
          return simplify1(Regexp.Op.PLUS, re.flags, sub, null);
        }
        const nre = new Regexp(Regexp.Op.CONCAT);
        const subs = [];
        for (let i = 0; i < re.min - 1; i++) {
          subs.push(sub);
        }
        subs.push(simplify1(Regexp.Op.PLUS, re.flags, sub, null));
        nre.subs = subs.slice(0);
        return simplify2(nre);
      }
      if (re.min === 1 && re.max === 1) {
        return sub;
      }
      let prefixSubs = null;
      if (re.min > 0) {
        prefixSubs = [];
        for (let i = 0; i < re.min; i++) {
          prefixSubs.push(sub);
        }
      }
      if (re.max > re.min) {
        let suffix = simplify1(Regexp.Op.QUEST, re.flags, sub, null);
        for (let i = re.min + 1; i < re.max; i++) {
          const nre2 = new Regexp(Regexp.Op.CONCAT);
          nre2.subs = [sub, suffix];
          suffix = simplify1(Regexp.Op.QUEST, re.flags, nre2, null);
        }
        if (prefixSubs === null) {
          return suffix;
        }
        prefixSubs.push(suffix);
      }
      if (prefixSubs !== null) {
        const prefix = new Regexp(Regexp.Op.CONCAT);
        prefix.subs = prefixSubs.slice(0);
        return simplify2(prefix);
      }
      return new Regexp(Regexp.Op.NO_MATCH);
    }
  }
  return re;
}
function simplify1(op, flags, sub, re) {
  if (sub.op === Regexp.Op.EMPTY_MATCH) {
    return sub;
  }
  if (sub.op === Regexp.Op.NO_MATCH) {
    if (op === Regexp.Op.PLUS)
      return sub;
    return new Regexp(Regexp.Op.EMPTY_MATCH);
  }
  if (op === sub.op && (flags & NON_GREEDY) === (sub.flags & NON_GREEDY)) {
    return sub;
  }
  if (re !== null && re.op === op && (re.flags & NON_GREEDY) === (flags & NON_GREEDY) && sub === re.subs[0]) {
    return re;
  }
  const nre = new Regexp(op);
  nre.flags = flags;
  nre.subs = [sub];
  return nre;
}

// node_modules/@bufbuild/re2/dist/esm/CharGroup.js
var CharGroup = class {
  sign;
  cls;
  constructor(sign, cls) {
    this.sign = sign;
    this.cls = cls;
  }
};
var code1 = [48, 57];
var code2 = [9, 10, 12, 13, 32, 32];
var code3 = [48, 57, 65, 90, 95, 95, 97, 122];
var _PERL_GROUPS = null;
var getPerlGroups = () => {
  if (!_PERL_GROUPS) {
    _PERL_GROUPS = /* @__PURE__ */ new Map([
      ["\\d", new CharGroup(1, code1)],
      ["\\D", new CharGroup(-1, code1)],
      ["\\s", new CharGroup(1, code2)],
      ["\\S", new CharGroup(-1, code2)],
      ["\\w", new CharGroup(1, code3)],
      ["\\W", new CharGroup(-1, code3)]
    ]);
  }
  return _PERL_GROUPS;
};
var code4 = [48, 57, 65, 90, 97, 122];
var code5 = [65, 90, 97, 122];
var code6 = [0, 127];
var code7 = [9, 9, 32, 32];
var code8 = [0, 31, 127, 127];
var code9 = [48, 57];
var code10 = [33, 126];
var code11 = [97, 122];
var code12 = [32, 126];
var code13 = [33, 47, 58, 64, 91, 96, 123, 126];
var code14 = [9, 13, 32, 32];
var code15 = [65, 90];
var code16 = [48, 57, 65, 90, 95, 95, 97, 122];
var code17 = [48, 57, 65, 70, 97, 102];
var _POSIX_GROUPS = null;
var getPosixGroups = () => {
  if (!_POSIX_GROUPS) {
    _POSIX_GROUPS = /* @__PURE__ */ new Map([
      ["[:alnum:]", new CharGroup(1, code4)],
      ["[:^alnum:]", new CharGroup(-1, code4)],
      ["[:alpha:]", new CharGroup(1, code5)],
      ["[:^alpha:]", new CharGroup(-1, code5)],
      ["[:ascii:]", new CharGroup(1, code6)],
      ["[:^ascii:]", new CharGroup(-1, code6)],
      ["[:blank:]", new CharGroup(1, code7)],
      ["[:^blank:]", new CharGroup(-1, code7)],
      ["[:cntrl:]", new CharGroup(1, code8)],
      ["[:^cntrl:]", new CharGroup(-1, code8)],
      ["[:digit:]", new CharGroup(1, code9)],
      ["[:^digit:]", new CharGroup(-1, code9)],
      ["[:graph:]", new CharGroup(1, code10)],
      ["[:^graph:]", new CharGroup(-1, code10)],
      ["[:lower:]", new CharGroup(1, code11)],
      ["[:^lower:]", new CharGroup(-1, code11)],
      ["[:print:]", new CharGroup(1, code12)],
      ["[:^print:]", new CharGroup(-1, code12)],
      ["[:punct:]", new CharGroup(1, code13)],
      ["[:^punct:]", new CharGroup(-1, code13)],
      ["[:space:]", new CharGroup(1, code14)],
      ["[:^space:]", new CharGroup(-1, code14)],
      ["[:upper:]", new CharGroup(1, code15)],
      ["[:^upper:]", new CharGroup(-1, code15)],
      ["[:word:]", new CharGroup(1, code16)],
      ["[:^word:]", new CharGroup(-1, code16)],
      ["[:xdigit:]", new CharGroup(1, code17)],
      ["[:^xdigit:]", new CharGroup(-1, code17)]
    ]);
  }
  return _POSIX_GROUPS;
};

// node_modules/@bufbuild/re2/dist/esm/CharClass.js
var CharClass = class _CharClass {
  // cmp() returns the ordering of the pair (a[i], a[i+1]) relative to
  // (pivotFrom, pivotTo), where the first component of the pair (lo) is
  // ordered naturally and the second component (hi) is in reverse order.
  static cmp(array, i, pivotFrom, pivotTo) {
    const cmp = array[i] - pivotFrom;
    return cmp !== 0 ? cmp : pivotTo - array[i + 1];
  }
  // qsortIntPair() quicksorts pairs of ints in |array| according to lt().
  // Precondition: |left|, |right|, |this.len| must all be even; |this.len > 1|.
  static qsortIntPair(array, left, right) {
    const pivotIndex = ((left + right) / 2 | 0) & ~1;
    const pivotFrom = array[pivotIndex];
    const pivotTo = array[pivotIndex + 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (i < right && _CharClass.cmp(array, i, pivotFrom, pivotTo) < 0) {
        i += 2;
      }
      while (j > left && _CharClass.cmp(array, j, pivotFrom, pivotTo) > 0) {
        j -= 2;
      }
      if (i <= j) {
        if (i !== j) {
          let temp = array[i];
          array[i] = array[j];
          array[j] = temp;
          temp = array[i + 1];
          array[i + 1] = array[j + 1];
          array[j + 1] = temp;
        }
        i += 2;
        j -= 2;
      }
    }
    if (left < j) {
      _CharClass.qsortIntPair(array, left, j);
    }
    if (i < right) {
      _CharClass.qsortIntPair(array, i, right);
    }
  }
  r;
  len;
  constructor(r2 = emptyInts()) {
    this.r = r2;
    this.len = r2.length;
  }
  // Returns the character class as an int array.  Subsequent CharClass
  // operations may mutate this array, so typically this is the last operation
  // performed on a given CharClass instance.
  toArray() {
    if (this.len === this.r.length) {
      return this.r;
    }
    return this.r.slice(0, this.len);
  }
  // cleanClass() sorts the ranges (pairs of elements) of this CharClass,
  // merges them, and eliminates duplicates.
  cleanClass() {
    if (this.len < 4) {
      return this;
    }
    _CharClass.qsortIntPair(this.r, 0, this.len - 2);
    let w = 2;
    for (let i = 2; i < this.len; i += 2) {
      {
        const lo = this.r[i];
        const hi = this.r[i + 1];
        if (lo <= this.r[w - 1] + 1) {
          if (hi > this.r[w - 1]) {
            this.r[w - 1] = hi;
          }
          continue;
        }
        this.r[w] = lo;
        this.r[w + 1] = hi;
        w += 2;
      }
    }
    this.len = w;
    return this;
  }
  // appendLiteral() appends the literal |x| to this CharClass.
  appendLiteral(x, flags) {
    return (flags & FOLD_CASE) !== 0 ? this.appendFoldedRange(x, x) : this.appendRange(x, x);
  }
  // appendRange() appends the range [lo-hi] (inclusive) to this CharClass.
  appendRange(lo, hi) {
    if (this.len > 0) {
      for (let i = 2; i <= 4; i += 2) {
        if (this.len >= i) {
          const rlo = this.r[this.len - i];
          const rhi = this.r[this.len - i + 1];
          if (lo <= rhi + 1 && rlo <= hi + 1) {
            if (lo < rlo) {
              this.r[this.len - i] = lo;
            }
            if (hi > rhi) {
              this.r[this.len - i + 1] = hi;
            }
            return this;
          }
        }
      }
    }
    this.r[this.len++] = lo;
    this.r[this.len++] = hi;
    return this;
  }
  // appendFoldedRange() appends the range [lo-hi] and its case
  // folding-equivalent runes to this CharClass.
  appendFoldedRange(lo, hi) {
    if (lo <= MIN_FOLD && hi >= MAX_FOLD) {
      return this.appendRange(lo, hi);
    }
    if (hi < MIN_FOLD || lo > MAX_FOLD) {
      return this.appendRange(lo, hi);
    }
    if (lo < MIN_FOLD) {
      this.appendRange(lo, MIN_FOLD - 1);
      lo = MIN_FOLD;
    }
    if (hi > MAX_FOLD) {
      this.appendRange(MAX_FOLD + 1, hi);
      hi = MAX_FOLD;
    }
    for (let c = lo; c <= hi; c++) {
      this.appendRange(c, c);
      for (let f = simpleFold(c); f !== c; f = simpleFold(f)) {
        this.appendRange(f, f);
      }
    }
    return this;
  }
  // appendClass() appends the class |x| to this CharClass.
  // It assumes |x| is clean.  Does not mutate |x|.
  appendClass(x) {
    for (let i = 0; i < x.length; i += 2) {
      this.appendRange(x[i], x[i + 1]);
    }
    return this;
  }
  // appendFoldedClass() appends the case folding of the class |x| to this
  // CharClass.  Does not mutate |x|.
  appendFoldedClass(x) {
    for (let i = 0; i < x.length; i += 2) {
      this.appendFoldedRange(x[i], x[i + 1]);
    }
    return this;
  }
  // appendNegatedClass() append the negation of the class |x| to this
  // CharClass.  It assumes |x| is clean.  Does not mutate |x|.
  appendNegatedClass(x) {
    let nextLo = 0;
    for (let i = 0; i < x.length; i += 2) {
      const lo = x[i];
      const hi = x[i + 1];
      if (nextLo <= lo - 1) {
        this.appendRange(nextLo, lo - 1);
      }
      nextLo = hi + 1;
    }
    if (nextLo <= MAX_RUNE) {
      this.appendRange(nextLo, MAX_RUNE);
    }
    return this;
  }
  // appendTable() appends the Unicode range table |table| to this CharClass.
  // Does not mutate |table|.
  appendTable(table) {
    for (let i = 0; i < table.length; ++i) {
      const lo = table.getLo(i);
      const hi = table.getHi(i);
      const stride = table.getStride(i);
      if (stride === 1) {
        this.appendRange(lo, hi);
        continue;
      }
      for (let c = lo; c <= hi; c += stride) {
        this.appendRange(c, c);
      }
    }
    return this;
  }
  // appendNegatedTable() returns the result of appending the negation of range
  // table |table| to this CharClass.  Does not mutate |table|.
  appendNegatedTable(table) {
    let nextLo = 0;
    for (let i = 0; i < table.length; ++i) {
      const lo = table.getLo(i);
      const hi = table.getHi(i);
      const stride = table.getStride(i);
      if (stride === 1) {
        if (nextLo <= lo - 1) {
          this.appendRange(nextLo, lo - 1);
        }
        nextLo = hi + 1;
        continue;
      }
      for (let c = lo; c <= hi; c += stride) {
        if (nextLo <= c - 1) {
          this.appendRange(nextLo, c - 1);
        }
        nextLo = c + 1;
      }
    }
    if (nextLo <= MAX_RUNE) {
      this.appendRange(nextLo, MAX_RUNE);
    }
    return this;
  }
  // appendTableWithSign() calls append{,Negated}Table depending on sign.
  // Does not mutate |table|.
  appendTableWithSign(table, sign) {
    return sign < 0 ? this.appendNegatedTable(table) : this.appendTable(table);
  }
  // negateClass() negates this CharClass, which must already be clean.
  negateClass() {
    let nextLo = 0;
    let w = 0;
    for (let i = 0; i < this.len; i += 2) {
      const lo = this.r[i];
      const hi = this.r[i + 1];
      if (nextLo <= lo - 1) {
        this.r[w] = nextLo;
        this.r[w + 1] = lo - 1;
        w += 2;
      }
      nextLo = hi + 1;
    }
    this.len = w;
    if (nextLo <= MAX_RUNE) {
      this.r[this.len++] = nextLo;
      this.r[this.len++] = MAX_RUNE;
    }
    return this;
  }
  // appendClassWithSign() calls appendClass() if sign is +1 or
  // appendNegatedClass if sign is -1.  Does not mutate |x|.
  appendClassWithSign(x, sign) {
    return sign < 0 ? this.appendNegatedClass(x) : this.appendClass(x);
  }
  // appendGroup() appends CharGroup |g| to this CharClass, folding iff
  // |foldCase|.  Does not mutate |g|.
  appendGroup(g, foldCase) {
    let cls = g.cls;
    if (foldCase) {
      cls = new _CharClass().appendFoldedClass(cls).cleanClass().toArray();
    }
    return this.appendClassWithSign(cls, g.sign);
  }
};

// node_modules/@bufbuild/re2/dist/esm/Parser.js
var StringIterator = class {
  str;
  position;
  constructor(str) {
    this.str = str;
    this.position = 0;
  }
  // Returns the cursor position.  Do not interpret the result!
  pos() {
    return this.position;
  }
  // Resets the cursor position to a previous value returned by pos().
  rewindTo(pos) {
    this.position = pos;
  }
  // Returns true unless the stream is exhausted.
  more() {
    return this.position < this.str.length;
  }
  // Returns the rune at the cursor position.
  // Precondition: |more()|.
  peek() {
    return codePointAtOrThrow(this.str, this.position);
  }
  // Advances the cursor by |n| positions, which must be ASCII runes.
  //
  // (In practise, this is only ever used to skip over regexp
  // metacharacters that are ASCII, so there is no numeric difference
  // between indices into  UTF-8 bytes, UTF-16 codes and runes.)
  skip(n2) {
    this.position += n2;
  }
  // Advances the cursor by the number of cursor positions in |s|.
  skipString(s2) {
    this.position += s2.length;
  }
  // Returns the rune at the cursor position, and advances the cursor
  // past it.  Precondition: |more()|.
  pop() {
    const r2 = codePointAtOrThrow(this.str, this.position);
    this.position += charCount(r2);
    return r2;
  }
  lookingAt(s2) {
    return this.str.startsWith(s2, this.position);
  }
  // Returns the rest of the pattern from the current position.
  rest() {
    return this.str.substring(this.position);
  }
  // Returns the substring from |beforePos| to the current position.
  // |beforePos| must have been previously returned by |pos()|.
  from(beforePos) {
    return this.str.substring(beforePos, this.position);
  }
  toString() {
    return this.rest();
  }
};
var Parser = class _Parser {
  // Parse errors
  static ERR_INVALID_CHAR_RANGE = "invalid character class range";
  static ERR_INVALID_ESCAPE = "invalid escape sequence";
  static ERR_INVALID_NAMED_CAPTURE = "invalid named capture";
  static ERR_INVALID_PERL_OP = "invalid or unsupported Perl syntax";
  static ERR_INVALID_REPEAT_OP = "invalid nested repetition operator";
  static ERR_INVALID_REPEAT_SIZE = "invalid repeat count";
  static ERR_MISSING_BRACKET = "missing closing ]";
  static ERR_MISSING_PAREN = "missing closing )";
  static ERR_MISSING_REPEAT_ARGUMENT = "missing argument to repetition operator";
  static ERR_TRAILING_BACKSLASH = "trailing backslash at end of expression";
  static ERR_DUPLICATE_NAMED_CAPTURE = "duplicate capture group name";
  static ERR_UNEXPECTED_PAREN = "unexpected )";
  static ERR_NESTING_DEPTH = "expression nests too deeply";
  static ERR_LARGE = "expression too large";
  static ERR_BAD_EXPRESSION = "expression not valid";
  // maxHeight is the maximum height of a regexp parse tree.
  // It is somewhat arbitrarily chosen, but the idea is to be large enough
  // that no one will actually hit in real use but at the same time small enough
  // that recursion on the Regexp tree will not hit the 1GB Go stack limit.
  // The maximum amount of stack for a single recursive frame is probably
  // closer to 1kB, so this could potentially be raised, but it seems unlikely
  // that people have regexps nested even this deeply.
  // We ran a test on Google's C++ code base and turned up only
  // a single use case with depth > 100; it had depth 128.
  // Using depth 1000 should be plenty of margin.
  // As an optimization, we don't even bother calculating heights
  // until we've allocated at least maxHeight Regexp structures.
  static MAX_HEIGHT = 1e3;
  // maxSize is the maximum size of a compiled regexp in Insts.
  // It too is somewhat arbitrarily chosen, but the idea is to be large enough
  // to allow significant regexps while at the same time small enough that
  // the compiled form will not take up too much memory.
  // 128 MB is enough for a 3.3 million Inst structures, which roughly
  // corresponds to a 3.3 MB regexp.
  static MAX_SIZE = 3355443;
  // 128 << 20 / (5 * 8) (instSize = byte, 2 uint32, slice is 5 64-bit words)
  // maxRunes is the maximum number of runes allowed in a regexp tree
  // counting the runes in all the nodes.
  // Ignoring character classes p.numRunes is always less than the length of the regexp.
  // Character classes can make it much larger: each \pL adds 1292 runes.
  // 128 MB is enough for 32M runes, which is over 26k \pL instances.
  // Note that repetitions do not make copies of the rune slices,
  // so \pL{1000} is only one rune slice, not 1000.
  // We could keep a cache of character classes we've seen,
  // so that all the \pL we see use the same rune list,
  // but that doesn't remove the problem entirely:
  // consider something like [\pL01234][\pL01235][\pL01236]...[\pL^&*()].
  // And because the Rune slice is exposed directly in the Regexp,
  // there is not an opportunity to change the representation to allow
  // partial sharing between different character classes.
  // So the limit is the best we can do.
  static MAX_RUNES = 33554432;
  // 128 << 20 / 4 (runeSize, int32 is 4 bytes)
  // RangeTables are represented as int[][], a list of triples (start, end,
  // stride).
  static ANY_TABLE = new UnicodeRangeTable(new Uint32Array([0, MAX_RUNE, 1]));
  // Ascii tables
  static ASCII_TABLE = new UnicodeRangeTable(new Uint32Array([0, 127, 1]));
  static ASCII_FOLD_TABLE = new UnicodeRangeTable(new Uint32Array([
    0,
    127,
    1,
    383,
    383,
    1,
    // Old English long s (ſ), folds to S/s.
    8490,
    8490,
    1
    // Kelvin K, folds to K/k.
  ]));
  // unicodeTable() returns the Unicode RangeTable identified by name
  // and the table of additional fold-equivalent code points.
  // Returns null if |name| does not identify a Unicode character range.
  static unicodeTable(name) {
    if (name === "Any") {
      return { tab: _Parser.ANY_TABLE, fold: _Parser.ANY_TABLE, sign: 1 };
    }
    if (name === "Ascii") {
      return {
        tab: _Parser.ASCII_TABLE,
        fold: _Parser.ASCII_FOLD_TABLE,
        sign: 1
      };
    }
    if (name === "Assigned") {
      return {
        tab: UnicodeTables.CATEGORIES.get("Cn"),
        fold: UnicodeTables.CATEGORIES.get("Cn"),
        sign: -1
      };
    }
    if (name === "Lc") {
      return {
        tab: UnicodeTables.CATEGORIES.get("LC"),
        fold: UnicodeTables.FOLD_CATEGORIES.get("LC"),
        sign: 1
      };
    }
    if (UnicodeTables.CATEGORIES.has(name)) {
      return {
        tab: UnicodeTables.CATEGORIES.get(name),
        fold: UnicodeTables.FOLD_CATEGORIES.get(name),
        sign: 1
      };
    }
    if (UnicodeTables.SCRIPTS.has(name)) {
      return {
        tab: UnicodeTables.SCRIPTS.get(name),
        fold: UnicodeTables.FOLD_SCRIPT.get(name),
        sign: 1
      };
    }
    return null;
  }
  // minFoldRune returns the minimum rune fold-equivalent to r.
  static minFoldRune(r2) {
    if (r2 < MIN_FOLD || r2 > MAX_FOLD) {
      return r2;
    }
    let min = r2;
    const r0 = r2;
    for (r2 = simpleFold(r2); r2 !== r0; r2 = simpleFold(r2)) {
      if (min > r2) {
        min = r2;
      }
    }
    return min;
  }
  static literalRegexp(s2, flags) {
    const re = new Regexp(Regexp.Op.LITERAL);
    re.flags = flags;
    re.runes = stringToRunes(s2);
    return re;
  }
  /**
   * Parse regular expression pattern {@code pattern} with mode flags {@code flags}.
   * @param {string} pattern
   * @param {number} flags
   */
  static parse(pattern, flags) {
    return new _Parser(pattern, flags).parseInternal();
  }
  // parseRepeat parses {min} (max=min) or {min,} (max=-1) or {min,max}.
  // If |t| is not of that form, it returns -1.
  // If |t| has the right form but the values are negative or too big,
  // it returns -2.
  // On success, returns a nonnegative number encoding min/max in the
  // high/low signed halfwords of the result.  (Note: min >= 0; max may
  // be -1.)
  //
  // On success, advances |t| beyond the repeat; otherwise |t.pos()| is
  // undefined.
  static parseRepeat(t3) {
    const start = t3.pos();
    if (!t3.more() || !t3.lookingAt("{")) {
      return -1;
    }
    t3.skip(1);
    const min = _Parser.parseInt(t3);
    if (min === -1) {
      return -1;
    }
    if (!t3.more()) {
      return -1;
    }
    let max;
    if (!t3.lookingAt(",")) {
      max = min;
    } else {
      t3.skip(1);
      if (!t3.more()) {
        return -1;
      }
      if (t3.lookingAt("}")) {
        max = -1;
      } else {
        max = _Parser.parseInt(t3);
        if (max === -1) {
          return -1;
        }
      }
    }
    if (!t3.more() || !t3.lookingAt("}")) {
      return -1;
    }
    t3.skip(1);
    if (min < 0 || min > 1e3 || max === -2 || max > 1e3 || max >= 0 && min > max) {
      throw new RE2JSSyntaxException(_Parser.ERR_INVALID_REPEAT_SIZE, t3.from(start));
    }
    return min << 16 | max & MAX_BMP;
  }
  // isValidCaptureName reports whether name
  // is a valid capture name: [A-Za-z0-9_]+.
  // PCRE limits names to 32 bytes.
  // Python rejects names starting with digits.
  // We don't enforce either of those.
  static isValidCaptureName(name) {
    if (name.length === 0) {
      return false;
    }
    for (let i = 0; i < name.length; i++) {
      const c = codePointAtOrThrow(name, i);
      if (c !== 95 && !isalnum(c)) {
        return false;
      }
    }
    return true;
  }
  // parseInt parses a nonnegative decimal integer.
  // -1 => bad format.  -2 => format ok, but integer overflow.
  static parseInt(t3) {
    const start = t3.pos();
    while (t3.more() && t3.peek() >= 48 && t3.peek() <= 57) {
      t3.skip(1);
    }
    const n2 = t3.from(start);
    if (n2.length === 0 || n2.length > 1 && n2.codePointAt(0) === 48) {
      return -1;
    }
    if (n2.length > 8) {
      return -2;
    }
    return parseInt(n2, 10);
  }
  // can this be represented as a character class?
  // single-rune literal string, char class, ., and .|\n.
  static isCharClass(re) {
    return re.op === Regexp.Op.LITERAL && re.runes.length === 1 || re.op === Regexp.Op.CHAR_CLASS || re.op === Regexp.Op.ANY_CHAR_NOT_NL || re.op === Regexp.Op.ANY_CHAR;
  }
  // does re match r?
  static matchRune(re, r2) {
    switch (re.op) {
      case Regexp.Op.LITERAL:
        return re.runes.length === 1 && re.runes[0] === r2;
      case Regexp.Op.CHAR_CLASS:
        for (let i = 0; i < re.runes.length; i += 2) {
          if (re.runes[i] <= r2 && r2 <= re.runes[i + 1]) {
            return true;
          }
        }
        return false;
      case Regexp.Op.ANY_CHAR_NOT_NL:
        return r2 !== 10;
      case Regexp.Op.ANY_CHAR:
        return true;
    }
    return false;
  }
  // mergeCharClass makes dst = dst|src.
  // The caller must ensure that dst.Op >= src.Op,
  // to reduce the amount of copying.
  static mergeCharClass(dst, src) {
    switch (dst.op) {
      case Regexp.Op.ANY_CHAR:
        break;
      case Regexp.Op.ANY_CHAR_NOT_NL:
        if (_Parser.matchRune(src, 10)) {
          dst.op = Regexp.Op.ANY_CHAR;
        }
        break;
      case Regexp.Op.CHAR_CLASS:
        if (src.op === Regexp.Op.LITERAL) {
          dst.runes = new CharClass(dst.runes).appendLiteral(src.runes[0], src.flags).toArray();
        } else {
          dst.runes = new CharClass(dst.runes).appendClass(src.runes).toArray();
        }
        break;
      case Regexp.Op.LITERAL:
        if (src.runes[0] === dst.runes[0] && src.flags === dst.flags) {
          break;
        }
        dst.op = Regexp.Op.CHAR_CLASS;
        dst.runes = new CharClass().appendLiteral(dst.runes[0], dst.flags).appendLiteral(src.runes[0], src.flags).toArray();
        break;
    }
  }
  // parseEscape parses an escape sequence at the beginning of s
  // and returns the rune.
  // Pre: t at '\\'.  Post: after escape.
  static parseEscape(t3) {
    const startPos = t3.pos();
    t3.skip(1);
    if (!t3.more()) {
      throw new RE2JSSyntaxException(_Parser.ERR_TRAILING_BACKSLASH);
    }
    let c = t3.pop();
    switch (c) {
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 48:
      case 55: {
        if (c !== 48 && (!t3.more() || t3.peek() < 48 || t3.peek() > 55)) {
          break;
        }
        let r2 = c - 48;
        for (let i = 1; i < 3; i++) {
          if (!t3.more() || t3.peek() < 48 || t3.peek() > 55) {
            break;
          }
          r2 = r2 * 8 + t3.peek() - 48;
          t3.skip(1);
        }
        return r2;
      }
      case 120: {
        if (!t3.more()) {
          break;
        }
        c = t3.pop();
        if (c === 123) {
          let nhex = 0;
          let r2 = 0;
          while (true) {
            if (!t3.more()) {
              throw new RE2JSSyntaxException(_Parser.ERR_INVALID_ESCAPE, t3.from(startPos));
            }
            c = t3.pop();
            if (c === 125) {
              break;
            }
            const v = unhex(c);
            if (v < 0) {
              throw new RE2JSSyntaxException(_Parser.ERR_INVALID_ESCAPE, t3.from(startPos));
            }
            r2 = r2 * 16 + v;
            if (r2 > MAX_RUNE) {
              throw new RE2JSSyntaxException(_Parser.ERR_INVALID_ESCAPE, t3.from(startPos));
            }
            nhex++;
          }
          if (nhex === 0) {
            break;
          }
          return r2;
        }
        const x = unhex(c);
        if (!t3.more()) {
          break;
        }
        c = t3.pop();
        const y = unhex(c);
        if (x < 0 || y < 0) {
          break;
        }
        return x * 16 + y;
      }
      case 97:
        return 7;
      case 102:
        return 12;
      case 110:
        return 10;
      case 114:
        return 13;
      case 116:
        return 9;
      case 118:
        return 11;
      default:
        if (c <= MAX_ASCII && !isalnum(c)) {
          return c;
        }
        break;
    }
    throw new RE2JSSyntaxException(_Parser.ERR_INVALID_ESCAPE, t3.from(startPos));
  }
  // parseClassChar parses a character class character and returns it.
  // wholeClassPos is the position of the start of the entire class "[...".
  // Pre: t at class char; Post: t after it.
  static parseClassChar(t3, wholeClassPos) {
    if (!t3.more()) {
      throw new RE2JSSyntaxException(_Parser.ERR_MISSING_BRACKET, t3.from(wholeClassPos));
    }
    if (t3.lookingAt("\\")) {
      return _Parser.parseEscape(t3);
    }
    return t3.pop();
  }
  static concatRunes(x, y) {
    const r2 = new Array(x.length + y.length);
    for (let i = 0; i < x.length; i++)
      r2[i] = x[i];
    for (let i = 0; i < y.length; i++)
      r2[x.length + i] = y[i];
    return r2;
  }
  wholeRegexp;
  flags;
  numCap;
  namedGroups;
  stack;
  free;
  numRegexp;
  numRunes;
  repeats;
  height;
  size;
  constructor(wholeRegexp, flags = 0) {
    this.wholeRegexp = wholeRegexp;
    this.flags = flags;
    this.numCap = 0;
    this.namedGroups = /* @__PURE__ */ new Map();
    this.stack = [];
    this.free = null;
    this.numRegexp = 0;
    this.numRunes = 0;
    this.repeats = 0;
    this.height = null;
    this.size = null;
  }
  // Allocate a Regexp, from the free list if possible.
  newRegexp(op) {
    let re = this.free;
    if (re !== null && re.subs !== null && re.subs.length > 0) {
      this.free = re.subs[0];
      re.reinit();
      re.op = op;
    } else {
      re = new Regexp(op);
      this.numRegexp += 1;
    }
    return re;
  }
  reuse(re) {
    if (this.height !== null) {
      this.height.delete(re);
    }
    if (re.subs !== null && re.subs.length > 0) {
      re.subs[0] = this.free;
    }
    this.free = re;
  }
  checkLimits(re) {
    if (this.numRunes > _Parser.MAX_RUNES) {
      throw new RE2JSSyntaxException(_Parser.ERR_LARGE);
    }
    this.checkSize(re);
    this.checkHeight(re);
  }
  checkSize(re) {
    if (this.size === null) {
      if (this.repeats === 0) {
        this.repeats = 1;
      }
      if (re.op === Regexp.Op.REPEAT) {
        let n2 = re.max;
        if (n2 === -1) {
          n2 = re.min;
        }
        if (n2 <= 0) {
          n2 = 1;
        }
        if (n2 > _Parser.MAX_SIZE / this.repeats) {
          this.repeats = _Parser.MAX_SIZE;
        } else {
          this.repeats *= n2;
        }
      }
      if (this.numRegexp < _Parser.MAX_SIZE / this.repeats) {
        return;
      }
      this.size = /* @__PURE__ */ new Map();
      for (let reEx of this.stack) {
        this.checkSize(reEx);
      }
    }
    if (this.calcSize(re, true) > _Parser.MAX_SIZE) {
      throw new RE2JSSyntaxException(_Parser.ERR_LARGE);
    }
  }
  calcSize(re, force = false) {
    if (!force && this.size !== null) {
      const cached = this.size.get(re);
      if (cached !== void 0) {
        return cached;
      }
    }
    let size = 0;
    switch (re.op) {
      case Regexp.Op.LITERAL: {
        size = re.runes.length;
        break;
      }
      case Regexp.Op.CAPTURE:
      case Regexp.Op.STAR: {
        size = 2 + this.calcSize(re.subs[0]);
        break;
      }
      case Regexp.Op.PLUS:
      case Regexp.Op.QUEST: {
        size = 1 + this.calcSize(re.subs[0]);
        break;
      }
      case Regexp.Op.CONCAT: {
        for (let sub of re.subs) {
          size = size + this.calcSize(sub);
        }
        break;
      }
      case Regexp.Op.ALTERNATE: {
        for (let sub of re.subs) {
          size = size + this.calcSize(sub);
        }
        if (re.subs.length > 1) {
          size = size + re.subs.length - 1;
        }
        break;
      }
      case Regexp.Op.REPEAT: {
        let sub = this.calcSize(re.subs[0]);
        if (re.max === -1) {
          if (re.min === 0) {
            size = 2 + sub;
          } else {
            size = 1 + re.min * sub;
          }
          break;
        }
        size = re.max * sub + (re.max - re.min);
        break;
      }
    }
    size = Math.max(1, size);
    this.size?.set(re, size);
    return size;
  }
  checkHeight(re) {
    if (this.numRegexp < _Parser.MAX_HEIGHT) {
      return;
    }
    if (this.height === null) {
      this.height = /* @__PURE__ */ new Map();
      for (let reEx of this.stack) {
        this.checkHeight(reEx);
      }
    }
    if (this.calcHeight(re, true) > _Parser.MAX_HEIGHT) {
      throw new RE2JSSyntaxException(_Parser.ERR_NESTING_DEPTH);
    }
  }
  calcHeight(re, force = false) {
    if (!force && this.height !== null) {
      const cached = this.height.get(re);
      if (cached !== void 0) {
        return cached;
      }
    }
    let h = 1;
    for (let sub of re.subs) {
      const hsub = this.calcHeight(sub);
      if (h < 1 + hsub) {
        h = 1 + hsub;
      }
    }
    this.height?.set(re, h);
    return h;
  }
  // Parse stack manipulation.
  pop() {
    return this.stack.pop();
  }
  popToPseudo() {
    const n2 = this.stack.length;
    let i = n2;
    while (i > 0 && !Regexp.isPseudoOp(this.stack[i - 1].op)) {
      i--;
    }
    const r2 = this.stack.slice(i, n2);
    this.stack = this.stack.slice(0, i);
    return r2;
  }
  // push pushes the regexp re onto the parse stack and returns the regexp.
  // Returns null for a CHAR_CLASS that can be merged with the top-of-stack.
  push(re) {
    this.numRunes += re.runes.length;
    if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] === re.runes[1]) {
      if (this.maybeConcat(re.runes[0], this.flags & ~FOLD_CASE)) {
        return null;
      }
      re.op = Regexp.Op.LITERAL;
      re.runes = [re.runes[0]];
      re.flags = this.flags & ~FOLD_CASE;
    } else if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 4 && re.runes[0] === re.runes[1] && re.runes[2] === re.runes[3] && simpleFold(re.runes[0]) === re.runes[2] && simpleFold(re.runes[2]) === re.runes[0] || re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] + 1 === re.runes[1] && simpleFold(re.runes[0]) === re.runes[1] && simpleFold(re.runes[1]) === re.runes[0]) {
      if (this.maybeConcat(re.runes[0], this.flags | FOLD_CASE)) {
        return null;
      }
      re.op = Regexp.Op.LITERAL;
      re.runes = [re.runes[0]];
      re.flags = this.flags | FOLD_CASE;
    } else {
      this.maybeConcat(-1, 0);
    }
    this.stack.push(re);
    this.checkLimits(re);
    return re;
  }
  // maybeConcat implements incremental concatenation
  // of literal runes into string nodes.  The parser calls this
  // before each push, so only the top fragment of the stack
  // might need processing.  Since this is called before a push,
  // the topmost literal is no longer subject to operators like *
  // (Otherwise ab* would turn into (ab)*.)
  // If (r >= 0 and there's a node left over, maybeConcat uses it
  // to push r with the given flags.
  // maybeConcat reports whether r was pushed.
  maybeConcat(r2, flags) {
    const n2 = this.stack.length;
    if (n2 < 2) {
      return false;
    }
    const re1 = this.stack[n2 - 1];
    const re2 = this.stack[n2 - 2];
    if (re1.op !== Regexp.Op.LITERAL || re2.op !== Regexp.Op.LITERAL || (re1.flags & FOLD_CASE) !== (re2.flags & FOLD_CASE)) {
      return false;
    }
    re2.runes = _Parser.concatRunes(re2.runes, re1.runes);
    if (r2 >= 0) {
      re1.runes = [r2];
      re1.flags = flags;
      return true;
    }
    this.pop();
    this.reuse(re1);
    return false;
  }
  // newLiteral returns a new LITERAL Regexp with the given flags
  newLiteral(r2, flags) {
    const re = this.newRegexp(Regexp.Op.LITERAL);
    re.flags = flags;
    if ((flags & FOLD_CASE) !== 0) {
      r2 = _Parser.minFoldRune(r2);
    }
    re.runes = [r2];
    return re;
  }
  // literal pushes a literal regexp for the rune r on the stack
  // and returns that regexp.
  literal(r2) {
    this.push(this.newLiteral(r2, this.flags));
  }
  // op pushes a regexp with the given op onto the stack
  // and returns that regexp.
  op(op) {
    const re = this.newRegexp(op);
    re.flags = this.flags;
    return this.push(re);
  }
  // repeat replaces the top stack element with itself repeated according to
  // op, min, max.  beforePos is the start position of the repetition operator.
  // Pre: t is positioned after the initial repetition operator.
  // Post: t advances past an optional perl-mode '?', or stays put.
  //       Or, it fails with RE2JSSyntaxException.
  repeat(op, min, max, beforePos, t3, lastRepeatPos) {
    let flags = this.flags;
    if (t3.more() && t3.lookingAt("?")) {
      t3.skip(1);
      flags ^= NON_GREEDY;
    }
    if (lastRepeatPos !== -1) {
      throw new RE2JSSyntaxException(_Parser.ERR_INVALID_REPEAT_OP, t3.from(lastRepeatPos));
    }
    const n2 = this.stack.length;
    if (n2 === 0) {
      throw new RE2JSSyntaxException(_Parser.ERR_MISSING_REPEAT_ARGUMENT, t3.from(beforePos));
    }
    const sub = this.stack[n2 - 1];
    if (Regexp.isPseudoOp(sub.op)) {
      throw new RE2JSSyntaxException(_Parser.ERR_MISSING_REPEAT_ARGUMENT, t3.from(beforePos));
    }
    const re = this.newRegexp(op);
    re.min = min;
    re.max = max;
    re.flags = flags;
    re.subs = [sub];
    this.stack[n2 - 1] = re;
    this.checkLimits(re);
    if (op === Regexp.Op.REPEAT && (min >= 2 || max >= 2) && !this.repeatIsValid(re, 1e3)) {
      throw new RE2JSSyntaxException(_Parser.ERR_INVALID_REPEAT_SIZE, t3.from(beforePos));
    }
  }
  // repeatIsValid reports whether the repetition re is valid.
  // Valid means that the combination of the top-level repetition
  // and any inner repetitions does not exceed n copies of the
  // innermost thing.
  // This function rewalks the regexp tree and is called for every repetition,
  // so we have to worry about inducing quadratic behavior in the parser.
  // We avoid this by only calling repeatIsValid when min or max >= 2.
  // In that case the depth of any >= 2 nesting can only get to 9 without
  // triggering a parse error, so each subtree can only be rewalked 9 times.
  repeatIsValid(re, n2) {
    if (re.op === Regexp.Op.REPEAT) {
      let m = re.max;
      if (m === 0) {
        return true;
      }
      if (m < 0) {
        m = re.min;
      }
      if (m > n2) {
        return false;
      }
      if (m > 0) {
        n2 = Math.trunc(n2 / m);
      }
    }
    for (let sub of re.subs) {
      if (!this.repeatIsValid(sub, n2)) {
        return false;
      }
    }
    return true;
  }
  // concat replaces the top of the stack (above the topmost '|' or '(') with
  // its concatenation.
  concat() {
    this.maybeConcat(-1, 0);
    const subs = this.popToPseudo();
    if (subs.length === 0) {
      return this.push(this.newRegexp(Regexp.Op.EMPTY_MATCH));
    }
    return this.push(this.collapse(subs, Regexp.Op.CONCAT));
  }
  // alternate replaces the top of the stack (above the topmost '(') with its
  // alternation.
  alternate() {
    const subs = this.popToPseudo();
    if (subs.length > 0) {
      this.cleanAlt(subs[subs.length - 1]);
    }
    if (subs.length === 0) {
      return this.push(this.newRegexp(Regexp.Op.NO_MATCH));
    }
    return this.push(this.collapse(subs, Regexp.Op.ALTERNATE));
  }
  // cleanAlt cleans re for eventual inclusion in an alternation.
  cleanAlt(re) {
    if (re.op === Regexp.Op.CHAR_CLASS) {
      re.runes = new CharClass(re.runes).cleanClass().toArray();
      if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === MAX_RUNE) {
        re.runes = [];
        re.op = Regexp.Op.ANY_CHAR;
      } else if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === 10 - 1 && re.runes[2] === 10 + 1 && re.runes[3] === MAX_RUNE) {
        re.runes = [];
        re.op = Regexp.Op.ANY_CHAR_NOT_NL;
      }
    }
  }
  // collapse returns the result of applying op to subs[start:end].
  // If (sub contains op nodes, they all get hoisted up
  // so that there is never a concat of a concat or an
  // alternate of an alternate.
  collapse(subs, op) {
    if (subs.length === 1) {
      return subs[0];
    }
    let len = 0;
    for (let sub of subs) {
      len += sub.op === op ? sub.subs.length : 1;
    }
    let newsubs = new Array(len).fill(null);
    let i = 0;
    for (let sub of subs) {
      if (sub.op === op) {
        for (let j = 0; j < sub.subs.length; j++) {
          newsubs[i++] = sub.subs[j];
        }
        this.reuse(sub);
      } else {
        newsubs[i++] = sub;
      }
    }
    let re = this.newRegexp(op);
    re.subs = newsubs;
    if (op === Regexp.Op.ALTERNATE) {
      if (re.subs.length === 1) {
        const old = re;
        re = re.subs[0];
        this.reuse(old);
      }
    }
    return re;
  }
  parseInternal() {
    if ((this.flags & LITERAL) !== 0) {
      return _Parser.literalRegexp(this.wholeRegexp, this.flags);
    }
    let lastRepeatPos = -1;
    let min = -1;
    let max = -1;
    const t3 = new StringIterator(this.wholeRegexp);
    while (t3.more()) {
      {
        let repeatPos = -1;
        switch (t3.peek()) {
          case 40:
            if (t3.lookingAt("(?")) {
              this.parsePerlFlags(t3);
              break;
            }
            const lparen = this.op(Regexp.Op.LEFT_PAREN);
            if (lparen === null) {
              throw new Error("op(LEFT_PAREN) unexpectedly returned null");
            }
            lparen.cap = ++this.numCap;
            t3.skip(1);
            break;
          case 124:
            this.parseVerticalBar();
            t3.skip(1);
            break;
          case 41:
            this.parseRightParen();
            t3.skip(1);
            break;
          case 94:
            if ((this.flags & ONE_LINE) !== 0) {
              this.op(Regexp.Op.BEGIN_TEXT);
            } else {
              this.op(Regexp.Op.BEGIN_LINE);
            }
            t3.skip(1);
            break;
          case 36:
            if ((this.flags & ONE_LINE) !== 0) {
              const endText = this.op(Regexp.Op.END_TEXT);
              if (endText === null) {
                throw new Error("op(END_TEXT) unexpectedly returned null");
              }
              endText.flags |= WAS_DOLLAR;
            } else {
              this.op(Regexp.Op.END_LINE);
            }
            t3.skip(1);
            break;
          case 46:
            if ((this.flags & DOT_NL) !== 0) {
              this.op(Regexp.Op.ANY_CHAR);
            } else {
              this.op(Regexp.Op.ANY_CHAR_NOT_NL);
            }
            t3.skip(1);
            break;
          case 91:
            this.parseClass(t3);
            break;
          case 42:
          case 43:
          case 63: {
            repeatPos = t3.pos();
            let op = null;
            switch (t3.pop()) {
              case 42:
                op = Regexp.Op.STAR;
                break;
              case 43:
                op = Regexp.Op.PLUS;
                break;
              case 63:
                op = Regexp.Op.QUEST;
                break;
            }
            if (op === null) {
              throw new Error("repeat op unexpectedly null");
            }
            this.repeat(op, min, max, repeatPos, t3, lastRepeatPos);
            break;
          }
          case 123: {
            repeatPos = t3.pos();
            const minMax = _Parser.parseRepeat(t3);
            if (minMax < 0) {
              t3.rewindTo(repeatPos);
              this.literal(t3.pop());
              break;
            }
            min = minMax >> 16;
            max = (minMax & MAX_BMP) << 16 >> 16;
            this.repeat(Regexp.Op.REPEAT, min, max, repeatPos, t3, lastRepeatPos);
            break;
          }
          case 92: {
            const savedPos = t3.pos();
            t3.skip(1);
            let handled = false;
            if (t3.more()) {
              const c = t3.pop();
              switch (c) {
                case 65:
                  this.op(Regexp.Op.BEGIN_TEXT);
                  handled = true;
                  break;
                case 98:
                  this.op(Regexp.Op.WORD_BOUNDARY);
                  handled = true;
                  break;
                case 66:
                  this.op(Regexp.Op.NO_WORD_BOUNDARY);
                  handled = true;
                  break;
                case 67:
                  throw new RE2JSSyntaxException(_Parser.ERR_INVALID_ESCAPE, "\\C");
                case 81: {
                  let lit = t3.rest();
                  const i = lit.indexOf("\\E");
                  if (i >= 0) {
                    lit = lit.substring(0, i);
                    t3.skipString(lit);
                    t3.skipString("\\E");
                  } else {
                    t3.skipString(lit);
                  }
                  let j = 0;
                  while (j < lit.length) {
                    const codepoint = codePointAtOrThrow(lit, j);
                    this.literal(codepoint);
                    j += charCount(codepoint);
                  }
                  handled = true;
                  break;
                }
                case 122:
                  this.op(Regexp.Op.END_TEXT);
                  handled = true;
                  break;
                default:
                  t3.rewindTo(savedPos);
                  break;
              }
            } else {
              t3.rewindTo(savedPos);
            }
            if (handled)
              break;
            const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
            re.flags = this.flags;
            if (t3.lookingAt("\\p") || t3.lookingAt("\\P")) {
              const cc2 = new CharClass();
              if (this.parseUnicodeClass(t3, cc2)) {
                re.runes = cc2.toArray();
                this.push(re);
                break;
              }
            }
            const cc = new CharClass();
            if (this.parsePerlClassEscape(t3, cc)) {
              re.runes = cc.toArray();
              this.push(re);
              break;
            }
            t3.rewindTo(savedPos);
            this.reuse(re);
            this.literal(_Parser.parseEscape(t3));
            break;
          }
          default:
            this.literal(t3.pop());
            break;
        }
        lastRepeatPos = repeatPos;
      }
    }
    this.concat();
    if (this.swapVerticalBar()) {
      this.pop();
    }
    this.alternate();
    const n2 = this.stack.length;
    if (n2 !== 1) {
      throw new RE2JSSyntaxException(_Parser.ERR_MISSING_PAREN, this.wholeRegexp);
    }
    this.stack[0].namedGroups = this.namedGroups;
    return this.stack[0];
  }
  // parsePerlFlags parses a Perl flag setting or non-capturing group or both,
  // like (?i) or (?: or (?i:.
  // Pre: t at "(?".  Post: t after ")".
  // Sets numCap.
  parsePerlFlags(t3) {
    const startPos = t3.pos();
    if (t3.lookingAt("(?P<") || t3.lookingAt("(?<")) {
      const s2 = t3.rest();
      const begin = s2.charAt(2) === "P" ? 4 : 3;
      const end = s2.indexOf(">");
      if (end < 0) {
        throw new RE2JSSyntaxException(_Parser.ERR_INVALID_NAMED_CAPTURE, s2);
      }
      const name = s2.substring(begin, end);
      t3.skipString(name);
      t3.skip(begin + 1);
      if (!_Parser.isValidCaptureName(name)) {
        throw new RE2JSSyntaxException(_Parser.ERR_INVALID_NAMED_CAPTURE, s2.substring(0, end + 1));
      }
      const re = this.op(Regexp.Op.LEFT_PAREN);
      if (re === null) {
        throw new Error("op(LEFT_PAREN) unexpectedly returned null");
      }
      re.cap = ++this.numCap;
      if (this.namedGroups.get(name)) {
        throw new RE2JSSyntaxException(_Parser.ERR_DUPLICATE_NAMED_CAPTURE, name);
      }
      this.namedGroups.set(name, this.numCap);
      re.name = name;
      return;
    }
    t3.skip(2);
    let flags = this.flags;
    let sign = 1;
    let sawFlag = false;
    loop: while (t3.more()) {
      {
        const c = t3.pop();
        switch (c) {
          case 105:
            flags |= FOLD_CASE;
            sawFlag = true;
            break;
          case 109:
            flags &= ~ONE_LINE;
            sawFlag = true;
            break;
          case 115:
            flags |= DOT_NL;
            sawFlag = true;
            break;
          case 85:
            flags |= NON_GREEDY;
            sawFlag = true;
            break;
          // Switch to negation.
          case 45:
            if (sign < 0) {
              break loop;
            }
            sign = -1;
            flags = ~flags;
            sawFlag = false;
            break;
          // End of flags, starting group or not.
          case 58:
          case 41:
            if (sign < 0) {
              if (!sawFlag) {
                break loop;
              }
              flags = ~flags;
            }
            if (c === 58) {
              this.op(Regexp.Op.LEFT_PAREN);
            }
            this.flags = flags;
            return;
          default:
            break loop;
        }
      }
    }
    throw new RE2JSSyntaxException(_Parser.ERR_INVALID_PERL_OP, t3.from(startPos));
  }
  // parseVerticalBar handles a | in the input.
  parseVerticalBar() {
    this.concat();
    if (!this.swapVerticalBar()) {
      this.op(Regexp.Op.VERTICAL_BAR);
    }
  }
  // If the top of the stack is an element followed by an opVerticalBar
  // swapVerticalBar swaps the two and returns true.
  // Otherwise it returns false.
  swapVerticalBar() {
    const n2 = this.stack.length;
    if (n2 >= 3 && this.stack[n2 - 2].op === Regexp.Op.VERTICAL_BAR && _Parser.isCharClass(this.stack[n2 - 1]) && _Parser.isCharClass(this.stack[n2 - 3])) {
      let re1 = this.stack[n2 - 1];
      let re3 = this.stack[n2 - 3];
      if (re1.op > re3.op) {
        const tmp = re3;
        re3 = re1;
        re1 = tmp;
        this.stack[n2 - 3] = re3;
      }
      _Parser.mergeCharClass(re3, re1);
      this.reuse(re1);
      this.pop();
      return true;
    }
    if (n2 >= 2) {
      const re1 = this.stack[n2 - 1];
      const re2 = this.stack[n2 - 2];
      if (re2.op === Regexp.Op.VERTICAL_BAR) {
        if (n2 >= 3) {
          this.cleanAlt(this.stack[n2 - 3]);
        }
        this.stack[n2 - 2] = re1;
        this.stack[n2 - 1] = re2;
        return true;
      }
    }
    return false;
  }
  // parseRightParen handles a ')' in the input.
  parseRightParen() {
    this.concat();
    if (this.swapVerticalBar()) {
      this.pop();
    }
    this.alternate();
    const n2 = this.stack.length;
    if (n2 < 2) {
      throw new RE2JSSyntaxException(_Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
    }
    const re1 = this.pop();
    if (re1 === void 0) {
      throw new RE2JSSyntaxException(_Parser.ERR_BAD_EXPRESSION, this.wholeRegexp);
    }
    const re2 = this.pop();
    if (re2 === void 0 || re2.op !== Regexp.Op.LEFT_PAREN) {
      throw new RE2JSSyntaxException(_Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
    }
    this.flags = re2.flags;
    if (re2.cap === 0) {
      this.push(re1);
    } else {
      re2.op = Regexp.Op.CAPTURE;
      re2.subs = [re1];
      this.push(re2);
    }
  }
  // parsePerlClassEscape parses a leading Perl character class escape like \d
  // from the beginning of |t|.  If one is present, it appends the characters
  // to cc and returns true.  The iterator is advanced past the escape
  // on success, undefined on failure, in which case false is returned.
  parsePerlClassEscape(t3, cc) {
    const beforePos = t3.pos();
    if (!t3.more() || t3.pop() !== 92 || !t3.more()) {
      return false;
    }
    t3.pop();
    const p = t3.from(beforePos);
    const g = getPerlGroups().get(p);
    if (g === void 0) {
      return false;
    }
    cc.appendGroup(g, (this.flags & FOLD_CASE) !== 0);
    return true;
  }
  // parseNamedClass parses a leading POSIX named character class like
  // [:alnum:] from the beginning of t.  If one is present, it appends the
  // characters to cc, advances the iterator, and returns true.
  // Pre: t at "[:".  Post: t after ":]".
  // On failure (no class of than name), throws RE2JSSyntaxException.
  // On misparse, returns false; t.pos() is undefined.
  parseNamedClass(t3, cc) {
    const cls = t3.rest();
    const i = cls.indexOf(":]");
    if (i < 0) {
      return false;
    }
    const name = cls.substring(0, i + 2);
    t3.skipString(name);
    const g = getPosixGroups().get(name);
    if (g === void 0) {
      throw new RE2JSSyntaxException(_Parser.ERR_INVALID_CHAR_RANGE, name);
    }
    cc.appendGroup(g, (this.flags & FOLD_CASE) !== 0);
    return true;
  }
  // parseUnicodeClass() parses a leading Unicode character class like \p{Han}
  // from the beginning of t.  If one is present, it appends the characters to
  // to |cc|, advances |t| and returns true.
  //
  // Returns false if such a pattern is not present or UNICODE_GROUPS
  // flag is not enabled; |t.pos()| is not advanced in this case.
  // Indicates error by throwing RE2JSSyntaxException.
  parseUnicodeClass(t3, cc) {
    const startPos = t3.pos();
    if ((this.flags & UNICODE_GROUPS) === 0 || !t3.lookingAt("\\p") && !t3.lookingAt("\\P")) {
      return false;
    }
    t3.skip(1);
    let sign = 1;
    let c = t3.pop();
    if (c === 80) {
      sign = -1;
    }
    if (!t3.more()) {
      t3.rewindTo(startPos);
      throw new RE2JSSyntaxException(_Parser.ERR_INVALID_CHAR_RANGE, t3.rest());
    }
    c = t3.pop();
    let name;
    if (c !== 123) {
      name = runeToString(c);
    } else {
      const rest = t3.rest();
      const end = rest.indexOf("}");
      if (end < 0) {
        t3.rewindTo(startPos);
        throw new RE2JSSyntaxException(_Parser.ERR_INVALID_CHAR_RANGE, t3.rest());
      }
      name = rest.substring(0, end);
      t3.skipString(name);
      t3.skip(1);
    }
    if (!(name.length === 0) && name.codePointAt(0) === 94) {
      sign = 0 - sign;
      name = name.substring(1);
    }
    const pair = _Parser.unicodeTable(name);
    if (pair === null) {
      throw new RE2JSSyntaxException(_Parser.ERR_INVALID_CHAR_RANGE, t3.from(startPos));
    }
    if (pair.sign < 0) {
      sign = 0 - sign;
    }
    const tab = pair.tab;
    const fold = pair.fold;
    if (tab === null) {
      throw new RE2JSSyntaxException(_Parser.ERR_INVALID_CHAR_RANGE, t3.from(startPos));
    }
    if ((this.flags & FOLD_CASE) === 0 || fold === null) {
      cc.appendTableWithSign(tab, sign);
    } else {
      const tmp = new CharClass().appendTable(tab).appendTable(fold).cleanClass().toArray();
      cc.appendClassWithSign(tmp, sign);
    }
    return true;
  }
  // parseClass parses a character class and pushes it onto the parse stack.
  //
  // NOTES:
  // Pre: at '['; Post: after ']'.
  // Mutates stack.  Advances iterator.  May throw.
  parseClass(t3) {
    const startPos = t3.pos();
    t3.skip(1);
    const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
    re.flags = this.flags;
    const cc = new CharClass();
    let sign = 1;
    if (t3.more() && t3.lookingAt("^")) {
      sign = -1;
      t3.skip(1);
      if ((this.flags & CLASS_NL) === 0) {
        cc.appendRange(10, 10);
      }
    }
    let first = true;
    while (!t3.more() || t3.peek() !== 93 || first) {
      first = false;
      const beforePos = t3.pos();
      if (t3.lookingAt("[:")) {
        if (this.parseNamedClass(t3, cc)) {
          continue;
        }
        t3.rewindTo(beforePos);
      }
      if (this.parseUnicodeClass(t3, cc)) {
        continue;
      }
      if (this.parsePerlClassEscape(t3, cc)) {
        continue;
      }
      t3.rewindTo(beforePos);
      const lo = _Parser.parseClassChar(t3, startPos);
      let hi = lo;
      if (t3.more() && t3.lookingAt("-")) {
        t3.skip(1);
        if (t3.more() && t3.lookingAt("]")) {
          t3.skip(-1);
        } else {
          hi = _Parser.parseClassChar(t3, startPos);
          if (hi < lo) {
            throw new RE2JSSyntaxException(_Parser.ERR_INVALID_CHAR_RANGE, t3.from(beforePos));
          }
        }
      }
      if ((this.flags & FOLD_CASE) === 0) {
        cc.appendRange(lo, hi);
      } else {
        cc.appendFoldedRange(lo, hi);
      }
    }
    t3.skip(1);
    cc.cleanClass();
    if (sign < 0) {
      cc.negateClass();
    }
    re.runes = cc.toArray();
    this.push(re);
  }
};

// node_modules/@bufbuild/re2/dist/esm/RE2.js
var RE2 = class _RE2 {
  expr;
  prog;
  numSubexp;
  cond;
  prefix;
  prefixComplete;
  prefixRune;
  dfa;
  prefilter;
  namedGroups;
  static compile(expr) {
    return _RE2.compileImpl(expr, PERL);
  }
  static compileImpl(expr, mode) {
    return new _RE2(expr, mode);
  }
  constructor(expr, mode) {
    let re = Parser.parse(expr, mode);
    re = simplify2(re);
    const prefilter = PrefilterTree.build(re);
    const prog = Compiler.compileRegexp(re);
    this.prefilter = prefilter.type === Prefilter.Type.NONE ? null : prefilter;
    const [prefixCompl, prefixStr] = prog.prefix();
    this.prefixComplete = prefixCompl;
    this.prefix = prefixStr;
    this.prefixRune = 0;
    if (this.prefix.length > 0) {
      const cp = this.prefix.codePointAt(0);
      if (cp === void 0) {
        throw new Error("RE2: prefix has no code point");
      }
      this.prefixRune = cp;
    }
    this.namedGroups = re.namedGroups;
    this.expr = expr;
    this.prog = prog;
    this.numSubexp = re.maxCap();
    this.cond = prog.startCond();
    this.dfa = new DFA(this.prog);
  }
  matchPrefixComplete(input, pos, anchor, ncap) {
    if ((anchor === ANCHOR_START || anchor === ANCHOR_BOTH) && pos !== 0) {
      return null;
    }
    let matchStart = -1;
    let matchEnd = -1;
    const pLen = input.prefixLength(this);
    if (anchor === UNANCHORED) {
      const idx = input.index(this, pos);
      if (idx < 0)
        return null;
      matchStart = pos + idx;
      matchEnd = matchStart + pLen;
    } else if (anchor === ANCHOR_BOTH) {
      if (input.endPos() !== pLen)
        return null;
      const idx = input.index(this, 0);
      if (idx !== 0)
        return null;
      matchStart = 0;
      matchEnd = pLen;
    } else if (anchor === ANCHOR_START) {
      const idx = input.index(this, 0);
      if (idx !== 0)
        return null;
      matchStart = 0;
      matchEnd = pLen;
    }
    if (matchStart < 0)
      return null;
    if (ncap > 0) {
      const matchcap = new Int32Array(ncap).fill(-1);
      matchcap[0] = matchStart;
      matchcap[1] = matchEnd;
      return Array.from(matchcap);
    }
    return [];
  }
  executeEngine(input, pos, anchor, ncap) {
    if (this.prefixComplete && (ncap === 0 || this.numSubexp === 0)) {
      return this.matchPrefixComplete(input, pos, anchor, ncap);
    }
    if (this.prefilter !== null && anchor === UNANCHORED) {
      if (!this.prefilter.eval(input, pos)) {
        return null;
      }
    }
    const dfaResult = this.dfa.match(input, pos, anchor);
    if (dfaResult !== null) {
      return dfaResult ? [] : null;
    }
    return this._nfaFallback(input, pos, anchor) ? [] : null;
  }
  // Minimal boolean-only NFA for when the DFA bails due to state explosion.
  // No captures, no thread pools — just two sets of NFA states swapped each step.
  _nfaFallback(input, pos, anchor) {
    const prog = this.prog;
    const endPos = input.endPos();
    const addState = (set, visited2, pc, context) => {
      if (pc < 0 || pc >= prog.numInst() || visited2.has(pc))
        return;
      visited2.add(pc);
      const inst = prog.getInst(pc);
      switch (inst.op) {
        case Inst.ALT:
        case Inst.ALT_MATCH:
          addState(set, visited2, inst.out, context);
          addState(set, visited2, inst.arg, context);
          break;
        case Inst.NOP:
        case Inst.CAPTURE:
          addState(set, visited2, inst.out, context);
          break;
        case Inst.EMPTY_WIDTH:
          if ((inst.arg & ~context) === 0) {
            addState(set, visited2, inst.out, context);
          }
          break;
        default:
          set.add(pc);
          break;
      }
    };
    let current = /* @__PURE__ */ new Set();
    let next = /* @__PURE__ */ new Set();
    let prevRune = -1;
    if (pos > 0) {
      const r2 = input.step(pos - 1) >> 3;
      if (r2 >= 0)
        prevRune = r2;
    }
    for (let i = pos; i <= endPos; i++) {
      const rune = i < endPos ? input.step(i) >> 3 : -1;
      const width = i < endPos ? input.step(i) & 7 : 0;
      const context = emptyOpContext(prevRune, rune);
      if (anchor === UNANCHORED || i === pos) {
        const visited2 = /* @__PURE__ */ new Set();
        addState(current, visited2, prog.start, context);
      }
      if (anchor !== ANCHOR_BOTH) {
        for (const pc of current) {
          const inst = prog.getInst(pc);
          if (inst.op === Inst.MATCH) {
            return true;
          }
        }
      }
      if (i >= endPos || width === 0)
        break;
      next.clear();
      for (const pc of current) {
        const inst = prog.getInst(pc);
        if (Inst.isRuneOp(inst.op) && inst.matchRune(rune)) {
          const nextContext = emptyOpContext(rune, i + width < endPos ? input.step(i + width) >> 3 : -1);
          const visited2 = /* @__PURE__ */ new Set();
          addState(next, visited2, inst.out, nextContext);
        }
      }
      if (anchor === UNANCHORED) {
        const nextRune = i + width < endPos ? input.step(i + width) >> 3 : -1;
        const nextContext = emptyOpContext(rune, nextRune);
        const visited2 = /* @__PURE__ */ new Set();
        addState(next, visited2, prog.start, nextContext);
      }
      prevRune = rune;
      [current, next] = [next, current];
      i += width - 1;
    }
    const endContext = emptyOpContext(prevRune, -1);
    const visited = /* @__PURE__ */ new Set();
    const finalSet = /* @__PURE__ */ new Set();
    for (const pc of current) {
      addState(finalSet, visited, pc, endContext);
    }
    for (const pc of finalSet) {
      const inst = prog.getInst(pc);
      if (inst.op === Inst.MATCH)
        return true;
    }
    return false;
  }
  numberOfCapturingGroups() {
    return this.numSubexp;
  }
  reset() {
  }
  toString() {
    return this.expr;
  }
  match(s2) {
    return this.executeEngine(fromUTF16(s2), 0, UNANCHORED, 0) !== null;
  }
};

// node_modules/@bufbuild/re2/dist/esm/index.js
var RE2JS = class _RE2JS {
  patternInput;
  flagsInput;
  re2Input;
  /**
   * Flag: case insensitive matching.
   */
  static CASE_INSENSITIVE = 1;
  /**
   * Flag: dot ({@code .}) matches all characters, including newline.
   */
  static DOTALL = 2;
  /**
   * Flag: multiline matching: {@code ^} and {@code $} match at beginning and end of line, not just
   * beginning and end of input.
   */
  static MULTILINE = 4;
  /**
   * Flag: Unicode groups (e.g. {@code \p{Greek}} ) will be syntax errors.
   */
  static DISABLE_UNICODE_GROUPS = 8;
  /**
   * Returns a literal pattern string for the specified string.
   *
   * @param {string} str The string to be literalized
   * @returns {string} A literal string replacement
   */
  static quote(str) {
    return quoteMeta(str);
  }
  /**
   * Helper: create new RE2JS with given regex and flags.
   * @param {string} regex
   * @param {number} [flags=0]
   * @returns {RE2JS}
   */
  static compile(regex, flags = 0) {
    return new _RE2JS(regex, flags);
  }
  static validateFlags(flags) {
    if ((flags & ~(_RE2JS.MULTILINE | _RE2JS.DOTALL | _RE2JS.CASE_INSENSITIVE | _RE2JS.DISABLE_UNICODE_GROUPS)) !== 0) {
      throw new RE2JSFlagsException("Flags should only be a combination of MULTILINE, DOTALL, CASE_INSENSITIVE, DISABLE_UNICODE_GROUPS");
    }
  }
  static buildRegexWithFlags(regex, flags = 0) {
    let fregex = regex;
    if ((flags & _RE2JS.CASE_INSENSITIVE) !== 0) {
      fregex = `(?i)${fregex}`;
    }
    if ((flags & _RE2JS.DOTALL) !== 0) {
      fregex = `(?s)${fregex}`;
    }
    if ((flags & _RE2JS.MULTILINE) !== 0) {
      fregex = `(?m)${fregex}`;
    }
    return fregex;
  }
  /**
   * Matches a string against a regular expression.
   *
   * @param {string} regex the regular expression
   * @param {string} input the input
   * @returns {boolean} true if the regular expression matches the entire input
   * @throws RE2JSSyntaxException if the regular expression is malformed
   */
  static matches(regex, input) {
    return _RE2JS.compile(regex).testExact(input);
  }
  /**
   * @param {string} pattern
   * @param {number} flags
   */
  constructor(pattern, flags = 0) {
    let re2Flags = PERL;
    if ((flags & _RE2JS.DISABLE_UNICODE_GROUPS) !== 0) {
      re2Flags &= ~UNICODE_GROUPS;
    }
    _RE2JS.validateFlags(flags);
    const fregex = _RE2JS.buildRegexWithFlags(pattern, flags);
    this.patternInput = pattern;
    this.flagsInput = flags;
    this.re2Input = RE2.compileImpl(fregex, re2Flags);
  }
  /**
   * Releases memory used by internal caches associated with this pattern.
   */
  reset() {
    this.re2Input.reset();
  }
  /**
   * Returns the flags used in the constructor.
   * @returns {number}
   */
  flags() {
    return this.flagsInput;
  }
  /**
   * Returns the pattern used in the constructor.
   * @returns {string}
   */
  pattern() {
    return this.patternInput;
  }
  re2() {
    return this.re2Input;
  }
  /**
   * Matches a string against a regular expression.
   *
   * @param {string} input the input
   * @returns {boolean} true if the regular expression matches the entire input
   */
  matches(input) {
    return this.testExact(input);
  }
  /**
   * Tests whether the regular expression matches any part of the input string.
   *
   * @param {string} input - The input string to test against.
   * @returns {boolean} `true` if the pattern is found anywhere in the input, `false` otherwise.
   */
  test(input) {
    return this.re2Input.match(input);
  }
  /**
   * Tests whether the regular expression matches the ENTIRE input string.
   *
   * @param {string} input - The input string to test against.
   * @returns {boolean} `true` if the exact input string fully matches the pattern, `false` otherwise.
   */
  testExact(input) {
    return this.re2Input.executeEngine(fromUTF16(input), 0, ANCHOR_BOTH, 0) !== null;
  }
  toString() {
    return this.patternInput;
  }
  /**
   * Returns the number of capturing groups in this matcher's pattern.
   */
  groupCount() {
    return this.re2Input.numberOfCapturingGroups();
  }
  /**
   * Return a map of the capturing groups in this matcher's pattern.
   */
  namedGroups() {
    return this.re2Input.namedGroups;
  }
};

// node_modules/@bufbuild/cel/dist/esm/std/logic.js
function matches(pattern) {
  return RE2JS.compile(pattern).test(this);
}
function compareDuration(lhs, rhs) {
  const cmp = lhs.message.seconds - rhs.message.seconds;
  if (cmp == 0n) {
    return lhs.message.nanos - rhs.message.nanos;
  }
  return cmp < 0n ? -1 : 1;
}
function compareTimestamp(lhs, rhs) {
  const cmp = lhs.message.seconds - rhs.message.seconds;
  if (cmp == 0n) {
    return lhs.message.nanos - rhs.message.nanos;
  }
  return cmp < 0n ? -1 : 1;
}
function compareBytes(lhs, rhs) {
  const minLen = Math.min(lhs.length, rhs.length);
  for (let i = 0; i < minLen; i++) {
    if (lhs[i] < rhs[i]) {
      return -1;
    }
    if (lhs[i] > rhs[i]) {
      return 1;
    }
  }
  return lhs.length - rhs.length;
}
function inList(value, list2) {
  for (const v of list2) {
    if (equals2(v, value))
      return true;
  }
  return false;
}
function inMap(value, map) {
  return map.has(value);
}
var { BOOL: BOOL2, BYTES: BYTES3, DOUBLE: DOUBLE3, DYN: DYN2, INT: INT3, STRING: STRING3, UINT: UINT3 } = CelScalar;
var LIST2 = listType(CelScalar.DYN);
var MAP = mapType(CelScalar.DYN, CelScalar.DYN);
var logic_default = [
  // !
  celFunc(LOGICAL_NOT, [BOOL2], BOOL2, (x) => !x),
  // =
  celFunc(EQUALS, [DYN2, DYN2], BOOL2, equals2),
  celFunc(NOT_EQUALS, [DYN2, DYN2], BOOL2, (l, r2) => !equals2(l, r2)),
  // <
  celFunc(LESS, [BOOL2, BOOL2], BOOL2, (l, r2) => l < r2),
  celFunc(LESS, [BYTES3, BYTES3], BOOL2, (l, r2) => compareBytes(l, r2) < 0),
  celFunc(LESS, [DOUBLE3, DOUBLE3], BOOL2, (l, r2) => l < r2),
  celFunc(LESS, [STRING3, STRING3], BOOL2, (l, r2) => l < r2),
  celFunc(LESS, [INT3, INT3], BOOL2, (l, r2) => l < r2),
  celFunc(LESS, [INT3, UINT3], BOOL2, (l, r2) => l < r2.value),
  celFunc(LESS, [UINT3, INT3], BOOL2, (l, r2) => l.value < r2),
  celFunc(LESS, [UINT3, UINT3], BOOL2, (l, r2) => l.value < r2.value),
  // TODO investigate: ECMAScript relational operators support mixed bigint/number operands,
  // but removing the coercion to number here fails the conformance test "not_lt_dyn_int_big_lossy_double"
  celFunc(LESS, [INT3, DOUBLE3], BOOL2, (l, r2) => Number(l) < r2),
  celFunc(LESS, [DOUBLE3, INT3], BOOL2, (l, r2) => l < Number(r2)),
  celFunc(LESS, [DOUBLE3, UINT3], BOOL2, (l, r2) => l < Number(r2.value)),
  celFunc(LESS, [UINT3, DOUBLE3], BOOL2, (l, r2) => Number(l.value) < r2),
  celFunc(LESS, [DURATION, DURATION], BOOL2, (l, r2) => compareDuration(l, r2) < 0),
  celFunc(LESS, [TIMESTAMP, TIMESTAMP], BOOL2, (l, r2) => compareTimestamp(l, r2) < 0),
  // <=
  celFunc(LESS_EQUALS, [BOOL2, BOOL2], BOOL2, (l, r2) => l <= r2),
  celFunc(LESS_EQUALS, [BYTES3, BYTES3], BOOL2, (l, r2) => compareBytes(l, r2) <= 0),
  celFunc(LESS_EQUALS, [DOUBLE3, DOUBLE3], BOOL2, (l, r2) => l <= r2),
  celFunc(LESS_EQUALS, [STRING3, STRING3], BOOL2, (l, r2) => l <= r2),
  celFunc(LESS_EQUALS, [INT3, INT3], BOOL2, (l, r2) => l <= r2),
  celFunc(LESS_EQUALS, [INT3, UINT3], BOOL2, (l, r2) => l <= r2.value),
  celFunc(LESS_EQUALS, [UINT3, INT3], BOOL2, (l, r2) => l.value <= r2),
  celFunc(LESS_EQUALS, [UINT3, UINT3], BOOL2, (l, r2) => l.value <= r2.value),
  celFunc(LESS_EQUALS, [INT3, DOUBLE3], BOOL2, (l, r2) => Number(l) <= r2),
  celFunc(LESS_EQUALS, [DOUBLE3, INT3], BOOL2, (l, r2) => l <= Number(r2)),
  celFunc(LESS_EQUALS, [DOUBLE3, UINT3], BOOL2, (l, r2) => l <= Number(r2.value)),
  celFunc(LESS_EQUALS, [UINT3, DOUBLE3], BOOL2, (l, r2) => Number(l.value) <= r2),
  celFunc(LESS_EQUALS, [DURATION, DURATION], BOOL2, (l, r2) => compareDuration(l, r2) <= 0),
  celFunc(LESS_EQUALS, [TIMESTAMP, TIMESTAMP], BOOL2, (l, r2) => compareTimestamp(l, r2) <= 0),
  // >
  celFunc(GREATER, [BOOL2, BOOL2], BOOL2, (l, r2) => l > r2),
  celFunc(GREATER, [BYTES3, BYTES3], BOOL2, (l, r2) => compareBytes(l, r2) > 0),
  celFunc(GREATER, [DOUBLE3, DOUBLE3], BOOL2, (l, r2) => l > r2),
  celFunc(GREATER, [STRING3, STRING3], BOOL2, (l, r2) => l > r2),
  celFunc(GREATER, [INT3, INT3], BOOL2, (l, r2) => l > r2),
  celFunc(GREATER, [INT3, UINT3], BOOL2, (l, r2) => l > r2.value),
  celFunc(GREATER, [UINT3, INT3], BOOL2, (l, r2) => l.value > r2),
  celFunc(GREATER, [UINT3, UINT3], BOOL2, (l, r2) => l.value > r2.value),
  celFunc(GREATER, [INT3, DOUBLE3], BOOL2, (l, r2) => Number(l) > r2),
  celFunc(GREATER, [DOUBLE3, INT3], BOOL2, (l, r2) => l > Number(r2)),
  celFunc(GREATER, [DOUBLE3, UINT3], BOOL2, (l, r2) => l > Number(r2.value)),
  celFunc(GREATER, [UINT3, DOUBLE3], BOOL2, (l, r2) => Number(l.value) > r2),
  celFunc(GREATER, [DURATION, DURATION], BOOL2, (l, r2) => compareDuration(l, r2) > 0),
  celFunc(GREATER, [TIMESTAMP, TIMESTAMP], BOOL2, (l, r2) => compareTimestamp(l, r2) > 0),
  // >=
  celFunc(GREATER_EQUALS, [BOOL2, BOOL2], BOOL2, (l, r2) => l >= r2),
  celFunc(GREATER_EQUALS, [BYTES3, BYTES3], BOOL2, (l, r2) => compareBytes(l, r2) >= 0),
  celFunc(GREATER_EQUALS, [DOUBLE3, DOUBLE3], BOOL2, (l, r2) => l >= r2),
  celFunc(GREATER_EQUALS, [STRING3, STRING3], BOOL2, (l, r2) => l >= r2),
  celFunc(GREATER_EQUALS, [INT3, INT3], BOOL2, (l, r2) => l >= r2),
  celFunc(GREATER_EQUALS, [INT3, UINT3], BOOL2, (l, r2) => l >= r2.value),
  celFunc(GREATER_EQUALS, [UINT3, INT3], BOOL2, (l, r2) => l.value >= r2),
  celFunc(GREATER_EQUALS, [UINT3, UINT3], BOOL2, (l, r2) => l.value >= r2.value),
  celFunc(GREATER_EQUALS, [INT3, DOUBLE3], BOOL2, (l, r2) => Number(l) >= r2),
  celFunc(GREATER_EQUALS, [DOUBLE3, INT3], BOOL2, (l, r2) => l >= Number(r2)),
  celFunc(GREATER_EQUALS, [DOUBLE3, UINT3], BOOL2, (l, r2) => l >= Number(r2.value)),
  celFunc(GREATER_EQUALS, [UINT3, DOUBLE3], BOOL2, (l, r2) => Number(l.value) >= r2),
  celFunc(GREATER_EQUALS, [DURATION, DURATION], BOOL2, (l, r2) => compareDuration(l, r2) >= 0),
  celFunc(GREATER_EQUALS, [TIMESTAMP, TIMESTAMP], BOOL2, (l, r2) => compareTimestamp(l, r2) >= 0),
  // size
  celFunc(SIZE, [BYTES3], INT3, (x) => BigInt(x.length)),
  celFunc(SIZE, [LIST2], INT3, (x) => BigInt(x.size)),
  celFunc(SIZE, [STRING3], INT3, (x) => BigInt([...x].length)),
  celFunc(SIZE, [MAP], INT3, (x) => BigInt(x.size)),
  celMethod(SIZE, BYTES3, [], INT3, function() {
    return BigInt(this.length);
  }),
  celMethod(SIZE, LIST2, [], INT3, function() {
    return BigInt(this.size);
  }),
  celMethod(SIZE, STRING3, [], INT3, function() {
    return BigInt([...this].length);
  }),
  celMethod(SIZE, MAP, [], INT3, function() {
    return BigInt(this.size);
  }),
  // in
  celFunc(IN, [DYN2, LIST2], BOOL2, inList),
  celFunc(IN, [STRING3, MAP], BOOL2, inMap),
  celFunc(IN, [DOUBLE3, MAP], BOOL2, inMap),
  celFunc(IN, [INT3, MAP], BOOL2, inMap),
  celFunc(IN, [BOOL2, MAP], BOOL2, inMap),
  celFunc(IN, [UINT3, MAP], BOOL2, inMap),
  // string.*
  celMethod(CONTAINS, STRING3, [STRING3], BOOL2, String.prototype.includes),
  celMethod(ENDS_WITH, STRING3, [STRING3], BOOL2, String.prototype.endsWith),
  celMethod(STARTS_WITH, STRING3, [STRING3], BOOL2, String.prototype.startsWith),
  celMethod(MATCHES, STRING3, [STRING3], BOOL2, matches)
];

// node_modules/@bufbuild/cel/dist/esm/std/time.js
function getDayOfYear(date) {
  const start = new Date(0, 0, 1);
  start.setFullYear(date.getFullYear());
  const diff = date.getTime() - start.getTime();
  const oneDay = 1e3 * 60 * 60 * 24;
  return Math.floor(diff / oneDay);
}
function convertToDate(msg, tz) {
  const ts = msg.message;
  let val = timestampDate(ts);
  if (tz === void 0) {
    return new Date(val.getUTCFullYear(), val.getUTCMonth(), val.getUTCDate(), val.getUTCHours(), val.getUTCMinutes(), val.getUTCSeconds(), val.getUTCMilliseconds());
  }
  const timeOffset = tz.match(/^(?<sign>[+-]?)(?<hours>\d\d):(?<minutes>\d\d)$/);
  if (timeOffset?.groups) {
    const sign = timeOffset.groups.sign == "-" ? 1 : -1;
    const hours = parseInt(timeOffset.groups.hours);
    const minutes = parseInt(timeOffset.groups.minutes);
    const offset = sign * (hours * 60 * 60 * 1e3 + minutes * 60 * 1e3);
    val = new Date(val.getTime() - offset);
    return new Date(val.getUTCFullYear(), val.getUTCMonth(), val.getUTCDate(), val.getUTCHours(), val.getUTCMinutes(), val.getUTCSeconds(), val.getUTCMilliseconds());
  }
  const format2 = new Intl.DateTimeFormat("en-US", {
    hourCycle: "h23",
    hour12: false,
    timeZone: tz,
    year: "numeric",
    month: "numeric",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit"
  });
  let year, month, day, hour, minute, second;
  for (const part of format2.formatToParts(val)) {
    switch (part.type) {
      case "year":
        year = parseInt(part.value);
        break;
      case "month":
        month = parseInt(part.value) - 1;
        break;
      case "day":
        day = parseInt(part.value);
        break;
      case "hour":
        hour = parseInt(part.value);
        break;
      case "minute":
        minute = parseInt(part.value);
        break;
      case "second":
        second = parseInt(part.value);
        break;
    }
  }
  if (year === void 0 || month === void 0 || day === void 0 || hour === void 0 || minute === void 0 || second === void 0) {
    throw new Error(`Error converting ${toJson(TimestampSchema, ts)} to IANA timezone ${tz}`);
  }
  return new Date(year, month, day, hour, minute, second, val.getUTCMilliseconds());
}
var { STRING: STRING4, INT: INT4 } = CelScalar;
function celTimeMethods(name, func) {
  function method(tz) {
    const date = convertToDate(this, tz);
    const result = func(date);
    try {
      return BigInt(result);
    } catch (_e) {
      throw new Error(`Error converting ${result} of ${String(date)} of ${toJson(TimestampSchema, this.message)} to BigInt`);
    }
  }
  return [
    celMethod(name, TIMESTAMP, [], INT4, method),
    celMethod(name, TIMESTAMP, [STRING4], INT4, method)
  ];
}
var time_default = [
  // Duration
  celMethod(TIME_GET_SECONDS, DURATION, [], INT4, function() {
    return this.message.seconds;
  }),
  celMethod(TIME_GET_MINUTES, DURATION, [], INT4, function() {
    return this.message.seconds / 60n;
  }),
  celMethod(TIME_GET_HOURS, DURATION, [], INT4, function() {
    return this.message.seconds / 3600n;
  }),
  celMethod(TIME_GET_MILLISECONDS, DURATION, [], INT4, function() {
    return BigInt(this.message.nanos) / 1000000n;
  }),
  // Timestamp
  ...celTimeMethods(TIME_GET_FULL_YEAR, (x) => x.getFullYear()),
  ...celTimeMethods(TIME_GET_MONTH, (x) => x.getMonth()),
  ...celTimeMethods(TIME_GET_DATE, (x) => x.getDate()),
  ...celTimeMethods(TIME_GET_DAY_OF_MONTH, (x) => x.getDate() - 1),
  ...celTimeMethods(TIME_GET_DAY_OF_WEEK, (x) => x.getDay()),
  ...celTimeMethods(TIME_GET_DAY_OF_YEAR, (x) => getDayOfYear(x)),
  ...celTimeMethods(TIME_GET_SECONDS, (x) => x.getSeconds()),
  ...celTimeMethods(TIME_GET_MINUTES, (x) => x.getMinutes()),
  ...celTimeMethods(TIME_GET_HOURS, (x) => x.getHours()),
  ...celTimeMethods(TIME_GET_MILLISECONDS, (x) => x.getMilliseconds())
];

// node_modules/@bufbuild/cel/dist/esm/scope.js
var privateSymbol8 = /* @__PURE__ */ Symbol.for("@bufbuild/cel/scope");
function createScope(inputs, parent) {
  const variables = /* @__PURE__ */ new Map();
  if (inputs) {
    for (const [name, type] of Object.entries(inputs)) {
      variables.set(name, type);
    }
  }
  return new Scope(variables, parent);
}
var Scope = class {
  _variables;
  _parent;
  [privateSymbol8] = {};
  constructor(_variables, _parent = void 0) {
    this._variables = _variables;
    this._parent = _parent;
  }
  *[Symbol.iterator]() {
    for (const [name, type] of this._parent ?? []) {
      if (!this._variables.has(name)) {
        yield [name, type];
      }
    }
    for (const [name, type] of this._variables) {
      yield [name, type];
    }
  }
  push(inputs) {
    return createScope(inputs, this);
  }
  pop() {
    return this._parent;
  }
  find(name) {
    if (this._variables.has(name)) {
      return this._variables.get(name);
    }
    return this._parent?.find(name);
  }
};

// node_modules/@bufbuild/cel/dist/esm/env.js
var privateSymbol9 = /* @__PURE__ */ Symbol.for("@bufbuild/cel/env");
var { BOOL: BOOL3, STRING: STRING5 } = CelScalar;
function celEnv(options) {
  const re2Funcs = [];
  if (options?.re2 !== void 0) {
    const regex = options.re2;
    re2Funcs.push(celMethod(MATCHES, STRING5, [STRING5], BOOL3, function(pattern) {
      return regex.compile(pattern).test(this);
    }));
  }
  return new _CelEnv(options?.namespace ?? "", options?.registry ? createRegistryWithWKT(options.registry) : createRegistryWithWKT(), createResolver(math_default, cast_default, time_default, logic_default, options?.funcs ?? [], re2Funcs), createScope(options?.variables));
}
var _CelEnv = class {
  _namespace;
  _registry;
  _funcs;
  _variables;
  [privateSymbol9] = {};
  constructor(_namespace, _registry, _funcs, _variables) {
    this._namespace = _namespace;
    this._registry = _registry;
    this._funcs = _funcs;
    this._variables = _variables;
  }
  get namespace() {
    return this._namespace;
  }
  get registry() {
    return this._registry;
  }
  get funcs() {
    return this._funcs;
  }
  get variables() {
    return this._variables;
  }
};

// node_modules/@bufbuild/cel/dist/esm/ext/strings.js
function charAt(index) {
  const i = Number(index);
  if (i < 0 || i > this.length) {
    throw indexOutOfBounds(i, this.length);
  }
  return this.charAt(i);
}
function indexOf(substr, startN) {
  if (startN === void 0) {
    return BigInt(this.indexOf(substr));
  }
  const start = Number(startN);
  if (start < 0 || start >= this.length) {
    throw indexOutOfBounds(start, this.length);
  }
  return BigInt(this.indexOf(substr, start));
}
function lastIndexOf(substr, startN) {
  if (startN === void 0) {
    return BigInt(this.lastIndexOf(substr));
  }
  const start = Number(startN);
  if (start < 0 || start >= this.length) {
    throw indexOutOfBounds(start, this.length);
  }
  return BigInt(this.lastIndexOf(substr, start));
}
function lowerAscii() {
  let result = "";
  for (let i = 0; i < this.length; i++) {
    const code = this.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      result += String.fromCharCode(code + 32);
    } else {
      result += this.charAt(i);
    }
  }
  return result;
}
function upperAscii() {
  let result = "";
  for (let i = 0; i < this.length; i++) {
    const c = this.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      result += String.fromCharCode(c - 32);
    } else {
      result += this.charAt(i);
    }
  }
  return result;
}
function replace(substr, repl, num) {
  const count = num === void 0 ? this.length : Number(num);
  let result = this;
  let offset = 0;
  let remaining = count;
  let index = result.indexOf(substr, offset);
  while (remaining > 0 && index !== -1) {
    result = result.substring(0, index) + repl + result.substring(index + substr.length);
    offset = index + repl.length;
    remaining--;
    index = result.indexOf(substr, offset);
  }
  return result;
}
function split(sep, num) {
  const count = num === void 0 ? void 0 : Number(num);
  if (count === 1) {
    return celList([this]);
  }
  return celList(this.split(sep, count));
}
function substring(start, end) {
  if (end === void 0) {
    const i2 = Number(start);
    if (i2 < 0 || i2 > this.length) {
      throw indexOutOfBounds(i2, this.length);
    }
    return this.substring(i2);
  }
  const i = Number(start);
  const j = Number(end);
  if (i < 0 || i > this.length) {
    throw indexOutOfBounds(i, this.length);
  }
  if (j < 0 || j > this.length) {
    throw indexOutOfBounds(j, this.length);
  }
  if (i > j) {
    throw invalidArgument("substring", "start > end");
  }
  return this.substring(i, j);
}
var WHITE_SPACE = /* @__PURE__ */ new Set([
  32,
  9,
  10,
  11,
  12,
  13,
  133,
  160,
  5760,
  8192,
  8193,
  8194,
  8195,
  8196,
  8197,
  8198,
  8199,
  8200,
  8201,
  8202,
  8232,
  8233,
  8239,
  8287,
  12288
]);
function trim() {
  let start = 0;
  let end = this.length - 1;
  while (start < this.length && WHITE_SPACE.has(this.charCodeAt(start))) {
    start++;
  }
  while (end > start && WHITE_SPACE.has(this.charCodeAt(end))) {
    end--;
  }
  return this.substring(start, end + 1);
}
function join(sep = "") {
  let result = "";
  for (let i = 0; i < this.size; i++) {
    const item = this.get(i);
    if (typeof item !== "string") {
      throw invalidArgument("join", "list contains non-string value");
    }
    if (i > 0) {
      result += sep;
    }
    result += item;
  }
  return result;
}
var QUOTE_MAP = /* @__PURE__ */ new Map([
  [0, "\\0"],
  [7, "\\a"],
  [8, "\\b"],
  [9, "\\t"],
  [10, "\\n"],
  [11, "\\v"],
  [12, "\\f"],
  [13, "\\r"],
  [34, '\\"'],
  [92, "\\\\"]
]);
function quote(str) {
  let result = '"';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    result += QUOTE_MAP.get(c) ?? str.charAt(i);
  }
  result += '"';
  return result;
}
function formatFloatString(val) {
  switch (val) {
    case "Infinity":
    case "-Infinity":
    case "NaN":
      return val;
    default:
      throw invalidArgument("format", "invalid floating point value");
  }
}
function formatFloating(val, precision) {
  switch (true) {
    case typeof val === "number":
      if (!Number.isFinite(val) || precision === void 0) {
        return val.toString();
      }
      return new Intl.NumberFormat("en-US", {
        maximumFractionDigits: precision,
        minimumFractionDigits: precision,
        notation: "standard",
        roundingMode: "halfEven",
        useGrouping: false
      }).format(val);
    case typeof val === "string":
      return formatFloatString(val);
    default:
      throw invalidArgument("format", "fixed-point clause can only be used on doubles");
  }
}
function formatExponent(val, precision) {
  switch (true) {
    case typeof val === "number":
      if (!Number.isFinite(val)) {
        return val.toString();
      }
      let str = val.toExponential(precision);
      const plusIdx = str.lastIndexOf("+");
      if (plusIdx === str.length - 2) {
        str = `${str.substring(0, plusIdx + 1)}0${str.substring(plusIdx + 1)}`;
      }
      return str;
    case typeof val === "string":
      return formatFloatString(val);
    default:
      throw invalidArgument("format", "scientific clause can only be used on doubles");
  }
}
function formatBinary(val) {
  switch (true) {
    case typeof val === "boolean":
      return val ? "1" : "0";
    case typeof val === "bigint":
      return val.toString(2);
    case isCelUint(val):
      return val.value.toString(2);
    default:
      throw invalidArgument("format", "only integers and bools can be formatted as binary");
  }
}
function formatOctal(val) {
  switch (true) {
    case typeof val === "bigint":
      return val.toString(8);
    case isCelUint(val):
      return val.value.toString(8);
    default:
      throw invalidArgument("format", "invalid integer value");
  }
}
function formatDecimal(val) {
  switch (true) {
    case typeof val === "bigint":
      return val.toString(10);
    case isCelUint(val):
      return val.value.toString(10);
    case (typeof val === "number" && !Number.isFinite(val)):
      return val.toString();
    default:
      throw invalidArgument("format", "invalid integer value");
  }
}
function formatHexBytes(val) {
  let result = "";
  for (let i = 0; i < val.length; i++) {
    result += val[i].toString(16).padStart(2, "0");
  }
  return result;
}
function formatHex(val) {
  switch (true) {
    case typeof val === "bigint":
      return val.toString(16);
    case isCelUint(val):
      return val.value.toString(16);
    case typeof val === "string":
      const encoder3 = new TextEncoder();
      return formatHexBytes(encoder3.encode(val));
    case val instanceof Uint8Array:
      return formatHexBytes(val);
    default:
      throw invalidArgument("format", "only integers, byte buffers, and strings can be formatted as hex");
  }
}
function formatHeX(val) {
  const result = formatHex(val);
  if (typeof result !== "string") {
    return result;
  }
  return result.toUpperCase();
}
function formatList(val) {
  let result = "[";
  for (let i = 0; i < val.size; i++) {
    if (i > 0) {
      result += ", ";
    }
    result += formatString(val.get(i));
  }
  result += "]";
  return result;
}
function formatMap(val) {
  const formatted = new Array(val.size);
  let i = 0;
  for (const [key, value] of val) {
    formatted[i] = [formatString(key), formatString(value)];
    i++;
  }
  let result = "{";
  let delim = "";
  for (const [key, value] of formatted.sort((a, b) => a[0].localeCompare(b[0]))) {
    result += delim + key + ": " + value;
    delim = ", ";
  }
  result += "}";
  return result;
}
function formatString(val) {
  switch (typeof val) {
    case "boolean":
      return val ? "true" : "false";
    case "bigint":
      return formatDecimal(val);
    case "number":
      return formatFloating(val, void 0);
    case "string":
      return val;
    case "object":
      switch (true) {
        case val === null:
          return "null";
        case isCelType(val):
          return val.name;
        case isCelUint(val):
          return val.value.toString();
        case isReflectMessage(val, TimestampSchema):
          return toJson(TimestampSchema, val.message);
        case isReflectMessage(val, DurationSchema):
          return toJson(DurationSchema, val.message);
        case val instanceof Uint8Array:
          return new TextDecoder().decode(val);
        case isCelList(val):
          return formatList(val);
        case isCelMap(val):
          return formatMap(val);
      }
  }
  throw invalidArgument("format", "invalid string value");
}
function format(args) {
  let result = "";
  let i = 0;
  let j = 0;
  while (i < this.length) {
    if (this.charAt(i) !== "%") {
      result += this.charAt(i);
      i++;
      continue;
    }
    if (i + 1 >= this.length) {
      throw invalidArgument("format", "invalid format string");
    }
    let c = this.charAt(i + 1);
    i += 2;
    if (c === "%") {
      result += "%";
      continue;
    }
    let precision = 6;
    if (c === ".") {
      precision = 0;
      while (i < this.length && this.charAt(i) >= "0" && this.charAt(i) <= "9") {
        precision = precision * 10 + Number(this.charAt(i));
        i++;
      }
      if (i >= this.length) {
        throw invalidArgument("format", "invalid format string");
      }
      c = this.charAt(i);
      i++;
    }
    const val = args.get(j++);
    if (val === void 0) {
      throw invalidArgument("format", "too few arguments for format string");
    }
    result += formatPlaceholder(c, val, precision);
  }
  if (j < args.size) {
    throw invalidArgument("format", "too many arguments for format string");
  }
  return result;
}
function formatPlaceholder(c, val, precision) {
  switch (c) {
    case "e":
      return formatExponent(val, precision);
    case "f":
      return formatFloating(val, precision);
    case "b":
      return formatBinary(val);
    case "d":
      return formatDecimal(val);
    case "s":
      return formatString(val);
    case "x":
      return formatHex(val);
    case "X":
      return formatHeX(val);
    case "o":
      return formatOctal(val);
    default:
      throw invalidArgument("format", `could not parse formatting clause: unrecognized formatting clause: ${c}`);
  }
}
function invalidArgument(func, issue) {
  return new Error(`invalid argument to function ${func}: ${issue}`);
}
function indexOutOfBounds(index, length) {
  return new Error(`index ${index} out of bounds [0, ${length})`);
}
var { STRING: STRING6, INT: INT5, DYN: DYN3 } = CelScalar;
var LIST_DYN = listType(DYN3);
var LIST_STRING = listType(DYN3);
var strings_default = [
  celFunc("strings.quote", [STRING6], STRING6, quote),
  celMethod("charAt", STRING6, [INT5], STRING6, charAt),
  celMethod("indexOf", STRING6, [STRING6], INT5, indexOf),
  celMethod("indexOf", STRING6, [STRING6, INT5], INT5, indexOf),
  celMethod("lastIndexOf", STRING6, [STRING6], INT5, lastIndexOf),
  celMethod("lastIndexOf", STRING6, [STRING6, INT5], INT5, lastIndexOf),
  celMethod("lowerAscii", STRING6, [], STRING6, lowerAscii),
  celMethod("upperAscii", STRING6, [], STRING6, upperAscii),
  celMethod("replace", STRING6, [STRING6, STRING6], STRING6, replace),
  celMethod("replace", STRING6, [STRING6, STRING6, INT5], STRING6, replace),
  celMethod("split", STRING6, [STRING6], LIST_STRING, split),
  celMethod("split", STRING6, [STRING6, INT5], LIST_STRING, split),
  celMethod("substring", STRING6, [INT5], STRING6, substring),
  celMethod("substring", STRING6, [INT5, INT5], STRING6, substring),
  celMethod("trim", STRING6, [], STRING6, trim),
  celMethod("join", LIST_STRING, [], STRING6, join),
  celMethod("join", LIST_STRING, [STRING6], STRING6, join),
  celMethod("format", STRING6, [LIST_DYN], STRING6, format)
];

// packages/rules/src/custom/compile-custom-rule.ts
var env = celEnv({ variables: { object: mapType(CelScalar.STRING, CelScalar.DYN) }, funcs: strings_default });

// packages/rules/src/frameworks/cis.ts
var rows = [
  ["1.1", "Control Plane Node Configuration Files", "Ownership and permissions of the control-plane manifests, kubeconfigs, PKI and etcd data directory on each control-plane node.", "Output of stat (mode, owner) for the files in CIS 1.1.1-1.1.21 on every control-plane node, or the managed provider's attestation."],
  ["1.2.1", "Ensure that the --anonymous-auth argument is set to false", "The API server rejects unauthenticated requests."],
  ["1.2.2", "Ensure that the --token-auth-file parameter is not set", "No static token file authenticates users."],
  ["1.2.3", "Ensure that the --DenyServiceExternalIPs is set", "The admission plugin that blocks Service externalIPs is on."],
  ["1.2.4", "Ensure that the --kubelet-client-certificate and --kubelet-client-key arguments are set as appropriate", "The API server authenticates to kubelets with a client certificate."],
  ["1.2.5", "Ensure that the --kubelet-certificate-authority argument is set as appropriate", "The API server verifies kubelet serving certificates."],
  ["1.2.6", "Ensure that the --authorization-mode argument is not set to AlwaysAllow", "Requests are authorized, not allowed wholesale."],
  ["1.2.7", "Ensure that the --authorization-mode argument includes Node", "Kubelets are limited to their own node's objects."],
  ["1.2.8", "Ensure that the --authorization-mode argument includes RBAC", "RBAC authorizes requests."],
  ["1.2.9", "Ensure that the admission control plugin EventRateLimit is set", "Event floods are rate-limited at admission."],
  ["1.2.10", "Ensure that the admission control plugin AlwaysAdmit is not set", "Admission control is not bypassed."],
  ["1.2.11", "Ensure that the admission control plugin AlwaysPullImages is set", "Private images are re-authorized on every pod start."],
  ["1.2.12", "Ensure that the admission control plugin ServiceAccount is set", "Pods get service accounts managed by admission."],
  ["1.2.13", "Ensure that the admission control plugin NamespaceLifecycle is set", "Objects cannot be created in terminating or missing namespaces."],
  ["1.2.14", "Ensure that the admission control plugin NodeRestriction is set", "Kubelets can modify only their own Node and Pods."],
  ["1.2.15", "Ensure that the --profiling argument is set to false", "The API server does not expose profiling endpoints."],
  ["1.2.16", "Ensure that the --audit-log-path argument is set", "API audit logging is on."],
  ["1.2.17", "Ensure that the --audit-log-maxage argument is set to 30 or as appropriate", "Audit logs are kept long enough."],
  ["1.2.18", "Ensure that the --audit-log-maxbackup argument is set to 10 or as appropriate", "Enough rotated audit logs are kept."],
  ["1.2.19", "Ensure that the --audit-log-maxsize argument is set to 100 or as appropriate", "Audit logs rotate at a sensible size."],
  ["1.2.20", "Ensure that the --request-timeout argument is set as appropriate", "Long-running requests time out."],
  ["1.2.21", "Ensure that the --service-account-lookup argument is set to true", "Deleted service accounts' tokens stop working."],
  ["1.2.22", "Ensure that the --service-account-key-file argument is set as appropriate", "Service account tokens are verified with a dedicated key."],
  ["1.2.23", "Ensure that the --etcd-certfile and --etcd-keyfile arguments are set as appropriate", "The API server authenticates to etcd with a client certificate."],
  ["1.2.24", "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate", "The API server serves TLS."],
  ["1.2.25", "Ensure that the --client-ca-file argument is set as appropriate", "Client certificates are verified against a CA."],
  ["1.2.26", "Ensure that the --etcd-cafile argument is set as appropriate", "The API server verifies etcd's certificate."],
  ["1.2.27", "Ensure that the --encryption-provider-config argument is set as appropriate", "Secrets are encrypted at rest in etcd."],
  ["1.2.28", "Ensure that encryption providers are appropriately configured", "The encryption configuration uses a real cipher (aescbc, kms, secretbox), not identity."],
  ["1.2.29", "Ensure that the API Server only makes use of Strong Cryptographic Ciphers", "Weak TLS cipher suites are disabled."],
  ["1.3.1", "Ensure that the --terminated-pod-gc-threshold argument is set as appropriate", "Terminated pods are garbage-collected."],
  ["1.3.2", "Ensure that the --profiling argument is set to false", "The controller manager does not expose profiling endpoints."],
  ["1.3.3", "Ensure that the --use-service-account-credentials argument is set to true", "Each controller uses its own service account."],
  ["1.3.4", "Ensure that the --service-account-private-key-file argument is set as appropriate", "Service account tokens are signed with a dedicated key."],
  ["1.3.5", "Ensure that the --root-ca-file argument is set as appropriate", "Pods receive the cluster CA to verify the API server."],
  ["1.3.6", "Ensure that the RotateKubeletServerCertificate argument is set to true", "Kubelet serving certificates rotate."],
  ["1.3.7", "Ensure that the --bind-address argument is set to 127.0.0.1", "The controller manager listens on loopback only."],
  ["1.4.1", "Ensure that the --profiling argument is set to false", "The scheduler does not expose profiling endpoints."],
  ["1.4.2", "Ensure that the --bind-address argument is set to 127.0.0.1", "The scheduler listens on loopback only."],
  ["2.1", "Ensure that the --cert-file and --key-file arguments are set as appropriate", "etcd serves client traffic over TLS."],
  ["2.2", "Ensure that the --client-cert-auth argument is set to true", "etcd requires client certificates."],
  ["2.3", "Ensure that the --auto-tls argument is not set to true", "etcd does not use self-signed certificates for clients."],
  ["2.4", "Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate", "etcd peers talk over TLS."],
  ["2.5", "Ensure that the --peer-client-cert-auth argument is set to true", "etcd peers authenticate each other."],
  ["2.6", "Ensure that the --peer-auto-tls argument is not set to true", "etcd peers do not use self-signed certificates."],
  ["2.7", "Ensure that a unique Certificate Authority is used for etcd", "etcd trusts its own CA, not the cluster's.", "The CA files configured for etcd (--trusted-ca-file) and the API server (--client-ca-file), showing they differ."],
  ["3.1.1", "Client certificate authentication should not be used for users", "Users authenticate through an identity provider, since client certificates cannot be revoked.", "The cluster's user authentication setup (OIDC or another identity provider) and the list of issued user certificates."],
  ["3.1.2", "Service account token authentication should not be used for users", "People do not log in with service account tokens.", "Evidence that human users authenticate through the identity provider and no user holds a service account token."],
  ["3.1.3", "Bootstrap token authentication should not be used for users", "Bootstrap tokens are used only for node joining.", "The list of bootstrap tokens (kube-system Secrets of type bootstrap.kubernetes.io/token) and their purpose."],
  ["3.2.1", "Ensure that a minimal audit policy is created", "An audit policy file is configured on the API server."],
  ["3.2.2", "Ensure that the audit policy covers key security concerns", "The audit policy records access to Secrets, pods/exec and RBAC changes."],
  ["4.1", "Worker Node Configuration Files", "Ownership and permissions of the kubelet service file, kubeconfig, config file and CA on each node.", "Output of stat (mode, owner) for the files in CIS 4.1.1-4.1.10 on every node, or the managed provider's attestation."],
  ["4.2.1", "Ensure that the --anonymous-auth argument is set to false", "Kubelets reject unauthenticated requests."],
  ["4.2.2", "Ensure that the --authorization-mode argument is not set to AlwaysAllow", "Kubelets authorize requests through the API server."],
  ["4.2.3", "Ensure that the --client-ca-file argument is set as appropriate", "Kubelets verify client certificates."],
  ["4.2.4", "Verify that the --read-only-port argument is set to 0", "The unauthenticated kubelet read-only port is off."],
  ["4.2.5", "Ensure that the --streaming-connection-idle-timeout argument is not set to 0", "Idle exec and port-forward streams time out."],
  ["4.2.6", "Ensure that the --make-iptables-util-chains argument is set to true", "The kubelet manages the iptables rules it needs."],
  ["4.2.7", "Ensure that the --hostname-override argument is not set", "Node names match hostnames, keeping TLS verification meaningful."],
  ["4.2.8", "Ensure that the eventRecordQPS argument is set to a level which ensures appropriate event capture", "Events are not dropped under load."],
  ["4.2.9", "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate", "Kubelets serve TLS with a proper certificate."],
  ["4.2.10", "Ensure that the --rotate-certificates argument is not set to false", "Kubelet client certificates rotate."],
  ["4.2.11", "Verify that the RotateKubeletServerCertificate argument is set to true", "Kubelet serving certificates rotate."],
  ["4.2.12", "Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers", "Weak TLS cipher suites are disabled on kubelets."],
  ["4.2.13", "Ensure that a limit is set on pod PIDs", "A fork bomb in one pod cannot exhaust a node's PIDs."],
  ["4.3.1", "Ensure that the kube-proxy metrics service is bound to localhost", "kube-proxy metrics are not reachable from the network."],
  ["5.1.1", "Ensure that the cluster-admin role is only used where required", "cluster-admin is bound only where nothing narrower works."],
  ["5.1.2", "Minimize access to secrets", "Few subjects can get, list or watch Secrets."],
  ["5.1.3", "Minimize wildcard use in Roles and ClusterRoles", "Roles name the verbs and resources they grant."],
  ["5.1.4", "Minimize access to create pods", "Few subjects can create pods, which lets them run as any service account in the namespace."],
  ["5.1.5", "Ensure that default service accounts are not actively used", "Workloads run under their own service accounts."],
  ["5.1.6", "Ensure that Service Account Tokens are only mounted where necessary", "Pods that do not call the API get no token."],
  ["5.1.7", "Avoid use of system:masters group", "No credential carries the system:masters group, which bypasses RBAC."],
  ["5.1.8", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster", "Few subjects can grant rights beyond their own."],
  ["5.1.9", "Minimize access to create persistent volumes", "Few subjects can create PersistentVolumes, which can mount host paths."],
  ["5.1.10", "Minimize access to the proxy sub-resource of nodes", "Few subjects can reach the kubelet API through nodes/proxy."],
  ["5.1.11", "Minimize access to the approval sub-resource of certificatesigningrequests objects", "Few subjects can approve certificate requests."],
  ["5.1.12", "Minimize access to webhook configuration objects", "Few subjects can change admission webhooks."],
  ["5.1.13", "Minimize access to the service account token creation", "Few subjects can mint service account tokens."],
  ["5.2.1", "Ensure that the cluster has at least one active policy control mechanism in place", "Pod Security Admission or a policy engine enforces pod security."],
  ["5.2.2", "Minimize the admission of privileged containers", "No privileged containers."],
  ["5.2.3", "Minimize the admission of containers wishing to share the host process ID namespace", "No hostPID."],
  ["5.2.4", "Minimize the admission of containers wishing to share the host IPC namespace", "No hostIPC."],
  ["5.2.5", "Minimize the admission of containers wishing to share the host network namespace", "No hostNetwork."],
  ["5.2.6", "Minimize the admission of containers with allowPrivilegeEscalation", "allowPrivilegeEscalation is false."],
  ["5.2.7", "Minimize the admission of root containers", "Containers run as a non-root user."],
  ["5.2.8", "Minimize the admission of containers with the NET_RAW capability", "NET_RAW is dropped."],
  ["5.2.9", "Minimize the admission of containers with added capabilities", "No capabilities are added."],
  ["5.2.10", "Minimize the admission of containers with capabilities assigned", "Containers drop all capabilities they do not need."],
  ["5.2.11", "Minimize the admission of Windows HostProcess containers", "No Windows HostProcess containers."],
  ["5.2.12", "Minimize the admission of HostPath volumes", "No hostPath volumes."],
  ["5.2.13", "Minimize the admission of containers which use HostPorts", "No hostPort."],
  ["5.3.1", "Ensure that the CNI in use supports NetworkPolicies", "The network plugin enforces NetworkPolicy objects.", "The CNI plugin in use and its documentation or a test showing NetworkPolicies are enforced."],
  ["5.3.2", "Ensure that all Namespaces have NetworkPolicies defined", "Every namespace has at least one NetworkPolicy."],
  ["5.4.1", "Prefer using Secrets as files over Secrets as environment variables", "Secrets are mounted as files, not injected into environment variables."],
  ["5.4.2", "Consider external secret storage", "Secrets live in an external store or KMS."],
  ["5.5.1", "Configure Image Provenance using ImagePolicyWebhook admission controller", "Only images from trusted sources are admitted."],
  ["5.7.1", "Create administrative boundaries between resources using namespaces", "Teams and applications are separated by namespaces.", "The namespace layout and which team or application owns each namespace."],
  ["5.7.2", "Ensure that the seccomp profile is set to docker/default in your Pod definitions", "Pods run with the RuntimeDefault seccomp profile or a stricter one."],
  ["5.7.3", "Apply SecurityContext to your Pods and Containers", "Pods and containers set a hardened securityContext."],
  ["5.7.4", "The default namespace should not be used", "No workloads in the default namespace."]
];
var cisControls = rows.map(([id, title, description, manual]) => ({
  id,
  title,
  description,
  ...manual ? { manual: { evidence: manual } } : {}
}));

// packages/rules/src/frameworks/gdpr.ts
var GDPR_DISCLAIMER = "This mapping of Kubernetes configuration checks to GDPR articles is Bulwark's own interpretation. It is not legal advice and does not by itself establish compliance; the controller remains responsible for assessing the appropriateness of its technical and organisational measures.";
var gdprControls = [
  {
    id: "Art. 5(1)(f)",
    title: "Integrity and confidentiality",
    description: "Personal data is protected against unauthorised access: secrets stay out of environment variables and readable roles, are encrypted at rest, and traffic uses TLS.",
    topics: ["secretsInEnv", "rbacSecrets", "ingressTls", "secretsAtRest"]
  },
  {
    id: "Art. 5(2)",
    title: "Accountability",
    description: "The controller can demonstrate compliance; audit logs and scan history are part of the evidence.",
    topics: ["auditLogging"],
    manual: { evidence: "Documentation demonstrating compliance (policies, records, DPIAs); attach Bulwark scan history and audit-log configuration as supporting evidence." }
  },
  {
    id: "Art. 25(1)",
    title: "Data protection by design",
    description: "Isolation is built in: non-root workloads, least-privilege roles, network segmentation, admission policy, no shared default namespace.",
    topics: ["runAsRoot", "clusterAdmin", "rbacWildcards", "namespaceNetpol", "exposure", "podSecurityAdmission", "defaultNamespace"]
  },
  {
    id: "Art. 25(2)",
    title: "Data protection by default",
    description: "Defaults grant nothing extra: no API token unless needed, network traffic denied unless allowed.",
    topics: ["saTokenAutomount", "defaultDeny"]
  },
  {
    id: "Art. 30",
    title: "Records of processing activities",
    description: "A record of processing activities is kept; cluster audit logs can support it but are not that record.",
    manual: { evidence: "The record of processing activities required by Art. 30 (purposes, categories of data and recipients, retention, security measures)." }
  },
  {
    id: "Art. 32(1)(a)",
    title: "Pseudonymisation and encryption of personal data",
    description: "Credentials and data are encrypted at rest and in transit, and secret material is not exposed in plain text.",
    topics: ["secretsInEnv", "plainCredentials", "externalSecrets", "rbacSecrets", "ingressTls", "secretsAtRest", "volumeEncryption", "controlPlaneTls"]
  },
  {
    id: "Art. 32(1)(b)",
    title: "Ongoing confidentiality, integrity, availability and resilience",
    description: "The cluster's configuration keeps workloads isolated, least-privileged, patched and resilient.",
    topics: [
      "privileged",
      "hostPath",
      "hostNetwork",
      "hostPidIpc",
      "hostPort",
      "runAsRoot",
      "readOnlyRoot",
      "privilegeEscalation",
      "capabilities",
      "kernelHardening",
      "resources",
      "probes",
      "availability",
      "imageTags",
      "registries",
      "imageDigest",
      "vulnerabilities",
      "plainCredentials",
      "saTokenAutomount",
      "defaultServiceAccount",
      "clusterAdmin",
      "systemMasters",
      "rbacCreate",
      "rbacExec",
      "rbacSecrets",
      "rbacEscalation",
      "anonymousAccess",
      "identityProvider",
      "authorizationMode",
      "kubeletTls",
      "idleTimeouts",
      "namespaceNetpol",
      "defaultDeny",
      "exposure",
      "podSecurityAdmission",
      "insecurePorts"
    ]
  },
  {
    id: "Art. 32(1)(c)",
    title: "Timely restoration of availability and access",
    description: "Health probes, replicas and disruption budgets let Kubernetes restart and route around failed instances. Backups and restore tests are outside the cluster configuration.",
    topics: ["probes", "availability"]
  },
  {
    id: "Art. 32(1)(d)",
    title: "Regular testing, assessing and evaluating",
    description: "Security measures are tested regularly: scheduled scans, vulnerability data, audit logging and supported versions.",
    topics: ["vulnerabilities", "auditLogging", "deprecatedApis"]
  },
  {
    id: "Art. 33",
    title: "Notification of a personal data breach to the supervisory authority",
    description: "Breaches are notified within 72 hours; audit logs help establish what happened.",
    manual: { evidence: "The breach-notification procedure and the register of breaches." }
  }
];

// packages/rules/src/frameworks/hipaa.ts
var HIPAA_DISCLAIMER = "This mapping of Kubernetes configuration checks to HIPAA Security Rule safeguards is Bulwark's own interpretation. It is not legal advice and does not by itself establish compliance; a passed check is evidence for a safeguard, not proof that the safeguard is met.";
var hipaaControls = [
  {
    id: "164.306(a)(1)",
    title: "General requirements: confidentiality, integrity and availability of ePHI",
    description: "Workloads that handle ePHI keep running under load: bounded CPU and memory keep one workload from starving the others.",
    topics: ["resources"]
  },
  {
    id: "164.308(a)(1)(ii)(A)",
    title: "Risk analysis",
    description: "An accurate and thorough assessment of risks to ePHI. Scan results and vulnerability reports feed it but do not replace it.",
    topics: ["vulnerabilities"],
    manual: { evidence: "The organization's documented risk analysis covering the cluster, dated and reviewed; Bulwark scan reports may be attached as input." }
  },
  {
    id: "164.308(a)(1)(ii)(B)",
    title: "Risk management",
    description: "Known weaknesses are reduced: mutable images, exposed services, missing admission policy, deprecated APIs and debug endpoints are found and fixed.",
    topics: ["imageTags", "vulnerabilities", "exposure", "podSecurityAdmission", "deprecatedApis", "insecurePorts"]
  },
  {
    id: "164.308(a)(1)(ii)(D)",
    title: "Information system activity review",
    description: "Records of system activity (API audit logs) exist so they can be reviewed.",
    topics: ["auditLogging"]
  },
  {
    id: "164.308(a)(3)(ii)(B)",
    title: "Workforce clearance procedure",
    description: "Cluster-wide administrative rights are held only by those cleared for them.",
    topics: ["clusterAdmin"]
  },
  {
    id: "164.308(a)(4)(i)",
    title: "Information access management",
    description: "Access to the cluster is authorized through RBAC, and the broadest roles are granted sparingly.",
    topics: ["clusterAdmin", "authorizationMode"]
  },
  {
    id: "164.308(a)(4)(ii)(B)",
    title: "Access authorization",
    description: "Workloads and users get only the access they need: non-root processes, no unneeded API tokens, no wildcard roles, network access limited by policy.",
    topics: ["runAsRoot", "saTokenAutomount", "rbacWildcards", "namespaceNetpol"]
  },
  {
    id: "164.308(a)(4)(ii)(C)",
    title: "Access establishment and modification",
    description: "Rights cannot be widened outside the normal grant process (no wildcards, no bind/escalate/impersonate).",
    topics: ["rbacWildcards", "rbacEscalation"]
  },
  {
    id: "164.308(a)(5)(ii)(B)",
    title: "Protection from malicious software",
    description: "Images come from trusted registries, containers cannot alter their own filesystem, and kernel confinement limits what malicious code can do.",
    topics: ["readOnlyRoot", "kernelHardening", "registries", "vulnerabilities"]
  },
  {
    id: "164.308(a)(5)(ii)(C)",
    title: "Log-in monitoring",
    description: "Authentication attempts against the API server are recorded in audit logs.",
    topics: ["auditLogging"]
  },
  {
    id: "164.308(a)(6)(ii)",
    title: "Response and reporting",
    description: "Security incidents are identified, responded to and documented; audit logs are the cluster's part of the record.",
    topics: ["auditLogging"],
    manual: { evidence: "The incident response procedure and records of incidents handled in the period." }
  },
  {
    id: "164.308(a)(7)(ii)(C)",
    title: "Emergency mode operation plan",
    description: "Critical workloads keep operating under stress: resource bounds, health probes, replicas and disruption budgets let Kubernetes keep them serving.",
    topics: ["resources", "probes", "availability"]
  },
  {
    id: "164.308(a)(7)(ii)(E)",
    title: "Applications and data criticality analysis",
    description: "The relative criticality of applications is assessed; vulnerability data for their images informs it.",
    topics: ["vulnerabilities"],
    manual: { evidence: "The criticality analysis listing which workloads process ePHI and their recovery priority." }
  },
  {
    id: "164.308(a)(8)",
    title: "Evaluation",
    description: "Periodic technical evaluation of the safeguards; running supported Kubernetes versions and APIs is part of it.",
    topics: ["deprecatedApis"],
    manual: { evidence: "Records of periodic evaluations (e.g. scheduled Bulwark scans and their review sign-off)." }
  },
  {
    id: "164.312(a)(1)",
    title: "Access control",
    description: "Only authorized people and software reach ePHI: containers stay isolated from their nodes, and API rights follow least privilege.",
    topics: [
      "privileged",
      "hostPath",
      "hostNetwork",
      "hostPidIpc",
      "runAsRoot",
      "privilegeEscalation",
      "capabilities",
      "secretsInEnv",
      "plainCredentials",
      "saTokenAutomount",
      "defaultServiceAccount",
      "clusterAdmin",
      "rbacWildcards",
      "rbacCreate",
      "rbacExec",
      "rbacSecrets",
      "rbacEscalation",
      "anonymousAccess",
      "authorizationMode",
      "defaultDeny",
      "exposure",
      "defaultNamespace",
      "insecurePorts"
    ]
  },
  {
    id: "164.312(a)(2)(i)",
    title: "Unique user identification",
    description: "Every user and workload has its own identity: no shared default service accounts, no system:masters certificates, users from an identity provider.",
    topics: ["defaultServiceAccount", "systemMasters", "identityProvider"]
  },
  {
    id: "164.312(a)(2)(ii)",
    title: "Emergency access procedure",
    description: "A documented break-glass path exists; cluster-admin bindings are reviewed so that only the documented one remains.",
    topics: ["clusterAdmin"],
    manual: { evidence: "The documented emergency (break-glass) access procedure and the single cluster-admin binding it uses." }
  },
  {
    id: "164.312(a)(2)(iii)",
    title: "Automatic logoff",
    description: "Idle sessions to the kubelet and API end after a timeout.",
    topics: ["idleTimeouts"]
  },
  {
    id: "164.312(a)(2)(iv)",
    title: "Encryption and decryption",
    description: "Secrets are encrypted at rest and kept out of environment variables; volumes holding ePHI are encrypted.",
    topics: ["secretsInEnv", "externalSecrets", "rbacSecrets", "secretsAtRest", "volumeEncryption"]
  },
  {
    id: "164.312(b)",
    title: "Audit controls",
    description: "Activity in the cluster is recorded and interactive access (exec, attach) is limited to those who need it.",
    topics: ["rbacExec", "auditLogging"]
  },
  {
    id: "164.312(c)(1)",
    title: "Integrity",
    description: "ePHI cannot be altered improperly: immutable, provenance-checked images, immutable container filesystems, admission policy and network segmentation.",
    topics: ["privileged", "hostPath", "readOnlyRoot", "kernelHardening", "imageTags", "registries", "imageDigest", "namespaceNetpol", "secretsAtRest", "podSecurityAdmission"]
  },
  {
    id: "164.312(c)(2)",
    title: "Mechanism to authenticate electronic protected health information",
    description: "Application-level mechanisms (checksums, signatures) that show ePHI was not altered; outside what cluster configuration shows.",
    manual: { evidence: "Description of the application-level integrity mechanism (e.g. checksums or signatures on stored records)." }
  },
  {
    id: "164.312(d)",
    title: "Person or entity authentication",
    description: "Every caller is authenticated: no anonymous access, certificates between control-plane components, credentials not in plain text.",
    topics: ["plainCredentials", "anonymousAccess", "identityProvider", "kubeletTls", "controlPlaneTls"]
  },
  {
    id: "164.312(e)(1)",
    title: "Transmission security",
    description: "ePHI in transit is guarded: network policies restrict paths, services are not exposed needlessly, and connections use TLS.",
    topics: ["hostNetwork", "hostPort", "kubeletTls", "namespaceNetpol", "defaultDeny", "ingressTls", "exposure", "controlPlaneTls"]
  },
  {
    id: "164.312(e)(2)(i)",
    title: "Integrity controls",
    description: "Traffic entering the cluster is protected by TLS, which detects tampering in transit.",
    topics: ["ingressTls"]
  },
  {
    id: "164.312(e)(2)(ii)",
    title: "Encryption",
    description: "Traffic into the cluster and between control-plane components is encrypted.",
    topics: ["ingressTls", "controlPlaneTls"]
  }
];

// packages/rules/src/frameworks/nsa.ts
var nsaControls = [
  { id: "PS-NR", title: "Use containers built to run applications as non-root users", description: "Containers run as a non-root user and cannot become root.", topics: ["runAsRoot"] },
  { id: "PS-IMM", title: "Use immutable container file systems where possible", description: "Container root filesystems are read-only.", topics: ["readOnlyRoot"] },
  { id: "PS-IMG", title: "Build secure container images", description: "Images come from trusted registries, are pinned, and are scanned for known vulnerabilities.", topics: ["imageTags", "registries", "imageDigest", "vulnerabilities"] },
  { id: "PS-ENF", title: "Pod security enforcement", description: "Pod Security Admission or a policy engine rejects privileged pods and host namespaces, paths and ports.", topics: ["privileged", "hostPath", "hostNetwork", "hostPidIpc", "hostPort", "privilegeEscalation", "podSecurityAdmission"] },
  { id: "PS-SA", title: "Protecting Pod service account tokens", description: "Pods that do not call the API server get no service account token.", topics: ["saTokenAutomount"] },
  { id: "PS-HARD", title: "Hardening container environments", description: "Containers drop capabilities and run under seccomp, AppArmor or SELinux confinement.", topics: ["capabilities", "kernelHardening"] },
  { id: "NP", title: "Network policies", description: "Namespaces deny traffic by default and allow only what is needed; services are not exposed needlessly.", topics: ["namespaceNetpol", "defaultDeny", "exposure"] },
  { id: "NSP", title: "Namespaces", description: "Resources are separated by namespace; the default namespace is not used.", topics: ["defaultNamespace"] },
  { id: "RP", title: "Resource policies", description: "Requests, limits, LimitRanges and ResourceQuotas keep one workload from exhausting a node.", topics: ["resources"] },
  { id: "CP", title: "Control plane hardening", description: "The API server, kubelets and etcd authenticate each other, serve TLS and expose no insecure or profiling ports.", topics: ["kubeletTls", "controlPlaneTls", "insecurePorts"] },
  { id: "ENC", title: "Encryption", description: "Traffic into the cluster and inside the control plane is encrypted.", topics: ["ingressTls", "controlPlaneTls"] },
  { id: "SEC", title: "Secrets", description: "Secrets are encrypted at rest, kept out of environment variables and plain-text configuration, ideally in an external store.", topics: ["secretsInEnv", "plainCredentials", "externalSecrets", "secretsAtRest", "volumeEncryption"] },
  { id: "AUTHN", title: "Authentication", description: "Every request is authenticated; anonymous access and system:masters credentials are avoided; users come from an identity provider.", topics: ["systemMasters", "anonymousAccess", "identityProvider"] },
  { id: "RBAC", title: "Role-based access control", description: "RBAC is on, roles are least-privilege, and workloads do not run with administrative rights.", topics: ["defaultServiceAccount", "clusterAdmin", "rbacWildcards", "rbacCreate", "rbacExec", "rbacSecrets", "rbacEscalation", "authorizationMode"] },
  { id: "LOG", title: "Audit logging", description: "API audit logging is on, with a policy and retention that allow investigation.", topics: ["auditLogging"] },
  { id: "UPG", title: "Upgrading and application security practices", description: "Kubernetes, its APIs and images are kept current.", topics: ["vulnerabilities", "deprecatedApis"] }
];

// packages/rules/src/frameworks/pss.ts
var PSS_BASELINE = [
  { id: "hostNamespaces", title: "Host namespaces", description: "Pods do not share the host's network, PID or IPC namespaces." },
  { id: "privileged", title: "Privileged containers", description: "No container runs privileged." },
  { id: "capabilities_baseline", title: "Capabilities", description: "Containers add no capability beyond the default set." },
  { id: "hostPathVolumes", title: "HostPath volumes", description: "No hostPath volumes." },
  { id: "hostPorts", title: "Host ports", description: "No container binds a host port." },
  { id: "appArmorProfile", title: "AppArmor", description: "The AppArmor profile is not set to unconfined." },
  { id: "seLinuxOptions", title: "SELinux", description: "No custom SELinux user or role; type only among the container types." },
  { id: "procMount", title: "/proc mount type", description: "The default masked /proc is used." },
  { id: "seccompProfile_baseline", title: "Seccomp", description: "The seccomp profile is not set to Unconfined." },
  { id: "sysctls", title: "Sysctls", description: "Only the namespaced, safe sysctls are set." },
  { id: "windowsHostProcess", title: "HostProcess", description: "No Windows HostProcess containers." },
  { id: "hostProbesAndHostLifecycle", title: "Probes and lifecycle handlers", description: "Probes and lifecycle hooks do not target another host." }
];
var PSS_RESTRICTED_ONLY = [
  { id: "restrictedVolumes", title: "Volume types", description: "Only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes." },
  { id: "allowPrivilegeEscalation", title: "Privilege escalation", description: "allowPrivilegeEscalation is false in every container." },
  { id: "runAsNonRoot", title: "Running as non-root", description: "runAsNonRoot is true for the pod or every container." },
  { id: "runAsUser", title: "Running as non-root user", description: "runAsUser is never 0." },
  { id: "seccompProfile_restricted", title: "Seccomp (restricted)", description: "Seccomp is RuntimeDefault or Localhost for the pod or every container." },
  { id: "capabilities_restricted", title: "Capabilities (restricted)", description: "Containers drop ALL and add only NET_BIND_SERVICE." },
  { id: "procMount_restricted", title: "/proc mount type (restricted)", description: "The default masked /proc is used, even in user namespaces." }
];

// packages/rules/src/frameworks/topics.ts
var t = (id, title, ruleIds, kubescape = [], cis = []) => ({ id, title, ruleIds, kubescape, cis });
var TOPICS = {
  privileged: t("privileged", "Privileged containers", ["privileged-container"], ["C-0057"], ["5.2.2"]),
  hostPath: t("hostPath", "hostPath volumes and container runtime sockets", ["host-path-volume", "storage-host-path-persistent-volume"], ["C-0048", "C-0045", "C-0074"], ["5.2.12"]),
  hostNetwork: t("hostNetwork", "Host network namespace", ["host-network"], ["C-0041"], ["5.2.5"]),
  hostPidIpc: t("hostPidIpc", "Host PID and IPC namespaces", ["host-pid", "host-ipc"], ["C-0038"], ["5.2.3", "5.2.4"]),
  hostPort: t("hostPort", "Host ports", ["host-port"], ["C-0044"], ["5.2.13"]),
  runAsRoot: t("runAsRoot", "Containers that may run as root", ["run-as-non-root", "root-group", "uid-above-10000", "gid-above-10000"], ["C-0013"], ["5.2.7"]),
  readOnlyRoot: t("readOnlyRoot", "Writable root filesystems", ["read-only-root-fs"], ["C-0017"]),
  privilegeEscalation: t("privilegeEscalation", "Privilege escalation allowed", ["allow-privilege-escalation", "sudo-in-command"], ["C-0016"], ["5.2.6"]),
  capabilities: t("capabilities", "Added or dangerous Linux capabilities, NET_RAW", ["caps-drop-any"], ["C-0046"], ["5.2.8", "5.2.9", "5.2.10"]),
  kernelHardening: t("kernelHardening", "Seccomp, AppArmor and SELinux confinement", ["apparmor-unconfined", "selinux-custom-options", "proc-mount-unmasked", "proc-mount-host-users", "unsafe-sysctls"], ["C-0210", "C-0055"], ["5.7.2"]),
  resources: t("resources", "CPU and memory requests and limits", ["ephemeral-storage-limits-missing", "namespace-without-limitrange", "namespace-without-resourcequota", "limitrange-incomplete", "resourcequota-incomplete"], ["C-0270", "C-0271", "C-0009", "C-0004", "C-0050"]),
  availability: t("availability", "Replicas, disruption budgets and spreading for resilience", ["pdb-missing", "pdb-disruptions-zero", "deployment-single-replica", "pod-anti-affinity-missing", "topology-spread-missing"]),
  probes: t("probes", "Liveness and readiness probes", [], ["C-0056", "C-0018"]),
  imageTags: t("imageTags", "Mutable image tags and pull policy", ["image-tag-latest", "image-pull-policy-not-always"], ["C-0075"]),
  registries: t("registries", "Images from untrusted registries", ["image-deprecated-registry"], ["C-0078", "C-0001"], ["5.5.1"]),
  imageDigest: t("imageDigest", "Images not pinned by digest or unsigned", [], ["C-0306", "C-0236", "C-0237"]),
  vulnerabilities: t("vulnerabilities", "Known vulnerable images (imported scanner report)", ["tiller-deployed", "ingress-nginx-retired"], ["C-0085", "C-0083", "C-0084"]),
  secretsInEnv: t("secretsInEnv", "Secrets exposed as environment variables", [], ["C-0207"], ["5.4.1"]),
  plainCredentials: t("plainCredentials", "Credentials in ConfigMaps or literal env values", [], ["C-0012"]),
  externalSecrets: t("externalSecrets", "No external secret store or KMS", [], ["C-0208"], ["5.4.2"]),
  saTokenAutomount: t("saTokenAutomount", "Service account tokens mounted where not needed", ["sa-token-explicitly-mounted"], ["C-0034", "C-0190"], ["5.1.6"]),
  defaultServiceAccount: t("defaultServiceAccount", "Default service accounts in use", [], ["C-0189"], ["5.1.5"]),
  clusterAdmin: t("clusterAdmin", "cluster-admin bindings and workloads with admin rights", ["rbac-namespace-admin-role-binding"], ["C-0035", "C-0185", "C-0272"], ["5.1.1"]),
  systemMasters: t("systemMasters", "Use of the system:masters group", [], ["C-0246"], ["5.1.7"]),
  rbacWildcards: t("rbacWildcards", "Wildcards in RBAC roles", [], ["C-0187"], ["5.1.3"]),
  rbacCreate: t("rbacCreate", "Rights to create pods, PersistentVolumes or service account tokens", ["workload-sa-risky-permissions"], ["C-0188", "C-0278", "C-0282"], ["5.1.4", "5.1.9", "5.1.13"]),
  rbacExec: t("rbacExec", "exec, attach and port-forward rights", [], ["C-0002", "C-0063"]),
  rbacSecrets: t("rbacSecrets", "Read access to Secrets", [], ["C-0186", "C-0015"], ["5.1.2"]),
  rbacEscalation: t("rbacEscalation", "bind, escalate and impersonate rights", ["rbac-modify-rolebindings", "rbac-manage-webhooks", "rbac-approve-csr", "rbac-node-proxy"], ["C-0191", "C-0065"], ["5.1.8"]),
  anonymousAccess: t("anonymousAccess", "Anonymous and unauthenticated access", ["rbac-system-authenticated-binding"], ["C-0113", "C-0172", "C-0069", "C-0262"], ["1.2.1", "4.2.1"]),
  identityProvider: t("identityProvider", "Users authenticated without an identity provider", ["rbac-eks-aws-auth"], ["C-0286", "C-0287", "C-0288", "C-0114"], ["3.1.1", "3.1.2", "3.1.3", "1.2.2"]),
  authorizationMode: t("authorizationMode", "AlwaysAllow authorization or RBAC disabled", [], ["C-0118", "C-0119", "C-0120", "C-0088"], ["1.2.6", "1.2.7", "1.2.8", "4.2.2"]),
  kubeletTls: t("kubeletTls", "API server to kubelet authentication", ["apiserver-kubelet-https"], ["C-0070", "C-0116", "C-0117"], ["1.2.4", "1.2.5", "4.2.3"]),
  idleTimeouts: t("idleTimeouts", "Idle and session timeouts", [], ["C-0176", "C-0134"], ["4.2.5"]),
  namespaceNetpol: t("namespaceNetpol", "Namespaces without NetworkPolicies", [], ["C-0260", "C-0206", "C-0054"], ["5.3.2"]),
  defaultDeny: t("defaultDeny", "No default-deny ingress and egress policy", ["network-namespace-no-default-deny-ingress", "network-namespace-no-default-deny-egress", "network-policy-allows-all-ingress", "network-policy-allows-all-egress"], ["C-0030"]),
  ingressTls: t("ingressTls", "Ingress without TLS", [], ["C-0263"]),
  exposure: t("exposure", "LoadBalancer, NodePort and externalIPs exposure", ["exposure-service-node-port", "exposure-service-external-ips", "ssh-port-exposed"], ["C-0256", "C-0021", "C-0266"]),
  secretsAtRest: t("secretsAtRest", "Secrets not encrypted at rest", [], ["C-0066", "C-0141", "C-0142"], ["1.2.27", "1.2.28"]),
  volumeEncryption: t("volumeEncryption", "Unencrypted PersistentVolumes and StorageClasses", [], ["C-0264"]),
  controlPlaneTls: t(
    "controlPlaneTls",
    "Control-plane TLS (API server, etcd, kubelet)",
    ["apiserver-secure-port", "apiserver-strong-ciphers", "controller-manager-rotate-kubelet-server-certificate"],
    ["C-0153", "C-0154", "C-0155", "C-0156", "C-0157", "C-0158", "C-0159"],
    ["1.2.23", "1.2.24", "1.2.25", "1.2.26", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "4.2.9", "4.2.10", "4.2.11", "4.2.12"]
  ),
  auditLogging: t("auditLogging", "Audit logging", ["rbac-delete-pod-logs"], ["C-0067", "C-0130", "C-0131", "C-0132", "C-0133"], ["1.2.16", "1.2.17", "1.2.18", "1.2.19", "3.2.1", "3.2.2"]),
  podSecurityAdmission: t("podSecurityAdmission", "No Pod Security Admission or policy engine", ["admission-policy-webhook-fail-open"], ["C-0192"], ["5.2.1"]),
  deprecatedApis: t("deprecatedApis", "Deprecated or removed APIs, end-of-life Kubernetes", ["deprecated-api-removed", "deprecated-api-deprecated", "deprecated-pod-security-policy"], ["C-0273"]),
  defaultNamespace: t("defaultNamespace", "Workloads in the default namespace", ["namespace-kube-system-user-workload"], ["C-0061"], ["5.7.1", "5.7.4"]),
  insecurePorts: t("insecurePorts", "Profiling, insecure ports, kubelet read-only port", ["controller-manager-bind-address", "scheduler-bind-address"], ["C-0005", "C-0175"], ["1.2.15", "1.3.2", "1.4.1", "4.2.4"])
};

// packages/rules/src/frameworks/registry.ts
function peerIndex(rules) {
  const idx = { kubescape: /* @__PURE__ */ new Map(), cis: /* @__PURE__ */ new Map(), nsa: /* @__PURE__ */ new Map(), pss: /* @__PURE__ */ new Map() };
  for (const r2 of rules) {
    for (const key of Object.keys(idx)) {
      for (const p of r2.peers?.[key] ?? []) {
        const list2 = idx[key].get(p) ?? [];
        list2.push(r2.id);
        idx[key].set(p, list2);
      }
    }
  }
  return idx;
}
function topicRules(topic, idx) {
  const ids = [...topic.ruleIds];
  for (const k of topic.kubescape ?? []) ids.push(...idx.kubescape.get(k) ?? []);
  for (const c of topic.cis ?? []) ids.push(...idx.cis.get(c) ?? []);
  return ids;
}
var pssControl = (c) => ({
  id: c.id,
  title: c.title,
  description: c.description
});
var definitions = [
  {
    id: "cis-1.9",
    name: "CIS Kubernetes Benchmark",
    version: "1.9",
    description: "The Center for Internet Security's configuration benchmark for Kubernetes: control plane, etcd, nodes and policies.",
    controls: cisControls,
    fromPeers: (c, idx) => idx.cis.get(c.id) ?? []
  },
  {
    id: "nsa-cisa-1.2",
    name: "NSA/CISA Kubernetes Hardening Guidance",
    version: "1.2",
    description: "The U.S. National Security Agency and CISA's hardening guidance for Kubernetes clusters.",
    controls: nsaControls,
    fromPeers: (c, idx) => idx.nsa.get(c.id) ?? []
  },
  {
    id: "pss-baseline",
    name: "Pod Security Standards: baseline",
    version: "v1.37",
    description: "The Kubernetes Pod Security Standards baseline level: prevents known privilege escalations.",
    controls: PSS_BASELINE.map(pssControl),
    fromPeers: (c, idx) => idx.pss.get(`baseline:${c.id}`) ?? []
  },
  {
    id: "pss-restricted",
    name: "Pod Security Standards: restricted",
    version: "v1.37",
    description: "The Kubernetes Pod Security Standards restricted level: baseline plus current pod hardening practice.",
    controls: [...PSS_BASELINE, ...PSS_RESTRICTED_ONLY].map(pssControl),
    // A restricted check is answered by rules claiming it at either level (restricted includes baseline).
    fromPeers: (c, idx) => [...idx.pss.get(`restricted:${c.id}`) ?? [], ...idx.pss.get(`baseline:${c.id}`) ?? []]
  },
  {
    id: "hipaa",
    name: "HIPAA Security Rule",
    version: "45 CFR Part 164 Subpart C",
    description: "Administrative and technical safeguards for electronic protected health information, as they bear on a Kubernetes cluster.",
    disclaimer: HIPAA_DISCLAIMER,
    controls: hipaaControls
  },
  {
    id: "gdpr",
    name: "GDPR",
    version: "Regulation (EU) 2016/679",
    description: "Security-of-processing articles of the EU General Data Protection Regulation, as they bear on a Kubernetes cluster.",
    disclaimer: GDPR_DISCLAIMER,
    controls: gdprControls
  }
];
function buildFrameworks(rules = builtinRules) {
  const idx = peerIndex(rules);
  return definitions.map((d) => {
    const controls = d.controls.map((c) => {
      const ids = new Set(c.ruleIds ?? []);
      for (const t3 of c.topics ?? []) for (const r2 of topicRules(TOPICS[t3], idx)) ids.add(r2);
      for (const r2 of d.fromPeers?.(c, idx) ?? []) ids.add(r2);
      const control = { id: c.id, title: c.title, description: c.description, ruleIds: [...ids].sort() };
      if (c.manual) control.manual = c.manual;
      return control;
    });
    const fw = { id: d.id, name: d.name, version: d.version, description: d.description, controls };
    if (d.disclaimer) fw.disclaimer = d.disclaimer;
    return fw;
  });
}
var frameworks = buildFrameworks();

// bench/.engine-prof.ts
import { generateCluster as generateCluster2 } from "@bulwark/kube-sim";

// bench/engine.bench.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCluster } from "@bulwark/kube-sim";
var ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
function corpusObjects() {
  const dir = process.env.BULWARK_CORPUS_DIR ?? path.join(ROOT, "..", "shared", "corpus");
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync(p, "utf8"), p).objects);
    }
  };
  walk(dir);
  return out;
}
function replicate(seed, n2) {
  const out = [];
  for (let i = 0; out.length < n2; i++) {
    const copy = i % seed.length;
    const round = Math.floor(i / seed.length);
    const o = structuredClone(seed[copy]);
    const ns = o.metadata.namespace ? `${o.metadata.namespace}-${round}` : void 0;
    o.metadata = { ...o.metadata, name: `${o.metadata.name ?? "x"}-${round}`, uid: `uid-${i}`, ...ns ? { namespace: ns } : {} };
    out.push(o);
  }
  return out;
}
function benchEngine(n2, source2) {
  const seed = source2 === "corpus" ? corpusObjects() : generateCluster({ objects: Math.min(n2, 5e3), seed: 7 });
  const objects2 = source2 === "corpus" ? replicate(seed, n2) : generateCluster({ objects: n2, seed: 7 });
  const json = objects2.map((o) => JSON.stringify(o));
  const snapshot2 = { source: "cluster", objects: objects2, kinds: [], kindsComplete: true, kubeVersion: "1.29" };
  const t0 = performance.now();
  for (const s2 of json) JSON.parse(s2);
  const parseMs = performance.now() - t0;
  const rssBefore = process.memoryUsage().rss;
  const t1 = performance.now();
  const result = evaluate(snapshot2);
  const evalMs = performance.now() - t1;
  return {
    objects: objects2.length,
    rules: builtinRules.length,
    findings: result.findings.length,
    evalMs,
    parseMs,
    objectsPerSec: objects2.length / (evalMs / 1e3),
    ratioToParse: evalMs / parseMs,
    rssMb: process.memoryUsage().rss / 2 ** 20,
    rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 2 ** 20
  };
}
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n2 = Number(process.argv[2] ?? 1e4);
  const source2 = process.argv[3] ?? "corpus";
  process.stdout.write(JSON.stringify(benchEngine(n2, source2)) + "\n");
}

// bench/.engine-prof.ts
var n = Number(process.argv[2] ?? 1e5);
var source = process.argv[3] ?? "corpus";
var prof = process.argv[4];
function corpusObjects2() {
  const dir = path2.join(process.cwd(), "..", "shared", "corpus");
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync2(d, { withFileTypes: true })) {
      const p = path2.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name)) out.push(...parseManifests(readFileSync2(p, "utf8"), p).objects);
    }
  };
  walk(dir);
  return out;
}
var objects = source === "corpus" ? replicate(corpusObjects2(), n) : generateCluster2({ objects: n, seed: 7 });
var snapshot = { source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" };
globalThis.gc?.();
var s = new Session();
if (prof) {
  s.connect();
  await s.post("Profiler.enable");
  await s.post("Profiler.setSamplingInterval", { interval: 200 });
  await s.post("Profiler.start");
}
if (process.env.WARM) for (let i = 0; i < Number(process.env.WARM); i++) evaluate(snapshot);
globalThis.gc?.();
var c0 = process.cpuUsage();
var t2 = performance.now();
var r = evaluate(snapshot);
var ms = performance.now() - t2;
var cpu = process.cpuUsage(c0);
if (prof) {
  const { profile } = await s.post("Profiler.stop");
  writeFileSync(prof, JSON.stringify(profile));
}
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1e3, perObjUs: (cpu.user + cpu.system) / n, findings: r.findings.length }));
