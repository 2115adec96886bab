// Starts what the browser tests need besides the web app: a simulated cluster (kube-sim) whose
// kubeconfigs the specs upload, and one worker process. Returns the teardown.
import { execFileSync, spawn } from "node:child_process";
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

  // A throwaway certificate for loopback HTTPS receivers the specs start (alert webhooks); the
  // worker trusts it through NODE_EXTRA_CA_CERTS, so no test-only switch exists in the product.
  const receiverKey = path.join(STATE_DIR, "receiver.key.pem");
  const receiverCert = path.join(STATE_DIR, "receiver.cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2", "-keyout", receiverKey, "-out", receiverCert], { stdio: "ignore" });

  const worker = spawn(path.join(HERE, "..", "node_modules", ".bin", "tsx"), ["apps/worker/src/main.ts"], {
    cwd: path.join(HERE, ".."),
    env: { ...process.env, BULWARK_ALLOW_PRIVATE_NETWORKS: "true", NODE_EXTRA_CA_CERTS: receiverCert },
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
