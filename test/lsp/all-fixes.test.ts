// Every rule, end to end: its documented bad example, linted by the CLI as JSON and opened in the language
// server, reports the rule with its id and aliases, and every quick fix offered for it yields a Dockerfile that
// still parses without new syntax errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { applyEdits } from '../../server/src/core/fixes';
import { dockerfileRules } from '../../server/src/rules/dockerfile';
import { manifestRules } from '../../server/src/rules/k8s';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { syntax } from '../../server/src/rules/dockerfile/syntax';
import { TYPICAL_CONTEXT } from '../helpers/context';
import { TestClient } from '../helpers/lspClient';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const rules = dockerfileRules.filter((r) => r.id !== 'syntax');
const exampleOf = (text: string) => (/^FROM\s/im.test(text) ? text : `FROM debian:12\n${text}`);
/**
 * Gives the files of `dir` the configuration a rule's examples assume (docs.config) and turns an off-by-default rule
 * on, in its own .stevedore.yaml, as a user would.
 */
const enableIn = (dir: string, rule: { id: string; severity: string; offByDefault?: boolean; docs: { config?: string } }) => {
  const on = rule.offByDefault ? `rules:\n  ${rule.id}: ${rule.severity}\n` : '';
  if (rule.docs.config || on) fs.writeFileSync(path.join(dir, '.stevedore.yaml'), (rule.docs.config ?? '') + on);
};

describe('every rule end to end', () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    await initShellParser();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-all-'));
    for (const rule of rules) {
      const dir = path.join(root, rule.id);
      for (const [rel, content] of Object.entries(TYPICAL_CONTEXT)) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), content);
      }
      if (rule.id === 'dockerignore-gap') fs.writeFileSync(path.join(dir, '.dockerignore'), '*.log\n');
      else if (rule.id !== 'missing-dockerignore') fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\nnode_modules\n.env\n');
      fs.writeFileSync(path.join(dir, 'Dockerfile'), exampleOf(rule.docs.bad));
      enableIn(dir, rule);
    }
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('stevedore lint --format json reports every manifest rule with its id and aliases', () => {
    const dir = path.join(root, 'manifests');
    for (const rule of manifestRules) {
      fs.mkdirSync(path.join(dir, rule.id), { recursive: true });
      fs.writeFileSync(path.join(dir, rule.id, 'example.yaml'), rule.docs.bad);
      enableIn(path.join(dir, rule.id), rule);
    }
    // One run per rule: each example is its own workspace, as the docs test analyzes it.
    for (const rule of manifestRules) {
      const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--fail-on', 'none', `${rule.id}/example.yaml`], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const hit = JSON.parse(r.stdout).files[0]?.findings.find((f: any) => f.ruleId === rule.id);
      assert.ok(hit, `${rule.id} not reported`);
      // A finding's own codes follow the rule's aliases (a kube-linter custom check's name, a ShellCheck code).
      assert.deepEqual(hit.aliases.slice(0, rule.aliases.length), rule.aliases);
    }
  });

  it('stevedore lint --format json reports every rule with its id and aliases', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    for (const rule of rules) {
      const file = out.files.find((f: any) => f.path === `${rule.id}/Dockerfile`);
      const hit = file?.findings.find((f: any) => f.ruleId === rule.id);
      assert.ok(hit, `${rule.id} not reported`);
      // A finding may carry codes of its own after the rule's aliases (ShellCheck's SC codes).
      assert.deepEqual(hit.aliases.slice(0, rule.aliases.length), rule.aliases);
    }
  });

  for (const rule of rules.filter((r) => r.fixes?.length)) {
    it(`${rule.id}: quick fixes arrive as code actions and keep the Dockerfile valid`, async () => {
      const file = path.join(root, rule.id, 'Dockerfile');
      const uri = pathToFileURL(file).toString();
      const text = fs.readFileSync(file, 'utf8');
      let refreshes = client.refreshes;
      client.open(uri, text);
      let diags = (await client.diagnostics(uri)).filter((d) => d.code === rule.id);
      // ShellCheck's findings come with a later refresh: the first answer does not wait for ShellCheck.
      for (; !diags.length && rule.id === 'shellcheck'; refreshes = client.refreshes) {
        await client.waitForRefresh(refreshes);
        diags = (await client.diagnostics(uri)).filter((d) => d.code === rule.id);
      }
      assert.ok(diags.length, `${rule.id} not reported by the server`);
      const titles: string[] = [];
      for (const d of diags) {
        const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        for (const a of actions.filter((x) => x.diagnostics?.[0]?.code === rule.id && !x.title.startsWith('Ignore '))) {
          titles.push(a.title);
          const edits = a.edit.documentChanges.filter((c: any) => c.textDocument?.uri === uri).flatMap((c: any) => c.edits);
          const fixed = applyEdits(text, edits);
          const syntaxBefore = analyzeDockerfile(text, { rules: [syntax] }).length;
          assert.ok(analyzeDockerfile(fixed, { rules: [syntax] }).length <= syntaxBefore, `"${a.title}" broke the Dockerfile:\n${fixed}`);
        }
      }
      assert.ok(titles.length, `no quick fix offered for ${rule.id}`);
    });
  }

  for (const rule of manifestRules.filter((r) => r.fixes?.length)) {
    it(`${rule.id}: quick fixes arrive as code actions; the manifest still parses and passes the schema`, async () => {
      const dir = rule.offByDefault ? path.join(root, 'off-by-default', rule.id) : root;
      fs.mkdirSync(dir, { recursive: true });
      enableIn(dir, rule);
      const file = path.join(dir, `${rule.id}.yaml`);
      fs.writeFileSync(file, rule.docs.bad);
      const uri = pathToFileURL(file).toString();
      const text = rule.docs.bad;
      client.open(uri, text, 'yaml');
      const diags = (await client.diagnostics(uri)).filter((d) => d.code === rule.id);
      assert.ok(diags.length, `${rule.id} not reported by the server`);
      const problems = (t: string) => analyzeManifest(t, { rules: manifestRules, path: file }).findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'k8s-schema').length;
      const before = problems(text);
      let offered = 0;
      for (const d of diags) {
        const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        for (const a of actions.filter((x) => x.diagnostics?.[0]?.code === rule.id && !x.title.startsWith('Ignore '))) {
          offered++;
          const edits = a.edit.documentChanges.filter((c: any) => c.textDocument?.uri === uri).flatMap((c: any) => c.edits);
          const fixed = applyEdits(text, edits);
          assert.ok(problems(fixed) <= before, `"${a.title}" broke the manifest:\n${fixed}`);
        }
      }
      assert.ok(offered, `no quick fix offered for ${rule.id}`);
    });
  }
});
