// kube-linter's ignore annotations on an object silence our rules that carry the matching kube-linter alias, for
// that object only; ignore-all silences every kube-linter-aliased rule but not the API server's checks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { manifestRules } from '../../server/src/rules';

const deploy = (name: string, annotations: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${annotations ? `  annotations:\n${annotations}` : ''}spec:\n  replicas: 3\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: ${name}\n          image: nginx:1.27\n          ports:\n            - containerPort: 70000\n`;

function rulesOn(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of analyzeManifest(text, { rules: manifestRules, path: '/ws/app.yaml' }).findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

describe('kube-linter ignore annotations', () => {
  const plain = rulesOn(deploy('a', '') + '---\n' + deploy('b', ''));

  it('ignore-check.kube-linter.io/<check> silences that check on the annotated object only', () => {
    assert.equal(plain.get('run-as-root'), 2);
    assert.equal(plain.get('missing-readiness-probe'), 2);
    const got = rulesOn(deploy('a', '    ignore-check.kube-linter.io/run-as-non-root: "runs as root by design"\n') + '---\n' + deploy('b', ''));
    assert.equal(got.get('run-as-root'), 1);
    assert.equal(got.get('missing-readiness-probe'), 2);
  });

  it('kube-linter.io/ignore-all silences every kube-linter check of the object, not the API-server checks', () => {
    const got = rulesOn(deploy('a', '    kube-linter.io/ignore-all: "vendored"\n') + '---\n' + deploy('b', ''));
    assert.equal(got.get('run-as-root'), 1);
    assert.equal(got.get('missing-readiness-probe'), 1);
    assert.equal(got.get('invalid-port-number'), 2, 'the API server would still refuse port 70000');
  });
});
