// The images write path on real Postgres: imports (stored once per document, refused with a reason
// and nothing stored, matched to the inventory by digest then by tag), the imported reports a
// snapshot gets (newest per image, by digest and by tag, only the organization's), the inventory
// (gone and back), the CVE history (resolved and reopened), and CVE exceptions (validation, scope,
// revocation, the engine settings); every function scoped to the organization.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_VULN_DOCUMENT_BYTES, imageKeyOf, type Finding, type FindingCve, type ImageUseRow, type KubeObject } from "@bulwark/rules";
import { dropDatabase, useFreshDatabase } from "../test-db";
import { generatedVulns, sha256Of, trivyDocument } from "./test-documents";

const DB = "bulwark_be_h3_images";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let userId: string;
let outsiderId: string;
let prod: string;
let staging: string;
let theirs: string;

const NGINX_DIGEST = sha256Of("nginx 1.21.0");
const NGINX_VULNS = [
  { id: "CVE-2021-23017", pkg: "nginx", installed: "1.21.0-1~buster", fixed: "1.21.1-1~buster", severity: "HIGH" as const, score: 7.7 },
  { id: "CVE-2021-3711", pkg: "libssl1.1", installed: "1.1.1d-0+deb10u6", fixed: "1.1.1d-0+deb10u7", severity: "CRITICAL" as const, score: 9.8 },
  { id: "CVE-2019-3844", pkg: "libsystemd0", installed: "241-7~deb10u7", severity: "LOW" as const },
];

function useRow(o: { kind?: string; ns?: string; name: string; container?: string; reference: string; digest?: string }): ImageUseRow {
  const key = imageKeyOf(o.reference);
  if (o.digest) key.digest = o.digest;
  return {
    workload: { apiVersion: "apps/v1", kind: o.kind ?? "Deployment", namespace: o.ns ?? "shop", name: o.name },
    container: o.container ?? o.name,
    containerType: "container",
    reference: o.reference,
    key,
    ...(o.digest && !o.reference.includes("@") ? { digestFrom: "pod-status" as const } : {}),
    pullPolicy: "IfNotPresent",
    mutableTag: !o.reference.includes("@"),
  };
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "images@example.com", passwordHash: null, orgName: "Images" });
  const b = await m.createUserWithOrganization({ email: "images-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  userId = a.user.id;
  otherOrgId = b.org.id;
  outsiderId = b.user.id;
  const cluster = async (org: string, actorId: string, name: string) => (await m.createCluster({ orgId: org, actorId, name, server: `https://${name}.example`, credentialCipher: "x", credentialKeyId: "k1" })).id;
  prod = await cluster(orgId, userId, "prod");
  staging = await cluster(orgId, userId, "staging");
  theirs = await cluster(otherOrgId, outsiderId, "theirs");
}, 120_000);

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

const count = async () => ({ imports: await m.db.vulnImport.count(), audits: await m.db.auditLog.count({ where: { action: "vulns.import" } }) });

