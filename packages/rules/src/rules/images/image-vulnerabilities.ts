import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { imageKeyOf, repositoryName } from "../../vulns/image-key";
import { imageVulnMessage, imageVulnRemediation, judgeImage } from "../../vulns/judge";
import { hasVulnData, podDigests, vulnReportFor } from "../../vulns/match";
import type { ImageVulnDetails } from "../../vulns/types";

export const imageVulnerabilities = defineRule({
  id: "image-vulnerabilities",
  title: "Image with known vulnerabilities that matter",
  category: "images",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "A container image with a critical vulnerability, or a high one that already has a fix, runs a known way in: exploits for published CVEs are public and scanners find them first. Vulnerability data comes from what the fleet already produces: Trivy Operator VulnerabilityReports and CVE results of PolicyReports read from the cluster, and Trivy, Grype or CycloneDX documents imported from CI (matched by digest, else by repository and tag). One finding per workload and container lists every CVE with its fixed version; CVE exceptions and a document's VEX statements (not affected, fixed) are listed but not counted. The finding is critical for a fixable critical CVE, high for a fixable high one or an unfixable critical one; the strict profile also reports medium CVEs. Reports older than 7 days are said to be stale.",
  remediation: "Update the vulnerable packages to their fixed versions (rebuild on a patched base image or move to a newer release), roll the workload out, and rescan. Where no fix exists or the code is not reachable, record a CVE exception with its justification.",
  references: ["https://aquasecurity.github.io/trivy-operator/latest/docs/crds/vulnerability-report/", "https://www.cisa.gov/known-exploited-vulnerabilities-catalog"],
  peers: { kubescape: ["C-0083"] },
  nothingToJudge: (ctx) => (hasVulnData(ctx) ? undefined : "no vulnerability data: no scanner report in the cluster and none imported for its images"),
  *evaluate(ctx) {
    // Nothing to judge without vulnerability data: the rule passes quietly.
    if (!hasVulnData(ctx)) return;
    const takenAt = ctx.snapshot.takenAt ? Date.parse(ctx.snapshot.takenAt) : NaN;
    const at = Number.isFinite(takenAt) ? takenAt : Date.now();
    const exceptions = Array.isArray(ctx.params.cveExceptions) ? ctx.params.cveExceptions : [];
    for (const ref of podSpecs(ctx)) {
      const obj = ref.object;
      const ns = obj.metadata?.namespace;
      const workload = `${obj.kind} ${ns ? `${ns}/` : ""}${obj.metadata?.name ?? ""}`;
      for (const c of containers(ref)) {
        const found = vulnReportFor(ctx, ref, c);
        if (!found) continue;
        const image = String(c.container.image);
        const name = String(c.container.name ?? "");
        const key = imageKeyOf(image);
        const judged = judgeImage(found.report, { repository: repositoryName(key), ...(ns ? { namespace: ns } : {}), ...(ctx.clusterName ? { clusterName: ctx.clusterName } : {}), exceptions, at, ...(ctx.profile ? { profile: ctx.profile } : {}) });
        if (!judged.severity) continue;
        if (!key.digest) {
          const digests = podDigests(ctx, ref, c);
          if (digests.length === 1) key.digest = digests[0];
        }
        const details: ImageVulnDetails = {
          image,
          key,
          container: name,
          source: found.report.source,
          match: found.match,
          stale: judged.stale,
          counts: judged.counts,
          cves: judged.cves,
        };
        const scanner = found.report.scanner;
        if (scanner) details.scanner = `${scanner.name}${scanner.version ? ` ${scanner.version}` : ""}`;
        if (found.report.updatedAt) details.reportedAt = found.report.updatedAt;
        if (found.report.origin) details.origin = found.report.origin;
        yield {
          object: obj,
          path: `${c.path}.image`,
          observed: image,
          severity: judged.severity,
          message: imageVulnMessage(image, name, found.report, judged, found.match, ctx.profile),
          remediation: imageVulnRemediation(image, workload, judged, ctx.profile),
          details: { vulnerabilities: details },
        };
      }
    }
  },
});
