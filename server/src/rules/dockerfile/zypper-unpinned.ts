// DL3037: `zypper install pkg` without a version (`pkg=1.2`, `pkg>=1.2`, `pkg-1.2`). Which words count as pinned
// is in core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const zypperUnpinned: DockerfileRule = {
  id: 'zypper-unpinned',
  aliases: ['DL3037'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`zypper install` of a package without a version.',
    why: 'Without a version, zypper installs the newest package its repositories hold at build time, so two builds of the same Dockerfile can differ and an update can break the image. Name the version as `<package>=<version>` (or bound it with `>=`/`<`; `zypper search -s <package>` lists the versions); patterns and patches (`-t pattern`) are not versioned.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean -a',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean -a',
  },
  check({ model }) {
    return unpinnedInModel(model, 'zypper').map((u) => ({
      message: `\`${u.name}\` is installed without a version; pin it as \`${u.name}=<version>\` (\`zypper search -s ${u.name}\` lists the versions)`,
      range: wordRange(model, u.word),
    }));
  },
};
