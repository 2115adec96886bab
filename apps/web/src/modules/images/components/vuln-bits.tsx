// Small pieces the image and vulnerability pages share: CVE counts as labelled chips, an image's
// name as people read it, the exception state of a CVE, the empty state that says where data
// comes from, and the pages' tabs.
import type { VulnCounts, VulnSeverity } from "@bulwark/rules";
import { cn } from "@/modules/ui/cn";
import { SEVERITY_STYLE, type TSeverity } from "@/modules/ui/severity";
import { PageTabs } from "@/modules/ui/components/page-tabs";
import { STATE_LABEL } from "../images.schemas";

export const sevOf = (s: VulnSeverity): TSeverity => (s === "unknown" ? "info" : s);
export const SEVERITY_LABEL: Record<VulnSeverity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", unknown: "Unknown" };

/** "nginx:1.21.0" for Docker Hub's official images, else "ghcr.io/acme/api:2.0" (the digest is shown beside it). */
export function imageName(i: { registry: string; repository: string; tag: string }): string {
  const repo = i.registry === "docker.io" ? i.repository.replace(/^library\//, "") : `${i.registry}/${i.repository}`;
  return i.tag ? `${repo}:${i.tag}` : repo;
}

export const shortDigest = (d: string) => (d ? d.slice(0, 19) : "");

/** Critical, high and medium counts as chips ("2 critical (1 fixable)"), or a dash. */
export function CountChips({ counts, className }: { counts: VulnCounts; className?: string }) {
  const shown = (["critical", "high", "medium"] as const).filter((s) => counts[s].total > 0);
  const rest = counts.low.total + counts.unknown.total;
  if (shown.length === 0 && rest === 0) return <span className="text-xs text-zinc-500">none open</span>;
  return (
    <span className={cn("flex flex-wrap items-center gap-1", className)}>
      {shown.map((s) => (
        <span key={s} className={cn("inline-flex items-center gap-1 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium tabular-nums ring-1 ring-inset", SEVERITY_STYLE[s].badge)}>
          <span aria-hidden className={cn("size-1.5 rounded-full", SEVERITY_STYLE[s].dot)} />
          {counts[s].total} {s}
          {counts[s].fixable > 0 && <span className="font-normal">({counts[s].fixable === counts[s].total ? "" : `${counts[s].fixable} `}fixable)</span>}
        </span>
      ))}
      {rest > 0 && <span className="whitespace-nowrap text-xs tabular-nums text-zinc-500">+{rest} low</span>}
    </span>
  );
}

export function ExceptedBadge({ state, by, title }: { state: string; by: "exception" | "vex"; title?: string }) {
  const label = by === "vex" ? `VEX: ${state.replace(/_/g, " ")}` : (STATE_LABEL[state as keyof typeof STATE_LABEL] ?? state.replace(/_/g, " "));
  return (
    <span title={title} className="inline-flex items-center whitespace-nowrap rounded-md bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-700 ring-1 ring-inset ring-violet-600/25">
      Excepted · {label}
    </span>
  );
}

/** How vulnerability data gets in: the in-cluster scanner, CI, or a file. */
export function HowToGetData({ canImport }: { canImport: boolean }) {
  return (
    <ul className="mt-2 space-y-1.5 text-left text-sm text-zinc-600">
      <li>
        <span className="font-medium text-zinc-800">In the cluster:</span> install{" "}
        <a className="text-indigo-700 underline-offset-4 hover:underline" href="https://aquasecurity.github.io/trivy-operator/" rel="noreferrer noopener" target="_blank">Trivy Operator</a>; the next scan reads its VulnerabilityReports (and Kyverno or Kubescape PolicyReports) with the same read-only credential.
      </li>
      <li>
        <span className="font-medium text-zinc-800">From CI:</span> <code className="rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-800">trivy image -f json -o scan.json IMAGE</code> then{" "}
        <code className="rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-800">bulwark push scan.json --image IMAGE@DIGEST --server URL --token TOKEN</code> (an API token with the Scan scope).
      </li>
      {canImport && <li><span className="font-medium text-zinc-800">By hand:</span> import a Trivy, Grype or CycloneDX JSON file with “Import scan results”.</li>}
    </ul>
  );
}

const TABS = [
  { href: "/images", label: "Images" },
  { href: "/vulnerabilities", label: "Vulnerabilities" },
] as const;

export function ImagesNav({ current }: { current: (typeof TABS)[number]["href"] | null }) {
  return <PageTabs label="Images" tabs={TABS} current={current} />;
}
