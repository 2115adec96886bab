// Seeds the bench database with a scan history before anything is measured, so measurements run
// against tables that already hold other clusters' findings, resolved/reopened rows and events
// rather than an empty database. Each cluster is a generated one whose objects drift between scans
// (a rotating tenth is missing), which resolves and reopens findings. Prints one JSON line.
import { fileURLToPath } from "node:url";
import { generateCluster } from "@bulwark/kube-sim";
import { RULES_VERSION, builtinRules, evaluate, type KindReadResult, type KubeObject, type Snapshot } from "@bulwark/rules";
import { benchDatabaseUrl } from "./lib";

/** Every kind present or needed by a rule counts as read, so vanished findings resolve as in a complete scan. */
function readKinds(objects: readonly KubeObject[]): KindReadResult[] {
  const byKind = new Map<string, KindReadResult>();
  for (const r of builtinRules) {
    for (const kind of [...r.kinds, ...(r.requiresKinds ?? [])]) byKind.set(kind, { resource: `${kind.toLowerCase()}s`, kind, status: "read", count: 0 });
  }
  for (const o of objects) {
    const k = byKind.get(o.kind) ?? { resource: `${o.apiVersion}/${o.kind.toLowerCase()}s`, kind: o.kind, status: "read", count: 0 };
    k.count++;
    byKind.set(o.kind, k);
  }
  return [...byKind.values()];
}

export async function seedHistory(clusters: number, scansEach: number, objectsEach: number) {
  process.env.DATABASE_URL = benchDatabaseUrl();
  const db = await import("@bulwark/db");
  const { user, org } = await db.createUserWithOrganization({ email: `history-${process.pid}@example.com`, passwordHash: null, orgName: "Bench history" });
  let findings = 0;
  let scans = 0;
  for (let c = 0; c < clusters; c++) {
    const cluster = await db.createCluster({ orgId: org.id, actorId: user.id, name: `history-${c}`, server: "https://127.0.0.1", credentialCipher: "x", credentialKeyId: "x" });
    const all = generateCluster({ objects: objectsEach, seed: 500 + c });
    const kinds = readKinds(all);
    for (let s = 0; s < scansEach; s++) {
      const objects = all.filter((_, i) => i % 10 !== s % 10);
      const snapshot: Snapshot = { source: "cluster", objects, kinds, kindsComplete: true, kubeVersion: "1.29" };
      const result = evaluate(snapshot);
      const scan = await db.createScan({ orgId: org.id, clusterId: cluster.id, trigger: "schedule" });
      await db.claimScan({ orgId: org.id, scanId: scan.id, workerId: "bench-history" });
      const out = await db.recordScanResults({ orgId: org.id, scanId: scan.id, workerId: "bench-history", result, kinds, objects, kubeVersion: "1.29", rulesVersion: RULES_VERSION });
      if (!out) throw new Error("history scan was not recorded");
      findings += out.stats.inserted;
      scans++;
    }
  }
  const events = await db.db.findingEvent.count({ where: { orgId: org.id } });
  await db.disconnectDb();
  return { clusters, scans, findings, events };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [c, s, n] = process.argv.slice(2).map(Number);
  const r = await seedHistory(c ?? 4, s ?? 12, n ?? 2000);
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