describe("importVulnDocument", () => {
  const doc = trivyDocument({ repo: "nginx", tag: "1.21.0", digest: NGINX_DIGEST, vulns: NGINX_VULNS });

  it("stores a Trivy document once, with its counts and an audit entry", async () => {
    const first = await m.importVulnDocument({ orgId, text: doc, actorId: userId });
    expect(first).toMatchObject({
      format: "trivy",
      image: { registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST },
      scannedAt: "2026-12-01T10:00:00.000Z",
      vulnCount: 3,
      duplicate: false,
      matches: { workloads: 0, clusters: 0, by: "none" },
    });
    expect(first.counts).toMatchObject({ critical: { total: 1, fixable: 1 }, high: { total: 1, fixable: 1 }, low: { total: 1, fixable: 0 }, medium: { total: 0, fixable: 0 } });
    const row = await m.db.vulnImport.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ orgId, format: "trivy", registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST, createdById: userId, bytes: Buffer.byteLength(doc) });
    expect((row.vulnerabilities as Array<{ id: string }>).map((v) => v.id).sort()).toEqual(["CVE-2019-3844", "CVE-2021-23017", "CVE-2021-3711"]);
    const audit = await m.db.auditLog.findFirstOrThrow({ where: { orgId, action: "vulns.import" } });
    expect(audit).toMatchObject({ actorId: userId, targetType: "vuln_import", targetId: first.id });
    expect(audit.data).toMatchObject({ format: "trivy", image: `docker.io/library/nginx:1.21.0@${NGINX_DIGEST}`, vulnerabilities: 3 });

    const before = await count();
    const again = await m.importVulnDocument({ orgId, text: doc, actorId: userId, tokenId: "tok-1" });
    expect(again).toMatchObject({ id: first.id, duplicate: true, vulnCount: 3 });
    expect(await count()).toEqual(before);
    // Another organization's import of the same bytes is its own.
    const theirsImport = await m.importVulnDocument({ orgId: otherOrgId, text: doc, actorId: outsiderId });
    expect(theirsImport.duplicate).toBe(false);
    expect(theirsImport.id).not.toBe(first.id);
  });

  it("refuses malformed, empty, oversized and unnamed documents with a reason and stores nothing", async () => {
    const before = await count();
    const refuse = async (text: string, status: number, reason: RegExp, image?: string) => {
      const err = await m.importVulnDocument({ orgId, text, actorId: userId, ...(image ? { image } : {}) }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, text.slice(0, 60)).toBeInstanceOf(m.VulnImportError);
      expect(err).toBeInstanceOf(m.DomainError);
      expect((err as InstanceType<Mod["VulnImportError"]>).status).toBe(status);
      expect((err as Error).message).toMatch(reason);
    };
    await refuse("{ not json", 400, /not valid JSON/);
    await refuse("   ", 400, /empty/);
    await refuse(JSON.stringify({ runs: [], version: "2.1.0" }), 400, /SARIF/);
    const noName = JSON.parse(doc);
    delete noName.ArtifactName;
    noName.Metadata.RepoTags = [];
    noName.Metadata.RepoDigests = [];
    await refuse(JSON.stringify(noName), 400, /image/i);
    const badVuln = JSON.parse(doc);
    badVuln.Results[0].Vulnerabilities[0].PkgName = 42;
    await refuse(JSON.stringify(badVuln), 400, /PkgName/);
    // Over the limit: refused before parsing (the padding is valid JSON whitespace).
    await refuse(doc + " ".repeat(MAX_VULN_DOCUMENT_BYTES), 413, /over the limit of 32 MiB/);
    expect(await count()).toEqual(before);
  });

  it("takes the image from the caller when the document names none, and that is another import", async () => {
    const noName = JSON.parse(doc);
    delete noName.ArtifactName;
    noName.Metadata.RepoTags = [];
    noName.Metadata.RepoDigests = [];
    const digest = sha256Of("app 2.0");
    const res = await m.importVulnDocument({ orgId, text: JSON.stringify(noName), image: `ghcr.io/acme/app@${digest}`, actorId: userId });
    expect(res.image).toEqual({ registry: "ghcr.io", repository: "acme/app", digest });
  });

  it("answers where the image runs: by digest, else by repository:tag without contradicting a known digest", async () => {
    await m.saveImageInventory({
      orgId,
      clusterId: prod,
      scanId: "scan-p1",
      rows: [useRow({ name: "web", reference: "nginx:1.21.0", digest: NGINX_DIGEST }), useRow({ name: "api", reference: "ghcr.io/acme/api:3.1" })],
    });
    await m.saveImageInventory({ orgId, clusterId: staging, scanId: "scan-s1", rows: [useRow({ name: "web", ns: "web", reference: "nginx:1.21.0", digest: NGINX_DIGEST })] });
    expect(await m.importMatches(orgId, { registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST })).toEqual({ workloads: 2, clusters: 2, by: "digest" });
    // The other organization runs nothing: its answer counts none of these.
    expect(await m.importMatches(otherOrgId, { registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST })).toEqual({ workloads: 0, clusters: 0, by: "none" });
    // A build of nginx:1.21.0 with another digest is not what runs (pods report NGINX_DIGEST).
    expect(await m.importMatches(orgId, { registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: sha256Of("rebuilt") })).toEqual({ workloads: 0, clusters: 0, by: "none" });
    const api = await m.importVulnDocument({ orgId, text: trivyDocument({ repo: "ghcr.io/acme/api", tag: "3.1", vulns: NGINX_VULNS.slice(0, 1) }), actorId: userId });
    expect(api).toMatchObject({ image: { registry: "ghcr.io", repository: "acme/api", tag: "3.1" }, matches: { workloads: 1, clusters: 1, by: "tag" } });
  });
});

