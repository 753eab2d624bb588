// dangling-servicemonitor (kube-linter:dangling-servicemonitor, off by default): a Prometheus operator
// ServiceMonitor whose selector (in the namespaces its namespaceSelector names) matches no Service's labels.
import { isMap, isScalar } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { mapAt, pairOf, seqAt, stringMapAt } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import { labelSelectorMatches, selectsEverything } from '../../core/k8s/pod-security';
import { workspaceIndex } from '../../core/k8s/workspace-index';

const EXAMPLE = 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels:\n      app: APP\n  endpoints:\n    - port: metrics\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  labels:\n    app: api\nspec:\n  selector:\n    app: api\n  ports:\n    - name: metrics\n      port: 9090\n';

export const danglingServicemonitor: ManifestRule = {
  id: 'dangling-servicemonitor',
  aliases: ['kube-linter:dangling-servicemonitor'],
  severity: 'warning',
  category: 'reliability',
  offByDefault: true,
  docs: {
    summary: "A ServiceMonitor whose selector matches no Service's labels in the namespaces it watches.",
    why: "The Prometheus operator builds scrape targets from the Services a ServiceMonitor selects — by the Services' own labels, not their pod selectors. Selecting none, it scrapes nothing and no alert says so: dashboards go empty. `namespaceSelector` (`any: true`, `matchNames`) is followed; the check stays silent when the workspace holds no Services there.",
    bad: EXAMPLE.replace('APP', 'api-metrics'),
    good: EXAMPLE.replace('APP', 'api'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const monitors = file.objects.filter((o) => o.kind === 'ServiceMonitor' && o.apiVersion.startsWith('monitoring.coreos.com/'));
    if (!monitors.length) return hits;
    const index = workspaceIndex(workspace);
    const labels = (s: K8sObject) => index.memo('service-labels', s, () => stringMapAt(s.root, ['metadata', 'labels']) ?? {});
    for (const obj of monitors) {
      const spec = mapAt(obj.root, ['spec']);
      const pair = spec && pairOf(spec, 'selector');
      if (!pair || !isMap(pair.value) || selectsEverything(pair.value)) continue;
      const nsSel = mapAt(obj.root, ['spec', 'namespaceSelector']);
      const any = nsSel?.get('any') === true;
      const names = seqAt(nsSel, ['matchNames']).flatMap((n) => (isScalar(n) ? [String(n.value)] : []));
      const namespaces = names.length ? names : [obj.namespace];
      const services = any ? index.ofKind('Service') : namespaces.flatMap((ns) => index.of('Service', ns));
      if (!services.length || services.some((s) => labelSelectorMatches(pair.value, labels(s)))) continue;
      const where = any ? 'any namespace' : `namespace${namespaces.length > 1 ? 's' : ''} ${namespaces.join(', ')}`;
      hits.push({
        message: `ServiceMonitor ${obj.name ?? '(unnamed)'} selects no Service in ${where}: its selector is matched against the Services' own labels (metadata.labels), not their pod selectors. Fix the selector or label the Service.`,
        range: file.nodeRange(obj.doc, pair.key),
      });
    }
    return hits;
  },
};
