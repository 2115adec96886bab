// Cluster reader throughput over loopback HTTPS; kube-sim runs in a child process so this
// process's peak RSS is the reader's alone.
import { fileURLToPath } from "node:url";
import { benchReader } from "@bulwark/k8s/testing";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 10000);
  const r = await benchReader(n);
  process.stdout.write(JSON.stringify(r) + "\n");
}
