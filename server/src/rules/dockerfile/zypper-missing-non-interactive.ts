// zypper commands that can stop at a confirmation prompt: no global -n / --non-interactive and no -y /
// --no-confirm (hadolint DL3034). The fix puts -n where zypper reads global options: right after `zypper`.
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { promptingCommands } from '../../core/dockerfile/package-managers';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { allRunCommands } from '../../core/dockerfile/commands';
import { wordRange } from '../../core/dockerfile/instructions';

// Aliases resolved: `in`, `rm`, `si`, `up`, `dup`, `inr`.
const PROMPTING = new Set(['install', 'remove', 'source-install', 'patch', 'update', 'dist-upgrade', 'install-new-recommends']);

const findInteractive = perModel((model: DockerfileModel) => promptingCommands(allRunCommands(model), ['zypper'], PROMPTING));

export const zypperMissingNonInteractive: DockerfileRule = {
  id: 'zypper-missing-non-interactive',
  aliases: ['DL3034'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`zypper install` without `-n` / `--non-interactive`.',
    why: 'zypper asks "Continue? [y/n/v/...? shows all options] (y)" before it changes packages, and may ask about licenses or vendor changes. In a build nobody answers, so the RUN fails or hangs. The global `-n` (`--non-interactive`) answers every prompt with its default.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl && zypper clean --all',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all',
  },
  check({ model }) {
    return findInteractive(model).map(({ cmd, action }) => ({
      message: `\`zypper ${action.value}\` without -n (--non-interactive) stops at the confirmation prompt; write \`zypper -n ${action.value}\``,
      range: wordRange(model, action),
      data: { offset: cmd.nameWord.start },
    }));
  },
  // Global options go before the command: after it, `zypper install -n` is `install --name`.
  fixes: [insertFlagFix('insert-n', '-n', (model) => findInteractive(model).map((h) => h.cmd.nameWord))],
};
