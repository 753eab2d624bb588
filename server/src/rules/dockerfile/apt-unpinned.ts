// DL3008: `apt-get install pkg` without `pkg=version`. Which words count as pinned is in core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const aptUnpinned: DockerfileRule = {
  id: 'apt-unpinned',
  aliases: ['DL3008'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`apt-get install` of a package without a version.',
    why: 'Without `=version`, apt installs whatever the mirror holds on the day of the build: two builds of the same Dockerfile can ship different packages, and an upstream update can break the build long after it last passed. Pin the version (`apt-cache policy <package>` in the base image lists the candidates), or accept the drift knowingly by ignoring this rule. A release (`pkg/bookworm-backports`) or a local `.deb` also counts as chosen.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
  },
  check({ model }) {
    return unpinnedInModel(model, 'apt').map((u) => ({
      message: `\`${u.name}\` is installed without a version; pin it as \`${u.name}=<version>\` (\`apt-cache policy ${u.name}\` lists the versions)`,
      range: wordRange(model, u.word),
    }));
  },
};
