// Compliance scope, attestations and their evidence files, scoped rule statuses and the framework
// posture built from them: org-scoped, validated, audited. Real Postgres.
import { getFramework, type RuleStatus } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_compliance";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let userId: string;
let otherUserId: string;

const DAY = 86_400_000;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR-not-really-but-a-png-by-signature")]);
const TEXT = Buffer.from("Access reviews for Q3 completed by the security team.\nAll 14 accounts confirmed.\n");

async function cluster(org: string, actor: string, name: string): Promise<string> {
  return (await m.createCluster({ orgId: org, actorId: actor, name, server: `https://${name}.example`, credentialCipher: "x", credentialKeyId: "k1" })).id;
}

async function complete(org: string, clusterId: string, rules: RuleStatus[]): Promise<{ id: string; finishedAt: Date }> {
  const s = await m.createScan({ orgId: org, clusterId, trigger: "manual" });
  await m.claimScan({ orgId: org, scanId: s.id, workerId: "w" });
  await m.recordScanResults({
    orgId: org,
    scanId: s.id,
    workerId: "w",
    result: { findings: [], rules, score: 80, counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, objectCount: 0 },
    kinds: [{ resource: "v1/pods", kind: "Pod", status: "read", count: 0 }],
    objects: [],
  });
  const scan = await m.db.scan.findUniqueOrThrow({ where: { id: s.id } });
  return { id: s.id, finishedAt: scan.finishedAt! };
}

let fpSeq = 0;
async function finding(org: string, clusterId: string, scanId: string, f: { ns: string | null; checks: string[]; status?: "open" | "resolved" | "excepted" | "in_progress"; baseline?: boolean; firstSeenAt?: Date; resolvedAt?: Date }) {
  await m.db.finding.create({
    data: {
      orgId: org, clusterId, fingerprint: `fp-${++fpSeq}`, ruleId: f.checks[0]!, checks: f.checks, severity: "high", status: f.status ?? "open",
      apiVersion: "v1", kind: f.ns ? "Pod" : "ClusterRole", namespace: f.ns, name: `obj-${fpSeq}`, path: "spec", message: "m", remediation: "r",
      firstSeenScanId: scanId, lastSeenScanId: scanId, firstSeenAt: f.firstSeenAt ?? new Date(Date.now() - DAY), resolvedAt: f.resolvedAt ?? null,
      ...(f.baseline ? { baselineId: "platform", baselineReason: "expected" } : {}),
    },
  });
}

const hipaa = () => getFramework("hipaa")!;
/** A manual control of HIPAA (an attestation closes it) and an automated one with rules. */
const manualControl = () => hipaa().controls.find((c) => c.manual && !c.notApplicable)!;

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "comp@example.com", passwordHash: null, orgName: "Comp", name: "Casey Comp" });
  const b = await m.createUserWithOrganization({ email: "comp-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  userId = a.user.id;
  otherOrgId = b.org.id;
  otherUserId = b.user.id;
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("compliance scope", () => {
  it("is every cluster until set; set replaces it, validates and is audited; empty clears it", async () => {
    const prod = await cluster(orgId, userId, "payments-prod");
    const dev = await cluster(orgId, userId, "dev");
    const theirs = await cluster(otherOrgId, otherUserId, "theirs");

    const initial = await m.getComplianceScope({ orgId, framework: "hipaa" });
    expect(initial.scoped).toBe(false);
    expect(initial.clusters.map((c) => [c.clusterName, c.namespaces])).toEqual([["dev", []], ["payments-prod", []]]);

    const set = await m.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId: prod, namespaces: ["phi", "billing", "phi"] }] });
    expect(set).toMatchObject({ scoped: true, clusters: [{ clusterId: prod, clusterName: "payments-prod", namespaces: ["billing", "phi"] }] });
    // Another framework's scope is its own.
    expect((await m.getComplianceScope({ orgId, framework: "gdpr" })).scoped).toBe(false);
    const audit = await m.db.auditLog.findFirst({ where: { orgId, action: "compliance.scope" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: userId, targetId: "hipaa" });

    await expect(m.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId: theirs, namespaces: [] }] })).rejects.toThrow(/not one of this organization's/);
    await expect(m.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId: dev, namespaces: ["Bad_NS"] }] })).rejects.toThrow(/not a namespace name/);
    await expect(m.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId: dev }, { clusterId: dev }] })).rejects.toThrow(/twice/);
    await expect(m.getComplianceScope({ orgId, framework: "nope" })).rejects.toThrow(/framework "nope" not found/);
    // A refused change leaves the scope as it was.
    expect((await m.getComplianceScope({ orgId, framework: "hipaa" })).clusters.map((c) => c.clusterId)).toEqual([prod]);
    // The other organization sees none of it.
    expect((await m.getComplianceScope({ orgId: otherOrgId, framework: "hipaa" })).clusters.map((c) => c.clusterName)).toEqual(["theirs"]);

    // Concurrent replacements apply one after the other (no unique-constraint failure).
    const both = await Promise.all([
      m.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId: prod }, { clusterId: dev }] }),
      m.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId: dev, namespaces: ["web"] }, { clusterId: prod }] }),
    ]);
    expect(both.every((s) => s.scoped)).toBe(true);
    expect((await m.getComplianceScope({ orgId, framework: "hipaa" })).clusters).toHaveLength(2);

    await m.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [] });
    expect((await m.getComplianceScope({ orgId, framework: "hipaa" })).scoped).toBe(false);
  });

  it("covers nothing, not the whole fleet, once every cluster in it was deleted", async () => {
    const gone = await cluster(orgId, userId, "soon-gone");
    await m.setComplianceScope({ orgId, actorId: userId, framework: "soc2", clusters: [{ clusterId: gone }] });
    await m.deleteCluster({ orgId, clusterId: gone, actorId: userId });
    expect(await m.getComplianceScope({ orgId, framework: "soc2" })).toMatchObject({ scoped: true, clusters: [] });
    await m.setComplianceScope({ orgId, actorId: userId, framework: "soc2", clusters: [] });
    expect((await m.getComplianceScope({ orgId, framework: "soc2" })).scoped).toBe(false);
  });
});

