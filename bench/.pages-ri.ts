process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/bulwark_bench_pages_dev";
const db = await import("@bulwark/db");
const ids = (await db.db.cluster.findMany({ where: { orgId: "bench-org" }, orderBy: { name: "asc" }, take: 50, select: { id: true } })).map((c) => c.id);
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  const r = await db.getReportInputs({ orgId: "bench-org", clusterIds: ids });
  console.log("getReportInputs", (performance.now() - t).toFixed(0), "ms", r!.clusters.reduce((a, c) => a + c.findings.length, 0), "findings", Math.round(process.memoryUsage().rss / 2 ** 20), "MiB rss");
}
await db.disconnectDb();
