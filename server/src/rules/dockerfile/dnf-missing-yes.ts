// dnf and microdnf commands without -y / --assumeyes (hadolint DL3038): dnf stops at "Is this ok [y/N]:".
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { promptingCommands, RPM_PROMPTING_ACTIONS } from '../../core/dockerfile/package-managers';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { allRunCommands } from '../../core/dockerfile/commands';
import { wordRange } from '../../core/dockerfile/instructions';

const findMissingYes = perModel((model: DockerfileModel) => promptingCommands(allRunCommands(model), ['dnf', 'dnf5', 'microdnf'], RPM_PROMPTING_ACTIONS));

export const dnfMissingYes: DockerfileRule = {
  id: 'dnf-missing-yes',
  aliases: ['DL3038'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`dnf install` (or `microdnf install`) without `-y`.',
    why: 'dnf asks "Is this ok [y/N]" before it installs, upgrades or removes anything. A build has no one to answer, so the prompt reads end of input and dnf aborts the RUN. `-y` (`--assumeyes`) answers yes; microdnf takes it too.',
    bad: 'FROM fedora:40\nRUN dnf install httpd && dnf clean all',
    good: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
  },
  check({ model }) {
    return findMissingYes(model).map(({ cmd, action }) => ({
      message:
        cmd.program === 'microdnf'
          ? `\`microdnf ${action.value}\` without -y: add -y so it never waits for a confirmation`
          : `\`${cmd.program} ${action.value}\` without -y stops at the "Is this ok" prompt and aborts the build; add -y`,
      range: wordRange(model, action),
      data: { offset: action.start },
    }));
  },
  fixes: [insertFlagFix('insert-y', '-y', (model) => findMissingYes(model).map((h) => h.action))],
};
