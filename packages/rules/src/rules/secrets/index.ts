import type { Rule } from "../../types";
import { defaultServiceAccountUsed } from "./default-service-account-used";
import { defaultServiceaccountAutomount } from "./default-serviceaccount-automount";
import { deprecatedServiceAccountField } from "./deprecated-service-account-field";
import { envReferenceNotFound } from "./env-reference-not-found";
import { saTokenAutomount } from "./sa-token-automount";
import { saTokenExplicitlyMounted } from "./sa-token-explicitly-mounted";
import { secretInEnvVar } from "./secret-in-env-var";
import { sensitiveConfigmapContent } from "./sensitive-configmap-content";
import { sensitiveEnvVarLiteral } from "./sensitive-env-var-literal";
import { serviceaccountNotFound } from "./serviceaccount-not-found";
import { workloadMountsSecret } from "./workload-mounts-secret";

export const secretsRules: Rule[] = [
  sensitiveEnvVarLiteral,
  sensitiveConfigmapContent,
  secretInEnvVar,
  saTokenAutomount,
  saTokenExplicitlyMounted,
  defaultServiceAccountUsed,
  defaultServiceaccountAutomount,
  serviceaccountNotFound,
  deprecatedServiceAccountField,
  envReferenceNotFound,
  workloadMountsSecret,
];
