import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { VULN_SEVERITY_RANK } from "../../vulns/image-key";
import type { ExposedSecret } from "../../vulns/in-cluster";
import { hasSecretData, secretReportFor } from "../../vulns/match";
import { STALE_REPORT_DAYS } from "../../vulns/types";
import type { Severity } from "../../types";

const DAY_MS = 86_400_000;

/** What one secret is and where, never its matched text. */
function secretWords(s: ExposedSecret): string {
  const what = s.title ?? s.category ?? s.ruleId;
  return `${what}${s.target ? ` in ${s.target}` : ""}`;
}

export const imageExposedSecrets = defineRule({
  id: "image-exposed-secrets",
  title: "Secret baked into a container image",
  category: "images",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "A credential or private key stored in an image layer is readable by anyone who can pull the image (every node, every registry user, every copy in a cache), and deleting the file in a later layer does not remove it. Read from Trivy Operator's ExposedSecretReports, attached to the workload whose current image they describe. The finding's severity is the worst secret's; the secret's value is never shown.",
  remediation: "Rotate the credential now (treat it as leaked), rebuild the image without it (check every layer, use build secrets or a multi-stage build), and give it to the workload at run time from a Secret or a secret manager.",
  references: ["https://aquasecurity.github.io/trivy-operator/latest/docs/crds/exposedsecret-report/", "https://docs.docker.com/build/building/secrets/"],
  peers: {},
  nothingToJudge: (ctx) => (hasSecretData(ctx) ? undefined : "no secret scan data: no ExposedSecretReport in the cluster"),
  *evaluate(ctx) {
    if (!hasSecretData(ctx)) return;
    const takenAt = ctx.snapshot.takenAt ? Date.parse(ctx.snapshot.takenAt) : NaN;
    const at = Number.isFinite(takenAt) ? takenAt : Date.now();
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        const report = secretReportFor(ctx, ref, c);
        if (!report || report.secrets.length === 0) continue;
        const secrets = [...report.secrets].sort((a, b) => VULN_SEVERITY_RANK[b.severity] - VULN_SEVERITY_RANK[a.severity]);
        const worst = secrets[0]!.severity;
        // A scanner that could not rate a secret still found one: medium, not nothing.
        const severity: Severity = worst === "unknown" ? "medium" : worst;
        const image = String(c.container.image);
        const listed = secrets.slice(0, 3).map(secretWords);
        const t = report.updatedAt ? Date.parse(report.updatedAt) : NaN;
        const age = Number.isFinite(t) ? Math.floor((at - t) / DAY_MS) : undefined;
        const stale = age === undefined ? " The report does not say when the image was scanned." : at - t > STALE_REPORT_DAYS * DAY_MS ? ` The report is ${age} days old: stale, rescan the image.` : "";
        yield {
          object: ref.object,
          path: `${c.path}.image`,
          observed: image,
          severity,
          message: `Container "${c.container.name ?? "?"}": image ${image} has ${secrets.length === 1 ? "a secret" : `${secrets.length} secrets`} baked in (${listed.join("; ")}${secrets.length > listed.length ? "; ..." : ""}), found by ${report.scanner?.name ?? "Trivy Operator"} (${report.origin ?? "ExposedSecretReport"}).${stale}`,
        };
      }
    }
  },
});