describe("vulnReportsForSnapshot", () => {
  const deployment = (name: string, image: string): KubeObject => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "shop", uid: `uid-${name}` },
    spec: { template: { spec: { containers: [{ name, image }] } } },
  });
  const pod = (name: string, image: string, imageID: string): KubeObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "shop", uid: `uid-pod-${name}` },
    spec: { containers: [{ name: "c", image }] },
    status: { containerStatuses: [{ name: "c", image, imageID }] },
  });

  it("returns the newest import per image whose digest runs or whose repository:tag is referenced", async () => {
    const redisDigest = sha256Of("redis 6.2");
    const older = trivyDocument({ repo: "redis", tag: "6.2", digest: redisDigest, createdAt: "2026-11-01T00:00:00Z", vulns: NGINX_VULNS });
    const newer = trivyDocument({ repo: "redis", tag: "6.2", digest: redisDigest, createdAt: "2026-11-20T00:00:00Z", vulns: NGINX_VULNS.slice(0, 1) });
    await m.importVulnDocument({ orgId, text: newer });
    await m.importVulnDocument({ orgId, text: older });
    // Tag-only imports of a repository:tag: the newest wins.
    await m.importVulnDocument({ orgId, text: trivyDocument({ repo: "ghcr.io/acme/api", tag: "3.1", createdAt: "2026-10-01T00:00:00Z", vulns: NGINX_VULNS }) });
    // Unrelated images, and another organization's import of a running digest.
    await m.importVulnDocument({ orgId, text: trivyDocument({ repo: "postgres", tag: "16", digest: sha256Of("postgres 16"), vulns: NGINX_VULNS }) });
    const mongoDigest = sha256Of("mongo 7");
    await m.importVulnDocument({ orgId: otherOrgId, text: trivyDocument({ repo: "mongo", tag: "7", digest: mongoDigest, vulns: NGINX_VULNS }) });

    const reports = await m.vulnReportsForSnapshot({
      orgId,
      snapshot: {
        objects: [
          deployment("cache", "redis:6.2"),
          // The digest only the pod status shows (docker-pullable:// as dockershim wrote it).
          pod("cache-1", "redis:6.2", `docker-pullable://redis@${redisDigest}`),
          pod("db-1", "mongo:7", `docker.io/library/mongo@${mongoDigest}`),
          deployment("api", "ghcr.io/acme/api:3.1"),
          deployment("web", `nginx:1.21.0@${NGINX_DIGEST}`),
        ],
      },
    });
    const summary = reports.map((r) => ({ image: `${r.image.repository}:${r.image.tag ?? ""}@${r.image.digest ?? ""}`, at: r.updatedAt, n: r.vulnerabilities.length, source: r.source })).sort((a, b) => a.image.localeCompare(b.image));
    expect(summary).toEqual([
      // api:3.1 is referenced by tag: the newest tag-only import (2026-12-01 beats 2026-10-01).
      { image: "acme/api:3.1@", at: "2026-12-01T10:00:00.000Z", n: 1, source: "trivy" },
      { image: `library/nginx:1.21.0@${NGINX_DIGEST}`, at: "2026-12-01T10:00:00.000Z", n: 3, source: "trivy" },
      { image: `library/redis:6.2@${redisDigest}`, at: "2026-11-20T00:00:00.000Z", n: 1, source: "trivy" },
    ]);
    expect(reports.every((r) => /^imported (Trivy JSON|Grype JSON|CycloneDX) document of \d{4}-\d{2}-\d{2} \(import \w+\)$/.test(r.origin ?? ""))).toBe(true);
    expect(await m.vulnReportsForSnapshot({ orgId, snapshot: { objects: [] } })).toEqual([]);
  });
});

