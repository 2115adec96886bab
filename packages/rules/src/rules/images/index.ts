import type { Rule } from "../../types";
import { imageDeprecatedRegistry } from "./image-deprecated-registry";
import { imageExposedSecrets } from "./image-exposed-secrets";
import { imageNotPinnedByDigest } from "./image-not-pinned-by-digest";
import { imagePullPolicyNotAlways } from "./image-pull-policy-not-always";
import { imageRegistryBlocked } from "./image-registry-blocked";
import { imageRegistryNotAllowed } from "./image-registry-not-allowed";
import { imageTagLatest } from "./image-tag-latest";
import { imageVulnerabilities } from "./image-vulnerabilities";
import { ingressNginxRetired } from "./ingress-nginx-retired";
import { sshPortExposed } from "./ssh-port-exposed";
import { sudoInCommand } from "./sudo-in-command";
import { tillerDeployed } from "./tiller-deployed";

export const imagesRules: Rule[] = [
  imageTagLatest,
  imagePullPolicyNotAlways,
  imageNotPinnedByDigest,
  imageRegistryNotAllowed,
  imageRegistryBlocked,
  imageDeprecatedRegistry,
  tillerDeployed,
  sudoInCommand,
  sshPortExposed,
  ingressNginxRetired,
  imageVulnerabilities,
  imageExposedSecrets,
];
