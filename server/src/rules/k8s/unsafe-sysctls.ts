// unsafe-sysctls (kube-linter:unsafe-sysctls): a pod securityContext sysctl in kube-linter's unsafe groups
// (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*), except the ones the kubelet allows as safe.
import { isScalar } from 'yaml';
import { nodeAt, podSpecPath, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const UNSAFE_PREFIXES = ['kernel.msg', 'kernel.sem', 'kernel.shm', 'fs.mqueue.', 'net.'];
// The kubelet's safe set (Kubernetes 1.32): namespaced, and isolated from other pods on the node.
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ping_group_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

/** A sysctl name in dotted form: `kernel/shm_rmid_forced` (slash-separated, as the kubelet also accepts) → dots. */
function dotted(name: string): string {
  const slash = name.indexOf('/');
  const dot = name.indexOf('.');
  if (slash < 0 || (dot >= 0 && dot < slash)) return name;
  return name.replace(/[./]/g, (ch) => (ch === '/' ? '.' : '/'));
}

export const unsafeSysctls: ManifestRule = {
  id: 'unsafe-sysctls',
  aliases: ['kube-linter:unsafe-sysctls'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A pod that sets an unsafe sysctl (`kernel.msg*`, `kernel.sem`, `kernel.shm*`, `fs.mqueue.*`, `net.*` outside the kubelet\'s safe set).',
    why: "These kernel parameters are namespaced but not isolated: their memory and limits are shared with every pod on the node, so one pod can starve the others or make them misbehave. The kubelet refuses them unless the node is started with `--allowed-unsafe-sysctls`, so the pod may never schedule. The safe ones (`net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`, `kernel.shm_rmid_forced` …) are not reported.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  securityContext:\n    sysctls:\n      - name: kernel.shmmax\n        value: "68719476736"\n  containers:\n    - name: db\n      image: postgres:16\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  securityContext:\n    sysctls:\n      - name: net.ipv4.ip_local_port_range\n        value: "1024 65535"\n  containers:\n    - name: db\n      image: postgres:16\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const spec = podSpecPath(obj);
      if (!spec) continue;
      for (const item of seqAt(obj.root, [...spec, 'securityContext', 'sysctls'])) {
        const node = nodeAt(item, ['name']);
        if (!isScalar(node) || typeof node.value !== 'string') continue;
        const name = dotted(node.value);
        if (SAFE.has(name) || !UNSAFE_PREFIXES.some((p) => name.startsWith(p))) continue;
        hits.push({
          message: `${obj.kind} ${obj.name} sets the unsafe sysctl ${node.value}, shared with every pod on the node; the kubelet rejects it unless the node allows it with --allowed-unsafe-sysctls.`,
          range: file.nodeRange(obj.doc, node),
        });
      }
    }
    return hits;
  },
};
