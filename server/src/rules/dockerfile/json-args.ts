import type { Instruction } from 'dockerfile-ast';
import { blankContinuations, perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import { parseShell } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import type { Range, RuleHit } from '../../core/types';
import { instructionsBefore } from '../../core/dockerfile/instructions';
import { literalShellWord } from '../../core/dockerfile/shell';

// Shell builtins with no executable of the same name: they cannot be the program of an exec-form command.
const BUILTINS = new Set(['cd', 'source', '.', 'export', 'set', 'unset', 'ulimit', 'umask', 'eval', 'trap', 'alias', 'read', 'wait', 'shift', 'exit', 'return']);

interface ShellForm {
  ins: Instruction;
  range: Range;
  start: number;
  end: number;
}

/**
 * CMD / ENTRYPOINT instructions in shell form, unless a SHELL instruction chose the shell explicitly. Computed once
 * per model: each finding's fix looks its instruction up here (a file of 480 CMDs took seconds to fix all).
 */
const shellForms = perModel((model: DockerfileModel): ShellForm[] => {
  const out: ShellForm[] = [];
  for (const stage of model.stages) {
    // A SHELL in the stage this one is built FROM counts too.
    let shellSet = !!stage.parent && instructionsBefore(stage.parent).some((i) => i.getKeyword() === 'SHELL');
    for (const ins of stage.instructions) {
      const kw = ins.getKeyword();
      // BuildKit stays quiet once SHELL is set: the author picked the shell on purpose.
      if (kw === 'SHELL') shellSet = true;
      if ((kw !== 'CMD' && kw !== 'ENTRYPOINT') || shellSet) continue;
      // dockerfile-ast re-parses the arguments on every call: only ask for CMD and ENTRYPOINT.
      const range = ins.getArgumentsRange();
      if (!range) continue;
      const start = model.offsetAt(range.start);
      const end = model.offsetAt(range.end);
      const content = model.text.slice(start, end).trim();
      // Exec form, or a broken JSON array that the syntax rule reports.
      if (content.startsWith('[') && content.endsWith(']')) continue;
      out.push({ ins, range, start, end });
    }
  }
  return out;
});

/** The exec-form array for a shell-form command, or undefined when it needs the shell (pipes, `&&`, `$VAR`, globs …). */
function toExecForm(model: DockerfileModel, start: number, end: number): string | undefined {
  const source = blankContinuations(model.text.slice(start, end), model.escape, false);
  const script = parseShell(source, start);
  if (script.hasError || script.hasPipe || script.commands.length !== 1) return undefined;
  const cmd = script.commands[0];
  if (cmd.assignments.length || BUILTINS.has(cmd.name)) return undefined;
  const words = [...cmd.wrappers, cmd.nameWord, ...cmd.args].sort((a, b) => a.start - b.start);
  // Everything that is not one of the words must be blank: this rejects redirects, `;`, `&`, comments and
  // wrapper options that the shell parser does not keep as words.
  let rest = source;
  for (const w of words) rest = rest.slice(0, w.start - start) + ' '.repeat(w.end - w.start) + rest.slice(w.end - start);
  if (rest.trim()) return undefined;
  const values: string[] = [];
  for (const w of words) {
    // `exec` is a shell builtin, and exec form already replaces the shell.
    if (w === words[0] && cmd.wrappers[0] === w && w.value === 'exec') continue;
    const value = literalShellWord(w.raw);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values.length ? `[${values.map((v) => JSON.stringify(v)).join(', ')}]` : undefined;
}

export const jsonArgs: DockerfileRule = {
  id: 'json-args',
  aliases: ['DL3025', 'JSONArgsRecommended'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'CMD or ENTRYPOINT in shell form.',
    why: 'Shell form runs the command as `/bin/sh -c "…"`: the shell is PID 1 and does not forward SIGTERM, so `docker stop` waits 10 seconds and then kills the process without a clean shutdown. Exec form runs the program directly. If you need shell features, put them in a script that ends with `exec`.',
    bad: 'FROM python:3.12-slim\nCMD python app.py',
    good: 'FROM python:3.12-slim\nCMD ["python", "app.py"]',
  },
  check({ model }) {
    return shellForms(model).map(({ ins, range, start, end }): RuleHit => {
      const kw = ins.getKeyword();
      const exec = toExecForm(model, start, end);
      const advice = exec ? `use exec form \`${kw} ${exec}\`` : 'use exec form, moving shell features into a script';
      return {
        message: `${kw} in shell form runs under /bin/sh -c, so the process does not receive stop signals; ${advice}`,
        range,
        data: { line: ins.getRange().start.line, ...(exec ? { exec } : {}) },
      };
    });
  },
  fixes: [
    {
      id: 'exec-form',
      title: (f) => (typeof f.data?.exec === 'string' ? `Convert to exec form ${f.data.exec}` : 'Convert to exec form'),
      safe: false,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = shellForms(model).find((h) => h.ins.getRange().start.line === finding.data?.line);
        const exec = hit && toExecForm(model, hit.start, hit.end);
        return hit && exec ? { edits: [{ range: hit.range, newText: exec }] } : null;
      },
    },
  ],
};
