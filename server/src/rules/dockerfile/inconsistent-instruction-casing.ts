// BuildKit's ConsistentInstructionCasing: an instruction keyword not written in the casing most of the file uses
// (all upper-case or all lower-case; `Run` is neither and always reported).
import type { Instruction } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileModel } from '../../core/dockerfile/model';
import { perModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** The keywords written in the minority casing, with the casing of the majority (upper-case on a tie). */
const offCase = perModel((model: DockerfileModel): { lower: boolean; off: Instruction[] } => {
  const known = model.ast.getInstructions().filter((i) => KEYWORDS.has(i.getKeyword()));
  let lowerCount = 0;
  let upperCount = 0;
  for (const ins of known) {
    const word = ins.getInstruction();
    if (word === word.toLowerCase()) lowerCount++;
    else if (word === word.toUpperCase()) upperCount++;
  }
  const lower = lowerCount > upperCount;
  const off = known.filter((ins) => {
    const word = ins.getInstruction();
    return word !== (lower ? word.toLowerCase() : word.toUpperCase());
  });
  return { lower, off };
});

export const inconsistentInstructionCasing: DockerfileRule = {
  id: 'inconsistent-instruction-casing',
  aliases: ['ConsistentInstructionCasing'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'An instruction keyword cased unlike the rest of the file.',
    why: 'Keywords are case-insensitive, so `run` works, but a file that mixes `RUN` and `run` (or writes `Run`) is harder to scan and grep. BuildKit warns about keywords that do not follow the casing most of the file uses; either all upper-case or all lower-case is fine.',
    bad: 'FROM alpine:3.20\nrun apk add --no-cache curl\nCMD ["curl", "--version"]',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["curl", "--version"]',
  },
  check({ model }) {
    const { lower, off } = offCase(model);
    const casing = lower ? 'lower-case' : 'upper-case';
    return off.map((ins) => ({
      message: `\`${ins.getInstruction()}\` should be ${casing} like most instructions of this file: \`${lower ? ins.getInstruction().toLowerCase() : ins.getKeyword()}\``,
      range: ins.getInstructionRange(),
    }));
  },
  fixes: [
    {
      id: 'match-case',
      title: () => 'Write the keyword like the rest of the file',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const { lower, off } = offCase(modelOf(input));
        const ins = off.find((i) => i.getInstructionRange().start.line === finding.range.start.line && i.getInstructionRange().start.character === finding.range.start.character);
        if (!ins) return null;
        return { edits: [{ range: ins.getInstructionRange(), newText: lower ? ins.getInstruction().toLowerCase() : ins.getInstruction().toUpperCase() }] };
      },
    },
  ],
};
