// Starts what the browser tests need besides the web app: a simulated cluster (kube-sim) whose
// kubeconfigs the specs upload, and one worker process. Returns the teardown.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scenarios, startKubeSim } from "@bulwark/kube-sim";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const STATE_DIR = path.join(HERE, "..", ".bulwark", "e2e");

export default async function globalSetup() {
  mkdirSync(STATE_DIR, { recursive: true });
  const { objects, version } = scenarios["shop-staging"]!();
  const sim = await startKubeSim({ objects, version, clusterName: "shop-staging" });
  writeFileSync(path.join(STATE_DIR, "admin.kubeconfig"), sim.kubeconfig({ identity: "admin" }));
  writeFileSync(path.join(STATE_DIR, "no-secrets.kubeconfig"), sim.kubeconfig({ identity: "no-secrets" }));

  const worker = spawn(path.join(HERE, "..", "node_modules", ".bin", "tsx"), ["apps/worker/src/main.ts"], {
    cwd: path.join(HERE, ".."),
    env: { ...process.env, BULWARK_ALLOW_PRIVATE_NETWORKS: "true" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });

  return async () => {
    try {
      process.kill(-worker.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await sim.close();
  };
}
