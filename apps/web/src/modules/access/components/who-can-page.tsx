// /access/who-can: the question, then the subjects whose grants allow it, grouped by cluster, each
// with every path that allows it (binding -> role -> rule, scope) and a link to what else it can do.
import Link from "next/link";
import { Search } from "lucide-react";
import { parseResource, type WhoCanSubject } from "@bulwark/rules";
import { whoCanQuery } from "@bulwark/db";
import { fieldErrorsOf } from "@/modules/auth/server/with-org";
import type { TOrgContext } from "@/modules/auth/server/session";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { ZWhoCanInput, subjectHref, toAccessQuery, whoCanHref, type TWhoCanInput } from "../access.schemas";
import { clusterOr404, formChoices, type TSearch } from "../server/queries";
import { AccessNav } from "./access-nav";
import { BuiltInBadge, SubjectLink, ViaPath } from "./access-badges";
import { WhoCanForm, type TWhoCanFormValues } from "./who-can-form";

/** Subjects shown per cluster before "show all" (a wildcard question can list hundreds). */
const SHOWN = 200;

export async function WhoCanPage({ ctx, search }: { ctx: TOrgContext; search: TSearch }) {
  const asked = Boolean(search.verb || search.resource);
  const parsed = ZWhoCanInput.safeParse(search);
  const input = parsed.success ? parsed.data : undefined;
  if (input?.cluster) await clusterOr404(ctx.orgId, input.cluster);
  const choices = await formChoices(ctx.orgId);
  const values: TWhoCanFormValues = input ?? { verb: str(search.verb), resource: str(search.resource), namespace: str(search.namespace), cluster: str(search.cluster), name: str(search.name) };
  const header = (
    <PageHeader
      title="Who can"
      description="Subjects whose RBAC grants allow a request, decided as the Kubernetes API server's RBAC authorizer decides it, with the path that grants it. Groups are listed as bound; their members are not known to the cluster."
    />
  );
  const form = (
    <Section>
      <WhoCanForm values={values} clusters={choices.clusters} namespaces={choices.namespaces} errors={asked && !parsed.success ? fieldErrorsOf(parsed.error) : {}} />
    </Section>
  );
  if (!input) {
    return (
      <>
        {header}
        <AccessNav current="/access/who-can" />
        <div className="space-y-6">
          {form}
          {!asked && (
            <Section>
              <EmptyState icon={<Search className="size-5" aria-hidden />} title="Ask who can do something" description="For example: who can get secrets in a namespace, create pods/exec, or escalate clusterroles.rbac.authorization.k8s.io cluster-wide.">
                <Link href={whoCanHref({ verb: "get", resource: "secrets" })} className="text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">Who can read secrets?</Link>
                <Link href={whoCanHref({ verb: "create", resource: "pods/exec" })} className="text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">Who can exec into pods?</Link>
                <Link href={whoCanHref({ verb: "*", resource: "*" })} className="text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">Who can do anything?</Link>
              </EmptyState>
            </Section>
          )}
        </div>
      </>
    );
  }

  const query = toAccessQuery(input);
  const started = performance.now();
  const answer = await whoCanQuery({ orgId: ctx.orgId, query, ...(input.cluster ? { clusterId: input.cluster } : {}), includeBuiltIn: !input.hideBuiltIn });
  const ms = performance.now() - started;
  const total = answer.clusters.reduce((n, c) => n + c.subjects.length, 0);
  const showAll = search.all === "1";

  return (
    <>
      {header}
      <AccessNav current="/access/who-can" />
      <div className="space-y-6">
        {form}
        <p className="text-sm text-zinc-700" id="who-can-question">
          <span className="font-medium text-zinc-900">{questionText(input)}</span>
          <span className="text-zinc-500"> — {total === 1 ? "1 subject" : `${total} subjects`} in {answer.clusters.length === 1 ? "1 cluster" : `${answer.clusters.length} clusters`}{input.hideBuiltIn ? ", built-in bindings hidden" : ""} · answered in {ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms</span>
        </p>
        {answer.clusters.length === 0 && <Callout tone="info" title="No access model yet">Scan a cluster to build its access model; the answer then covers it.</Callout>}
        {answer.clusters.map((c) => (
          <Section
            key={c.clusterId}
            id={`cluster-${c.clusterId}`}
            title={c.clusterName}
            description={<>{c.subjects.length === 1 ? "1 subject" : `${c.subjects.length} subjects`} · access model built <Time date={c.builtAt} /></>}
            bodyClassName="p-0"
          >
            {c.subjects.length === 0 ? (
              <p className="px-4 py-5 text-sm text-zinc-500">Nobody{input.hideBuiltIn ? " outside Kubernetes' own bindings" : ""} can do this in {c.clusterName}.</p>
            ) : (
              <div className={t.wrap}>
                <table className={t.table}>
                  <caption className="sr-only">{questionText(input)} In {c.clusterName}</caption>
                  <thead className={t.thead}>
                    <tr>
                      <th scope="col" className={t.th}>Subject</th>
                      <th scope="col" className={`${t.th} hidden sm:table-cell`}>How: binding → role → rule</th>
                      <th scope="col" className={`${t.th} hidden sm:table-cell`}><span className="sr-only">What else</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {(showAll ? c.subjects : c.subjects.slice(0, SHOWN)).map((s) => (
                      <tr key={`${s.kind}/${s.namespace ?? ""}/${s.name}`} className={`${t.tr} align-top`} data-testid="who-can-row">
                        <td className={`${t.td} align-top sm:max-w-[16rem]`}>
                          <SubjectLink subject={s} />
                          {s.via.every((v) => v.builtIn) && <div className="mt-1"><BuiltInBadge /></div>}
                          {/* On a phone the paths fold under the subject. */}
                          <div className="mt-1.5 sm:hidden"><Vias vias={s.via} /></div>
                          <Link href={subjectHref(s)} className="mt-1 inline-block text-xs text-indigo-700 underline-offset-4 hover:underline sm:hidden">What can it do?</Link>
                        </td>
                        <td className={`${t.td} hidden align-top sm:table-cell`}><Vias vias={s.via} /></td>
                        <td className={`${t.td} hidden whitespace-nowrap text-right align-top sm:table-cell`}>
                          <Link href={subjectHref(s)} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">What can it do?</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {!showAll && c.subjects.length > SHOWN && (
                  <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
                    {SHOWN} of {c.subjects.length} shown. <Link href={`${whoCanHref({ ...input })}&all=1`} className="text-indigo-700 hover:underline">Show all</Link>
                  </p>
                )}
              </div>
            )}
          </Section>
        ))}
      </div>
    </>
  );
}

function Vias({ vias }: { vias: WhoCanSubject["via"] }) {
  const allBuiltIn = vias.every((x) => x.builtIn);
  return (
    <ul className="space-y-1">
      {vias.map((v, i) => (
        <li key={i} className="flex flex-wrap items-baseline gap-1.5">
          <ViaPath via={v} />
          {v.builtIn && !allBuiltIn && <BuiltInBadge />}
        </li>
      ))}
    </ul>
  );
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** "get secrets (core group) in namespace shop", "get /metrics", "create pods/exec cluster-wide". */
export function questionText(i: Pick<TWhoCanInput, "verb" | "resource" | "namespace" | "name">): string {
  if (i.resource.startsWith("/")) return `${i.verb} ${i.resource} (a non-resource URL)`;
  let what = i.resource;
  try {
    const r = parseResource(i.resource);
    what = `${r.resource}${r.subresource ? `/${r.subresource}` : ""} (${r.group ? `group ${r.group}` : "core group"})`;
  } catch {
    // an unparsable resource is shown as typed
  }
  return `Who can ${i.verb} ${what}${i.name ? ` named ${i.name}` : ""} ${i.namespace ? `in namespace ${i.namespace}` : "cluster-wide"}?`;
}
