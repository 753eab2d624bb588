// ShellCheck's answers kept on disk between CLI runs (tools/shellcheck-answers.ts): keyed by the binary, the
// options and the text; a changed binary misses; entries unused for 30 days are pruned, at most once a day.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { diskAnswers } from '../../server/src/tools/shellcheck-answers';

const DAY = 24 * 60 * 60 * 1000;
const comment = (code: number) => ({ line: 3, endLine: 3, column: 6, endColumn: 8, level: 'info' as const, code, message: `m${code}`, fix: null });

describe('ShellCheck answers kept on disk', () => {
  let dir: string;
  let binary: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-answers-'));
    binary = path.join(dir, 'shellcheck');
    fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads what was written for the same binary, options and text only', () => {
    const kept = path.join(dir, 'a');
    diskAnswers(kept, binary, '--norc')!.write([['echo $x\n', [comment(2086)]], ['true\n', []]]);
    const again = diskAnswers(kept, binary, '--norc')!.read(['echo $x\n', 'true\n', 'other\n']);
    assert.deepEqual([...again.keys()], ['echo $x\n', 'true\n']);
    assert.deepEqual(again.get('echo $x\n'), [comment(2086)]);
    assert.equal(diskAnswers(kept, binary, '--norc --other')!.read(['echo $x\n']).size, 0, 'other options');
    fs.utimesSync(binary, new Date(Date.now() + DAY), new Date(Date.now() + DAY));
    assert.equal(diskAnswers(kept, binary, '--norc')!.read(['echo $x\n']).size, 0, 'a changed binary');
    assert.equal(diskAnswers(kept, path.join(dir, 'missing'), '--norc'), undefined);
  });

  it('prunes entries unused for 30 days, at most once a day; a read counts as a use', () => {
    const kept = path.join(dir, 'b');
    const now = Date.now();
    const answers = diskAnswers(kept, binary, '', now)!;
    answers.write([['old\n', []], ['used\n', []], ['recent\n', []]]);
    const files = () => fs.readdirSync(kept).filter((s) => !s.startsWith('.')).flatMap((s) => fs.readdirSync(path.join(kept, s)).map((n) => path.join(kept, s, n)));
    const old = new Date(now - 31 * DAY);
    for (const f of files()) fs.utimesSync(f, old, old);
    const later = now + DAY + 1000;
    // `used` is read (a use), then a write prunes: `old` goes, `used` stays, the new entry too.
    const next = diskAnswers(kept, binary, '', later)!;
    assert.equal(next.read(['used\n']).size, 1);
    next.write([['new\n', []]]);
    assert.deepEqual([...next.read(['old\n', 'used\n', 'recent\n', 'new\n']).keys()], ['used\n', 'new\n']);
    // Within a day of that prune, an old entry is left alone.
    for (const f of files()) fs.utimesSync(f, old, old);
    diskAnswers(kept, binary, '', later + 1000)!.write([['newer\n', []]]);
    assert.equal(files().length, 3);
  });
});
