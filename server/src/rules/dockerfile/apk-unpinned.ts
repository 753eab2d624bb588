// DL3018: `apk add pkg` without `pkg=version`. Which words count as pinned is in core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const apkUnpinned: DockerfileRule = {
  id: 'apk-unpinned',
  aliases: ['DL3018'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`apk add` of a package without a version.',
    why: 'Without a version, apk installs whatever the Alpine mirror holds on the day of the build, so rebuilding the same Dockerfile can ship different packages or fail once a package moves on. Pin it with `pkg=version` (exact) or `pkg~version` (that release series); `apk policy <package>` in the base image lists the candidates.',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2',
  },
  check({ model }) {
    return unpinnedInModel(model, 'apk').map((u) => ({
      message: `\`${u.name}\` is added without a version; pin it as \`${u.name}=<version>\` or \`${u.name}~<major.minor>\` (\`apk policy ${u.name}\` lists the versions)`,
      range: wordRange(model, u.word),
    }));
  },
};
