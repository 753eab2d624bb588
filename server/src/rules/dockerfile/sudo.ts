import type { Instruction } from 'dockerfile-ast';
import { perModel, type DockerfileModel, type RunInfo } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { rootImage, runsAsNonRoot } from '../../core/dockerfile/image-family';
import { isRootUser, lastUser, userName } from '../../core/dockerfile/users';
import { allCommands, wordRange } from '../../core/dockerfile/instructions';

interface SudoUse {
  sudo: ShellWord;
  /** Offset where the wrapped command (or the next wrapper) starts. */
  next: number;
  /** 'root' / 'other' when the RUN's user is known, undefined when USER uses a variable. */
  user?: 'root' | 'other';
}

/** Who the RUN runs as: the last USER before it in its stage or a parent stage, else the base image's user. */
function runUser(run: RunInfo, usersOf: (stage: RunInfo['stage']) => Array<{ line: number; ins: Instruction }>): SudoUse['user'] {
  const line = run.instruction.getRange().start.line;
  const before = usersOf(run.stage).filter((u) => u.line < line);
  const user: Instruction | undefined = before.length ? before[before.length - 1].ins : run.stage.parent && lastUser(run.stage.parent);
  if (!user) {
    const image = rootImage(run.stage);
    return image && runsAsNonRoot(image) ? 'other' : 'root';
  }
  const name = userName(user);
  return name === undefined ? undefined : isRootUser(name) ? 'root' : 'other';
}

/** Every sudo word of the file, found once per model (each fix looks its finding up here). */
const findSudo = perModel((model: DockerfileModel): SudoUse[] => {
  // The USER instructions of each stage, listed once: 800 RUNs with sudo took 16 s to fix when each looked again.
  const users = new Map<RunInfo['stage'], Array<{ line: number; ins: Instruction }>>();
  const usersOf = (stage: RunInfo['stage']) => {
    let list = users.get(stage);
    if (!list) users.set(stage, (list = stage.instructions.filter((i) => i.getKeyword() === 'USER').map((ins) => ({ line: ins.getRange().start.line, ins }))));
    return list;
  };
  const uses: SudoUse[] = [];
  for (const { run, cmd } of allCommands(model)) {
    cmd.wrappers.forEach((w, i) => {
      if (w.value !== 'sudo' && !w.value.endsWith('/sudo')) return;
      const next = (cmd.wrappers[i + 1] ?? cmd.nameWord).start;
      uses.push({ sudo: w, next, user: runUser(run, usersOf) });
    });
  }
  return uses;
});

/** True when only `sudo` or `sudo -E` stands between the sudo word and the command (line continuations allowed). */
function plainSudo(model: DockerfileModel, use: SudoUse): boolean {
  const between = model.text.slice(use.sudo.end, use.next).split(model.escape + '\n').join(' ').split(model.escape + '\r\n').join(' ');
  return between.split(/\s+/).every((t) => t === '' || t === '-E' || t === '--preserve-env');
}

export const sudo: DockerfileRule = {
  id: 'sudo',
  aliases: ['DL3004'],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: '`sudo` used in RUN.',
    why: 'RUN already runs as root unless a USER says otherwise, so `sudo` is at best dead weight; where it works it means the image ships sudo with a privilege-escalation path for its runtime user. Switch users with `USER` (or `gosu`/`su-exec` in entrypoints) instead.',
    bad: 'FROM debian:12\nRUN sudo apt-get update',
    good: 'FROM debian:12\nRUN apt-get update',
  },
  check({ model }) {
    return findSudo(model).map((use) => ({
      message:
        use.user === 'root'
          ? '`sudo` is unnecessary: this RUN already runs as root; remove it'
          : '`sudo` in RUN needs sudo set up in the image for its user; put `USER root` before this RUN (and switch back after) instead',
      range: wordRange(model, use.sudo),
      data: { offset: use.sudo.start },
    }));
  },
  fixes: [
    {
      id: 'remove-sudo',
      title: () => 'Remove sudo',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const use = findSudo(model).find((u) => u.sudo.start === finding.data?.offset);
        // Without root, or with options like `-u user`, removing sudo changes who runs the command.
        if (!use || use.user !== 'root' || !plainSudo(model, use)) return null;
        return { edits: [{ range: model.rangeOf(use.sudo.start, use.next), newText: '' }] };
      },
    },
  ],
};
