// `zypper dist-upgrade` / `zypper dup` in a RUN (hadolint DL3035): a distribution upgrade inside an image build.
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { packageCommand } from '../../core/dockerfile/package-managers';
import type { ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { allRunCommands } from '../../core/dockerfile/commands';
import { wordRange } from '../../core/dockerfile/instructions';

const findDistUpgrades = perModel((model: DockerfileModel): ShellWord[] => {
  const hits: ShellWord[] = [];
  for (const { cmd } of allRunCommands(model)) {
    if (cmd.program !== 'zypper') continue;
    const pkg = packageCommand(cmd);
    if (pkg?.action === 'dist-upgrade') hits.push(pkg.subcommand!);
  }
  return hits;
});

export const zypperDistUpgrade: DockerfileRule = {
  id: 'zypper-dist-upgrade',
  aliases: ['DL3035'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`zypper dist-upgrade` in a RUN.',
    why: 'A distribution upgrade can move every package to another release, vendor or repository, so the same Dockerfile builds a different system from one day to the next. Pick a base image of the release you want, and install or update the packages you need by name.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all',
  },
  check({ model }) {
    return findDistUpgrades(model).map((sub) => ({
      message: `\`zypper ${sub.value}\` upgrades the whole distribution during the build; use a base image of the release you want instead`,
      range: wordRange(model, sub),
    }));
  },
};
