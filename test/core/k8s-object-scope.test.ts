// Object-scoped manifest rules (`scope: 'object'`) have their results kept per YAML document and rerun only on the
// documents an edit changed (core/k8s/object-results.ts). That is only right when what such a rule reports for an
// object depends on nothing but that object's document: each is held to it here, on every manifest fixture, the
// example, every rule's documented examples and a generated stream, (1) run whole against run on each object alone,
// and (2) an analysis after edits (a document changed, one inserted before the others, one removed, the Kubernetes
// version changed) against a fresh analysis of the same text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { bigManifest } from '../../scripts/bench';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { parseManifest, splitDocuments, type ManifestFile } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import type { ManifestRule } from '../../server/src/core/rule';
import { manifestRules } from '../../server/src/rules';

const scoped = manifestRules.filter((r) => r.scope === 'object');
const root = path.join(__dirname, '..', '..');
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));
const fixtures = [path.join(root, 'examples'), path.join(root, 'test', 'fixtures')].flatMap(walk).map((f) => fs.readFileSync(f, 'utf8'));
const documented = manifestRules.flatMap((r) => [r.docs.bad, r.docs.good]);
/** A Pod as root through its pod-level group, which run-as-root reports once per tree: identical documents share one. */
const ROOT_GROUP_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: g\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsGroup: 0\n  containers:\n    - name: c\n      image: nginx:1.27\n';
/** Every documented example and fixture as one stream, each twice (identical documents share a parsed tree), and a generated one. */
const streams = [
  [...fixtures, ...documented, ROOT_GROUP_POD].flatMap((t) => [t, t]).map((t) => t.replace(/\n*$/, '\n')).join('---\n'),
  bigManifest(3000),
  ...fixtures,
];

const CUSTOM = [{ name: 'team', template: 'required-label' as const, key: 'team', value: /^[a-z]+$/ }];

function findings(text: string, filePath: string, kubernetesVersion = '1.31') {
  return analyzeManifest(text, { rules: scoped, path: filePath, kubernetesVersion, workspace: new ManifestWorkspace() }).findings;
}

let fresh = 0;
/** A path never analysed before: no document of it has kept results. */
const freshPath = () => `/fresh/${++fresh}.yaml`;

function edits(text: string): Array<[string, string]> {
  const docs = splitDocuments(text).map(([s, e]) => text.slice(s, e));
  const middle = Math.floor(docs.length / 2);
  const changed = [...docs];
  changed[middle] = changed[middle].replace(/name: (\S+)/, 'name: $1-edited');
  const first = docs[0].startsWith('---') ? docs[0] : `---\n${docs[0]}`;
  return [
    ['a document changed', changed.join('')],
    ['a document inserted before the others', `${docs[middle].replace(/^---\n?/, '').replace(/\n*$/, '\n')}${first}${docs.slice(1).join('')}`],
    ['the first document removed', docs.slice(1).join('').replace(/^---\n?/, '')],
  ];
}

describe('object-scoped manifest rules', () => {
  it('are most of the manifest rules', () => {
    assert.ok(scoped.length >= 40, `${scoped.length}: ${scoped.map((r) => r.id).join(', ')}`);
  });

  it('report for each object what they report for it alone', () => {
    for (const text of streams) {
      const file = parseManifest(text, freshPath());
      const ctx = { file, workspace: new ManifestWorkspace().with(file), kubernetesVersion: '1.31', customChecks: CUSTOM };
      for (const rule of scoped) {
        const whole = sorted(rule.check(ctx));
        // Alone: the file and the workspace hold that object only.
        const alone = sorted(
          file.objects.flatMap((obj) => {
            const view = only(file, obj);
            return rule.check({ ...ctx, file: view, workspace: new ManifestWorkspace().with(view) });
          }),
        );
        assert.deepEqual(alone, whole, `${rule.id} on a ${text.length}-character stream`);
      }
    }
  });

  for (const [index, text] of streams.entries()) {
    it(`after edits report what a fresh analysis reports (stream ${index + 1} of ${streams.length}, ${text.split('\n').length} lines)`, () => {
      const owner = freshPath();
      assert.deepEqual(findings(text, owner), findings(text, freshPath()));
      for (const [what, edited] of edits(text)) {
        assert.deepEqual(findings(edited, owner), findings(edited, freshPath()), what);
        // And back: the documents of the first text come back from the parse cache with their kept results.
        assert.deepEqual(findings(text, owner), findings(text, freshPath()), `${what}, undone`);
      }
      assert.deepEqual(findings(text, owner, '1.20'), findings(text, freshPath(), '1.20'), 'another Kubernetes version');
    });
  }

  it('keep results: an unchanged document is not checked again', () => {
    const owner = freshPath();
    const text = bigManifest(2000);
    let calls = 0;
    const counting: ManifestRule = { ...scoped[0], check: (ctx) => (calls += ctx.file.objects.length, scoped[0].check(ctx)) };
    const run = (t: string) => analyzeManifest(t, { rules: [counting], path: owner, workspace: new ManifestWorkspace() });
    const objects = run(text).file.objects.length;
    assert.equal(calls, objects);
    run(text.replace('name: app-3', 'name: app-3x'));
    assert.equal(calls - objects, 1, 'only the changed object is checked again');
  });
});

function only(file: ManifestFile, obj: ManifestFile['objects'][number]): ManifestFile {
  return { ...file, objects: [obj], docs: [obj.doc] };
}

function sorted<T extends { range: { start: { line: number; character: number } }; message: string }>(hits: T[]): T[] {
  return [...hits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.message.localeCompare(b.message));
}
