import Link from "next/link";
import { notFound } from "next/navigation";
import { ExternalLink } from "lucide-react";
import { imageIdOfContainer, listExceptions, listFindingEvents } from "@bulwark/db";
import { exceptionsOfHistory } from "@/modules/exceptions/server/history";
import { queryRisksOfFinding } from "@/modules/risks/server/queries";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { FindingException } from "@/modules/exceptions/components/finding-exception";
import { CommentBox } from "@/modules/findings/components/comment-box";
import { FindingActions } from "@/modules/findings/components/finding-actions";
import { FindingHistory } from "@/modules/findings/components/finding-history";
import { DueBadge } from "@/modules/queue/components/due-badge";
import { workDue } from "@/modules/queue/due";
import { YamlBlock } from "@/modules/findings/components/yaml-block";
import { FindingVulnerabilities } from "@/modules/images/components/finding-vulnerabilities";
import { FixPanel } from "@/modules/fixes/components/fix-panel";
import { TicketsPanel } from "@/modules/tickets/components/tickets-panel";
import { queryFinding, queryMembers, ruleTitle } from "@/modules/findings/server/queries";
import { yamlView } from "@/modules/findings/yaml-view";
import { Badge, FindingStatusBadge, SeverityBadge } from "@/modules/ui/components/badge";
import { Callout, PageHeader, Section } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import type { TFindingStatus, TSeverity } from "@/modules/ui/severity";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const r = await queryFinding(ctx.orgId, (await params).id);
  return { title: r ? (r.rule?.title ?? r.finding.ruleId) : "Finding" };
}

const PEER_LABELS: Record<string, string> = {
  kubescape: "Kubescape", polaris: "Polaris", kubeLinter: "kube-linter", trivy: "Trivy", pss: "Pod Security", cis: "CIS", nsa: "NSA/CISA",
};

