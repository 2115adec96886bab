import Link from "next/link";
import { notFound } from "next/navigation";
import { listExceptions } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { exceptionsOfHistory } from "@/modules/exceptions/server/history";
import { CommentBox } from "@/modules/findings/components/comment-box";
import { FindingActions } from "@/modules/findings/components/finding-actions";
import { FindingHistory } from "@/modules/findings/components/finding-history";
import { findingsQuery } from "@/modules/findings/findings.schemas";
import { queryMembers, ruleTitle } from "@/modules/findings/server/queries";
import { acceptPlan } from "@/modules/risks/accept-plan";
import { AcceptRisk } from "@/modules/risks/components/accept-risk";
import { ObjectList, RiskPath, type TPathFinding } from "@/modules/risks/components/risk-path";
import { objectText, riskTypeLabel } from "@/modules/risks/risk-labels";
import { queryRisk } from "@/modules/risks/server/queries";
import { FixPanel } from "@/modules/fixes/components/fix-panel";
import { Badge, FindingStatusBadge, SeverityBadge } from "@/modules/ui/components/badge";
import { Callout, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { RiskScore, formatScore } from "@/modules/ui/components/score";
import { RISK_BASE } from "@bulwark/rules";
import { TicketsPanel } from "@/modules/tickets/components/tickets-panel";
import { Time } from "@/modules/ui/components/time";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const r = await queryRisk(ctx.orgId, (await params).id);
  return { title: r?.title ?? "Risk" };
}

const multiplier = (m: number) => `×${Number.isInteger(m) ? m : m.toFixed(2).replace(/0$/, "")}`;

