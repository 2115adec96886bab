import { defineRule } from "../../helpers/pod";

// Each required quota and the aliases the API accepts for it ("cpu" means requests.cpu).
const REQUIRED: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["requests.cpu", ["requests.cpu", "cpu"]],
  ["requests.memory", ["requests.memory", "memory"]],
  ["limits.cpu", ["limits.cpu"]],
  ["limits.memory", ["limits.memory"]],
];

export const resourcequotaIncomplete = defineRule({
  id: "resourcequota-incomplete",
  title: "ResourceQuota without CPU and memory bounds",
  category: "resources",
  severity: "low",
  profile: "strict",
  kinds: ["ResourceQuota"],
  description:
    "A ResourceQuota that does not bound requests and limits for both CPU and memory leaves the namespace free to claim unbounded compute.",
  remediation: "Set spec.hard requests.cpu, requests.memory, limits.cpu and limits.memory on the quota.",
  references: ["https://kubernetes.io/docs/concepts/policy/resource-quotas/"],
  peers: { trivy: ["KSV-0040"], nsa: ["RP"] },
  *evaluate(ctx) {
    for (const rq of ctx.index.byKind("ResourceQuota")) {
      const hard = (rq as any).spec?.hard;
      const h = hard && typeof hard === "object" ? hard : {};
      const missing = REQUIRED.filter(([, keys]) => !keys.some((k) => h[k] !== undefined && h[k] !== null && h[k] !== "")).map(([n]) => n);
      if (missing.length === 0) continue;
      yield {
        object: rq,
        path: hard && typeof hard === "object" ? "spec.hard" : "spec",
        observed: missing.join(","),
        message: `ResourceQuota "${rq.metadata.name}" does not bound ${missing.join(", ")}.`,
      };
    }
  },
});
