process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/bulwark_bench_pages_dev";
const db = await import("@bulwark/db");
const { getFramework } = await import("@bulwark/rules");
const { buildReport } = await import("../apps/worker/src/reports/build-report");
const ids = (await db.db.cluster.findMany({ where: { orgId: "bench-org" }, orderBy: { name: "asc" }, take: 50, select: { id: true } })).map((c) => c.id);
const inputs = (await db.getReportInputs({ orgId: "bench-org", clusterIds: ids }))!;
const data = buildReport({ reportId: "x", framework: getFramework("hipaa")!, inputs, asOf: null, generatedAt: new Date(), bulwarkVersion: "0", rulesVersion: "0", previous: null });
console.log("pretty", JSON.stringify(data, null, 2).length, "compact", JSON.stringify(data).length);
let n = 0, uniq = new Set<string>();
for (const c of data.controls) for (const f of c.findings) { n++; uniq.add(f.clusterId + f.ruleId + f.object.name + f.path); }
console.log("finding entries", n, "unique", uniq.size, "controls", data.controls.length);
const one = data.controls.find((c) => c.findings.length)!.findings[0]!;
console.log(JSON.stringify(one).length, JSON.stringify(one));
await db.disconnectDb();
