// TEMPORARY (issue 7 screenshots): seeds a demo org with real scans + synthetic history. Deleted after use.
import { hash } from "@node-rs/argon2";
import * as db from "@bulwark/db";
import { startKubeSim, scenarios } from "@bulwark/kube-sim";
import { readCluster } from "@bulwark/k8s";
import { evaluate } from "@bulwark/rules";
import { processReport } from "./src/processors/report.processor";

const { user, org } = await db.createUserWithOrganization({ email: "demo7@bulwark.local", passwordHash: await hash("correct-horse-battery-staple"), orgName: "Acme Health" });
const orgId = org.id;
const sims = [];
const day = 86_400_000;
for (const [i, name] of ["payments-prod", "shop-staging", "legacy-onprem"].entries()) {
  const sc = scenarios[name]!();
  const sim = await startKubeSim({ objects: sc.objects, version: sc.version });
  sims.push(sim);
  const cluster = await db.createCluster({ orgId, actorId: user.id, name, server: sim.url, credentialCipher: "x", credentialKeyId: "k" });
  // synthetic history: 120 days, improving
  const now = Date.now();
  for (let d = 120; d >= 1; d--) {
    if ((d + i) % 9 === 0) continue; // some days skipped
    const t = new Date(now - d * day + i * 3600_000);
    const prog = (120 - d) / 120;
    const crit = Math.max(0, Math.round((12 - i) * (1 - prog * 0.7) + ((d * 7) % 3)));
    const high = Math.round((110 + i * 15) * (1 - prog * 0.4) + ((d * 5) % 4));
    const med = Math.round(260 + i * 30 - prog * 60 + ((d * 3) % 6));
    const low = Math.round(170 + ((d * 11) % 5) - prog * 20);
    const info = 60 + (d % 3);
    const score = Math.round(45 + i * 8 + prog * 30 + ((d * 13) % 5) - 2);
    await db.db.scan.create({ data: { orgId, clusterId: cluster.id, trigger: "schedule", status: "succeeded", progress: 100, phase: "done", critical: crit, high, medium: med, low, info, score, newCount: (d * 7) % 9, fixedCount: (d * 5) % 13, reopenedCount: d % 11 === 0 ? 1 : 0, openCount: crit + high + med + low + info, createdAt: t, startedAt: t, finishedAt: new Date(t.getTime() + 20_000), rulesVersion: "2026.11.0" } });
  }
  const scan = await db.createScan({ orgId, clusterId: cluster.id, trigger: "manual", actorId: user.id });
  await db.claimScan({ orgId, scanId: scan.id, workerId: "seed" });
  const snapshot = await readCluster(sim.kubeconfig({ identity: "admin" }), { allowPrivateNetworks: true });
  const result = evaluate(snapshot, { clusterName: name });
  await db.recordScanResults({ orgId, scanId: scan.id, workerId: "seed", result, kinds: snapshot.kinds, objects: snapshot.objects });
  await db.db.scan.update({ where: { id: scan.id }, data: { newCount: 6, fixedCount: 9 } });
  // backdate some findings for ages, resolve a few for MTTR
  const fs = await db.db.finding.findMany({ where: { clusterId: cluster.id } });
  for (const [k, f] of fs.entries()) {
    const age = (k * 17) % 140;
    await db.db.finding.update({ where: { id: f.id }, data: { firstSeenAt: new Date(Date.now() - age * day) } });
    if (k % 9 === 0) await db.db.finding.update({ where: { id: f.id }, data: { status: "resolved", resolvedAt: new Date(Date.now() - Math.max(0, age - 5) * day) } });
  }
}
for (const fw of ["hipaa", "cis-1.9"]) {
  const clusters = await db.listClusters({ orgId });
  const r = await db.createReport({ orgId, framework: fw, clusterIds: clusters.map((c) => c.id), createdById: user.id });
  console.log(await processReport({ data: { orgId, reportId: r.id } }, { log: console.log }));
}
await Promise.all(sims.map((s) => s.close()));
await db.disconnectDb();
console.log("seeded", orgId);
