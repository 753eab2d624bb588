// Issue 13's "done when", through the built CLI as CI runs it: (1) valid manifests in the style of the Kubernetes
// documentation, kube-linter's and Polaris' example apps (test/fixtures/manifests) give nothing at error level;
// (2) every manifest rule's documented bad example, linted in a folder of its own with the configuration its docs
// name, is reported under the rule's id with all of its aliases (kube-linter:<check> …).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { manifestRules } from '../../server/src/rules';
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

describe('every manifest rule through the CLI, with its aliases', () => {
  let dir: string;
  const reported = new Map<string, Set<string>>();
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-k8s-codes-'));
    for (const rule of manifestRules) {
      const folder = path.join(dir, rule.id);
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'app.yaml'), rule.docs.bad);
      const on = rule.offByDefault ? `rules:\n  ${rule.id}: ${rule.severity}\n` : '';
      if (rule.docs.config || on) fs.writeFileSync(path.join(folder, '.stevedore.yaml'), (rule.docs.config ?? '') + on);
    }
    const collect = (files: JsonFile[]) => {
      for (const file of files) {
        const id = path.relative(dir, file.path).split(path.sep)[0];
        for (const f of file.findings) if (f.ruleId === id) reported.set(id, new Set(f.aliases));
      }
    };
    collect(lint(dir));
    // One run makes one workspace: an example whose objects meet another example's (a Deployment "web" in both)
    // is linted again on its own, as it would be in a project.
    for (const rule of manifestRules) if (!reported.has(rule.id)) collect(lint(path.join(dir, rule.id)));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("each rule's bad example is reported under its id", () => {
    assert.deepEqual(manifestRules.map((r) => r.id).filter((id) => !reported.has(id)), []);
  });

  it('with every alias the rule declares (kube-linter:<check> …)', () => {
    const missing = manifestRules.flatMap((r) => r.aliases.filter((a) => !reported.get(r.id)?.has(a)).map((a) => `${r.id}: ${a}`));
    assert.deepEqual(missing, []);
  });
});
