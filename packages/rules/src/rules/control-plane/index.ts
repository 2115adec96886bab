// Control-plane flag rules (CIS 1.2-1.4, 2): one file per check, built with controlPlaneRule() from helpers/control-plane.ts.
import type { Rule } from "../../types";
import { apiserverAnonymousAuth } from "./apiserver-anonymous-auth";
import { apiserverTokenAuthFile } from "./apiserver-token-auth-file";
import { apiserverDenyServiceExternalIps } from "./apiserver-deny-service-external-ips";
import { apiserverKubeletHttps } from "./apiserver-kubelet-https";
import { apiserverKubeletClientCertificate } from "./apiserver-kubelet-client-certificate";
import { apiserverKubeletCertificateAuthority } from "./apiserver-kubelet-certificate-authority";
import { apiserverAuthorizationAlwaysAllow } from "./apiserver-authorization-always-allow";
import { apiserverAuthorizationNode } from "./apiserver-authorization-node";
import { apiserverAuthorizationRbac } from "./apiserver-authorization-rbac";
import { apiserverEventRateLimit } from "./apiserver-event-rate-limit";
import { apiserverAlwaysAdmit } from "./apiserver-always-admit";
import { apiserverAlwaysPullImages } from "./apiserver-always-pull-images";
import { apiserverServiceAccountPlugin } from "./apiserver-service-account-plugin";
import { apiserverNamespaceLifecyclePlugin } from "./apiserver-namespace-lifecycle-plugin";
import { apiserverNodeRestrictionPlugin } from "./apiserver-node-restriction-plugin";
import { apiserverSecurePort } from "./apiserver-secure-port";
import { apiserverProfiling } from "./apiserver-profiling";
import { apiserverAuditLogPath } from "./apiserver-audit-log-path";
import { apiserverAuditLogMaxage } from "./apiserver-audit-log-maxage";
import { apiserverAuditLogMaxbackup } from "./apiserver-audit-log-maxbackup";
import { apiserverAuditLogMaxsize } from "./apiserver-audit-log-maxsize";
import { apiserverServiceAccountLookup } from "./apiserver-service-account-lookup";
import { apiserverServiceAccountKeyFile } from "./apiserver-service-account-key-file";
import { apiserverEtcdClientCertificate } from "./apiserver-etcd-client-certificate";
import { apiserverTlsCertificate } from "./apiserver-tls-certificate";
import { apiserverClientCaFile } from "./apiserver-client-ca-file";
import { apiserverEtcdCafile } from "./apiserver-etcd-cafile";
import { apiserverEncryptionAtRest } from "./apiserver-encryption-at-rest";
import { apiserverStrongCiphers } from "./apiserver-strong-ciphers";
import { controllerManagerTerminatedPodGc } from "./controller-manager-terminated-pod-gc";
import { controllerManagerProfiling } from "./controller-manager-profiling";
import { controllerManagerServiceAccountCredentials } from "./controller-manager-service-account-credentials";
import { controllerManagerServiceAccountPrivateKey } from "./controller-manager-service-account-private-key";
import { controllerManagerRootCaFile } from "./controller-manager-root-ca-file";
import { controllerManagerRotateKubeletServerCertificate } from "./controller-manager-rotate-kubelet-server-certificate";
import { controllerManagerBindAddress } from "./controller-manager-bind-address";
import { schedulerProfiling } from "./scheduler-profiling";
import { schedulerBindAddress } from "./scheduler-bind-address";
import { etcdTlsCertificate } from "./etcd-tls-certificate";
import { etcdUniqueCa } from "./etcd-unique-ca";
import { etcdClientCertAuth } from "./etcd-client-cert-auth";
import { etcdAutoTls } from "./etcd-auto-tls";
import { etcdPeerTlsCertificate } from "./etcd-peer-tls-certificate";
import { etcdPeerClientCertAuth } from "./etcd-peer-client-cert-auth";
import { etcdPeerAutoTls } from "./etcd-peer-auto-tls";

export const controlPlaneRules: Rule[] = [
  apiserverAnonymousAuth,
  apiserverTokenAuthFile,
  apiserverDenyServiceExternalIps,
  apiserverKubeletHttps,
  apiserverKubeletClientCertificate,
  apiserverKubeletCertificateAuthority,
  apiserverAuthorizationAlwaysAllow,
  apiserverAuthorizationNode,
  apiserverAuthorizationRbac,
  apiserverEventRateLimit,
  apiserverAlwaysAdmit,
  apiserverAlwaysPullImages,
  apiserverServiceAccountPlugin,
  apiserverNamespaceLifecyclePlugin,
  apiserverNodeRestrictionPlugin,
  apiserverSecurePort,
  apiserverProfiling,
  apiserverAuditLogPath,
  apiserverAuditLogMaxage,
  apiserverAuditLogMaxbackup,
  apiserverAuditLogMaxsize,
  apiserverServiceAccountLookup,
  apiserverServiceAccountKeyFile,
  apiserverEtcdClientCertificate,
  apiserverTlsCertificate,
  apiserverClientCaFile,
  apiserverEtcdCafile,
  apiserverEncryptionAtRest,
  apiserverStrongCiphers,
  controllerManagerTerminatedPodGc,
  controllerManagerProfiling,
  controllerManagerServiceAccountCredentials,
  controllerManagerServiceAccountPrivateKey,
  controllerManagerRootCaFile,
  controllerManagerRotateKubeletServerCertificate,
  controllerManagerBindAddress,
  schedulerProfiling,
  schedulerBindAddress,
  etcdTlsCertificate,
  etcdUniqueCa,
  etcdClientCertAuth,
  etcdAutoTls,
  etcdPeerTlsCertificate,
  etcdPeerClientCertAuth,
  etcdPeerAutoTls,
];
