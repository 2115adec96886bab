// rbac rules (category barrel).
import type { Rule } from "../../types";
import { rbacAdminEquivalentRole } from "./rbac-admin-equivalent-role";
import { rbacAnonymousBinding } from "./rbac-anonymous-binding";
import { rbacApproveCsr } from "./rbac-approve-csr";
import { rbacBindEscalate } from "./rbac-bind-escalate";
import { rbacBindingGrantsSecretsRead } from "./rbac-binding-grants-secrets-read";
import { rbacBindingMissingRole } from "./rbac-binding-missing-role";
import { rbacBindingMissingServiceAccount } from "./rbac-binding-missing-service-account";
import { rbacClusterAdminBinding } from "./rbac-cluster-admin-binding";
import { rbacClusterBindingExecAttach } from "./rbac-cluster-binding-exec-attach";
import { rbacCreatePersistentVolumes } from "./rbac-create-persistent-volumes";
import { rbacCreateServiceAccountToken } from "./rbac-create-service-account-token";
import { rbacDefaultServiceAccountBound } from "./rbac-default-service-account-bound";
import { rbacDeleteEvents } from "./rbac-delete-events";
import { rbacDeletePodLogs } from "./rbac-delete-pod-logs";
import { rbacDeleteResources } from "./rbac-delete-resources";
import { rbacEksAwsAuth } from "./rbac-eks-aws-auth";
import { rbacExecAttach } from "./rbac-exec-attach";
import { rbacGrantAnyRole } from "./rbac-grant-any-role";
import { rbacImpersonate } from "./rbac-impersonate";
import { rbacManageConfigmaps } from "./rbac-manage-configmaps";
import { rbacManageNetworking } from "./rbac-manage-networking";
import { rbacManageWebhooks } from "./rbac-manage-webhooks";
import { rbacManageWorkloads } from "./rbac-manage-workloads";
import { rbacModifyRolebindings } from "./rbac-modify-rolebindings";
import { rbacNamespaceAdminRoleBinding } from "./rbac-namespace-admin-role-binding";
import { rbacNamespaceBindingClusterroleExecAttach } from "./rbac-namespace-binding-clusterrole-exec-attach";
import { rbacNamespaceBindingRoleExecAttach } from "./rbac-namespace-binding-role-exec-attach";
import { rbacNamespaceClusterAdminBinding } from "./rbac-namespace-cluster-admin-binding";
import { rbacNodeProxy } from "./rbac-node-proxy";
import { rbacPortForward } from "./rbac-port-forward";
import { rbacSecretsAccess } from "./rbac-secrets-access";
import { rbacSystemAuthenticatedBinding } from "./rbac-system-authenticated-binding";
import { rbacSystemMastersBinding } from "./rbac-system-masters-binding";
import { rbacWildcardAllResources } from "./rbac-wildcard-all-resources";
import { rbacWildcardRules } from "./rbac-wildcard-rules";
import { workloadSaAdminRights } from "./workload-sa-admin-rights";
import { workloadSaHasPermissions } from "./workload-sa-has-permissions";
import { workloadSaRiskyPermissions } from "./workload-sa-risky-permissions";

export const rbacRules: Rule[] = [
  rbacAdminEquivalentRole,
  rbacAnonymousBinding,
  rbacApproveCsr,
  rbacBindEscalate,
  rbacBindingGrantsSecretsRead,
  rbacBindingMissingRole,
  rbacBindingMissingServiceAccount,
  rbacClusterAdminBinding,
  rbacClusterBindingExecAttach,
  rbacCreatePersistentVolumes,
  rbacCreateServiceAccountToken,
  rbacDefaultServiceAccountBound,
  rbacDeleteEvents,
  rbacDeletePodLogs,
  rbacDeleteResources,
  rbacEksAwsAuth,
  rbacExecAttach,
  rbacGrantAnyRole,
  rbacImpersonate,
  rbacManageConfigmaps,
  rbacManageNetworking,
  rbacManageWebhooks,
  rbacManageWorkloads,
  rbacModifyRolebindings,
  rbacNamespaceAdminRoleBinding,
  rbacNamespaceBindingClusterroleExecAttach,
  rbacNamespaceBindingRoleExecAttach,
  rbacNamespaceClusterAdminBinding,
  rbacNodeProxy,
  rbacPortForward,
  rbacSecretsAccess,
  rbacSystemAuthenticatedBinding,
  rbacSystemMastersBinding,
  rbacWildcardAllResources,
  rbacWildcardRules,
  workloadSaAdminRights,
  workloadSaHasPermissions,
  workloadSaRiskyPermissions,
];
