// Judging one image's vulnerabilities for one container: which CVEs an organization exception or
// the document's own VEX statement covers, the counts of the rest, whether the image deserves a
// finding and how severe, and the words (message, remediation) a reviewer would write.
import type { Profile, Severity } from "../types";
import { countVulns, imageKeyOf, repositoryName, VULN_SEVERITY_RANK } from "./image-key";
import { STALE_REPORT_DAYS, type CveException, type FindingCve, type VulnCounts, type VulnMatch, type VulnReport, type VulnSeverity } from "./types";

const DAY_MS = 86_400_000;

export interface ImageJudgement {
  /** Every CVE, worst first; excepted ones carry `excepted`. */
  cves: FindingCve[];
  /** Counts of the CVEs not excepted. */
  counts: VulnCounts;
  /** The finding's severity, or undefined when the image deserves no finding in this profile. */
  severity: Severity | undefined;
  stale: boolean;
  /** Whole days between the scan and the snapshot, when the report says when it scanned. */
  ageDays?: number;
}

interface ExceptionScope {
  repository: string;
  namespace?: string;
  clusterName?: string;
  /** Time the exceptions' expiry is judged at (ms). */
  at: number;
}

/** The organization exception covering a CVE (by id or alias) in this scope, if any. */
function exceptionFor(exceptions: readonly CveException[], ids: readonly string[], scope: ExceptionScope): CveException | undefined {
  for (const ex of exceptions) {
    if (!ex || typeof ex.cve !== "string") continue;
    const cve = ex.cve.trim().toUpperCase();
    if (!ids.includes(cve)) continue;
    if (ex.expiresAt !== undefined) {
      const t = Date.parse(ex.expiresAt);
      // An unparseable expiry counts as expired, as the engine's own exceptions do.
      if (!(t > scope.at)) continue;
    }
    if (ex.repository && repoOf(ex.repository) !== scope.repository) continue;
    if (ex.clusterName !== undefined && ex.clusterName !== scope.clusterName) continue;
    if (ex.namespace !== undefined && ex.namespace !== (scope.namespace ?? "")) continue;
    return ex;
  }
  return undefined;
}

const repoCache = new Map<string, string>();
/** "nginx", "docker.io/library/nginx" and "index.docker.io/nginx" name one repository. */
function repoOf(written: string): string {
  let r = repoCache.get(written);
  if (r === undefined) {
    r = repositoryName(imageKeyOf(written));
    if (repoCache.size > 1000) repoCache.clear();
    repoCache.set(written, r);
  }
  return r;
}

// Plain code-unit comparisons: an image may list thousands of CVEs, and localeCompare costs ten times more.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function cveOrder(a: FindingCve, b: FindingCve): number {
  return (
    VULN_SEVERITY_RANK[b.severity] - VULN_SEVERITY_RANK[a.severity] ||
    Number(!!b.fixedVersion) - Number(!!a.fixedVersion) ||
    (b.score ?? 0) - (a.score ?? 0) ||
    cmp(a.id, b.id) ||
    cmp(a.package, b.package)
  );
}

function idsOf(v: VulnReport["vulnerabilities"][number]): string[] {
  return [v.id, ...(Array.isArray(v.aliases) ? v.aliases : [])].filter((x): x is string => typeof x === "string").map((x) => x.toUpperCase());
}

/** Severity of an image finding from the counts of its open CVEs, or undefined for no finding. */
export function imageFindingSeverity(counts: VulnCounts, profile: Profile = "default"): Severity | undefined {
  const reportable = counts.critical.total > 0 || counts.high.fixable > 0 || (profile === "strict" && (counts.high.total > 0 || counts.medium.total > 0));
  if (!reportable) return undefined;
  if (counts.critical.fixable > 0) return "critical";
  if (counts.high.fixable > 0 || counts.critical.total > 0) return "high";
  if (counts.medium.fixable > 0 || counts.high.total > 0) return "medium";
  return "low";
}

