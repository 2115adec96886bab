// An image-vulnerabilities finding's CVEs (Finding.details.vulnerabilities): where the report came
// from, how it was matched to the container, whether it is stale, and the CVE table.
import Link from "next/link";
import { STALE_REPORT_DAYS, repositoryName, type FindingDetails } from "@bulwark/rules";
import { Callout, Section } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { CveTable } from "./cve-table";
import { CountChips } from "./vuln-bits";

const SOURCE: Record<string, string> = {
  "trivy-operator": "Trivy Operator's VulnerabilityReport",
  "policy-report": "a PolicyReport",
  trivy: "an imported Trivy report",
  grype: "an imported Grype report",
  cyclonedx: "an imported CycloneDX document",
};
const MATCH: Record<string, string> = {
  producer: "attached to this workload by the scanner",
  digest: "matched to the container by image digest",
  tag: "matched by repository and tag only (lower confidence)",
};

export function FindingVulnerabilities({ details, except, imageId }: { details: unknown; except?: { clusters: Array<{ id: string; name: string }> }; imageId?: string | null }) {
  const v = (details as FindingDetails | null)?.vulnerabilities;
  if (!v) return null;
  return (
    <Section id="cves" title={<>Vulnerabilities of {v.image} <span className="font-normal tabular-nums text-zinc-500">({v.cves.length})</span></>} description={<>Container {v.container}; from {SOURCE[v.source] ?? v.source}{v.scanner ? ` (${v.scanner})` : ""}, {MATCH[v.match] ?? v.match}{v.reportedAt ? <>, scanned <Time date={v.reportedAt} /></> : null}.</>} bodyClassName="p-0">
      {v.stale && <div className="px-4 pt-3"><Callout tone="warning" title="Stale report">The report is older than {STALE_REPORT_DAYS} days: its CVEs are listed but raise no risk until the image is scanned again.</Callout></div>}
      <div className="flex flex-wrap items-center gap-2 px-4 py-3 text-sm text-zinc-700">
        <span className="text-xs text-zinc-500">Counted (not excepted):</span> <CountChips counts={v.counts} />
        {imageId && <Link href={`/images/${imageId}`} className="ml-auto text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">The image everywhere it runs</Link>}
      </div>
      <CveTable compact rows={v.cves} caption={`Vulnerabilities of ${v.image}`} {...(except ? { except: { repository: repositoryName(v.key), clusters: except.clusters } } : {})} />
    </Section>
  );
}
