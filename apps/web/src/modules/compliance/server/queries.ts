// Framework posture of one cluster, judged from the per-rule statuses its last completed scan
// stored. Pure reading: the engine's evaluateFramework decides passed / failed / not evaluated.
import { getScan, listClusters } from "@bulwark/db";
import { evaluateFramework, frameworks, type FrameworkResult, type RuleStatus } from "@bulwark/rules";

export interface TComplianceView {
  clusters: Array<{ id: string; name: string; scanned: boolean }>;
  cluster: { id: string; name: string } | null;
  scanAt: Date | null;
  results: Array<{ id: string; name: string; version: string; description: string; disclaimer?: string; result: FrameworkResult }>;
}

export async function queryCompliance(orgId: string, clusterId: string | undefined): Promise<TComplianceView> {
  const clusters = await listClusters({ orgId });
  const list = clusters.map((c) => ({ id: c.id, name: c.name, scanned: Boolean(c.lastResult) }));
  // Default: the worst cluster that has results (listClusters is worst first).
  const chosen = clusters.find((c) => c.id === clusterId) ?? clusters.find((c) => c.lastResult) ?? clusters[0];
  if (!chosen) return { clusters: list, cluster: null, scanAt: null, results: [] };
  const scan = chosen.lastResult ? await getScan({ orgId, scanId: chosen.lastResult.id }) : null;
  const statuses = (Array.isArray(scan?.rules) ? scan!.rules : []) as unknown as RuleStatus[];
  return {
    clusters: list,
    cluster: { id: chosen.id, name: chosen.name },
    scanAt: scan?.finishedAt ?? null,
    results: frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      version: f.version,
      description: f.description,
      ...(f.disclaimer ? { disclaimer: f.disclaimer } : {}),
      result: evaluateFramework(f, statuses),
    })),
  };
}
