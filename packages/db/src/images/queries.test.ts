// The images read path against real Postgres: images listed worst first with open CVE counts
// (judged by scans, else the newest import's, said so), filters and keyset pages; registries;
// one image with where it runs, its CVEs merged from the findings' details plus an import not
// judged yet (exceptions and VEX applied), and open CVEs per day; the fleet's CVE list; every
// query scoped to the organization.
import type { FindingCve, FindingDetails, ImageVulnDetails, VulnCounts, Vulnerability } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_images_h4";
type Q = typeof import("./queries");
let q: Q;
let db: typeof import("../client").db;
let orgId: string;
let otherOrgId: string;
let prod: string;
let staging: string;
let theirs: string;
let scanProd: string;
let scanStaging: string;
let scanTheirs: string;
const DAY = 86_400_000;
const NOW = new Date("2026-12-07T12:00:00Z");
const ids: Record<string, string> = {};

const counts = (c: Partial<Record<keyof VulnCounts, [number, number]>>): VulnCounts => {
  const out = { critical: { total: 0, fixable: 0 }, high: { total: 0, fixable: 0 }, medium: { total: 0, fixable: 0 }, low: { total: 0, fixable: 0 }, unknown: { total: 0, fixable: 0 } };
  for (const [k, [t, f]] of Object.entries(c)) out[k as keyof VulnCounts] = { total: t, fixable: f };
  return out;
};

async function image(key: string, registry: string, repository: string, tag: string, digest = "") {
  ids[key] = (await db.image.create({ data: { orgId, registry, repository, tag, digest } })).id;
  return ids[key]!;
}

async function use(imageKey: string, clusterId: string, scanId: string, w: { kind?: string; ns: string; name: string; container: string; ref: string; mutable?: boolean; allowed?: boolean | null; gone?: boolean }) {
  return db.imageUse.create({
    data: {
      orgId,
      clusterId,
      imageId: ids[imageKey]!,
      apiVersion: "apps/v1",
      kind: w.kind ?? "Deployment",
      namespace: w.ns,
      name: w.name,
      container: w.container,
      reference: w.ref,
      pullPolicy: "IfNotPresent",
      mutableTag: w.mutable ?? false,
      registryAllowed: w.allowed === undefined ? null : w.allowed,
      lastSeenScanId: scanId,
      firstSeenAt: new Date(NOW.getTime() - 20 * DAY),
      lastSeenAt: NOW,
      ...(w.gone ? { goneAt: new Date(NOW.getTime() - DAY) } : {}),
    },
  });
}

async function cve(imageKey: string, clusterId: string, id: string, pkg: string, severity: "critical" | "high" | "medium" | "low", fixed: string | null, firstDaysAgo: number, resolvedDaysAgo?: number) {
  await db.imageCve.create({
    data: {
      orgId,
      clusterId,
      imageId: ids[imageKey]!,
      cve: id,
      package: pkg,
      severity,
      fixable: fixed !== null,
      fixedVersion: fixed,
      firstSeenAt: new Date(NOW.getTime() - firstDaysAgo * DAY),
      lastSeenAt: NOW,
      ...(resolvedDaysAgo !== undefined ? { resolvedAt: new Date(NOW.getTime() - resolvedDaysAgo * DAY) } : {}),
    },
  });
}

const fcve = (id: string, severity: FindingCve["severity"], pkg: string, installed: string, fixed?: string, excepted?: FindingCve["excepted"]): FindingCve => ({
  id,
  severity,
  package: pkg,
  installedVersion: installed,
  ...(fixed ? { fixedVersion: fixed } : {}),
  ...(excepted ? { excepted } : {}),
});

