// Helpers shared by the instruction-level rules (json-args, cd-in-run, multiple-*, copy-from-*, …).
import type { Copy, Flag, Instruction } from 'dockerfile-ast';
import { buildModel, type DockerfileModel, type Stage } from '../../core/dockerfile/model';
import type { DockerfileRule, RuleCategory } from '../../core/rule';
import type { RuleDocs, Severity, TextEdit } from '../../core/types';
import { keywordRange } from './util';

/** An edit deleting an instruction's whole lines, line breaks included (comments above stay). */
export function deleteInstruction(model: DockerfileModel, ins: Instruction): TextEdit {
  const { start, end } = ins.getRange();
  const next = end.line + 1;
  if (next < model.doc.lineCount) {
    return { range: { start: { line: start.line, character: 0 }, end: { line: next, character: 0 } }, newText: '' };
  }
  const eof = model.positionAt(model.text.length);
  // A continuation at the end took the instruction onto the empty last line: the line break before it stays the final one.
  if (/[\r\n]$/.test(model.text)) return { range: { start: { line: start.line, character: 0 }, end: eof }, newText: '' };
  // Last line of a file without a final newline: take the line break before it instead.
  const from = start.line > 0 ? model.positionAt(model.offsetAt({ line: start.line, character: 0 }) - model.eol.length) : { line: 0, character: 0 };
  return { range: { start: from, end: eof }, newText: '' };
}

/** The instructions before `ins` that apply to its stage: those of its ancestor stages, then its own. */
export function instructionsBefore(stage: Stage, ins?: Instruction): Instruction[] {
  const own = ins ? stage.instructions.slice(0, stage.instructions.indexOf(ins)) : stage.instructions;
  return stage.parent ? [...instructionsBefore(stage.parent), ...own] : own;
}

/** The `--from` flag of a COPY (dockerfile-ast's getFromFlag only finds it when it is the only flag). */
export function fromFlag(copy: Instruction): Flag | undefined {
  return (copy as Copy).getFlags().find((f) => f.getName() === 'from');
}

/** Every `COPY --from=<value>` with a plain value (no variables, which BuildKit rejects anyway), per stage. */
export function* copyFromFlags(model: DockerfileModel): Generator<{ stage: Stage; flag: Flag; value: string }> {
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      if (ins.getKeyword() !== 'COPY') continue;
      const flag = fromFlag(ins);
      const value = flag?.getValue();
      // Values not starting with a letter or digit are reported by the syntax rule.
      if (!flag || !value || !flag.getValueRange() || value.includes('$') || !/^[A-Za-z0-9]/.test(value)) continue;
      yield { stage, flag, value };
    }
  }
}

/**
 * The value of a shell word as the shell would see it, or undefined when the word expands anything
 * (variables, command substitution, globs, braces, `~`) and so has no fixed value.
 */
export function literalShellWord(raw: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) return undefined;
      out += raw.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      i++;
      while (i < raw.length && raw[i] !== '"') {
        if (raw[i] === '$' || raw[i] === '`') return undefined;
        if (raw[i] === '\\' && '$`"\\'.includes(raw[i + 1] ?? '')) i++;
        out += raw[i++];
      }
      if (i >= raw.length) return undefined;
      i++;
    } else if (c === '\\') {
      if (i + 1 >= raw.length) return undefined;
      out += raw[i + 1];
      i += 2;
    } else {
      if ('$`*?[{}()<>|&;'.includes(c) || /\s/.test(c) || (i === 0 && (c === '~' || c === '#'))) return undefined;
      out += c;
      i++;
    }
  }
  return out;
}

/** A double-quoted Dockerfile string (LABEL/ENV value): `"`, `$` and the escape character are escaped. */
export function dockerQuote(value: string, escape: string): string {
  let out = '"';
  for (const c of value) out += c === '"' || c === '$' || c === escape ? escape + c : c;
  return out + '"';
}

/** Per stage, every `keyword` instruction but the last, with the last one that overrides it. */
function overridden(model: DockerfileModel, keyword: string): Array<{ ins: Instruction; last: Instruction }> {
  const out: Array<{ ins: Instruction; last: Instruction }> = [];
  for (const stage of model.stages) {
    const all = stage.instructions.filter((i) => i.getKeyword() === keyword);
    const last = all[all.length - 1];
    for (const ins of all.slice(0, -1)) out.push({ ins, last });
  }
  return out;
}

interface OverriddenRuleSpec {
  id: string;
  aliases: string[];
  severity: Severity;
  category: RuleCategory;
  keyword: string;
  docs: RuleDocs;
}

/** A rule flagging every `keyword` instruction that a later one in the same stage overrides, with a safe delete fix. */
export function overriddenInstructionRule(spec: OverriddenRuleSpec): DockerfileRule {
  const kw = spec.keyword;
  return {
    id: spec.id,
    aliases: spec.aliases,
    severity: spec.severity,
    category: spec.category,
    docs: spec.docs,
    check({ model }) {
      return overridden(model, kw).map(({ ins, last }) => ({
        message: `This ${kw} is overridden by the ${kw} on line ${last.getRange().start.line + 1} (only the last one in a stage takes effect); remove it`,
        range: keywordRange(ins),
        data: { line: ins.getRange().start.line },
      }));
    },
    fixes: [
      {
        id: 'remove',
        title: () => `Remove the overridden ${kw}`,
        safe: true,
        preferred: true,
        apply(input, finding) {
          const model = buildModel(input.text);
          const hit = overridden(model, kw).find(({ ins }) => ins.getRange().start.line === finding.data?.line);
          return hit ? { edits: [deleteInstruction(model, hit.ins)] } : null;
        },
      },
    ],
  };
}
