import { ingressInvalidPath } from '../../../server/src/rules/k8s/ingress-invalid-path';
import { ruleTable } from '../../helpers/ruleTable';

const ing = (path: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n${path}            backend:\n              service:\n                name: api\n                port:\n                  number: 80\n`;
ruleTable(ingressInvalidPath, [
  { name: 'a relative path', text: ing('          - path: api\n            pathType: Prefix\n'), expect: ['9:19-9:22'], messages: [/^spec\.rules\[0\]\.http\.paths\[0\]\.path: Invalid value: "api": must be an absolute path/] },
  { name: 'no pathType', text: ing('          - path: /api\n'), expect: ['9:19-9:23'], messages: [/pathType: Required value: pathType must be specified/] },
  { name: 'an unknown pathType', text: ing('          - path: /api\n            pathType: prefix\n'), expect: ['10:23-10:29'], messages: [/Unsupported value: "prefix"/] },
  { name: 'a double slash in a Prefix path', text: ing('          - path: /api//v1\n            pathType: Prefix\n'), expect: ['9:19-9:27'], messages: [/must not contain '\/\/'/] },
  { name: 'a regex in a Prefix path is a warning', text: ing('          - path: /api(/|$)(.*)\n            pathType: Prefix\n'), expect: ['9:19-9:32'], messages: [/regex characters/] },
  { name: 'valid paths', text: ing('          - path: /api/v1\n            pathType: Exact\n          - path: /\n            pathType: Prefix\n'), expect: [] },
  { name: 'a regex with ImplementationSpecific', text: ing('          - path: /api(/|$)(.*)\n            pathType: ImplementationSpecific\n'), expect: [] },
]);