async function vulnFinding(clusterId: string, scanId: string, w: { ns: string; name: string }, v: Omit<ImageVulnDetails, "counts" | "key" | "source" | "match" | "stale"> & Partial<ImageVulnDetails>) {
  const details: FindingDetails = {
    vulnerabilities: { source: "trivy-operator", match: "producer", stale: false, counts: counts({}), key: { registry: "docker.io", repository: "library/nginx", tag: "1.21.0" }, ...v },
  };
  return db.finding.create({
    data: {
      orgId,
      clusterId,
      fingerprint: `fp-${clusterId}-${w.ns}-${w.name}-${v.container}`,
      ruleId: "image-vulnerabilities",
      severity: "critical",
      apiVersion: "apps/v1",
      kind: "Deployment",
      namespace: w.ns,
      name: w.name,
      path: "spec.template.spec.containers[0].image",
      observed: v.image,
      message: `${v.image} has vulnerabilities`,
      remediation: "update",
      firstSeenScanId: scanId,
      lastSeenScanId: scanId,
      lastSeenAt: new Date(NOW.getTime() - DAY),
      details: details as object,
    },
  });
}

async function vulnImport(key: { registry: string; repository: string; tag?: string; digest?: string }, vulns: Vulnerability[], c: VulnCounts, scannedDaysAgo: number, sha: string, org = orgId) {
  return db.vulnImport.create({
    data: {
      orgId: org,
      format: "trivy",
      registry: key.registry,
      repository: key.repository,
      tag: key.tag ?? "",
      digest: key.digest ?? "",
      scanner: "Trivy",
      scannedAt: new Date(NOW.getTime() - scannedDaysAgo * DAY),
      vulnerabilities: vulns as object[],
      counts: c as object,
      vulnCount: vulns.length,
      sha256: sha,
      bytes: 100,
    },
  });
}

const DIGEST_API = `sha256:${"a".repeat(64)}`;

