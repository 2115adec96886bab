// /access/stale: access nobody can explain any more, per kind with what to do about it, and the
// people bound in some clusters but not in others (someone who left one team's cluster only).
import Link from "next/link";
import { CheckCircle2 } from "lucide-react";
import { listStaleAccess } from "@bulwark/db";
import type { StaleKind } from "@bulwark/rules";
import type { TOrgContext } from "@/modules/auth/server/session";
import { buttonClass } from "@/modules/ui/components/button";
import { Select } from "@/modules/ui/components/form";
import { EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { ZStaleInput } from "../access.schemas";
import { clusterOr404, formChoices, type TSearch } from "../server/queries";
import { AccessNav } from "./access-nav";
import { SubjectLink } from "./access-badges";

export const STALE_KINDS: Record<StaleKind, { title: string; todo: string }> = {
  "binding-missing-subject": { title: "Bindings to service accounts that do not exist", todo: "Anyone who creates a service account with that name inherits the binding. Remove the subject from the binding, or delete the binding." },
  "binding-missing-role": { title: "Bindings to roles that do not exist", todo: "They grant nothing today, and whatever role is created under that name later. Delete the binding or restore the role on purpose." },
  "unused-service-account": { title: "Service accounts no pod uses", todo: "They hold permissions nothing needs; their tokens can still be requested. Delete the service account and its bindings if no job or tool outside the cluster uses it." },
  "role-unbound": { title: "Roles bound to nobody", todo: "Harmless on their own, but they make the next binding look routine. Delete roles nobody needs." },
  "anonymous-binding": { title: "Bindings to anonymous users", todo: "Anyone who can reach the API server gets these permissions without credentials. Remove system:anonymous and system:unauthenticated from the binding." },
  "long-lived-token": { title: "Long-lived service account tokens", todo: "These Secrets never expire. Use projected, short-lived tokens (kubectl create token) and delete the Secret." },
};
const ORDER = Object.keys(STALE_KINDS) as StaleKind[];

export async function StalePage({ ctx, search }: { ctx: TOrgContext; search: TSearch }) {
  const parsed = ZStaleInput.safeParse(search);
  const clusterId = parsed.success ? parsed.data.cluster : undefined;
  await clusterOr404(ctx.orgId, clusterId);
  const [stale, choices] = await Promise.all([listStaleAccess({ orgId: ctx.orgId, ...(clusterId ? { clusterId } : {}) }), formChoices(ctx.orgId)]);
  const byKind = new Map<StaleKind, typeof stale.items>();
  for (const item of stale.items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  const multi = choices.clusters.length > 1;
  return (
    <>
      <PageHeader title="Stale access" description="Access that outlived its reason: bindings to missing subjects or roles, service accounts nothing runs as, unbound roles, anonymous bindings, long-lived tokens, and people bound in some clusters but not others." />
      <AccessNav current="/access/stale" />
      <div className="space-y-6">
        {multi && (
          <form method="get" action="/access/stale" className="flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor="stale-cluster" className="text-zinc-500">Cluster</label>
            <div className="w-60">
              <Select id="stale-cluster" name="cluster" defaultValue={clusterId ?? ""}>
                <option value="">All clusters</option>
                {choices.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </Select>
            </div>
            <button type="submit" className={buttonClass("secondary", "sm")}>Show</button>
          </form>
        )}
        <nav aria-label="Stale access by kind" className="flex flex-wrap gap-2 text-xs">
          {ORDER.map((k) => (
            <a key={k} href={`#stale-${k}`} className="rounded-full bg-white px-2.5 py-1 text-zinc-700 ring-1 ring-inset ring-zinc-200 hover:bg-zinc-50">
              {STALE_KINDS[k].title} <span className="font-semibold tabular-nums">{byKind.get(k)?.length ?? 0}</span>
            </a>
          ))}
        </nav>
        {choices.clusters.length === 0 ? (
          <Section><EmptyState title="No clusters yet" description="Add a cluster and scan it: its access model shows stale access here."><Link href="/clusters/new" className={buttonClass("primary", "sm")}>Add cluster</Link></EmptyState></Section>
        ) : (
          ORDER.map((k) => {
            const items = byKind.get(k) ?? [];
            return (
              <Section key={k} id={`stale-${k}`} title={<>{STALE_KINDS[k].title} <span className="font-normal tabular-nums text-zinc-500">({items.length})</span></>} description={STALE_KINDS[k].todo} bodyClassName="p-0">
                {items.length === 0 ? (
                  <p className="flex items-center gap-2 px-4 py-3 text-sm text-zinc-500"><CheckCircle2 className="size-4 text-green-600" aria-hidden /> None.</p>
                ) : (
                  <div className={t.wrap}>
                    <table className={t.table}>
                      <caption className="sr-only">{STALE_KINDS[k].title}</caption>
                      <thead className={t.thead}>
                        <tr>
                          {multi && <th scope="col" className={t.th}>Cluster</th>}
                          <th scope="col" className={t.th}>Object</th>
                          <th scope="col" className={`${t.th} hidden md:table-cell`}>Subject</th>
                          <th scope="col" className={`${t.th} hidden sm:table-cell`}>Detail</th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((i, n) => (
                          <tr key={n} className={`${t.tr} align-top`}>
                            {multi && <td className={`${t.td} whitespace-nowrap text-xs text-zinc-700`}>{i.clusterName}</td>}
                            <td className={`${t.td} min-w-0`}>
                              <div className="text-xs text-zinc-500">{i.object.kind}{i.object.namespace ? ` · ${i.object.namespace}` : ""}</div>
                              <div className="max-w-[16rem] truncate font-mono text-xs font-medium text-zinc-900" title={i.object.name}>{i.object.name}</div>
                              <p className="mt-0.5 text-xs text-zinc-600 sm:hidden">{i.detail}</p>
                            </td>
                            <td className={`${t.td} hidden max-w-[14rem] md:table-cell`}>{i.subject ? <SubjectLink subject={i.subject} /> : <span className="text-xs text-zinc-500">—</span>}</td>
                            <td className={`${t.td} hidden text-xs text-zinc-700 sm:table-cell`}>{i.detail}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Section>
            );
          })
        )}
        <Section
          id="partial"
          title={<>Bound in some clusters but not others <span className="font-normal tabular-nums text-zinc-500">({stale.partial.length})</span></>}
          description="Users and groups that bindings name in some of your clusters and not in the others: often someone removed from one cluster but not the rest. Check that each remaining binding is still wanted."
          bodyClassName="p-0"
        >
          {stale.partial.length === 0 ? (
            <p className="px-4 py-3 text-sm text-zinc-500">{choices.clusters.length < 2 ? "Needs two clusters or more to compare." : "Every user and group is bound in all clusters or in none."}</p>
          ) : (
            <div className={t.wrap}>
              <table className={t.table}>
                <caption className="sr-only">Subjects bound in some clusters but not others</caption>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Subject</th>
                    <th scope="col" className={t.th}>Bound in</th>
                    <th scope="col" className={t.th}>Not in</th>
                  </tr>
                </thead>
                <tbody>
                  {stale.partial.map((p) => (
                    <tr key={`${p.ref.kind}/${p.ref.name}`} className={`${t.tr} align-top`}>
                      <td className={`${t.td} max-w-[16rem]`}><SubjectLink subject={p.ref} /></td>
                      <td className={`${t.td} text-xs text-zinc-700`}>{p.boundIn.map((c) => c.clusterName).join(", ")}</td>
                      <td className={`${t.td} text-xs text-zinc-500`}>{p.missingFrom.map((c) => c.clusterName).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      </div>
    </>
  );
}
