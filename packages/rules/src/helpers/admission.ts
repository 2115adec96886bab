// Recognising policy engines among admission webhooks (Kyverno, Gatekeeper, ...).
import type { KubeObject } from "../types";

const ENGINES = ["kyverno", "gatekeeper", "kubewarden", "jspolicy", "opa", "polaris", "k-rail", "kube-policy", "datree", "neuvector", "stackrox", "sysdig-admission"];

/** The policy engine a webhook configuration belongs to, from its name or its webhooks' names/services. */
export function policyEngineOf(cfg: KubeObject): string | undefined {
  const names = [cfg.metadata?.name ?? ""];
  const hooks = (cfg as any).webhooks;
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
