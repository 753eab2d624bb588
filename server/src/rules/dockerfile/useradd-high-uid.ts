// DL3046: `useradd -u <large UID>` without `-l`: useradd reserves lastlog/faillog entries up to that UID, and those
// sparse files are stored in full in the layer (a UID of 100000000 adds gigabytes).
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { insertFlagFix } from '../../core/dockerfile/edits';
import type { ShellCommand, ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { allCommands, wordRange } from '../../core/dockerfile/instructions';

// useradd's short options that take a value (`-u 1000`, or glued `-u1000` / `-mu 1000`).
const VALUE_OPTS = new Set('bcdefgGkKpPRsuZ'.split(''));

/** The `-u`/`--uid` value and whether `-l`/`--no-log-init` is given. */
function uidAndLogInit(cmd: ShellCommand): { uid?: string; noLogInit: boolean } {
  let uid: string | undefined;
  let noLogInit = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v === '--') break;
    if (v === '--no-log-init') noLogInit = true;
    else if (v === '--uid') uid = cmd.args[++i]?.value;
    else if (v.startsWith('--uid=')) uid = v.slice(6);
    else if (/^-[^-]/.test(v)) {
      for (let j = 1; j < v.length; j++) {
        if (v[j] === 'l') noLogInit = true;
        if (!VALUE_OPTS.has(v[j])) continue;
        const value = j + 1 < v.length ? v.slice(j + 1) : cmd.args[++i]?.value;
        if (v[j] === 'u') uid = value;
        break;
      }
    }
  }
  return { uid, noLogInit };
}

// hadolint's threshold: a UID longer than 5 characters (over 99999).
const findHighUid = perModel((model: DockerfileModel): Array<{ word: ShellWord; uid: string }> => {
  const out: Array<{ word: ShellWord; uid: string }> = [];
  for (const { cmd } of allCommands(model)) {
    if (cmd.program !== 'useradd') continue;
    const { uid, noLogInit } = uidAndLogInit(cmd);
    if (uid && uid.length > 5 && !noLogInit) out.push({ word: cmd.nameWord, uid });
  }
  return out;
});

export const useraddHighUid: DockerfileRule = {
  id: 'useradd-high-uid',
  aliases: ['DL3046'],
  severity: 'warning',
  category: 'size',
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
