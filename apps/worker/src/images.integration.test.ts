// Images and vulnerabilities end to end: real Postgres, Redis (BullMQ), kube-sim over HTTPS with the
// Trivy Operator CRD, kubectl, the real reader, worker and @bulwark/rules. A privileged Deployment
// behind a LoadBalancer whose ReplicaSet has a VulnerabilityReport with a critical fixable CVE: the
// scan stores the image-vulnerabilities finding on the Deployment, a critical risk naming the CVE,
// the inventory and the CVE history. A Trivy document imported for the digest another Deployment's
// pods run attaches on the next scan. Deleting the report with kubectl resolves the finding and the
// CVE on the scan after.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, type KubeObject, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "./test-helpers";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const DB = "bulwark_be_h3_images_worker";
const PREFIX = "bulwark-test-images";
const SECRET = testSecretKey();
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: PREFIX,
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
  WORKER_RECOVER_EVERY_MS: "60000",
  WORKER_CONTINUOUS: "off",
});

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
type W = typeof import("./index");
let db: Db;
let jobs: Jobs;
let w: W;
let sim: KubeSim;
let worker: Awaited<ReturnType<W["startWorker"]>> | undefined;
let orgId: string;
let userId: string;
let clusterId: string;
let dir: string;
let kubeconfigPath: string;

const sha256Of = (s: string) => `sha256:${createHash("sha256").update(s).digest("hex")}`;

const NGINX_DIGEST = sha256Of("nginx:1.21.0 linux/amd64");
const API_DIGEST = sha256Of("ghcr.io/acme/api:3.1 linux/amd64");
const CVE = "CVE-2021-3711";
const REPORT = "replicaset-web-6d4cf56db6-web";

/** Objects as the API server serves them (KubeObject's type leaves out fields like blockOwnerDeletion). */
const obj = (o: Record<string, unknown>) => o as unknown as KubeObject;

