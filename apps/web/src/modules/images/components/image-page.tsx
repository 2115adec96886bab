// /images/[id]: one image. Its open vulnerabilities first (worst, fixable first, with the fixed
// versions and exception state), where the data comes from (and whether it is stale or matched by
// tag only), open CVEs over 90 days, then every workload that runs or ran it.
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { imageDetail, imageFilterChoices } from "@bulwark/db";
import { STALE_REPORT_DAYS, type VulnSeverity } from "@bulwark/rules";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { cn } from "@/modules/ui/cn";
import { plural } from "@/modules/ui/format";
import { vulnerabilitiesHref } from "../images.schemas";
import { CveTable } from "./cve-table";
import { ImageTrendChart } from "./image-trend-chart";
import { ImportDialog } from "./import-dialog";
import { HowToGetData, SEVERITY_LABEL, imageName } from "./vuln-bits";

// Severity words on white at AA contrast (the badge palette's orange and amber are for tinted chips).
const SEVERITY_TEXT: Record<VulnSeverity, string> = { critical: "text-red-700", high: "text-orange-700", medium: "text-amber-800", low: "text-sky-700", unknown: "text-slate-600" };

const SOURCE_LABEL: Record<string, string> = {
  "trivy-operator": "Trivy Operator's VulnerabilityReport",
  "policy-report": "a PolicyReport",
  trivy: "an imported Trivy report",
  grype: "an imported Grype report",
  cyclonedx: "an imported CycloneDX document",
};
const MATCH_LABEL: Record<string, string> = {
  producer: "attached by the scanner to the workload",
  digest: "matched by digest",
  tag: "matched by repository and tag only (lower confidence: the tag may point at another build now)",
};

/** One read per request for the page and its title. */
export const imageOf = cache((orgId: string, imageId: string) => imageDetail({ orgId, imageId }));

