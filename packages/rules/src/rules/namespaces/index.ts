// namespaces rules (category barrel).
import type { Rule } from "../../types";
import { namespaceDefaultUsed } from "./namespace-default-used";
import { namespaceKubeSystemUserWorkload } from "./namespace-kube-system-user-workload";
import { namespacePsaEnforceMissing } from "./namespace-psa-enforce-missing";
import { namespacePsaEnforcePrivileged } from "./namespace-psa-enforce-privileged";

export const namespacesRules: Rule[] = [
  namespaceDefaultUsed,
  namespaceKubeSystemUserWorkload,
  namespacePsaEnforceMissing,
  namespacePsaEnforcePrivileged,
];