describe("attestations", () => {
  const base = () => ({
    orgId,
    actor: { id: userId },
    framework: "hipaa",
    controlId: manualControl().id,
    statement: "Workforce access reviews are done quarterly; the Q3 review is attached.",
    links: ["https://wiki.example.com/access-review"],
    owner: "Security team",
    reviewedAt: new Date(Date.now() - DAY),
    expiresAt: new Date(Date.now() + 90 * DAY),
  });

  it("records files checked from their bytes, supersedes the previous one, and keeps history", async () => {
    const first = await m.createAttestation({ ...base(), files: [{ name: "q3 review.pdf", contentType: "application/pdf", bytes: PDF }, { name: "notes.txt", bytes: TEXT }, { name: "../../screen", bytes: PNG }] });
    expect(first.attestedByName).toBe("Casey Comp <comp@example.com>");
    expect(first.files.map((f) => [f.name, f.contentType, f.size])).toEqual([
      ["notes.txt", "text/plain", TEXT.length],
      ["q3 review.pdf", "application/pdf", PDF.length],
      ["screen.png", "image/png", PNG.length],
    ]);
    expect(first.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.files[0]).not.toHaveProperty("bytes");

    const second = await m.createAttestation({ ...base(), statement: "Q4 review done.", files: [] });
    const active = await m.listActiveAttestations({ orgId, framework: "hipaa" });
    expect(active.get(manualControl().id)?.id).toBe(second.id);
    const history = await m.listAttestations({ orgId, framework: "hipaa", controlId: manualControl().id });
    expect(history.map((h) => h.id)).toEqual([second.id, first.id]);
    expect(history[1]!.supersededAt).toBeInstanceOf(Date);
    // Before the second existed, the first was the one in force.
    expect((await m.listActiveAttestations({ orgId, framework: "hipaa", now: new Date(second.createdAt.getTime() - 1) })).get(manualControl().id)?.id).toBe(first.id);

    const pdf = first.files.find((f) => f.contentType === "application/pdf")!;
    const file = await m.getAttestationFile({ orgId, fileId: pdf.id });
    expect(file?.bytes.equals(PDF)).toBe(true);
    expect(file?.sha256).toBe(pdf.sha256);

    const audits = await m.db.auditLog.findMany({ where: { orgId, action: "attestation.create" }, orderBy: { createdAt: "asc" } });
    expect(audits).toHaveLength(2);
    expect((audits[1]!.data as { superseded: string[] }).superseded).toEqual([first.id]);
  });

  it("never lets another organization read or revoke them", async () => {
    const a = await m.createAttestation({ ...base(), files: [{ name: "proof.txt", bytes: TEXT }] });
    expect(await m.getAttestationFile({ orgId: otherOrgId, fileId: a.files[0]!.id })).toBeNull();
    expect((await m.listAttestations({ orgId: otherOrgId, framework: "hipaa" })).length).toBe(0);
    expect((await m.listActiveAttestations({ orgId: otherOrgId, framework: "hipaa" })).size).toBe(0);
    expect(await m.getAttestation({ orgId: otherOrgId, attestationId: a.id })).toBeNull();
    await expect(m.revokeAttestation({ orgId: otherOrgId, actorId: otherUserId, attestationId: a.id })).rejects.toThrow(/not found/);
    // An outsider cannot attest in the organization either.
    await expect(m.createAttestation({ ...base(), actor: { id: otherUserId } })).rejects.toThrow(/member/);
  });

  it("revoked and expired ones are not in force; revoking is audited and happens once", async () => {
    const a = await m.createAttestation(base());
    await m.revokeAttestation({ orgId, actorId: userId, attestationId: a.id, reason: "evidence was for the wrong system" });
    expect((await m.listActiveAttestations({ orgId, framework: "hipaa" })).has(manualControl().id)).toBe(false);
    await expect(m.revokeAttestation({ orgId, actorId: userId, attestationId: a.id })).rejects.toThrow(/already revoked/);
    expect(await m.db.auditLog.count({ where: { orgId, action: "attestation.revoke", targetId: a.id } })).toBe(1);

    const b = await m.createAttestation({ ...base(), expiresAt: new Date(Date.now() + 10 * DAY) });
    expect((await m.listActiveAttestations({ orgId, framework: "hipaa" })).get(manualControl().id)?.id).toBe(b.id);
    expect((await m.listActiveAttestations({ orgId, framework: "hipaa", now: new Date(Date.now() + 11 * DAY) })).has(manualControl().id)).toBe(false);
  });

  it("refuses bad input with a clear message", async () => {
    const html = Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>");
    await expect(m.createAttestation({ ...base(), files: [{ name: "report.pdf", contentType: "application/pdf", bytes: html }] })).rejects.toThrow(/not a PDF, a PNG image or plain text/);
    await expect(m.createAttestation({ ...base(), files: [{ name: "x.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') }] })).rejects.toThrow(/not a PDF/);
    await expect(m.createAttestation({ ...base(), files: [{ name: "run.exe", bytes: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) }] })).rejects.toThrow(/not a PDF/);
    await expect(m.createAttestation({ ...base(), files: [{ name: "notes.html", bytes: TEXT }] })).rejects.toThrow(/named as \.html/);
    await expect(m.createAttestation({ ...base(), files: [{ name: "fake.pdf", bytes: TEXT }] })).rejects.toThrow(/named as \.pdf/);
    await expect(m.createAttestation({ ...base(), files: [{ name: "a.txt", contentType: "application/pdf", bytes: TEXT }] })).rejects.toThrow(/sent as application\/pdf/);
    await expect(m.createAttestation({ ...base(), files: [{ name: "latin1.txt", bytes: Buffer.from([0x63, 0x61, 0x66, 0xe9]) }] })).rejects.toThrow(/not a PDF/);
    await expect(m.createAttestation({ ...base(), files: Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, bytes: TEXT })) })).rejects.toThrow(/at most 10/);
    await expect(m.createAttestation({ ...base(), files: [{ name: "a.txt", bytes: TEXT }, { name: "A.txt", bytes: TEXT }] })).rejects.toThrow(/two files/);
    await expect(m.createAttestation({ ...base(), statement: "   " })).rejects.toThrow(/statement is empty/);
    await expect(m.createAttestation({ ...base(), statement: "x".repeat(4001) })).rejects.toThrow(/longer than 4000/);
    await expect(m.createAttestation({ ...base(), links: ["javascript:alert(1)"] })).rejects.toThrow(/https or http/);
    await expect(m.createAttestation({ ...base(), links: ["not a url"] })).rejects.toThrow(/not a URL/);
    await expect(m.createAttestation({ ...base(), expiresAt: new Date(Date.now() - 1000) })).rejects.toThrow(/future/);
    await expect(m.createAttestation({ ...base(), reviewedAt: new Date(Date.now() + 5 * DAY), expiresAt: new Date(Date.now() + 4 * DAY) })).rejects.toThrow(/review date cannot be in the future/);
    await expect(m.createAttestation({ ...base(), expiresAt: new Date(Date.now() + 800 * DAY) })).rejects.toThrow(/at most 730 days/);
    await expect(m.createAttestation({ ...base(), controlId: "no-such-control" })).rejects.toThrow(/control "no-such-control"/);
    await expect(m.createAttestation({ ...base(), framework: "nope" })).rejects.toThrow(/framework "nope" not found/);
    await expect(m.createAttestation({ ...base(), owner: "" })).rejects.toThrow(/owner/);
    // Nothing of the refused attempts was written.
    expect(await m.db.attestationFile.count({ where: { orgId, name: { in: ["report.pdf", "x.svg", "run.exe", "fake.pdf"] } } })).toBe(0);
  });

  it("refuses a file over BULWARK_EVIDENCE_MAX_BYTES", async () => {
    process.env.BULWARK_EVIDENCE_MAX_BYTES = "64";
    try {
      await expect(m.createAttestation({ ...base(), files: [{ name: "big.txt", bytes: Buffer.alloc(65, "a") }] })).rejects.toThrow(/big\.txt is larger than 64 bytes/);
      const ok = await m.createAttestation({ ...base(), files: [{ name: "fits.txt", bytes: Buffer.alloc(64, "a") }] });
      expect(ok.files[0]!.size).toBe(64);
    } finally {
      delete process.env.BULWARK_EVIDENCE_MAX_BYTES;
    }
  });

  it("refuses a file whose stored bytes no longer match their checksum", async () => {
    const a = await m.createAttestation({ ...base(), files: [{ name: "t.txt", bytes: TEXT }] });
    await m.db.attestationFile.update({ where: { id: a.files[0]!.id }, data: { data: new Uint8Array(Buffer.from("tampered")) } });
    await expect(m.getAttestationFile({ orgId, fileId: a.files[0]!.id })).rejects.toThrow(/no longer matches the checksum/);
  });
});

describe("scopedRuleStatuses and frameworkPosture", () => {
  it("re-judges passed and failed rules from the open findings in the namespaces plus cluster-scoped objects", async () => {
    const c = await cluster(orgId, userId, "scoped");
    const scan = await complete(orgId, c, [
      { id: "r-phi", status: "failed", findings: 3 },
      { id: "r-other-ns", status: "failed", findings: 1 },
      { id: "r-cluster", status: "failed", findings: 1 },
      { id: "r-excepted", status: "passed", findings: 0 },
      { id: "r-forbidden", status: "not-evaluated", findings: 0, reason: "kind v1/secrets forbidden" },
    ]);
    const before = new Date(scan.finishedAt.getTime() - 60_000);
    await finding(orgId, c, scan.id, { ns: "phi", checks: ["r-phi"], firstSeenAt: before });
    await finding(orgId, c, scan.id, { ns: "phi", checks: ["r-phi", "r-cluster"], status: "in_progress", firstSeenAt: before });
    await finding(orgId, c, scan.id, { ns: "web", checks: ["r-other-ns"], firstSeenAt: before });
    await finding(orgId, c, scan.id, { ns: null, checks: ["r-cluster"], firstSeenAt: before });
    await finding(orgId, c, scan.id, { ns: "phi", checks: ["r-excepted"], status: "excepted", firstSeenAt: before });
    await finding(orgId, c, scan.id, { ns: "phi", checks: ["r-other-ns"], baseline: true, firstSeenAt: before });
    // Fixed before the scan finished: not present in it.
    await finding(orgId, c, scan.id, { ns: "phi", checks: ["r-other-ns"], status: "resolved", firstSeenAt: new Date(before.getTime() - DAY), resolvedAt: before });
    // First seen after the scan: not part of it.
    await finding(orgId, c, scan.id, { ns: "phi", checks: ["r-other-ns"], firstSeenAt: new Date(scan.finishedAt.getTime() + 60_000) });
    // Another organization's finding in the same namespace never counts.
    const theirs = await cluster(otherOrgId, otherUserId, "scoped-theirs");
    const theirScan = await complete(otherOrgId, theirs, []);
    await finding(otherOrgId, theirs, theirScan.id, { ns: "phi", checks: ["r-other-ns"], firstSeenAt: before });

    const scoped = await m.scopedRuleStatuses({ orgId, clusterId: c, scanId: scan.id, namespaces: ["phi"] });
    expect(Object.fromEntries(scoped.map((s) => [s.id, [s.status, s.findings]]))).toEqual({
      "r-phi": ["failed", 2],
      "r-other-ns": ["passed", 0],
      "r-cluster": ["failed", 2],
      "r-excepted": ["passed", 0],
      "r-forbidden": ["not-evaluated", 0],
    });
    // Whole cluster: the scan's own statuses.
    expect((await m.scopedRuleStatuses({ orgId, clusterId: c, scanId: scan.id, namespaces: [] })).find((s) => s.id === "r-other-ns")?.status).toBe("failed");
    // Another organization's scan id is not found.
    await expect(m.scopedRuleStatuses({ orgId: otherOrgId, clusterId: c, scanId: scan.id, namespaces: ["phi"] })).rejects.toThrow(/not found/);
  });

  it("judges each cluster in scope with the attestations in force, as of a point in time", async () => {
    const fw = getFramework("pss-baseline")!;
    const control = fw.controls.find((x) => x.ruleIds.includes("privileged-container"))!;
    const a = await cluster(orgId, userId, "posture-a");
    const b = await cluster(orgId, userId, "posture-b");
    await cluster(orgId, userId, "posture-out");
    const old = await complete(orgId, a, [{ id: "privileged-container", status: "passed", findings: 0 }]);
    const latest = await complete(orgId, a, [{ id: "privileged-container", status: "failed", findings: 1 }]);
    await finding(orgId, a, latest.id, { ns: "kube-system", checks: ["privileged-container"], firstSeenAt: new Date(latest.finishedAt.getTime() - 1000) });
    await m.setComplianceScope({ orgId, actorId: userId, framework: "pss-baseline", clusters: [{ clusterId: a, namespaces: [] }, { clusterId: b, namespaces: [] }] });

    const now = await m.frameworkPosture({ orgId, framework: "pss-baseline" });
    expect(now.scoped).toBe(true);
    expect(now.clusters.map((x) => [x.clusterName, x.scan?.id ?? null])).toEqual([["posture-a", latest.id], ["posture-b", null]]);
    const statusOf = (p: Awaited<ReturnType<Mod["frameworkPosture"]>>, name: string) => p.clusters.find((x) => x.clusterName === name)!.result.controls.find((x) => x.id === control.id)!.status;
    expect(statusOf(now, "posture-a")).toBe("failed");
    expect(statusOf(now, "posture-b")).toBe("not-evaluated");

    // Scoped to an application namespace, the kube-system finding is out of scope: passed.
    await m.setComplianceScope({ orgId, actorId: userId, framework: "pss-baseline", clusters: [{ clusterId: a, namespaces: ["payments"] }] });
    const ns = await m.frameworkPosture({ orgId, framework: "pss-baseline" });
    expect(ns.clusters.map((x) => [x.clusterName, x.namespaces])).toEqual([["posture-a", ["payments"]]]);
    expect(statusOf(ns, "posture-a")).toBe("passed");

    // As of just after the older scan: that scan is the one judged.
    const past = await m.frameworkPosture({ orgId, framework: "pss-baseline", asOf: new Date(old.finishedAt.getTime() + 1) });
    expect(past.clusters[0]!.scan?.id).toBe(old.id);
    expect(statusOf(past, "posture-a")).toBe("passed");

    // A manual HIPAA control is pending until attested, then attested by whom until when.
    await m.setComplianceScope({ orgId, actorId: userId, framework: "hipaa", clusters: [{ clusterId: a }] });
    const mc = manualControl();
    const pending = await m.frameworkPosture({ orgId: otherOrgId, framework: "hipaa" });
    expect(pending.attestations.size).toBe(0);
    const posture = await m.frameworkPosture({ orgId, framework: "hipaa" });
    const cell = posture.clusters[0]!.result.controls.find((x) => x.id === mc.id)!;
    // The attestation tests above left one in force (the last recorded).
    const active = posture.attestations.get(mc.id)!;
    expect(active.statement).toBeTruthy();
    expect(cell.status).toBe("attested");
    expect(cell.attestation).toMatchObject({ id: active.id, by: active.attestedByName });
    // Revoked: pending again, saying what evidence is needed.
    await m.revokeAttestation({ orgId, actorId: userId, attestationId: active.id });
    const after = (await m.frameworkPosture({ orgId, framework: "hipaa" })).clusters[0]!.result.controls.find((x) => x.id === mc.id)!;
    expect(after.status).toBe("pending");
    expect(after.reason).toMatch(/needs evidence/);
  });
});
