// /access/subject?kind=&name=&namespace=: what one user, group or service account can do in every
// cluster that knows it: risky capabilities with why, the workloads running as it, the grants as a
// graph and as a table grouped by binding (grants held through implicit groups labelled).
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAccessSubject } from "@bulwark/db";
import type { GrantVia } from "@bulwark/rules";
import type { TOrgContext } from "@/modules/auth/server/session";
import { Callout, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { cn } from "@/modules/ui/cn";
import { ZSubjectInput, changesHref, subjectLabel } from "../access.schemas";
import type { TSearch } from "../server/queries";
import { AccessNav } from "./access-nav";
import { BuiltInBadge, LEVEL_STYLE, LevelBadge, ViaPath, scopeText } from "./access-badges";
import { SubjectGraph } from "./subject-graph";

export async function SubjectPage({ ctx, search }: { ctx: TOrgContext; search: TSearch }) {
  const parsed = ZSubjectInput.safeParse(search);
  if (!parsed.success) notFound();
  const input = parsed.data;
  const view = await getAccessSubject({ orgId: ctx.orgId, kind: input.kind, name: input.name, ...(input.kind === "ServiceAccount" && input.namespace ? { namespace: input.namespace } : {}) });
  if (!view) notFound();
  const ref = view.ref;
  const levels = view.clusters.map((c) => c.privilege).filter(Boolean);
  const top = (["admin", "high", "medium"] as const).find((l) => levels.includes(l));
  return (
    <>
      <PageHeader
        eyebrow={<><Link href="/access" className="hover:underline">Access</Link> › {ref.kind}</>}
        title={<span className="inline-flex items-center gap-2">{subjectLabel(ref)} {top && <LevelBadge level={top} />}</span>}
        description={`${ref.kind}${ref.namespace ? ` in namespace ${ref.namespace}` : ""}, known to ${view.clusters.length === 1 ? "1 cluster" : `${view.clusters.length} clusters`}. Effective permissions include what it holds through groups every ${ref.kind === "ServiceAccount" ? "service account" : "signed-in user"} belongs to.`}
        actions={<Link href={changesHref({ kind: ref.kind, name: ref.name, namespace: ref.namespace })} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">Access changes of this subject</Link>}
      />
      <AccessNav current={null} />
      <div className="space-y-8">
        {view.clusters.map((c) => {
          const byBinding = groupByBinding(c.vias);
          return (
            <div key={c.clusterId} className="space-y-4" id={`cluster-${c.clusterId}`}>
              <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold text-zinc-900">
                {c.clusterName}
                {c.privilege ? <LevelBadge level={c.privilege} /> : <span className="text-xs font-normal text-zinc-500">no risky capability</span>}
                {c.builtIn && <BuiltInBadge />}
              </h2>
              {c.exists === false && <Callout tone="warning" title="This service account does not exist">Bindings still name it: anyone who creates a service account with this name in {ref.namespace} gets these permissions. Delete the bindings or the subjects in them.</Callout>}

              {c.capabilities.length > 0 && (
                <Section title="Risky capabilities" id={`caps-${c.clusterId}`} description="What a reviewer should question first, highest first, with the grant that gives each." bodyClassName="p-0">
                  <ul className="divide-y divide-zinc-100">
                    {c.capabilities.map((cap) => (
                      <li key={`${cap.id}:${cap.scope ?? ""}`} className={cn("space-y-1 border-l-4 px-4 py-3", cap.level === "admin" ? "border-l-red-600" : cap.level === "high" ? "border-l-orange-500" : "border-l-amber-400")}>
                        <div className="flex flex-wrap items-center gap-2">
                          <span className={cn("inline-flex rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", LEVEL_STYLE[cap.level].badge)}>{LEVEL_STYLE[cap.level].label}</span>
                          <span className="text-sm font-medium text-zinc-900">{cap.title}</span>
                          <span className="text-xs text-zinc-500">{scopeText(cap.scope)}</span>
                        </div>
                        <p className="text-sm text-zinc-700">{cap.why}</p>
                        <ViaPath via={cap.via} showScope={false} />
                      </li>
                    ))}
                  </ul>
                </Section>
              )}

              {ref.kind === "ServiceAccount" && (
                <Section title="Runs as this service account" id={`workloads-${c.clusterId}`} bodyClassName={c.workloads.length ? "p-0" : "p-4"}>
                  {c.workloads.length === 0 ? (
                    <p className="text-sm text-zinc-500">No pod or workload runs as it{c.vias.some((v) => !v.viaGroup) ? ": if nothing needs these permissions, delete its bindings." : "."}</p>
                  ) : (
                    <ul className="divide-y divide-zinc-100 text-sm">
                      {c.workloads.map((w) => (
                        <li key={`${w.kind}/${w.namespace}/${w.name}`} className="flex items-center gap-2 px-4 py-2">
                          <span className="w-24 shrink-0 text-xs text-zinc-500">{w.kind}</span>
                          <span className="font-mono text-xs text-zinc-900">{w.namespace}/{w.name}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Section>
              )}

              {c.vias.length === 0 ? (
                <Section><p className="text-sm text-zinc-500">No binding grants it anything in {c.clusterName}.</p></Section>
              ) : (
                <>
                  <Section title="Graph" id={`graph-${c.clusterId}`} description="Subject → bindings → roles → rules. Hover a box for its full text.">
                    <SubjectGraph id={`graph-svg-${c.clusterId}`} subject={ref} vias={c.vias} capabilities={c.capabilities} />
                  </Section>
                  <Section title="Effective permissions" id={`permissions-${c.clusterId}`} description="Every rule it holds, grouped by the binding that grants it." bodyClassName="p-0">
                    <div className={t.wrap}>
                      <table className={t.table}>
                        <caption className="sr-only">Effective permissions in {c.clusterName}</caption>
                        <thead className={t.thead}>
                          <tr>
                            <th scope="col" className={t.th}>Resources</th>
                            <th scope="col" className={t.th}>Verbs</th>
                            <th scope="col" className={`${t.th} hidden sm:table-cell`}>Only names</th>
                            <th scope="col" className={t.th}>Scope</th>
                          </tr>
                        </thead>
                        {byBinding.map((group) => {
                          const v = group[0]!;
                          return (
                            <tbody key={`${v.bindingKind}/${v.bindingNamespace ?? ""}/${v.binding}/${v.viaGroup ?? ""}`} className="border-b border-zinc-200 last:border-0">
                              <tr className="bg-zinc-50/70">
                                <th scope="rowgroup" colSpan={4} className="px-3 py-2 text-left text-xs font-normal text-zinc-600 sm:px-4">
                                  <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-1">
                                    {v.viaGroup && <span className="rounded bg-sky-50 px-1.5 py-0.5 font-medium text-sky-800 ring-1 ring-inset ring-sky-200">via group {v.viaGroup}</span>}
                                    <span>{v.bindingKind}</span>
                                    <span className="font-mono font-medium text-zinc-900">{v.bindingNamespace ? `${v.bindingNamespace}/` : ""}{v.binding}</span>
                                    <span aria-hidden>→</span>
                                    <span>{v.roleKind}</span>
                                    <span className="font-mono font-medium text-zinc-900">{v.role}</span>
                                    {v.builtIn && <BuiltInBadge />}
                                  </span>
                                </th>
                              </tr>
                              {group.map((g) => (
                                <tr key={`${g.ruleIndex}/${g.ruleSource ?? ""}`} className={t.tr}>
                                  <td className={`${t.td} max-w-[22rem] font-mono text-xs text-zinc-800`}>{resourcesText(g)}</td>
                                  <td className={`${t.td} max-w-[14rem] font-mono text-xs text-zinc-800`}>{g.rule.verbs.join(", ")}</td>
                                  <td className={`${t.td} hidden font-mono text-xs text-zinc-600 sm:table-cell`}>{g.rule.resourceNames.length ? g.rule.resourceNames.join(", ") : <span className="font-sans text-zinc-500">any</span>}</td>
                                  <td className={`${t.td} whitespace-nowrap text-xs text-zinc-600`}>{scopeText(g.scope)}</td>
                                </tr>
                              ))}
                            </tbody>
                          );
                        })}
                      </table>
                    </div>
                  </Section>
                </>
              )}
            </div>
          );
        })}
      </div>
    </>
  );
}

function groupByBinding(vias: readonly GrantVia[]): GrantVia[][] {
  const groups = new Map<string, GrantVia[]>();
  for (const v of vias) {
    const k = `${v.viaGroup ? "1" : "0"}${v.builtIn ? "1" : "0"}/${v.bindingKind}/${v.bindingNamespace ?? ""}/${v.binding}/${v.viaGroup ?? ""}`;
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  // The subject's own bindings first, then those of its groups; built-in last within each.
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, g]) => g.sort((x, y) => x.ruleIndex - y.ruleIndex));
}

/** "secrets, configmaps" with the group when it is not core; URLs for non-resource rules. */
function resourcesText(v: GrantVia): string {
  const r = v.rule;
  if (r.nonResourceURLs.length) return r.nonResourceURLs.join(", ");
  const groups = r.apiGroups.map((g) => (g === "" ? "core" : g === "*" ? "any group" : g));
  return `${r.resources.join(", ")}${groups.length === 1 && groups[0] === "core" ? "" : ` (${groups.join(", ")})`}`;
}
