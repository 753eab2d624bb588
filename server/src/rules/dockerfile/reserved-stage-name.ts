// BuildKit's ReservedStageName (hadolint DL3063): a stage named `scratch` or `context`, words BuildKit reserves.
import type { DockerfileRule } from '../../core/rule';

const RESERVED: Record<string, string> = {
  scratch: '`FROM scratch` means the empty image, not this stage',
  context: '`context` names the build context (`COPY --from=context`, `--build-context`), not this stage',
};

export const reservedStageName: DockerfileRule = {
  id: 'reserved-stage-name',
  aliases: ['ReservedStageName', 'DL3063'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'A build stage named `scratch` or `context`.',
    why: 'BuildKit gives these names their own meaning: `FROM scratch` is the empty image and `context` the build context. A stage with one of them cannot be referenced as intended, and BuildKit warns about it.',
    bad: 'FROM alpine:3.20 AS scratch\nRUN echo hi > /hi',
    good: 'FROM alpine:3.20 AS base\nRUN echo hi > /hi',
  },
  check({ model }) {
    return model.stages.flatMap((stage) => {
      const why = stage.name && stage.nameRange && Object.prototype.hasOwnProperty.call(RESERVED, stage.name) ? RESERVED[stage.name] : undefined;
      return why ? [{ message: `Stage name \`${stage.from.getBuildStage()}\` is reserved: ${why}; choose another name`, range: stage.nameRange! }] : [];
    });
  },
};
