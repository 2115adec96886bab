// /access: access across the fleet in one screen. Per cluster: subjects, bindings, privileged and
// stale counts, changes since the last signed-off review, when the model was built; then who holds
// cluster-admin or its equivalents anywhere, and the "who can" question.
import Link from "next/link";
import { UserCheck } from "lucide-react";
import { getAccessOverview } from "@bulwark/db";
import type { TOrgContext } from "@/modules/auth/server/session";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { changesHref } from "../access.schemas";
import { AccessNav } from "./access-nav";
import { CapabilityChips, LevelBadge, SubjectLink } from "./access-badges";
import { WhoCanForm } from "./who-can-form";

const num = "tabular-nums";
const link = "font-medium text-indigo-700 underline-offset-4 hover:underline";

export async function AccessOverviewPage({ ctx }: { ctx: TOrgContext }) {
  const overview = await getAccessOverview({ orgId: ctx.orgId });
  const header = (
    <PageHeader
      title="Access"
      description="Who can do what in every cluster, how (binding → role → rule) and since when, built from each cluster's last scan with Kubernetes' own RBAC rules."
      actions={<Link href="/access/reviews" className={buttonClass("secondary", "sm")}>Access reviews</Link>}
    />
  );
  if (overview.clusters.length === 0) {
    return (
      <>
        {header}
        <AccessNav current="/access" />
        <Section>
          <EmptyState icon={<UserCheck className="size-5" aria-hidden />} title="No clusters yet" description="Add a cluster: its first scan builds its access model, and this page shows who can do what in it.">
            <Link href="/clusters/new" className={buttonClass("primary", "sm")}>Add cluster</Link>
          </EmptyState>
        </Section>
      </>
    );
  }
  const built = overview.clusters.filter((c) => c.builtAt);
  const review = overview.lastReview;
  return (
    <>
      {header}
      <AccessNav current="/access" />
      <div className="space-y-6">
        {built.length === 0 && <Callout tone="info" title="No access model yet">Scan a cluster to build its access model: open a cluster and start a scan, or wait for its schedule.</Callout>}

        <Section
          title="Clusters"
          id="clusters"
          bodyClassName="p-0"
          description={review ? <>Changes are counted since the review “{review.title}”, signed off <Time date={review.signedOffAt} />.</> : "No access review signed off yet: changes are counted since each cluster's first model."}
        >
          <div className={t.wrap}>
            <table className={t.table}>
              <caption className="sr-only">Access per cluster</caption>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={t.th}>Cluster</th>
                  <th scope="col" className={`${t.th} text-right`}>Subjects</th>
                  <th scope="col" className={`${t.th} hidden text-right sm:table-cell`}>Bindings</th>
                  <th scope="col" className={`${t.th} text-right`}><abbr title="Subjects that are cluster-admin or equivalent, built-in ones left out" className="no-underline">Admins</abbr></th>
                  <th scope="col" className={`${t.th} hidden text-right sm:table-cell`}><abbr title="Subjects with an admin or high privilege" className="no-underline">Privileged</abbr></th>
                  <th scope="col" className={`${t.th} text-right`}>Stale</th>
                  <th scope="col" className={`${t.th} hidden text-right md:table-cell`}>Changes since review</th>
                  <th scope="col" className={`${t.th} hidden sm:table-cell`}>Model built</th>
                </tr>
              </thead>
              <tbody>
                {overview.clusters.map((c) => (
                  <tr key={c.clusterId} className={t.tr}>
                    <th scope="row" className={`${t.td} font-medium text-zinc-900`}>
                      <Link href={`/clusters/${c.clusterId}`} className="hover:underline">{c.clusterName}</Link>
                    </th>
                    {c.counts ? (
                      <>
                        <td className={`${t.td} text-right ${num}`}>{c.counts.subjects.toLocaleString("en-US")}</td>
                        <td className={`${t.td} hidden text-right sm:table-cell ${num}`}>{c.counts.bindings.toLocaleString("en-US")}</td>
                        <td className={`${t.td} text-right ${num}`}>{c.admins > 0 ? <span className="font-medium text-red-700">{c.admins}</span> : <span className="text-zinc-500">0</span>}</td>
                        <td className={`${t.td} hidden text-right sm:table-cell ${num}`}>{c.counts.privileged}</td>
                        <td className={`${t.td} text-right ${num}`}>
                          <Link href={`/access/stale?cluster=${encodeURIComponent(c.clusterId)}`} className={c.stale > 0 ? link : "text-zinc-500 hover:underline"}>{c.stale}</Link>
                        </td>
                        <td className={`${t.td} hidden text-right md:table-cell ${num}`}>
                          <Link href={changesHref({ cluster: c.clusterId, ...(review ? { since: review.signedOffAt } : {}) })} className={c.changesSinceReview > 0 ? link : "text-zinc-500 hover:underline"}>{c.changesSinceReview}</Link>
                        </td>
                        <td className={`${t.td} hidden text-xs text-zinc-600 sm:table-cell`}><Time date={c.builtAt} /></td>
                      </>
                    ) : (
                      <td colSpan={7} className={`${t.td} text-xs text-zinc-500`}>
                        Scan this cluster to build its access model. <Link href={`/clusters/${c.clusterId}`} className={link}>Open cluster</Link>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>

        <Section
          title="Cluster-admin and equivalents"
          id="privileged"
          bodyClassName="p-0"
          description="Subjects that can make themselves cluster-admin or act as anyone (escalate, bind, impersonate, * on *, node proxy, pods or tokens in kube-system), then other high privileges. Kubernetes' own subjects are left out."
        >
          {overview.privileged.length === 0 ? (
            <p className="px-4 py-6 text-sm text-zinc-500">{built.length === 0 ? "Scan a cluster to build its access model." : "No subject outside Kubernetes' own holds a high or admin privilege."}</p>
          ) : (
            <div className={t.wrap}>
              <table className={t.table}>
                <caption className="sr-only">Privileged subjects across clusters</caption>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Subject</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Level</th>
                    <th scope="col" className={t.th}>Where and what</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.privileged.map((p) => (
                    <tr key={`${p.ref.kind}/${p.ref.namespace ?? ""}/${p.ref.name}`} className={`${t.tr} align-top`}>
                      <td className={`${t.td} max-w-[14rem] align-top`}>
                        <SubjectLink subject={p.ref} />
                        <div className="mt-1 sm:hidden"><LevelBadge level={p.level} short /></div>
                      </td>
                      <td className={`${t.td} hidden align-top sm:table-cell`}><LevelBadge level={p.level} short /></td>
                      <td className={`${t.td} align-top`}>
                        <ul className="space-y-1.5">
                          {p.clusters.map((c) => (
                            <li key={c.clusterId} className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-3">
                              <span className="w-32 shrink-0 truncate pt-0.5 text-xs font-medium text-zinc-700" title={c.clusterName}>{c.clusterName}</span>
                              <CapabilityChips capabilities={c.capabilities} expand max={4} />
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>

        <Section title="Who can…" id="who-can" description="A verb and a resource as kubectl names them (secrets, pods/exec, deployments.apps); leave the namespace empty for a cluster-wide request.">
          <WhoCanForm values={{}} clusters={overview.clusters.map((c) => ({ id: c.clusterId, name: c.clusterName }))} compact />
        </Section>

        <nav aria-label="More about access" className="flex flex-wrap gap-3 text-sm">
          <Link href="/access/stale" className={buttonClass("secondary", "sm")}>Stale access</Link>
          <Link href="/access/changes" className={buttonClass("secondary", "sm")}>Access changes</Link>
          <Link href="/access/reviews" className={buttonClass("secondary", "sm")}>Access reviews</Link>
        </nav>
      </div>
    </>
  );
}

