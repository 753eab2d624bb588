import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const untaggedImage: DockerfileRule = {
  id: 'untagged-image',
  aliases: ['DL3006'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'FROM image without a tag or digest.',
    why: 'An image without a tag means `:latest`, which moves: the same Dockerfile builds a different image next month, breaking reproducibility and silently jumping major versions. Pin a version tag, and a digest for fully reproducible builds.',
    bad: 'FROM python',
    good: 'FROM python:3.12-slim',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      const image = stage.image;
      // Stage references have no `image`; an unresolved variable may well hold a tag.
      if (!image || image.unresolved || image.tag || image.digest) continue;
      if (!image.registry && image.repository === 'scratch') continue;
      const shown = image.raw === image.resolved ? `\`${image.raw}\`` : `\`${image.raw}\` (\`${image.resolved}\`)`;
      hits.push({
        message: `${shown} has no tag, so it means \`latest\` and changes without notice; pin a version, e.g. \`${image.resolved}:<version>\``,
        range: image.range,
      });
    }
    return hits;
  },
};
