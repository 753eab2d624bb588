import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const duplicateStageName: DockerfileRule = {
  id: 'duplicate-stage-name',
  aliases: ['DL3024', 'DuplicateStageName'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'Two build stages with the same name.',
    why: 'Stage names are compared case-insensitively and must be unique: BuildKit refuses the Dockerfile, and with older builders `COPY --from` and `--target` silently pick one of the stages.',
    bad: 'FROM golang:1.22 AS build\nFROM node:20 AS build',
    good: 'FROM golang:1.22 AS build-api\nFROM node:20 AS build-web',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const first = seen.get(stage.name);
      if (first === undefined) {
        seen.set(stage.name, stage.from.getRange().start.line + 1);
        continue;
      }
      hits.push({
        message: `Stage name \`${stage.from.getBuildStage()}\` is already used by the stage on line ${first}; give each stage a unique name`,
        range: stage.nameRange,
      });
    }
    return hits;
  },
};
