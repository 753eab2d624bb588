// The simple-script scanner (core/dockerfile/shell-simple.ts) stands in for tree-sitter-bash on plain command lists:
// wherever it answers, its answer must be the grammar's as commandsOf reads it, word for word and offset for offset.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { blankContinuations, buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser, parseShell } from '../../server/src/core/dockerfile/shell';
import { loadedShellParser } from '../../server/src/core/dockerfile/shell-parser';
import { simpleScript } from '../../server/src/core/dockerfile/shell-simple';
import { commandsOf } from '../../server/src/core/dockerfile/shell-syntax';
import type { ShellScript } from '../../server/src/core/dockerfile/shell';
import { bigDockerfile } from '../../scripts/bench';
import { seedCorpus } from '../fuzz/corpus';

/** What tree-sitter-bash and commandsOf make of `source`. */
function byGrammar(source: string): ShellScript {
  const tree = loadedShellParser()!.parse(source)!;
  try {
    return commandsOf(tree.rootNode, source);
  } finally {
    tree.delete();
  }
}

/** The RUN scripts of a Dockerfile as the model hands them to the shell parser. */
function scriptsOf(text: string): string[] {
  const m = buildModel(text);
  return m.runs.filter((r) => !r.execForm).map((r) => (r.heredoc ? text.slice(r.scriptStart, r.scriptEnd) : blankContinuations(text.slice(r.scriptStart, r.scriptEnd), m.escape, false)));
}

/** Checks every script; returns how many the scanner answered. */
function agreeOn(scripts: string[]): number {
  let answered = 0;
  for (const source of scripts) {
    const simple = simpleScript(source);
    if (!simple) continue;
    answered++;
    assert.deepEqual(simple, byGrammar(source), `script ${JSON.stringify(source)}`);
  }
  return answered;
}

