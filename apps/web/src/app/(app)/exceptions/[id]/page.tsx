import Link from "next/link";
import { notFound } from "next/navigation";
import { getException, listExceptionFindings } from "@bulwark/db";
import { getRule } from "@bulwark/rules";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { ExceptionActions } from "@/modules/exceptions/components/exception-actions";
import { ExceptionStatusBadge, Expiry } from "@/modules/exceptions/components/exception-status";
import { describeExceptionScope as scopeText } from "@bulwark/db";
import { toExceptionView } from "@/modules/exceptions/server/view";
import { FindingStatusBadge, SeverityBadge } from "@/modules/ui/components/badge";
import { PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exception" };

export default async function ExceptionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const row = await getException({ orgId: ctx.orgId, exceptionId: (await params).id });
  if (!row) notFound();
  const e = toExceptionView(row);
  const findings = await listExceptionFindings({ orgId: ctx.orgId, exceptionId: e.id });
  const title = getRule(e.ruleId)?.title ?? e.ruleId;
  const decide = can(ctx.role, "exception:decide");

  return (
    <>
      <PageHeader
        eyebrow={<><Link href="/exceptions" className="hover:text-zinc-900">Exceptions</Link> <span aria-hidden>/</span> <span className="font-mono">{e.ruleId}</span></>}
        title={title}
        description={<span className="flex flex-wrap items-center gap-2"><ExceptionStatusBadge status={e.status} /><span>{scopeText(e)}</span></span>}
        actions={decide ? <ExceptionActions id={e.id} status={e.status} ruleId={e.ruleId} expiresAt={e.expiresAt} justification={e.justification} size="md" /> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Section title="Justification" id="justification">
            <p className="whitespace-pre-line text-sm text-zinc-800">{e.justification}</p>
            {e.decisionNote && <p className="mt-3 border-t border-zinc-100 pt-3 text-xs text-zinc-600"><span className="font-medium text-zinc-800">Decision note:</span> {e.decisionNote}</p>}
          </Section>
          <Section title={`${findings.length} finding${findings.length === 1 ? "" : "s"} excepted by it now`} id="findings" description={e.status === "approved" ? "Still stored, listed and counted as excepted; they return to open when it ends." : "An exception that is not active holds no findings."} bodyClassName="p-0">
            {findings.length === 0 ? (
              <p className="px-4 py-6 text-sm text-zinc-500">{e.status === "requested" ? `Nothing until an admin approves it; approving it now would cover ${e.wouldCover ?? 0} unresolved finding${e.wouldCover === 1 ? "" : "s"}.` : "None."}</p>
            ) : (
              <div className={t.wrap}>
                <table className={t.table}>
                  <thead className={t.thead}>
                    <tr>
                      <th scope="col" className={t.th}>Severity</th>
                      <th scope="col" className={t.th}>Object</th>
                      <th scope="col" className={`${t.th} hidden md:table-cell`}>Field path</th>
                      <th scope="col" className={t.th}>Cluster</th>
                      <th scope="col" className={t.th}>Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {findings.map((f) => (
                      <tr key={f.id} className={t.tr}>
                        <td className={t.td}><SeverityBadge severity={f.severity as TSeverity} /></td>
                        <td className={`${t.td} font-mono text-xs`}><Link href={`/findings/${f.id}`} className="underline-offset-4 hover:underline">{f.kind} {f.namespace ? `${f.namespace}/` : ""}{f.name}</Link></td>
                        <td className={`${t.td} hidden max-w-[16rem] truncate font-mono text-xs text-zinc-500 md:table-cell`} title={f.path}>{f.path || "—"}</td>
                        <td className={`${t.td} text-xs`}>{f.cluster.name}</td>
                        <td className={t.td}><FindingStatusBadge status={f.status as TFindingStatus} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
        </div>
        <aside>
          <Section title="Details" id="details">
            <dl className="space-y-3 text-sm">
              <div><dt className="text-xs text-zinc-500">Expires</dt><dd className="mt-0.5"><Expiry date={e.expiresAt} status={e.status} /></dd></div>
              <div><dt className="text-xs text-zinc-500">Requested by</dt><dd className="mt-0.5 text-xs">{e.requestedBy?.name ?? "—"} · <Time date={e.createdAt} /></dd></div>
              {e.decidedBy && <div><dt className="text-xs text-zinc-500">{e.status === "rejected" ? "Rejected by" : e.status === "revoked" ? "Decided by" : "Approved by"}</dt><dd className="mt-0.5 text-xs">{e.decidedBy.name} · <Time date={e.decidedAt} /></dd></div>}
              <div><dt className="text-xs text-zinc-500">Rule</dt><dd className="mt-0.5"><Link href={`/findings?rule=${encodeURIComponent(e.ruleId)}`} className="font-mono text-xs underline-offset-4 hover:underline">{e.ruleId}</Link></dd></div>
              <div><dt className="text-xs text-zinc-500">Cluster</dt><dd className="mt-0.5 text-xs">{e.clusterId ? (e.clusterName ? <Link href={`/clusters/${e.clusterId}`} className="underline-offset-4 hover:underline">{e.clusterName}</Link> : "deleted cluster") : "all clusters"}</dd></div>
              {e.namespace !== null && <div><dt className="text-xs text-zinc-500">Namespace</dt><dd className="mt-0.5 font-mono text-xs">{e.namespace || "cluster-scoped"}</dd></div>}
              {e.kind && <div><dt className="text-xs text-zinc-500">Object</dt><dd className="mt-0.5 font-mono text-xs">{e.kind}{e.name ? ` ${e.name}` : ""}</dd></div>}
              {e.labelSelector && <div><dt className="text-xs text-zinc-500">Labels</dt><dd className="mt-0.5 font-mono text-xs">{Object.entries(e.labelSelector).map(([k, v]) => `${k}=${v}`).join(", ")}</dd></div>}
              {e.findingId && <div><dt className="text-xs text-zinc-500">Requested from</dt><dd className="mt-0.5 text-xs"><Link href={`/findings/${e.findingId}`} className="underline-offset-4 hover:underline">the finding</Link></dd></div>}
            </dl>
          </Section>
        </aside>
      </div>
    </>
  );
}
