// /access/reviews: every access review, newest first, with its status, progress, scope and dates;
// admins start one here. A signed-off review is the evidence of the HIPAA and SOC 2 access-review
// controls until its validity ends.
import Link from "next/link";
import { ClipboardCheck } from "lucide-react";
import { getAccessOverview, listAccessReviews } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { AccessNav } from "./access-nav";
import { ReviewProgress, ReviewStatusBadge } from "./review-status";
import { ReviewStartDialog } from "./review-start-dialog";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export async function ReviewListPage({ ctx }: { ctx: TOrgContext }) {
  const [reviews, overview] = await Promise.all([listAccessReviews({ orgId: ctx.orgId }), getAccessOverview({ orgId: ctx.orgId })]);
  const manage = can(ctx.role, "access-review:manage");
  const clusters = overview.clusters.map((c) => ({ clusterId: c.clusterId, clusterName: c.clusterName, built: c.builtAt !== null }));
  const last = reviews.find((r) => r.status === "signed-off");
  return (
    <>
      <PageHeader
        title="Access reviews"
        description="Reviewers mark each privileged subject keep or revoke with a note; an admin signs the review off, which attests HIPAA 164.308(a)(3)(ii)(B) and (a)(4)(ii)(C) and SOC 2 CC6.2 and CC6.3 with the review's PDF."
        actions={manage ? <ReviewStartDialog clusters={clusters} /> : undefined}
      />
      <AccessNav current="/access/reviews" />
      <Section
        title="Reviews"
        id="reviews"
        bodyClassName="p-0"
        description={
          last ? (
            <>
              Last signed off: <Link href={`/access/reviews/${last.id}`} className="font-medium text-indigo-700 underline-offset-4 hover:underline">{last.title}</Link>, <Time date={last.signedOffAt} />; counts as evidence until{" "}
              {day(new Date(last.signedOffAt!.getTime() + last.validDays * 86_400_000))}.
            </>
          ) : (
            "No review signed off yet."
          )
        }
      >
        {reviews.length === 0 ? (
          <EmptyState
            icon={<ClipboardCheck className="size-5" aria-hidden />}
            title="No access reviews yet"
            description={manage ? "Start a review: Bulwark lists who holds cluster-admin or other high-risk rights in the clusters you choose, for reviewers to keep or revoke." : "An admin starts a review; you can then mark each subject keep or revoke."}
          >
            {manage && <ReviewStartDialog clusters={clusters} />}
          </EmptyState>
        ) : (
          <div className={t.wrap}>
            <table className={t.table}>
              <caption className="sr-only">Access reviews, newest first</caption>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={t.th}>Review</th>
                  <th scope="col" className={t.th}>Status</th>
                  <th scope="col" className={`${t.th} hidden md:table-cell`}>Progress</th>
                  <th scope="col" className={`${t.th} hidden lg:table-cell`}>Clusters</th>
                  <th scope="col" className={`${t.th} hidden sm:table-cell`}>Due</th>
                  <th scope="col" className={`${t.th} hidden sm:table-cell`}>Signed off</th>
                </tr>
              </thead>
              <tbody>
                {reviews.map((r) => (
                  <tr key={r.id} className={t.tr}>
                    <th scope="row" className={`${t.td} font-normal`}>
                      <Link href={`/access/reviews/${r.id}`} className="font-medium text-indigo-700 underline-offset-4 hover:underline">{r.title}</Link>
                      <div className="text-xs text-zinc-500">
                        started <Time date={r.createdAt} /> by {r.createdByName.replace(/\s*<[^>]*>$/, "")}
                      </div>
                    </th>
                    <td className={t.td}>
                      <ReviewStatusBadge review={r} />
                      <div className="mt-1 text-xs tabular-nums text-zinc-500 md:hidden">{r.counts.total - r.counts.pending}/{r.counts.total} decided</div>
                    </td>
                    <td className={`${t.td} hidden md:table-cell`}><ReviewProgress counts={r.counts} /></td>
                    <td className={`${t.td} hidden max-w-56 truncate text-xs text-zinc-600 lg:table-cell`} title={r.clusters.map((c) => c.clusterName).join(", ")}>
                      {r.clusters.map((c) => c.clusterName).join(", ")}
                    </td>
                    <td className={`${t.td} hidden whitespace-nowrap text-xs tabular-nums text-zinc-600 sm:table-cell`}>{day(r.dueAt)}</td>
                    <td className={`${t.td} hidden whitespace-nowrap text-xs text-zinc-600 sm:table-cell`}>
                      {r.signedOffAt ? (
                        <>
                          <Time date={r.signedOffAt} />
                          <div className="text-zinc-500">{(r.signedOffByName ?? "").replace(/\s*<[^>]*>$/, "")}</div>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}
