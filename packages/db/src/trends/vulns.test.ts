// Vulnerability trends against real Postgres: a CVE counted once per cluster x image across its
// packages, open at the end of each day, patching speed over the range, cluster and organization
// scoping, and a range that ends in the past.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_h5_vulntrends";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let a: string;
let b: string;

const at = (d: string, h = 12) => new Date(`${d}T${String(h).padStart(2, "0")}:00:00Z`);

async function image(org: string, repository: string, tag: string) {
  return (await m.db.image.create({ data: { orgId: org, registry: "docker.io", repository, tag } })).id;
}

async function cve(org: string, clusterId: string, imageId: string, id: string, pkg: string, severity: "critical" | "high" | "medium", fixable: boolean, firstSeenAt: Date, resolvedAt: Date | null = null) {
  await m.db.imageCve.create({
    data: { orgId: org, clusterId, imageId, cve: id, package: pkg, severity, fixable, fixedVersion: fixable ? "9.9" : null, firstSeenAt, lastSeenAt: resolvedAt ?? firstSeenAt, resolvedAt },
  });
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const one = await m.createUserWithOrganization({ email: "t@example.com", passwordHash: null, orgName: "T" });
  const two = await m.createUserWithOrganization({ email: "o@example.com", passwordHash: null, orgName: "O" });
  orgId = one.org.id;
  otherOrgId = two.org.id;
  const mk = (org: string, name: string, actorId: string) => m.createCluster({ orgId: org, actorId, name, server: "https://x", credentialCipher: "x", credentialKeyId: "k" });
  a = (await mk(orgId, "a", one.user.id)).id;
  b = (await mk(orgId, "b", one.user.id)).id;
  const foreign = (await mk(otherOrgId, "f", two.user.id)).id;
  const nginx = await image(orgId, "library/nginx", "1.21.0");
  const redis = await image(orgId, "library/redis", "6.0");
  const foreignImage = await image(otherOrgId, "library/nginx", "1.21.0");

  // One critical CVE in two packages of nginx on a: open until its last package is fixed (11-06).
  await cve(orgId, a, nginx, "CVE-2021-23017", "nginx", "critical", true, at("2026-10-20"), at("2026-11-05"));
  await cve(orgId, a, nginx, "CVE-2021-23017", "nginx-module-njs", "critical", true, at("2026-10-25"), at("2026-11-06"));
  await cve(orgId, a, nginx, "CVE-2022-0001", "openssl", "high", true, at("2026-11-03"));
  await cve(orgId, a, nginx, "CVE-2022-0002", "zlib", "high", true, at("2026-11-04", 6), at("2026-11-04", 12)); // opened and fixed the same day
  await cve(orgId, a, nginx, "CVE-2020-0003", "curl", "critical", false, at("2026-10-01"), at("2026-10-15")); // resolved before the range
  await cve(orgId, a, nginx, "CVE-2022-0005", "libxml2", "medium", true, at("2026-11-02"), at("2026-11-08"));
  await cve(orgId, a, nginx, "CVE-2022-0006", "libc6", "critical", true, at("2026-11-12")); // after the range
  await cve(orgId, a, redis, "CVE-2022-0001", "openssl", "high", true, at("2026-11-08")); // same CVE, another image: counted again
  await cve(orgId, b, nginx, "CVE-2021-23017", "nginx", "critical", true, at("2026-11-09"));
  await cve(otherOrgId, foreign, foreignImage, "CVE-2021-23017", "nginx", "critical", true, at("2026-11-01"));
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("vulnTrends", () => {
  it("counts open critical and high CVEs at the end of each day, once per cluster x image x CVE", async () => {
    const t = await m.vulnTrends({ orgId, days: 10, to: at("2026-11-10") });
    expect([t.from, t.to]).toEqual(["2026-11-01", "2026-11-10"]);
    expect(t.days.map((d) => [d.day.slice(5), d.critical, d.high])).toEqual([
      ["11-01", 1, 0],
      ["11-02", 1, 0],
      ["11-03", 1, 1],
      ["11-04", 1, 1],
      ["11-05", 1, 1], // one package fixed, the other not yet
      ["11-06", 0, 1],
      ["11-07", 0, 1],
      ["11-08", 0, 2],
      ["11-09", 1, 2],
      ["11-10", 1, 2],
    ]);
  });

  it("gives mean time to patch over fixable CVEs resolved in the range, per cluster and for the fleet", async () => {
    const t = await m.vulnTrends({ orgId, days: 10, to: at("2026-11-10") });
    // a: CVE-2021-23017 10-20 -> 11-06 (17 days), CVE-2022-0002 6 hours, CVE-2022-0005 6 days.
    const mttp = (17 + 0.25 + 6) / 3;
    expect(t.fleet).toMatchObject({ openCritical: 1, openHigh: 2, patched: 3, patchedCritical: 1 });
    expect(t.fleet.mttpDays).toBeCloseTo(mttp, 6);
    expect(t.fleet.mttpCriticalDays).toBeCloseTo(17, 6);
    expect(t.clusters.map((c) => [c.name, c.openCritical, c.openHigh, c.patched, c.mttpDays === null ? null : Number(c.mttpDays.toFixed(4))])).toEqual([
      ["a", 0, 2, 3, Number(mttp.toFixed(4))],
      ["b", 1, 0, 0, null],
    ]);
  });

  it("narrows to a cluster; another organization's cluster id matches nothing", async () => {
    const t = await m.vulnTrends({ orgId, clusterId: b, days: 10, to: at("2026-11-10") });
    expect(t.days.map((d) => d.critical)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(t.clusters.map((c) => c.name)).toEqual(["b"]);
    expect(t.fleet).toMatchObject({ openCritical: 1, patched: 0, mttpDays: null });
    const foreign = await m.vulnTrends({ orgId: otherOrgId, clusterIds: [a, b], days: 10, to: at("2026-11-10") });
    expect(foreign.days.every((d) => d.critical === 0 && d.high === 0)).toBe(true);
    expect(foreign.clusters).toEqual([]);
    const own = await m.vulnTrends({ orgId: otherOrgId, days: 10, to: at("2026-11-10") });
    expect(own.fleet.openCritical).toBe(1);
  });

  it("judges a range that ends in the past as of its last day", async () => {
    const t = await m.vulnTrends({ orgId, days: 5, to: at("2026-11-05") });
    expect(t.days.map((d) => [d.critical, d.high])).toEqual([[1, 0], [1, 0], [1, 1], [1, 1], [1, 1]]);
    // The critical CVE's last package is fixed on 11-06, after the range: still open, not patched.
    expect(t.fleet).toMatchObject({ openCritical: 1, openHigh: 1, patched: 1, patchedCritical: 0 });
    expect(t.fleet.mttpDays).toBeCloseTo(0.25, 6);
  });

  it("refuses a range it will not answer", async () => {
    await expect(m.vulnTrends({ orgId, days: 0 })).rejects.toThrow(/days must be/);
    await expect(m.vulnTrends({ orgId, days: m.MAX_VULN_TREND_DAYS + 1 })).rejects.toThrow(/days must be/);
    const t = await m.vulnTrends({ orgId, days: m.MAX_VULN_TREND_DAYS });
    expect(t.days).toHaveLength(m.MAX_VULN_TREND_DAYS);
  });
});