beforeAll(async () => {
  await useFreshDatabase(DB);
  ({ db } = await import("../client"));
  q = await import("./queries");
  const { createUserWithOrganization } = await import("../users/create-user-with-organization");
  const { createCluster } = await import("../clusters/create-cluster");
  const a = await createUserWithOrganization({ email: "images-owner@example.com", passwordHash: null, orgName: "Images" });
  const b = await createUserWithOrganization({ email: "images-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  otherOrgId = b.org.id;
  const cluster = (org: string, actor: string, name: string) => createCluster({ orgId: org, actorId: actor, name, server: "https://k.example", credentialCipher: "x", credentialKeyId: "k1" });
  prod = (await cluster(orgId, a.user.id, "prod")).id;
  staging = (await cluster(orgId, a.user.id, "staging")).id;
  theirs = (await cluster(otherOrgId, b.user.id, "theirs")).id;
  const scan = (org: string, clusterId: string) => db.scan.create({ data: { orgId: org, clusterId, trigger: "manual", status: "succeeded" } });
  scanProd = (await scan(orgId, prod)).id;
  scanStaging = (await scan(orgId, staging)).id;
  scanTheirs = (await scan(otherOrgId, theirs)).id;

  // nginx:1.21.0 in prod (shop/web, and shop/admin which excepts one CVE) and staging (shop/web)
  await image("nginx", "docker.io", "library/nginx", "1.21.0");
  await use("nginx", prod, scanProd, { ns: "shop", name: "web", container: "web", ref: "nginx:1.21.0", mutable: true });
  await use("nginx", prod, scanProd, { ns: "shop", name: "admin", container: "nginx", ref: "nginx:1.21.0", mutable: true });
  await use("nginx", staging, scanStaging, { ns: "shop", name: "web", container: "web", ref: "nginx:1.21.0", mutable: true });
  await use("nginx", staging, scanStaging, { ns: "old", name: "gone", container: "web", ref: "nginx:1.21.0", mutable: true, gone: true });
  for (const [c, s] of [[prod, scanProd], [staging, scanStaging]] as const) {
    await cve("nginx", c, "CVE-2021-23017", "nginx", "critical", "1.21.1-1~buster", 30);
    await cve("nginx", c, "CVE-2022-0778", "libssl1.1", "high", "1.1.1n-0+deb10u1", 10);
    await cve("nginx", c, "CVE-2019-9999", "zlib", "medium", null, 40, 5);
    void s;
  }
  await cve("nginx", prod, "CVE-2022-0778", "openssl", "high", "1.1.1n-0+deb10u1", 10);
  const web = "nginx:1.21.0";
  await vulnFinding(prod, scanProd, { ns: "shop", name: "web" }, {
    image: web,
    container: "web",
    cves: [fcve("CVE-2021-23017", "critical", "nginx", "1.21.0-1~buster", "1.21.1-1~buster"), fcve("CVE-2022-0778", "high", "libssl1.1", "1.1.1d-0+deb10u7", "1.1.1n-0+deb10u1"), fcve("CVE-2023-1111", "low", "bash", "5.0-4", undefined, { by: "exception", id: "x1", state: "accepted", note: "n" })],
  });
  await vulnFinding(prod, scanProd, { ns: "shop", name: "admin" }, {
    image: web,
    container: "nginx",
    cves: [fcve("CVE-2021-23017", "critical", "nginx", "1.21.0-1~buster", "1.21.1-1~buster"), fcve("CVE-2022-0778", "high", "libssl1.1", "1.1.1d-0+deb10u7", "1.1.1n-0+deb10u1"), fcve("CVE-2023-1111", "low", "bash", "5.0-4")],
  });

  // ghcr.io/acme/api by digest, never judged: an import's counts stand in
  await image("api", "ghcr.io", "acme/api", "2.0.0", DIGEST_API);
  await use("api", prod, scanProd, { ns: "shop", name: "api", container: "api", ref: `ghcr.io/acme/api@${DIGEST_API}`, allowed: true });
  await vulnImport({ registry: "ghcr.io", repository: "acme/api", tag: "2.0.0" }, [], counts({ critical: [9, 9] }), 3, "tag-only-older");
  await vulnImport(
    { registry: "ghcr.io", repository: "acme/api", tag: "2.0.0", digest: DIGEST_API },
    [
      { id: "CVE-2024-0001", package: "openssl", installedVersion: "3.0.1", fixedVersion: "3.0.2", severity: "high" },
      { id: "GHSA-aaaa-bbbb-cccc", aliases: ["CVE-2024-0002"], package: "lodash", installedVersion: "4.17.0", severity: "critical" },
      { id: "CVE-2024-0003", package: "zlib", installedVersion: "1.2", fixedVersion: "1.3", severity: "medium", vex: { state: "not_affected", justification: "vulnerable_code_not_in_execute_path" } },
    ],
    counts({ high: [1, 1], critical: [1, 0], medium: [1, 1] }),
    2,
    "digest-newer",
  );
  await db.cveException.create({ data: { orgId, cve: "CVE-2024-0002", repository: "ghcr.io/acme/api", state: "fix_unavailable", note: "no fix upstream", expiresAt: new Date(NOW.getTime() + 30 * DAY) } });
  // an exception scoped to a namespace: the image page does not apply it (the scan does, per workload)
  await db.cveException.create({ data: { orgId, cve: "CVE-2024-0001", namespace: "shop", state: "accepted", note: "n", expiresAt: new Date(NOW.getTime() + 30 * DAY) } });

  // quay.io/evil/miner:latest from a registry outside the allowed list, no data
  await image("miner", "quay.io", "evil/miner", "latest");
  await use("miner", staging, scanStaging, { ns: "tools", name: "miner", container: "m", ref: "quay.io/evil/miner", mutable: true, allowed: false });

  // redis:7.2 only gone: not running, not listed
  await image("redis", "docker.io", "library/redis", "7.2");
  await use("redis", staging, scanStaging, { ns: "data", name: "redis", container: "redis", ref: "redis:7.2", gone: true });

  // The other organization runs nginx too, with a CVE of its own
  const theirsNginx = (await db.image.create({ data: { orgId: otherOrgId, registry: "docker.io", repository: "library/nginx", tag: "1.21.0" } })).id;
  await db.imageUse.create({ data: { orgId: otherOrgId, clusterId: theirs, imageId: theirsNginx, apiVersion: "apps/v1", kind: "Deployment", namespace: "x", name: "x", container: "x", reference: "nginx:1.21.0", mutableTag: true, lastSeenScanId: scanTheirs } });
  await db.imageCve.create({ data: { orgId: otherOrgId, clusterId: theirs, imageId: theirsNginx, cve: "CVE-2099-0001", package: "p", severity: "critical", fixable: true } });
  await vulnImport({ registry: "ghcr.io", repository: "acme/api", digest: DIGEST_API }, [], counts({ critical: [50, 50] }), 0, "theirs", otherOrgId);
});

afterAll(async () => {
  await db?.$disconnect();
  await dropDatabase(DB).catch(() => {});
});

describe("listImages", () => {
  it("lists running images worst first with open CVE counts from scans, else the newest digest import", async () => {
    const { items, total, nextCursor } = await q.listImages({ orgId });
    expect(total).toBe(3);
    expect(nextCursor).toBeNull();
    expect(items.map((i) => `${i.registry}/${i.repository}:${i.tag}`)).toEqual(["docker.io/library/nginx:1.21.0", "ghcr.io/acme/api:2.0.0", "quay.io/evil/miner:latest"]);
    const [nginx, api, miner] = items;
    // one CVE in two packages and two clusters counts once; the resolved one not at all
    expect(nginx!.counts.critical).toEqual({ total: 1, fixable: 1 });
    expect(nginx!.counts.high).toEqual({ total: 1, fixable: 1 });
    expect(nginx!.counts.medium).toEqual({ total: 0, fixable: 0 });
    expect(nginx!.countsFrom).toBe("scan");
    expect(nginx!.clusters).toBe(2);
    expect(nginx!.clusterNames).toEqual(["prod", "staging"]);
    expect(nginx!.workloads).toBe(3);
    expect(nginx!.mutableTag).toBe(true);
    expect(nginx!.registryAllowed).toBeNull();
    // the digest import wins over a tag-only one, even an older-scanned tag one with more
    expect(api!.countsFrom).toBe("import");
    expect(api!.counts.critical).toEqual({ total: 1, fixable: 0 });
    expect(api!.counts.high).toEqual({ total: 1, fixable: 1 });
    expect(api!.registryAllowed).toBe(true);
    expect(api!.mutableTag).toBe(false);
    expect(miner!.countsFrom).toBeNull();
    expect(miner!.registryAllowed).toBe(false);
  });

  it("filters by cluster, registry, text, severity, fixability, mutable tags and disallowed registries", async () => {
    const names = async (f: Partial<Parameters<Q["listImages"]>[0]>) => (await q.listImages({ orgId, ...f })).items.map((i) => i.repository);
    expect(await names({ clusterId: staging })).toEqual(["library/nginx", "evil/miner"]);
    expect(await names({ registry: "GHCR.io" })).toEqual(["acme/api"]);
    expect(await names({ q: "mine" })).toEqual(["evil/miner"]);
    expect(await names({ q: "nginx:1.21" })).toEqual(["library/nginx"]);
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ severity: "critical" })).toEqual(["library/nginx", "acme/api"]);
    expect(await names({ severity: "critical", fixable: true })).toEqual(["library/nginx"]);
    expect(await names({ severity: "high", fixable: true })).toEqual(["library/nginx", "acme/api"]);
    expect(await names({ fixable: true })).toEqual(["library/nginx", "acme/api"]);
    expect(await names({ mutable: true })).toEqual(["library/nginx", "evil/miner"]);
    expect(await names({ notAllowed: true })).toEqual(["evil/miner"]);
    // staging alone: nginx counts only staging's CVEs
    const [nginx] = (await q.listImages({ orgId, clusterId: staging })).items;
    expect(nginx!.clusters).toBe(1);
    expect(nginx!.workloads).toBe(1);
  });

  it("pages with a cursor in both sorts, each row once, total on every page", async () => {
    for (const sort of ["worst", "name"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 5; i++) {
        const page = await q.listImages({ orgId, sort, limit: 1, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(3);
        seen.push(...page.items.map((r) => r.repository));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      // by name: registry first (docker.io, ghcr.io, quay.io), as worst first happens to be here
      expect(seen).toEqual(["library/nginx", "acme/api", "evil/miner"]);
    }
    // a garbled cursor is the first page
    expect((await q.listImages({ orgId, cursor: "not-a-cursor", limit: 1 })).items[0]!.repository).toBe("library/nginx");
  });

  it("groups by registry", async () => {
    const rows = await q.listImageRegistries({ orgId });
    expect(rows.map((r) => r.registry)).toEqual(["docker.io", "ghcr.io", "quay.io"]);
    expect(rows[0]).toMatchObject({ images: 1, repositories: 1, workloads: 3, clusters: 2, mutableImages: 1, critical: 1, high: 1, fixable: 2, registryAllowed: null });
    expect(rows[2]).toMatchObject({ registryAllowed: false, critical: 0 });
    expect(await q.imageFilterChoices({ orgId })).toEqual({ registries: ["docker.io", "ghcr.io", "quay.io"], clusters: [{ id: prod, name: "prod" }, { id: staging, name: "staging" }].sort((a, b) => a.name.localeCompare(b.name)) });
  });

  it("sees nothing of another organization", async () => {
    const theirsList = await q.listImages({ orgId: otherOrgId });
    expect(theirsList.items.map((i) => i.repository)).toEqual(["library/nginx"]);
    expect(theirsList.items[0]!.counts.critical.total).toBe(1);
    expect((await q.listImages({ orgId: otherOrgId, clusterId: prod })).items).toEqual([]);
    expect(await q.imageDetail({ orgId: otherOrgId, imageId: ids.nginx! })).toBeNull();
    expect((await q.listVulnerabilities({ orgId: otherOrgId })).items.map((v) => v.cve)).toEqual(["CVE-2099-0001"]);
  });
});

describe("imageDetail", () => {
  it("says where it runs (running first, gone after) and merges the findings' CVEs", async () => {
    const d = (await q.imageDetail({ orgId, imageId: ids.nginx!, now: NOW }))!;
    expect(d.image.repository).toBe("library/nginx");
    expect(d.uses.map((u) => `${u.clusterName}/${u.namespace}/${u.name}${u.goneAt ? " (gone)" : ""}`)).toEqual(expect.arrayContaining(["prod/shop/web", "prod/shop/admin", "staging/shop/web", "staging/old/gone (gone)"]));
    expect(d.uses.at(-1)!.goneAt).not.toBeNull();
    const webProd = d.uses.find((u) => u.clusterId === prod && u.name === "web")!;
    expect(webProd.findingId).not.toBeNull();
    expect(d.uses.find((u) => u.clusterId === staging && u.name === "web")!.findingId).toBeNull();
    expect(d.cves.map((c) => c.id)).toEqual(["CVE-2021-23017", "CVE-2022-0778", "CVE-2023-1111"]);
    expect(d.cves[0]).toMatchObject({ severity: "critical", package: "nginx", fixedVersion: "1.21.1-1~buster", workloads: 2, from: "scan" });
    // excepted in one workload only: not excepted on the image page
    expect(d.cves[2]!.excepted).toBeUndefined();
    expect(d.counts.critical).toEqual({ total: 1, fixable: 1 });
    expect(d.counts.low).toEqual({ total: 1, fixable: 0 });
    expect(d.reports).toEqual([{ from: "scan", source: "trivy-operator", scanner: null, match: "producer", reportedAt: null, stale: false }]);
  });

  it("shows open CVEs per day over 90 days from first seen to resolved", async () => {
    const d = (await q.imageDetail({ orgId, imageId: ids.nginx!, now: NOW }))!;
    expect(d.trend).toHaveLength(90);
    expect(d.trend.at(-1)).toEqual({ day: "2026-12-07", critical: 1, high: 1, other: 0 });
    // 7 days ago the medium CVE (resolved 5 days ago) was open, the high one too
    expect(d.trend.find((t) => t.day === "2026-11-30")).toEqual({ day: "2026-11-30", critical: 1, high: 1, other: 1 });
    // 35 days ago only the medium one
    expect(d.trend.find((t) => t.day === "2026-11-02")).toEqual({ day: "2026-11-02", critical: 0, high: 0, other: 1 });
    expect(d.trend[0]).toEqual({ day: "2026-09-09", critical: 0, high: 0, other: 0 });
  });

  it("an image no scan judged shows its newest digest import, with exceptions and VEX applied", async () => {
    const d = (await q.imageDetail({ orgId, imageId: ids.api!, now: NOW }))!;
    expect(d.imports.map((i) => i.match)).toEqual(["digest", "tag"]);
    expect(d.reports).toEqual([expect.objectContaining({ from: "import", source: "trivy", scanner: "Trivy", match: "digest", stale: false })]);
    expect(d.cves.map((c) => [c.id, c.excepted?.by ?? null, c.from])).toEqual([
      ["CVE-2024-0001", null, "import"],
      // the exception names the alias: the GHSA is covered
      ["GHSA-aaaa-bbbb-cccc", "exception", "import"],
      ["CVE-2024-0003", "vex", "import"],
    ]);
    expect(d.cves[1]!.excepted).toMatchObject({ state: "fix_unavailable", note: "no fix upstream" });
    expect(d.counts.high).toEqual({ total: 1, fixable: 1 });
    expect(d.counts.critical.total).toBe(0);
    expect(d.counts.medium.total).toBe(0);
    expect(d.trend.every((t) => t.critical + t.high + t.other === 0)).toBe(true);
  });
});

describe("listVulnerabilities", () => {
  it("lists open CVEs of the fleet worst first with images, workloads, clusters and fixed versions", async () => {
    const { items, total } = await q.listVulnerabilities({ orgId });
    expect(total).toBe(2);
    expect(items.map((v) => v.cve)).toEqual(["CVE-2021-23017", "CVE-2022-0778"]);
    expect(items[0]).toMatchObject({ severity: "critical", fixable: true, fixedVersions: ["1.21.1-1~buster"], packages: ["nginx"], images: 1, clusters: 2, workloads: 3, imageId: ids.nginx });
    expect(items[0]!.image).toEqual({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0" });
    expect(items[1]!.packages).toEqual(["libssl1.1", "openssl"]);
    expect(items[1]!.exceptions).toEqual([]);
  });

  it("filters and pages", async () => {
    expect((await q.listVulnerabilities({ orgId, severity: "critical" })).items.map((v) => v.cve)).toEqual(["CVE-2021-23017"]);
    expect((await q.listVulnerabilities({ orgId, q: "libssl" })).items.map((v) => v.cve)).toEqual(["CVE-2022-0778"]);
    expect((await q.listVulnerabilities({ orgId, clusterId: staging })).items.map((v) => v.workloads)).toEqual([1, 1]);
    expect((await q.listVulnerabilities({ orgId, imageId: ids.api! })).items).toEqual([]);
    const first = await q.listVulnerabilities({ orgId, limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await q.listVulnerabilities({ orgId, limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((v) => v.cve)).toEqual(["CVE-2022-0778"]);
    expect(second.total).toBe(2);
    expect(second.nextCursor).toBeNull();
  });

  it("names the active exceptions of a CVE", async () => {
    await db.imageCve.create({ data: { orgId, clusterId: prod, imageId: ids.api!, cve: "CVE-2024-0001", package: "openssl", severity: "high", fixable: true, fixedVersion: "3.0.2" } });
    const row = (await q.listVulnerabilities({ orgId, q: "CVE-2024-0001" })).items[0]!;
    expect(row.exceptions).toEqual([expect.objectContaining({ state: "accepted", scoped: true })]);
    expect(row.imageId).toBe(ids.api);
  });
});
