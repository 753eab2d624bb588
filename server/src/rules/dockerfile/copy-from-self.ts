import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { copyFromFlags } from '../../core/dockerfile/instructions';

export const copyFromSelf: DockerfileRule = {
  id: 'copy-from-self',
  aliases: ['DL3023'],
  severity: 'error',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`COPY --from` names the stage it is in.',
    why: 'A stage cannot copy from itself: it does not exist yet while it is being built, and Docker stops with a circular dependency error. Copy from an earlier stage, or use a plain COPY or RUN cp within the stage.',
    bad: 'FROM golang:1.22 AS build\nCOPY --from=build /src/app /app',
    good: 'FROM golang:1.22 AS build\nRUN go build -o /app ./cmd/app\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const { stage, flag, value } of copyFromFlags(model)) {
      const self = /^\d+$/.test(value) ? Number(value) === stage.index : value.toLowerCase() === stage.name;
      if (!self) continue;
      hits.push({
        message: `\`COPY --from=${value}\` refers to the stage it is in, which cannot copy from itself; copy from an earlier stage`,
        range: flag.getValueRange()!,
      });
    }
    return hits;
  },
};
