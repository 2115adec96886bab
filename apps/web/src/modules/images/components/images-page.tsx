// /images: every image running in the organization's clusters, worst first (open critical CVEs
// with a fix lead), or grouped by registry; filters in the URL (cluster, registry, text, severity,
// fixable, mutable tags, registries outside the allowed list).
import Link from "next/link";
import { notFound } from "next/navigation";
import { Layers } from "lucide-react";
import { getCluster, imageFilterChoices, vulnDataPresence, type TRegistryRow } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { buttonClass } from "@/modules/ui/components/button";
import { Input, Select } from "@/modules/ui/components/form";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { cn } from "@/modules/ui/cn";
import { plural } from "@/modules/ui/format";
import { ZImagesInput, imagesHref, type TImagesInput } from "../images.schemas";
import { queryImages } from "../server/image-ops";
import { ImportDialog } from "./import-dialog";
import { CountChips, HowToGetData, ImagesNav, imageName, shortDigest } from "./vuln-bits";

type TSearch = Record<string, string | string[] | undefined>;

export async function ImagesPage({ ctx, search }: { ctx: TOrgContext; search: TSearch }) {
  const parsed = ZImagesInput.safeParse(search);
  const input: TImagesInput = parsed.success ? parsed.data : { fixable: false, mutable: false, notAllowed: false };
  if (input.cluster && !(await getCluster({ orgId: ctx.orgId, clusterId: input.cluster }))) notFound();
  const [answer, choices, presence] = await Promise.all([queryImages(ctx.orgId, input), imageFilterChoices({ orgId: ctx.orgId }), vulnDataPresence({ orgId: ctx.orgId })]);
  const canImport = can(ctx.role, "vulns:import");
  const filters = { cluster: input.cluster, registry: input.registry, q: input.q, severity: input.severity, fixable: input.fixable, mutable: input.mutable, notAllowed: input.notAllowed };
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== false);
  const byRegistry = answer.view === "registry";
  const multi = choices.clusters.length > 1;

  return (
    <>
      <PageHeader
        title="Images"
        description="Every image running in your clusters: where it comes from, whether it is pinned, and its open vulnerabilities (excepted ones not counted)."
        actions={canImport ? <ImportDialog primary /> : undefined}
      />
      <ImagesNav current="/images" />
      <div className="space-y-4">
        {!presence.judged && presence.imports === 0 && presence.images > 0 && (
          <Callout tone="info" title="No vulnerability data yet">
            <HowToGetData canImport={canImport} />
          </Callout>
        )}
        <form method="get" action="/images" aria-label="Filter images" className="flex flex-wrap items-end gap-2 text-sm">
          {byRegistry && <input type="hidden" name="view" value="registry" />}
          <div className="w-full sm:w-64">
            <label htmlFor="images-q" className="mb-1 block text-xs text-zinc-500">Search</label>
            <Input id="images-q" name="q" defaultValue={input.q ?? ""} placeholder="repository, tag or registry" />
          </div>
          {multi && (
            <div className="w-40">
              <label htmlFor="images-cluster" className="mb-1 block text-xs text-zinc-500">Cluster</label>
              <Select id="images-cluster" name="cluster" defaultValue={input.cluster ?? ""}>
                <option value="">All clusters</option>
                {choices.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </Select>
            </div>
          )}
          <div className="w-40">
            <label htmlFor="images-registry" className="mb-1 block text-xs text-zinc-500">Registry</label>
            <Select id="images-registry" name="registry" defaultValue={input.registry ?? ""}>
              <option value="">All registries</option>
              {choices.registries.map((r) => <option key={r} value={r}>{r}</option>)}
            </Select>
          </div>
          <div className="w-44">
            <label htmlFor="images-severity" className="mb-1 block text-xs text-zinc-500">Vulnerabilities</label>
            <Select id="images-severity" name="severity" defaultValue={input.severity ?? ""}>
              <option value="">Any</option>
              <option value="critical">Has critical</option>
              <option value="high">Has critical or high</option>
            </Select>
          </div>
          <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 pb-1.5">
            <legend className="sr-only">Only</legend>
            <label className="flex items-center gap-1.5 text-zinc-700"><input type="checkbox" name="fixable" value="1" defaultChecked={input.fixable} className="size-4 rounded border-zinc-300" /> Fixable only</label>
            <label className="flex items-center gap-1.5 text-zinc-700"><input type="checkbox" name="mutable" value="1" defaultChecked={input.mutable} className="size-4 rounded border-zinc-300" /> Mutable tags</label>
            <label className="flex items-center gap-1.5 text-zinc-700"><input type="checkbox" name="notAllowed" value="1" defaultChecked={input.notAllowed} className="size-4 rounded border-zinc-300" /> Registry not allowed</label>
          </fieldset>
          <div className="flex gap-2 pb-0.5">
            <button type="submit" className={buttonClass("secondary", "sm")}>Apply</button>
            {filtered && <Link href={imagesHref(byRegistry ? { view: "registry" } : {})} className={buttonClass("ghost", "sm")}>Clear</Link>}
          </div>
        </form>

        <nav aria-label="Group images" className="inline-flex rounded-md bg-zinc-100 p-0.5 text-sm">
          {([["image", "By image"], ["registry", "By registry"]] as const).map(([v, label]) => {
            const active = (v === "registry") === byRegistry;
            return (
              <Link
                key={v}
                aria-current={active ? "page" : undefined}
                href={imagesHref({ ...filters, ...(v === "registry" ? { view: "registry" } : {}) })}
                className={cn("rounded px-3 py-1 font-medium", active ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-900")}
              >
                {label}
                {v === "image" && answer.view === "image" && <span className="ml-1.5 font-normal tabular-nums text-zinc-500">{answer.total}</span>}
                {v === "registry" && answer.view === "registry" && <span className="ml-1.5 font-normal tabular-nums text-zinc-500">{answer.registries.length}</span>}
              </Link>
            );
          })}
        </nav>

        {presence.images === 0 ? (
          <Section>
            <EmptyState icon={<Layers className="size-5" aria-hidden />} title={choices.clusters.length === 0 ? "No clusters yet" : "No images seen yet"} description={choices.clusters.length === 0 ? "Add a cluster: every scan lists the images its workloads run." : "The next scan of your clusters lists the images their workloads run, with where each comes from and whether it is pinned."}>
              <Link href={choices.clusters.length === 0 ? "/clusters/new" : "/clusters"} className={buttonClass("primary", "sm")}>{choices.clusters.length === 0 ? "Add cluster" : "Go to clusters"}</Link>
            </EmptyState>
          </Section>
        ) : answer.view === "registry" ? (
          <RegistryTable rows={answer.registries} filters={filters} />
        ) : answer.items.length === 0 ? (
          <Section><EmptyState title="No image matches these filters" description="Clear a filter to see more."><Link href={imagesHref({})} className={buttonClass("secondary", "sm")}>Clear filters</Link></EmptyState></Section>
        ) : (
          <Section bodyClassName="p-0">
            <p className="border-b border-zinc-100 px-4 py-2 text-xs text-zinc-500">
              An image&apos;s CVEs count once a scan raises a finding for it (a critical CVE, or a high one with a fix; medium too under the strict profile); before that, an import&apos;s counts show. Excepted CVEs never count.
            </p>
            <div className={t.wrap}>
              <table className={t.table} data-testid="images-table">
                <caption className="sr-only">Images, worst first</caption>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Image</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Open vulnerabilities</th>
                    <th scope="col" className={`${t.th} hidden text-right sm:table-cell`}>Workloads</th>
                    <th scope="col" className={`${t.th} hidden md:table-cell`}>Clusters</th>
                    <th scope="col" className={`${t.th} hidden lg:table-cell`}>Referenced</th>
                    {/* On a laptop the table fits without it; each image's page says when it was seen. */}
                    <th scope="col" className={`${t.th} hidden 2xl:table-cell`}>Last seen</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.items.map((i) => (
                    <tr key={i.id} className={`${t.tr} align-top`} data-testid="image-row">
                      <td className={`${t.td} min-w-0 max-w-[22rem]`}>
                        <Link href={`/images/${i.id}`} className="block truncate font-mono text-xs font-medium text-zinc-900 underline-offset-4 hover:underline" title={`${i.registry}/${i.repository}${i.tag ? `:${i.tag}` : ""}${i.digest ? `@${i.digest}` : ""}`}>
                          {imageName(i)}
                        </Link>
                        <div className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-zinc-500">
                          <span>{i.registry}</span>
                          {i.digest ? <span className="font-mono" title={i.digest}>{shortDigest(i.digest)}</span> : <span title="No pod has reported the digest it runs (none running yet, or the runtime did not say)">digest unknown</span>}
                          {i.registryAllowed === false && <span className="font-medium text-red-700">registry not allowed</span>}
                        </div>
                        {/* On a phone the counts sit under the name: the table keeps one column. */}
                        <div className="mt-1 sm:hidden">
                          {i.countsFrom === null ? <span className="text-xs text-zinc-500">none reported</span> : <CountChips counts={i.counts} />}
                          {i.countsFrom === "import" && <div className="mt-0.5 text-xs text-zinc-500">from an import, not yet scanned</div>}
                        </div>
                      </td>
                      <td className={`${t.td} hidden min-w-[13rem] sm:table-cell`}>
                        {i.countsFrom === null ? <span className="text-xs text-zinc-500" title="No scan raised a vulnerability finding for it: no report names it, or only low and medium CVEs">none reported</span> : <CountChips counts={i.counts} />}
                        {i.countsFrom === "import" && <div className="mt-0.5 text-xs text-zinc-500">from an import, not yet scanned</div>}
                      </td>
                      <td className={`${t.td} hidden text-right tabular-nums sm:table-cell`}>{i.workloads}</td>
                      <td className={`${t.td} hidden max-w-[12rem] truncate text-xs text-zinc-700 md:table-cell`} title={i.clusterNames.join(", ")}>{i.clusterNames.join(", ")}</td>
                      <td className={`${t.td} hidden whitespace-nowrap text-xs lg:table-cell`}>{i.mutableTag ? <span className="text-amber-800" title="Referenced by a tag: what runs can change under the same name">by tag</span> : <span className="text-zinc-600">by digest</span>}</td>
                      <td className={`${t.td} hidden text-xs text-zinc-600 2xl:table-cell`}><Time date={i.lastSeenAt} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {(answer.nextCursor || input.cursor) && (
              <div className="flex items-center justify-between gap-2 border-t border-zinc-100 px-4 py-2.5 text-xs text-zinc-500">
                <span>{plural(answer.total, "image")}</span>
                <span className="flex gap-2">
                  {input.cursor && <Link href={imagesHref({ ...filters, sort: input.sort })} className={buttonClass("secondary", "sm")}>First page</Link>}
                  {answer.nextCursor && <Link href={imagesHref({ ...filters, sort: input.sort, cursor: answer.nextCursor })} className={buttonClass("secondary", "sm")}>Next page</Link>}
                </span>
              </div>
            )}
          </Section>
        )}
      </div>
    </>
  );
}

function RegistryTable({ rows, filters }: { rows: TRegistryRow[]; filters: Record<string, string | boolean | undefined> }) {
  if (rows.length === 0) return <Section><EmptyState title="No registry matches these filters" /></Section>;
  // Without an allowed-registries list (Settings → Policy) every registry is allowed: no column.
  const listed = rows.some((r) => r.registryAllowed !== null);
  return (
    <Section bodyClassName="p-0">
      <div className={t.wrap}>
        <table className={t.table} data-testid="registries-table">
          <caption className="sr-only">Registries the running images come from</caption>
          <thead className={t.thead}>
            <tr>
              <th scope="col" className={t.th}>Registry</th>
              <th scope="col" className={`${t.th} text-right`}>Images</th>
              <th scope="col" className={`${t.th} text-right`}>Critical</th>
              <th scope="col" className={`${t.th} text-right`}>High</th>
              <th scope="col" className={`${t.th} hidden text-right sm:table-cell`}>Fixable CVEs</th>
              <th scope="col" className={`${t.th} hidden text-right md:table-cell`}>Workloads</th>
              <th scope="col" className={`${t.th} hidden md:table-cell`}>Referenced by tag</th>
              {listed && <th scope="col" className={`${t.th} hidden sm:table-cell`}>Allowed</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.registry} className={t.tr}>
                <td className={t.td}><Link href={imagesHref({ ...filters, registry: r.registry })} className="font-mono text-xs font-medium text-zinc-900 underline-offset-4 hover:underline">{r.registry}</Link></td>
                <td className={`${t.td} text-right tabular-nums`}>{r.images}</td>
                <td className={`${t.td} text-right tabular-nums ${r.critical ? "font-semibold text-red-700" : "text-zinc-500"}`}>{r.critical}</td>
                <td className={`${t.td} text-right tabular-nums ${r.high ? "font-semibold text-orange-700" : "text-zinc-500"}`}>{r.high}</td>
                <td className={`${t.td} hidden text-right tabular-nums sm:table-cell`}>{r.fixable}</td>
                <td className={`${t.td} hidden text-right tabular-nums md:table-cell`}>{r.workloads}</td>
                <td className={`${t.td} hidden text-xs md:table-cell`}>{r.mutableImages ? <span className="text-amber-800">{plural(r.mutableImages, "image")}</span> : <span className="text-zinc-500">none</span>}</td>
                {listed && <td className={`${t.td} hidden text-xs sm:table-cell`}>{r.registryAllowed === null ? <span className="text-zinc-500">no list set</span> : r.registryAllowed ? <span className="text-green-700">allowed</span> : <span className="font-medium text-red-700">not allowed</span>}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
