// kubectl's RESOURCE[.GROUP][/SUBRESOURCE] argument, as `kubectl auth can-i` reads it: short names
// and the API group of well-known resources are resolved when no group is given (kubectl asks the
// server's discovery; a snapshot has none, so the built-in groups are listed here).

/** Built-in resources (plural) -> API group ("" = core). */
const GROUP_OF: ReadonlyMap<string, string> = (() => {
  const byGroup: Record<string, string[]> = {
    "": [
      "pods", "services", "endpoints", "configmaps", "secrets", "serviceaccounts", "namespaces", "nodes",
      "persistentvolumes", "persistentvolumeclaims", "events", "replicationcontrollers", "limitranges",
      "resourcequotas", "podtemplates", "componentstatuses", "bindings",
    ],
    apps: ["deployments", "daemonsets", "statefulsets", "replicasets", "controllerrevisions"],
    batch: ["jobs", "cronjobs"],
    autoscaling: ["horizontalpodautoscalers"],
    policy: ["poddisruptionbudgets", "podsecuritypolicies"],
    "rbac.authorization.k8s.io": ["roles", "clusterroles", "rolebindings", "clusterrolebindings"],
    "networking.k8s.io": ["networkpolicies", "ingresses", "ingressclasses"],
    "storage.k8s.io": ["storageclasses", "volumeattachments", "csidrivers", "csinodes", "csistoragecapacities"],
    "certificates.k8s.io": ["certificatesigningrequests"],
    "admissionregistration.k8s.io": [
      "mutatingwebhookconfigurations", "validatingwebhookconfigurations",
      "validatingadmissionpolicies", "validatingadmissionpolicybindings",
    ],
    "apiextensions.k8s.io": ["customresourcedefinitions"],
    "apiregistration.k8s.io": ["apiservices"],
    "coordination.k8s.io": ["leases"],
    "discovery.k8s.io": ["endpointslices"],
    "scheduling.k8s.io": ["priorityclasses"],
    "node.k8s.io": ["runtimeclasses"],
    "flowcontrol.apiserver.k8s.io": ["flowschemas", "prioritylevelconfigurations"],
    "authentication.k8s.io": ["tokenreviews", "selfsubjectreviews"],
    "authorization.k8s.io": ["subjectaccessreviews", "selfsubjectaccessreviews", "localsubjectaccessreviews", "selfsubjectrulesreviews"],
  };
  const out = new Map<string, string>();
  for (const [g, list] of Object.entries(byGroup)) for (const r of list) out.set(r, g);
  return out;
})();

/** kubectl's short names (`kubectl api-resources`, SHORTNAMES column). */
const SHORT_NAMES: ReadonlyMap<string, string> = new Map(Object.entries({
  po: "pods",
  svc: "services",
  ep: "endpoints",
  cm: "configmaps",
  sa: "serviceaccounts",
  ns: "namespaces",
  no: "nodes",
  pv: "persistentvolumes",
  pvc: "persistentvolumeclaims",
  ev: "events",
  rc: "replicationcontrollers",
  limits: "limitranges",
  quota: "resourcequotas",
  cs: "componentstatuses",
  deploy: "deployments",
  ds: "daemonsets",
  sts: "statefulsets",
  rs: "replicasets",
  cj: "cronjobs",
  hpa: "horizontalpodautoscalers",
  pdb: "poddisruptionbudgets",
  psp: "podsecuritypolicies",
  ing: "ingresses",
  netpol: "networkpolicies",
  sc: "storageclasses",
  csr: "certificatesigningrequests",
  crd: "customresourcedefinitions",
  crds: "customresourcedefinitions",
  pc: "priorityclasses",
}));

/** "pod" -> "pods", "networkpolicy" -> "networkpolicies", "ingress" -> "ingresses" for known resources. */
function plural(name: string): string | undefined {
  for (const p of [`${name}s`, `${name}es`, name.endsWith("y") ? `${name.slice(0, -1)}ies` : ""]) {
    if (p && GROUP_OF.has(p)) return p;
  }
  return undefined;
}

export function parseResource(s: string): { group: string; resource: string; subresource?: string } {
  const raw = s.trim();
  const slash = raw.indexOf("/");
  const head = (slash >= 0 ? raw.slice(0, slash) : raw).toLowerCase();
  const subresource = slash >= 0 ? raw.slice(slash + 1) : undefined;
  const dot = head.indexOf(".");
  let resource = dot >= 0 ? head.slice(0, dot) : head;
  let group: string;
  // "deployments.v1.apps": kubectl's RESOURCE.VERSION.GROUP; the version plays no part in RBAC.
  if (dot >= 0) group = head.slice(dot + 1).replace(/^v\d+((alpha|beta)\d+)?\./, "");
  else {
    if (!GROUP_OF.has(resource)) resource = SHORT_NAMES.get(resource) ?? plural(resource) ?? resource;
    group = GROUP_OF.get(resource) ?? "";
  }
  return subresource ? { group, resource, subresource } : { group, resource };
}
