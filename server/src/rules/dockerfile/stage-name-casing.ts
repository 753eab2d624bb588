// BuildKit's StageNameCasing: a stage name with upper-case letters. The fix lower-cases it where it is declared and
// everywhere it is referenced (later FROMs, COPY --from, RUN --mount from=).
import type { Flag, Run } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import { copyFromFlags } from '../../core/dockerfile/instructions';
import { perModel, type DockerfileModel, type Stage } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import type { Range, TextEdit } from '../../core/types';

/**
 * Where stage names are referenced, read once per model: a fix per finding used to walk every stage, COPY and RUN
 * again, so "fix all" over thousands of named stages took seconds.
 */
const references = perModel((model: DockerfileModel) => {
  const fromsOf = new Map<Stage, Array<{ range: Range; image: string | null }>>();
  const byName = new Map<string, Array<{ range: Range; value: string }>>();
  const named = (value: string, range: Range) => {
    const key = value.toLowerCase();
    const list = byName.get(key);
    if (list) list.push({ range, value });
    else byName.set(key, [{ range, value }]);
  };
  for (const s of model.stages) {
    if (!s.parent) continue;
    const range = s.from.getImageRange();
    if (!range) continue;
    const list = fromsOf.get(s.parent);
    const use = { range, image: s.from.getImage() };
    if (list) list.push(use);
    else fromsOf.set(s.parent, [use]);
  }
  for (const { flag, value } of copyFromFlags(model)) named(value, flag.getValueRange()!);
  for (const run of model.runs) {
    for (const flag of (run.instruction as Run).getFlags() as Flag[]) {
      if (flag.getName() !== 'mount') continue;
      const from = flag.getOption('from');
      const value = from?.getValue();
      const range = from?.getValueRange();
      if (value && range) named(value, range);
    }
  }
  const stageAt = new Map(model.stages.map((s) => [s.from.getRange().start.line, s]));
  return { fromsOf, byName, stageAt };
});

/** Every place a stage's name is written: its `AS name`, FROMs built on it, `COPY --from` and `--mount from=`. */
function renameEdits(model: DockerfileModel, stage: Stage): TextEdit[] {
  const name = stage.name!;
  const { fromsOf, byName } = references(model);
  const edits: TextEdit[] = [{ range: stage.nameRange!, newText: name }];
  for (const { range, image } of fromsOf.get(stage) ?? []) if (image !== name) edits.push({ range, newText: name });
  for (const { range, value } of byName.get(name) ?? []) if (value !== name) edits.push({ range, newText: name });
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
        const stage = typeof finding.data?.line === 'number' ? references(model).stageAt.get(finding.data.line) : undefined;
        if (!stage?.name || !stage.nameRange || stage.from.getBuildStage() === stage.name) return null;
        return { edits: renameEdits(model, stage) };
      },
    },
  ],
};
