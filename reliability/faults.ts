// Fault scenarios against real processes: worker children killed with SIGKILL, the private Redis
// and Postgres restarted under load, duplicated jobs, a scheduler firing mid-scan, and kube-sim
// misbehaving (latency, 500, 429 + Retry-After, dropped connections, cut bodies, bad certificates).
import type { FaultSpec, KubeSim } from "@bulwark/kube-sim";
import { Harness, plantSecrets } from "./harness";
import { QUICK, log, randomInt, sleep, waitFor, type PrivatePostgres, type PrivateRedis } from "./lib";

export interface ScenarioResult {
  name: string;
  runs: number;
  survived: number;
  notes: string[];
}

async function scenario(name: string, runs: number, h: Harness, run: (i: number) => Promise<string[]>): Promise<ScenarioResult> {
  const res: ScenarioResult = { name, runs, survived: 0, notes: [] };
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    let problems: string[];
    try {
      problems = await run(i);
    } catch (e) {
      problems = [`error: ${(e as Error).message}`];
    }
    if (problems.length) {
      log(`${name} run ${i + 1}: FAILED ${problems.join("; ")}`);
      h.dumpWorkerLogs();
      res.notes.push(...problems.slice(0, 3));
    } else {
      res.survived++;
      log(`${name} run ${i + 1}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    await h.stopWorkers();
    await h.clearQueues();
  }
  return res;
}

export async function runFaults(h: Harness, infra: { redis: PrivateRedis; pg: PrivatePostgres }): Promise<ScenarioResult[]> {
  const { scenarios, generateCluster, startKubeSim } = h.sim;
  const shop = scenarios["shop-staging"]!();
  const objects = plantSecrets(shop.objects);
  const sims: KubeSim[] = [];
  const newSim = async (opts: Parameters<typeof startKubeSim>[0] = {}) => {
    const s = await startKubeSim({ objects, version: shop.version, ...opts });
    sims.push(s);
    return s;
  };
  const out: ScenarioResult[] = [];
  try {
    const base = await newSim();
    const want = await h.expected(base, "shop");
    const big = await newSim({ objects: plantSecrets(generateCluster({ objects: QUICK ? 2000 : 4000, seed: 7 })), version: "1.29" });
    const wantBig = await h.expected(big, "big");

    // 1. SIGKILL at a random point of a scan (connecting, reading, judging or storing).
    const slow = await newSim();
    slow.setFaults([{ pathPattern: "^/api", latencyMs: 40 }]);
    out.push(
      await scenario("worker SIGKILL mid-scan", QUICK ? 2 : 5, h, async () => {
        const sim = Math.random() < 0.5 ? slow : big;
        const expectedSet = sim === big ? wantBig : want;
        const clusterId = await h.addCluster("kill", sim.kubeconfig({ identity: "admin" }));
        const [w] = await h.startWorkers(1);
        await h.requestScan(clusterId);
        // A random point: the first moment the scan's progress reaches a random percentage.
        const target = randomInt(1, 95);
        const { q } = await import("./lib");
        const at = await waitFor(
          "the scan to reach the kill point",
          async () => {
            const [r] = await q<{ status: string; progress: number; phase: string }>(h.dbUrl, `SELECT status::text AS status, progress, phase::text AS phase FROM "Scan" WHERE "clusterId" = $1 AND trigger <> 'live'`, [clusterId]);
            return r && (r.status !== "running" && r.status !== "queued" ? r : r.status === "running" && r.progress >= target ? r : null);
          },
          60_000,
          10,
        );
        await w!.kill("SIGKILL");
        log(`  killed worker at ${at.status} ${at.phase} ${at.progress}% (target ${target}%)`);
        await h.startWorkers(1);
        return h.check(new Map([[clusterId, expectedSet]]), { timeoutMs: 120_000 });
      }),
    );

    // 2. Redis (no persistence: every job is lost) restarted during a batch of scans.
    out.push(
      await scenario("Redis restarted during a batch of scans", QUICK ? 1 : 2, h, async () => {
        const ids: string[] = [];
        for (let i = 0; i < 10; i++) ids.push(await h.addCluster(`redis${i}`, slow.kubeconfig({ identity: "admin" })));
        await h.startWorkers(2);
        for (const id of ids) await h.requestScan(id);
        // Restart while some scans run and others still wait in the queue (their jobs are lost).
        const seen = await waitFor("scans both running and queued", async () => {
          const st = (await h.scans(ids)).map((r) => r.status);
          return st.includes("running") && st.includes("queued") ? st : null;
        }, 60_000, 50);
        await sleep(randomInt(0, 1000));
        await infra.redis.restart(2000);
        log(`  redis restarted (${seen.filter((s) => s === "running").length} running, ${seen.filter((s) => s === "queued").length} queued)`);
        return h.check(new Map(ids.map((id) => [id, want])), { timeoutMs: 180_000 });
      }),
    );

    // 3. Postgres crashed (immediate shutdown) while a worker writes results.
    out.push(
      await scenario("Postgres restarted during result writing", QUICK ? 1 : 2, h, async () => {
        const ids = [await h.addCluster("pg-a", big.kubeconfig({ identity: "admin" })), await h.addCluster("pg-b", big.kubeconfig({ identity: "admin" }))];
        const workers = await h.startWorkers(2);
        for (const id of ids) await h.requestScan(id);
        const phase = await waitFor(
          "a scan to be storing",
          async () => {
            const r = await h.scans(ids);
            const { q } = await import("./lib");
            const ph = await q<{ phase: string }>(h.dbUrl, `SELECT phase::text AS phase FROM "Scan" WHERE "clusterId" = ANY($1::text[]) AND status = 'running'`, [ids]);
            return r.length && ph.some((p) => p.phase === "storing") ? "storing" : null;
          },
          90_000,
          20,
        ).catch(() => "not caught storing");
        await infra.pg.restart(1500);
        log(`  postgres restarted (${phase})`);
        const problems = await h.check(new Map(ids.map((id) => [id, wantBig])), { timeoutMs: 180_000 });
        const dead = workers.filter((w) => w.child.exitCode !== null || w.child.signalCode !== null);
        if (dead.length) problems.push(`${dead.length} worker(s) exited after the Postgres restart: ${dead[0]!.lines.slice(-2).join(" | ").slice(0, 200)}`);
        return problems;
      }),
    );

    // 4. Two workers racing for the same cluster: the same scan under three job ids, and two
    // scheduler jobs for one cluster at once.
    out.push(
      await scenario("two workers racing for the same cluster", QUICK ? 2 : 3, h, async () => {
        const clusterId = await h.addCluster("race", base.kubeconfig({ identity: "admin" }));
        await h.startWorkers(2, { WORKER_CONCURRENCY: "4" });
        const scanId = await h.requestScan(clusterId);
        const queue = h.queue();
        const data = { orgId: h.orgId, clusterId, scanId, trigger: "manual" as const };
        await Promise.all([queue.add(h.jobs.SCAN_JOB_NAME, data, { jobId: `dup-a-${scanId}` }), queue.add(h.jobs.SCAN_JOB_NAME, data, { jobId: `dup-b-${scanId}` })]);
        const problems = await h.check(new Map([[clusterId, want]]));
        await Promise.all([h.fireScheduler(clusterId), h.fireScheduler(clusterId), h.fireScheduler(clusterId)]);
        problems.push(...(await h.check(new Map([[clusterId, want]]))));
        const n = (await h.scans([clusterId])).length;
        if (n !== 2) problems.push(`expected 2 scans (one requested, one scheduled), found ${n}`);
        return problems;
      }),
    );

    // 5. The scheduler fires while a scan of the same cluster is still running.
    out.push(
      await scenario("scheduler fires during a running scan", 2, h, async () => {
        const clusterId = await h.addCluster("sched", slow.kubeconfig({ identity: "admin" }));
        await h.startWorkers(2);
        await h.requestScan(clusterId);
        await waitFor("the scan to run", async () => (await h.scans([clusterId]))[0]?.status === "running", 30_000, 50);
        await h.fireScheduler(clusterId);
        await h.fireScheduler(clusterId);
        const problems = await h.check(new Map([[clusterId, want]]));
        const n = (await h.scans([clusterId])).length;
        if (n !== 1) problems.push(`expected the scheduled run to be skipped (1 scan), found ${n}`);
        return problems;
      }),
    );

    // 6. kube-sim misbehaving. Each ends succeeded/partial (findings a subset of a clean run's,
    // equal when succeeded) or failed with a reason; a clean rescan afterwards converges.
    const faulty: Array<{ name: string; faults: FaultSpec[] }> = [
      { name: "kube-sim slow (300 ms per request)", faults: [{ latencyMs: 300 }] },
      { name: "kube-sim 500s (30%)", faults: [{ status500: 0.3 }] },
      { name: "kube-sim 429 + Retry-After (30%)", faults: [{ status429: 0.3, retryAfterSeconds: 1 }] },
      { name: "kube-sim drops connections (20%)", faults: [{ dropConnection: 0.2 }] },
      { name: "kube-sim cuts bodies mid-stream (20%)", faults: [{ truncateBody: 0.2 }] },
    ];
    const faultSim = await newSim();
    for (const f of faulty) {
      out.push(
        await scenario(f.name, QUICK ? 1 : 2, h, async () => {
          const clusterId = await h.addCluster("faulty", faultSim.kubeconfig({ identity: "admin" }));
          await h.startWorkers(1);
          faultSim.setFaults(f.faults);
          await h.requestScan(clusterId);
          const problems = await h.check(new Map([[clusterId, want]]), { allowFailed: true, timeoutMs: 150_000 });
          faultSim.clearFaults();
          // Recovery: a clean rescan has every finding, none duplicated or falsely resolved.
          await h.requestScan(clusterId);
          const after = await h.check(new Map([[clusterId, want]]), { allowFailed: true });
          const last = (await h.scans([clusterId])).at(-1);
          if (last?.status !== "succeeded") after.push(`clean rescan after the fault ended ${last?.status}: ${last?.error?.slice(0, 120)}`);
          return [...problems, ...after];
        }),
      );
    }
    for (const certificate of ["expired", "wrong-host"] as const) {
      const bad = await newSim({ tls: { certificate } });
      out.push(
        await scenario(`kube-sim ${certificate} certificate`, QUICK ? 1 : 2, h, async () => {
          const clusterId = await h.addCluster(`tls-${certificate}`, bad.kubeconfig({ identity: "admin" }));
          await h.startWorkers(1);
          await h.requestScan(clusterId);
          return h.check(new Map([[clusterId, new Set<string>()]]), { mustFail: /certificate|expired|hostname|altname|TLS/i, timeoutMs: 90_000 });
        }),
      );
    }
  } finally {
    await h.stopWorkers();
    await Promise.allSettled(sims.map((s) => s.close()));
  }
  return out;
}
