// sensitive-host-mounts (kube-linter:sensitive-host-mounts): a container that mounts one of the node's system
// directories (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr) from a hostPath volume.
import { nodeAt } from '../../core/k8s/object';
import { hostPathMounts } from '../../core/k8s/pod-security';
import { containerTitle } from '../../core/k8s/pod-containers';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

// kube-linter's list: the directories themselves, not paths below them (a trailing slash names the same directory).
const SENSITIVE = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr']);

export const sensitiveHostMounts: ManifestRule = {
  id: 'sensitive-host-mounts',
  aliases: ['kube-linter:sensitive-host-mounts'],
  severity: 'error',
  category: 'security',
  scope: 'object',
  docs: {
    summary: "A container that mounts one of the node's system directories (`/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr`) through a hostPath volume.",
    why: "These directories hold the node's configuration, credentials, kernel interfaces and binaries. A container that can read them learns the node's secrets; one that can write them can take the node over. Mount only the specific file or directory the container needs, read-only, or use a ConfigMap, Secret or emptyDir.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  containers:\n    - name: agent\n      image: busybox:1.36\n      volumeMounts:\n        - name: etc\n          mountPath: /host/etc\n  volumes:\n    - name: etc\n      hostPath:\n        path: /etc\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  containers:\n    - name: agent\n      image: busybox:1.36\n      volumeMounts:\n        - name: logs\n          mountPath: /host/var/log\n          readOnly: true\n  volumes:\n    - name: logs\n      hostPath:\n        path: /var/log\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c, mount, hostPath } of hostPathMounts(file)) {
      const dir = hostPath.length > 1 ? hostPath.replace(/\/+$/, '') || '/' : hostPath;
      if (!SENSITIVE.has(dir)) continue;
      hits.push({
        message: `${containerTitle(c)} mounts the node's system directory ${dir}; mount only the file or directory it needs, read-only.`,
        range: file.nodeRange(obj.doc, nodeAt(mount, ['name'])!),
      });
    }
    return hits;
  },
};
