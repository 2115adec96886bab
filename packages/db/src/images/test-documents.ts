// For tests and the benchmark only: Trivy JSON documents (`trivy image -f json`, SchemaVersion 2)
// shaped as Trivy writes them (field names, upper-case severities, Results per target, CVSS per
// source, RepoTags/RepoDigests in Metadata), generated for any image and number of CVEs.
import { createHash } from "node:crypto";

export const sha256Of = (s: string) => `sha256:${createHash("sha256").update(s).digest("hex")}`;

export interface TTrivyVuln {
  id: string;
  pkg: string;
  installed: string;
  fixed?: string;
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "UNKNOWN";
  score?: number;
  title?: string;
}

/** A Trivy image report of `repo:tag` (Docker Hub short names as Trivy prints them), with its repo digest. */
export function trivyDocument(input: { repo: string; tag: string; digest?: string; createdAt?: string; vulns: readonly TTrivyVuln[]; os?: { Family: string; Name: string } }): string {
  const os = input.os ?? { Family: "debian", Name: "10.10" };
  const name = `${input.repo}:${input.tag}`;
  const imageId = sha256Of(`config ${name}`);
  return JSON.stringify({
    SchemaVersion: 2,
    CreatedAt: input.createdAt ?? "2026-12-01T10:00:00.000000000Z",
    ArtifactName: name,
    ArtifactType: "container_image",
    Metadata: {
      OS: os,
      ImageID: imageId,
      DiffIDs: [sha256Of(`layer ${name}`)],
      RepoTags: [name],
      RepoDigests: input.digest ? [`${input.repo}@${input.digest}`] : [],
      ImageConfig: { architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: [sha256Of(`layer ${name}`)] }, config: {} },
    },
    Results: [
      {
        Target: `${name} (${os.Family} ${os.Name})`,
        Class: "os-pkgs",
        Type: os.Family,
        Vulnerabilities: input.vulns.map((v) => ({
          VulnerabilityID: v.id,
          PkgID: `${v.pkg}@${v.installed}`,
          PkgName: v.pkg,
          PkgIdentifier: { PURL: `pkg:deb/${os.Family}/${v.pkg}@${encodeURIComponent(v.installed)}?arch=amd64&distro=${os.Family}-${os.Name}` },
          InstalledVersion: v.installed,
          ...(v.fixed ? { FixedVersion: v.fixed } : {}),
          Status: v.fixed ? "fixed" : "affected",
          Layer: { DiffID: sha256Of(`layer ${name}`) },
          SeveritySource: "nvd",
          PrimaryURL: `https://avd.aquasec.com/nvd/${v.id.toLowerCase()}`,
          DataSource: { ID: os.Family, Name: "Debian Security Tracker", URL: "https://salsa.debian.org/security-tracker-team/security-tracker" },
          Title: v.title ?? `${v.pkg}: flaw`,
          Description: `A flaw was found in ${v.pkg}.`,
          Severity: v.severity,
          CweIDs: ["CWE-787"],
          ...(v.score !== undefined ? { CVSS: { nvd: { V3Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", V3Score: v.score } } } : {}),
          PublishedDate: "2021-06-01T14:15:00Z",
          LastModifiedDate: "2021-08-01T10:15:00Z",
        })),
      },
    ],
  });
}

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;

/** `n` distinct CVEs: one in 10 critical, 2 in 10 high, the rest medium/low; two in three fixable. */
export function generatedVulns(n: number, seed = 0): TTrivyVuln[] {
  const out: TTrivyVuln[] = [];
  for (let i = 0; i < n; i++) {
    const r = (i * 7 + seed) % 10;
    const severity = r === 0 ? "CRITICAL" : r < 3 ? "HIGH" : SEVERITIES[2 + (r % 2)]!;
    const pkg = `lib${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`;
    out.push({ id: `CVE-${2018 + (i % 7)}-${String(10000 + i + seed * 1000).padStart(5, "0")}`, pkg, installed: `1.${i % 9}.${i % 5}-1`, ...(i % 3 !== 2 ? { fixed: `1.${i % 9}.${(i % 5) + 1}-1` } : {}), severity, score: 4 + (r % 6) });
  }
  return out;
}
