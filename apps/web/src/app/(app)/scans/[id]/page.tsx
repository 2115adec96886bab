import Link from "next/link";
import { notFound } from "next/navigation";
import { getScanDiff, type TDiffFinding } from "@bulwark/db";
import { requirePageContext } from "@/modules/auth/server/session";
import { DiffList, type TDiffRow } from "@/modules/queue/components/diff-list";
import { ruleTitle } from "@/modules/findings/server/queries";
import { ScanStatusBadge } from "@/modules/ui/components/badge";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, PageHeader, Section } from "@/modules/ui/components/layout";
import { Score } from "@/modules/ui/components/score";
import { Time } from "@/modules/ui/components/time";
import { isoMinute } from "@/modules/ui/format";
import type { TScanStatus } from "@/modules/ui/severity";
import { cn } from "@/modules/ui/cn";

export const dynamic = "force-dynamic";
export const metadata = { title: "What changed" };

const toRow = (f: TDiffFinding): TDiffRow => ({ id: f.id, ruleId: f.ruleId, title: ruleTitle(f.ruleId), severity: f.severity, status: f.status, kind: f.kind, namespace: f.namespace, name: f.name });

export default async function ScanDiffPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const diff = await getScanDiff({ orgId: ctx.orgId, scanId: (await params).id, limit: 200 });
  if (!diff) notFound();
  const { scan, cluster, previous } = diff;
  const finished = scan.status === "succeeded" || scan.status === "partial";
  const tiles = [
    { label: "New", value: diff.totals.new, tone: "text-zinc-900", href: "#new", hint: "first seen by this scan" },
    { label: "Fixed", value: diff.totals.fixed, tone: "text-green-700", href: "#fixed", hint: "no longer seen" },
    { label: "Reopened", value: diff.totals.reopened, tone: "text-rose-700", href: "#reopened", hint: "seen again after being resolved" },
    { label: "Still open", value: diff.stillOpen, tone: "text-zinc-700", href: `/findings?tab=all&cluster=${cluster.id}`, hint: "open before and after" },
  ];

  return (
    <>
      <PageHeader
        eyebrow={<><Link href="/clusters" className="hover:text-zinc-900">Clusters</Link> <span aria-hidden>/</span> <Link href={`/clusters/${cluster.id}`} className="hover:text-zinc-900">{cluster.name}</Link> <span aria-hidden>/</span> scan</>}
        title={<>What changed in {cluster.name}</>}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <ScanStatusBadge status={scan.status as TScanStatus} />
            <span>Scan of <time dateTime={scan.createdAt.toISOString()} title={isoMinute(scan.createdAt)}>{isoMinute(scan.finishedAt ?? scan.createdAt)}</time></span>
            <span aria-hidden>·</span>
            {previous ? <span>compared with the scan of {isoMinute(previous.finishedAt ?? previous.createdAt)} (<Time date={previous.finishedAt ?? previous.createdAt} />)</span> : <span>the cluster&apos;s first scan</span>}
          </span>
        }
        actions={
          <>
            <span className="flex items-center gap-1.5 text-sm text-zinc-600">Score <Score score={scan.status === "failed" ? null : scan.score} /></span>
            <Link href={`/findings?tab=all&cluster=${cluster.id}`} className={buttonClass("secondary", "sm")}>Open work in this cluster</Link>
          </>
        }
      />
      <div className="space-y-6">
        {!finished && <Callout tone={scan.status === "failed" ? "error" : "info"} title={scan.status === "failed" ? "This scan failed" : "This scan has not finished"}>{scan.error ?? "Its changes appear here once it finishes."}</Callout>}
        {scan.status === "partial" && <Callout tone="warning" title="Partial scan">{scan.error ?? "Some kinds could not be read."} Findings on what it could not read were left as they were, not counted as fixed.</Callout>}
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {tiles.map((t) => (
            <Link key={t.label} href={t.href} className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs hover:border-zinc-300 hover:bg-zinc-50">
              <dt className="text-xs font-medium text-zinc-500">{t.label}</dt>
              <dd className={cn("mt-1 text-2xl font-semibold tabular-nums", t.tone)}>{t.value.toLocaleString("en-US")}</dd>
              <dd className="text-xs text-zinc-500">{t.hint}</dd>
            </Link>
          ))}
        </dl>
        <div className="space-y-6">
          <Section id="new" title={`New (${diff.totals.new.toLocaleString("en-US")})`} bodyClassName="p-0">
            <DiffList rows={diff.new.map(toRow)} total={diff.totals.new} empty={previous ? "Nothing new since the previous scan." : "Nothing found."} />
          </Section>
          <Section id="fixed" title={`Fixed (${diff.totals.fixed.toLocaleString("en-US")})`} bodyClassName="p-0">
            <DiffList rows={diff.fixed.map(toRow)} total={diff.totals.fixed} empty="Nothing was fixed by this scan." />
          </Section>
          <Section id="reopened" title={`Reopened (${diff.totals.reopened.toLocaleString("en-US")})`} bodyClassName="p-0">
            <DiffList rows={diff.reopened.map(toRow)} total={diff.totals.reopened} empty="Nothing came back." />
          </Section>
        </div>
      </div>
    </>
  );
}
