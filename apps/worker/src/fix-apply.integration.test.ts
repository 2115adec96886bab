// Fixes applied with approval, end to end (issue 19): kube-sim over HTTPS behind a recording proxy
// (so the test sees which token each request carried), real Postgres and Redis, the real reader,
// engine, scan processor, fix planner and writer. A member proposes the fix of a privileged
// Deployment, a member cannot approve it, another organization cannot see or touch it, an admin
// approves; the worker dry-runs (the object is unchanged when the real patch is sent), patches
// under the "bulwark" field manager, records before/after, and the verifying scan resolves the
// finding. An Argo CD-managed Deployment is refused untouched. The write credential never
// authenticates a scan request.
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { startKubeSim, type KubeObject, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { CA_PEM, SERVER_CERT_PEM, SERVER_KEY_PEM } from "@bulwark/security/testing";
import type { WorkerContext } from "./context";
import { dropDatabase, freshDatabase, testSecretKey } from "./test-helpers";

const DB = "bulwark_be_fixapply";
const SECRET = testSecretKey();
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  BULWARK_QUEUE_PREFIX: "fixapply",
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
});

type Db = typeof import("@bulwark/db");
let db: Db;
let w: typeof import("./index");
let rem: typeof import("./remediation");
let jobs: typeof import("@bulwark/jobs");
let sim: KubeSim;
let proxy: https.Server;
let proxyUrl: string;
const keyring = parseKeyring(SECRET);
const ctx: WorkerContext = { workerId: "fixapply", keyring, allowPrivateNetworks: true, staleMs: 30_000, scanDeadlineMs: 60_000, log: () => {} };

const READ_TOKEN = "read-token-0123456789abcdef";
const WRITE_TOKEN = "write-token-fedcba9876543210";
/** Every request the API server got through the proxy: method, path+query, which token. */
const seen: { method: string; url: string; token: "read" | "write" | "other" }[] = [];
/** The Deployment's resourceVersion when the real (not dry-run) PATCH arrived. */
let rvAtRealPatch: string | undefined;

let orgId: string;
let ownerId: string;
let adminId: string;
let memberId: string;
let otherOrgId: string;
let otherUserId: string;
let clusterId: string;

const deployment = (name: string, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "shop", ...(annotations ? { annotations } : {}) },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "registry.example.com/shop/web:1.4.2", securityContext: { privileged: true } }] } },
  },
});
const live = (name: string) => sim.store.list("Deployment").find((d) => d.metadata.name === name)!;
const privilegedOf = (d: KubeObject) => (d.spec as { template: { spec: { containers: { securityContext?: { privileged?: boolean } }[] } } }).template.spec.containers[0]!.securityContext?.privileged;

/** A kubeconfig for the proxy (whose certificate is the test CA's) with one of the sim's tokens. */
function kubeconfigVia(identity: "reader" | "writer", server = proxyUrl): string {
  const kc = YAML.parse(sim.kubeconfig({ identity })) as { clusters: { cluster: Record<string, unknown> }[] };
  kc.clusters[0]!.cluster.server = server;
  kc.clusters[0]!.cluster["certificate-authority-data"] = Buffer.from(CA_PEM).toString("base64");
  return YAML.stringify(kc);
}

async function scan(scanId?: string) {
  const id = scanId ?? (await db.createScan({ orgId, clusterId, trigger: "manual", actorId: ownerId })).id;
  const from = seen.length;
  const res = await w.processScan({ data: { orgId, clusterId, scanId: id, trigger: "manual" } }, ctx);
  expect(res.outcome, JSON.stringify(res)).toBe("succeeded");
  return { scan: (await db.getScan({ orgId, scanId: id }))!, requests: seen.slice(from) };
}

