import { controlPlaneInstances, NOT_VISIBLE } from "../../helpers/control-plane";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const etcdUniqueCa = defineRule({
  id: "etcd-unique-ca",
  title: "etcd trusts the cluster's client CA",
  category: "control-plane",
  severity: "medium",
  kinds: ["Pod"],
  description:
    "When etcd's --trusted-ca-file is the same CA the API server uses for client authentication (--client-ca-file), every client certificate of the cluster, kubelets and users included, is also accepted by etcd, which holds all Secrets.",
  remediation: "Give etcd its own CA (kubeadm: /etc/kubernetes/pki/etcd/ca.crt) and issue the API server a separate etcd client certificate.",
  references: ["https://etcd.io/docs/latest/op-guide/security/"],
  peers: { cis: ["2.7"], nsa: ["CP"] },
  notEvaluable(ctx) {
    const cs = new Set(controlPlaneInstances(ctx).map((i) => i.component));
    return cs.has("etcd") && cs.has("kube-apiserver") ? undefined : `${NOT_VISIBLE}: etcd and kube-apiserver pods are both needed`;
  },
  *evaluate(ctx): Iterable<RawFinding> {
    const insts = controlPlaneInstances(ctx);
    const clientCas = new Set(insts.filter((i) => i.component === "kube-apiserver").map((i) => i.flags.get("client-ca-file")?.value).filter(Boolean));
    for (const e of insts) {
      if (e.component !== "etcd") continue;
      const f = e.flags.get("trusted-ca-file");
      if (!f || !clientCas.has(f.value)) continue;
      yield { object: e.pod, path: f.path, observed: `--trusted-ca-file=${f.value}`, message: `etcd trusts ${f.value}, the API server's client CA: any cluster client certificate can reach etcd` };
    }
  },
});
