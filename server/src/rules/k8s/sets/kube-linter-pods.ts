// kube-linter's checks of pod and container security settings (issue 13 §2).
// One part of the registry (rules/k8s/index.ts spreads it into manifestRules): the rule modules live beside
// index.ts, one per rule with a same-named test table; this list says which belong to the part and in what order.
import type { ManifestRule } from '../../../core/rule';
import { dockerSock } from '../docker-sock';
import { dropNetRawCapability } from '../drop-net-raw-capability';
import { hostIpc } from '../host-ipc';
import { hostNetwork } from '../host-network';
import { hostPid } from '../host-pid';
import { noReadOnlyRootFs } from '../no-read-only-root-fs';
import { nonIsolatedPod } from '../non-isolated-pod';
import { privilegedPorts } from '../privileged-ports';
import { sensitiveHostMounts } from '../sensitive-host-mounts';
import { sshPort } from '../ssh-port';
import { unsafeProcMount } from '../unsafe-proc-mount';
import { unsafeSysctls } from '../unsafe-sysctls';
import { writableHostMount } from '../writable-host-mount';

export const kubeLinterPodRules: readonly ManifestRule[] = [
  hostNetwork,
  hostPid,
  hostIpc,
  dockerSock,
  sensitiveHostMounts,
  writableHostMount,
  unsafeProcMount,
  unsafeSysctls,
  privilegedPorts,
  sshPort,
  noReadOnlyRootFs,
  dropNetRawCapability,
  nonIsolatedPod,
];
