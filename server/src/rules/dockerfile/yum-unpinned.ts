// DL3033: `yum install pkg` without `pkg-version` (`yum module install` without `:stream`). Which words count as
// pinned is in core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const yumUnpinned: DockerfileRule = {
  id: 'yum-unpinned',
  aliases: ['DL3033'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`yum install` of a package without a version.',
    why: 'Without a version, yum installs the newest package its repositories hold at build time, so two builds of the same Dockerfile can differ and an update can break the image unnoticed. Name the version as `<package>-<version>` or `<package>-<version>-<release>` (`yum list --showduplicates <package>` lists them); a module needs its stream (`nodejs:20`).',
    bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
  },
  check({ model }) {
    return unpinnedInModel(model, 'yum').map((u) => ({
      message: u.module
        ? `module \`${u.name}\` is installed without a stream; name it as \`${u.name}:<stream>\` (\`yum module list ${u.name}\` lists the streams)`
        : `\`${u.name}\` is installed without a version; pin it as \`${u.name}-<version>\` (\`yum list --showduplicates ${u.name}\` lists the versions)`,
      range: wordRange(model, u.word),
    }));
  },
};
