import { invalidLabel } from '../../../server/src/rules/k8s/invalid-label';
import { ruleTable } from '../../helpers/ruleTable';

const cm = (labels: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n${labels}`;
ruleTable(invalidLabel, [
  { name: 'a value with +', text: cm('    version: 1.4.0+build.7\n'), expect: ['6:14-6:27'], messages: [/^metadata\.labels\[version\]: Invalid value: "1\.4\.0\+build\.7": a valid label must be an empty string/] },
  { name: 'a value over 63 characters', text: cm(`    commit: ${'a'.repeat(64)}\n`), expect: ['6:13-6:77'], messages: [/must be no more than 63 characters/] },
  { name: 'a value ending in a dash', text: cm('    tier: back-\n'), expect: ['6:11-6:16'] },
  { name: 'a key with a space and one with two slashes', text: cm('    "team name": a\n    a/b/c: x\n'), expect: ['6:5-6:16', '7:5-7:10'], messages: [/name part must consist of/, /a qualified name must consist of/] },
  { name: 'an upper-case prefix', text: cm('    Example.com/app: web\n'), expect: ['6:5-6:20'], messages: [/prefix part a lowercase RFC 1123 subdomain/] },
  { name: 'pod template labels of a Deployment', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n        git: https://example.com/x\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n', expect: ['13:14-13:35'], messages: [/^spec\.template\.metadata\.labels\[git\]/] },
  { name: 'valid keys and values, empty value allowed', text: cm('    app.kubernetes.io/name: web\n    example.com/Team_A: X.y-z_9\n    empty: ""\n    tilde: ~\n'), expect: [] },
  { name: 'numbers and booleans as values', text: cm('    replicas: 3\n    canary: true\n'), expect: [] },
  { name: 'templated values', text: cm('    version: "{{ .Chart.Version }}+x"\n'), expect: [] },
]);
