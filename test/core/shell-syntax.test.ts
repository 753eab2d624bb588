// commandsOf (core/dockerfile/shell-syntax.ts) reads tree-sitter-bash's tree as the shell reads the script. The
// grammar nests a list inside a pipeline of three or more stages (`a | b | c && d` as `a | ((b | c) && d)`, and
// `a | b | c⏎d && e` even with `d` as an argument of `c`); written with `; ` instead of `&&` and `||`, the same
// script parses as the shell reads it. So commandsOf must give every script the commands and pipelines of that
// rewrite — which the grammar parses without the misnesting — offset for offset.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { loadedShellParser } from '../../server/src/core/dockerfile/shell-parser';
import { commandsOf } from '../../server/src/core/dockerfile/shell-syntax';
import type { ShellCommand } from '../../server/src/core/dockerfile/shell';
import { mulberry32 } from '../fuzz/prng';

function commands(source: string): ShellCommand[] {
  const tree = loadedShellParser()!.parse(source)!;
  try {
    return commandsOf(tree.rootNode, source).commands;
  } finally {
    tree.delete();
  }
}

/** Whether the grammar nests a list directly inside a pipeline somewhere in `source`. */
function listInPipeline(source: string): boolean {
  const tree = loadedShellParser()!.parse(source)!;
  try {
    return tree.rootNode.descendantsOfType('pipeline').some((p) => p?.namedChildren.some((c) => c?.type === 'list'));
  } finally {
    tree.delete();
  }
}

/** `source` with its `&&` and `||` operators (outside quotes) written `; `: the same offsets, commands and pipelines. */
function listsAsSequences(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      const to = end < 0 ? source.length : end + 1;
      out += source.slice(i, to);
      i = to - 1;
    } else if ((c === '&' || c === '|') && source[i + 1] === c) {
      out += '; ';
      i++;
    } else out += c;
  }
  return out;
}

/** Commands as compared: name, arguments, offsets and pipeline stage (ids renumbered in order of appearance). */
function shape(cmds: ShellCommand[]): unknown[] {
  const ids = new Map<number, number>();
  return cmds.map((c) => ({
    name: c.name,
    args: c.args.map((a) => a.value),
    assignments: c.assignments.map((a) => a.raw),
    start: c.start,
    end: c.end,
    pipeline: c.pipeline && { index: c.pipeline.index, length: c.pipeline.length, id: ids.get(c.pipeline.id) ?? ids.set(c.pipeline.id, ids.size).size - 1 },
  }));
}

const NAMES = ['apt-get', 'curl', 'sh', 'tar', 'grep', 'sudo apt-get', 'A=1 make', 'echo'];
const WORDS = ['-fsSL', 'https://x/y', '-y', 'curl', '"a b"', "'c d'", '$HOME', '${A:-x}', '$(id -u)', '`uname`', '$1', '"$(cat f)"', 'x*', '-xz', '/tmp/x'];
const LINKS = [' | ', ' | ', '|', ' && ', ' || ', '; ', '\n', ' &&\n', ' | \\\n  ', ' 2>&1 | ', ' > f && ', ' >/dev/null || '];

describe('commandsOf reads pipelines as the shell does', () => {
  before(() => initShellParser());

  it('a pipeline of three stages before && or || is one pipeline, and the command after it is not a stage', () => {
    assert.deepEqual(
      shape(commands('a | b | c && d')).map((c) => [(c as { name: string }).name, (c as { pipeline?: { index: number; length: number } }).pipeline]),
      [
        ['a', { index: 0, length: 3, id: 0 }],
        ['b', { index: 1, length: 3, id: 0 }],
        ['c', { index: 2, length: 3, id: 0 }],
        ['d', undefined],
      ],
    );
    // The line break ends `c` (the grammar makes `d` an argument of it).
    assert.deepEqual(
      commands('a | b | c x\nd y && e').map((c) => [c.name, c.args.map((a) => a.value)]),
      [['a', []], ['b', []], ['c', ['x']], ['d', ['y']], ['e', []]],
    );
    // An escaped line break continues the command.
    assert.deepEqual(commands('a | b | c x \\\n y && e').map((c) => [c.name, c.args.map((a) => a.value)]), [['a', []], ['b', []], ['c', ['x', 'y']], ['e', []]]);
  });

  it("gives 20,000 generated scripts the commands and pipelines of the same script with `; ` for && and ||", () => {
    const rng = mulberry32(20261208);
    let misnested = 0;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const n = 2 + rng.int(5);
      for (let i = 0; i < n; i++) {
        s += rng.pick(NAMES);
        for (let j = rng.int(3); j > 0; j--) s += ' ' + rng.pick(WORDS);
        if (i < n - 1) s += rng.pick(LINKS);
      }
      if (listInPipeline(s)) misnested++;
      assert.deepEqual(shape(commands(s)), shape(commands(listsAsSequences(s))), `script ${JSON.stringify(s)}`);
    }
    // The shape the grammar misreads must be common among them, or this test checks little.
    assert.ok(misnested > 600, `${misnested} scripts with a list inside a pipeline`);
  });
});
