import type { Instruction } from 'dockerfile-ast';
import { blankContinuations, type DockerfileModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import { dockerQuote, modelOf } from '../../core/dockerfile/edits';
import { instructionsOf, keywordRange } from '../../core/dockerfile/instructions';

/** The MAINTAINER value as Docker records it: the rest of the instruction, verbatim, continuations joined. */
function maintainerValue(model: DockerfileModel, ins: Instruction): string {
  const range = ins.getArgumentsRange();
  if (!range) return '';
  const raw = model.text.slice(model.offsetAt(range.start), model.offsetAt(range.end));
  return blankContinuations(raw, model.escape, false).replace(/\s+/g, ' ').trim();
}

function findMaintainer(model: DockerfileModel, line: unknown): Instruction | undefined {
  return instructionsOf(model, 'MAINTAINER').find((i) => i.getRange().start.line === line);
}

export const maintainerDeprecated: DockerfileRule = {
  id: 'maintainer-deprecated',
  aliases: ['DL4000', 'MaintainerDeprecated'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'MAINTAINER instruction.',
    why: 'MAINTAINER has been deprecated since Docker 1.13 and only fills a legacy image field that most tools ignore. The standard `org.opencontainers.image.authors` label is what registries and scanners read.',
    bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
  },
  check({ model }) {
    return instructionsOf(model, 'MAINTAINER').map((ins) => ({
      message: 'MAINTAINER is deprecated; set the `org.opencontainers.image.authors` label instead',
      range: keywordRange(ins),
      data: { line: ins.getRange().start.line },
    }));
  },
  fixes: [
    {
      id: 'to-label',
      title: () => 'Replace with LABEL org.opencontainers.image.authors',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const ins = findMaintainer(model, finding.data?.line);
        const value = ins && maintainerValue(model, ins);
        if (!ins || !value) return null;
        const label = `LABEL org.opencontainers.image.authors=${dockerQuote(value, model.escape)}`;
        return { edits: [{ range: { start: ins.getInstructionRange().start, end: ins.getRange().end }, newText: label }] };
      },
    },
  ],
};
