import type { Rule } from "../../types";
import { cloudCredentialsMount } from "./cloud-credentials-mount";
import { hostAliases } from "./host-aliases";
import { hostIpc } from "./host-ipc";
import { hostNetwork } from "./host-network";
import { hostPathSensitive } from "./host-path-sensitive";
import { hostPathVolume } from "./host-path-volume";
import { hostPathWritable } from "./host-path-writable";
import { hostPid } from "./host-pid";
import { hostPort } from "./host-port";
import { privilegedContainerPorts } from "./privileged-container-ports";
import { runtimeSocketMount } from "./runtime-socket-mount";

export const hostAccessRules: Rule[] = [
  cloudCredentialsMount,
  hostAliases,
  hostIpc,
  hostNetwork,
  hostPathSensitive,
  hostPathVolume,
  hostPathWritable,
  hostPid,
  hostPort,
  privilegedContainerPorts,
  runtimeSocketMount,
];
