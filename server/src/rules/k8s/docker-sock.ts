// docker-sock (kube-linter:docker-sock): a container that mounts the node's Docker socket from a hostPath volume.
import { nodeAt } from '../../core/k8s/object';
import { hostPathMounts } from '../../core/k8s/pod-security';
import { containerTitle } from '../../core/k8s/pod-containers';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const dockerSock: ManifestRule = {
  id: 'docker-sock',
  aliases: ['kube-linter:docker-sock'],
  severity: 'error',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A container that mounts the Docker socket (a hostPath ending in `docker.sock`).',
    why: "Whoever can talk to the Docker daemon can start a privileged container with the node's root filesystem mounted: the socket is root on the node. Remove the volume and its mount; build images with a daemonless builder (BuildKit rootless, kaniko) instead.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ci\nspec:\n  containers:\n    - name: ci\n      image: docker:27\n      volumeMounts:\n        - name: docker\n          mountPath: /var/run/docker.sock\n  volumes:\n    - name: docker\n      hostPath:\n        path: /var/run/docker.sock\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ci\nspec:\n  containers:\n    - name: ci\n      image: gcr.io/kaniko-project/executor:v1.23.2\n      volumeMounts:\n        - name: workspace\n          mountPath: /workspace\n  volumes:\n    - name: workspace\n      emptyDir: {}\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c, mount, hostPath } of hostPathMounts(file)) {
      if (!/docker\.sock\/*$/.test(hostPath)) continue;
      hits.push({
        message: `${containerTitle(c)} mounts the node's Docker socket (${hostPath}), which gives it root on the node; remove the volume and its mount.`,
        range: file.nodeRange(obj.doc, nodeAt(mount, ['name'])!),
      });
    }
    return hits;
  },
};
