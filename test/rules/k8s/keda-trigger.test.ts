import { kedaTrigger } from '../../../server/src/rules/k8s/keda-trigger';
import { scaledObject } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const scaled = (triggers: string, kind = 'ScaledObject') => scaledObject({ kind, triggers });
const prom = (meta: string) => `    - type: prometheus\n      metadata:\n        serverAddress: http://prometheus.monitoring:9090\n        query: sum(rate(http_requests_total{app="web"}[2m]))\n${meta}`;

ruleTable(kedaTrigger, [
  {
    name: 'numeric threshold is quoted',
    text: scaled(prom('        threshold: 100\n')),
    expect: ['13:20-13:23'],
    messages: [/prometheus trigger metadata threshold of ScaledObject web is not a string, so the ScaledObject is rejected; quote it: threshold: '100'/],
    fixed: scaled(prom("        threshold: '100'\n")),
  },
  {
    name: 'a float keeps its spelling, a comment stays',
    text: scaled(prom('        threshold: 0.50 # per pod\n')),
    expect: ['13:20-13:24'],
    fixed: scaled(prom("        threshold: '0.50' # per pod\n")),
  },
  {
    name: 'booleans in any trigger type, ScaledJob too',
    text: scaled('    - type: cpu\n      metricType: Utilization\n      metadata:\n        value: 60\n', 'ScaledJob'),
    expect: ['12:16-12:18'],
    messages: [/cpu trigger metadata value of ScaledJob web is not a string/],
    fixed: scaled('    - type: cpu\n      metricType: Utilization\n      metadata:\n        value: \'60\'\n', 'ScaledJob'),
  },
  {
    name: 'missing query and threshold',
    text: scaled('    - type: prometheus\n      metadata:\n        serverAddress: http://prometheus.monitoring:9090\n'),
    expect: ['9:13-9:23'],
    messages: [/prometheus trigger of ScaledObject web has no query, threshold in its metadata/],
    noFix: true,
  },
  { name: 'no metadata at all', text: scaled('    - type: prometheus\n'), expect: ['9:13-9:23'], messages: [/has no serverAddress, query, threshold/] },
  {
    name: 'deprecated metricName',
    text: scaled(prom("        threshold: '100'\n        metricName: http_requests\n")),
    expect: ['14:9-14:19'],
    messages: [/metricName in the prometheus trigger of ScaledObject web is deprecated/],
    noFix: true,
  },
  {
    name: 'several problems in the second of two triggers',
    text: scaled(`    - type: cpu\n      metricType: Utilization\n      metadata:\n        value: "60"\n    - type: prometheus\n      metadata:\n        query: up\n        threshold: 5\n`),
    expect: ['13:13-13:23', '16:20-16:21'],
    fixHit: 1,
    fixed: scaled(`    - type: cpu\n      metricType: Utilization\n      metadata:\n        value: "60"\n    - type: prometheus\n      metadata:\n        query: up\n        threshold: '5'\n`),
  },
  { name: 'valid trigger', text: scaled(prom("        threshold: '100'\n        activationThreshold: \"5\"\n")), expect: [] },
  { name: 'serverAddress from the container environment', text: scaled("    - type: prometheus\n      metadata:\n        serverAddressFromEnv: PROMETHEUS_URL\n        query: up\n        threshold: '1'\n"), expect: [] },
  { name: 'a threshold that is not a number', text: scaled(prom("        threshold: '100rps'\n")), expect: ['13:20-13:28'], messages: [/threshold of ScaledObject web is "100rps", not a number/] },
  { name: 'a serverAddress without a scheme', text: scaled("    - type: prometheus\n      metadata:\n        serverAddress: prometheus.monitoring:9090\n        query: up\n        threshold: '1'\n"), expect: ['11:24-11:50'], messages: [/is not an http\(s\) URL/] },
  { name: 'not a KEDA object', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: triggers\ndata:\n  threshold: "100"\n', expect: [] },
  { name: 'Helm templates are skipped', text: scaled(prom('        threshold: {{ .Values.threshold }}\n')), expect: [] },
]);
