// `--fix` / "fix all" over realistic files: applying every safe fix reaches a fixed point, adds no syntax
// errors, leaves nothing "fixable" behind, and a second run changes nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { fixText } from '../../server/src/cli/fixfile';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { FolderContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { languages, rulesById } from '../../server/src/rules';
import { dockerfileRules } from '../../server/src/rules/dockerfile';
import { TYPICAL_CONTEXT } from '../helpers/context';

const EXAMPLES = path.resolve(__dirname, '../../examples');

function cases(): Array<{ name: string; text: string }> {
  const list = dockerfileRules
    .filter((r) => r.id !== 'syntax')
    .map((r) => ({ name: `bad example of ${r.id}`, text: /^FROM\s/im.test(r.docs.bad) ? r.docs.bad : `FROM debian:12\n${r.docs.bad}` }));
  for (const dir of fs.readdirSync(EXAMPLES)) {
    const file = path.join(EXAMPLES, dir, 'Dockerfile');
    if (fs.existsSync(file)) list.push({ name: `examples/${dir}/Dockerfile`, text: fs.readFileSync(file, 'utf8') });
  }
  return list;
}

describe('fixing everything that is safe to fix', () => {
  before(() => initShellParser());

  for (const c of cases()) {
    it(c.name, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-fix-'));
      try {
        for (const [rel, content] of Object.entries(TYPICAL_CONTEXT)) {
          fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
          fs.writeFileSync(path.join(dir, rel), content);
        }
        const options = { path: path.join(dir, 'Dockerfile'), context: new FolderContext(dir) };
        const target = { language: languages.dockerfile, env: options };
        const syntaxBefore = analyzeDockerfile(c.text, { ...options, rules: dockerfileRules }).filter((f) => f.ruleId === 'syntax').length;
        const first = fixText(c.text, target);
        const after = analyzeDockerfile(first.text, { ...options, rules: dockerfileRules });
        assert.ok(after.filter((f) => f.ruleId === 'syntax').length <= syntaxBefore, `fixes added a syntax error:\n${first.text}`);
        const input = { text: first.text, ...options };
        const leftover = after.filter((f) => (rulesById.get(f.ruleId)?.fixes ?? []).some((fix) => fix.safe && fix.apply(input, f)));
        assert.deepEqual(leftover.map((f) => f.ruleId), [], `still fixable after --fix:\n${first.text}`);
        const second = fixText(first.text, target);
        assert.equal(second.text, first.text, 'a second run changed the file');
        assert.deepEqual(second.fixed, []);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
