// DL3028: `gem install gem` without `gem:version` or `-v`. Which words count as pinned is in
// core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const gemUnpinned: DockerfileRule = {
  id: 'gem-unpinned',
  aliases: ['DL3028'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`gem install` of a gem without a version.',
    why: 'Without a version, `gem install` fetches the newest release from RubyGems at build time, so two builds of the same Dockerfile can ship different gems, and a major release can break the image. Pin with `gem install <gem>:<version>` or `-v <version>`, or install from a locked Gemfile with `bundle install`.',
    bad: 'FROM ruby:3.3-slim\nRUN gem install bundler',
    good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22',
  },
  check({ model }) {
    return unpinnedInModel(model, 'gem').map((u) => ({
      message: `\`${u.name}\` is installed without a version; pin it as \`${u.name}:<version>\` or add \`-v <version>\``,
      range: wordRange(model, u.word),
    }));
  },
};
