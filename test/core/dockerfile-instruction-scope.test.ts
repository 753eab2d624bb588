// Instruction-scoped Dockerfile rules (`scope: 'instruction'`) have their results kept per instruction and rerun only
// on the instructions an edit changed (core/dockerfile/instruction-results.ts). That is only right when what such a
// rule reports for an instruction depends on nothing but that instruction's lines and the file's structure
// (directives, FROM, SHELL, ARG, ENV). Each is held to it here, on every Dockerfile fixture and example, every
// rule's documented examples, all of them in one file, and a generated file: (1) run whole against run on each
// instruction alone (every other instruction that is not structural blanked), and (2) analyses after edits (an
// instruction changed, one inserted, one removed, offsets shifted on one line, every line moved, a structural one
// changed, CRLF)
// against fresh analyses of the same texts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { bigDockerfile } from '../../scripts/bench';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { forgetInstructionResults, KEEP_FROM_INSTRUCTIONS } from '../../server/src/core/dockerfile/instruction-results';
import { buildModel, buildModelAside } from '../../server/src/core/dockerfile/model';
import { parseAside } from '../../server/src/core/dockerfile/parse';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import type { DockerfileRule } from '../../server/src/core/rule';
import type { Finding, RuleHit } from '../../server/src/core/types';
import { dockerfileRules } from '../../server/src/rules';

