// /access/reviews/[id]: one access review. Status and progress first, then every item grouped by
// cluster: the subject (linked to its page), its level and capabilities with why and the grant,
// the decision with its note, and keep / revoke buttons while the review is open. Admins sign off
// (once nothing is pending) or cancel; everyone exports CSV or PDF.
import Link from "next/link";
import { Download } from "lucide-react";
import type { TAccessReview, TAccessReviewItem } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { controlHref } from "@/modules/compliance/compliance-links";
import { cn } from "@/modules/ui/cn";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { subjectLabel } from "../access.schemas";
import { AccessNav } from "./access-nav";
import { CapabilityChips, LevelBadge, SubjectLink, ViaPath } from "./access-badges";
import { ReviewDecision } from "./review-decision";
import { ReviewCancel, ReviewSignOff } from "./review-close";
import { ReviewProgress, ReviewStatusBadge } from "./review-status";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
const person = (s: string | null) => (s ?? "").replace(/\s*<[^>]*>$/, "");
const chip = "inline-flex items-center whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset";
const DECISION = {
  pending: { label: "Pending", cls: "bg-amber-50 text-amber-800 ring-amber-600/25" },
  keep: { label: "Keep", cls: "bg-green-50 text-green-800 ring-green-600/25" },
  revoke: { label: "Revoke", cls: "bg-red-50 text-red-700 ring-red-600/20" },
} as const;
const FRAMEWORK = { hipaa: "HIPAA", soc2: "SOC 2" } as Record<string, string>;

function Decision({ item }: { item: TAccessReviewItem }) {
  const d = DECISION[item.decision];
  return (
    <div className="min-w-0 space-y-1 text-xs">
      <span className={cn(chip, d.cls)}>{d.label}</span>
      {item.note && <p className="max-w-xs whitespace-pre-line break-words text-zinc-700">{item.note}</p>}
      {item.decidedAt && (
        <p className="text-zinc-500">
          {person(item.decidedByName)}, <Time date={item.decidedAt} />
        </p>
      )}
    </div>
  );
}

