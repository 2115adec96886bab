// Child process for benchReader: serves a generated cluster with kube-sim so the reader's memory
// is measured alone. Prints one JSON line {kubeconfig, objects} when ready; exits when stdin closes.
import { generateCluster, startKubeSim } from "@bulwark/kube-sim";

const n = Number(process.argv[2] ?? 10_000);
const objects = generateCluster({ objects: n, seed: 42 });
const sim = await startKubeSim({ objects, version: "1.29" });
process.stdout.write(`${JSON.stringify({ kubeconfig: sim.kubeconfig({ identity: "admin" }), objects: sim.store.count() })}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void sim.close().then(() => process.exit(0));
});
