// DL3066: USER names a user instead of a numeric UID. Off by default here (hadolint reports it as info): nearly every
// image that drops root does it by name, and root-user's own fix writes `USER app`.
import type { Instruction } from 'dockerfile-ast';
import { perModel, type DockerfileModel, type Stage } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import { runCommands } from '../../core/dockerfile/commands';
import { addUserOptions } from '../../core/dockerfile/user-commands';
import { instructionsBefore } from '../../core/dockerfile/instructions';
import type { DockerfileRule } from '../../core/rule';
import type { Range } from '../../core/types';

interface NamedUser {
  ins: Instruction;
  /** The user part of the value (before `:`) and its range. */
  name: string;
  range: Range;
  /** The UID a RUN before it gave that user (`useradd -u 10001 app`), when one did. */
  uid?: string;
}

/** The numeric UID that `useradd`/`adduser` in the RUNs before `ins` (this stage and its parents) gave `name`. */
function createdUid(model: DockerfileModel, stage: Stage, ins: Instruction, name: string): string | undefined {
  let uid: string | undefined;
  for (const before of instructionsBefore(stage, ins)) {
    const run = before.getKeyword() === 'RUN' ? model.runOf(before) : undefined;
    for (const cmd of run ? runCommands(run) : []) {
      const opts = addUserOptions(cmd);
      if (opts?.name?.value === name && opts.uid && /^\d+$/.test(opts.uid)) uid = opts.uid;
    }
  }
  return uid;
}

const namedUsers = perModel((model: DockerfileModel): NamedUser[] => {
  const out: NamedUser[] = [];
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      if (ins.getKeyword() !== 'USER') continue;
      const arg = ins.getArguments()[0];
      const name = arg?.getValue().split(':')[0] ?? '';
      // A variable may hold a number.
      if (!arg || !name || /^\d+$/.test(name) || name.includes('$')) continue;
      const start = arg.getRange().start;
      const range = arg.getValue().includes(':') ? { start, end: { line: start.line, character: start.character + name.length } } : arg.getRange();
      out.push({ ins, name, range, uid: createdUid(model, stage, ins, name) });
    }
  }
  return out;
});

export const userNotNumeric: DockerfileRule = {
  id: 'user-not-numeric',
  aliases: ['DL3066'],
  severity: 'info',
  offByDefault: true,
  category: 'security',
  docs: {
    summary: 'USER names a user instead of a numeric UID (off unless turned on).',
    why: 'A user name is resolved through the image\'s `/etc/passwd` when the container starts, so the platform cannot check it beforehand: Kubernetes refuses `runAsNonRoot: true` for an image whose USER is a name ("image has non-numeric user"), and file ownership on mounted volumes depends on what the name maps to. `USER 10001` (or `10001:10001`) says exactly who runs. Off unless turned on (`rules: { DL3066: info }`), since naming the user is common and often fine.',
    bad: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app',
    good: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001',
  },
  check({ model }) {
    return namedUsers(model).map((u) => ({
      message: `\`USER ${u.name}\` is a name the container resolves at start; use the numeric UID${u.uid ? ` (${u.uid}, as created above)` : ''} so the platform can verify it (runAsNonRoot)`,
      range: u.range,
      data: { line: u.range.start.line, ...(u.uid ? { uid: u.uid } : {}) },
    }));
  },
  fixes: [
    {
      id: 'use-uid',
      title: (f) => `Use UID ${String(f.data?.uid ?? '')}`,
      // A later usermod or a base image that already has the name could change which UID the name means.
      safe: false,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = namedUsers(model).find((u) => u.range.start.line === finding.data?.line);
        return hit?.uid ? { edits: [{ range: hit.range, newText: hit.uid }] } : null;
      },
    },
  ],
};
