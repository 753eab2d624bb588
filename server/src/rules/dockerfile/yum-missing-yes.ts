// yum commands that stop at "Is this ok [y/N]:" because they have no -y / --assumeyes (hadolint DL3030).
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { promptingCommands, RPM_PROMPTING_ACTIONS } from '../../core/dockerfile/package-managers';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { allRunCommands } from '../../core/dockerfile/commands';
import { wordRange } from '../../core/dockerfile/instructions';

const findMissingYes = perModel((model: DockerfileModel) => promptingCommands(allRunCommands(model), ['yum'], RPM_PROMPTING_ACTIONS));

export const yumMissingYes: DockerfileRule = {
  id: 'yum-missing-yes',
  aliases: ['DL3030'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`yum install` without `-y`.',
    why: 'yum asks "Is this ok [y/N]" before it installs, upgrades or removes anything. A build has no one to answer, so the prompt reads end of input and yum aborts the RUN. `-y` (`--assumeyes`) answers yes.',
    bad: 'FROM centos:7\nRUN yum install httpd && yum clean all',
    good: 'FROM centos:7\nRUN yum install -y httpd && yum clean all',
  },
  check({ model }) {
    return findMissingYes(model).map(({ cmd, action }) => ({
      message: `\`${cmd.program} ${action.value}\` without -y stops at the "Is this ok" prompt and aborts the build; add -y`,
      range: wordRange(model, action),
      data: { offset: action.start },
    }));
  },
  fixes: [insertFlagFix('insert-y', '-y', (model) => findMissingYes(model).map((h) => h.action))],
};