export default async function RiskPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const risk = await queryRisk(ctx.orgId, (await params).id);
  if (!risk) notFound();
  const [members, requested] = await Promise.all([
    queryMembers(ctx.orgId),
    Promise.all(risk.findings.slice(0, 20).map((f) => listExceptions({ orgId: ctx.orgId, findingId: f.id, limit: 5 }))).then((l) => l.flat()),
  ]);
  // "created" is the first-seen line the history draws anyway.
  const events = risk.events.filter((e) => e.type !== "created");
  const historyExceptions = await exceptionsOfHistory(ctx.orgId, events, requested);
  const memberNames = new Map(members.map((m) => [m.id, m.label]));
  const canWrite = can(ctx.role, "finding:write");
  const object = objectText(risk);
  const pathFindings: TPathFinding[] = risk.findings.map((f) => ({ id: f.id, fingerprint: f.fingerprint, title: ruleTitle(f.ruleId), severity: f.severity, status: f.status, object: objectText(f) }));
  const acceptable = acceptPlan(risk.findings);
  // Objects the path joins that no step names already.
  const named = new Set([object, ...risk.steps.flatMap((st) => (st.objects ?? []).map(objectText))]);
  const others = risk.objects.filter((o) => !named.has(objectText(o)));
  const base = RISK_BASE[risk.type as keyof typeof RISK_BASE];

  return (
    <>
      <PageHeader
        eyebrow={<><Link href={`/findings${findingsQuery({ tab: "risks" })}`} className="hover:text-zinc-900">Risks</Link> <span aria-hidden>/</span> <span>{riskTypeLabel(risk.type)}</span></>}
        title={risk.title}
        wrap
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={risk.severity as TSeverity} />
            <span className="inline-flex items-baseline gap-1 text-xs text-zinc-500">Risk score <RiskScore score={risk.score} className="text-sm" /></span>
            <FindingStatusBadge status={risk.status as TFindingStatus} />
            <Badge>{riskTypeLabel(risk.type)}</Badge>
            <span className="font-mono text-xs text-zinc-700">{object}</span>
            <span className="text-xs">on <Link href={`/clusters/${risk.cluster.id}`} className="font-medium text-zinc-800 underline-offset-4 hover:underline">{risk.cluster.name}</Link></span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          {risk.baselineId && <Callout tone="info" title="Expected for a platform component">{risk.baselineReason ?? "Every finding behind this path belongs to a component the cluster itself needs."}</Callout>}
          {risk.status === "excepted" && <Callout tone="info" title="Accepted">Exceptions cover the findings of this path; it counts as excepted until they end.</Callout>}

          <Section title="Attack path" id="path" description="How the findings combine, in the order an attacker would use them">
            <RiskPath steps={risk.steps} findings={pathFindings} primary={object} />
            {others.length > 0 && (
              <div className="mt-5 border-t border-zinc-100 pt-3">
                <h3 className="text-xs font-medium text-zinc-600">Also involves</h3>
                <ObjectList objects={others} />
              </div>
            )}
          </Section>

          <Section title="How to fix" id="fix">
            <p className="whitespace-pre-line text-sm text-zinc-800">{risk.remediation}</p>
            <p className="mt-3 text-xs text-zinc-500">Fixing any finding of the privilege or identity step breaks the path; the next scan resolves the risk.</p>
          </Section>

          <FixPanel ctx={ctx} target={{ riskId: risk.id }} subject="risk" expected={Boolean(risk.baselineId)} />

          {risk.factors.length > 0 && (
            <Section
              title="Why it scores what it scores"
              id="factors"
              description={base ? `${riskTypeLabel(risk.type)} starts at ${base}; each factor multiplies it (capped at 100): ${formatScore(risk.score)}` : "The risk type's base score times each factor, capped at 100"}
              bodyClassName="p-0"
            >
              <div className={t.wrap}>
                <table className={t.table}>
                  <thead className={t.thead}>
                    <tr>
                      <th scope="col" className={t.th}>Factor</th>
                      <th scope="col" className={`${t.th} text-right`}>Multiplier</th>
                      <th scope="col" className={`${t.th} w-full`}>Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {risk.factors.map((f) => (
                      <tr key={f.name} className={t.tr}>
                        <td className={`${t.td} whitespace-nowrap align-top text-sm font-medium text-zinc-900`}>{f.name}</td>
                        <td className={`${t.td} text-right align-top font-mono text-xs tabular-nums text-zinc-800`}>{multiplier(f.multiplier)}</td>
                        <td className={`${t.td} align-top text-sm text-zinc-700`}>{f.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Section>
          )}

          <Section title="History" id="history" description="What scans saw and what people did, oldest first">
            <FindingHistory events={events} firstSeenAt={risk.firstSeenAt} firstSeenScanId={risk.firstSeenScanId} members={memberNames} meId={ctx.userId} exceptions={historyExceptions} subject="this risk" />
            {canWrite && <div className="mt-5 border-t border-zinc-100 pt-4"><CommentBox target={{ kind: "risk", id: risk.id }} /></div>}
          </Section>
        </div>

        <aside className="space-y-4">
          <Section title="Work" id="work" description="The risk and its findings, as one unit">
            {canWrite ? (
              <FindingActions
                target={{ kind: "risk", id: risk.id }}
                status={risk.status}
                assigneeId={risk.assigneeId}
                members={members.map((m) => ({ id: m.id, label: m.label }))}
                meId={ctx.userId}
                exceptionCovered={risk.status === "excepted" && Boolean(risk.exceptionId)}
              />
            ) : (
              <dl className="space-y-2 text-sm">
                <div><dt className="text-xs text-zinc-500">Assignee</dt><dd className="mt-0.5">{risk.assigneeId ? (memberNames.get(risk.assigneeId) ?? "a former member") : <span className="text-zinc-500">Unassigned</span>}</dd></div>
                <div><dt className="text-xs text-zinc-500">Status</dt><dd className="mt-0.5"><FindingStatusBadge status={risk.status as TFindingStatus} /></dd></div>
                <p className="text-xs text-zinc-500">Viewers can read a risk but not change it.</p>
              </dl>
            )}
          </Section>
          <Section title="Accept risk" id="accept" description="Exceptions for every open finding of the path, each scoped to its object, with a reason and an expiry">
            {!can(ctx.role, "exception:request") ? (
              <p className="text-xs text-zinc-500">Viewers cannot request exceptions.</p>
            ) : acceptable.length ? (
              <AcceptRisk riskId={risk.id} title={risk.title} grant={can(ctx.role, "exception:decide")} findings={acceptable.map((s) => `${ruleTitle(s.ruleId)} on ${s.kind} ${s.namespace ? `${s.namespace}/` : ""}${s.name}`)} />
            ) : (
              <p className="text-xs text-zinc-500">No open finding of this path is left to accept (covered, resolved or expected).</p>
            )}
          </Section>
          <TicketsPanel subject={{ source: "risk", id: risk.id, label: "this risk" }} />
          <Section title="Details" id="details">
            <dl className="space-y-3 text-sm">
              <div><dt className="text-xs text-zinc-500">Cluster</dt><dd className="mt-0.5"><Link href={`/clusters/${risk.cluster.id}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">{risk.cluster.name}</Link></dd></div>
              <div><dt className="text-xs text-zinc-500">Object</dt><dd className="mt-0.5 break-all font-mono text-xs">{object}</dd></div>
              <div><dt className="text-xs text-zinc-500">Findings behind it</dt><dd className="mt-0.5 text-xs"><Link href={`/findings${findingsQuery({ tab: "all", cluster: risk.cluster.id, q: `${risk.namespace ? `${risk.namespace}/` : ""}${risk.name}` })}`} className="underline-offset-4 hover:underline">{risk.findings.length} finding{risk.findings.length === 1 ? "" : "s"}</Link></dd></div>
              <div><dt className="text-xs text-zinc-500">First seen</dt><dd className="mt-0.5 text-xs"><Time date={risk.firstSeenAt} /></dd></div>
              <div><dt className="text-xs text-zinc-500">Last seen</dt><dd className="mt-0.5 text-xs"><Time date={risk.lastSeenAt} /></dd></div>
              {risk.resolvedAt && <div><dt className="text-xs text-zinc-500">Resolved</dt><dd className="mt-0.5 text-xs"><Time date={risk.resolvedAt} /></dd></div>}
            </dl>
          </Section>
        </aside>
      </div>
    </>
  );
}
