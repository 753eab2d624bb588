import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { blankContinuations, perModel, type DockerfileModel, type RunInfo, type Stage } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit, TextEdit } from '../../core/types';
import {
  DEP_ONLY_FLAGS, dependencyInstall, type Ecosystem, fetchCommand, type Install, installManifests, isPrepCommand, MANIFEST_LABEL, MANIFESTS,
} from '../../core/dockerfile/dependency-installs';
import { copyArgs } from '../../core/dockerfile/instructions';

function copyAllDest(ins: Instruction): string | undefined {
  const kw = ins.getKeyword();
  if (kw !== 'COPY' && kw !== 'ADD') return undefined;
  const copy = ins as JSONInstruction;
  if (copy.getFlags().some((f) => f.getName() === 'from') || (kw === 'COPY' && (copy as unknown as { getHeredocs(): unknown[] }).getHeredocs().length)) return undefined;
  const args = copyArgs(copy);
  return args.length >= 2 && args.slice(0, -1).some((s) => s === '.' || s === './' || s === './.') ? args[args.length - 1] : undefined;
}

const globRe = (glob: string) => new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');

interface Hit {
  stage: Stage;
  copy: Instruction;
  dest: string;
  run: RunInfo;
  install: Install;
}

/**
 * What the instructions of a stage before the current one did, grown one instruction at a time: the ecosystems
 * their RUNs install for, and the sources their COPY/ADD copy (whether one is an ecosystem's manifest is looked up
 * when asked, once per source and ecosystem). Recomputing both for every `COPY . .` was quadratic: 150 of them in a
 * 24 KB file took 0.6 s.
 */
class StagePrefix {
  readonly installed = new Set<Ecosystem>();
  private readonly copied: string[] = [];
  private readonly manifestSeen = new Map<Ecosystem, { upTo: number; found: boolean }>();

  constructor(private readonly model: DockerfileModel) {}

  add(ins: Instruction): void {
    for (const c of this.model.runOf(ins)?.script.commands ?? []) {
      const eco = dependencyInstall(c)?.eco;
      if (eco) this.installed.add(eco);
    }
    if (['COPY', 'ADD'].includes(ins.getKeyword())) this.copied.push(...copyArgs(ins as JSONInstruction).slice(0, -1));
  }