describe("saveImageInventory", () => {
  it("records where images run, marks rows not seen as gone and brings them back", async () => {
    const rows = [
      useRow({ name: "web", reference: "nginx:1.21.0", digest: NGINX_DIGEST }),
      useRow({ name: "web", container: "sidecar", reference: "envoyproxy/envoy:v1.28.0" }),
      useRow({ kind: "CronJob", name: "backup", reference: `postgres@${sha256Of("postgres 16")}` }),
    ];
    const t1 = new Date("2026-12-02T00:00:00Z");
    const first = await m.saveImageInventory({ orgId, clusterId: prod, scanId: "scan-p2", rows: [...rows, rows[0]!], seenAt: t1 });
    // api (from the earlier save) is gone: this scan did not see it.
    expect(first).toEqual({ images: 3, uses: 3, gone: 1 });
    const uses = await m.db.imageUse.findMany({ where: { clusterId: prod }, include: { image: true }, orderBy: [{ name: "asc" }, { container: "asc" }] });
    expect(uses.map((u) => [u.kind, u.name, u.container, u.image.repository, u.image.tag, u.image.digest === "" ? "" : "digest", u.mutableTag, u.lastSeenScanId, u.goneAt?.toISOString() ?? null])).toEqual([
      ["Deployment", "api", "api", "acme/api", "3.1", "", true, "scan-p1", t1.toISOString()],
      ["CronJob", "backup", "backup", "library/postgres", "", "digest", false, "scan-p2", null],
      ["Deployment", "web", "sidecar", "envoyproxy/envoy", "v1.28.0", "", true, "scan-p2", null],
      ["Deployment", "web", "web", "library/nginx", "1.21.0", "digest", true, "scan-p2", null],
    ]);
    const web = uses.find((u) => u.container === "web")!;
    // A new image is first and last seen now; a known one keeps its later lastSeenAt (never goes back).
    const envoy = uses.find((u) => u.container === "sidecar")!;
    expect([envoy.image.firstSeenAt.toISOString(), envoy.image.lastSeenAt.toISOString()]).toEqual([t1.toISOString(), t1.toISOString()]);
    expect(web.image.lastSeenAt.getTime()).toBeGreaterThan(t1.getTime());

    const t2 = new Date("2026-12-03T00:00:00Z");
    expect(await m.saveImageInventory({ orgId, clusterId: prod, scanId: "scan-p3", rows: rows.slice(1), seenAt: t2 })).toEqual({ images: 2, uses: 2, gone: 1 });
    expect((await m.db.imageUse.findUniqueOrThrow({ where: { id: web.id } })).goneAt?.toISOString()).toBe(t2.toISOString());
    const t3 = new Date("2026-12-04T00:00:00Z");
    expect(await m.saveImageInventory({ orgId, clusterId: prod, scanId: "scan-p4", rows, seenAt: t3 })).toEqual({ images: 3, uses: 3, gone: 0 });
    const back = await m.db.imageUse.findUniqueOrThrow({ where: { id: web.id } });
    expect([back.goneAt, back.lastSeenScanId, back.firstSeenAt.toISOString() === web.firstSeenAt.toISOString()]).toEqual([null, "scan-p4", true]);
    // Staging's rows are untouched by prod's saves.
    expect(await m.db.imageUse.count({ where: { clusterId: staging, goneAt: null } })).toBe(1);
    // A later save moves the images' lastSeenAt on.
    const later = new Date(Date.now() + 86_400_000);
    await m.saveImageInventory({ orgId, clusterId: prod, scanId: "scan-p5", rows, seenAt: later });
    expect((await m.db.image.findUniqueOrThrow({ where: { id: web.imageId } })).lastSeenAt.toISOString()).toBe(later.toISOString());
  });

  it("refuses another organization's cluster", async () => {
    await expect(m.saveImageInventory({ orgId, clusterId: theirs, scanId: "x", rows: [] })).rejects.toBeInstanceOf(m.NotFoundError);
    await expect(m.saveImageCves({ orgId, clusterId: theirs, findings: [] })).rejects.toBeInstanceOf(m.NotFoundError);
  });
});

