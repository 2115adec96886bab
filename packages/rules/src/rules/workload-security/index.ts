import type { Rule } from "../../types";
import { allowPrivilegeEscalation } from "./allow-privilege-escalation";
import { apparmorUnconfined } from "./apparmor-unconfined";
import { capabilitiesAdded } from "./capabilities-added";
import { capsAddedBeyondBaseline } from "./caps-added-beyond-baseline";
import { capsDropAll } from "./caps-drop-all";
import { capsDropAny } from "./caps-drop-any";
import { capsOnlyNetBindService } from "./caps-only-net-bind-service";
import { containerMayRunAsRoot } from "./container-may-run-as-root";
import { dangerousCapsAdded } from "./dangerous-caps-added";
import { fsgroupSet } from "./fsgroup-set";
import { fsgroupchangepolicySet } from "./fsgroupchangepolicy-set";
import { gidAbove10000 } from "./gid-above-10000";
import { hostProbeLifecycleHost } from "./host-probe-lifecycle-host";
import { linuxHardening } from "./linux-hardening";
import { netRawAdded } from "./net-raw-added";
import { netRawNotDropped } from "./net-raw-not-dropped";
import { privilegedContainer } from "./privileged-container";
import { procMountHostUsers } from "./proc-mount-host-users";
import { procMountUnmasked } from "./proc-mount-unmasked";
import { readOnlyRootFs } from "./read-only-root-fs";
import { restrictedVolumeTypes } from "./restricted-volume-types";
import { rootGroup } from "./root-group";
import { runAsNonRoot } from "./run-as-non-root";
import { runAsUser0 } from "./run-as-user-0";
import { seccompRequired } from "./seccomp-required";
import { seccompUnconfined } from "./seccomp-unconfined";
import { securityContextPresent } from "./security-context-present";
import { selinuxCustomOptions } from "./selinux-custom-options";
import { selinuxOptionsNotSet } from "./selinux-options-not-set";
import { supplementalgroupsSet } from "./supplementalgroups-set";
import { sysAdminCapability } from "./sys-admin-capability";
import { sysModuleAdded } from "./sys-module-added";
import { sysctlsNotSet } from "./sysctls-not-set";
import { uidAbove10000 } from "./uid-above-10000";
import { unsafeSysctls } from "./unsafe-sysctls";
import { windowsGmsaSet } from "./windows-gmsa-set";
import { windowsHostProcess } from "./windows-host-process";
import { windowsRunasusernameSet } from "./windows-runasusername-set";

export const workloadSecurityRules: Rule[] = [
  allowPrivilegeEscalation,
  apparmorUnconfined,
  capabilitiesAdded,
  capsAddedBeyondBaseline,
  capsDropAll,
  capsDropAny,
  capsOnlyNetBindService,
  containerMayRunAsRoot,
  dangerousCapsAdded,
  fsgroupSet,
  fsgroupchangepolicySet,
  gidAbove10000,
  hostProbeLifecycleHost,
  linuxHardening,
  netRawAdded,
  netRawNotDropped,
  privilegedContainer,
  procMountHostUsers,
  procMountUnmasked,
  readOnlyRootFs,
  restrictedVolumeTypes,
  rootGroup,
  runAsNonRoot,
  runAsUser0,
  seccompRequired,
  seccompUnconfined,
  securityContextPresent,
  selinuxCustomOptions,
  selinuxOptionsNotSet,
  supplementalgroupsSet,
  sysAdminCapability,
  sysModuleAdded,
  sysctlsNotSet,
  uidAbove10000,
  unsafeSysctls,
  windowsGmsaSet,
  windowsHostProcess,
  windowsRunasusernameSet,
];
