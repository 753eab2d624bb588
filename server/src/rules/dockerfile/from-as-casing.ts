// BuildKit's FromAsCasing: `FROM … as name` with FROM upper-case, or `from … AS name` with it lower-case.
import type { From } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import type { Range } from '../../core/types';

/** The `AS` word of a FROM and the casing it should have, when the FROM keyword has one casing and AS another. */
function mismatch(from: From): { range: Range; written: string; wanted: string } | undefined {
  const keyword = from.getInstruction();
  const args = from.getArguments();
  if (args.length < 3 || args[1].getValue().toLowerCase() !== 'as') return undefined;
  const lower = keyword === keyword.toLowerCase();
  // A mixed-case FROM (`From`) is inconsistent-instruction-casing's finding, not this one's.
  if (!lower && keyword !== keyword.toUpperCase()) return undefined;
  const written = args[1].getValue();
  const wanted = lower ? 'as' : 'AS';
  return written === wanted ? undefined : { range: args[1].getRange(), written, wanted };
}

function fromAt(model: DockerfileModel, line: unknown): From | undefined {
  return model.stages.find((s) => s.from.getRange().start.line === line)?.from;
}

export const fromAsCasing: DockerfileRule = {
  id: 'from-as-casing',
  aliases: ['FromAsCasing'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'The `AS` of a FROM is not cased like its `FROM`.',
    why: 'Keywords are case-insensitive, but `FROM node:20 as build` mixes two styles in one instruction. BuildKit warns about it; writing `AS` the way `FROM` is written keeps the file consistent.',
    bad: 'FROM node:20 as build\nRUN npm ci',
    good: 'FROM node:20 AS build\nRUN npm ci',
  },
  check({ model }) {
    return model.stages.flatMap((stage) => {
      const m = mismatch(stage.from);
      if (!m) return [];
      return [{ message: `\`${m.written}\` should be cased like \`${stage.from.getInstruction()}\`: write \`${m.wanted}\``, range: m.range, data: { line: stage.from.getRange().start.line } }];
    });
  },
  fixes: [
    {
      id: 'match-case',
      title: () => 'Case AS like FROM',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const from = fromAt(modelOf(input), finding.data?.line);
        const m = from && mismatch(from);
        return m ? { edits: [{ range: m.range, newText: m.wanted }] } : null;
      },
    },
  ],
};
