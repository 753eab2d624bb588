import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const latestTag: DockerfileRule = {
  id: 'latest-tag',
  aliases: ['DL3007'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'Base image pinned to `:latest`.',
    why: '`latest` moves: the same Dockerfile builds a different image next week, breaking reproducibility and caches, and upgrades major versions without warning. Pin a version tag (and, for full reproducibility, a digest).',
    bad: 'FROM node:latest',
    good: 'FROM node:20.11-slim',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image || image.digest || image.tag !== 'latest') continue;
      const range = stage.from.getImageTagRange() ?? image.range;
      hits.push({ message: `\`${image.repository}:latest\` is not reproducible; pin a version tag`, range });
    }
    return hits;
  },
};
