// /vulnerabilities: the fleet's open CVEs, one row each, worst first (critical, fixable, most
// workloads), with the images, workloads and clusters each reaches and its fixed versions; admins
// except a CVE from its row. Below, the organization's CVE exceptions, revocable.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { getCluster, imageDetail, imageFilterChoices, listCveExceptions, vulnDataPresence } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { SeverityBadge } from "@/modules/ui/components/badge";
import { buttonClass } from "@/modules/ui/components/button";
import { Input, Select } from "@/modules/ui/components/form";
import { EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { plural } from "@/modules/ui/format";
import { JUSTIFICATION_LABEL, STATE_LABEL, ZVulnerabilitiesInput, vulnerabilitiesHref, type TVulnerabilitiesInput } from "../images.schemas";
import { queryVulnerabilities } from "../server/image-ops";
import { CveExceptionButton, RevokeCveExceptionButton } from "./cve-exception-dialog";
import { ImportDialog } from "./import-dialog";
import { HowToGetData, ImagesNav, imageName, sevOf } from "./vuln-bits";

type TSearch = Record<string, string | string[] | undefined>;

export async function VulnerabilitiesPage({ ctx, search }: { ctx: TOrgContext; search: TSearch }) {
  const parsed = ZVulnerabilitiesInput.safeParse(search);
  const input: TVulnerabilitiesInput = parsed.success ? parsed.data : { fixable: false };
  const [cluster, image] = await Promise.all([
    input.cluster ? getCluster({ orgId: ctx.orgId, clusterId: input.cluster }) : Promise.resolve(true),
    input.image ? imageDetail({ orgId: ctx.orgId, imageId: input.image }) : Promise.resolve(null),
  ]);
  if (!cluster || (input.image && !image)) notFound();
  const [page, choices, exceptions, presence] = await Promise.all([
    queryVulnerabilities(ctx.orgId, input),
    imageFilterChoices({ orgId: ctx.orgId }),
    listCveExceptions({ orgId: ctx.orgId }),
    vulnDataPresence({ orgId: ctx.orgId }),
  ]);
  const canExcept = can(ctx.role, "cve-exception:manage");
  const canImport = can(ctx.role, "vulns:import");
  const filters = { cluster: input.cluster, image: input.image, severity: input.severity, fixable: input.fixable, q: input.q };
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== false);
  const active = exceptions.filter((e) => e.active);

  return (
    <>
      <PageHeader
        title="Vulnerabilities"
        description="Open CVEs across your running images, one row per CVE, worst first. Excepted CVEs are not listed here; their exceptions are below."
        actions={canImport ? <ImportDialog /> : undefined}
      />
      <ImagesNav current="/vulnerabilities" />
      <div className="space-y-4">
        <form method="get" action="/vulnerabilities" aria-label="Filter vulnerabilities" className="flex flex-wrap items-end gap-2 text-sm">
          {input.image && <input type="hidden" name="image" value={input.image} />}
          <div className="w-full sm:w-64">
            <label htmlFor="vulns-q" className="mb-1 block text-xs text-zinc-500">Search</label>
            <Input id="vulns-q" name="q" defaultValue={input.q ?? ""} placeholder="CVE id or package" />
          </div>
          {choices.clusters.length > 1 && (
            <div className="w-40">
              <label htmlFor="vulns-cluster" className="mb-1 block text-xs text-zinc-500">Cluster</label>
              <Select id="vulns-cluster" name="cluster" defaultValue={input.cluster ?? ""}>
                <option value="">All clusters</option>
                {choices.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </Select>
            </div>
          )}
          <div className="w-44">
            <label htmlFor="vulns-severity" className="mb-1 block text-xs text-zinc-500">Severity</label>
            <Select id="vulns-severity" name="severity" defaultValue={input.severity ?? ""}>
              <option value="">Any</option>
              <option value="critical">Critical</option>
              <option value="high">High and above</option>
              <option value="medium">Medium and above</option>
              <option value="low">Low and above</option>
            </Select>
          </div>
          <label className="flex items-center gap-1.5 pb-1.5 text-zinc-700"><input type="checkbox" name="fixable" value="1" defaultChecked={input.fixable} className="size-4 rounded border-zinc-300" /> Fixable only</label>
          <div className="flex gap-2 pb-0.5">
            <button type="submit" className={buttonClass("secondary", "sm")}>Apply</button>
            {filtered && <Link href="/vulnerabilities" className={buttonClass("ghost", "sm")}>Clear</Link>}
          </div>
        </form>
        {image && (
          <p className="text-sm text-zinc-600">
            Only CVEs of <Link href={`/images/${image.image.id}`} className="font-mono text-xs font-medium text-zinc-900 underline-offset-4 hover:underline">{imageName(image.image)}</Link>.
          </p>
        )}

        {page.items.length === 0 ? (
          <Section>
            {!presence.judged ? (
              <EmptyState icon={<ShieldCheck className="size-5" aria-hidden />} title="No vulnerabilities judged yet" description="Scans list the CVEs of the images your workloads run once there is vulnerability data:">
                <div className="max-w-xl"><HowToGetData canImport={canImport} /></div>
              </EmptyState>
            ) : (
              <EmptyState icon={<ShieldCheck className="size-5" aria-hidden />} title={filtered ? "No open CVE matches these filters" : "No open CVEs"} description={filtered ? "Clear a filter to see more." : "Every CVE the last scans saw is patched or excepted."} />
            )}
          </Section>
        ) : (
          <Section bodyClassName="p-0">
            <div className={t.wrap}>
              <table className={t.table} data-testid="vulns-table">
                <caption className="sr-only">Open vulnerabilities, worst first</caption>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Vulnerability</th>
                    <th scope="col" className={t.th}>Severity</th>
                    <th scope="col" className={`${t.th} hidden md:table-cell`}>Packages</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Fixed in</th>
                    <th scope="col" className={`${t.th} hidden text-right sm:table-cell`}>Workloads</th>
                    <th scope="col" className={`${t.th} hidden text-right 2xl:table-cell`}>Clusters</th>
                    <th scope="col" className={`${t.th} hidden 2xl:table-cell`}>First seen</th>
                    <th scope="col" className={t.th}><span className="sr-only">Exception</span></th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((v) => (
                    <tr key={v.cve} className={`${t.tr} align-top`} data-testid="vuln-row">
                      <td className={`${t.td} whitespace-nowrap font-mono text-xs font-medium text-zinc-900`}>
                        {v.cve}
                        <div className="mt-0.5 max-w-[16rem] truncate font-sans font-normal">
                          {v.image && v.imageId ? (
                            <Link href={`/images/${v.imageId}`} className="text-indigo-700 underline-offset-4 hover:underline" title={`${v.image.registry}/${v.image.repository}${v.image.tag ? `:${v.image.tag}` : ""}`}>in {imageName(v.image)}</Link>
                          ) : (
                            <span className="text-zinc-600">in {plural(v.images, "image")}{v.clusters > 1 ? `, ${plural(v.clusters, "cluster")}` : ""}</span>
                          )}
                        </div>
                        {v.exceptions.length > 0 && <div className="mt-0.5 font-sans font-normal text-violet-700">{v.exceptions.some((e) => e.scoped) ? "excepted in some places" : "excepted"}</div>}
                      </td>
                      <td className={t.td}><SeverityBadge severity={sevOf(v.severity)} /></td>
                      <td className={`${t.td} hidden max-w-[14rem] break-words font-mono text-xs text-zinc-700 md:table-cell`}>{v.packages.join(", ")}</td>
                      <td className={`${t.td} hidden min-w-[9rem] max-w-[14rem] break-words font-mono text-xs sm:table-cell`}>{v.fixable ? <span className="text-green-800">{v.fixedVersions.flatMap((f) => f.split(/,\s*/)).map((f, n) => <span key={n} className="whitespace-nowrap">{n > 0 && ", "}{f}</span>)}</span> : <span className="font-sans text-zinc-500">no fix yet</span>}</td>
                      <td className={`${t.td} hidden text-right tabular-nums sm:table-cell`}>{v.workloads}</td>
                      <td className={`${t.td} hidden text-right tabular-nums 2xl:table-cell`}>{v.clusters}</td>
                      <td className={`${t.td} hidden whitespace-nowrap text-xs text-zinc-600 2xl:table-cell`}><Time date={v.firstSeenAt} /></td>
                      <td className={`${t.td} text-right`}>{canExcept && <CveExceptionButton cve={v.cve} clusters={choices.clusters} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="flex items-center justify-between gap-2 border-t border-zinc-100 px-4 py-2.5 text-xs text-zinc-500">
              <span>{plural(page.total, "open CVE")}</span>
              <span className="flex gap-2">
                {input.cursor && <Link href={vulnerabilitiesHref(filters)} className={buttonClass("secondary", "sm")}>First page</Link>}
                {page.nextCursor && <Link href={vulnerabilitiesHref({ ...filters, cursor: page.nextCursor })} className={buttonClass("secondary", "sm")}>Next page</Link>}
              </span>
            </div>
          </Section>
        )}

        <Section
          id="exceptions"
          title={<>CVE exceptions <span className="font-normal tabular-nums text-zinc-500">({active.length})</span></>}
          description={canExcept ? "Decisions about CVEs (VEX-style). Scans list an excepted CVE on its finding but never count it; revoking counts it again from the next scan." : "Decisions about CVEs (VEX-style); admins and owners make and revoke them."}
          bodyClassName="p-0"
        >
          {active.length === 0 ? (
            <p className="px-4 py-3 text-sm text-zinc-500">None.{canExcept ? " Use “Except…” on a CVE." : ""}</p>
          ) : (
            <div className={t.wrap}>
              <table className={t.table} data-testid="cve-exceptions-table">
                <caption className="sr-only">Active CVE exceptions</caption>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Vulnerability</th>
                    <th scope="col" className={t.th}>Decision</th>
                    <th scope="col" className={`${t.th} hidden md:table-cell`}>Applies to</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Note</th>
                    <th scope="col" className={t.th}>Expires</th>
                    {canExcept && <th scope="col" className={t.th}><span className="sr-only">Revoke</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {active.map((e) => (
                    <tr key={e.id} className={`${t.tr} align-top`} data-testid="cve-exception-row">
                      <td className={`${t.td} whitespace-nowrap font-mono text-xs font-medium text-zinc-900`}>{e.cve}</td>
                      <td className={`${t.td} text-xs`}>
                        <span className="font-medium text-violet-700">{STATE_LABEL[e.state]}</span>
                        {e.justification && <div className="text-zinc-600">{JUSTIFICATION_LABEL[e.justification as keyof typeof JUSTIFICATION_LABEL] ?? e.justification}</div>}
                      </td>
                      <td className={`${t.td} hidden text-xs text-zinc-700 md:table-cell`}>
                        {[e.repository, e.clusterName && `cluster ${e.clusterName}`, e.namespace && `namespace ${e.namespace}`].filter(Boolean).join(", ") || "everywhere"}
                      </td>
                      <td className={`${t.td} hidden max-w-[20rem] text-xs text-zinc-700 sm:table-cell`}>
                        <p className="line-clamp-3 whitespace-pre-line" title={e.note}>{e.note}</p>
                        <div className="mt-0.5 text-zinc-500">{e.createdBy ? (e.createdBy.name ?? e.createdBy.email) : "a former member"}, <Time date={e.createdAt} /></div>
                      </td>
                      <td className={`${t.td} whitespace-nowrap text-xs`}>{e.expiresAt ? e.expiresAt.slice(0, 10) : <span className="text-zinc-500">never</span>}</td>
                      {canExcept && <td className={`${t.td} text-right`}><RevokeCveExceptionButton id={e.id} cve={e.cve} /></td>}
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
