// What the compliance pages read. Every framework is judged over the organization's compliance
// scope by frameworkPosture (packages/db), the one place that does it for the pages, the reports
// and the CLI's checks; this file only adds what a page shows around it: the framework list in
// groups, the scope in words (who set it and when), one control's history of attestations.
import { frameworkPosture, getComplianceScope, listAttestations, listAudit, listClusterNamespaces, type TAttestation, type TFrameworkPosture } from "@bulwark/db";
import { getFramework, type Framework, type FrameworkControl } from "@bulwark/rules";
import { notFound } from "next/navigation";
import { groupFrameworks } from "../framework-groups";

/** The framework a page asks for, or the first of the list (HIPAA) when none is asked for. */
export function pickFramework(id: string | undefined): Framework {
  if (id === undefined) return getFramework(groupFrameworks()[0]!.frameworks[0]!.id)!;
  const fw = getFramework(id.slice(0, 60));
  if (!fw) notFound();
  return fw;
}

export function pickControl(fw: Framework, controlId: string): FrameworkControl {
  const control = fw.controls.find((c) => c.id === controlId);
  if (!control) notFound();
  return control;
}

export interface TScopeSummary {
  scoped: boolean;
  /** The clusters in scope (every cluster when not scoped). */
  clusters: Array<{ id: string; name: string; namespaces: string[] }>;
  /** Clusters the organization has. */
  total: number;
  /** The last change of the scope, from the audit trail. */
  setBy?: { name: string; at: Date };
}

/** Who last changed the framework's scope, and when (the audit trail records every change). */
async function lastScopeChange(orgId: string, framework: string): Promise<{ setBy?: { name: string; at: Date } }> {
  const last = (await listAudit({ orgId, action: "compliance.scope", targetType: "framework", targetId: framework, limit: 1 })).items[0];
  return last ? { setBy: { name: last.actor?.name || last.actor?.email || "a former member", at: last.createdAt } } : {};
}

async function scopeSummary(orgId: string, framework: string, posture: Pick<TFrameworkPosture, "scoped" | "clusters">): Promise<TScopeSummary> {
  const clusters = posture.clusters.map((c) => ({ id: c.clusterId, name: c.clusterName, namespaces: c.namespaces }));
  if (!posture.scoped) return { scoped: false, clusters, total: clusters.length };
  const [all, change] = await Promise.all([listClusterNamespaces({ orgId }), lastScopeChange(orgId, framework)]);
  return { scoped: true, clusters, total: all.length, ...change };
}

export interface TFrameworkView {
  framework: Framework;
  posture: TFrameworkPosture;
  scope: TScopeSummary;
}

export async function queryFrameworkView(orgId: string, framework: Framework): Promise<TFrameworkView> {
  const posture = await frameworkPosture({ orgId, framework: framework.id });
  return { framework, posture, scope: await scopeSummary(orgId, framework.id, posture) };
}

export interface TControlView extends TFrameworkView {
  control: FrameworkControl;
  /** The control's attestations, newest first (superseded, revoked and expired ones included). */
  history: TAttestation[];
}

export async function queryControlView(orgId: string, framework: Framework, control: FrameworkControl): Promise<TControlView> {
  const [view, history] = await Promise.all([queryFrameworkView(orgId, framework), listAttestations({ orgId, framework: framework.id, controlId: control.id, limit: 100 })]);
  return { ...view, control, history };
}

export interface TScopeEditorView {
  framework: Framework;
  scope: Awaited<ReturnType<typeof getComplianceScope>>;
  clusters: Awaited<ReturnType<typeof listClusterNamespaces>>;
  setBy?: { name: string; at: Date };
}

export async function queryScopeEditor(orgId: string, framework: Framework): Promise<TScopeEditorView> {
  const [scope, clusters, change] = await Promise.all([getComplianceScope({ orgId, framework: framework.id }), listClusterNamespaces({ orgId }), lastScopeChange(orgId, framework.id)]);
  return { framework, scope, clusters, ...change };
}
