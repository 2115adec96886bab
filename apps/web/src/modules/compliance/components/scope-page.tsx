// A framework's compliance scope: admins and owners choose the clusters (and namespaces) it covers;
// everyone else reads it. Views and reports of the framework cover the scope and say so.
import Link from "next/link";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { Callout, PageHeader, Section } from "@/modules/ui/components/layout";
import { day } from "../compliance-format";
import { frameworkHref } from "../compliance-links";
import { pickFramework, queryScopeEditor } from "../server/queries";
import { ScopeEditor } from "./scope-editor";
import { scopeClusterText } from "./scope-line";

/** What each kind of framework applies to, said beside "only the clusters chosen below". */
const APPLIES_TO: Array<[RegExp, string]> = [
  [/^hipaa/, "for HIPAA: the systems that store or process ePHI"],
  [/^gdpr/, "for GDPR: the systems that process personal data"],
  [/^soc/, "for SOC 2: the systems in the audit's boundary"],
  [/^(nist|iso)/, "the systems in the assessment's boundary"],
];

export async function ScopePage({ ctx, frameworkId }: { ctx: TOrgContext; frameworkId: string }) {
  const fw = pickFramework(frameworkId);
  const view = await queryScopeEditor(ctx.orgId, fw);
  const canEdit = can(ctx.role, "compliance:manage");
  const changed = view.setBy ? ` Last changed by ${view.setBy.name} on ${day(view.setBy.at)}.` : "";
  return (
    <>
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link href="/compliance" className="hover:text-zinc-700">Compliance</Link> / <Link href={frameworkHref(fw.id)} className="hover:text-zinc-700">{fw.name}</Link>
          </nav>
        }
        title={`Scope of ${fw.name}`}
        description={`Which clusters and namespaces hold the systems ${fw.name} applies to. The compliance views and reports of ${fw.name} cover this scope and name it; every change is in the audit log.${changed}`}
      />
      <Section title={view.scope.scoped ? `${view.scope.clusters.length} of ${view.clusters.length} clusters` : "Every cluster"} id="scope">
        {canEdit ? (
          view.clusters.length === 0 ? (
            <p className="text-sm text-zinc-600">No clusters yet. <Link href="/clusters/new" className="text-indigo-700 underline-offset-4 hover:underline">Add a cluster</Link> first.</p>
          ) : (
            <ScopeEditor framework={{ id: fw.id, name: fw.name }} appliesTo={APPLIES_TO.find(([re]) => re.test(fw.id))?.[1]} clusters={view.clusters} scope={{ scoped: view.scope.scoped, clusters: view.scope.clusters.map((c) => ({ clusterId: c.clusterId, namespaces: c.namespaces })) }} />
          )
        ) : (
          <div className="space-y-3">
            <Callout tone="info">You can read the scope; admins and owners change it.</Callout>
            {view.scope.scoped ? (
              <ul className="list-inside list-disc space-y-1 text-sm text-zinc-800">
                {view.scope.clusters.map((c) => <li key={c.clusterId}>{scopeClusterText({ name: c.clusterName, namespaces: c.namespaces })}</li>)}
              </ul>
            ) : (
              <p className="text-sm text-zinc-700">No scope is set: {fw.name} covers all {view.clusters.length} clusters of the organization.</p>
            )}
          </div>
        )}
      </Section>
    </>
  );
}
