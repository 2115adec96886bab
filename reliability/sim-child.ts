// Child process for the load section: serves generated kube-sim clusters of the given sizes (with
// the planted Secret values). Prints one JSON line {kubeconfigs, objects} when ready; exits when
// stdin closes. A child, so the runner's own event loop stays free for the simulated users.
import { generateCluster, startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import { plantSecrets } from "./harness";

const sizes = JSON.parse(process.argv[2] ?? "[1000]") as number[];
const sims: KubeSim[] = [];
for (const [i, n] of sizes.entries()) {
  sims.push(await startKubeSim({ objects: plantSecrets(generateCluster({ objects: n, seed: 100 + i })), version: "1.29" }));
}
process.stdout.write(`${JSON.stringify({ kubeconfigs: sims.map((s) => s.kubeconfig({ identity: "admin" })), objects: sims.map((s) => s.store.count()) })}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void Promise.allSettled(sims.map((s) => s.close())).then(() => process.exit(0));
});
