import { yamlSyntax } from '../../../server/src/rules/k8s/yaml-syntax';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(yamlSyntax, [
  {
    name: 'an unclosed flow sequence in a ConfigMap',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: [1, 2\n',
    expect: ['7:1-7:1'],
  },
  { name: 'valid manifest', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n', expect: [] },
  { name: 'not Kubernetes YAML (a CI workflow) is left alone', text: 'on: push\njobs: [oops\n', expect: [] },
  { name: 'Helm templates are skipped', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata: [\n', expect: [] },
]);
