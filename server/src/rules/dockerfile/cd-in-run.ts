import { blankContinuations, perModel, type DockerfileModel, type RunInfo } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import type { TextEdit } from '../../core/types';
import { literalShellWord } from '../../core/dockerfile/shell';

/** `cd` commands in shell-form RUNs, except inside `( … )` or `$( … )`, where scoping the cd is the point. */
function cdCommands(model: DockerfileModel): Array<{ run: RunInfo; cmd: ShellCommand }> {
  const out: Array<{ run: RunInfo; cmd: ShellCommand }> = [];
  for (const run of model.runs) {
    if (run.execForm) continue;
    for (const cmd of run.script.commands) {
      if (cmd.program !== 'cd' || cmd.wrappers.length) continue;
      const before = model.text.slice(run.scriptStart, cmd.start).trimEnd();
      if (before.endsWith('(')) continue;
      out.push({ run, cmd });
    }
  }
  return out;
}

/** For `RUN cd /abs && rest`: the directory and the offset where `rest` starts; undefined otherwise. */
function leadingCd(model: DockerfileModel, run: RunInfo, cmd: ShellCommand): { dir: string; restStart: number } | undefined {
  if (run.heredoc || run.script.commands[0] !== cmd || cmd.args.length !== 1 || cmd.pipeline) return undefined;
  const dir = literalShellWord(cmd.args[0].raw);
  // WORKDIR would expand variables and needs no quoting for these characters.
  if (!dir || !/^\/[\w.@+:,=/-]*$/.test(dir)) return undefined;
  const script = blankContinuations(model.text.slice(run.scriptStart, run.scriptEnd), model.escape, false);
  if (script.slice(0, cmd.start - run.scriptStart).trim()) return undefined;
  const after = /^\s*&&\s*/.exec(script.slice(cmd.end - run.scriptStart));
  if (!after) return undefined;
  const restStart = cmd.end + after[0].length;
  return restStart < run.scriptEnd ? { dir, restStart } : undefined;
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const cdCommandsIn = perModel(cdCommands);

export const cdInRun: DockerfileRule = {
  id: 'cd-in-run',
  aliases: ['DL3003'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`cd` inside RUN instead of WORKDIR.',
    why: 'A `cd` only lasts until the end of its RUN, so the next instruction silently runs in another directory, and long `cd … && cd ..` chains are hard to follow. WORKDIR sets the directory for every following instruction and creates it if needed. A `cd` inside `( … )` is left alone.',
    bad: 'FROM node:20-slim\nRUN cd /app && npm ci',
    good: 'FROM node:20-slim\nWORKDIR /app\nRUN npm ci',
  },
  check({ model }) {
    return cdCommands(model).map(({ run, cmd }) => {
      const target = cmd.args[0]?.raw;
      const lead = leadingCd(model, run, cmd);
      return {
        message: `\`${target ? `cd ${target}` : 'cd'}\` in RUN does not carry over to later instructions; use WORKDIR${target?.startsWith('/') ? ` ${target}` : ''} to change directories`,
        range: model.rangeOf(cmd.nameWord.start, cmd.args.length ? cmd.args[cmd.args.length - 1].end : cmd.nameWord.end),
        data: { offset: cmd.nameWord.start, ...(lead ? { dir: lead.dir } : {}) },
      };
    });
  },
  fixes: [
    {
      id: 'use-workdir',
      title: (f) => `Use WORKDIR ${typeof f.data?.dir === 'string' ? f.data.dir : 'instead'} (also changes later instructions' directory)`,
      safe: false,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = cdCommandsIn(model).find(({ cmd }) => cmd.nameWord.start === finding.data?.offset);
        const lead = hit && leadingCd(model, hit.run, hit.cmd);
        if (!hit || !lead) return null;
        const kw = hit.run.instruction.getInstructionRange().start;
        // `ONBUILD RUN cd /x && y` becomes `ONBUILD WORKDIR /x` + `ONBUILD RUN y`: the WORKDIR is inserted after ONBUILD.
        const onbuild = hit.run.onbuild?.getInstructionRange().start;
        const lineStart = model.doc.getText({ start: { line: (onbuild ?? kw).line, character: 0 }, end: onbuild ?? kw });
        const indent = /^\s*$/.test(lineStart) ? lineStart : '';
        const edits: TextEdit[] = [
          { range: { start: kw, end: kw }, newText: `WORKDIR ${lead.dir}${model.eol}${indent}${onbuild ? 'ONBUILD ' : ''}` },
          { range: model.rangeOf(hit.cmd.start, lead.restStart), newText: '' },
        ];
        return { edits };
      },
    },
  ],
};
