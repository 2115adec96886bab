process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/bulwark_bench_pages_dev";
const db = await import("@bulwark/db");
const { buildTrendRows } = await import("../apps/web/src/modules/trends/trends-series");
const orgId = "bench-org";
const now = new Date();
const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 364));
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const tot = await db.getTrendTotals({ orgId, from, to: now });
  const tt = performance.now() - t;
  t = performance.now();
  const s = await db.getTrendSeries({ orgId, from, to: now });
  const ts = performance.now() - t;
  const rows = buildTrendRows({ from, to: now, clusterIds: s.clusters.map((c) => c.id), points: s.points, baseline: s.baseline });
  const m = new Map(tot.map((r) => [r.day, r]));
  let bad = 0;
  for (const r of rows) {
    const x = m.get(r.day);
    if (!x) continue;
    const score = x.scored ? Math.round((10 * x.scoreSum) / x.scored) / 10 : null;
    if (x.critical !== r.critical || x.high !== r.high || x.info !== r.info || x.newCount !== r.new || x.fixedCount !== r.fixed || x.scans !== r.scans || score !== r.score) { if (bad++ < 3) console.log(r.day, JSON.stringify(x), JSON.stringify({ ...r, clusters: undefined })); }
  }
  console.log(`totals ${tt.toFixed(0)} ms (${tot.length} rows), series ${ts.toFixed(0)} ms, mismatches ${bad}/${rows.length}`);
}
await db.disconnectDb();