const privilegedFinding = (name: string) => db.db.finding.findFirstOrThrow({ where: { orgId, clusterId, kind: "Deployment", name, path: { contains: "privileged" } } });

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  w = await import("./index");
  rem = await import("./remediation");
  jobs = await import("@bulwark/jobs");
  sim = await startKubeSim({
    objects: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } }, deployment("web"), deployment("argo-web", { "argocd.argoproj.io/tracking-id": "shop:apps/Deployment:shop/argo-web" })],
    identities: [
      { name: "reader", token: READ_TOKEN, allow: [{ group: "*", resource: "*" }] },
      { name: "writer", token: WRITE_TOKEN, allow: [{ group: "apps", resource: "deployments", verbs: ["get", "patch"] }, { group: "", resource: "namespaces", verbs: ["list"] }] },
    ],
  });
  const target = new URL(sim.url);
  proxy = https.createServer({ cert: SERVER_CERT_PEM, key: SERVER_KEY_PEM }, (req, res) => {
    const auth = req.headers.authorization ?? "";
    const token = auth === `Bearer ${READ_TOKEN}` ? "read" : auth === `Bearer ${WRITE_TOKEN}` ? "write" : "other";
    seen.push({ method: req.method ?? "GET", url: req.url ?? "/", token });
    if (req.method === "PATCH" && !(req.url ?? "").includes("dryRun=All") && (req.url ?? "").includes("/deployments/web")) rvAtRealPatch = live("web").metadata.resourceVersion;
    const upstream = https.request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, ca: sim.caPem }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  proxyUrl = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  const { user, org } = await db.createUserWithOrganization({ email: "fix-owner@example.com", passwordHash: null, orgName: "Fixers" });
  orgId = org.id;
  ownerId = user.id;
  adminId = (await db.createUser({ email: "fix-admin@example.com", name: "Ada Admin", passwordHash: null })).id;
  memberId = (await db.createUser({ email: "fix-member@example.com", name: "Mel Member", passwordHash: null })).id;
  await db.db.membership.create({ data: { orgId, userId: adminId, role: "admin" } });
  await db.db.membership.create({ data: { orgId, userId: memberId, role: "member" } });
  const other = await db.createUserWithOrganization({ email: "fix-other@example.com", passwordHash: null, orgName: "Others" });
  otherOrgId = other.org.id;
  otherUserId = other.user.id;
  const { ciphertext, keyId } = encryptCredential(kubeconfigVia("reader"), keyring);
  clusterId = (await db.createCluster({ orgId, actorId: ownerId, name: "shop-prod", server: proxyUrl, credentialCipher: ciphertext, credentialKeyId: keyId })).id;
}, 90_000);

afterAll(async () => {
  await jobs?.closeQueues().catch(() => {});
  await db?.disconnectDb();
  await new Promise((r) => proxy?.close(r));
  await sim?.close();
  await dropDatabase(DB).catch(() => {});
});

