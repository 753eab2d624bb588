// Instructions of which only the last one in a stage takes effect (CMD, ENTRYPOINT, HEALTHCHECK): which earlier
// ones a later one overrides, and the rule the multiple-cmd, multiple-entrypoint and multiple-healthcheck rules
// are made from.
import type { Instruction } from 'dockerfile-ast';
import { deleteInstruction } from './edits';
import { keywordRange } from './instructions';
import { buildModel, perModel, type DockerfileModel } from './model';
import type { DockerfileRule, RuleCategory } from '../rule';
import type { RuleDocs, Severity } from '../types';

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

/**
 * The overridden instructions of a model by their first line, per keyword: one walk of the file for a check and
 * all its fixes ("fix all" over thousands of CMDs walked the file once per finding).
 */
const overriddenByLine = perModel((model: DockerfileModel) => {
  const byKeyword = new Map<string, Map<number, Instruction>>();
  return (keyword: string) => {
    let lines = byKeyword.get(keyword);
    if (!lines) {
      lines = new Map();
      for (const { ins } of overridden(model, keyword)) {
        const line = ins.getRange().start.line;
        if (!lines.has(line)) lines.set(line, ins);
      }
      byKeyword.set(keyword, lines);
    }
    return lines;
  };
});

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
          const line = finding.data?.line;
          const ins = typeof line === 'number' ? overriddenByLine(model)(kw).get(line) : undefined;
          return ins ? { edits: [deleteInstruction(model, ins)] } : null;
        },
      },
    ],
  };
}
