// `kube-sim serve`: runs the simulator until SIGINT/SIGTERM, for the demo and for manual checks.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { generateCluster } from "./generate";
import { loadManifests } from "./manifests";
import { scenarios } from "./scenarios";
import { startKubeSim } from "./server";
import type { KubeObject, SimPlatform } from "./types";

const HELP = `kube-sim: a Kubernetes API server simulator for tests and demos

Usage:
  kube-sim serve (--scenario NAME | --manifests PATH... | --generate N) [options]

Sources (one of):
  --scenario NAME        built-in cluster: ${Object.keys(scenarios).join(", ")}
  --manifests PATH...    YAML/JSON files or folders (recursive, multi-document, List kinds)
  --generate N           a synthetic cluster of about N objects (--seed S)

Options:
  --port P               listen port (default: random)
  --host H               listen address (default 127.0.0.1)
  --version 1.29         Kubernetes version to report (default: the scenario's, else 1.29)
  --platform NAME        eks | gke | aks | openshift | k3s | kind
  --kubeconfig-out FILE  write a kubeconfig with one context per identity (admin, no-secrets)
  --cluster-name NAME    cluster name in the kubeconfig (default: the scenario name or kube-sim)
  -h, --help             show this help
`;

const PLATFORMS = ["eks", "gke", "aks", "openshift", "k3s", "kind"];

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help") || argv[0] === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  const [command, ...rest] = argv;
  if (command !== "serve") {
    process.stderr.write(`kube-sim: unknown command ${JSON.stringify(command)}; try --help\n`);
    return 2;
  }
  const opts: Record<string, string> = {};
  const manifests: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith("--")) {
      process.stderr.write(`kube-sim: unexpected argument ${JSON.stringify(a)}\n`);
      return 2;
    }
    const [flag, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
    if (flag === "manifests") {
      if (inline) manifests.push(inline);
      while (rest[i + 1] !== undefined && !rest[i + 1]!.startsWith("--")) manifests.push(rest[++i]!);
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined) {
      process.stderr.write(`kube-sim: --${flag} needs a value\n`);
      return 2;
    }
    if (!["scenario", "port", "host", "version", "platform", "kubeconfig-out", "cluster-name", "generate", "seed"].includes(flag)) {
      process.stderr.write(`kube-sim: unknown option --${flag}; try --help\n`);
      return 2;
    }
    opts[flag] = value;
  }
  const sources = [opts.scenario !== undefined, manifests.length > 0, opts.generate !== undefined].filter(Boolean).length;
  if (sources !== 1) {
    process.stderr.write("kube-sim: give exactly one of --scenario, --manifests or --generate\n");
    return 2;
  }
  let objects: KubeObject[];
  let version = opts.version;
  if (opts.scenario !== undefined) {
    const make = scenarios[opts.scenario];
    if (!make) {
      process.stderr.write(`kube-sim: unknown scenario ${JSON.stringify(opts.scenario)}; known: ${Object.keys(scenarios).join(", ")}\n`);
      return 2;
    }
    const s = make();
    objects = s.objects;
    version ??= s.version;
  } else if (opts.generate !== undefined) {
    const n = Number(opts.generate);
    if (!Number.isInteger(n) || n < 1) {
      process.stderr.write(`kube-sim: --generate needs a positive integer, got ${JSON.stringify(opts.generate)}\n`);
      return 2;
    }
    objects = generateCluster({ objects: n, seed: opts.seed ? Number(opts.seed) : undefined, version });
  } else {
    objects = await loadManifests(manifests.map((p) => resolve(p)));
  }
  if (opts.platform && !PLATFORMS.includes(opts.platform)) {
    process.stderr.write(`kube-sim: unknown platform ${JSON.stringify(opts.platform)}; known: ${PLATFORMS.join(", ")}\n`);
    return 2;
  }
  const port = opts.port ? Number(opts.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`kube-sim: --port must be 0..65535, got ${JSON.stringify(opts.port)}\n`);
    return 2;
  }
  const sim = await startKubeSim({
    objects,
    version,
    port,
    host: opts.host,
    platform: opts.platform as SimPlatform | undefined,
    clusterName: opts["cluster-name"] ?? opts.scenario ?? "kube-sim",
  });
  if (opts["kubeconfig-out"]) {
    await writeFile(opts["kubeconfig-out"], sim.kubeconfig({ allContexts: true }), { mode: 0o600 });
  }
  process.stdout.write(`kube-sim serving ${sim.store.count()} objects (Kubernetes ${version ?? "1.29"}) at ${sim.url}\n`);
  if (opts["kubeconfig-out"]) process.stdout.write(`kubeconfig written to ${opts["kubeconfig-out"]} (contexts: admin, no-secrets)\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await sim.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`kube-sim: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