describe("saveImageCves", () => {
  const cve = (id: string, severity: FindingCve["severity"], pkg: string, fixedVersion?: string, excepted?: FindingCve["excepted"]): FindingCve => ({
    id,
    severity,
    package: pkg,
    installedVersion: "1.0",
    ...(fixedVersion ? { fixedVersion } : {}),
    ...(excepted ? { excepted } : {}),
  });
  const finding = (name: string, image: string, cves: FindingCve[], digest?: string): Finding => {
    const key = imageKeyOf(image);
    if (digest) key.digest = digest;
    return {
      ruleId: "image-vulnerabilities",
      severity: "critical",
      object: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name },
      path: "spec.template.spec.containers[0].image",
      observed: image,
      message: `${image} has vulnerabilities`,
      remediation: "update",
      fingerprint: `fp-${name}`,
      details: {
        vulnerabilities: { image, key, container: name, source: "trivy-operator", match: "producer", stale: false, counts: {} as never, cves },
      },
    };
  };
  const open = () =>
    m.db.imageCve.findMany({ where: { clusterId: prod, resolvedAt: null }, orderBy: [{ cve: "asc" }, { package: "asc" }], select: { cve: true, package: true, severity: true, fixable: true, fixedVersion: true } });

  it("keeps one row per image, CVE and package, resolves what is no longer seen and reopens what returns", async () => {
    const nginxCves = [
      cve("CVE-2021-3711", "critical", "libssl1.1", "1.1.1d-0+deb10u7"),
      cve("CVE-2021-23017", "high", "nginx", "1.21.1-1~buster"),
      cve("CVE-2019-3844", "unknown", "libsystemd0"),
      cve("CVE-2022-0001", "medium", "zlib1g", undefined, { by: "exception", id: "cvx", state: "accepted" }),
    ];
    // Two workloads run the same image: its CVEs are stored once.
    const findings = [finding("web", "nginx:1.21.0", nginxCves, NGINX_DIGEST), finding("web-canary", "nginx:1.21.0", nginxCves, NGINX_DIGEST), { ...finding("other", "x:1", []), ruleId: "privileged-container", details: undefined }];
    const t1 = new Date("2026-12-05T00:00:00Z");
    expect(await m.saveImageCves({ orgId, clusterId: prod, findings, seenAt: t1 })).toEqual({ open: 3, resolved: 0 });
    expect(await open()).toEqual([
      { cve: "CVE-2019-3844", package: "libsystemd0", severity: "info", fixable: false, fixedVersion: null },
      { cve: "CVE-2021-23017", package: "nginx", severity: "high", fixable: true, fixedVersion: "1.21.1-1~buster" },
      { cve: "CVE-2021-3711", package: "libssl1.1", severity: "critical", fixable: true, fixedVersion: "1.1.1d-0+deb10u7" },
    ]);
    const image = await m.db.image.findFirstOrThrow({ where: { orgId, repository: "library/nginx", digest: NGINX_DIGEST, tag: "1.21.0" } });
    expect(await m.db.imageCve.count({ where: { imageId: image.id } })).toBe(3);

    // The libssl fix landed: resolved; the rest stays open.
    const t2 = new Date("2026-12-06T00:00:00Z");
    const patched = nginxCves.filter((c) => c.package !== "libssl1.1");
    expect(await m.saveImageCves({ orgId, clusterId: prod, findings: [finding("web", "nginx:1.21.0", patched, NGINX_DIGEST)], seenAt: t2 })).toEqual({ open: 2, resolved: 1 });
    const libssl = await m.db.imageCve.findFirstOrThrow({ where: { clusterId: prod, cve: "CVE-2021-3711" } });
    expect(libssl.resolvedAt?.toISOString()).toBe(t2.toISOString());
    // Unchanged rows seen within a day are not written again.
    const nginx = () => m.db.imageCve.findFirstOrThrow({ where: { clusterId: prod, cve: "CVE-2021-23017" } });
    expect((await nginx()).lastSeenAt.toISOString()).toBe(t1.toISOString());
    // It comes back (a rollback): reopened, first seen kept.
    const t3 = new Date("2026-12-07T00:00:00Z");
    expect(await m.saveImageCves({ orgId, clusterId: prod, findings, seenAt: t3 })).toEqual({ open: 3, resolved: 0 });
    const again = await m.db.imageCve.findFirstOrThrow({ where: { clusterId: prod, cve: "CVE-2021-3711" } });
    expect([again.resolvedAt, again.firstSeenAt.toISOString(), again.lastSeenAt.toISOString()]).toEqual([null, t1.toISOString(), t3.toISOString()]);
    // Two days after it was last written, its lastSeenAt moves on.
    expect((await nginx()).lastSeenAt.toISOString()).toBe(t3.toISOString());
    // No finding at all (the report was removed): everything of the cluster resolves.
    expect(await m.saveImageCves({ orgId, clusterId: prod, findings: [], seenAt: new Date("2026-12-08T00:00:00Z") })).toEqual({ open: 0, resolved: 3 });
    expect(await open()).toEqual([]);
  });
});

