// Vulnerability imports and their use by scans: importVulnDocument over N generated Trivy JSON
// documents of M CVEs each (distinct images, one after another as CI pipelines post them: size
// check, sha256, parse and normalize, Image upsert, VulnImport row, audit entry, matches), the
// parsing alone beside it, then vulnReportsForSnapshot for a snapshot running all N images (half
// named by digest in the pod spec, half by tag with the digest in the pods' status), the engine
// judging that snapshot with the reports attached, and the saves after it (saveImageCves of every
// CVE found, saveImageInventory). Prints one JSON line.
import { fileURLToPath } from "node:url";
import { evaluate, imageInventory, parseVulnDocument, type KubeObject, type Snapshot } from "@bulwark/rules";
import { generatedVulns, sha256Of, trivyDocument } from "../packages/db/src/images/test-documents";
import { benchDatabaseUrl, peakRssMb } from "./lib";

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const imageOf = (i: number) => ({ repo: `registry.example.com/bench/app-${i}`, tag: `1.${i % 7}.0`, digest: sha256Of(`bench image ${i}`) });

/** N Deployments, each with one running Pod; even ones pin the digest in the spec, odd ones show it only in the pod status. */
function fleetSnapshot(n: number): Snapshot {
  const objects: KubeObject[] = [];
  for (let i = 0; i < n; i++) {
    const { repo, tag, digest } = imageOf(i);
    const ref = i % 2 === 0 ? `${repo}:${tag}@${digest}` : `${repo}:${tag}`;
    const name = `app-${i}`;
    const ns = `team-${i % 20}`;
    const labels = { app: name };
    const container = { name, image: ref };
    objects.push({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: ns, uid: `uid-deploy-${i}`, labels }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } } } as KubeObject);
    objects.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `${name}-0`, namespace: ns, uid: `uid-pod-${i}`, labels, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name, uid: `uid-deploy-${i}`, controller: true }] },
      spec: { containers: [container] },
      status: { phase: "Running", containerStatuses: [{ name, image: `${repo}:${tag}`, imageID: `${repo}@${digest}`, ready: true }] },
    } as KubeObject);
  }
  return { source: "cluster", objects, kinds: [], kindsComplete: true, takenAt: new Date().toISOString() };
}

export async function benchImages(docs: number, cves: number): Promise<Record<string, number>> {
  const texts = Array.from({ length: docs }, (_, i) => trivyDocument({ ...imageOf(i), createdAt: new Date(Date.now() - 3_600_000).toISOString(), vulns: generatedVulns(cves, i) }));
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);

  // Parsing alone (what any importer must do), to set the database's share apart.
  let t = performance.now();
  for (const text of texts) parseVulnDocument(text);
  const parseMs = performance.now() - t;

  process.env.DATABASE_URL = benchDatabaseUrl();
  const db = await import("@bulwark/db");
  const tag = `${process.pid}-${Date.now()}`;
  const { user, org } = await db.createUserWithOrganization({ email: `images-${tag}@example.com`, passwordHash: null, orgName: `Images ${tag}` });
  const cluster = await db.createCluster({ orgId: org.id, actorId: user.id, name: "images", server: "https://127.0.0.1", credentialCipher: "x", credentialKeyId: "x" });

  const perDoc: number[] = [];
  t = performance.now();
  for (const text of texts) {
    const s = performance.now();
    const res = await db.importVulnDocument({ orgId: org.id, text, actorId: user.id });
    perDoc.push(performance.now() - s);
    if (res.duplicate || res.vulnCount !== cves) throw new Error(`unexpected import answer ${JSON.stringify(res)}`);
  }
  const ingestMs = performance.now() - t;
  // The same document again: answered from its sha256, nothing stored.
  t = performance.now();
  await db.importVulnDocument({ orgId: org.id, text: texts[0]!, actorId: user.id });
  const duplicateMs = performance.now() - t;

  const snapshot = fleetSnapshot(docs);
  await db.db.$executeRawUnsafe(`ANALYZE "VulnImport"`);
  const lookups: number[] = [];
  let reports = 0;
  for (let round = 0; round < 5; round++) {
    const s = performance.now();
    const found = await db.vulnReportsForSnapshot({ orgId: org.id, snapshot });
    lookups.push(performance.now() - s);
    reports = found.length;
    if (round === 4) (snapshot as { vulnerabilityReports?: unknown }).vulnerabilityReports = found;
  }
  if (reports !== docs) throw new Error(`vulnReportsForSnapshot found ${reports} reports for ${docs} images`);

  t = performance.now();
  const result = evaluate(snapshot, { clusterName: "images" });
  const evalMs = performance.now() - t;
  const vulnFindings = result.findings.filter((f) => f.ruleId === "image-vulnerabilities").length;

  t = performance.now();
  const cveSave = await db.saveImageCves({ orgId: org.id, clusterId: cluster.id, findings: result.findings });
  const saveCvesMs = performance.now() - t;
  t = performance.now();
  const cveResave = await db.saveImageCves({ orgId: org.id, clusterId: cluster.id, findings: result.findings });
  const resaveCvesMs = performance.now() - t;
  const rows = imageInventory(snapshot);
  t = performance.now();
  await db.saveImageInventory({ orgId: org.id, clusterId: cluster.id, scanId: `bench-${tag}`, rows });
  const saveInventoryMs = performance.now() - t;
  await db.disconnectDb();

  return {
    docs,
    cvesPerDoc: cves,
    mib: bytes / 2 ** 20,
    ingestS: ingestMs / 1000,
    docsPerSec: docs / (ingestMs / 1000),
    perDocP50Ms: percentile(perDoc, 50),
    perDocP95Ms: percentile(perDoc, 95),
    parseShare: parseMs / ingestMs,
    duplicateMs,
    lookupP50Ms: percentile(lookups, 50),
    lookupMaxMs: Math.max(...lookups),
    reports,
    evalMs,
    vulnFindings,
    cveRows: cveSave.open,
    saveCvesMs,
    resaveCvesMs,
    resaveResolved: cveResave.resolved,
    inventoryRows: rows.length,
    saveInventoryMs,
    peakRssMb: peakRssMb(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const docs = Number(process.argv[2] ?? 1000);
  const cves = Number(process.argv[3] ?? 200);
  benchImages(docs, cves).then(
    (r) => process.stdout.write(JSON.stringify(r) + "\n"),
    (e: Error) => {
      process.stderr.write(`${e.stack ?? e.message}\n`);
      process.exit(1);
    },
  );
}
