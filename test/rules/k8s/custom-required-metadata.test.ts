import { customRequiredMetadata } from '../../../server/src/rules/k8s/custom-required-metadata';
import { ruleTable } from '../../helpers/ruleTable';

const cm = (meta: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n${meta}data:\n  mode: fast\n`;
const deploy = (meta: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${meta}spec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
const LABEL = 'kube-linter:\n  customChecks:\n    - name: required-label-team\n      template: required-label\n      params:\n        key: team\n';
const ANNOTATION = 'kube-linter:\n  customChecks:\n    - name: responsible\n      template: required-annotation\n      params:\n        key: company.io/responsible\n        value: "[a-z]+@company\\\\.io"\n      remediation: Set company.io/responsible to the on-call address.\n';
const SCOPED = LABEL + '      scope:\n        objectKinds: [DeploymentLike]\n';

ruleTable(customRequiredMetadata, [
  { name: 'no configured check: silent', text: cm(''), expect: [] },
  { name: 'a missing label: on metadata, named after the check', config: LABEL, text: cm(''), expect: ['3:1-3:9'], messages: [/^ConfigMap settings has no label "team" \(custom check required-label-team\)\.$/] },
  { name: 'on the labels key when there are labels', config: LABEL, text: cm('  labels:\n    app: web\n'), expect: ['5:3-5:9'] },
  { name: 'an empty value is missing', config: LABEL, text: cm('  labels:\n    team: ""\n'), expect: ['6:11-6:13'] },
  { name: 'present', config: LABEL, text: cm('  labels:\n    team: storefront\n'), expect: [] },
  { name: 'an annotation whose value does not match the pattern, with the remediation', config: ANNOTATION, text: cm('  annotations:\n    company.io/responsible: Jane\n'), expect: ['6:29-6:33'], messages: [/^The annotation "company\.io\/responsible" of ConfigMap settings is "Jane", which does not match \[a-z\]\+@company\\\.io \(custom check responsible\): Set company\.io\/responsible to the on-call address\.$/] },
  { name: 'an annotation matching the pattern', config: ANNOTATION, text: cm('  annotations:\n    company.io/responsible: jane@company.io\n'), expect: [] },
  { name: 'scope DeploymentLike: a Deployment is checked', config: SCOPED, text: deploy(''), expect: ['3:1-3:9'] },
  { name: 'scope DeploymentLike: a ConfigMap is not', config: SCOPED, text: cm(''), expect: [] },
  { name: 'excluding the custom check by its name turns it off', config: LABEL + '  checks:\n    exclude: [required-label-team]\n', text: cm(''), expect: [] },
  { name: 'doNotAutoAddDefaults does not turn custom checks off', config: LABEL + '  checks:\n    doNotAutoAddDefaults: true\n', text: cm(''), expect: ['3:1-3:9'] },
]);