describe("fixes applied with approval", () => {
  let requestId: string;
  let findingId: string;

  it("the write credential is vetted, pinned to the cluster's API server, sealed and audited", async () => {
    await expect(db.setWriteCredential({ orgId, clusterId, actorId: adminId, kubeconfig: kubeconfigVia("writer", sim.url) })).rejects.toThrow(/points at .* but cluster "shop-prod" is .*: use a kubeconfig for the same API server/);
    const exec = YAML.parse(kubeconfigVia("writer")) as { users: { user: Record<string, unknown> }[] };
    exec.users[0]!.user = { exec: { command: "aws", apiVersion: "client.authentication.k8s.io/v1" } };
    await expect(db.setWriteCredential({ orgId, clusterId, actorId: adminId, kubeconfig: YAML.stringify(exec) })).rejects.toThrow(/exec credential plugins/);
    expect(await db.getWriteCredentialView({ orgId, clusterId })).toEqual({ set: false, identity: null, setAt: null });
    await expect(db.setWriteCredential({ orgId: otherOrgId, clusterId, actorId: otherUserId, kubeconfig: kubeconfigVia("writer") })).rejects.toThrow(/not found/);

    const v = await db.setWriteCredential({ orgId, clusterId, actorId: adminId, kubeconfig: kubeconfigVia("writer"), ip: "203.0.113.9" });
    expect([v.set, v.identity]).toEqual([true, "writer"]);
    const row = await db.db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(row.writeCredentialCipher).toBeTruthy();
    expect(row.writeCredentialCipher).not.toContain(WRITE_TOKEN);
    expect(row.credentialCipher).not.toBe(row.writeCredentialCipher);
    const audit = await db.db.auditLog.findFirstOrThrow({ where: { orgId, action: "cluster.write_credential.set", targetId: clusterId } });
    expect([audit.actorId, audit.ip]).toEqual([adminId, "203.0.113.9"]);
    expect(JSON.stringify(audit.data)).not.toContain(WRITE_TOKEN);
    // the cluster views never carry it
    expect(JSON.stringify(await db.getCluster({ orgId, clusterId }))).not.toMatch(/writeCredentialCipher|write-token/);
  });

  it("a scan with a write credential set sends no request authenticated by it", async () => {
    const { requests } = await scan();
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((r) => r.token !== "read")).toEqual([]);
    findingId = (await privilegedFinding("web")).id;
  });

  it("a member proposes the fix; a member cannot approve it; another organization cannot see or touch it", async () => {
    const req = await db.proposeFix({ orgId, actorId: memberId, source: "finding", findingIds: [findingId], reason: "privileged web pods" });
    requestId = req.id;
    expect(req.status).toBe("proposed");
    expect(req.plan.map((e) => e.target)).toEqual([{ apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" }]);
    expect(req.findingIds).toEqual([findingId]);
    expect(req.proposedBy?.id).toBe(memberId);
    const events = await db.db.findingEvent.findMany({ where: { findingId, type: "fix_proposed" } });
    expect(events.map((e) => [e.actorId, (e.data as { fixRequestId: string }).fixRequestId])).toEqual([[memberId, requestId]]);
    await expect(db.proposeFix({ orgId, actorId: memberId, source: "finding", findingIds: [findingId] })).rejects.toThrow(/already proposed/);

    await expect(db.decideFix({ orgId, actorId: memberId, id: requestId, decision: "approve" })).rejects.toThrow(/only an admin or owner may approve/);
    expect((await db.getFixRequest({ orgId, id: requestId }))!.status).toBe("proposed");

    expect(await db.getFixRequest({ orgId: otherOrgId, id: requestId })).toBeNull();
    expect((await db.listFixRequests({ orgId: otherOrgId })).items).toEqual([]);
    await expect(db.decideFix({ orgId: otherOrgId, actorId: otherUserId, id: requestId, decision: "approve" })).rejects.toThrow(/not found/);
    await expect(db.cancelFix({ orgId: otherOrgId, actorId: otherUserId, id: requestId })).rejects.toThrow(/not found/);
    await expect(db.proposeFix({ orgId: otherOrgId, actorId: otherUserId, source: "finding", findingIds: [findingId] })).rejects.toThrow(/not found/);
    // a job naming the request under another organization does nothing
    expect((await rem.processFixApply({ data: { orgId: otherOrgId, fixRequestId: requestId } }, ctx)).outcome).toBe("skipped");
    expect((await db.listFixRequests({ orgId, findingId })).items.map((r) => r.id)).toEqual([requestId]);
  });

  it("an admin approves; the worker dry-runs, then patches with the bulwark field manager", async () => {
    const approved = await db.decideFix({ orgId, actorId: adminId, id: requestId, decision: "approve", note: "go" });
    expect([approved.status, approved.decidedBy?.id, approved.decisionNote]).toEqual(["approved", adminId, "go"]);
    const rvBefore = live("web").metadata.resourceVersion;
    const from = seen.length;
    const res = await rem.processFixApply({ data: { orgId, fixRequestId: requestId } }, ctx);
    expect(res.outcome, JSON.stringify(res)).toBe("applied");
    const writes = seen.slice(from).filter((r) => r.method === "PATCH");
    expect(writes.map((r) => [r.url.replace(/\?.*/, ""), new URLSearchParams(r.url.split("?")[1]).get("dryRun"), new URLSearchParams(r.url.split("?")[1]).get("fieldManager"), r.token])).toEqual([
      ["/apis/apps/v1/namespaces/shop/deployments/web", "All", "bulwark", "write"],
      ["/apis/apps/v1/namespaces/shop/deployments/web", null, "bulwark", "write"],
    ]);
    expect(seen.slice(from).every((r) => r.token === "write")).toBe(true);
    // the dry run changed nothing: the real patch met the object as it was
    expect(rvAtRealPatch).toBe(rvBefore);
    const now = live("web");
    expect(privilegedOf(now)).toBe(false);
    expect((now.metadata.managedFields as { manager: string }[]).map((m) => m.manager)).toContain("bulwark");

    const req = (await db.getFixRequest({ orgId, id: requestId }))!;
    expect(req.status).toBe("applied");
    expect(req.appliedAt).not.toBeNull();
    expect(req.verifyScanId).toBe(res.scanId);
    const r0 = req.result![0]!;
    expect(r0.dryRun).toBe("ok");
    expect(r0.changes).toEqual([{ path: "spec.template.spec.containers[app].securityContext.privileged", before: true, after: false }]);
    expect(JSON.stringify(r0.before)).not.toContain("managedFields");
    const applied = await db.db.findingEvent.findFirstOrThrow({ where: { findingId, type: "fix_applied" } });
    expect(JSON.stringify(applied.data)).toContain("securityContext.privileged");
    await db.db.auditLog.findFirstOrThrow({ where: { orgId, action: "fix.apply", targetId: requestId } });
    // approving again is refused, and a second job changes nothing
    await expect(db.decideFix({ orgId, actorId: adminId, id: requestId, decision: "approve" })).rejects.toThrow(/is applied, not proposed/);
    expect((await rem.processFixApply({ data: { orgId, fixRequestId: requestId } }, ctx)).outcome).toBe("skipped");
  });

  it("the verifying scan resolves the finding and verifies the request, with the read credential only", async () => {
    const verifyScanId = (await db.getFixRequest({ orgId, id: requestId }))!.verifyScanId!;
    const { scan: s, requests } = await scan(verifyScanId);
    expect(requests.filter((r) => r.token !== "read")).toEqual([]);
    expect(s.trigger).toBe("api");
    expect((await db.db.finding.findUniqueOrThrow({ where: { id: findingId } })).status).toBe("resolved");
    const req = (await db.getFixRequest({ orgId, id: requestId }))!;
    expect(req.status).toBe("verified");
    expect(req.verification).toEqual({ resolved: [(await db.db.finding.findUniqueOrThrow({ where: { id: findingId } })).fingerprint], stillOpen: [] });
    const ev = await db.db.findingEvent.findFirstOrThrow({ where: { findingId, type: "fix_verified" } });
    expect([ev.scanId, (ev.data as { resolved: boolean }).resolved]).toEqual([verifyScanId, true]);
  });

  it("an Argo CD-managed Deployment is refused with 'fix it in Git' and left untouched", async () => {
    const argoFinding = await privilegedFinding("argo-web");
    const req = await db.proposeFix({ orgId, actorId: memberId, source: "selection", findingIds: [argoFinding.id] });
    await db.decideFix({ orgId, actorId: ownerId, id: req.id, decision: "approve" });
    const rv = live("argo-web").metadata.resourceVersion;
    const from = seen.length;
    const res = await rem.processFixApply({ data: { orgId, fixRequestId: req.id } }, ctx);
    expect(res.outcome).toBe("refused");
    expect(seen.slice(from).filter((r) => r.method !== "GET")).toEqual([]);
    expect(live("argo-web").metadata.resourceVersion).toBe(rv);
    expect(privilegedOf(live("argo-web"))).toBe(true);
    const after = (await db.getFixRequest({ orgId, id: req.id }))!;
    expect(after.status).toBe("refused");
    expect(after.error).toBe("Deployment shop/argo-web is managed by Argo CD (annotation argocd.argoproj.io/tracking-id): fix it in Git");
    expect(after.verifyScanId).toBeNull();
    await db.db.findingEvent.findFirstOrThrow({ where: { findingId: argoFinding.id, type: "fix_refused" } });
  });

  it("approval needs a write credential; a cancelled request cannot be approved", async () => {
    const argoFinding = await privilegedFinding("argo-web");
    await db.clearWriteCredential({ orgId, clusterId, actorId: adminId });
    expect((await db.getWriteCredentialView({ orgId, clusterId })).set).toBe(false);
    const req = await db.proposeFix({ orgId, actorId: memberId, source: "finding", findingIds: [argoFinding.id] });
    await expect(db.decideFix({ orgId, actorId: adminId, id: req.id, decision: "approve" })).rejects.toThrow(/no write credential/);
    await expect(db.cancelFix({ orgId: otherOrgId, actorId: otherUserId, id: req.id })).rejects.toThrow(/not found/);
    await expect(db.cancelFix({ orgId, actorId: otherUserId, id: req.id })).rejects.toThrow(/only the person who proposed the fix, or an admin/);
    expect((await db.cancelFix({ orgId, actorId: memberId, id: req.id })).status).toBe("cancelled");
    await expect(db.decideFix({ orgId, actorId: adminId, id: req.id, decision: "reject" })).rejects.toThrow(/cancelled, not proposed/);
  });
});
