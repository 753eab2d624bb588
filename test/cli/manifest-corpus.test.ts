// Issue 13's "done when", through the built CLI as CI runs it: valid manifests in the style of the Kubernetes
// documentation, kube-linter's and Polaris' example apps (test/fixtures/manifests) give nothing at error level.
// (That every rule's bad example is reported with its aliases is test/lsp/all-fixes.test.ts.)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from './run';

interface JsonFinding { ruleId: string; aliases: string[]; severity: string; message: string; range: { start: { line: number } } }
interface JsonFile { path: string; findings: JsonFinding[] }

function lint(dir: string): JsonFile[] {
  const r = runCli(['lint', '--format', 'json', '--no-shellcheck', dir], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout).files;
}

describe('valid manifests from the Kubernetes docs and linters\' example apps', () => {
  const corpus = path.resolve(__dirname, '../fixtures/manifests');
  let files: JsonFile[];
  before(() => {
    files = lint(corpus);
  });

  it('every file of the corpus is linted', () => {
    const yaml = fs.readdirSync(corpus).filter((f) => f.endsWith('.yaml')).sort();
    assert.ok(yaml.length >= 10);
    assert.deepEqual(files.map((f) => path.basename(f.path)).filter((f) => f.endsWith('.yaml')).sort(), yaml);
  });

  it('no finding at error level, and every kind is known (no unknown-kind or schema finding)', () => {
    const bad = files.flatMap((f) => f.findings.filter((x) => x.severity === 'error' || x.ruleId === 'k8s-schema' || x.ruleId === 'yaml-syntax').map((x) => `${path.basename(f.path)}:${x.range.start.line} ${x.ruleId}: ${x.message}`));
    assert.deepEqual(bad, []);
  });

  it('the hardened example app gets no warning either', () => {
    const app = files.find((f) => f.path.endsWith('hardened-app.yaml'))!;
    assert.deepEqual(app.findings.filter((x) => x.severity === 'warning').map((x) => `${x.range.start.line} ${x.ruleId}: ${x.message}`), []);
  });
});
