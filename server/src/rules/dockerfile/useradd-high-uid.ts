// DL3046: `useradd -u <large UID>` without `-l`: useradd reserves lastlog/faillog entries up to that UID, and those
// sparse files are stored in full in the layer (a UID of 100000000 adds gigabytes).
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { insertFlagFix } from '../../core/dockerfile/edits';
import type { ShellWord } from '../../core/dockerfile/shell';
import { addUserOptions } from '../../core/dockerfile/user-commands';
import type { DockerfileRule } from '../../core/rule';
import { allCommands, wordRange } from '../../core/dockerfile/instructions';

// hadolint's threshold: a UID longer than 5 characters (over 99999).
const findHighUid = perModel((model: DockerfileModel): Array<{ word: ShellWord; uid: string }> => {
  const out: Array<{ word: ShellWord; uid: string }> = [];
  for (const { cmd } of allCommands(model)) {
    const opts = cmd.program === 'useradd' ? addUserOptions(cmd) : undefined;
    if (opts?.uid && opts.uid.length > 5 && !opts.noLogInit) out.push({ word: cmd.nameWord, uid: opts.uid });
  }
  return out;
});

export const useraddHighUid: DockerfileRule = {
  id: 'useradd-high-uid',
  aliases: ['DL3046'],
  severity: 'warning',
  category: 'size',
  scope: 'instruction',
  docs: {
    summary: '`useradd` with a UID over 99999 and without `-l` (`--no-log-init`).',
    why: 'useradd records every new user in `/var/log/lastlog` and `/var/log/faillog`, files indexed by UID. They are sparse on disk, but a layer stores them in full, so a large UID makes the image gigabytes bigger. `-l` skips those logs, which a container does not need.',
    bad: 'FROM debian:12\nRUN useradd -u 123456 app',
    good: 'FROM debian:12\nRUN useradd -l -u 123456 app',
  },
  check({ model }) {
    return findHighUid(model).map(({ word, uid }) => ({
      message: `\`useradd -u ${uid}\` without \`-l\` writes lastlog/faillog entries up to that UID into the layer; add \`-l\``,
      range: wordRange(model, word),
      data: { offset: word.start },
    }));
  },
  fixes: [insertFlagFix('add-no-log-init', '-l', (model) => findHighUid(model).map((h) => h.word))],
};
