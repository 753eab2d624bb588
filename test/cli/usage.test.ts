// `stevedore --version` and `--help`: what a CI log shows before anything is linted.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseLintArgs, USAGE, UsageError } from '../../server/src/cli/args';
import { runCli } from './run';

const { version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

describe('stevedore --version and --help', () => {
  it('--version, -v and lint --version print the package.json version', () => {
    for (const args of [['--version'], ['-v'], ['lint', '--version']]) {
      const r = runCli(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.equal(r.stdout, `${version}\n`, args.join(' '));
    }
  });

  it('--help lists every option and exits 0; no arguments prints it to stderr and exits 2', () => {
    const help = runCli(['--help']);
    assert.equal(help.code, 0);
    for (const option of ['--format text|json|sarif', '--fix', '--fail-on', '--config FILE', '--stdin-filename NAME', '--color', '--no-color', '--debug', '--help', '--version']) {
      assert.ok(help.stdout.includes(option), option);
    }
    assert.match(help.stdout, /NO_COLOR/);
    assert.match(help.stdout, /FORCE_COLOR/);
    assert.match(help.stdout, /STEVEDORE_DEBUG/);
    assert.equal(runCli(['lint', '--help']).stdout, help.stdout);
    const bare = runCli([]);
    assert.equal(bare.code, 2);
    assert.equal(bare.stdout, '');
    assert.equal(bare.stderr, help.stdout);
  });

  it('every long option the help names is one the parser accepts', () => {
    // The first mention of each option is its line in the Options list, with the value it takes.
    const options = new Map<string, string | undefined>();
    for (const m of USAGE.matchAll(/(--[a-z-]+)( [A-Za-z|]+)?/g)) if (!options.has(m[1])) options.set(m[1], m[2]?.trim());
    options.delete('--help');
    options.delete('--version');
    assert.ok(options.size >= 8);
    for (const [option, valueShape] of options) {
      const value = valueShape === undefined ? [] : [valueShape.includes('|') ? valueShape.split('|')[0] : 'x'];
      assert.doesNotThrow(() => parseLintArgs([option, ...value, 'Dockerfile']), option);
    }
    assert.throws(() => parseLintArgs(['--colour', 'Dockerfile']), UsageError);
  });
});