/** A stable UUID-shaped uid per object, as an API server assigns one. */
const uidOf = (kind: string, name: string) => {
  const h = createHash("sha256").update(`${kind}/${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** A Deployment, its ReplicaSet and one running Pod, linked by owner references as the controllers set them. */
function workload(name: string, hash: string, image: string, imageID: string, securityContext?: Record<string, unknown>): KubeObject[] {
  const labels = { app: name };
  const container = { name, image, imagePullPolicy: "IfNotPresent", ports: [{ containerPort: 8080 }], ...(securityContext ? { securityContext } : {}) };
  const template = { metadata: { labels: { ...labels, "pod-template-hash": hash } }, spec: { containers: [container] } };
  const deployUid = uidOf("Deployment", name);
  const rsUid = uidOf("ReplicaSet", name);
  return [
    obj({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "shop", uid: deployUid, labels }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } } }),
    obj({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: `${name}-${hash}`, namespace: "shop", uid: rsUid, labels: template.metadata.labels, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name, uid: deployUid, controller: true, blockOwnerDeletion: true }] },
      spec: { replicas: 1, selector: { matchLabels: template.metadata.labels }, template },
      status: { replicas: 1, readyReplicas: 1 },
    }),
    obj({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `${name}-${hash}-x7k2p`, namespace: "shop", uid: uidOf("Pod", name), labels: template.metadata.labels, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: `${name}-${hash}`, uid: rsUid, controller: true, blockOwnerDeletion: true }] },
      spec: { ...template.spec, nodeName: "node-1", serviceAccountName: "default" },
      status: { phase: "Running", containerStatuses: [{ name, image, imageID, ready: true, restartCount: 0, started: true, state: { running: { startedAt: "2026-12-01T08:00:00Z" } } }] },
    }),
  ];
}

const CRD: KubeObject = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "vulnerabilityreports.aquasecurity.github.io", labels: { "app.kubernetes.io/name": "trivy-operator" } },
  spec: {
    group: "aquasecurity.github.io",
    names: { kind: "VulnerabilityReport", listKind: "VulnerabilityReportList", plural: "vulnerabilityreports", singular: "vulnerabilityreport", shortNames: ["vuln", "vulns"], categories: [] },
    scope: "Namespaced",
    versions: [
      {
        name: "v1alpha1",
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
        additionalPrinterColumns: [
          { name: "Repository", type: "string", jsonPath: ".report.artifact.repository" },
          { name: "Tag", type: "string", jsonPath: ".report.artifact.tag" },
          { name: "Critical", type: "integer", jsonPath: ".report.summary.criticalCount" },
        ],
      },
    ],
  },
};

/** Trivy Operator's report for the web ReplicaSet's container, as the operator writes it. */
function vulnerabilityReport(rs: KubeObject, updated: Date): KubeObject {
  return obj({
    apiVersion: "aquasecurity.github.io/v1alpha1",
    kind: "VulnerabilityReport",
    metadata: {
      name: REPORT,
      namespace: "shop",
      labels: {
        "resource-spec-hash": "7cb64cb677",
        "trivy-operator.container.name": "web",
        "trivy-operator.resource.kind": "ReplicaSet",
        "trivy-operator.resource.name": rs.metadata.name!,
        "trivy-operator.resource.namespace": "shop",
      },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: false }],
    },
    report: {
      artifact: { repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST },
      os: { family: "debian", name: "10.10" },
      registry: { server: "index.docker.io" },
      scanner: { name: "Trivy", vendor: "Aqua Security", version: "0.58.1" },
      summary: { criticalCount: 1, highCount: 1, mediumCount: 0, lowCount: 0, noneCount: 0, unknownCount: 0 },
      updateTimestamp: updated.toISOString().replace(/\.\d{3}Z$/, "Z"),
      vulnerabilities: [
        {
          vulnerabilityID: CVE,
          resource: "libssl1.1",
          installedVersion: "1.1.1d-0+deb10u6",
          fixedVersion: "1.1.1d-0+deb10u7",
          severity: "CRITICAL",
          score: 9.8,
          title: "openssl: SM2 Decryption Buffer Overflow",
          primaryLink: "https://avd.aquasec.com/nvd/cve-2021-3711",
          links: [],
          target: "",
          publishedDate: "2021-08-24T15:15:00Z",
          lastModifiedDate: "2023-06-06T01:00:00Z",
        },
        {
          vulnerabilityID: "CVE-2021-23017",
          resource: "nginx",
          installedVersion: "1.21.0-1~buster",
          fixedVersion: "1.21.1-1~buster",
          severity: "HIGH",
          score: 7.7,
          title: "nginx: Off-by-one in ngx_resolver_copy() when labels are followed by a pointer to a root domain name",
          primaryLink: "https://avd.aquasec.com/nvd/cve-2021-23017",
          links: [],
          target: "",
        },
      ],
    },
  });
}

async function kubectl(...args: string[]) {
  return exec(KUBECTL, [...args, "--request-timeout=10s"], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, KUBECONFIG: kubeconfigPath } });
}

async function scan(): Promise<string> {
  const s = await db.createScan({ orgId, clusterId, trigger: "manual", actorId: userId });
  await jobs.enqueueScan({ orgId, clusterId, scanId: s.id, trigger: "manual" });
  const done = await waitFor("the scan to finish", async () => {
    const r = await db.getScan({ orgId, scanId: s.id });
    return r && ["succeeded", "partial", "failed"].includes(r.status) ? r : null;
  }, 60_000);
  expect(done.status).toBe("succeeded");
  // The CVE history and then the inventory are saved after the scan's results (the scan reads as
  // finished before them): its rows carrying this scan's id say both are done.
  await waitFor("the scan's inventory", async () => (await db.db.imageUse.count({ where: { clusterId, lastSeenScanId: s.id } })) > 0, 30_000);
  return s.id;
}

const vulnFinding = (name: string) =>
  db.db.finding.findFirst({ where: { orgId, clusterId, ruleId: "image-vulnerabilities", kind: "Deployment", namespace: "shop", name } });

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  w = await import("./index");
  for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_ALERT]) await jobs.getQueue(q).obliterate({ force: true });
  const { user, org } = await db.createUserWithOrganization({ email: "images@example.com", passwordHash: null, orgName: "Images" });
  orgId = org.id;
  userId = user.id;
  const web = workload("web", "6d4cf56db6", "nginx:1.21.0", `docker.io/library/nginx@${NGINX_DIGEST}`, { privileged: true });
  const api = workload("api", "5f7c9b8d6", "ghcr.io/acme/api:3.1", `ghcr.io/acme/api@${API_DIGEST}`, { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
  const objects: KubeObject[] = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", uid: "aaaaaaaa-0000-4000-8000-000000000001" } },
    CRD,
    ...web,
    ...api,
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "shop", uid: "aaaaaaaa-0000-4000-8000-000000000002" },
      spec: { type: "LoadBalancer", selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "TCP" }] },
      status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
    },
    vulnerabilityReport(web[1]!, new Date(Date.now() - 3_600_000)),
  ];
  sim = await startKubeSim({ objects, version: "1.30" });
  dir = await mkdtemp(join(tmpdir(), "bulwark-images-"));
  kubeconfigPath = join(dir, "config");
  await writeFile(kubeconfigPath, sim.kubeconfig());
  const { ciphertext, keyId } = encryptCredential(sim.kubeconfig(), parseKeyring(SECRET));
  clusterId = (await db.createCluster({ orgId, actorId: user.id, name: "prod", server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId })).id;
  worker = await w.startWorker(w.workerEnv());
}, 120_000);

afterAll(async () => {
  await worker?.close();
  for (const q of [jobs?.QUEUE_SCAN, jobs?.QUEUE_ALERT]) if (q) await jobs.getQueue(q).obliterate({ force: true }).catch(() => {});
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  await dropDatabase(DB).catch(() => {});
});

describe.skipIf(!existsSync(KUBECTL))("images and vulnerabilities from worker scans", () => {
  let firstScan: string;

  it("reports the ReplicaSet's CVE on the Deployment, with a critical risk naming it, the inventory and the CVE history", async () => {
    firstScan = await scan();
    const finding = await vulnFinding("web");
    expect(finding, "image-vulnerabilities finding on Deployment shop/web").toBeTruthy();
    expect(finding).toMatchObject({ status: "open", severity: "critical", path: "spec.template.spec.containers[0].image", observed: "nginx:1.21.0" });
    expect(finding!.message).toContain(CVE);
    expect(finding!.remediation).toContain("1.1.1d-0+deb10u7");
    // One finding per workload and container, not per ReplicaSet or Pod.
    expect(await db.db.finding.count({ where: { clusterId, ruleId: "image-vulnerabilities" } })).toBe(1);
    const details = finding!.details as { vulnerabilities?: { match: string; source: string; stale: boolean; cves: Array<{ id: string }> } } | null;
    expect(details?.vulnerabilities).toMatchObject({ match: "producer", source: "trivy-operator", stale: false });
    expect(details!.vulnerabilities!.cves.map((c) => c.id)).toEqual([CVE, "CVE-2021-23017"]);

    const risks = await db.db.risk.findMany({ where: { clusterId, kind: "Deployment", name: "web", resolvedAt: null } });
    const withCve = risks.filter((r) => JSON.stringify(r).includes(CVE));
    expect(withCve.length, JSON.stringify(risks.map((r) => [r.type, r.severity]))).toBeGreaterThan(0);
    expect(withCve.some((r) => r.severity === "critical")).toBe(true);
    const steps = withCve.flatMap((r) => r.steps as Array<{ kind: string; findings?: string[] }>);
    expect(steps.some((s) => s.kind === "vulnerability" && s.findings?.includes(finding!.fingerprint))).toBe(true);

    const uses = await db.db.imageUse.findMany({ where: { clusterId }, include: { image: true }, orderBy: { name: "asc" } });
    expect(uses.map((u) => [u.kind, u.name, u.container, u.image.registry, u.image.repository, u.image.tag, u.image.digest, u.lastSeenScanId, u.goneAt])).toEqual([
      ["Deployment", "api", "api", "ghcr.io", "acme/api", "3.1", API_DIGEST, firstScan, null],
      ["Deployment", "web", "web", "docker.io", "library/nginx", "1.21.0", NGINX_DIGEST, firstScan, null],
    ]);
    const cves = await db.db.imageCve.findMany({ where: { clusterId }, orderBy: { cve: "asc" } });
    expect(cves.map((c) => [c.cve, c.package, c.severity, c.fixable, c.resolvedAt])).toEqual([
      ["CVE-2021-23017", "nginx", "high", true, null],
      [CVE, "libssl1.1", "critical", true, null],
    ]);
    expect(new Set(cves.map((c) => c.imageId))).toEqual(new Set([uses[1]!.imageId]));
  });

  it("attaches a Trivy document imported for the digest the api pods run, on the next scan", async () => {
    // `trivy image -f json ghcr.io/acme/api:3.1` as CI runs it (SchemaVersion 2, a Go binary's modules).
    const layer = sha256Of("api layer");
    const vuln = (id: string, pkg: string, installed: string, fixed: string, severity: string, score: number, title: string) => ({
      VulnerabilityID: id,
      PkgID: `${pkg}@${installed}`,
      PkgName: pkg,
      PkgIdentifier: { PURL: pkg === "stdlib" ? `pkg:golang/stdlib@${installed}` : `pkg:golang/${pkg}@${installed}` },
      InstalledVersion: installed,
      FixedVersion: fixed,
      Status: "fixed",
      Layer: { DiffID: layer },
      SeveritySource: "ghsa",
      PrimaryURL: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
      DataSource: { ID: "ghsa", Name: "GitHub Security Advisory Go", URL: "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Ago" },
      Title: title,
      Severity: severity,
      CVSS: { ghsa: { V3Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", V3Score: score } },
    });
    const text = JSON.stringify({
      SchemaVersion: 2,
      CreatedAt: new Date(Date.now() - 600_000).toISOString(),
      ArtifactName: "ghcr.io/acme/api:3.1",
      ArtifactType: "container_image",
      Metadata: {
        OS: { Family: "alpine", Name: "3.19.1" },
        ImageID: sha256Of("api config"),
        DiffIDs: [layer],
        RepoTags: ["ghcr.io/acme/api:3.1"],
        RepoDigests: [`ghcr.io/acme/api@${API_DIGEST}`],
      },
      Results: [
        { Target: "ghcr.io/acme/api:3.1 (alpine 3.19.1)", Class: "os-pkgs", Type: "alpine" },
        {
          Target: "app/api",
          Class: "lang-pkgs",
          Type: "gobinary",
          Vulnerabilities: [
            vuln("CVE-2023-44487", "golang.org/x/net", "v0.8.0", "0.17.0", "HIGH", 7.5, "HTTP/2 rapid reset can cause excessive work in net/http"),
            vuln("CVE-2024-24790", "stdlib", "1.21.1", "1.21.11, 1.22.4", "CRITICAL", 9.8, "golang: net/netip: Unexpected behavior from Is methods for IPv4-mapped IPv6 addresses"),
          ],
        },
      ],
    });
    const imported = await db.importVulnDocument({ orgId, text, actorId: userId });
    expect(imported).toMatchObject({ format: "trivy", duplicate: false, matches: { workloads: 1, clusters: 1, by: "digest" } });
    expect(await vulnFinding("api")).toBeNull();
    await scan();
    const finding = await vulnFinding("api");
    expect(finding, "image-vulnerabilities finding on Deployment shop/api").toBeTruthy();
    expect(finding).toMatchObject({ status: "open", severity: "critical", observed: "ghcr.io/acme/api:3.1" });
    expect(finding!.message).toContain("CVE-2024-24790");
    expect((finding!.details as { vulnerabilities?: { match: string; source: string } }).vulnerabilities).toMatchObject({ match: "digest", source: "trivy" });
    const apiImage = await db.db.image.findFirstOrThrow({ where: { orgId, repository: "acme/api", digest: API_DIGEST, tag: "3.1" } });
    expect((await db.db.imageCve.findMany({ where: { clusterId, imageId: apiImage.id, resolvedAt: null }, orderBy: { cve: "asc" } })).map((c) => c.cve)).toEqual(["CVE-2023-44487", "CVE-2024-24790"]);
  });

  it("resolves the finding and the CVEs on the scan after the report is deleted", async () => {
    await kubectl("delete", "vulnerabilityreports.aquasecurity.github.io", REPORT, "-n", "shop");
    expect(sim.store.list("VulnerabilityReport")).toHaveLength(0);
    await scan();
    expect(await vulnFinding("web")).toMatchObject({ status: "resolved" });
    const web = await db.db.image.findFirstOrThrow({ where: { orgId, repository: "library/nginx", digest: NGINX_DIGEST } });
    const cves = await db.db.imageCve.findMany({ where: { clusterId, imageId: web.id } });
    expect(cves).toHaveLength(2);
    expect(cves.every((c) => c.resolvedAt !== null)).toBe(true);
    // The imported document still applies to api; its CVEs stay open, and both images still run.
    expect(await vulnFinding("api")).toMatchObject({ status: "open" });
    expect(await db.db.imageCve.count({ where: { clusterId, resolvedAt: null } })).toBe(2);
    expect(await db.db.imageUse.count({ where: { clusterId, goneAt: null } })).toBe(2);
    const risks = await db.db.risk.findMany({ where: { clusterId, kind: "Deployment", name: "web", resolvedAt: null } });
    expect(risks.filter((r) => JSON.stringify(r).includes(CVE))).toEqual([]);
  });
});
