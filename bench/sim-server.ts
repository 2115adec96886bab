// Child process for the database benchmarks: serves `count` generated clusters of `n` objects with
// kube-sim. Prints one JSON line {kubeconfigs, objects} when ready; exits when stdin closes.
import { generateCluster, startKubeSim, type KubeSim } from "@bulwark/kube-sim";

const n = Number(process.argv[2] ?? 10_000);
const count = Number(process.argv[3] ?? 1);
const seed = Number(process.argv[4] ?? 42);
const sims: KubeSim[] = [];
for (let i = 0; i < count; i++) {
  sims.push(await startKubeSim({ objects: generateCluster({ objects: n, seed: seed + i }), version: "1.29" }));
}
process.stdout.write(`${JSON.stringify({ kubeconfigs: sims.map((s) => s.kubeconfig({ identity: "admin" })), objects: sims.map((s) => s.store.count()) })}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void Promise.allSettled(sims.map((s) => s.close())).then(() => process.exit(0));
});
