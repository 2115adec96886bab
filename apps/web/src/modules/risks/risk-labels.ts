// Words for risk types and path steps, shared by the tables and the risk page.
export const RISK_TYPE_LABEL: Record<string, string> = {
  "node-takeover": "Node takeover",
  "cluster-takeover": "Cluster takeover",
  "credential-theft": "Credential theft",
  "exposed-weak": "Exposed and weak",
  "exposed-vulnerable": "Exposed and vulnerable",
  "lateral-movement": "Lateral movement",
  "host-access": "Host access",
};

export const STEP_KIND_LABEL: Record<string, string> = {
  exposure: "Exposure",
  vulnerability: "Vulnerability",
  privilege: "Privilege",
  identity: "Identity",
  data: "Data",
  network: "Network",
};

export const riskTypeLabel = (t: string) => RISK_TYPE_LABEL[t] ?? t.replace(/-/g, " ");

export function objectText(o: { kind: string; namespace?: string | null; name: string }): string {
  return `${o.kind} ${objectName(o)}`;
}

/** "namespace/name" (or the name of a cluster-scoped object), as titles and tables show it. */
export function objectName(o: { namespace?: string | null; name: string }): string {
  return o.namespace ? `${o.namespace}/${o.name}` : o.name;
}