export async function ImagePage({ ctx, imageId }: { ctx: TOrgContext; imageId: string }) {
  const [d, { clusters }] = await Promise.all([imageOf(ctx.orgId, imageId), imageFilterChoices({ orgId: ctx.orgId })]);
  if (!d) notFound();
  const { image } = d;
  const name = imageName(image);
  const repository = `${image.registry}/${image.repository}`;
  const canImport = can(ctx.role, "vulns:import");
  const canExcept = can(ctx.role, "cve-exception:manage");
  const clusterChoices = clusters.map((c) => ({ id: c.id, name: c.name }));
  const running = d.uses.filter((u) => !u.goneAt);
  const stale = d.reports.filter((r) => r.stale);
  const trendHas = d.trend.some((r) => r.critical + r.high + r.other > 0);
  // The chart starts the day before the first open CVE (at least two weeks shown), not 90 empty days.
  const firstDay = d.trend.findIndex((r) => r.critical + r.high + r.other > 0);
  const trend = d.trend.slice(Math.max(0, Math.min(firstDay - 1, d.trend.length - 14)));
  const open = (["critical", "high", "medium", "low", "unknown"] as VulnSeverity[]).filter((s) => s !== "unknown" || d.counts.unknown.total > 0).map((s) => ({ s, ...d.counts[s] }));

  return (
    <>
      <PageHeader
        wrap
        eyebrow={<><Link href="/images" className="hover:text-zinc-900">Images</Link> <span aria-hidden>/</span> <Link href={`/images?registry=${encodeURIComponent(image.registry)}`} className="hover:text-zinc-900">{image.registry}</Link></>}
        title={<span className="font-mono">{name}</span>}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {`${repository}${image.tag ? `:${image.tag}` : ""}` !== name && <span className="break-all font-mono text-xs">{repository}{image.tag ? `:${image.tag}` : ""}</span>}
            {image.digest ? <span className="break-all font-mono text-xs" title="Digest">{image.digest}</span> : <span className="text-xs">digest unknown (no pod reported it)</span>}
          </span>
        }
        actions={canImport ? <ImportDialog /> : undefined}
      />
      <div className="space-y-6">
        <section aria-label="Open vulnerabilities by severity" className={cn("grid grid-cols-2 gap-3", open.length > 4 ? "sm:grid-cols-5" : "sm:grid-cols-4")}>
          {open.map(({ s, total, fixable }) => (
            <div key={s} className="rounded-lg border border-zinc-200 bg-white px-3 py-2.5 shadow-xs">
              <div className={cn("text-xs font-medium", SEVERITY_TEXT[s])}>{SEVERITY_LABEL[s]}</div>
              <div className="mt-0.5 text-xl font-semibold tabular-nums text-zinc-900">{total}</div>
              <div className="text-xs text-zinc-500">{total === 0 ? "none open" : fixable === total ? "all fixable" : fixable === 0 ? "no fix yet" : `${fixable} fixable`}</div>
            </div>
          ))}
        </section>

        {d.reports.length > 0 && (
          <div className="space-y-2">
            {stale.length > 0 && (
              <Callout tone="warning" title="Stale vulnerability data">
                The newest report is older than {STALE_REPORT_DAYS} days ({stale.map((r) => (r.reportedAt ? r.reportedAt.slice(0, 10) : "undated")).join(", ")}). Its CVEs are listed but do not raise risks; rescan the image (Trivy Operator rescans on its own schedule, or push a new report from CI).
              </Callout>
            )}
            <p className="text-sm text-zinc-600">
              From{" "}
              {d.reports.map((r, i) => (
                <span key={i}>
                  {i > 0 && "; "}
                  {SOURCE_LABEL[r.source] ?? r.source}
                  {r.scanner && r.scanner.toLowerCase() !== r.source.toLowerCase() ? ` (${r.scanner})` : ""}
                  {r.reportedAt && <>, scanned <Time date={r.reportedAt} /></>}
                  {r.match && `, ${MATCH_LABEL[r.match] ?? r.match}`}
                  {r.from === "import" && d.cves.some((c) => c.from === "import") && ". Not judged by a scan yet: workloads show these CVEs after their next scan"}
                </span>
              ))}
              .
            </p>
          </div>
        )}

        <Section
          id="vulnerabilities"
          title={<>Vulnerabilities <span className="font-normal tabular-nums text-zinc-500">({d.cves.length})</span></>}
          description="Worst first, fixable before unfixable; excepted ones last and not counted."
          actions={d.cves.length > 0 ? <Link href={vulnerabilitiesHref({ image: image.id })} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">In the fleet list</Link> : undefined}
          bodyClassName="p-0"
        >
          {d.cves.length === 0 ? (
            d.reports.length === 0 ? (
              <div className="px-4 py-4 text-sm text-zinc-600">
                No vulnerability data for this image yet.
                <HowToGetData canImport={canImport} />
              </div>
            ) : (
              <p className="px-4 py-4 text-sm text-zinc-600">The latest report lists no vulnerabilities.</p>
            )
          ) : (
            <CveTable rows={d.cves} caption={`Vulnerabilities of ${name}`} showWorkloads {...(canExcept ? { except: { repository, clusters: clusterChoices } } : {})} />
          )}
        </Section>

        <Section id="trend" title="Open vulnerabilities over time" description="Per day over the last 90 days at most: from when a scan first saw each CVE in a running workload until it was resolved (patched, replaced or excepted).">
          {trendHas ? (
            <>
              <ImageTrendChart rows={trend} label={`Open CVEs of ${name} per day since ${trend[0]?.day ?? ""}, by severity`} />
              <details className="mt-2 text-xs text-zinc-600">
                <summary className="cursor-pointer">The same numbers as a table</summary>
                <div className="mt-2 max-h-64 overflow-y-auto">
                  <table className={t.table}>
                    <caption className="sr-only">Open CVEs per day</caption>
                    <thead className={t.thead}><tr><th scope="col" className={t.th}>Day (UTC)</th><th scope="col" className={`${t.th} text-right`}>Critical</th><th scope="col" className={`${t.th} text-right`}>High</th><th scope="col" className={`${t.th} text-right`}>Medium and lower</th></tr></thead>
                    <tbody>
                      {trend.filter((r) => r.critical + r.high + r.other > 0).map((r) => (
                        <tr key={r.day} className={t.tr}><td className={`${t.td} py-1 font-mono`}>{r.day}</td><td className={`${t.td} py-1 text-right tabular-nums`}>{r.critical}</td><td className={`${t.td} py-1 text-right tabular-nums`}>{r.high}</td><td className={`${t.td} py-1 text-right tabular-nums`}>{r.other}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          ) : (
            <p className="text-sm text-zinc-500">No history yet: it starts with the first scan that judges this image&apos;s vulnerabilities.</p>
          )}
        </Section>

        <Section id="uses" title={<>Where it runs <span className="font-normal tabular-nums text-zinc-500">({plural(running.length, "container")})</span></>} description="Workloads (their top controller) whose pod template names this image; the ones no longer seen last." bodyClassName="p-0">
          {d.uses.length === 0 ? (
            <EmptyState title="Not running anywhere" description="No scanned workload runs this image now." />
          ) : (
            <div className={t.wrap}>
              <table className={t.table} data-testid="uses-table">
                <caption className="sr-only">Workloads running {name}</caption>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Workload</th>
                    <th scope="col" className={t.th}>Container</th>
                    <th scope="col" className={`${t.th} hidden md:table-cell`}>Reference</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Pull policy</th>
                    <th scope="col" className={`${t.th} hidden lg:table-cell`}>First seen</th>
                    <th scope="col" className={t.th}>Last seen</th>
                  </tr>
                </thead>
                <tbody>
                  {d.uses.map((u) => (
                    <tr key={u.id} className={cn(t.tr, "align-top", u.goneAt && "text-zinc-500")}>
                      <td className={`${t.td} min-w-0`}>
                        <div className="text-xs text-zinc-500">{u.clusterName} · {u.kind}</div>
                        <div className="max-w-[18rem] truncate font-mono text-xs font-medium text-zinc-900" title={`${u.namespace}/${u.name}`}>{u.namespace ? `${u.namespace}/` : ""}{u.name}</div>
                        {u.findingId && <Link href={`/findings/${u.findingId}`} className="text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">Its finding</Link>}
                      </td>
                      <td className={`${t.td} font-mono text-xs`}>{u.container}{u.containerType !== "container" && <span className="ml-1 font-sans text-zinc-500">({u.containerType === "initContainer" ? "init" : "ephemeral"})</span>}</td>
                      <td className={`${t.td} hidden max-w-[16rem] break-all font-mono text-xs md:table-cell`}>
                        {u.reference}
                        {u.mutableTag && <div className="font-sans text-amber-800">mutable tag</div>}
                        {u.registryAllowed === false && <div className="font-sans font-medium text-red-700">registry not allowed</div>}
                      </td>
                      <td className={`${t.td} hidden text-xs sm:table-cell`}>{u.pullPolicy ?? <span className="text-zinc-500">default</span>}</td>
                      <td className={`${t.td} hidden text-xs lg:table-cell`}><Time date={u.firstSeenAt} /></td>
                      <td className={`${t.td} text-xs`}>{u.goneAt ? <>gone <Time date={u.goneAt} /></> : <Time date={u.lastSeenAt} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>

        {d.imports.length > 0 && (
          <Section id="imports" title="Imported reports" description="Documents uploaded or pushed from CI that name this image, newest first." bodyClassName="p-0">
            <ul className="divide-y divide-zinc-100 text-sm">
              {d.imports.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                  <span><span className="font-medium text-zinc-900">{i.format}</span>{i.scanner ? <span className="text-zinc-500"> · {i.scanner}</span> : null} · {plural(i.vulnCount, "vulnerability", "vulnerabilities")} · {i.match === "digest" ? "by digest" : "by tag (lower confidence)"}</span>
                  <span className="text-xs text-zinc-500">scanned <Time date={i.scannedAt} />, imported <Time date={i.createdAt} /></span>
                </li>
              ))}
            </ul>
          </Section>
        )}
      </div>
    </>
  );
}
