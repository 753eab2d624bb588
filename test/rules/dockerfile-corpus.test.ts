// A corpus of real-world-style Dockerfiles written the way their ecosystems recommend (Debian, Alpine, RHEL-family,
// openSUSE, multi-stage, heredocs, ONBUILD, BuildKit mounts): every rule runs on each without throwing, and none
// reports an error on these known-good files — a false positive here is one every user of that stack would see.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { MemoryContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { dockerfileRules } from '../../server/src/rules';
import { fmtRange } from '../helpers/ruleTable';

const DIR = path.resolve(__dirname, '../fixtures/dockerfiles');
const CONTEXT = { '.dockerignore': '.git\nnode_modules\n.env\n', 'requirements.txt': 'flask==3.0.3\n', 'package.json': '{}', 'package-lock.json': '{}', 'go.mod': 'module x\n', 'go.sum': '', 'pom.xml': '<project/>', 'Cargo.toml': '', 'Cargo.lock': '', 'Gemfile': '', 'Gemfile.lock': '', 'src/main.rs': '', 'conf/httpd.conf': '', 'nginx.conf': '', 'nginx/default.conf': '', 'target/app.jar': '' };

describe('Dockerfile corpus', () => {
  before(() => initShellParser());
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.Dockerfile')).sort();

  it('has files of every family', () => {
    assert.ok(files.length >= 12, files.join());
  });

  for (const file of files) {
    it(`${file}: no rule throws and none reports an error`, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const findings = analyzeDockerfile(text, {
        rules: dockerfileRules,
        context: new MemoryContext(CONTEXT),
        path: '/ctx/Dockerfile',
        onRuleError: (id, e) => assert.fail(`${id} threw on ${file}: ${(e as Error).stack}`),
      });
      const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${fmtRange(f.range)} ${f.message}`);
      assert.deepEqual(errors, []);
      if (process.env.STEVEDORE_SHOW_CORPUS) console.log(file, findings.map((f) => `\n  ${f.severity} ${f.ruleId} ${fmtRange(f.range)} ${f.message}`).join(''));
    });
  }
});
