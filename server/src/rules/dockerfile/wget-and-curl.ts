// Both wget and curl used to download in one image (hadolint DL4001). An image is a stage and the stages it is
// built FROM; each use of the tool that came second is reported in the stage that uses it.
import { perModel, type DockerfileModel, type Stage } from '../../core/dockerfile/model';
import type { ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { allRunCommands } from '../../core/dockerfile/commands';
import { wordRange } from '../../core/dockerfile/instructions';

type Tool = 'curl' | 'wget';

const findSecondTool = perModel((model: DockerfileModel) => {
  const uses = new Map<Stage, { tool: Tool; cmd: ShellCommand }[]>();
  for (const { run, cmd } of allRunCommands(model)) {
    if (cmd.program !== 'curl' && cmd.program !== 'wget') continue;
    let list = uses.get(run.stage);
    if (!list) uses.set(run.stage, (list = []));
    list.push({ tool: cmd.program, cmd });
  }
  const hits: { cmd: ShellCommand; tool: Tool; first: ShellCommand }[] = [];
  for (const [stage, own] of uses) {
    // The image's uses in build order: the stages it is built FROM first.
    const chain: { tool: Tool; cmd: ShellCommand }[] = [];
    for (let s = stage.parent; s; s = s.parent) chain.unshift(...(uses.get(s) ?? []));
    chain.push(...own);
    const first = chain[0];
    const other = chain.find((u) => u.tool !== first.tool);
    if (!other) continue;
    for (const u of own) if (u.tool === other.tool) hits.push({ cmd: u.cmd, tool: u.tool, first: first.cmd });
  }
  return hits.sort((a, b) => a.cmd.start - b.cmd.start);
});

export const wgetAndCurl: DockerfileRule = {
  id: 'wget-and-curl',
  aliases: ['DL4001'],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: 'Both `wget` and `curl` used in one image.',
    why: 'wget and curl do the same job here; installing both puts two download tools (and their libraries) into the image where one would do. Pick one and use it for every download of the image.',
    bad: 'FROM debian:12\nRUN wget -q https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
    good: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
  },
  check({ model }) {
    return findSecondTool(model).map(({ cmd, tool, first }) => ({
      message: `\`${tool}\` in an image that already downloads with \`${first.program}\` (line ${model.positionAt(first.start).line + 1}); use one of them`,
      range: wordRange(model, cmd.nameWord),
    }));
  },
};
