import { mapAt, nodeAt, podSpecPath, scalarAt, type PathKey } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { allContainers, containerTitle, containerRange } from '../../core/k8s/pod-containers';
import { effectiveSecurity } from '../../core/k8s/pod-security';
import { relocate } from '../../core/k8s/relocate';
import { mergeMap } from '../../core/k8s/yaml-merge';

const POD_DEFAULTS = { runAsNonRoot: 'true', runAsUser: '10001' };

/** Whether a container runs as root once pod settings are overridden by its own (undefined pod settings: none). */
function runsAsRoot(obj: K8sObject, containerPath: PathKey[], pod: { runAsNonRoot?: unknown; runAsUser?: unknown } = {}): boolean {
  // Each securityContext is looked up once, not once per key.
  const own = nodeAt(obj.root, [...containerPath, 'securityContext']);
  const podContext = nodeAt(obj.root, [...podSpecPath(obj)!, 'securityContext']);
  const pick = (key: string) => scalarAt(own, [key]) ?? pod[key as keyof typeof pod] ?? scalarAt(podContext, [key]);
  const user = pick('runAsUser');
  const nonRoot = pick('runAsNonRoot');
  // runAsUser: 0 wins over runAsNonRoot: true (the kubelet then refuses to start the container).
  if (user === 0) return true;
  return !(nonRoot === true || (typeof user === 'number' && user > 0));
}

function windows(obj: K8sObject): boolean {
  const spec = podSpecPath(obj)!;
  return scalarAt(obj.root, [...spec, 'os', 'name']) === 'windows' || nodeAt(obj.root, [...spec, 'securityContext', 'windowsOptions', 'runAsUserName']) !== undefined;
}

/** windows() per object: its containers share the answer. */
function windowsOnce(): (obj: K8sObject) => boolean {
  const seen = new Map<K8sObject, boolean>();
  return (obj) => {
    let w = seen.get(obj);
    if (w === undefined) seen.set(obj, (w = windows(obj)));
    return w;
  };
}

export const runAsRoot: ManifestRule = {
  id: 'run-as-root',
  aliases: ['kube-linter:run-as-non-root'],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'A container that may run as root: neither it nor its pod sets `runAsNonRoot: true` or a non-zero `runAsUser`; or one that runs with the root group (`runAsGroup: 0`).',
    why: "Most images default to root, and root in a container is root on the node's kernel: a container escape or a writable host mount then gives full control of the node. `runAsNonRoot: true` makes the kubelet refuse to start a container that would run as UID 0. `runAsGroup: 0` is not checked by the kubelet at all: a non-root user in the root group can still read and write every file owned by group 0, on the image and on host mounts.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n  containers:\n    - name: web\n      image: nginxinc/nginx-unprivileged:1.27\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    const isWindows = windowsOnce();
    // A pod-level runAsGroup: 0 is reported once, not once per container that inherits it.
    const rootGroups = new Set<unknown>();
    for (const { obj, c } of allContainers(file, true)) {
      if (isWindows(obj)) continue;
      const group = effectiveSecurity(obj, c, 'runAsGroup');
      if (group?.value === 0 && !rootGroups.has(group.node)) {
        rootGroups.add(group.node);
        const who = group.pod ? `${obj.kind} ${obj.name}'s pod securityContext` : containerTitle(c);
        hits.push({
          message: `${who} sets runAsGroup: 0, so ${group.pod ? 'its containers run' : 'it runs'} with the root group and can use every file group 0 owns; use a non-zero group.`,
          range: file.nodeRange(obj.doc, group.node),
        });
      }
      if (!runsAsRoot(obj, c.path)) continue;
      hits.push({
        message: `${containerTitle(c)} may run as root: set runAsNonRoot: true and a non-zero runAsUser in the pod or container securityContext.`,
        range: containerRange(file, obj, c),
        data: { doc: obj.doc.index, path: c.path },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'add-pod-security-context',
      title: () => 'Run the pod as non-root (runAsNonRoot: true, runAsUser: 10001)',
      safe: false,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found?.node) return null;
        const { file, obj } = found;
        const spec = podSpecPath(obj)!;
        const specMap = mapAt(obj.root, spec);
        if (!specMap) return null;
        // Existing pod values stay; the fix only helps when the container does not override them back to root.
        const pod: Record<string, unknown> = { runAsNonRoot: true, runAsUser: 10001 };
        for (const key of Object.keys(pod)) pod[key] = scalarAt(obj.root, [...spec, 'securityContext', key]) ?? pod[key];
        if (runsAsRoot(obj, finding.data!.path as PathKey[], pod)) return null;
        const edits = mergeMap(file, obj.doc, specMap, { securityContext: POD_DEFAULTS });
        return edits?.length ? { edits } : null;
      },
    },
  ],
};
