// The built-in rule registry. Each category owner adds one import line and one spread.
import type { Rule } from "../types";
import { hostAccessRules } from "./host-access";
import { workloadSecurityRules } from "./workload-security";
import { imagesRules } from "./images";
import { probesRules } from "./probes";
import { reliabilityRules } from "./reliability";
import { resourcesRules } from "./resources";
import { secretsRules } from "./secrets";
import { controlPlaneRules } from "./control-plane";
import { rbacRules } from "./rbac";
import { deprecatedApiRules } from "./deprecated-api";
import { storageRules } from "./storage";
import { admissionRules } from "./admission";
import { namespacesRules } from "./namespaces";
import { exposureRules } from "./exposure";
import { networkRules } from "./network";

export const builtinRules: Rule[] = [
  ...workloadSecurityRules,
  ...hostAccessRules,
  ...resourcesRules,
  ...probesRules,
  ...imagesRules,
  ...secretsRules,
  ...reliabilityRules,
  ...controlPlaneRules,
  ...rbacRules,
  ...deprecatedApiRules,
  ...storageRules,
  ...admissionRules,
  ...namespacesRules,
  ...exposureRules,
  ...networkRules,
];
