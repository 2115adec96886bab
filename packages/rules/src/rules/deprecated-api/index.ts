// deprecated-api rules (category barrel).
import type { Rule } from "../../types";
import { deprecatedApiDeprecated } from "./deprecated-api-deprecated";
import { deprecatedApiRemoved } from "./deprecated-api-removed";
import { deprecatedKubeletVersionSkew } from "./deprecated-kubelet-version-skew";
import { deprecatedKubernetesVersionEol } from "./deprecated-kubernetes-version-eol";
import { deprecatedPodSecurityPolicy } from "./deprecated-pod-security-policy";
import { deprecatedPspPermissive } from "./deprecated-psp-permissive";

export const deprecatedApiRules: Rule[] = [
  deprecatedApiDeprecated,
  deprecatedApiRemoved,
  deprecatedKubeletVersionSkew,
  deprecatedKubernetesVersionEol,
  deprecatedPodSecurityPolicy,
  deprecatedPspPermissive,
];
