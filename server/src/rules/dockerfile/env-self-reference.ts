// DL3044: `ENV A=1 B=$A` — a value refers to a variable set by the same ENV instruction. Docker expands it with the
// value from before the instruction (usually nothing), not with the one set beside it.
import type { Env, Instruction, Property } from 'dockerfile-ast';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import type { Range } from '../../core/types';
import { instructionsBefore } from '../../core/dockerfile/instructions';

interface SelfReference {
  ins: Instruction;
  name: string;
  /** Offsets of the `$NAME` / `${NAME…}` reference. */
  start: number;
  end: number;
  /** The pair whose value holds the reference, and whether every sibling it refers to comes before it. */
  pair: Property;
  previous?: Property;
}

/** Variables referenced in a raw ENV value: `$NAME` and `${NAME…}`, not after the escape character or in '…'. */
function references(raw: string, escape: string): Array<{ name: string; at: number; length: number }> {
  const out: Array<{ name: string; at: number; length: number }> = [];
  let single = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === escape && !single) i++;
    else if (c === "'") single = !single;
    else if (c === '$' && !single) {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(raw.slice(i));
      if (m) out.push({ name: m[1] ?? m[2], at: i, length: m[0].length });
    }
  }
  return out;
}

/** Names set before `ins` in its stage and the stages it is built FROM (ENV, and ARG). */
function definedBefore(model: DockerfileModel, ins: Instruction): Set<string> {
  const stage = model.stageOf(ins);
  const names = new Set<string>();
  for (const i of stage ? instructionsBefore(stage, ins) : []) {
    const kw = i.getKeyword();
    if (kw === 'ENV' || kw === 'ARG') for (const p of (i as Env).getProperties()) names.add(p.getName());
  }
  return names;
}

const findSelfReferences = perModel((model: DockerfileModel): SelfReference[] => {
  const out: SelfReference[] = [];
  for (const ins of model.ast.getInstructions()) {
    if (ins.getKeyword() !== 'ENV') continue;
    const pairs = (ins as Env).getProperties();
    if (pairs.length < 2 || !ins.getRange()) continue;
    let before: Set<string> | undefined;
    pairs.forEach((pair, i) => {
      const range = pair.getValueRange();
      if (!range) return;
      const start = model.offsetAt(range.start);
      for (const ref of references(model.text.slice(start, model.offsetAt(range.end)), model.escape)) {
        const j = pairs.findIndex((p, k) => k !== i && p.getName() === ref.name);
        if (j < 0 || ref.name === pair.getName() || (before ??= definedBefore(model, ins)).has(ref.name)) continue;
        out.push({ ins, name: ref.name, start: start + ref.at, end: start + ref.at + ref.length, pair, previous: j < i ? pairs[i - 1] : undefined });
      }
    });
  }
  return out;
});

export const envSelfReference: DockerfileRule = {
  id: 'env-self-reference',
  aliases: ['DL3044'],
  severity: 'error',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'An ENV value refers to a variable set by the same ENV instruction.',
    why: 'Docker expands the variables of an ENV instruction before any of its assignments take effect, so in `ENV APP_HOME=/app APP_BIN=$APP_HOME/bin` the second value uses the old `APP_HOME` — usually empty — and becomes `/bin`. Set the variable in one ENV and use it in the next.',
    bad: 'FROM alpine:3.20\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin',
    good: 'FROM alpine:3.20\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin',
  },
  check({ model }) {
    return findSelfReferences(model).map((r) => ({
      message: `\`${model.text.slice(r.start, r.end)}\` is expanded before this ENV sets ${r.name}, so it does not see that value; set ${r.name} in an earlier ENV`,
      range: model.rangeOf(r.start, r.end),
      data: { offset: r.start },
    }));
  },
  fixes: [
    {
      id: 'split-env',
      title: () => 'Split into two ENV instructions',
      // The value changes from the old one to the one the author wrote beside it.
      safe: false,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = findSelfReferences(model).find((r) => r.start === finding.data?.offset);
        if (!hit?.previous) return null;
        const range: Range = { start: hit.previous.getRange().end, end: hit.pair.getRange().start };
        const keyword = hit.ins.getInstruction();
        return { edits: [{ range, newText: `${model.eol}${keyword} ` }] };
      },
    },
  ],
};
