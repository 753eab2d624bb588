// DL3041: `dnf install pkg` (also microdnf, dnf5, tdnf) without `pkg-version` (`dnf module install` without
// `:stream`). Which words count as pinned is in core/dockerfile/package-pins.ts.
import type { DockerfileRule } from '../../core/rule';
import { unpinnedInModel } from '../../core/dockerfile/package-pins';
import { wordRange } from '../../core/dockerfile/instructions';

export const dnfUnpinned: DockerfileRule = {
  id: 'dnf-unpinned',
  aliases: ['DL3041'],
  severity: 'warning',
  category: 'reliability',
  scope: 'instruction',
  docs: {
    summary: '`dnf install` of a package without a version.',
    why: 'Without a version, dnf (or microdnf) installs the newest package its repositories hold at build time, so rebuilding the same Dockerfile can ship different packages or break on an update. Name the version as `<package>-<version>` or `<package>-<version>-<release>` (`dnf list --showduplicates <package>` lists them); a module needs its stream (`dnf module install nodejs:20`).',
    bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
  },
  check({ model }) {
    return unpinnedInModel(model, 'dnf').map((u) => ({
      message: u.module
        ? `module \`${u.name}\` is installed without a stream; name it as \`${u.name}:<stream>\` (\`dnf module list ${u.name}\` lists the streams)`
        : `\`${u.name}\` is installed without a version; pin it as \`${u.name}-<version>\` (\`dnf list --showduplicates ${u.name}\` lists the versions)`,
      range: wordRange(model, u.word),
    }));
  },
};