function ClusterItems({ review, clusterName, items, decide }: { review: TAccessReview; clusterName: string; items: TAccessReviewItem[]; decide: boolean }) {
  const pending = items.filter((i) => i.decision === "pending").length;
  return (
    <Section title={clusterName} description={`${items.length} ${items.length === 1 ? "subject" : "subjects"}${pending ? `, ${pending} pending` : ""}`} bodyClassName="p-0">
      {items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500">No privileged subject outside Kubernetes&apos; and the platform&apos;s own.</p>
      ) : (
        <div className={t.wrap}>
          <table className={t.table}>
            <caption className="sr-only">Subjects to review in {clusterName}</caption>
            <thead className={t.thead}>
              <tr>
                <th scope="col" className={`${t.th} md:w-60`}>Subject</th>
                <th scope="col" className={`${t.th} hidden md:table-cell`}>Capabilities and why</th>
                <th scope="col" className={t.th}>Decision</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} className={t.tr} data-testid="review-item">
                  <th scope="row" className={`${t.td} max-w-xs align-top font-normal`}>
                    <SubjectLink subject={i.subject} />
                    <div className="mt-1"><LevelBadge level={i.privilege} short /></div>
                    <div className="mt-2 md:hidden"><CapabilityChips capabilities={i.capabilities} expand max={4} /></div>
                  </th>
                  <td className={`${t.td} hidden align-top md:table-cell`}>
                    <CapabilityChips capabilities={i.capabilities} expand />
                    {i.capabilities[0] && (
                      <div className="mt-1.5">
                        <span className="sr-only">Granted by: </span>
                        <ViaPath via={i.capabilities[0].via} />
                      </div>
                    )}
                  </td>
                  <td className={`${t.td} w-64 align-top`}>
                    <Decision item={i} />
                    {decide && (
                      <div className="mt-2">
                        <ReviewDecision reviewId={review.id} itemId={i.id} subject={`${i.subject.kind} ${subjectLabel(i.subject)}`} decision={i.decision} note={i.note} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

export function ReviewPage({ ctx, review }: { ctx: TOrgContext; review: TAccessReview }) {
  const open = review.status === "open" && !review.signingOff;
  const manage = can(ctx.role, "access-review:manage");
  const decide = open && can(ctx.role, "access-review:decide");
  const byCluster = new Map<string, TAccessReviewItem[]>();
  for (const i of review.items) byCluster.set(i.clusterId, [...(byCluster.get(i.clusterId) ?? []), i]);
  const exportHref = (format: "csv" | "pdf") => `/api/access/reviews/${encodeURIComponent(review.id)}/export?format=${format}`;
  const expires = review.signedOffAt ? new Date(review.signedOffAt.getTime() + review.validDays * 86_400_000) : null;

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/access/reviews" className="hover:underline">Access reviews</Link>}
        title={review.title}
        wrap
        actions={
          <>
            <a href={exportHref("csv")} download className={buttonClass("secondary", "sm")}><Download className="size-3.5" aria-hidden />CSV</a>
            <a href={exportHref("pdf")} download className={buttonClass("secondary", "sm")}><Download className="size-3.5" aria-hidden />PDF</a>
            {open && manage && <ReviewCancel reviewId={review.id} />}
            {open && manage && <ReviewSignOff reviewId={review.id} pending={review.counts.pending} total={review.counts.total} validDays={review.validDays} />}
          </>
        }
      />
      <AccessNav current="/access/reviews" />
      <div className="space-y-6">
        <Section>
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <div className="space-y-2">
              <ReviewStatusBadge review={review} />
              <ReviewProgress counts={review.counts} />
            </div>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              <div className="min-w-0"><dt className="text-xs text-zinc-500">Clusters</dt><dd className="mt-0.5 break-words text-zinc-900">{review.clusters.map((c) => c.clusterName).join(", ") || "—"}</dd></div>
              <div><dt className="text-xs text-zinc-500">Started</dt><dd className="mt-0.5 text-zinc-900"><Time date={review.createdAt} /> by {person(review.createdByName)}</dd></div>
              <div><dt className="text-xs text-zinc-500">Due</dt><dd className="mt-0.5 tabular-nums text-zinc-900">{day(review.dueAt)}</dd></div>
              <div>
                <dt className="text-xs text-zinc-500">Sign-off counts as evidence</dt>
                <dd className="mt-0.5 text-zinc-900">{expires ? <>until {day(expires)}</> : <>{review.validDays} days from sign-off</>}</dd>
              </div>
            </dl>
          </div>
        </Section>

        {review.status === "signed-off" && (
          <Callout tone="success" title={`Signed off by ${person(review.signedOffByName)} on ${day(review.signedOffAt)}`}>
            {review.signOffNote && <p className="mb-1 whitespace-pre-line">{review.signOffNote}</p>}
            Attested with the review&apos;s PDF:{" "}
            {review.attestations.map((a, n) => (
              <span key={a.id}>
                {n > 0 && ", "}
                <Link href={controlHref(a.framework, a.controlId)} className="font-medium underline underline-offset-4">{FRAMEWORK[a.framework] ?? a.framework} {a.controlId}</Link>
              </span>
            ))}
            .
          </Callout>
        )}
        {review.status === "cancelled" && <Callout tone="info" title="Cancelled">This review was cancelled: its decisions stay readable, nothing was attested.</Callout>}
        {review.signingOff && <Callout tone="info" title="Being signed off">The sign-off is being recorded; reload in a moment.</Callout>}
        {open && review.counts.pending > 0 && (
          <p className="text-sm text-zinc-600">
            {review.counts.pending} of {review.counts.total} {review.counts.total === 1 ? "subject waits" : "subjects wait"} for a decision. Bulwark does not change the cluster: a revoke records that the access must go and who removes it.
            {!decide && " Your role can read this review but not decide."}
          </p>
        )}

        {review.clusters.length === 0 ? (
          <Section><EmptyState title="No clusters" description="The clusters of this review were removed." /></Section>
        ) : (
          review.clusters.map((c) => <ClusterItems key={c.clusterId} review={review} clusterName={c.clusterName} items={byCluster.get(c.clusterId) ?? []} decide={decide} />)
        )}
      </div>
    </>
  );
}
