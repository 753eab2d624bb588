// kube-linter custom checks of the `required-label` and `required-annotation` templates, from `customChecks:` in
// `.kube-linter.yaml` or under `kube-linter:` in `.stevedore.yaml`. Each finding carries the custom check's name as
// the code `kube-linter:<name>`, so `checks.exclude`, rule levels and ignore pragmas work with that name.
import { inScope } from '../../core/kube-linter-custom';
import { missingMetadata } from '../../core/k8s/required-metadata';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const customRequiredMetadata: ManifestRule = {
  id: 'custom-required-metadata',
  aliases: [],
  severity: 'warning',
  category: 'reliability',
  scope: 'object',
  docs: {
    summary: 'A label or annotation that a kube-linter custom check (`required-label` / `required-annotation` template) requires is missing or does not match its pattern.',
    why: 'Teams make ownership and routing metadata a rule (`team`, `company.io/responsible`, a cost centre) with kube-linter\'s custom checks. Stevedore reads the same `customChecks:` so the editor shows what CI would refuse; findings are named after the custom check.',
    config: 'kube-linter:\n  customChecks:\n    - name: required-label-team\n      template: required-label\n      params:\n        key: team\n      scope:\n        objectKinds: [DeploymentLike]\n',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    team: storefront\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
  },
  check({ file, customChecks }) {
    const hits: RuleHit[] = [];
    if (!customChecks?.length) return hits;
    for (const obj of file.objects) {
      for (const check of customChecks) {
        if (!inScope(check, obj.kind)) continue;
        const where = check.template === 'required-label' ? 'labels' : 'annotations';
        const missing = missingMetadata(file, obj, where, check.key, check.value);
        if (!missing) continue;
        const what = `${obj.kind} ${obj.name ?? '(unnamed)'}`;
        const noun = where === 'labels' ? 'label' : 'annotation';
        const problem = missing.value === undefined
          ? `${what} has no ${noun} ${JSON.stringify(check.key)}`
          : `The ${noun} ${JSON.stringify(check.key)} of ${what} is ${JSON.stringify(missing.value)}, which does not match ${check.value!.source.slice(4, -2)}`;
        hits.push({ message: `${problem} (custom check ${check.name})${check.remediation ? `: ${check.remediation}` : '.'}`, range: missing.range, codes: [`kube-linter:${check.name}`] });
      }
    }
    return hits;
  },
};
