// /access/changes: grants added and removed between scans, newest first, with the scan that saw
// the change; filters (cluster, change, subject) live in the URL through a plain GET form.
import Link from "next/link";
import { History } from "lucide-react";
import type { TOrgContext } from "@/modules/auth/server/session";
import { buttonClass } from "@/modules/ui/components/button";
import { Input, Select } from "@/modules/ui/components/form";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { cn } from "@/modules/ui/cn";
import { ACCESS_CHANGES, SUBJECT_KINDS, ZChangesInput, changesHref, changesSubject } from "../access.schemas";
import { accessChanges } from "../server/access-ops";
import { clusterOr404, formChoices, type TSearch } from "../server/queries";
import { AccessNav } from "./access-nav";
import { BuiltInBadge, SubjectLink, ViaPath } from "./access-badges";

const label = "block text-xs font-medium text-zinc-600";
const cell = "space-y-1 sm:w-44";
const STYLE = {
  added: { label: "Added", badge: "bg-green-50 text-green-800 ring-green-200" },
  removed: { label: "Removed", badge: "bg-zinc-100 text-zinc-700 ring-zinc-300" },
} as const;

export async function AccessChangesPage({ ctx, search }: { ctx: TOrgContext; search: TSearch }) {
  const parsed = ZChangesInput.safeParse(search);
  const input = parsed.success ? parsed.data : {};
  await clusterOr404(ctx.orgId, input.cluster);
  const [page, choices] = await Promise.all([accessChanges(ctx.orgId, input), formChoices(ctx.orgId)]);
  const subject = changesSubject(input);
  const filtered = Boolean(input.cluster || input.change || input.kind || input.name || input.since);
  const { cursor: _cursor, ...keep } = input;
  return (
    <>
      <PageHeader title="Access changes" description="Grants added and removed between scans (and live updates), newest first, with the scan that saw each. The first scan of a cluster is its baseline and records no change." />
      <AccessNav current="/access/changes" />
      <div className="space-y-6">
        <form method="get" action="/access/changes" aria-label="Filter access changes" className="grid grid-cols-2 items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs sm:flex sm:flex-wrap">
          <div className={cell}>
            <label htmlFor="ac-cluster" className={label}>Cluster</label>
            <Select id="ac-cluster" name="cluster" defaultValue={input.cluster ?? ""}>
              <option value="">All clusters</option>
              {choices.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </Select>
          </div>
          <div className={cell}>
            <label htmlFor="ac-change" className={label}>Change</label>
            <Select id="ac-change" name="change" defaultValue={input.change ?? ""}>
              <option value="">Any</option>
              {ACCESS_CHANGES.map((c) => <option key={c} value={c}>{STYLE[c].label}</option>)}
            </Select>
          </div>
          <div className={cell}>
            <label htmlFor="ac-kind" className={label}>Subject kind</label>
            <Select id="ac-kind" name="kind" defaultValue={input.kind ?? ""}>
              <option value="">Any subject</option>
              {SUBJECT_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
            </Select>
          </div>
          <div className={cell}>
            <label htmlFor="ac-namespace" className={label} title="For service accounts">SA namespace</label>
            <Input id="ac-namespace" name="namespace" defaultValue={input.namespace ?? ""} autoComplete="off" spellCheck={false} />
          </div>
          <div className="col-span-2 space-y-1 sm:w-auto sm:min-w-[12rem] sm:flex-1">
            <label htmlFor="ac-name" className={label}>Subject name</label>
            <Input id="ac-name" name="name" defaultValue={input.name ?? ""} placeholder="e.g. alice@example.com" autoComplete="off" spellCheck={false} />
          </div>
          {input.since && <input type="hidden" name="since" value={input.since.toISOString()} />}
          <div className="col-span-2 flex items-center gap-2">
            <button type="submit" className={buttonClass("primary", "md")}>Apply</button>
            {filtered && <Link href="/access/changes" className={buttonClass("ghost", "md")}>Clear</Link>}
          </div>
        </form>
        {!parsed.success && <Callout tone="warning">Some filters were not understood and are ignored.</Callout>}
        {(input.kind || input.name) && !subject && <Callout tone="info">A subject filter needs both a kind and a name.</Callout>}
        {input.since && <p className="text-sm text-zinc-600">Since <Time date={input.since} /> ({input.since.toISOString().slice(0, 16).replace("T", " ")} UTC).</p>}

        <Section bodyClassName="p-0">
          {page.items.length === 0 ? (
            <EmptyState
              icon={<History className="size-5" aria-hidden />}
              title={filtered ? "No access change matches" : "No access change yet"}
              description={filtered ? "Clear a filter to see more." : choices.clusters.length === 0 ? "Scan a cluster to build its access model; later scans record what changed." : "Changes appear after a cluster's second scan: the first one is the baseline."}
            />
          ) : (
            <div className={t.wrap}>
              <table className={t.table}>
                <caption className="sr-only">Access changes, newest first</caption>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>When</th>
                    <th scope="col" className={t.th}>Change</th>
                    <th scope="col" className={t.th}>Subject</th>
                    <th scope="col" className={`${t.th} hidden md:table-cell`}>Grant</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Cluster</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((c) => (
                    <tr key={c.id} className={`${t.tr} align-top`}>
                      <td className={`${t.td} whitespace-nowrap text-xs text-zinc-600`}>
                        <Time date={c.at} />
                        {c.scanId && <div><Link href={`/scans/${c.scanId}`} className="text-indigo-700 underline-offset-4 hover:underline">scan</Link></div>}
                      </td>
                      <td className={t.td}><span className={cn("inline-flex rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", STYLE[c.change].badge)}>{STYLE[c.change].label}</span></td>
                      <td className={`${t.td} max-w-[14rem]`}>
                        <SubjectLink subject={c.subject} />
                        <div className="mt-1 md:hidden"><ViaPath via={c.via} /></div>
                        <div className="mt-0.5 text-xs text-zinc-500 sm:hidden">{c.clusterName}</div>
                      </td>
                      <td className={`${t.td} hidden min-w-0 md:table-cell`}>
                        <div className="flex flex-wrap items-baseline gap-1.5"><ViaPath via={c.via} />{c.via.builtIn && <BuiltInBadge />}</div>
                      </td>
                      <td className={`${t.td} hidden whitespace-nowrap text-xs text-zinc-700 sm:table-cell`}>{c.clusterName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {page.nextCursor && (
                <div className="border-t border-zinc-100 px-4 py-2">
                  <Link href={changesHref({ ...keep, cursor: page.nextCursor })} className={buttonClass("secondary", "sm")}>Older changes</Link>
                </div>
              )}
            </div>
          )}
        </Section>
      </div>
    </>
  );
}
