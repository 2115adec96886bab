// Seeds the dashboard's fleet in the bench database with set-based SQL (INSERT ... SELECT over
// generate_series, no row-by-row round trips): one organization with 8 members, `clusters`
// clusters scanned once a day for `days` days (every Scan row carries its counts, score, per-kind
// and per-rule statuses as the worker stores them), and per cluster a few hundred to a few thousand
// findings with a realistic mix of statuses (open, in progress, reopened, excepted, resolved),
// severities from the real rule catalog, assignees, due dates, finding events and the
// ClusterObject rows the findings point at. The daily counts of each scan are exact: they are
// running sums over the findings' first-seen and resolved days.
// Prints one JSON line: { clusters, scans, findings, events, objects, seedMs, email, password, orgId }.
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { builtinRules, frameworks } from "@bulwark/rules";
import { benchDatabaseUrl } from "./lib";

export const BENCH_EMAIL = "bench-owner@example.com";
export const BENCH_PASSWORD = "bench-password-0123456789";
const ORG_ID = "bench-org";
const VARIANTS = 8;
const NAMESPACES = ["default", "kube-system", "payments", "checkout", "search", "ingest", "billing", "auth", "web", "api", "monitoring", "logging", "data", "ml", "batch", "cache", "queue", "reports", "admin", "edge"];

/** Per-rule statuses of a scan, as recordScanResults stores them: `failing` rules failed, some not evaluated, the rest passed. */
function ruleStatuses(v: number): { rules: object[]; failing: string[] } {
  const failing: string[] = [];
  const rules = builtinRules.map((r, i) => {
    const h = (i * 2654435761 + v * 40503) >>> 0;
    if (h % 97 < 4) return { id: r.id, status: "not-evaluated", reason: "kind rbac.authorization.k8s.io/v1/clusterroles forbidden", findings: 0 };
    if (h % 5 < 2) {
      failing.push(r.id);
      return { id: r.id, status: "failed", findings: 1 + (h % 40) };
    }
    return { id: r.id, status: "passed", findings: 0 };
  });
  return { rules, failing };
}

