// Reader benchmark: a generated cluster served by kube-sim in a child process, read over HTTPS on
// loopback; the RSS figure is this process's (the reader's) peak, sampled during the read.
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { startChildServer } from "./child-server";
import { readCluster } from "./reader";

export interface ReaderBenchResult {
  objects: number;
  wallMs: number;
  objectsPerSec: number;
  peakRssMb: number;
  /** RSS before the read started, for context */
  baseRssMb: number;
  /** CPU time the reader process spent (the server's is not counted) */
  readerCpuMs: number;
}

export async function benchReader(n: number): Promise<ReaderBenchResult> {
  // path.join rather than new URL(literal, import.meta.url), which bundlers turn into an asset
  const script = join(dirname(fileURLToPath(import.meta.url)), "bench-server.ts");
  const server = await startChildServer<{ kubeconfig: string; objects: number }>(script, [String(n)], {
    cwd: dirname(script),
    name: "bench server",
  });
  try {
    const { ready } = server;
    (globalThis as { gc?: () => void }).gc?.();
    const baseRss = process.memoryUsage.rss();
    let peak = baseRss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 10);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const snap = await readCluster(ready.kubeconfig, { allowPrivateNetworks: true, deadlineMs: 600_000 });
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    const failed = snap.kinds.filter((k) => k.status === "failed");
    if (failed.length) throw new Error(`bench read failed kinds: ${failed.map((k) => `${k.resource}: ${k.error}`).join("; ")}`);
    return {
      objects: snap.objects.length,
      wallMs: Math.round(wallMs),
      objectsPerSec: Math.round(snap.objects.length / (wallMs / 1000)),
      peakRssMb: Math.round(peak / 1024 / 1024),
      baseRssMb: Math.round(baseRss / 1024 / 1024),
      readerCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const n of process.argv.slice(2).map(Number)) {
    console.log(JSON.stringify({ n, ...(await benchReader(n)) }));
  }
}
