// The benchmark frameworks: CIS Kubernetes Benchmark 1.9 and 1.10, the CIS managed-Kubernetes
// benchmarks (EKS, AKS, GKE), NSA/CISA hardening guidance and the Pod Security Standards. The
// regulatory mappings (HIPAA, GDPR, ...) live in their own files; registry.ts puts these first.
//
// A benchmark control's rules are its explicit `ruleIds` plus the evidence of the CIS Kubernetes
// numbers it names (`cis`, through cisEvidence: the rules' own peer claims, checked) and the rules
// of the Pod Security Standards checks it names (`pss`). A CIS Kubernetes control names its own
// number, so a new rule that claims a CIS number joins every framework that uses that
// recommendation without an edit here.
import { type BenchmarkControl, cisControls, cisEvidence } from "./cis";
import { aksControls, eksControls, gkeControls } from "./cis-managed";
import { nsaControls } from "./nsa";
import { PSS_BASELINE, PSS_RESTRICTED_ONLY, type PssCheck, pssRationale } from "./pss";
import type { ControlDef, FrameworkDefinition, PeerIndex } from "./types";

interface Meta {
  id: string;
  name: string;
  version: string;
  description: string;
}

/** A framework from benchmark controls: `cis` and `pss` references resolve through the rules' peer claims. */
function benchmark(meta: Meta, controls: readonly BenchmarkControl[], ownCisNumber = false): FrameworkDefinition {
  const refs = new Map<string, { cis: string[]; pss: string[] }>();
  const defs: ControlDef[] = controls.map(({ cis, pss, ...def }) => {
    refs.set(def.id, { cis: ownCisNumber ? [def.id, ...(cis ?? [])] : (cis ?? []), pss: pss ?? [] });
    return def;
  });
  if (refs.size !== defs.length) throw new Error(`${meta.id}: duplicate control ids`);
  return {
    ...meta,
    controls: defs,
    fromPeers: (c, idx: PeerIndex) => {
      const r = refs.get(c.id);
      if (!r) return [];
      return [...r.cis.flatMap((n) => cisEvidence(idx, n)), ...r.pss.flatMap((p) => idx.pss.get(p) ?? [])];
    },
  };
}

const pssControl =
  (level: "baseline" | "restricted") =>
  (c: PssCheck): BenchmarkControl => ({
    id: c.id,
    title: c.title,
    description: c.description,
    rationale: pssRationale(c),
    // A restricted check is answered by rules claiming it at either level (restricted includes baseline).
    pss: level === "baseline" ? [`baseline:${c.id}`] : [`restricted:${c.id}`, `baseline:${c.id}`],
  });

const CIS_DESCRIPTION =
  "The Center for Internet Security's configuration benchmark for Kubernetes: control plane, etcd, worker nodes and policies. Control-plane flags are judged only where the control plane's static pods are visible; node files and kubelet settings need evidence.";

export const benchmarkDefinitions: FrameworkDefinition[] = [
  benchmark({ id: "cis-1.9", name: "CIS Kubernetes Benchmark", version: "1.9", description: CIS_DESCRIPTION }, cisControls, true),
  // Version 1.10 keeps 1.9's section numbers and recommendation titles (checked against the
  // benchmark's public section list and kube-bench's cis-1.10 configuration); its recommendations
  // are judged from the same evidence. A recommendation that changes gets its own control here.
  benchmark({ id: "cis-1.10", name: "CIS Kubernetes Benchmark", version: "1.10", description: CIS_DESCRIPTION }, cisControls, true),
  benchmark(
    {
      id: "cis-eks-1.8",
      name: "CIS Amazon Elastic Kubernetes Service (EKS) Benchmark",
      version: "1.8.0",
      description:
        "The Center for Internet Security's benchmark for Amazon EKS: the customer's side of the shared responsibility (worker nodes, RBAC, pod security, network policies, secrets, and EKS settings). The control plane is AWS's and reported not applicable.",
    },
    eksControls,
  ),
  benchmark(
    {
      id: "cis-aks-1.8",
      name: "CIS Azure Kubernetes Service (AKS) Benchmark",
      version: "1.8.0",
      description:
        "The Center for Internet Security's benchmark for Azure AKS: the customer's side of the shared responsibility (worker nodes, RBAC, pod security, network policies, secrets, and AKS settings). The control plane is Microsoft's and reported not applicable.",
    },
    aksControls,
  ),
  benchmark(
    {
      id: "cis-gke-1.9",
      name: "CIS Google Kubernetes Engine (GKE) Benchmark",
      version: "1.9.0",
      description:
        "The Center for Internet Security's benchmark for Google GKE: the customer's side of the shared responsibility (node files, RBAC, pod security, network policies, secrets, and GKE settings). The control plane is Google's and reported not applicable.",
    },
    gkeControls,
  ),
  benchmark(
    {
      id: "nsa-cisa-1.2",
      name: "NSA/CISA Kubernetes Hardening Guidance",
      version: "1.2",
      description: "The U.S. National Security Agency and CISA's hardening guidance for Kubernetes clusters.",
    },
    nsaControls,
  ),
  benchmark(
    {
      id: "pss-baseline",
      name: "Pod Security Standards: baseline",
      version: "v1.37",
      description: "The Kubernetes Pod Security Standards baseline level: prevents known privilege escalations.",
    },
    PSS_BASELINE.map(pssControl("baseline")),
  ),
  benchmark(
    {
      id: "pss-restricted",
      name: "Pod Security Standards: restricted",
      version: "v1.37",
      description: "The Kubernetes Pod Security Standards restricted level: baseline plus current pod hardening practice.",
    },
    [...PSS_BASELINE, ...PSS_RESTRICTED_ONLY].map(pssControl("restricted")),
  ),
];
