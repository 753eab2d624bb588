// Colour in `stevedore lint` text output: the decision as a table over (flag, environment, terminal), then the
// built CLI end to end (its output is piped here, so colour comes only from a flag or FORCE_COLOR).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { useColor } from '../../server/src/cli/color';
import { runCli } from './run';

const ANSI = /\x1b\[\d+m/;

describe('useColor', () => {
  const cases: [string, boolean | undefined, Record<string, string>, boolean, boolean][] = [
    // name, flag, env, isTTY, expected
    ['terminal', undefined, {}, true, true],
    ['pipe', undefined, {}, false, false],
    ['dumb terminal', undefined, { TERM: 'dumb' }, true, false],
    ['NO_COLOR on a terminal', undefined, { NO_COLOR: '1' }, true, false],
    ['empty NO_COLOR is not set', undefined, { NO_COLOR: '' }, true, true],
    ['FORCE_COLOR=1 into a pipe', undefined, { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR=3 into a pipe', undefined, { FORCE_COLOR: '3' }, false, true],
    ['empty FORCE_COLOR into a pipe', undefined, { FORCE_COLOR: '' }, false, true],
    ['FORCE_COLOR=0 on a terminal', undefined, { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false on a terminal', undefined, { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR wins over NO_COLOR', undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['--color into a pipe', true, {}, false, true],
    ['--color wins over NO_COLOR', true, { NO_COLOR: '1' }, false, true],
    ['--color wins over FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, true, true],
    ['--no-color on a terminal', false, {}, true, false],
    ['--no-color wins over FORCE_COLOR', false, { FORCE_COLOR: '1' }, true, false],
  ];
  for (const [name, flag, env, isTTY, expected] of cases) {
    it(name, () => assert.equal(useColor({ flag, env, isTTY }), expected));
  }
});

describe('stevedore lint colours', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-color-'));
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:12-slim\nRUN echo a\nRUN echo b\nUSER nobody\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lint = (flags: string[], env: Record<string, string> = {}) => runCli(['lint', ...flags, 'Dockerfile'], { cwd: dir, env });

  it('FORCE_COLOR=1 colours the severity', () => {
    const r = lint([], { FORCE_COLOR: '1' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^Dockerfile:3:1: \x1b\[33mwarning\x1b\[0m merge-run /m);
  });

  it('NO_COLOR, a pipe, FORCE_COLOR=0 and --no-color print plain text', () => {
    for (const [flags, env] of [[[], { NO_COLOR: '1' }], [[], {}], [[], { FORCE_COLOR: '0' }], [['--no-color'], { FORCE_COLOR: '1' }]] as const) {
      const r = lint([...flags], env);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^Dockerfile:3:1: warning merge-run /m, `${flags} ${JSON.stringify(env)}`);
      assert.doesNotMatch(r.stdout, ANSI, `${flags} ${JSON.stringify(env)}`);
    }
  });

  it('--color colours even with NO_COLOR set; JSON is never coloured', () => {
    assert.match(lint(['--color'], { NO_COLOR: '1' }).stdout, ANSI);
    assert.doesNotMatch(lint(['--format', 'json'], { FORCE_COLOR: '1' }).stdout, ANSI);
  });
});
