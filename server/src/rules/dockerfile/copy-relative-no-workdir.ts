// DL3045: COPY to a relative destination in a stage (and the stages it is built FROM) with no WORKDIR: where the
// files land depends on the base image's working directory.
import type { JSONInstruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { copyArgWords, instructionsBefore, unquoted } from '../../core/dockerfile/instructions';

/** True for `/x`, `C:\x`, `C:/x` and a destination that starts with a variable (its value may be absolute). */
function absoluteOrVariable(dest: string): boolean {
  return dest.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dest) || dest.startsWith('$');
}

export const copyRelativeNoWorkdir: DockerfileRule = {
  id: 'copy-relative-no-workdir',
  aliases: ['DL3045'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'COPY to a relative destination before any WORKDIR in the stage.',
    why: 'A relative destination is resolved against the working directory, which without a WORKDIR of your own is whatever the base image left: `/` for most, `/go` or `/usr/src/app` for others, and it can change when the base image is updated. Set `WORKDIR` first, or copy to an absolute path.',
    bad: 'FROM node:20-slim\nCOPY package.json .',
    good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json .',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      // A WORKDIR of a stage this one is built FROM counts.
      let workdir = !!stage.parent && instructionsBefore(stage.parent).some((i) => i.getKeyword() === 'WORKDIR');
      for (const ins of stage.instructions) {
        const keyword = ins.getKeyword();
        if (keyword === 'WORKDIR') workdir = true;
        if (keyword !== 'COPY' || workdir) continue;
        const words = copyArgWords(model, ins as JSONInstruction);
        const dest = words.length >= 2 ? words[words.length - 1] : undefined;
        if (!dest || absoluteOrVariable(unquoted(dest.value))) continue;
        hits.push({
          message: `COPY to the relative \`${unquoted(dest.value)}\` lands in the base image's working directory; set WORKDIR before it or use an absolute path`,
          range: dest.range,
        });
      }
    }
    return hits;
  },
};