/** Judges a report's CVEs for a container of a workload in `namespace`. */
export function judgeImage(
  report: VulnReport,
  opts: { repository?: string; namespace?: string; clusterName?: string; exceptions?: readonly CveException[]; at: number; profile?: Profile },
): ImageJudgement {
  const scope: ExceptionScope = { repository: opts.repository ?? repositoryName(report.image), at: opts.at, ...(opts.namespace ? { namespace: opts.namespace } : {}), ...(opts.clusterName ? { clusterName: opts.clusterName } : {}) };
  const exceptions = Array.isArray(opts.exceptions) ? opts.exceptions : [];
  const cves: FindingCve[] = [];
  const seen = new Set<string>();
  for (const v of Array.isArray(report.vulnerabilities) ? report.vulnerabilities : []) {
    if (!v || typeof v.id !== "string") continue;
    const dedupe = `${v.id}|${v.package}|${v.installedVersion}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    // Imports come back from storage: a field of the wrong type is read as absent, never thrown on.
    const cve: FindingCve = { id: v.id, severity: Object.prototype.hasOwnProperty.call(VULN_SEVERITY_RANK, v.severity) ? v.severity : "unknown", package: typeof v.package === "string" ? v.package : "", installedVersion: typeof v.installedVersion === "string" ? v.installedVersion : "" };
    if (typeof v.fixedVersion === "string" && v.fixedVersion) cve.fixedVersion = v.fixedVersion;
    if (typeof v.score === "number") cve.score = v.score;
    if (typeof v.title === "string" && v.title) cve.title = v.title;
    if (typeof v.link === "string" && v.link) cve.link = v.link;
    const ex = exceptions.length ? exceptionFor(exceptions, idsOf(v), scope) : undefined;
    if (ex) {
      cve.excepted = { by: "exception", id: ex.id, state: ex.state, ...(ex.justification ? { justification: ex.justification } : {}), ...(ex.note ? { note: ex.note } : {}), ...(ex.expiresAt ? { expiresAt: ex.expiresAt } : {}) };
    } else if (v.vex && (v.vex.state === "not_affected" || v.vex.state === "fixed")) {
      cve.excepted = { by: "vex", state: v.vex.state, ...(v.vex.justification ? { justification: v.vex.justification } : {}), ...(v.vex.detail ? { note: v.vex.detail } : {}) };
    }
    cves.push(cve);
  }
  cves.sort(cveOrder);
  const counts = countVulns(cves.filter((c) => !c.excepted));
  const t = report.updatedAt ? Date.parse(report.updatedAt) : NaN;
  const ageDays = Number.isFinite(t) ? Math.max(0, Math.floor((opts.at - t) / DAY_MS)) : undefined;
  // A report that does not say when it scanned cannot be trusted as current either.
  const stale = ageDays === undefined || opts.at - t > STALE_REPORT_DAYS * DAY_MS;
  return { cves, counts, severity: imageFindingSeverity(counts, opts.profile), stale, ...(ageDays !== undefined ? { ageDays } : {}) };
}

const LISTED = 3;

/** Severities a profile raises findings for (and so names in messages and remediations). */
function shownSeverities(profile: Profile): readonly VulnSeverity[] {
  return profile === "strict" ? ["critical", "high", "medium"] : ["critical", "high"];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 critical and 2 high" from the counts of the given severities. */
function countWords(counts: VulnCounts, field: "total" | "fixable" | "unfixable", severities: readonly VulnSeverity[]): { words: string; n: number; noun: string } {
  const parts: string[] = [];
  let n = 0;
  let last = 0;
  for (const s of severities) {
    const row = counts[s];
    const k = field === "unfixable" ? row.total - row.fixable : row[field];
    if (k > 0) {
      parts.push(`${k} ${s}`);
      n += k;
      last = k;
    }
  }
  const words = parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  // "1 critical and 1 high vulnerability", "1 critical and 2 high vulnerabilities"
  return { words, n, noun: last === 1 ? "vulnerability" : "vulnerabilities" };
}

function cveWords(c: FindingCve): string {
  return `${c.id} (${c.package} ${c.installedVersion}${c.fixedVersion ? ` -> ${c.fixedVersion}` : ""})`;
}

function scannerWords(report: VulnReport): string {
  const s = report.scanner ? `${report.scanner.name}${report.scanner.version ? ` ${report.scanner.version}` : ""}` : report.source;
  return report.origin ? `${s}, ${report.origin}` : s;
}

/** The finding's message: the image, what is fixable, the worst CVEs, and how far to trust it. */
export function imageVulnMessage(image: string, container: string, report: VulnReport, j: ImageJudgement, match: VulnMatch, profile: Profile = "default"): string {
  // What the profile raises is counted in words; lower severities are only listed in the details.
  const shown = shownSeverities(profile);
  const fixable = countWords(j.counts, "fixable", shown);
  const unfixable = countWords(j.counts, "unfixable", shown);
  const open = j.cves.filter((c) => !c.excepted && shown.includes(c.severity));
  const lower = j.cves.filter((c) => !c.excepted && !shown.includes(c.severity)).length;
  const parts: string[] = [];
  if (fixable.n > 0) {
    const worst = open.filter((c) => c.fixedVersion).slice(0, LISTED);
    parts.push(`Container "${container}": ${image} has ${fixable.words} ${fixable.noun} with a fix: ${worst.map(cveWords).join(", ")}${fixable.n > worst.length ? ", ..." : ""}.`);
    if (unfixable.n > 0) parts.push(`Also ${unfixable.words} without a fix yet.`);
  } else {
    const worst = open.slice(0, LISTED);
    parts.push(`Container "${container}": ${image} has ${unfixable.words} ${unfixable.noun} without a fix yet: ${worst.map(cveWords).join(", ")}${unfixable.n > worst.length ? ", ..." : ""}.`);
  }
  if (lower > 0) parts.push(`${plural(lower, "CVE", "CVEs")} of lower severity listed.`);
  const excepted = j.cves.filter((c) => c.excepted).length;
  if (excepted > 0) parts.push(`${plural(excepted, "CVE is", "CVEs are")} excepted (organization exception or VEX) and not counted.`);
  const source = scannerWords(report);
  if (j.stale) {
    parts.push(j.ageDays === undefined ? `The report (${source}) does not say when the image was scanned: treat it as stale.` : `The report (${source}) is ${plural(j.ageDays, "day", "days")} old: stale (over ${STALE_REPORT_DAYS} days), rescan the image.`);
  } else parts.push(`Reported by ${source}.`);
  if (match === "tag") parts.push("Matched by tag (lower confidence: no digest to compare with the running image).");
  return parts.join(" ");
}

/** The remediation: the fixed version of each vulnerable package, then the rollout. */
export function imageVulnRemediation(image: string, workload: string, j: ImageJudgement, profile: Profile = "default"): string {
  const shown = shownSeverities(profile);
  const byPackage = new Map<string, { fixed: string; ids: string[] }>();
  for (const c of j.cves) {
    if (c.excepted || !c.fixedVersion || !shown.includes(c.severity)) continue;
    const p = byPackage.get(c.package);
    if (p) {
      if (p.ids.length < 3) p.ids.push(c.id);
    } else byPackage.set(c.package, { fixed: c.fixedVersion, ids: [c.id] });
  }
  const repo = image.replace(/[@].*$/, "").replace(/:[^/:]*$/, "");
  if (byPackage.size === 0) {
    return `No fixed version is published yet for the open CVEs of ${image}. Follow the package's advisories, reduce what reaches ${workload} (no external exposure it does not need, a NetworkPolicy, a non-root read-only container), and record a CVE exception (fix unavailable) with its justification so the decision is tracked.`;
  }
  const entries = [...byPackage.entries()];
  const list = entries.slice(0, 5).map(([pkg, p]) => `${pkg} to ${p.fixed} (${p.ids.join(", ")})`);
  const more = entries.length > 5 ? ` and ${entries.length - 5} more packages (see the CVE list)` : "";
  return `Update ${list.join(", ")}${more}: rebuild the image on a patched base or move to a newer ${repo} release that includes these versions, then roll out ${workload}. Pin the new image by digest so the fix is what runs.`;
}
