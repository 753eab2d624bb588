// DL4005: `RUN ln -sf /bin/bash /bin/sh` swaps the system shell to change the shell of later RUNs; SHELL does that
// without altering the image for everything else that runs /bin/sh.
import type { ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { allCommands, wordRange } from '../../core/dockerfile/instructions';

export const binShRelinked: DockerfileRule = {
  id: 'bin-sh-relinked',
  aliases: ['DL4005'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`ln … /bin/sh` replaces the system shell to change the shell of RUN.',
    why: 'Relinking `/bin/sh` changes the shell for every script and package hook in the image, at build time and at runtime, and package upgrades may quietly put the old link back. To run RUN commands with another shell, say so with `SHELL ["/bin/bash", "-c"]`.',
    bad: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]',
  },
  check({ model }) {
    const hits: ShellWord[] = [];
    for (const { cmd } of allCommands(model)) {
      if (cmd.program !== 'ln') continue;
      const target = cmd.args.find((a) => a.value === '/bin/sh');
      if (target) hits.push(target);
    }
    return hits.map((w) => ({
      message: 'Relinking /bin/sh changes the shell of the whole image; use a SHELL instruction to choose the shell of RUN',
      range: wordRange(model, w),
    }));
  },
};
