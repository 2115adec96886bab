// The framework list as the Compliance page shows it: in groups (laws first, then control
// catalogues, then benchmarks and hardening guides), each with a short label for its chip.
import { frameworks, type Framework } from "@bulwark/rules";

/** How the framework list is grouped: laws first, then control catalogues, then benchmarks. */
const GROUPS: Array<{ label: string; test: (id: string) => boolean }> = [
  { label: "Regulations", test: (id) => /^(hipaa|gdpr)/.test(id) },
  { label: "Security frameworks", test: (id) => /^(soc|nist|iso)/.test(id) },
  { label: "CIS benchmarks", test: (id) => id.startsWith("cis") },
  { label: "Hardening guides", test: (id) => /^(nsa|pss)/.test(id) },
];

export interface TFrameworkGroup {
  label: string;
  frameworks: Array<{ id: string; name: string; version: string; label: string }>;
}

/** A chip's label: CIS profiles share a long name and differ by platform and version. */
export function frameworkLabel(f: Pick<Framework, "name" | "version">): string {
  const platform = /\((EKS|AKS|GKE)\)/.exec(f.name)?.[1];
  if (platform) return `CIS ${platform} ${f.version}`;
  if (f.name === "CIS Kubernetes Benchmark") return `CIS Kubernetes ${f.version}`;
  return f.name;
}

/** Every framework in its group (unknown kinds of framework last, under "Other"), registry order kept. */
export function groupFrameworks(list: ReadonlyArray<Pick<Framework, "id" | "name" | "version">> = frameworks): TFrameworkGroup[] {
  const groups: TFrameworkGroup[] = [...GROUPS.map((g) => ({ label: g.label, frameworks: [] as TFrameworkGroup["frameworks"] })), { label: "Other", frameworks: [] }];
  for (const f of list) {
    const i = GROUPS.findIndex((g) => g.test(f.id));
    groups[i === -1 ? GROUPS.length : i]!.frameworks.push({ id: f.id, name: f.name, version: f.version, label: frameworkLabel(f) });
  }
  return groups.filter((g) => g.frameworks.length > 0);
}
