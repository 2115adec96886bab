// Owned by h2 (issue 15): the benchmark frameworks (CIS, NSA/CISA, PSS). The regulatory mappings
// (HIPAA, GDPR, SOC 2, NIST SP 800-53, ISO/IEC 27001) live in their own files; registry.ts puts
// these first.
// TODO(h2): every control needs a written rationale (frameworks.test.ts checks a length floor).
import { cisControls } from "./cis";
import { nsaControls } from "./nsa";
import { PSS_BASELINE, PSS_RESTRICTED_ONLY } from "./pss";
import type { ControlDef, FrameworkDefinition } from "./types";

const pssControl = (c: { id: string; title: string; description: string }): ControlDef => ({
  id: c.id,
  title: c.title,
  description: c.description,
  rationale: "",
});

export const benchmarkDefinitions: FrameworkDefinition[] = [
  {
    id: "cis-1.9",
    name: "CIS Kubernetes Benchmark",
    version: "1.9",
    description: "The Center for Internet Security's configuration benchmark for Kubernetes: control plane, etcd, nodes and policies.",
    controls: cisControls,
    fromPeers: (c, idx) => idx.cis.get(c.id) ?? [],
  },
  {
    id: "nsa-cisa-1.2",
    name: "NSA/CISA Kubernetes Hardening Guidance",
    version: "1.2",
    description: "The U.S. National Security Agency and CISA's hardening guidance for Kubernetes clusters.",
    controls: nsaControls,
    fromPeers: (c, idx) => idx.nsa.get(c.id) ?? [],
  },
  {
    id: "pss-baseline",
    name: "Pod Security Standards: baseline",
    version: "v1.37",
    description: "The Kubernetes Pod Security Standards baseline level: prevents known privilege escalations.",
    controls: PSS_BASELINE.map(pssControl),
    fromPeers: (c, idx) => idx.pss.get(`baseline:${c.id}`) ?? [],
  },
  {
    id: "pss-restricted",
    name: "Pod Security Standards: restricted",
    version: "v1.37",
    description: "The Kubernetes Pod Security Standards restricted level: baseline plus current pod hardening practice.",
    controls: [...PSS_BASELINE, ...PSS_RESTRICTED_ONLY].map(pssControl),
    // A restricted check is answered by rules claiming it at either level (restricted includes baseline).
    fromPeers: (c, idx) => [...(idx.pss.get(`restricted:${c.id}`) ?? []), ...(idx.pss.get(`baseline:${c.id}`) ?? [])],
  },
];
