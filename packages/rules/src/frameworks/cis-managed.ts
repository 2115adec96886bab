// The CIS managed-Kubernetes benchmarks: Amazon EKS v1.8.0, Azure AKS v1.8.0, Google GKE v1.9.0.
// Section numbers and titles are the benchmarks'; descriptions and rationales Bulwark's own.
//
// Shared responsibility decides each control's kind:
// - what the provider runs (the control plane, its flags, files and etcd) is "not applicable:
//   provider responsibility" and can never fail;
// - recommendations that repeat the CIS Kubernetes Benchmark (RBAC, pod security, network
//   policies, secrets, namespaces) share its evidence by CIS number (`cis`), so a privileged pod
//   fails EKS 4.2.1 exactly as it fails CIS 5.2.2;
// - settings kept in the provider's API (logging switches, endpoint access, KMS, node pools,
//   registries, IAM) and on the customer's nodes (files, kubelet) are manual: Bulwark reads only
//   the Kubernetes API, so each names the evidence an auditor needs.
import { type BenchmarkControl, cisControls, kubelet, manual } from "./cis";
import { PSS_BASELINE } from "./pss";

const cisById = new Map(cisControls.map((c) => [c.id, c]));

function cisControl(n: string): BenchmarkControl {
  const c = cisById.get(n);
  if (!c) throw new Error(`CIS Kubernetes Benchmark control ${n} is not defined`);
  return c;
}

/**
 * A recommendation the managed benchmark takes from the CIS Kubernetes Benchmark: same evidence
 * (its rules, or its manual evidence), the Kubernetes control's rationale.
 */
function sameAs(id: string, n: string, title: string): BenchmarkControl {
  const k = cisControl(n);
  const control: BenchmarkControl = {
    id,
    title,
    description: k.description,
    rationale: `Same recommendation as CIS Kubernetes Benchmark ${n}, judged from the same evidence (recommendation numbers below are that benchmark's). ${k.rationale}`,
    cis: [n],
  };
  if (k.manual) control.manual = k.manual;
  return control;
}

interface Provider {
  /** "AWS", "Microsoft", "Google" */
  vendor: string;
  /** Where the provider keeps cluster settings, e.g. "the EKS API (aws eks describe-cluster)". */
  api: string;
}

const EKS: Provider = { vendor: "AWS", api: "the EKS and IAM APIs (the AWS console, `aws eks describe-cluster`)" };
const AKS: Provider = { vendor: "Microsoft", api: "the Azure Resource Manager API (the Azure portal, `az aks show`)" };
const GKE: Provider = { vendor: "Google", api: "the Google Cloud API (the console, `gcloud container clusters describe`)" };

/** A setting kept in the cloud provider's API: manual, with the evidence to collect. */
function cloud(p: Provider, id: string, title: string, description: string, evidence: string, opts: { note?: string; ruleIds?: string[] } = {}): BenchmarkControl {
  return {
    id,
    title,
    description,
    rationale: `${description} The benchmark audits this in ${p.api}, not in a Kubernetes object; Bulwark reads only the Kubernetes API through the cluster's kubeconfig, so the control needs evidence from the provider's console or CLI.${opts.note ? ` ${opts.note}` : ""}`,
    manual: { evidence },
    ...(opts.ruleIds ? { ruleIds: opts.ruleIds } : {}),
  };
}

/** The provider's part: not applicable, never failed. */
function provider(p: Provider, id: string, title: string, description: string, what: string): BenchmarkControl {
  return {
    id,
    title,
    description,
    rationale: `${p.vendor} operates ${what}. The benchmark leaves the customer no recommendation here, and Bulwark cannot see these components (their static pods are not in the cluster), so the control is reported not applicable rather than not evaluated.`,
    notApplicable: `provider responsibility: ${p.vendor} operates ${what}`,
  };
}

/** Worker node file permissions: on the customer's nodes, never visible through the API. */
function nodeFiles(id: string, description: string, files: string, managedNodes: string): BenchmarkControl {
  return manual(
    {
      id,
      title: "Worker Node Configuration Files",
      description,
      rationale: `The recommendations check file modes and owners on every worker node with stat. Worker nodes are the customer's, but files on a node's disk are never visible through the Kubernetes API, so Bulwark cannot judge them. ${managedNodes}`,
    },
    `Output of \`stat -c '%n %a %U:%G'\` for ${files} on every node or node image, or the provider's documentation of its node image where the customer does not manage the nodes.`,
  );
}

const CONTROL_PLANE = "the Kubernetes control plane: the API server, controller manager, scheduler and etcd, their configuration files, flags and certificates";

// --- Amazon EKS v1.8.0 --------------------------------------------------------------------------

