// The probe a container lacks: what the missing-readiness-probe and missing-liveness-probe rules check, and the probe
// their fix adds on the container's first port.
import { isMap, type YAMLMap } from 'yaml';
import type { ManifestRule } from '../rule';
import type { RuleHit } from '../types';
import { scalarAt, seqAt } from './object';
import { allContainers, containerRange, containerTitle, longRunning } from './pod-containers';
import { relocate } from './relocate';
import { addEntry, yamlStyle } from './yaml-edit';
import { yamlScalar, type TreeMap } from './yaml-write';

// Ports that conventionally serve plain HTTP; 443/8443 and names with "https" serve TLS, which an httpGet probe
// without `scheme: HTTPS` cannot talk to, so they get a TCP probe (as do gRPC ports).
const HTTP_PORTS = new Set([80, 3000, 5000, 8000, 8080, 8081, 9000]);

/** The values a new probe starts with; the user should review them, so they become the fix's placeholders. */
const PROBE_DEFAULTS = { path: '/healthz', initialDelaySeconds: '5', periodSeconds: '10' };

/** The probe block to insert for a container's first port (httpGet on HTTP-like ports, else tcpSocket), or null. */
export function probeTree(container: YAMLMap, quote: '"' | "'" = "'"): TreeMap | null {
  const port = seqAt(container, ['ports'])[0];
  const name = scalarAt(port, ['name']);
  const num = scalarAt(port, ['containerPort']);
  if (typeof num !== 'number' && typeof name !== 'string') return null;
  const ref = typeof name === 'string' && name ? yamlScalar(name, quote) : String(num);
  const lname = typeof name === 'string' ? name.toLowerCase() : '';
  const http = !/https|grpc/.test(lname) && (/http|web|metrics/.test(lname) || (typeof num === 'number' && HTTP_PORTS.has(num)));
  const check: TreeMap = http ? { httpGet: { path: PROBE_DEFAULTS.path, port: ref } } : { tcpSocket: { port: ref } };
  return { ...check, initialDelaySeconds: PROBE_DEFAULTS.initialDelaySeconds, periodSeconds: PROBE_DEFAULTS.periodSeconds };
}

/** check() and fixes of a rule flagging long-running containers without a `readinessProbe`/`livenessProbe`. */
export function missingProbeRule(field: 'readinessProbe' | 'livenessProbe', consequence: string): Pick<ManifestRule, 'check' | 'fixes'> {
  return {
    check({ file }) {
      const hits: RuleHit[] = [];
      for (const { obj, c } of allContainers(file, false)) {
        if (!longRunning(obj) || c.map.has(field)) continue;
        hits.push({
          message: `${containerTitle(c)} of ${obj.kind} ${obj.name ?? '(unnamed)'} has no ${field}, so ${consequence}; add one.`,
          range: containerRange(file, obj, c),
          data: { doc: obj.doc.index, path: c.path },
        });
      }
      return hits;
    },
    fixes: [
      {
        id: `add-${field === 'readinessProbe' ? 'readiness' : 'liveness'}-probe`,
        title: () => `Add a ${field} on the container's first port (review the path and timings)`,
        safe: false,
        apply(input, finding) {
          const found = relocate(input, finding);
          if (!found || !isMap(found.node) || found.node.has(field)) return null;
          const style = yamlStyle(found.file, found.obj.doc);
          const probe = probeTree(found.node, style.quote);
          const edit = probe && addEntry(found.file, found.obj.doc, found.node, field, probe, style);
          const placeholders = Object.entries(PROBE_DEFAULTS).map(([key, value]) => ({ key, value }));
          return edit ? { edits: [edit], placeholders } : null;
        },
      },
    ],
  };
}