const scoped = dockerfileRules.filter((r) => r.scope === 'instruction');
const root = path.join(__dirname, '..', '..');
const STRUCTURAL = new Set(['FROM', 'SHELL', 'ARG', 'ENV']);
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /Dockerfile/i.test(e.name) ? [path.join(dir, e.name)] : []));
const fixtures = [path.join(root, 'examples'), path.join(root, 'test', 'fixtures')].flatMap(walk).map((f) => fs.readFileSync(f, 'utf8'));
const documented = dockerfileRules.flatMap((r) => [r.docs.bad, r.docs.good]).filter((t): t is string => typeof t === 'string' && t.length > 0);
/** Every example and fixture in one file (escape directives dropped: they only count at the top). */
const together = [...documented, ...fixtures].map((t) => t.replace(/^#\s*(escape|syntax|check)\s*=.*$/gim, '').replace(/\n*$/, '\n')).join('\n');
const texts = [...fixtures, ...documented, together, together.replace(/\n/g, '\r\n'), bigDockerfile(400)];
const PATH = '/ctx/Dockerfile';

/** `text` with every instruction blanked (to spaces, line breaks kept) that is neither structural nor one of `keep`. */
function restricted(text: string, keep: Set<number>): string {
  const model = buildModelAside(text);
  const lineStart = (line: number) => model.offsetAt({ line, character: 0 });
  let out = '';
  let at = 0;
  model.ast.getInstructions().forEach((ins, i) => {
    if (keep.has(i) || STRUCTURAL.has(ins.getKeyword())) return;
    const start = lineStart(ins.getRange().start.line);
    const end = lineStart(ins.getRange().end.line + 1);
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  });
  return out + text.slice(at);
}

function sorted<T extends RuleHit>(hits: T[]): T[] {
  return [...hits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.message.localeCompare(b.message));
}

let fresh = 0;
/** An analysis that keeps results and uses those kept, or (keep false) a fresh one: nothing kept, nothing used. */
function analyze(text: string, keep: boolean): Finding[] {
  if (!keep) forgetInstructionResults();
  return analyzeDockerfile(text, { rules: dockerfileRules, path: PATH, keepResults: keep }).map((f) => ({ ...f }));
}

describe('instruction-scoped Dockerfile rules', () => {
  before(async () => {
    await initShellParser();
  });

  it('are many of the Dockerfile rules', () => {
    assert.ok(scoped.length >= 25, `${scoped.length}: ${scoped.map((r) => r.id).join(', ')}`);
  });

  it('report for each instruction what they report for it alone', () => {
    for (const text of texts) {
      const model = buildModel(text);
      const instructions = model.ast.getInstructions();
      const ctx = { model, path: PATH };
      const whole = new Map(scoped.map((rule) => [rule, sorted(rule.check(ctx))]));
      const alone = new Map<DockerfileRule, RuleHit[]>(scoped.map((rule) => [rule, []]));
      instructions.forEach((ins, i) => {
        const view = buildModelAside(restricted(text, new Set([i])));
        const { start, end } = ins.getRange();
        for (const rule of scoped) {
          // Hits of the structural instructions kept beside it are theirs: only this instruction's count.
          const own = rule.check({ ...ctx, model: view }).filter((h) => h.range.start.line >= start.line && h.range.start.line <= end.line);
          for (const h of own) assert.ok(h.range.end.line <= end.line, `${rule.id}: a hit beyond its instruction (line ${start.line + 1})`);
          alone.get(rule)!.push(...own);
        }
      });
      for (const rule of scoped) assert.deepEqual(sorted(alone.get(rule)!), whole.get(rule), `${rule.id} on a ${text.length}-character text`);
      fresh++;
    }
    assert.ok(fresh > 0);
  });

  // And a file past the 128 KB that is analyzed (its rest is not).
  const large = [...texts, bigDockerfile(4500)].filter((t) => parseAside(t).ast.getInstructions().length >= KEEP_FROM_INSTRUCTIONS);
  for (const [index, text] of large.entries()) {
    it(`after edits report what a fresh analysis reports (text ${index + 1} of ${large.length}, ${text.split('\n').length} lines)`, () => {
      const lines = text.split('\n');
      const middle = Math.floor(lines.length / 2);
      const at = (from: number, re: RegExp) => {
        for (let i = from; i < lines.length; i++) if (re.test(lines[i]) && !/\\\r?$/.test(lines[i]) && !/\\\r?$/.test(lines[i - 1] ?? '')) return i;
        return -1;
      };
      const run = at(middle, /^RUN /);
      const env = at(0, /^ENV /);
      const single = at(3, /^(WORKDIR|LABEL|EXPOSE|USER|COPY) /);
      const first = at(0, /^[A-Za-z]+\s/);
      const edit = (i: number, f: (line: string) => string) => (i < 0 ? text : [...lines.slice(0, i), f(lines[i]), ...lines.slice(i + 1)].join('\n'));
      const edits: Array<[string, string]> = [
        ['a RUN changed', edit(run, (l) => l.replace(/^RUN /, 'RUN sudo apt-get install curl && cd /tmp && ') )],
        ['an instruction inserted', edit(middle, (l) => `RUN apt-get install -y wget\n${l}`)],
        ['an instruction removed', edit(single, () => '')],
        ['offsets shifted on one line', edit(Math.max(single, 0), (l) => l.replace(' ', '   '))],
        ['a line inserted above the first instruction', edit(first, (l) => `\n${l}`)],
        ['a structural instruction changed', edit(env, (l) => `${l}_CHANGED`)],
        ['the first text again', text],
      ];
      const kept: Array<[string, Finding[]]> = [['the text', analyze(text, true)]];
      for (const [what, edited] of edits) kept.push([what, analyze(edited, true)]);
      const all: Array<[string, string]> = [['the text', text], ...edits];
      all.forEach(([what, t], k) => assert.deepEqual(kept[k][1], analyze(t, false), what));
    });
  }

  it('keep results: after an edit only the changed instruction is checked again', () => {
    const text = bigDockerfile(300);
    const rule = scoped.find((r) => r.id === 'cd-in-run') ?? scoped[0];
    const seen: number[] = [];
    const counting: DockerfileRule = { ...rule, check: (ctx) => (seen.push(ctx.model.ast.getInstructions().filter((i) => !STRUCTURAL.has(i.getKeyword())).length), rule.check(ctx)) };
    forgetInstructionResults();
    const run = (t: string, keepResults = true) => analyzeDockerfile(t, { rules: [counting], path: PATH, keepResults });
    const first = run(text);
    const total = buildModelAside(text).ast.getInstructions().filter((i) => !STRUCTURAL.has(i.getKeyword())).length;
    assert.deepEqual(seen, [total]);
    const second = run(text.replace('RUN cd /src && make target3 ', 'RUN cd /src && make target3x '));
    assert.deepEqual(seen, [total, 1], 'the second analysis checks one instruction');
    assert.equal(second.length, first.length);
    // A run that analyzes the file once (the CLI's lint) keeps nothing: the next analysis checks everything.
    run(text.replace('RUN cd /src && make target3 ', 'RUN cd /src && make target3y '), false);
    assert.deepEqual(seen, [total, 1, total]);
  });
});