  /** Whether a source copied so far names one of `eco`'s manifests (globs matched against their names). */
  manifestCopied(eco: Ecosystem): boolean {
    const seen = this.manifestSeen.get(eco) ?? { upTo: 0, found: false };
    this.manifestSeen.set(eco, seen);
    while (!seen.found && seen.upTo < this.copied.length) {
      const src = this.copied[seen.upTo++];
      seen.found = MANIFESTS[eco].some((m) => globRe(src.replace(/^.*\//, '')).test(m));
    }
    return seen.found;
  }
}

/** The first dependency install after `copy` (before the next copy of the whole context) that the copy busts. */
function hitAfter(model: DockerfileModel, stage: Stage, list: Instruction[], i: number, dest: string, prefix: StagePrefix): Hit | undefined {
  const copy = list[i];
  for (let j = i + 1; j < list.length; j++) {
    const ins = list[j];
    if (copyAllDest(ins) !== undefined) return undefined;
    const run = model.runOf(ins);
    for (const cmd of run?.script.commands ?? []) {
      const install = dependencyInstall(cmd);
      if (!run || !install || prefix.installed.has(install.eco) || (install.kind === 'build' && prefix.manifestCopied(install.eco))) continue;
      return { stage, copy, dest, run, install };
    }
  }
  return undefined;
}

function findHits(model: DockerfileModel): Hit[] {
  const hits: Hit[] = [];
  for (const stage of model.stages) {
    const list = stage.instructions;
    const prefix = new StagePrefix(model);
    list.forEach((copy, i) => {
      const dest = copyAllDest(copy);
      const hit = dest === undefined ? undefined : hitAfter(model, stage, list, i, dest, prefix);
      if (hit) hits.push(hit);
      prefix.add(copy);
    });
  }
  return hits;
}

/** An instruction's full lines plus the comment lines right above it, as a movable block. */
function block(model: DockerfileModel, ins: Instruction) {
  const all = model.ast.getInstructions();
  const prevEnd = Math.max(-1, ...all.filter((o) => o.getRange().end.line < ins.getRange().start.line).map((o) => o.getRange().end.line));
  let first = ins.getRange().start.line;
  while (first - 1 > prevEnd && /^\s*#/.test(model.doc.getText({ start: { line: first - 1, character: 0 }, end: { line: first, character: 0 } }))) first--;
  const start = model.offsetAt({ line: first, character: 0 });
  const last = ins.getRange().end.line;
  const end = last + 1 < model.doc.lineCount ? model.offsetAt({ line: last + 1, character: 0 }) : model.text.length;
  let text = model.text.slice(start, end);
  let delStart = start;
  if (!text.endsWith('\n')) {
    text += model.eol;
    // The last line has no newline: take the one before it instead.
    if (start > 0) delStart = start - (model.text[start - 2] === '\r' ? 2 : 1);
  }
  return { start, delStart, end, text };
}

function flagsText(model: DockerfileModel, ins: Instruction): string {
  return (ins as JSONInstruction).getFlags().map((f) => model.doc.getText(f.getRange()) + ' ').join('');
}

/** Edit removing one `&&`-joined command from a RUN, or undefined when it is not cleanly separable. */
function removeFromChain(model: DockerfileModel, run: RunInfo, cmd: ShellCommand): TextEdit | undefined {
  const cmds = run.script.commands;
  const i = cmds.indexOf(cmd);
  if (run.execForm || cmd.pipeline || cmds.some((c, k) => k > 0 && c.start < cmds[k - 1].end)) return undefined;
  const blank = blankContinuations(model.text.slice(run.scriptStart, run.scriptEnd), model.escape, run.instruction.getHeredocs().length > 0);
  const sepIsAnd = (a: ShellCommand, b: ShellCommand) => blank.slice(a.end - run.scriptStart, b.start - run.scriptStart).trim() === '&&';
  if (i + 1 < cmds.length && sepIsAnd(cmd, cmds[i + 1])) return { range: model.rangeOf(cmd.start, cmds[i + 1].start), newText: '' };
  if (i > 0 && sepIsAnd(cmds[i - 1], cmd)) return { range: model.rangeOf(cmds[i - 1].end, cmd.end), newText: '' };
  return undefined;
}

const ENV_KEYWORDS = new Set(['WORKDIR', 'ENV', 'ARG', 'USER', 'SHELL']);

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const hitsIn = perModel(findHits);

export const cacheBustingCopy: DockerfileRule = {
  id: 'cache-busting-copy',
  aliases: [],
  severity: 'warning',
  category: 'cache',
  docs: {
    summary: 'The whole build context is copied before the dependency install.',
    why: 'Docker reuses a layer only while everything before it is unchanged. After `COPY . .`, any edited source file invalidates the cache, so `npm ci` or `pip install` downloads every dependency again on each build. Copying only the manifests first keeps the install cached until the dependencies change.',
    bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build',
    good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build',
  },
  check({ model }) {
    return findHits(model).map(({ copy, run, install }): RuleHit => {
      const args = copy.getArgumentsRange() ?? copy.getRange();
      const what = install.eco === 'pip' ? (install.files ?? []).join(' and ') : MANIFEST_LABEL[install.eco];
      const then = install.kind === 'build' ? `run \`${fetchCommand(install)}\`` : 'install';
      const cost = install.kind === 'build' ? 'downloads every dependency again' : `re-runs \`${install.label}\``;
      return {
        message: `\`${copy.getKeyword()} ${model.doc.getText(args)}\` copies the whole build context before \`${install.label}\` (line ${run.instruction.getRange().start.line + 1}), so any source change ${cost}; copy ${what} first and ${then} before copying the rest`,
        range: args,
        data: { copyLine: copy.getRange().start.line, runLine: run.instruction.getRange().start.line },
      };
    });
  },
  fixes: [
    {
      id: 'manifests-first',
      title: () => 'Copy dependency manifests first for better caching',
      safe: false,
      preferred: true,
      apply(input, finding) {
        const ctx = input.context;
        if (!ctx) return null;
        const model = modelOf(input);
        const hit = hitsIn(model).find((h) => h.copy.getRange().start.line === finding.data?.copyLine && h.run.instruction.getRange().start.line === finding.data?.runLine);
        const manifests = hit && installManifests(hit.install, hit.dest, ctx);
        if (!hit || !manifests?.length) return null;
        const { copy, run, install, stage } = hit;
        const list = stage.instructions;
        const between = list.slice(list.indexOf(copy) + 1, list.indexOf(run.instruction)).filter((i) => ENV_KEYWORDS.has(i.getKeyword()));
        // Moving a WORKDIR above the COPY would change where a relative destination lands.
        if (between.some((i) => i.getKeyword() === 'WORKDIR') && !hit.dest.startsWith('/')) return null;

        const indent = /^[ \t]*/.exec(model.doc.getText({ start: { line: copy.getRange().start.line, character: 0 }, end: copy.getRange().start }))![0];
        const dest = hit.dest === '.' ? './' : hit.dest.endsWith('/') ? hit.dest : `${hit.dest}/`;
        const flags = flagsText(model, copy);
        const rootFiles = manifests.filter((m) => !m.includes('/') && !ctx.isDirectory(m));
        const copies = rootFiles.length ? [`COPY ${flags}${rootFiles.join(' ')} ${dest}`] : [];
        for (const m of manifests.filter((x) => !rootFiles.includes(x))) {
          copies.push(ctx.isDirectory(m) ? `COPY ${flags}${m} ${dest}${m}/` : `COPY ${flags}${m} ${dest}${m.slice(0, m.lastIndexOf('/') + 1)}`);
        }

        const moved = between.map((i) => block(model, i));
        const runFlags = flagsText(model, run.instruction);
        const cmdText = model.text.slice(install.cmd.start, install.cmd.end);
        const edits: TextEdit[] = [];
        let installText: string;
        const extra = DEP_ONLY_FLAGS[install.eco]?.filter((f) => !install.cmd.args.some((a) => a.value === f));
        if (install.kind === 'build') installText = `${indent}RUN ${runFlags}${fetchCommand(install)}${model.eol}`;
        else if (extra) installText = `${indent}RUN ${runFlags}${[cmdText, ...extra].join(' ')}${model.eol}`;
        else if (run.script.commands.every((c) => c === install.cmd || dependencyInstall(c)?.eco === install.eco || isPrepCommand(c))) {
          const b = block(model, run.instruction);
          moved.push(b);
          installText = b.text;
        } else {
          const removal = removeFromChain(model, run, install.cmd);
          if (!removal) return null;
          edits.push(removal);
          installText = `${indent}RUN ${runFlags}${cmdText}${model.eol}`;
        }

        const at = model.positionAt(block(model, copy).start);
        const text = moved.slice(0, between.length).map((b) => b.text).join('') + copies.map((c) => indent + c + model.eol).join('') + installText;
        edits.unshift({ range: { start: at, end: at }, newText: text });
        // Adjacent blocks are deleted as one edit so that no two edits touch.
        const spans = moved.map((b) => [b.delStart, b.end]).sort((a, b) => a[0] - b[0]);
        const merged: number[][] = [];
        for (const s of spans) {
          const last = merged[merged.length - 1];
          if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
          else merged.push([...s]);
        }
        for (const [s, e] of merged) edits.push({ range: model.rangeOf(s, e), newText: '' });
        return { edits };
      },
    },
  ],
};
