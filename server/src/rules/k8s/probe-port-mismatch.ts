import { isScalar } from 'yaml';
import { nodeAt, scalarAt, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { allContainers, containerLabel } from '../../core/k8s/pod-containers';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'];

export const probePortMismatch: ManifestRule = {
  id: 'probe-port-mismatch',
  aliases: ['kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
  severity: 'error',
  severityNote: 'warning when the probe uses a port number the container does not declare among its ports',
  category: 'reliability',
  scope: 'object',
  docs: {
    summary: "A probe's port is not one of the container's ports.",
    why: "A named probe port is looked up among the container's own ports: when none has that name the probe can never succeed, so the pod never becomes ready (readiness) or is restarted forever (liveness). A numeric port the container does not declare is reported as a warning: it usually is a leftover from a port change.",
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 80\n          readinessProbe:\n            httpGet:\n              path: /\n              port: web\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 80\n          readinessProbe:\n            httpGet:\n              path: /\n              port: http\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    // Init containers take probes only as sidecars (restartPolicy: Always), and then they follow the same lookup.
    for (const { obj, c } of allContainers(file, true)) {
      const ports = seqAt(c.map, ['ports']);
      const names = ports.map((p) => scalarAt(p, ['name'])).filter((n): n is string => typeof n === 'string');
      const numbers = ports.map((p) => scalarAt(p, ['containerPort'])).filter((n): n is number => typeof n === 'number');
      for (const probe of PROBES) {
        // Most containers have one probe or none: skip the handlers of an absent probe without walking to them.
        const probeNode = nodeAt(c.map, [probe]);
        if (probeNode === undefined) continue;
        for (const handler of HANDLERS) {
          const node = nodeAt(probeNode, [handler, 'port']);
          if (!isScalar(node)) continue;
          const value = node.value;
          const range = file.nodeRange(obj.doc, node);
          const where = `The ${probe} of ${containerLabel(c)}`;
          if (typeof value === 'string' && !/^\d+$/.test(value)) {
            if (names.includes(value)) continue;
            const known = names.length ? `its named ports are ${names.join(', ')}` : 'it has no named ports';
            hits.push({ message: `${where} uses port "${value}", but ${known}; use a declared port name or number.`, range });
          } else if (typeof value === 'number' || typeof value === 'string') {
            // An undeclared number still reaches the process (declaring ports is informational), and with a
            // `host` the port is another machine's; only a container that lists its ports makes a mismatch likely.
            const n = Number(value);
            if (!numbers.length || numbers.includes(n) || nodeAt(probeNode, [handler, 'host'])) continue;
            hits.push({ message: `${where} uses port ${n}, which the container does not declare (its ports: ${numbers.join(', ')}); probe a declared port or declare ${n}.`, range, severity: 'warning' });
          }
        }
      }
    }
    return hits;
  },
};
