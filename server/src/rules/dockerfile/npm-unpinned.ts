// DL3016: `npm install pkg` without `@version`. Which words count as pinned (versions and ranges, folders,
// tarballs, git specs with `#ref`; `@latest` does not) is in core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const npmUnpinned: DockerfileRule = {
  id: 'npm-unpinned',
  aliases: ['DL3016'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`npm install` of a package without a version.',
    why: 'A package named without a version (or with the `latest` tag) resolves to the newest release when the image is built, so rebuilds drift and a breaking release lands unannounced. Name the version (`pkg@1.2.3`), or install the project\'s locked dependencies with `npm ci`. A git dependency needs `#<commit>` or `#semver:<range>`.',
    bad: 'FROM node:20-slim\nRUN npm install -g typescript',
    good: 'FROM node:20-slim\nRUN npm install -g typescript@5.6.3',
  },
  check({ model }) {
    return unpinnedInModel(model, 'npm').map((u) => {
      const git = u.name.includes('/') && !u.name.startsWith('@');
      const name = u.name.replace(/(?<=.)@latest$/, '');
      return {
        message: git
          ? `\`${u.name}\` installs whatever the branch holds; name a commit with \`#<commit>\` or a range with \`#semver:<range>\``
          : `\`${u.name}\` is installed without a version; pin it as \`${name}@<version>\` (\`npm view ${name} version\` shows the newest)`,
        range: wordRange(model, u.word),
      };
    });
  },
};
