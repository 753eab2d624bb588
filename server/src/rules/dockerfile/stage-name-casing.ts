// BuildKit's StageNameCasing: a stage name with upper-case letters. The fix lower-cases it where it is declared and
// everywhere it is referenced (later FROMs, COPY --from, RUN --mount from=).
import type { Flag, Run } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import { copyFromFlags } from '../../core/dockerfile/instructions';
import type { DockerfileModel, Stage } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import type { TextEdit } from '../../core/types';

/** Every place a stage's name is written: its `AS name`, FROMs built on it, `COPY --from` and `--mount from=`. */
function renameEdits(model: DockerfileModel, stage: Stage): TextEdit[] {
  const name = stage.name!;
  const edits: TextEdit[] = [{ range: stage.nameRange!, newText: name }];
  for (const s of model.stages) {
    const range = s.from.getImageRange();
    if (s.parent === stage && range && s.from.getImage() !== name) edits.push({ range, newText: name });
  }
  for (const { flag, value } of copyFromFlags(model)) {
    if (value.toLowerCase() === name && value !== name) edits.push({ range: flag.getValueRange()!, newText: name });
  }
  for (const run of model.runs) {
    for (const flag of (run.instruction as Run).getFlags() as Flag[]) {
      if (flag.getName() !== 'mount') continue;
      const from = flag.getOption('from');
      const value = from?.getValue();
      const range = from?.getValueRange();
      if (value && range && value.toLowerCase() === name && value !== name) edits.push({ range, newText: name });
    }
  }
  return edits;
}

export const stageNameCasing: DockerfileRule = {
  id: 'stage-name-casing',
  aliases: ['StageNameCasing'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A build stage name with upper-case letters.',
    why: 'Docker lower-cases stage names, so `AS Build` is really `build`: `--target Build` and `COPY --from=Build` still work, but the name reads as if case mattered and tools that compare names literally disagree. Lower-case names say what Docker does.',
    bad: 'FROM golang:1.22 AS Build\nRUN go build -o /out/app ./...\nFROM alpine:3.20\nCOPY --from=Build /out/app /usr/local/bin/app',
    good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app ./...\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app',
  },
  check({ model }) {
    return model.stages.flatMap((stage) => {
      const written = stage.from.getBuildStage();
      if (!written || !stage.nameRange || written === written.toLowerCase()) return [];
      return [{ message: `Stage name \`${written}\` should be lower-case (\`${stage.name}\`): Docker lower-cases it anyway`, range: stage.nameRange, data: { line: stage.from.getRange().start.line } }];
    });
  },
  fixes: [
    {
      id: 'lowercase',
      title: () => 'Lower-case the stage name everywhere it is used',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const stage = model.stages.find((s) => s.from.getRange().start.line === finding.data?.line);
        if (!stage?.name || !stage.nameRange || stage.from.getBuildStage() === stage.name) return null;
        return { edits: renameEdits(model, stage) };
      },
    },
  ],
};