export const eksControls: BenchmarkControl[] = [
  provider(EKS, "1", "Control Plane Components", "The control-plane components and their configuration.", CONTROL_PLANE),
  cloud(
    EKS,
    "2.1.1",
    "Enable audit Logs",
    "The API server, audit, authenticator, controller manager and scheduler logs are sent to CloudWatch.",
    "`aws eks describe-cluster --name CLUSTER --query cluster.logging` showing the api, audit, authenticator, controllerManager and scheduler log types enabled.",
    { note: "AWS runs the logging, but turning each log type on is the customer's setting and EKS leaves them off by default, so this is not provider responsibility." },
  ),
  cloud(
    EKS,
    "2.1.2",
    "Ensure audit logs are collected and managed",
    "Audit logs are kept, protected and reviewed.",
    "The CloudWatch log group of the cluster with its retention and access policy, and how the logs are reviewed or forwarded (SIEM, alerting).",
  ),
  nodeFiles(
    "3.1",
    "Ownership and permissions of the kubelet kubeconfig and configuration file on each node (3.1.1-3.1.4).",
    "the kubelet kubeconfig (/var/lib/kubelet/kubeconfig) and the kubelet configuration file (/etc/kubernetes/kubelet/config.json or kubelet-config.json)",
    "For EKS Auto Mode and Fargate, AWS manages the nodes and its documentation is the evidence.",
  ),
  kubelet("3.2.1", "Ensure that the Anonymous Auth is Not Enabled", "Kubelets reject unauthenticated requests.", "authentication.anonymous.enabled: false"),
  kubelet("3.2.2", "Ensure that the --authorization-mode argument is not set to AlwaysAllow", "Kubelets authorize requests through the API server.", "authorization.mode: Webhook with authentication.webhook.enabled: true"),
  kubelet("3.2.3", "Ensure that a Client CA File is Configured", "Kubelets verify client certificates.", "authentication.x509.clientCAFile set"),
  kubelet("3.2.4", "Ensure that the --read-only-port is disabled", "The unauthenticated kubelet read-only port is off.", "readOnlyPort: 0"),
  kubelet("3.2.5", "Ensure that the --streaming-connection-idle-timeout argument is not set to 0", "Idle exec and port-forward streams time out.", "streamingConnectionIdleTimeout not 0"),
  kubelet("3.2.6", "Ensure that the --make-iptables-util-chains argument is set to true", "The kubelet manages the iptables rules it needs.", "makeIPTablesUtilChains: true"),
  kubelet("3.2.7", "Ensure that the --eventRecordQPS argument is set to 0 or a level which ensures appropriate event capture", "Events are not dropped under load.", "eventRecordQPS at 0 or a level that captures events"),
  kubelet("3.2.8", "Ensure that the --rotate-certificates argument is not present or is set to true", "Kubelet client certificates rotate.", "rotateCertificates not false"),
  kubelet("3.2.9", "Ensure that the RotateKubeletServerCertificate argument is set to true", "Kubelet serving certificates rotate.", "the RotateKubeletServerCertificate feature gate true"),
  sameAs("4.1.1", "5.1.1", "Ensure that the cluster-admin role is only used where required"),
  sameAs("4.1.2", "5.1.2", "Minimize access to secrets"),
  sameAs("4.1.3", "5.1.3", "Minimize wildcard use in Roles and ClusterRoles"),
  sameAs("4.1.4", "5.1.4", "Minimize access to create pods"),
  sameAs("4.1.5", "5.1.5", "Ensure that default service accounts are not actively used"),
  sameAs("4.1.6", "5.1.6", "Ensure that Service Account Tokens are only mounted where necessary"),
  cloud(
    EKS,
    "4.1.7",
    "Cluster Access Manager API to streamline and enhance the management of access controls within EKS clusters",
    "IAM principals get cluster access through EKS access entries rather than the aws-auth ConfigMap.",
    "`aws eks describe-cluster --name CLUSTER --query cluster.accessConfig` showing authenticationMode API (or API_AND_CONFIG_MAP during migration), and `aws eks list-access-entries` with each entry's access policies.",
    {
      note: "Bulwark shows, as supporting evidence, which roles may still rewrite the aws-auth ConfigMap, the older path to cluster-admin.",
      ruleIds: ["rbac-eks-aws-auth"],
    },
  ),
  sameAs("4.1.8", "5.1.8", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster"),
  sameAs("4.1.9", "5.1.9", "Minimize access to create PersistentVolume objects"),
  sameAs("4.1.10", "5.1.10", "Minimize access to the proxy sub-resource of Node objects"),
  sameAs("4.1.11", "5.1.12", "Minimize access to webhook configuration objects"),
  sameAs("4.1.12", "5.1.13", "Minimize access to the service account token creation"),
  sameAs("4.2.1", "5.2.2", "Minimize the admission of privileged containers"),
  sameAs("4.2.2", "5.2.3", "Minimize the admission of containers wishing to share the host process ID namespace"),
  sameAs("4.2.3", "5.2.4", "Minimize the admission of containers wishing to share the host IPC namespace"),
  sameAs("4.2.4", "5.2.5", "Minimize the admission of containers wishing to share the host network namespace"),
  sameAs("4.2.5", "5.2.6", "Minimize the admission of containers with allowPrivilegeEscalation"),
  sameAs("4.3.1", "5.3.1", "Ensure CNI plugin supports network policies"),
  sameAs("4.3.2", "5.3.2", "Ensure that all Namespaces have Network Policies defined"),
  sameAs("4.4.1", "5.4.1", "Prefer using secrets as files over secrets as environment variables"),
  sameAs("4.4.2", "5.4.2", "Consider external secret storage"),
  sameAs("4.5.1", "5.7.1", "Create administrative boundaries between resources using namespaces"),
  sameAs("4.5.2", "5.7.4", "The default namespace should not be used"),
  cloud(
    EKS,
    "5.1.1",
    "Ensure Image Vulnerability Scanning using Amazon ECR image scanning or a third party provider",
    "Images are scanned for known vulnerabilities.",
    "The scanning configuration of the ECR repositories the cluster pulls from (scan on push, or enhanced scanning with Amazon Inspector), or the third-party scanner's coverage of those images.",
  ),
  cloud(EKS, "5.1.2", "Minimize user access to Amazon ECR", "Few principals may push to or change ECR repositories.", "The IAM policies and ECR repository policies granting ecr: actions, with the principals that hold them."),
  cloud(
    EKS,
    "5.1.3",
    "Minimize cluster access to read-only for Amazon ECR",
    "Nodes can only pull from ECR.",
    "The node IAM role's policies showing read-only ECR access (AmazonEC2ContainerRegistryReadOnly or an equivalent policy).",
  ),
  cloud(
    EKS,
    "5.1.4",
    "Minimize Container Registries to only those approved",
    "Images come only from approved registries.",
    "The list of approved registries and the control that enforces it (admission policy, egress restrictions), with a rejected test deployment from another registry.",
    {
      note: "Bulwark shows, as supporting evidence, images from outside the organisation's allowed registries (once the allow-list is configured) and from blocked registries.",
      ruleIds: ["image-registry-not-allowed", "image-registry-blocked"],
    },
  ),
  cloud(
    EKS,
    "5.2.1",
    "Prefer using dedicated Amazon EKS Service Accounts",
    "Pods get AWS permissions through their own service account (IAM roles for service accounts or EKS Pod Identity), not the node role.",
    "The IAM roles for service accounts or EKS Pod Identity associations in use, and the node role's policies showing it grants workloads nothing beyond what nodes need.",
    { note: "Bulwark shows, as supporting evidence, pods that mount the node's cloud credentials from the host.", ruleIds: ["cloud-credentials-mount"] },
  ),
  cloud(
    EKS,
    "5.3.1",
    "Ensure Kubernetes Secrets are encrypted using Customer Master Keys (CMKs) managed in AWS KMS",
    "Secrets are envelope-encrypted in etcd with a customer-managed KMS key.",
    "`aws eks describe-cluster --name CLUSTER --query cluster.encryptionConfig` showing secrets encrypted with a customer-managed KMS key, and that key's policy.",
  ),
  cloud(
    EKS,
    "5.4.1",
    "Restrict Access to the Control Plane Endpoint",
    "The public API endpoint, if enabled, accepts only listed networks.",
    "`aws eks describe-cluster --name CLUSTER --query cluster.resourcesVpcConfig` showing endpointPrivateAccess true and publicAccessCidrs limited to known networks (not 0.0.0.0/0).",
  ),
  cloud(
    EKS,
    "5.4.2",
    "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled",
    "The API endpoint is reachable only from the VPC.",
    "`aws eks describe-cluster --name CLUSTER --query cluster.resourcesVpcConfig` showing endpointPrivateAccess true and endpointPublicAccess false.",
  ),
  cloud(EKS, "5.4.3", "Ensure clusters are created with Private Nodes", "Nodes have no public IP addresses.", "The node groups' subnets and launch templates showing no public IP assignment."),
  cloud(
    EKS,
    "5.4.4",
    "Ensure Network Policy is Enabled and set as appropriate",
    "The cluster's network plugin enforces NetworkPolicies.",
    "The Amazon VPC CNI network policy setting (enableNetworkPolicy) or the policy engine in use (Calico, Cilium), with a test showing a deny policy takes effect.",
  ),
  cloud(
    EKS,
    "5.4.5",
    "Encrypt traffic to HTTPS load balancers with TLS certificates",
    "Load balancers in front of the cluster terminate TLS.",
    "The listeners of the cluster's load balancers (ALB/NLB) showing HTTPS/TLS with ACM certificates, or the Service and Ingress annotations that configure them.",
    { note: "Bulwark shows, as supporting evidence, Ingresses that serve plain HTTP.", ruleIds: ["exposure-ingress-no-tls"] },
  ),
  cloud(
    EKS,
    "5.5.1",
    "Manage Kubernetes RBAC users with AWS IAM Authenticator for Kubernetes or Upgrade to AWS CLI v1.16.156 or greater",
    "People authenticate to the cluster with IAM identities.",
    "How people obtain cluster credentials (`aws eks get-token` through AWS CLI 1.16.156 or later, or aws-iam-authenticator) and the IAM identities mapped to Kubernetes users and groups.",
  ),
];

// --- Azure AKS v1.8.0 ---------------------------------------------------------------------------

export const aksControls: BenchmarkControl[] = [
  provider(AKS, "1", "Control Plane Components", "The control-plane components and their configuration.", CONTROL_PLANE),
  cloud(
    AKS,
    "2.1.1",
    "Enable audit Logs",
    "The kube-audit and kube-audit-admin logs are sent to a Log Analytics workspace or storage.",
    "The AKS cluster's diagnostic settings (`az monitor diagnostic-settings list --resource CLUSTER_ID`) showing kube-audit or kube-audit-admin collected, with the destination's retention.",
    { note: "Microsoft runs the logging, but collecting the audit log categories is the customer's diagnostic setting and is off until configured, so this is not provider responsibility." },
  ),
  nodeFiles(
    "3.1",
    "Ownership and permissions of the kubelet kubeconfig and azure.json on each node (3.1.1-3.1.4).",
    "the kubelet kubeconfig (/var/lib/kubelet/kubeconfig) and /etc/kubernetes/azure.json",
    "AKS node images are Microsoft's; its node image documentation, or a node debug session's output, is the evidence.",
  ),
  kubelet("3.2.1", "Ensure that the --anonymous-auth argument is set to false", "Kubelets reject unauthenticated requests.", "authentication.anonymous.enabled: false (--anonymous-auth=false)"),
  kubelet("3.2.2", "Ensure that the --authorization-mode argument is not set to AlwaysAllow", "Kubelets authorize requests through the API server.", "authorization.mode: Webhook (not AlwaysAllow)"),
  kubelet("3.2.3", "Ensure that the --client-ca-file argument is set as appropriate", "Kubelets verify client certificates.", "authentication.x509.clientCAFile set (--client-ca-file)"),
  kubelet("3.2.4", "Ensure that the --read-only-port is secured", "The unauthenticated kubelet read-only port is off.", "readOnlyPort: 0 (--read-only-port=0)"),
  kubelet("3.2.5", "Ensure that the --streaming-connection-idle-timeout argument is not set to 0", "Idle exec and port-forward streams time out.", "streamingConnectionIdleTimeout not 0"),
  kubelet("3.2.6", "Ensure that the --make-iptables-util-chains argument is set to true", "The kubelet manages the iptables rules it needs.", "makeIPTablesUtilChains: true"),
  kubelet("3.2.7", "Ensure that the --eventRecordQPS argument is set to 0 or a level which ensures appropriate event capture", "Events are not dropped under load.", "eventRecordQPS at 0 or a level that captures events"),
  kubelet("3.2.8", "Ensure that the --rotate-certificates argument is not set to false", "Kubelet client certificates rotate.", "rotateCertificates not false"),
  kubelet("3.2.9", "Ensure that the RotateKubeletServerCertificate argument is set to true", "Kubelet serving certificates rotate.", "the RotateKubeletServerCertificate feature gate true"),
  sameAs("4.1.1", "5.1.1", "Ensure that the cluster-admin role is only used where required"),
  sameAs("4.1.2", "5.1.2", "Minimize access to secrets"),
  sameAs("4.1.3", "5.1.3", "Minimize wildcard use in Roles and ClusterRoles"),
  sameAs("4.1.4", "5.1.4", "Minimize access to create pods"),
  sameAs("4.1.5", "5.1.5", "Ensure that default service accounts are not actively used"),
  sameAs("4.1.6", "5.1.6", "Ensure that Service Account Tokens are only mounted where necessary"),
  sameAs("4.1.7", "5.1.8", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster"),
  sameAs("4.1.8", "5.1.9", "Minimize access to create persistent volumes"),
  sameAs("4.1.9", "5.1.10", "Minimize access to the proxy sub-resource of nodes"),
  sameAs("4.1.10", "5.1.11", "Minimize access to the approval sub-resource of certificatesigningrequests objects"),
  sameAs("4.1.11", "5.1.12", "Minimize access to webhook configuration objects"),
  sameAs("4.1.12", "5.1.13", "Minimize access to the service account token creation"),
  sameAs("4.2.1", "5.2.2", "Minimize the admission of privileged containers"),
  sameAs("4.2.2", "5.2.3", "Minimize the admission of containers wishing to share the host process ID namespace"),
  sameAs("4.2.3", "5.2.4", "Minimize the admission of containers wishing to share the host IPC namespace"),
  sameAs("4.2.4", "5.2.5", "Minimize the admission of containers wishing to share the host network namespace"),
  sameAs("4.2.5", "5.2.6", "Minimize the admission of containers with allowPrivilegeEscalation"),
  cloud(
    AKS,
    "4.4.1",
    "Ensure latest CNI version is used",
    "The network plugin is kept current.",
    "The cluster's network plugin and version (`az aks show --query networkProfile`) and the supported latest version for the cluster's Kubernetes version.",
  ),
  sameAs("4.4.2", "5.3.2", "Ensure that all Namespaces have Network Policies defined"),
  sameAs("4.5.1", "5.4.1", "Prefer using secrets as files over secrets as environment variables"),
  sameAs("4.5.2", "5.4.2", "Consider external secret storage"),
  sameAs("4.6.1", "5.7.1", "Create administrative boundaries between resources using namespaces"),
  sameAs("4.6.2", "5.7.3", "Apply Security Context to Your Pods and Containers"),
  sameAs("4.6.3", "5.7.4", "The default namespace should not be used"),
  cloud(
    AKS,
    "5.1.1",
    "Ensure Image Vulnerability Scanning using Microsoft Defender for Cloud (MDC) image scanning or a third party provider",
    "Images are scanned for known vulnerabilities.",
    "The Microsoft Defender for Containers plan status for the subscription and its registry coverage, or the third-party scanner's coverage of the images the cluster runs.",
  ),
  cloud(AKS, "5.1.2", "Minimize user access to Azure Container Registry (ACR)", "Few principals may push to or change the registry.", "The Azure role assignments on the ACR registries (AcrPush, Contributor, Owner) and who holds them."),
  cloud(
    AKS,
    "5.1.3",
    "Minimize cluster access to read-only for Azure Container Registry (ACR)",
    "The cluster can only pull from the registry.",
    "The role assignments of the cluster's kubelet identity on the registries, showing AcrPull only.",
  ),
  cloud(
    AKS,
    "5.1.4",
    "Minimize Container Registries to only those approved",
    "Images come only from approved registries.",
    "The list of approved registries and the control that enforces it (Azure Policy for Kubernetes, admission policy, egress restrictions), with a rejected test deployment from another registry.",
    {
      note: "Bulwark shows, as supporting evidence, images from outside the organisation's allowed registries (once the allow-list is configured) and from blocked registries.",
      ruleIds: ["image-registry-not-allowed", "image-registry-blocked"],
    },
  ),
  cloud(
    AKS,
    "5.2.1",
    "Prefer using dedicated AKS Service Accounts",
    "Workloads get Azure permissions through their own identity (Microsoft Entra Workload ID), not the node's.",
    "The workload identities (federated credentials) in use and the node pool identities' role assignments, showing workloads do not rely on the node identity.",
    { note: "Bulwark shows, as supporting evidence, pods that mount the node's cloud credentials (azure.json) from the host.", ruleIds: ["cloud-credentials-mount"] },
  ),
  cloud(
    AKS,
    "5.3.1",
    "Ensure Kubernetes Secrets are encrypted",
    "Secrets are encrypted in etcd with a key in Azure Key Vault.",
    "`az aks show --query securityProfile.azureKeyVaultKms` showing KMS etcd encryption enabled, and the Key Vault key's access policy.",
  ),
  cloud(
    AKS,
    "5.4.1",
    "Restrict Access to the Control Plane Endpoint",
    "The public API endpoint, if enabled, accepts only listed networks.",
    "`az aks show --query apiServerAccessProfile` showing a private cluster or authorizedIpRanges limited to known networks.",
  ),
  cloud(
    AKS,
    "5.4.2",
    "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled",
    "The API endpoint is reachable only from the virtual network.",
    "`az aks show --query apiServerAccessProfile` showing enablePrivateCluster true and enablePrivateClusterPublicFqdn false.",
  ),
  cloud(AKS, "5.4.3", "Ensure clusters are created with Private Nodes", "Nodes have no public IP addresses.", "The node pools' settings (`az aks nodepool list`) showing enableNodePublicIp false."),
  cloud(
    AKS,
    "5.4.4",
    "Ensure Network Policy is Enabled and set as appropriate",
    "The cluster's network plugin enforces NetworkPolicies.",
    "`az aks show --query networkProfile.networkPolicy` showing azure, calico or cilium, with a test showing a deny policy takes effect.",
  ),
  cloud(
    AKS,
    "5.4.5",
    "Encrypt traffic to HTTPS load balancers with TLS certificates",
    "Load balancers and ingress gateways in front of the cluster terminate TLS.",
    "The listeners of the Application Gateway or ingress controller in front of the cluster showing HTTPS with managed certificates.",
    { note: "Bulwark shows, as supporting evidence, Ingresses that serve plain HTTP.", ruleIds: ["exposure-ingress-no-tls"] },
  ),
  cloud(
    AKS,
    "5.5.1",
    "Manage Kubernetes RBAC users with Azure AD",
    "People authenticate with Microsoft Entra ID identities.",
    "`az aks show --query aadProfile` showing Microsoft Entra ID integration, and disableLocalAccounts true so no shared local admin credential remains.",
  ),
  cloud(
    AKS,
    "5.5.2",
    "Use Azure RBAC for Kubernetes Authorization",
    "Cluster access is authorized through Azure role assignments.",
    "`az aks show --query aadProfile.enableAzureRbac` showing true, and the Azure Kubernetes Service RBAC role assignments.",
  ),
];

// --- Google GKE v1.9.0 --------------------------------------------------------------------------

export const gkeControls: BenchmarkControl[] = [
  provider(GKE, "1", "Control Plane Components", "The control-plane components and their configuration.", CONTROL_PLANE),
  provider(
    GKE,
    "2",
    "Control Plane Configuration",
    "The control plane's configuration; the customer's authentication and logging choices are in section 5.",
    "the control plane's configuration (authentication and authorization modes, audit policy); the settings left to the customer are in sections 5.7 and 5.8",
  ),
  nodeFiles(
    "3.1",
    "Ownership and permissions of the kubelet and kube-proxy kubeconfigs and the kubelet configuration file on each node (3.1.1-3.1.4).",
    "the kube-proxy kubeconfig (/var/lib/kube-proxy/kubeconfig) and the kubelet configuration file (/home/kubernetes/kubelet-config.yaml)",
    "On Autopilot Google manages the nodes, and on Container-Optimized OS node images its documentation is the evidence.",
  ),
  sameAs("4.1.1", "5.1.1", "Ensure that the cluster-admin role is only used where required"),
  sameAs("4.1.2", "5.1.2", "Minimize access to secrets"),
  sameAs("4.1.3", "5.1.3", "Minimize wildcard use in Roles and ClusterRoles"),
  sameAs("4.1.4", "5.1.5", "Ensure that default service accounts are not actively used"),
  sameAs("4.1.5", "5.1.6", "Ensure that Service Account Tokens are only mounted where necessary"),
  sameAs("4.1.6", "5.1.7", "Avoid use of system:masters group"),
  sameAs("4.1.7", "5.1.8", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster"),
  {
    id: "4.1.8",
    title: "Avoid bindings to system:anonymous",
    description: "No RoleBinding or ClusterRoleBinding grants anything to unauthenticated requests.",
    rationale:
      "The audit lists bindings whose subjects include the user system:anonymous. Bulwark reads every RoleBinding and ClusterRoleBinding and fails the control for each binding to system:anonymous or to the group system:unauthenticated (the same exposure: anyone who reaches the API server), except Kubernetes' own discovery and public-info bindings.",
    ruleIds: ["rbac-anonymous-binding"],
  },
  {
    id: "4.1.9",
    title: "Avoid non-default bindings to system:unauthenticated",
    description: "Only Kubernetes' default public bindings grant anything to unauthenticated requests.",
    rationale:
      "The audit lists bindings to the group system:unauthenticated other than the default system:public-info-viewer. Bulwark reads every RoleBinding and ClusterRoleBinding and fails the control for each binding to system:unauthenticated or the user system:anonymous, except Kubernetes' own discovery and public-info bindings.",
    ruleIds: ["rbac-anonymous-binding"],
  },
  {
    id: "4.1.10",
    title: "Avoid non-default bindings to system:authenticated",
    description: "No role is granted to every authenticated identity (on GKE, any Google account).",
    rationale:
      "The audit lists bindings to the group system:authenticated other than the defaults (system:basic-user, system:discovery, system:public-info-viewer). Bulwark reads every RoleBinding and ClusterRoleBinding and fails the control for each such binding.",
    ruleIds: ["rbac-system-authenticated-binding"],
  },
  {
    id: "4.2.1",
    title: "Ensure that the cluster enforces Pod Security Standard Baseline profile or stricter for all namespaces.",
    description: "Every namespace with workloads enforces the baseline or restricted Pod Security Standard.",
    rationale:
      "The audit compares the namespaces that carry pod-security.kubernetes.io/enforce=baseline (or restricted) with all namespaces. Bulwark fails the control for each non-system namespace without an enforce label or enforcing privileged, and for each workload that breaks a baseline check, which such a workload could not do where baseline were enforced; findings on expected platform components (which run in exempt system namespaces) and excepted findings are listed, not failing. It cannot see Pod Security Admission's cluster-wide defaults (an AdmissionConfiguration on the control plane), which GKE does not expose.",
    broadReason:
      "The recommendation is the whole Pod Security Standards baseline profile: its evidence is the two namespace-label rules plus one rule per baseline check (host namespaces, privileged, capabilities, hostPath, host ports, AppArmor, SELinux, /proc mount, seccomp, sysctls, HostProcess, probe hosts).",
    ruleIds: ["namespace-psa-enforce-missing", "namespace-psa-enforce-privileged"],
    pss: PSS_BASELINE.map((c) => `baseline:${c.id}`),
  },
  sameAs("4.3.1", "5.3.1", "Ensure that the CNI in use supports Network Policies"),
  sameAs("4.3.2", "5.3.2", "Ensure that all Namespaces have Network Policies defined"),
  sameAs("4.4.1", "5.4.1", "Prefer using secrets as files over secrets as environment variables"),
  sameAs("4.4.2", "5.4.2", "Consider external secret storage"),
  sameAs("4.5.1", "5.5.1", "Configure Image Provenance using ImagePolicyWebhook admission controller"),
  sameAs("4.6.1", "5.7.1", "Create administrative boundaries between resources using namespaces"),
  sameAs("4.6.2", "5.7.2", "Ensure that the seccomp profile is set to RuntimeDefault in your pod definitions"),
  sameAs("4.6.3", "5.7.3", "Apply Security Context to Your Pods and Containers"),
  sameAs("4.6.4", "5.7.4", "The default namespace should not be used"),
  cloud(
    GKE,
    "5.1.1",
    "Ensure Image Vulnerability Scanning is enabled",
    "Images are scanned for known vulnerabilities.",
    "`gcloud services list --enabled` showing containerscanning.googleapis.com (Artifact Registry) or containeranalysis.googleapis.com, or the third-party scanner's coverage of the images the cluster runs.",
  ),
  cloud(
    GKE,
    "5.1.2",
    "Minimize user access to Container Image repositories",
    "Few principals may push to or change image repositories.",
    "The IAM policies of the Artifact Registry repositories (and Container Registry buckets) showing who holds writer or admin roles.",
  ),
  cloud(
    GKE,
    "5.1.3",
    "Minimize cluster access to read-only for Container Image repositories",
    "Nodes can only pull images.",
    "The node service account's roles on the repositories, showing artifactregistry.reader (or storage.objectViewer) only.",
  ),
  cloud(
    GKE,
    "5.1.4",
    "Ensure only trusted container images are used",
    "Binary Authorization admits only trusted images.",
    "`gcloud container clusters describe CLUSTER --format 'value(binaryAuthorization)'` showing an enforcing evaluation mode, and the Binary Authorization policy.",
    {
      note: "Bulwark shows, as supporting evidence, images from outside the organisation's allowed registries (once the allow-list is configured) and from blocked registries.",
      ruleIds: ["image-registry-not-allowed", "image-registry-blocked"],
    },
  ),
  cloud(
    GKE,
    "5.2.1",
    "Ensure GKE clusters are not running using the Compute Engine default service account",
    "Nodes run as a dedicated, minimally privileged service account.",
    "`gcloud container node-pools describe POOL --cluster CLUSTER --format 'value(config.serviceAccount)'` for every node pool, showing a dedicated service account (not the Compute Engine default) and its roles.",
  ),
  cloud(
    GKE,
    "5.2.2",
    "Prefer using dedicated GCP Service Accounts and Workload Identity",
    "Workloads get Google Cloud permissions through Workload Identity, not the node's service account.",
    "`gcloud container clusters describe CLUSTER --format 'value(workloadIdentityConfig)'` showing the workload pool, and the Kubernetes-to-Google service account bindings in use.",
    { note: "Bulwark shows, as supporting evidence, pods that mount the node's cloud credentials from the host.", ruleIds: ["cloud-credentials-mount"] },
  ),
  cloud(
    GKE,
    "5.3.1",
    "Ensure Kubernetes Secrets are encrypted using keys managed in Cloud KMS",
    "Secrets are encrypted in etcd with a customer-managed Cloud KMS key (application-layer Secrets encryption).",
    "`gcloud container clusters describe CLUSTER --format 'value(databaseEncryption)'` showing state ENCRYPTED with a Cloud KMS key, and the key's IAM policy.",
  ),
  cloud(
    GKE,
    "5.4.1",
    "Ensure the GKE Metadata Server is Enabled",
    "Pods see the GKE metadata server, not the node's instance metadata.",
    "The node pools' workloadMetadataConfig (`gcloud container clusters describe CLUSTER --format json | jq '.nodePools[].config.workloadMetadataConfig'`) showing GKE_METADATA.",
  ),
  cloud(GKE, "5.5.1", "Ensure Container-Optimized OS (cos_containerd) is used for GKE node images", "Nodes run Google's hardened node image.", "Every node pool's imageType showing COS_CONTAINERD."),
  cloud(GKE, "5.5.2", "Ensure Node Auto-Repair is enabled for GKE nodes", "Unhealthy nodes are repaired automatically.", "Every node pool's management.autoRepair showing true."),
  cloud(GKE, "5.5.3", "Ensure Node Auto-Upgrade is enabled for GKE nodes", "Nodes receive security patches automatically.", "Every node pool's management.autoUpgrade showing true."),
  cloud(
    GKE,
    "5.5.4",
    "When creating New Clusters - Automate GKE version management using Release Channels",
    "The cluster follows a release channel.",
    "The cluster's releaseChannel.channel showing REGULAR or STABLE.",
  ),
  cloud(GKE, "5.5.5", "Ensure Shielded GKE Nodes are Enabled", "Nodes boot with verifiable identity and integrity.", "The cluster's shieldedNodes.enabled showing true."),
  cloud(
    GKE,
    "5.5.6",
    "Ensure Integrity Monitoring for Shielded GKE Nodes is Enabled",
    "Node boot integrity is monitored.",
    "Every node pool's config.shieldedInstanceConfig.enableIntegrityMonitoring showing true.",
  ),
  cloud(GKE, "5.5.7", "Ensure Secure Boot for Shielded GKE Nodes is Enabled", "Nodes boot only signed software.", "Every node pool's config.shieldedInstanceConfig.enableSecureBoot showing true."),
  cloud(
    GKE,
    "5.6.1",
    "Enable VPC Flow Logs and Intranode Visibility",
    "Pod traffic is logged, including traffic between pods on the same node.",
    "The cluster's networkConfig.enableIntraNodeVisibility showing true and the cluster subnet's flow log setting.",
  ),
  cloud(GKE, "5.6.2", "Ensure use of VPC-native clusters", "Pods get VPC alias IP addresses.", "The cluster's ipAllocationPolicy.useIpAliases showing true."),
  cloud(
    GKE,
    "5.6.3",
    "Ensure Control Plane Authorized Networks is Enabled",
    "Only listed networks reach the control plane endpoint.",
    "The cluster's masterAuthorizedNetworksConfig showing enabled with the listed CIDR blocks.",
  ),
  cloud(
    GKE,
    "5.6.4",
    "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled",
    "The control plane endpoint is reachable only from the VPC.",
    "The cluster's privateClusterConfig.enablePrivateEndpoint showing true.",
  ),
  cloud(GKE, "5.6.5", "Ensure clusters are created with Private Nodes", "Nodes have no public IP addresses.", "The cluster's privateClusterConfig.enablePrivateNodes showing true."),
  cloud(GKE, "5.6.6", "Consider firewalling GKE worker nodes", "Firewall rules limit traffic to the nodes.", "The VPC firewall rules that apply to the node pools' tags or service accounts."),
  cloud(
    GKE,
    "5.6.7",
    "Ensure use of Google-managed SSL Certificates",
    "Ingress traffic is served with Google-managed certificates.",
    "The Ingresses' networking.gke.io/managed-certificates annotations and the ManagedCertificate objects' status, and the list of LoadBalancer Services.",
    { note: "Bulwark shows, as supporting evidence, Ingresses that serve plain HTTP.", ruleIds: ["exposure-ingress-no-tls"] },
  ),
  cloud(
    GKE,
    "5.7.1",
    "Ensure Logging and Cloud Monitoring is Enabled",
    "System and workload logs and metrics are collected.",
    "The cluster's loggingConfig and monitoringConfig (or loggingService and monitoringService) showing Cloud Logging and Cloud Monitoring enabled.",
  ),
  cloud(
    GKE,
    "5.7.2",
    "Enable Linux auditd logging",
    "Node operating-system audit events are collected.",
    "The auditd logging DaemonSet (cos-auditd) running on the nodes and its logs in Cloud Logging.",
  ),
  cloud(
    GKE,
    "5.8.1",
    "Ensure authentication using Client Certificates is Disabled",
    "No legacy client certificate is issued for the cluster.",
    "The cluster's masterAuth showing no clientKey/clientCertificate (clusters created with --no-issue-client-certificate).",
  ),
  cloud(
    GKE,
    "5.8.2",
    "Manage Kubernetes RBAC users with Google Groups for GKE",
    "RBAC grants go to Google Groups, not individual accounts.",
    "The cluster's authenticatorGroupsConfig showing enabled with the gke-security-groups group, and the bindings that name groups.",
  ),
  cloud(GKE, "5.8.3", "Ensure Legacy Authorization (ABAC) is Disabled", "Only RBAC authorizes requests.", "The cluster's legacyAbac.enabled showing false or absent."),
  cloud(
    GKE,
    "5.9.1",
    "Enable Customer-Managed Encryption Keys (CMEK) for GKE Persistent Disks (PD)",
    "Persistent volumes are encrypted with a customer-managed key.",
    "The StorageClasses' disk-encryption-kms-key parameter and the persistent disks' diskEncryptionKey.kmsKeyName.",
  ),
  cloud(GKE, "5.9.2", "Enable Customer-Managed Encryption Keys (CMEK) for Boot Disks", "Node boot disks are encrypted with a customer-managed key.", "Every node pool's config.bootDiskKmsKey."),
  cloud(
    GKE,
    "5.10.1",
    "Ensure Kubernetes Web UI is Disabled",
    "The legacy Kubernetes Dashboard add-on is off.",
    "The cluster's addonsConfig.kubernetesDashboard showing disabled.",
    { note: "Bulwark shows, as supporting evidence, administrative interfaces (a dashboard among them) exposed outside the cluster.", ruleIds: ["exposure-sensitive-interface"] },
  ),
  cloud(GKE, "5.10.2", "Ensure that Alpha clusters are not used for production workloads", "Production runs on supported, non-alpha clusters.", "The cluster's enableKubernetesAlpha showing false."),
  cloud(
    GKE,
    "5.10.3",
    "Consider GKE Sandbox for running untrusted workloads",
    "Untrusted workloads run in gVisor sandboxes.",
    "Which workloads are untrusted, and the node pools with sandboxConfig type gvisor that run them (or why none are needed).",
  ),
  cloud(GKE, "5.10.4", "Enable Security Posture", "GKE's security posture dashboard scans the cluster.", "The cluster's securityPostureConfig showing mode BASIC or ENTERPRISE."),
];