interface TFix { type?: string; content?: string; description?: string }

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const r = await queryFinding(ctx.orgId, (await params).id);
  if (!r) notFound();
  const { finding: f, rule } = r;
  const vulnContainer = (f.details as { vulnerabilities?: { container?: string } } | null)?.vulnerabilities?.container;
  const [events, members, requested, risks, vulnImageId] = await Promise.all([
    listFindingEvents({ orgId: ctx.orgId, findingId: f.id }),
    queryMembers(ctx.orgId),
    listExceptions({ orgId: ctx.orgId, findingId: f.id, limit: 20 }),
    queryRisksOfFinding(ctx.orgId, f),
    vulnContainer ? imageIdOfContainer({ orgId: ctx.orgId, clusterId: f.clusterId, kind: f.kind, namespace: f.namespace, name: f.name, container: vulnContainer }) : Promise.resolve(null),
  ]);
  const memberNames = new Map(members.map((m) => [m.id, m.label]));
  const canWrite = can(ctx.role, "finding:write");
  // No SLA badge unless the finding is open work (resolved and excepted ones have nothing due).
  const due = workDue(f.status, f.dueAt);
  const historyExceptions = await exceptionsOfHistory(ctx.orgId, events, requested);
  const resolved = f.status === "resolved";
  const checks = (f.checks ?? []).filter((c) => c !== f.ruleId);
  const manifest = f.object?.manifest;
  const view = manifest ? yamlView(manifest, f.path) : null;
  const fix = (f.fix ?? null) as TFix | null;
  const objectLabel = `${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name}`;
  const peers = Object.entries(rule?.peers ?? {}).filter(([, ids]) => Array.isArray(ids) && ids.length > 0) as Array<[string, string[]]>;

  return (
    <>
      <PageHeader
        eyebrow={<><Link href="/findings?tab=all" className="hover:text-zinc-900">Findings</Link> <span aria-hidden>/</span> <span className="font-mono">{f.ruleId}</span></>}
        title={rule?.title ?? f.ruleId}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={f.severity as TSeverity} />
            <FindingStatusBadge status={f.status as TFindingStatus} />
            {due && <DueBadge {...due} />}
            {rule && <Badge>{rule.category.replace(/-/g, " ")}</Badge>}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Section title="What was found" id="what">
            {f.baselineId && (
              <div className="mb-3"><Callout tone="info" title="Expected for a platform component">{f.baselineReason ?? "The cluster itself needs this component; its findings are not open work."}</Callout></div>
            )}
            <p className="text-sm text-zinc-800">{f.message}</p>
            {checks.length > 0 && (
              <p className="mt-2 text-xs text-zinc-600">
                One cause, one finding: this also stands for{" "}
                {checks.map((c, i) => <span key={c}>{i > 0 && ", "}<span className="font-medium text-zinc-800">{ruleTitle(c)}</span> <span className="font-mono text-zinc-500">({c})</span></span>)}.
              </p>
            )}
            <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div className="min-w-0 sm:col-span-2">
                <dt className="text-xs text-zinc-500">Evidence path</dt>
                <dd className="mt-0.5 break-all font-mono text-xs text-zinc-900"><a href="#marked" className="underline-offset-4 hover:underline">{f.path}</a></dd>
              </div>
              <div className="min-w-0">
                <dt className="text-xs text-zinc-500">{resolved ? "Observed when last seen" : "Observed value"}</dt>
                <dd className="mt-0.5 break-all font-mono text-xs text-zinc-900">
                  {f.observed ?? <span className="font-sans text-zinc-500">absent</span>}
                  {resolved && <span className="ml-1 font-sans text-zinc-500">(<Time date={f.lastSeenAt} />; fixed since)</span>}
                </dd>
              </div>
              <div className="min-w-0">
                <dt className="text-xs text-zinc-500">Object</dt>
                <dd className="mt-0.5 break-all font-mono text-xs text-zinc-900">{objectLabel}</dd>
              </div>
            </dl>
          </Section>

          {f.details ? <FindingVulnerabilities details={f.details} imageId={vulnImageId} {...(can(ctx.role, "cve-exception:manage") ? { except: { clusters: [{ id: f.cluster.id, name: f.cluster.name }] } } : {})} /> : null}

          <Section title="How to fix" id="fix">
            <p className="whitespace-pre-line text-sm text-zinc-800">{f.remediation}</p>
            {fix?.content && (
              <div className="mt-4">
                <div className="mb-1.5 text-xs text-zinc-500">
                  {fix.description ?? (fix.type === "merge-patch" ? "JSON merge patch" : "Suggested change")}
                  {fix.type === "merge-patch" && (
                    <span className="ml-1 text-zinc-500">· apply with <code className="font-mono">kubectl patch {f.kind.toLowerCase()} {f.name}{f.namespace ? ` -n ${f.namespace}` : ""} --type merge -p &apos;…&apos;</code></span>
                  )}
                </div>
                <pre className="overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs leading-5 text-zinc-100"><code>{fix.content}</code></pre>
              </div>
            )}
          </Section>

          <FixPanel ctx={ctx} target={{ findingIds: [f.id] }} subject="finding" expected={Boolean(f.baselineId)} />

          <Section title="History" id="history" description="What scans saw and what people did, oldest first">
            <FindingHistory events={events} firstSeenAt={f.firstSeenAt} firstSeenScanId={f.firstSeenScanId} members={memberNames} meId={ctx.userId} exceptions={historyExceptions} />
            {canWrite && <div className="mt-5 border-t border-zinc-100 pt-4"><CommentBox target={{ kind: "finding", id: f.id }} /></div>}
          </Section>

          <Section
            title={resolved ? "Object YAML now" : "Object YAML"}
            id="yaml"
            description={view ? (resolved ? "As the latest scan saw it: the finding is resolved, so the marked field is the fixed one." : view.exact ? "The offending field is marked." : "The field is absent; its closest parent is marked.") : undefined}
            bodyClassName="p-0"
          >
            {view ? (
              <YamlBlock lines={view.lines} marked={view.marked} label={`YAML of ${objectLabel}`} />
            ) : (
              <div className="p-4"><Callout tone="info">The object&apos;s last seen version is not stored (it may have been deleted since the scan).</Callout></div>
            )}
          </Section>

          {rule && (
            <Section title="About this rule" id="rule">
              <p className="whitespace-pre-line text-sm text-zinc-700">{rule.description}</p>
              {rule.references.length > 0 && (
                <ul className="mt-4 space-y-1">
                  {rule.references.map((u) => (
                    <li key={u} className="min-w-0 truncate text-xs">
                      <a href={u} rel="noreferrer noopener" target="_blank" className="inline-flex items-center gap-1 text-indigo-700 underline-offset-4 hover:underline">
                        {u.replace(/^https?:\/\//, "")}<ExternalLink className="size-3" aria-hidden />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          )}
        </div>

        <aside className="space-y-4">
          {risks.length > 0 && (
            <Section title="Part of an attack path" id="risks" description="Fixing this finding breaks these risks">
              <ul className="space-y-2" aria-label="Risks this finding is part of">
                {risks.map((r) => (
                  <li key={r.id} className="flex items-start gap-2 text-sm">
                    <SeverityBadge severity={r.severity as TSeverity} className="mt-0.5 shrink-0" />
                    <Link href={`/risks/${r.id}`} className="min-w-0 font-medium text-zinc-900 underline-offset-4 hover:underline">{r.title}</Link>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <Section title="Work" id="work">
            {canWrite ? (
              <FindingActions
                target={{ kind: "finding", id: f.id }}
                status={f.status}
                assigneeId={f.assigneeId}
                members={members.map((m) => ({ id: m.id, label: m.label }))}
                meId={ctx.userId}
                exceptionCovered={f.status === "excepted" && Boolean(f.exceptionId)}
              />
            ) : (
              <dl className="space-y-2 text-sm">
                <div><dt className="text-xs text-zinc-500">Assignee</dt><dd className="mt-0.5">{f.assigneeId ? (memberNames.get(f.assigneeId) ?? "a former member") : <span className="text-zinc-500">Unassigned</span>}</dd></div>
                <div><dt className="text-xs text-zinc-500">Status</dt><dd className="mt-0.5"><FindingStatusBadge status={f.status as TFindingStatus} /></dd></div>
                <p className="text-xs text-zinc-500">Viewers can read a finding but not change it.</p>
              </dl>
            )}
          </Section>
          <FindingException findingId={f.id} />
          <TicketsPanel subject={{ source: "finding", id: f.id, label: "this finding" }} />
          <Section title="Details" id="details">
            <dl className="space-y-3 text-sm">
              <div><dt className="text-xs text-zinc-500">Cluster</dt><dd className="mt-0.5"><Link href={`/clusters/${f.cluster.id}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">{f.cluster.name}</Link></dd></div>
              <div><dt className="text-xs text-zinc-500">Namespace</dt><dd className="mt-0.5 font-mono text-xs">{f.namespace ? <Link className="underline-offset-4 hover:underline" href={`/findings?tab=all&cluster=${f.cluster.id}&namespace=${encodeURIComponent(f.namespace)}`}>{f.namespace}</Link> : <span className="font-sans text-zinc-500">cluster-scoped</span>}</dd></div>
              <div><dt className="text-xs text-zinc-500">Kind</dt><dd className="mt-0.5 text-xs">{f.apiVersion} {f.kind}</dd></div>
              <div><dt className="text-xs text-zinc-500">Due</dt><dd className="mt-0.5 text-xs">{!due ? <span className="text-zinc-500">nothing due ({f.status === "excepted" ? "excepted" : f.status.replace(/_/g, " ")})</span> : f.dueAt ? <><time dateTime={f.dueAt.toISOString()}>{f.dueAt.toISOString().slice(0, 10)}</time>{due && due.tone === "overdue" && <span className="ml-1 font-semibold text-red-700">({due.label.toLowerCase()})</span>}</> : <span className="text-zinc-500">none (SLA sets no due date)</span>}</dd></div>
              <div><dt className="text-xs text-zinc-500">First seen</dt><dd className="mt-0.5 text-xs"><Time date={f.firstSeenAt} /></dd></div>
              <div><dt className="text-xs text-zinc-500">Last seen</dt><dd className="mt-0.5 text-xs"><Time date={f.lastSeenAt} /></dd></div>
              {f.resolvedAt && <div><dt className="text-xs text-zinc-500">Resolved</dt><dd className="mt-0.5 text-xs"><Time date={f.resolvedAt} /></dd></div>}
              <div><dt className="text-xs text-zinc-500">Rule</dt><dd className="mt-0.5"><Link href={`/findings?tab=all&rule=${encodeURIComponent(f.ruleId)}`} className="font-mono text-xs underline-offset-4 hover:underline">{f.ruleId}</Link></dd></div>
            </dl>
          </Section>
          {peers.length > 0 && (
            <Section title="Same check elsewhere" id="peers" description="Equivalent controls in other tools and benchmarks">
              <dl className="space-y-2 text-xs">
                {peers.map(([k, ids]) => (
                  <div key={k} className="flex gap-2">
                    <dt className="w-24 shrink-0 text-zinc-500">{PEER_LABELS[k] ?? k}</dt>
                    <dd className="min-w-0 break-words font-mono text-zinc-800">{ids.join(", ")}</dd>
                  </div>
                ))}
              </dl>
            </Section>
          )}
        </aside>
      </div>
    </>
  );
}
