// Issue 12's "done when": `stevedore lint --format json` reports every hadolint code and every BuildKit check name (as
// an alias) on Dockerfiles that break them — each registered rule's documented bad example, in a folder of its own
// with the configuration its docs name, linted by the built CLI in one run.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dockerfileRules } from '../../server/src/rules';
import { BUILDKIT_CHECKS, HADOLINT_CODES } from '../../scripts/migrating-doc';
import { TYPICAL_CONTEXT } from '../helpers/context';
import { runCli } from './run';

describe('peer codes in the CLI output', () => {
  let dir: string;
  const reported = new Set<string>();
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-codes-'));
    for (const rule of dockerfileRules) {
      if (rule.id === 'syntax') continue;
      const folder = path.join(dir, rule.id);
      fs.mkdirSync(folder);
      const text = /^FROM\s/im.test(rule.docs.bad) ? rule.docs.bad : `FROM debian:12\n${rule.docs.bad}`;
      fs.writeFileSync(path.join(folder, 'Dockerfile'), text + '\n');
      const on = rule.offByDefault ? `rules:\n  ${rule.id}: ${rule.severity}\n` : '';
      if (rule.docs.config || on) fs.writeFileSync(path.join(folder, '.stevedore.yaml'), (rule.docs.config ?? '') + on);
      // The build context the docs examples assume (test/core/rule-docs.test.ts): a typical service's files.
      for (const [rel, content] of Object.entries(TYPICAL_CONTEXT)) {
        fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
        fs.writeFileSync(path.join(folder, rel), content);
      }
      if (rule.id !== 'missing-dockerignore') fs.writeFileSync(path.join(folder, '.dockerignore'), rule.id === 'dockerignore-gap' ? '*.log\n' : '.git\nnode_modules\n.env\n');
    }
    const r = runCli(['lint', '--format', 'json', dir], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    for (const file of JSON.parse(r.stdout).files) for (const f of file.findings) for (const a of f.aliases) reported.add(a.toLowerCase());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every hadolint code', () => {
    assert.deepEqual(HADOLINT_CODES.filter((c) => !reported.has(c.toLowerCase())), []);
  });

  it('every BuildKit check a linter can run offline', () => {
    const offline = Object.entries(BUILDKIT_CHECKS).filter(([, why]) => !why).map(([name]) => name);
    assert.deepEqual(offline.filter((c) => !reported.has(c.toLowerCase())), []);
  });
});