const WORDS = [
  'apt-get', 'install', '-y', 'curl', 'pkg==1.2', '--prefix=/install', 'https://example.com/x', 'A=1', 'B+=2', 'a=b', '"a b"', "'c d'",
  'x"y"z', "x'y'", '""', "''", '2', '1.5', '10', '@x', 'a,b', '%x', '+x', ':', '=', '=x', '-', '--', 'sudo', 'env', '-E', '-u', 'gosu',
  'user', 'then', 'if', 'fi', 'export', 'time', 'in', 'do', '"a\nb"', "'it''s'", '"$x"', '$HOME', '*', 'a*', '~/x', '[', ']', '{', '}',
  '(', ')', '#c', 'a#b', '\\x', '!', 'x!', '"!"', "'$x'", 'a\\ b', '$(id)', '`id`', 'rm', '-rf', '/tmp/x', 'pip', 'x2',
  '/var/lib/apt/lists/*', '*.txt', 'a?b', '?', '~', '~/x', 'a~b', '$HOME', '${HOME}', '$HOME/x', '"$HOME"', '"${A}b"', 'x$A', '$A$B', '"a $B c"',
  'A=$B', 'A="$B c"', '${A:-x}', '$1', '$@', '$', '"$"', '"$(x)"', '${A', '$A{b}', '"${A}"x${B}', "'${A}'",
];
const OPERATORS = ['&&', '||', ';', '|', '\n', '>', '>>', '2>&1', '> f', '>>/log', '2>/dev/null', '<in', '&', ';;', '|&', '<<', '>&2', '1>', '&>', '<>'];
const JOINERS = [' ', ' ', ' ', '', '  ', '\t', '\n'];
// What plain scripts are made of: half the generated scripts use only these, so most of them are answered.
// Variables only as `$NAME` or `${NAME}` (parameter operations, positional and special parameters are not plain).
const PLAIN_WORDS = WORDS.filter((w) => /^[A-Za-z0-9_./:=+,@%*?~${}"' -]+$/.test(w) && !/\n/.test(w) && !/\$(?![A-Za-z_]|\{[A-Za-z_][A-Za-z0-9_]*\})|\$[A-Za-z_][A-Za-z0-9_]*\{/.test(w));
const NAMES = ['apt-get', 'sudo', 'env', 'echo', 'pip', 'x2', '1', 'gosu', 'rm', '"a b"', 'A=1 cmd', '$CMD', 'A=$B cmd', '*', 'a?'];
const REDIRECTS = ['> f', '>>/log', '2>&1', '2>/dev/null', '<in', '>&2', '1> x'];
const LINKS = [' && ', ' || ', '; ', ' | ', '\n', '|', '&&\n', ' |\n'];
const PLAIN_OPERATORS = ['&&', '||', ';', '|', '\n', '>', '>>', '2>&1', '> f', '>>/log', '2>/dev/null', '<in', '>&2', '1>'];

describe('simple RUN scripts without the shell grammar', () => {
  before(() => initShellParser());

  it('answers as tree-sitter-bash does on every corpus RUN script, and answers most of them', () => {
    const scripts = seedCorpus()
      .filter((s) => s.kind === 'dockerfile')
      .flatMap((s) => scriptsOf(s.text));
    const answered = agreeOn(scripts);
    if (process.env.SHOW) console.log(answered, scripts.length);
    assert.ok(scripts.length > 100, `${scripts.length} scripts`);
    // Plain command lists are most of what real RUNs hold; a scanner that gave up on them would buy nothing.
    assert.ok(answered / scripts.length > 0.4, `answered ${answered} of ${scripts.length}`);
  });

  it('answers every RUN of the generated benchmark Dockerfile, as the grammar does', () => {
    const scripts = scriptsOf(bigDockerfile(600));
    assert.equal(agreeOn(scripts), scripts.length);
  });

  it('answers as the grammar does on 40,000 generated scripts of words, quotes, operators and redirects', () => {
    let seed = 20261207;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const scripts: string[] = [];
    for (let k = 0; k < 40000; k++) {
      let s = random() < 0.2 ? pick(JOINERS) : '';
      if (k % 3 === 2) {
        // Command lists as RUNs hold them: commands with arguments and redirects between list and pipe operators.
        const n = 1 + Math.floor(random() * 5);
        for (let i = 0; i < n; i++) {
          s += pick(NAMES) + ' ' + Array.from({ length: Math.floor(random() * 4) }, () => pick(PLAIN_WORDS)).join(' ');
          if (random() < 0.3) s += ' ' + pick(REDIRECTS);
          if (i < n - 1) s += pick(LINKS);
        }
      } else {
        const plain = k % 3 === 0;
        const n = 1 + Math.floor(random() * 10);
        for (let i = 0; i < n; i++) s += (random() < 0.75 ? pick(plain ? PLAIN_WORDS : WORDS) : pick(plain ? PLAIN_OPERATORS : OPERATORS)) + pick(JOINERS);
      }
      scripts.push(random() < 0.5 ? s.trimEnd() : s);
    }
    const answered = agreeOn(scripts);
    if (process.env.SHOW) console.log('generated answered', answered);
    assert.ok(answered > 5000, `answered ${answered}`);
  });

  it('gives up on what it cannot decide: parameter operations, keywords, bracket globs, subshells, escapes, heredocs, comments and errors', () => {
    for (const s of ['echo ${A:-x}', 'echo $1', 'if true; then a; fi', 'ls [ab].txt', '(cd x && make)', 'a\\ b', 'cat <<EOF', 'a # c', 'a &&', '&& a', 'a ;; b', 'export A=1', 'a &', 'echo a >f b', 'a && b 2>&1 | c', '[ -f x ]', 'a\r\nb']) {
      assert.equal(simpleScript(s), undefined, s);
    }
  });

  it('is what parseShell returns for a plain script, offsets shifted into the document', () => {
    const source = 'apt-get update && sudo apt-get install -y "curl" 2>/dev/null; echo a | tee /log';
    assert.ok(simpleScript(source));
    assert.deepEqual(parseShell(source, 100), { ...byGrammar(source), commands: byGrammar(source).commands.map((c) => ({ ...c, start: c.start + 100, end: c.end + 100, nameWord: { ...c.nameWord, start: c.nameWord.start + 100, end: c.nameWord.end + 100 }, args: c.args.map((w) => ({ ...w, start: w.start + 100, end: w.end + 100 })), wrappers: c.wrappers.map((w) => ({ ...w, start: w.start + 100, end: w.end + 100 })), assignments: [] })) });
  });
});
