// network rules (category barrel).
import type { Rule } from "../../types";
import { networkNamespaceNoDefaultDenyEgress } from "./network-namespace-no-default-deny-egress";
import { networkNamespaceNoDefaultDenyIngress } from "./network-namespace-no-default-deny-ingress";
import { networkNamespaceWithoutPolicy } from "./network-namespace-without-policy";
import { networkPodIngressEgressNotIsolated } from "./network-pod-ingress-egress-not-isolated";
import { networkPodNotIsolated } from "./network-pod-not-isolated";
import { networkPodWithoutAllowRules } from "./network-pod-without-allow-rules";
import { networkPolicyAllowsAllEgress } from "./network-policy-allows-all-egress";
import { networkPolicyAllowsAllIngress } from "./network-policy-allows-all-ingress";
import { networkPolicyDangling } from "./network-policy-dangling";
import { networkPolicyPeerDangling } from "./network-policy-peer-dangling";

export const networkRules: Rule[] = [
  networkNamespaceNoDefaultDenyEgress,
  networkNamespaceNoDefaultDenyIngress,
  networkNamespaceWithoutPolicy,
  networkPodIngressEgressNotIsolated,
  networkPodNotIsolated,
  networkPodWithoutAllowRules,
  networkPolicyAllowsAllEgress,
  networkPolicyAllowsAllIngress,
  networkPolicyDangling,
  networkPolicyPeerDangling,
];
