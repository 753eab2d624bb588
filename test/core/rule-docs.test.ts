// Every registered rule documents itself with examples that really behave as documented: the "bad" example
// triggers the rule, the "good" one does not, and every id/alias is unique.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { MemoryContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { allRules } from '../../server/src/rules';
import { dockerfileRules } from '../../server/src/rules/dockerfile';
import { manifestRules } from '../../server/src/rules/k8s';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { TYPICAL_CONTEXT } from '../helpers/context';
import { answerShellcheck } from '../helpers/shellcheck';
import { parseStevedoreConfig, type Config } from '../../server/src/core/config';
import type { RuleMeta } from '../../server/src/core/rule';

/** The configuration a rule's examples assume (docs.config), with the rule turned on when it is off by default. */
function exampleConfig(rule: RuleMeta): Config {
  const layers = rule.docs.config ? [parseStevedoreConfig('/ctx/.stevedore.yaml', rule.docs.config)] : [];
  if (rule.offByDefault) layers.push({ source: 'test', rules: [[rule.id, rule.severity]] });
  return { layers };
}


describe('rule metadata', () => {
  before(() => initShellParser());
  // The shellcheck rule reads ShellCheck's answers: the real ShellCheck answers for its examples first.
  before(() => answerShellcheck(dockerfileRules.filter((r) => r.id === 'shellcheck').flatMap((r) => [r.docs.bad, r.docs.good])));

  it('ids are unique, no alias is another rule\'s id, and docs are complete', () => {
    // An alias may name several rules (BuildKit's MultipleInstructionsDisallowed covers CMD, ENTRYPOINT and HEALTHCHECK).
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'a rule id is used twice');
    for (const r of allRules) for (const a of r.aliases) assert.ok(!ids.includes(a.toLowerCase()), `alias ${a} of ${r.id} is a rule id`);
    for (const r of allRules) {
      assert.match(r.id, /^[a-z][a-z0-9-]*$/);
      assert.ok(r.docs.summary && r.docs.why && r.docs.bad && r.docs.good, `${r.id} docs`);
      for (const f of r.fixes ?? []) assert.ok(f.id && f.title, `${r.id} fix`);
    }
  });

  it('every rule module is registered', () => {
    // A module beside the registry that exports a rule no list holds would be dead code that looks alive.
    const registered = new Set(allRules.map((r) => r.id));
    for (const kind of ['dockerfile', 'k8s']) {
      const dir = path.resolve(__dirname, `../../server/src/rules/${kind}`);
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
        const ids = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^\s*id: '([a-z0-9-]+)',$/gm)].map((m) => m[1]);
        for (const id of ids.slice(0, 1)) assert.ok(registered.has(id), `${kind}/${file} defines rule ${id}, which is not in the registry`);
      }
    }
  });

  it('every rule has its own test table', () => {
    const missing = [
      ...dockerfileRules.filter((r) => !fs.existsSync(path.resolve(__dirname, `../rules/dockerfile/${r.id}.test.ts`))),
      ...manifestRules.filter((r) => !fs.existsSync(path.resolve(__dirname, `../rules/k8s/${r.id}.test.ts`))),
    ];
    assert.deepEqual(missing.map((r) => r.id), []);
  });

  for (const rule of manifestRules) {
    it(`${rule.id}: the documented bad manifest triggers it and the good one does not`, () => {
      // Examples are self-contained: cross-object rules put every object they need into the example.
      const run = (text: string) => analyzeManifest(text, { rules: [rule], path: '/ws/example.yaml', config: exampleConfig(rule) }).findings;
      assert.ok(run(rule.docs.bad).length > 0, `bad example of ${rule.id} is silent:\n${rule.docs.bad}`);
      assert.deepEqual(run(rule.docs.good).map((f) => f.message), [], `good example of ${rule.id} triggers it`);
    });
  }

  for (const rule of dockerfileRules) {
    if (rule.id === 'syntax') continue;
    it(`${rule.id}: the documented bad example triggers it and the good one does not`, () => {
      // missing-dockerignore needs a context without .dockerignore; the others get one that has a complete one.
      const files = { ...TYPICAL_CONTEXT, ...(rule.id === 'missing-dockerignore' ? {} : { '.dockerignore': '.git\nnode_modules\n.env\n' }) };
      if (rule.id === 'dockerignore-gap') files['.dockerignore'] = '*.log\n';
      const run = (text: string, withGap = false) => {
        const ctx = { ...files };
        if (!withGap && rule.id === 'dockerignore-gap') ctx['.dockerignore'] = '.git\nnode_modules\n.env\nvenv\n.venv\n';
        if (!withGap && rule.id === 'missing-dockerignore') ctx['.dockerignore'] = '.git\n';
        // Short examples without FROM are shown as the tail of a Debian-based final stage.
        if (!/^FROM\s/im.test(text)) text = `FROM debian:12\n${text}`;
        return analyzeDockerfile(text, { rules: [rule], context: new MemoryContext(ctx), path: '/ctx/Dockerfile', config: exampleConfig(rule) });
      };
      assert.ok(run(rule.docs.bad, true).length > 0, `bad example of ${rule.id} is silent:\n${rule.docs.bad}`);
      assert.deepEqual(run(rule.docs.good).map((f) => f.message), [], `good example of ${rule.id} triggers it`);
    });
  }
});