export async function seedPages(clusters: number, days: number, scale: number) {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  try {
    await q("SELECT setseed(0.42)");
    const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const now = new Date();
    await q(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ($1, 'Bench fleet', 'bench-fleet', now())`, [ORG_ID]);
    await q(
      `INSERT INTO "User" (id, email, name, "passwordHash")
       SELECT 'bench-user-' || u, CASE WHEN u = 0 THEN $1 ELSE 'engineer' || u || '@example.com' END, 'Engineer ' || u, CASE WHEN u = 0 THEN $2 END
       FROM generate_series(0, 7) u`,
      [BENCH_EMAIL, passwordHash],
    );
    await q(
      `INSERT INTO "Membership" (id, "orgId", "userId", role)
       SELECT 'bench-m-' || u, $1, 'bench-user-' || u, (CASE WHEN u = 0 THEN 'owner' WHEN u < 3 THEN 'admin' ELSE 'member' END)::"Role" FROM generate_series(0, 7) u`,
      [ORG_ID],
    );

    // Rule catalog and per-cluster rule-status variants.
    await q(`CREATE TEMP TABLE b_rule (idx int, id text, severity text, kind text, api text, title text, remediation text)`);
    const kindApi: Record<string, string> = { Deployment: "apps/v1", StatefulSet: "apps/v1", DaemonSet: "apps/v1", ReplicaSet: "apps/v1", Job: "batch/v1", CronJob: "batch/v1", Role: "rbac.authorization.k8s.io/v1", ClusterRole: "rbac.authorization.k8s.io/v1", RoleBinding: "rbac.authorization.k8s.io/v1", ClusterRoleBinding: "rbac.authorization.k8s.io/v1", NetworkPolicy: "networking.k8s.io/v1", Ingress: "networking.k8s.io/v1" };
    await q(
      `INSERT INTO b_rule SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        builtinRules.map((_, i) => i),
        builtinRules.map((r) => r.id),
        builtinRules.map((r) => r.severity),
        builtinRules.map((r) => (r.kinds.includes("Deployment") ? "Deployment" : r.kinds[0] ?? "Pod")),
        builtinRules.map((r) => kindApi[r.kinds.includes("Deployment") ? "Deployment" : r.kinds[0] ?? "Pod"] ?? "v1"),
        builtinRules.map((r) => r.title),
        builtinRules.map((r) => r.remediation),
      ],
    );
    await q(`CREATE TEMP TABLE b_variant (v int, rules jsonb, failing int[])`);
    const kinds = [...new Set(builtinRules.flatMap((r) => r.kinds))].map((kind) => ({ resource: `${kind.toLowerCase()}s`, kind, status: "read", count: 50 }));
    for (let v = 0; v < VARIANTS; v++) {
      const { rules, failing } = ruleStatuses(v);
      await q(`INSERT INTO b_variant VALUES ($1, $2::jsonb, $3::int[])`, [v, JSON.stringify(rules), failing.map((id) => builtinRules.findIndex((r) => r.id === id))]);
    }

    await q(
      `INSERT INTO "Cluster" (id, "orgId", name, server, "credentialCipher", "credentialKeyId", "kubeVersion", "gitVersion", provider, "connectionStatus", "connectionCheckedAt", "createdAt", "updatedAt")
       SELECT 'bench-c' || c, $1, (ARRAY['prod','staging','dev','edge'])[1 + c % 4] || '-' || (ARRAY['eu-west','us-east','ap-south','us-west','eu-central'])[1 + (c / 4) % 5] || '-' || lpad(c::text, 3, '0'),
              'https://10.' || (c / 250) || '.' || (c % 250) || '.1:6443', 'bench-not-a-credential', 'k1', '1.' || (27 + c % 4), 'v1.' || (27 + c % 4) || '.3',
              (ARRAY['eks','gke','aks','k3s'])[1 + c % 4], 'connected', $2::timestamp, $2::timestamp - make_interval(days => $3::int + 1), $2::timestamp
       FROM generate_series(0, $4::int - 1) c`,
      [ORG_ID, now, days, clusters],
    );
    // Daily schedules, seeded disabled: a bench worker (report.bench.ts) must not scan these fake clusters.
    await q(
      `INSERT INTO "ScanSchedule" (id, "orgId", "clusterId", enabled, mode, "everyMinutes", "updatedAt")
       SELECT 'bench-sch' || c, $1, 'bench-c' || c, false, 'interval', 1440, now() FROM generate_series(0, $2::int - 1) c`,
      [ORG_ID, clusters],
    );

    // The findings' plan: per cluster 300..3000 findings, each on an object (3 per object), with the
    // day it was first seen (40% in the cluster's first scan) and, if resolved, the day it went away.
    await q(
      `CREATE TEMP TABLE b_f AS
       SELECT c, i, r.idx AS ridx, r.id AS rule_id, r.severity, r.kind, r.api, r.title, r.remediation,
              fd, CASE WHEN st = 'resolved' THEN LEAST(${days} - 1, fd + 1 + floor(random() * (${days} - fd))::int) END AS rd, st,
              (i / 3) AS obj, (1 + floor(random() * 20))::int AS ns, random() AS x
       FROM (
         SELECT c, i, fd, v.failing[1 + (i * 7 + c) % array_length(v.failing, 1)] AS ridx,
                CASE WHEN s < 0.36 AND fd < ${days} - 1 THEN 'resolved' WHEN s < 0.42 THEN 'in_progress' WHEN s < 0.46 THEN 'reopened' WHEN s < 0.51 THEN 'excepted' ELSE 'open' END AS st
         FROM (
           SELECT c, i, random() AS s,
                  CASE WHEN random() < 0.4 THEN 0 ELSE floor(random() * ${days})::int END AS fd
           FROM generate_series(0, ${clusters} - 1) c
           CROSS JOIN LATERAL generate_series(0, ((${scale}::float8 * (300 + (c * 7919) % 2700))::int) - 1) i
         ) a JOIN b_variant v ON v.v = a.c % ${VARIANTS}
       ) b JOIN b_rule r ON r.idx = b.ridx`,
      [],
    );
    await q(`CREATE INDEX ON b_f (c, i)`);
    await q(`ANALYZE b_f`);

    // Exact per-day counts: +1 on the first-seen day, -1 on the resolved day, running sums per cluster.
    await q(
      `CREATE TEMP TABLE b_day AS
       WITH delta AS (
         SELECT c, fd AS d, severity, 1 AS n, 1 AS nw, 0 AS fx FROM b_f
         UNION ALL SELECT c, rd, severity, -1, 0, 1 FROM b_f WHERE rd IS NOT NULL
       ), per AS (
         SELECT c, d, SUM(n) FILTER (WHERE severity = 'critical') AS cr, SUM(n) FILTER (WHERE severity = 'high') AS hi,
                SUM(n) FILTER (WHERE severity = 'medium') AS me, SUM(n) FILTER (WHERE severity = 'low') AS lo,
                SUM(n) FILTER (WHERE severity = 'info') AS inf, SUM(nw) AS nw, SUM(fx) AS fx
         FROM delta GROUP BY c, d
       ), grid AS (
         SELECT c, d, COALESCE(p.cr, 0) cr, COALESCE(p.hi, 0) hi, COALESCE(p.me, 0) me, COALESCE(p.lo, 0) lo, COALESCE(p.inf, 0) inf, COALESCE(p.nw, 0) nw, COALESCE(p.fx, 0) fx
         FROM generate_series(0, $2::int - 1) c CROSS JOIN generate_series(0, $1::int - 1) d LEFT JOIN per p USING (c, d)
       )
       SELECT c, d, nw, fx,
              SUM(cr) OVER w AS critical, SUM(hi) OVER w AS high, SUM(me) OVER w AS medium, SUM(lo) OVER w AS low, SUM(inf) OVER w AS info
       FROM grid WINDOW w AS (PARTITION BY c ORDER BY d)`,
      [days, clusters],
    );

    // One succeeded scan per cluster per day, about an hour ago on the last day.
    await q(
      `INSERT INTO "Scan" (id, "orgId", "clusterId", trigger, status, progress, phase, "objectCount", "durationMs", critical, high, medium, low, info, score,
                           "newCount", "fixedCount", "reopenedCount", "openCount", kinds, rules, "kubeVersion", "rulesVersion", attempts, "workerId",
                           "createdAt", "startedAt", "finishedAt")
       SELECT 'bench-s' || x.c || '-' || x.d, $1, 'bench-c' || x.c, 'schedule', 'succeeded', 100, 'done', 2000 + x.c * 17, 3000 + (x.c * 31 + x.d) % 4000,
              x.critical, x.high, x.medium, x.low, x.info,
              GREATEST(0, LEAST(100, round(100 - 100 * (10 * x.critical + 4 * x.high + x.medium + 0.25 * x.low) / (10 * x.critical + 4 * x.high + x.medium + 0.25 * x.low + 2000.0))))::int,
              CASE WHEN x.d = 0 THEN x.critical + x.high + x.medium + x.low + x.info ELSE x.nw END, x.fx, 0, x.critical + x.high + x.medium + x.low + x.info,
              $2::jsonb, v.rules, '1.29', 'bench', 1, 'bench-worker', at - interval '3 seconds', at - interval '2 seconds', at
       FROM (SELECT *, $3::timestamp - make_interval(days => ($4::int - 1 - d)::int, secs => (3600 + c * 7)::float8) AS at FROM b_day) x
       JOIN b_variant v ON v.v = x.c % ${VARIANTS}`,
      [ORG_ID, JSON.stringify(kinds), now, days],
    );
    await q(
      `UPDATE "Cluster" cl SET "lastScanId" = s.id, "lastScanAt" = s."finishedAt", score = s.score
       FROM "Scan" s WHERE s.id = 'bench-s' || substr(cl.id, 8) || '-' || ($1 - 1) AND cl."orgId" = $2`,
      [days, ORG_ID],
    );

    // The instant of cluster c's scan on day d (null stays null).
    await q(
      `CREATE FUNCTION pg_temp.ts(d int, c int) RETURNS timestamp LANGUAGE sql IMMUTABLE AS
       $$ SELECT '${now.toISOString().replace("T", " ").replace("Z", "")}'::timestamp - make_interval(days => ${days} - 1 - d, secs => (3600 + c * 7)::float8) $$`,
    );
    // Findings. Due dates follow the default SLA (critical 7 d, high 30, medium 90, low 180).
    await q(
      `INSERT INTO "Finding" (id, "orgId", "clusterId", fingerprint, "ruleId", severity, status, "apiVersion", kind, namespace, name, uid, path, observed,
                              message, remediation, "firstSeenScanId", "lastSeenScanId", "firstSeenAt", "lastSeenAt", "resolvedAt", "assigneeId", "dueAt", "updatedAt")
       SELECT 'bench-f' || c || '-' || i, $1, 'bench-c' || c, md5(c || ':' || i), rule_id, severity::"Severity", st::"FindingStatus", api, kind,
              CASE WHEN kind IN ('ClusterRole', 'ClusterRoleBinding', 'Node', 'Namespace') THEN NULL ELSE ($3::text[])[ns] END,
              lower(kind) || '-' || obj, 'uid-' || c || '-' || obj, 'spec.template.spec.containers[' || (i % 3) || '].securityContext', 'true',
              title || ' (' || lower(kind) || '-' || obj || ')', remediation,
              'bench-s' || c || '-' || fd, 'bench-s' || c || '-' || COALESCE(rd - 1, $2 - 1),
              pg_temp.ts(fd, c), pg_temp.ts(COALESCE(rd - 1, $2 - 1), c), pg_temp.ts(rd, c),
              CASE WHEN st = 'in_progress' OR (st IN ('open', 'reopened') AND x < 0.25) OR (st = 'resolved' AND x < 0.1) THEN 'bench-user-' || (i % 8) END,
              CASE WHEN st <> 'resolved' AND severity <> 'info' THEN pg_temp.ts(fd, c) + make_interval(days => CASE severity WHEN 'critical' THEN 7 WHEN 'high' THEN 30 WHEN 'medium' THEN 90 ELSE 180 END) END,
              now()
       FROM b_f`,
      [ORG_ID, days, NAMESPACES],
    );

    // Events: created (first scan), resolved/reopened by scans, assignments and status changes by people, some comments.
    await q(
      `INSERT INTO "FindingEvent" (id, "orgId", "findingId", "actorId", type, data, "scanId", "createdAt")
       SELECT 'bench-e' || f.id || '-' || e.k, $1, f.id, e.actor, e.type, e.data, e.scan, e.at
       FROM "Finding" f
       CROSS JOIN LATERAL (VALUES
         ('c', NULL::text, 'created', NULL::jsonb, f."firstSeenScanId", f."firstSeenAt", true),
         ('r', NULL, 'resolved', jsonb_build_object('scanId', f."lastSeenScanId"), f."lastSeenScanId", f."resolvedAt", f.status = 'resolved'),
         ('x', NULL, 'resolved', NULL, f."firstSeenScanId", f."firstSeenAt" + interval '2 days', f.status = 'reopened'),
         ('o', NULL, 'reopened', NULL, f."lastSeenScanId", f."lastSeenAt" - interval '1 day', f.status = 'reopened'),
         ('a', 'bench-user-0', 'assigned', jsonb_build_object('assigneeId', f."assigneeId"), NULL, f."firstSeenAt" + interval '3 hours', f."assigneeId" IS NOT NULL),
         ('s', f."assigneeId", 'status', jsonb_build_object('from', 'open', 'to', f.status::text, 'comment', 'Accepted: compensating control in place', 'expiresAt', (f."firstSeenAt" + interval '180 days')::text), NULL, f."firstSeenAt" + interval '1 day', f.status IN ('in_progress', 'excepted')),
         ('m', 'bench-user-1', 'comment', jsonb_build_object('text', 'Tracked in the platform backlog'), NULL, f."firstSeenAt" + interval '5 hours', md5(f.id) < '2')
       ) AS e(k, actor, type, data, scan, at, keep)
       WHERE f."orgId" = $1 AND e.keep`,
      [ORG_ID],
    );

    // The objects the findings point at (three findings per object), with a small manifest.
    await q(
      `INSERT INTO "ClusterObject" (id, "orgId", "clusterId", key, "apiVersion", kind, namespace, name, hash, manifest, "lastSeenScanId", "updatedAt")
       SELECT DISTINCT ON ("clusterId", uid) 'bench-o' || "clusterId" || '-' || uid, $1, "clusterId", uid, "apiVersion", kind, namespace, name, md5(uid),
              jsonb_build_object('apiVersion', "apiVersion", 'kind', kind, 'metadata', jsonb_build_object('name', name, 'namespace', namespace, 'uid', uid, 'labels', jsonb_build_object('app', name, 'team', 'platform')),
                'spec', jsonb_build_object('replicas', 3, 'template', jsonb_build_object('spec', jsonb_build_object('containers', jsonb_build_array(
                  jsonb_build_object('name', 'app', 'image', 'registry.example.com/' || name || ':1.4.2', 'securityContext', jsonb_build_object('privileged', true, 'runAsNonRoot', false),
                    'resources', jsonb_build_object('limits', jsonb_build_object('cpu', '500m', 'memory', '512Mi')))))))),
              "lastSeenScanId", now()
       FROM "Finding" WHERE "orgId" = $1 ORDER BY "clusterId", uid, "lastSeenAt" DESC`,
      [ORG_ID],
    );
    await q(`ANALYZE`);
    const count = async (t: string) => Number((await q(`SELECT count(*)::int AS n FROM "${t}" WHERE "orgId" = $1`, [ORG_ID])).rows[0].n);
    return {
      clusters,
      scans: await count("Scan"),
      findings: await count("Finding"),
      events: await count("FindingEvent"),
      objects: await count("ClusterObject"),
      seedMs: Math.round(performance.now() - t0),
      frameworks: frameworks.length,
    };
  } finally {
    await client.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [c, d, s] = process.argv.slice(2).map(Number);
  const r = await seedPages(c ?? 200, d ?? 365, s ?? 1);
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