describe("CVE exceptions", () => {
  const future = (days: number) => new Date(Date.now() + days * 86_400_000);

  it("validates the id, state, justification, expiry, note and scope", async () => {
    const base = { orgId, actorId: userId, note: "checked with the vendor" };
    const refuse = async (input: Partial<Parameters<Mod["createCveException"]>[0]>, reason: RegExp) => {
      await expect(m.createCveException({ ...base, cve: "CVE-2021-23017", state: "accepted", expiresAt: future(30), ...input } as never)).rejects.toThrow(reason);
    };
    await refuse({ cve: "CVE-21-1" }, /not a CVE id/);
    await refuse({ cve: "GHSA-1234-5678-9abc" }, /not a GHSA id/);
    await refuse({ cve: "not an id!" }, /not a vulnerability id/);
    await refuse({ cve: "X".repeat(65) }, /up to 64 characters/);
    await refuse({ state: "ignored" }, /state must be one of/);
    await refuse({ state: "not_affected", justification: undefined }, /say why it is not affected/);
    await refuse({ state: "not_affected", justification: "we think so" }, /justification must be one of/);
    await refuse({ justification: "component_not_present" }, /applies only to not_affected/);
    await refuse({ expiresAt: undefined }, /needs an expiry date/);
    await refuse({ state: "fix_unavailable", expiresAt: null }, /needs an expiry date/);
    await refuse({ expiresAt: new Date(Date.now() - 1000) }, /in the future/);
    await refuse({ expiresAt: future(400) }, /at most 365 days/);
    await refuse({ expiresAt: "soon" }, /not a date/);
    await refuse({ note: "  " }, /add a note/);
    await refuse({ repository: "nginx:1.21.0" }, /without tag or digest/);
    await refuse({ namespace: "Shop_Prod" }, /not a namespace/);
    await refuse({ clusterId: theirs }, /not one of this organization's/);
    expect(await m.db.cveException.count()).toBe(0);
  });

  it("creates, lists and revokes, audited and scoped to the organization", async () => {
    const accepted = await m.createCveException({ orgId, actorId: userId, cve: "cve-2021-23017", repository: "nginx", clusterId: prod, namespace: "shop", state: "accepted", note: "fixed in the next release", expiresAt: future(30) });
    expect(accepted).toMatchObject({ cve: "CVE-2021-23017", repository: "docker.io/library/nginx", clusterId: prod, clusterName: "prod", namespace: "shop", state: "accepted", justification: null, active: true, createdBy: { id: userId } });
    const vex = await m.createCveException({ orgId, actorId: userId, cve: "GHSA-JFH8-C2JP-5V3Q", state: "not_affected", justification: "vulnerable_code_not_in_execute_path", note: "log4j is on the classpath of a tool we never run" });
    expect(vex).toMatchObject({ cve: "GHSA-jfh8-c2jp-5v3q", expiresAt: null, active: true });
    const rhsa = await m.createCveException({ orgId, actorId: userId, cve: "RHSA-2021:1234", state: "fix_unavailable", note: "waiting on Red Hat", expiresAt: future(10) });
    expect((await m.listCveExceptions({ orgId })).map((e) => e.id)).toEqual([rhsa.id, vex.id, accepted.id]);
    expect(await m.listCveExceptions({ orgId: otherOrgId })).toEqual([]);
    const audits = await m.db.auditLog.findMany({ where: { orgId, action: "cve_exception.create" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.targetId)).toEqual([accepted.id, vex.id, rhsa.id]);

    // Another organization cannot revoke it (404), the owner can, once.
    await expect(m.revokeCveException({ orgId: otherOrgId, actorId: outsiderId, id: rhsa.id })).rejects.toBeInstanceOf(m.NotFoundError);
    const revoked = await m.revokeCveException({ orgId, actorId: userId, id: rhsa.id });
    expect([revoked.active, !!revoked.revokedAt]).toEqual([false, true]);
    await expect(m.revokeCveException({ orgId, actorId: userId, id: rhsa.id })).rejects.toThrow(/already revoked/);
    expect(await m.db.auditLog.count({ where: { orgId, action: "cve_exception.revoke", targetId: rhsa.id } })).toBe(1);
    expect((await m.listCveExceptions({ orgId })).map((e) => e.id)).toEqual([vex.id, accepted.id]);
    expect((await m.listCveExceptions({ orgId, includeRevoked: true })).map((e) => e.id)).toEqual([rhsa.id, vex.id, accepted.id]);
  });

  it("reaches the engine settings: active ones only, cluster-scoped ones on their cluster by name", async () => {
    // An expired one (written directly: the API refuses a past expiry).
    await m.db.cveException.create({ data: { orgId, cve: "CVE-2020-0001", state: "accepted", note: "old", expiresAt: new Date(Date.now() - 60_000) } });
    const onProd = await m.getEngineSettingsInput({ orgId, clusterId: prod });
    expect(onProd!.cveExceptions.map((e) => [e.cve, e.clusterName ?? null, e.repository ?? null, e.namespace ?? null, e.state])).toEqual([
      ["CVE-2021-23017", "prod", "docker.io/library/nginx", "shop", "accepted"],
      ["GHSA-jfh8-c2jp-5v3q", null, null, null, "not_affected"],
    ]);
    const onStaging = await m.getEngineSettingsInput({ orgId, clusterId: staging });
    expect(onStaging!.cveExceptions.map((e) => e.cve)).toEqual(["GHSA-jfh8-c2jp-5v3q"]);
    const noCluster = await m.getEngineSettingsInput({ orgId });
    expect(noCluster!.cveExceptions.map((e) => e.cve)).toEqual(["GHSA-jfh8-c2jp-5v3q"]);
    expect((await m.getEngineSettingsInput({ orgId: otherOrgId, clusterId: theirs }))!.cveExceptions).toEqual([]);
  });
});

describe("bench documents", () => {
  it("generate the requested number of distinct, parseable CVEs", async () => {
    const vulns = generatedVulns(200, 3);
    expect(new Set(vulns.map((v) => `${v.id} ${v.pkg}`)).size).toBe(200);
    const res = await m.importVulnDocument({ orgId, text: trivyDocument({ repo: "registry.example.com/bench/app-0", tag: "1.0", digest: sha256Of("bench 0"), vulns }) });
    expect(res.vulnCount).toBe(200);
  });
});
