// The shell parser is never given a script that could exhaust it, and recovers when its WebAssembly instance fails.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile, analyzeDockerfileModel } from '../../server/src/core/dockerfile/analyze';
import { initShellParser, parseShell, shellCacheBytes } from '../../server/src/core/dockerfile/shell';
import { SHELL_LIMITS } from '../../server/src/core/dockerfile/shell-limits';
import { dockerfileRules } from '../../server/src/rules';

const fuzzerPipes = 'FROM a\nRUN a -f' + ' | a'.repeat(14000);

function ids(text: string): string[] {
  return analyzeDockerfile(text, { rules: dockerfileRules, onRuleError: (id, e) => assert.fail(`${id}: ${String(e)}`) }).map((f) => f.ruleId);
}

describe('shell parser limits and recovery', () => {
  before(() => initShellParser());

  it('a 14,000-stage pipe chain is not parsed: one information finding on the RUN, quickly', () => {
    analyzeDockerfile('FROM a\nRUN a | b\n', { rules: dockerfileRules }); // warm-up
    const started = Date.now();
    const findings = analyzeDockerfile(fuzzerPipes, { rules: dockerfileRules });
    const elapsed = Date.now() - started;
    const skipped = findings.filter((f) => f.ruleId === 'analysis-incomplete');
    // At 56 KB the instruction itself is over the instruction limit: dockerfile-ast and the shell parser see its first KB.
    assert.deepEqual(skipped.map((f) => [f.severity, f.message]), [['info', 'Instruction too large to analyze (55 KB); it was not checked']]);
    assert.deepEqual(skipped[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    // Parsing it took 6.7 s and 2.2 GB before aborting; the rest of the analysis takes well under a second.
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
    assert.ok(process.memoryUsage().rss < 1024 * 1024 * 1024, 'the parser did not grow');
  });

  it('a 3,000-stage pipe chain (12 KB) is within the instruction limit but over the shell limits', () => {
    const findings = analyzeDockerfile('FROM a\nRUN a -f' + ' | a'.repeat(3000), { rules: dockerfileRules });
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'analysis-incomplete').map((f) => [f.message, f.range.start.line]),
      [['RUN too large/complex to analyze (12 KB, up to 3001 commands); shell checks skipped', 1]],
    );
  });

  it('after the pipe chain the same process analyzes ordinary Dockerfiles normally', () => {
    analyzeDockerfile(fuzzerPipes, { rules: dockerfileRules });
    assert.deepEqual(analyzeDockerfileModel('FROM a\nRUN echo hi', { rules: dockerfileRules }).model.runs[0].script.commands.map((c) => c.program), ['echo']);
    assert.ok(ids('FROM debian:12\nRUN apt-get install curl\n').includes('apt-missing-yes'));
  });

  it('limits count pipes, operators and bytes; a script at the limit is still parsed', () => {
    const pipes = (n: number) => 'a' + ' | b'.repeat(n);
    assert.equal(parseShell(pipes(SHELL_LIMITS.pipes)).commands.length, SHELL_LIMITS.pipes + 1);
    assert.equal(parseShell(pipes(SHELL_LIMITS.pipes + 1)).skipped?.reason, 'too-large');
    assert.equal(parseShell('a' + ' && b'.repeat(SHELL_LIMITS.operators + 1)).skipped?.reason, 'too-large');
    assert.equal(parseShell('echo ' + 'x'.repeat(SHELL_LIMITS.bytes)).skipped?.reason, 'too-large');
    assert.equal(parseShell('echo' + ' w'.repeat(SHELL_LIMITS.words - 1)).commands[0].args.length, SHELL_LIMITS.words - 1);
    assert.equal(parseShell('echo' + ' w'.repeat(SHELL_LIMITS.words)).skipped?.reason, 'too-large');
    // `||` is one operator, not two pipes.
    assert.equal(parseShell('a' + ' || b'.repeat(SHELL_LIMITS.pipes + 1)).skipped, undefined);
  });

  it('deeply nested subshells under the limits are walked without overflowing the stack', () => {
    const depth = 1900;
    const script = parseShell('echo ' + '$(a '.repeat(depth) + ')'.repeat(depth));
    assert.equal(script.skipped, undefined);
    assert.equal(script.commands.length, depth + 1);
  });

  it('a WebAssembly failure reloads the parser: the failing RUN says so, later parses succeed', async () => {
    const library = require('web-tree-sitter') as typeof import('web-tree-sitter');
    const { Parser } = library;
    const parse = Parser.prototype.parse;
    let failures = 0;
    // What an out-of-memory abort throws; from then on the old instance is never called again.
    Parser.prototype.parse = function () {
      failures++;
      throw new (globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }).WebAssembly.RuntimeError('Aborted(). Build with -sASSERTIONS for more info.');
    };
    let analysis;
    try {
      // Not a plain command list (a positional parameter), so the grammar parses it (plain ones never reach it: shell-simple.ts).
      analysis = analyzeDockerfile('FROM debian:12\nRUN apt-get install wasm-abort $1\n', { rules: dockerfileRules });
    } finally {
      Parser.prototype.parse = parse;
    }
    assert.equal(failures, 1);
    assert.deepEqual(
      analysis.filter((f) => f.ruleId === 'analysis-incomplete').map((f) => f.message),
      ['The shell parser failed on this RUN (29 bytes) and is being restarted; shell checks skipped'],
    );
    await initShellParser();
    // A fresh copy of the library (its module instance is never reused after a failure), and it parses.
    assert.notEqual(require('web-tree-sitter'), library);
    assert.ok(ids('FROM debian:12\nRUN apt-get install after-abort $1\n').includes('apt-missing-yes'));
  });

  it('the parse cache is bounded in bytes, not entries', () => {
    for (let i = 0; i < 200; i++) parseShell(`echo ${i} ` + 'x'.repeat(60 * 1024));
    // Full (the scripts are remembered) but within its 16 MB: 200 such scripts are 24 MB.
    assert.ok(shellCacheBytes() > 12 * 1024 * 1024 && shellCacheBytes() <= 16 * 1024 * 1024, `${shellCacheBytes()} bytes cached`);
  });
});
