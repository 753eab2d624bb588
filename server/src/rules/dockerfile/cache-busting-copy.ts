import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { blankContinuations, buildModel, type DockerfileModel, type RunInfo, type Stage } from '../../core/dockerfile/model';
import { subcommand, type ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { splitLines } from '../../core/text';
import type { BuildContext, RuleHit, TextEdit } from '../../core/types';
import { copyArgs } from '../../core/dockerfile/instructions';

type Eco = 'pip' | 'poetry' | 'uv' | 'pipenv' | 'npm' | 'yarn' | 'pnpm' | 'go' | 'bundler' | 'maven' | 'gradle' | 'cargo' | 'composer';

const MANIFESTS: Record<Eco, string[]> = {
  pip: ['requirements.txt'],
  poetry: ['pyproject.toml', 'poetry.lock'],
  uv: ['pyproject.toml', 'uv.lock'],
  pipenv: ['Pipfile', 'Pipfile.lock'],
  npm: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'],
  yarn: ['package.json', 'yarn.lock'],
  pnpm: ['package.json', 'pnpm-lock.yaml'],
  go: ['go.mod', 'go.sum'],
  bundler: ['Gemfile', 'Gemfile.lock'],
  maven: ['pom.xml'],
  gradle: ['settings.gradle', 'settings.gradle.kts', 'build.gradle', 'build.gradle.kts', 'gradle.properties', 'gradle'],
  cargo: ['Cargo.toml', 'Cargo.lock'],
  composer: ['composer.json', 'composer.lock'],
};

/**
 * How the fix gets the dependencies in before the sources: `move` the install up; `extra` inserts a
 * dependency-only variant (appending these flags) and keeps the original, which then finds everything installed.
 */
const DEP_ONLY_FLAGS: Partial<Record<Eco, string[]>> = {
  poetry: ['--no-root'],
  uv: ['--no-install-project'],
  composer: ['--no-scripts', '--no-autoloader'],
};

interface Install {
  eco: Eco;
  /** `build` commands (go build, cargo build, mvn package …) also compile: the fix adds a fetch step instead. */
  kind: 'install' | 'build';
  cmd: ShellCommand;
  label: string;
  /** pip: the requirement files named with -r / -c. */
  files?: string[];
}

const positional = (cmd: ShellCommand) => cmd.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);

function pipRequirements(args: string[]): string[] | undefined {
  if (args.find((a) => !a.startsWith('-')) !== 'install') return undefined;
  const files: string[] = [];
  args.forEach((a, i) => {
    const m = /^(?:-r|--requirement|-c|--constraint)(?:=|$)(.*)$|^-[rc](.+)$/.exec(a);
    if (m) files.push(m[1] || m[2] || args[i + 1] || '');
  });
  return files.filter(Boolean).length ? files.filter(Boolean) : undefined;
}

/** The dependency step a command performs, if any. */
function detect(cmd: ShellCommand): Install | undefined {
  const p = cmd.program;
  const args = cmd.args.map((a) => a.value);
  const sub = subcommand(cmd)?.value;
  const pos = positional(cmd);
  const is = (eco: Eco, label: string, kind: Install['kind'] = 'install'): Install => ({ eco, kind, cmd, label });
  const pipArgs = /^pip[\d.]*$/.test(p) ? args : /^python[\d.]*$/.test(p) && args[0] === '-m' && args[1] === 'pip' ? args.slice(2) : p === 'uv' && args[0] === 'pip' ? args.slice(1) : undefined;
  const files = pipArgs && pipRequirements(pipArgs);
  if (files) return { ...is('pip', `pip install -r ${files[0]}`), files };
  if (p === 'uv' && sub === 'sync') return is('uv', 'uv sync');
  if (p === 'poetry' && sub === 'install') return is('poetry', 'poetry install');
  if (p === 'pipenv' && (sub === 'install' || sub === 'sync') && pos.length === 1) return is('pipenv', `pipenv ${sub}`);
  if (p === 'npm' && (sub === 'ci' || ((sub === 'install' || sub === 'i') && pos.length === 1))) return is('npm', `npm ${sub}`);
  if (p === 'yarn' && (pos.length === 0 || (sub === 'install' && pos.length === 1))) return is('yarn', sub ? 'yarn install' : 'yarn');
  if (p === 'pnpm' && (sub === 'fetch' || ((sub === 'install' || sub === 'i') && pos.length === 1))) return is('pnpm', `pnpm ${sub}`);
  if (p === 'go' && sub === 'mod' && pos[1] === 'download') return is('go', 'go mod download');
  if (p === 'go' && (sub === 'build' || sub === 'install') && !args.some((a) => a.includes('@'))) return is('go', `go ${sub}`, 'build');
  if (p === 'bundle' && sub === 'install') return is('bundler', 'bundle install');
  if (p === 'composer' && sub === 'install') return is('composer', 'composer install');
  if (p === 'cargo' && sub === 'fetch') return is('cargo', 'cargo fetch');
  if (p === 'cargo' && sub === 'build') return is('cargo', 'cargo build', 'build');
  if (p === 'mvn' || p === 'mvnw') {
    if (args.some((a) => /^dependency:(go-offline|resolve)/.test(a))) return is('maven', `${p} dependency:go-offline`);
    if (args.some((a) => a === 'package' || a === 'install' || a === 'verify')) return is('maven', `${p} package`, 'build');
  }
  if (p === 'gradle' || p === 'gradlew') {
    if (args.includes('dependencies')) return is('gradle', `${p} dependencies`);
    if (args.some((a) => ['build', 'assemble', 'bootJar', 'installDist', 'shadowJar'].includes(a))) return is('gradle', `${p} build`, 'build');
  }
  return undefined;
}

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

function findHits(model: DockerfileModel): Hit[] {
  const hits: Hit[] = [];
  for (const stage of model.stages) {
    const list = stage.instructions;
    list.forEach((copy, i) => {
      const dest = copyAllDest(copy);
      if (dest === undefined) return;
      const before = list.slice(0, i);
      const installed = new Set(before.flatMap((ins) => model.runOf(ins)?.script.commands.map((c) => detect(c)?.eco) ?? []));
      const copied = before.flatMap((ins) => (['COPY', 'ADD'].includes(ins.getKeyword()) ? copyArgs(ins as JSONInstruction).slice(0, -1) : []));
      const manifestCopied = (eco: Eco) => copied.some((src) => MANIFESTS[eco].some((m) => globRe(src.replace(/^.*\//, '')).test(m)));
      for (const ins of list.slice(i + 1)) {
        if (copyAllDest(ins) !== undefined) return;
        const run = model.runOf(ins);
        for (const cmd of run?.script.commands ?? []) {
          const install = detect(cmd);
          if (!run || !install || installed.has(install.eco) || (install.kind === 'build' && manifestCopied(install.eco))) continue;
          hits.push({ stage, copy, dest, run, install });
          return;
        }
      }
    });
  }
  return hits;
}

const LABEL: Record<Eco, string> = {
  pip: 'the requirements file',
  poetry: 'pyproject.toml and poetry.lock',
  uv: 'pyproject.toml and uv.lock',
  pipenv: 'Pipfile and Pipfile.lock',
  npm: 'package.json and package-lock.json',
  yarn: 'package.json and yarn.lock',
  pnpm: 'package.json and pnpm-lock.yaml',
  go: 'go.mod and go.sum',
  bundler: 'Gemfile and Gemfile.lock',
  maven: 'pom.xml',
  gradle: 'the Gradle build files',
  cargo: 'Cargo.toml and Cargo.lock',
  composer: 'composer.json and composer.lock',
};

/** The dependency-only command the fix inserts for `build` commands. */
function fetchCommand(install: Install): string {
  const name = install.cmd.name;
  return { go: 'go mod download', cargo: 'cargo fetch', maven: `${name} dependency:go-offline`, gradle: `${name} dependencies` }[install.eco as 'go'] ?? '';
}

/** Commands that can run before the sources are there: package managers, tool installs, cache cleanup. */
function isPrep(cmd: ShellCommand): boolean {
  const p = cmd.program;
  const sub = subcommand(cmd)?.value;
  const pos = positional(cmd);
  if (['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'corepack', 'mkdir', 'echo', 'true', 'export', 'set'].includes(p)) return true;
  if (p === 'rm') return pos.every((a) => /^[/~$]/.test(a));
  if (sub === 'config' && ['npm', 'yarn', 'pnpm', 'poetry', 'bundle', 'pip', 'pip3', 'composer', 'pipenv'].includes(p)) return true;
  if (/^pip[\d.]*$/.test(p) && sub === 'install') return !cmd.args.some((a) => /^(\.|\.\/.*|\/.*|-e|--editable)$/.test(a.value));
  if (p === 'npm' && sub === 'install') return cmd.args.some((a) => a.value === '-g' || a.value === '--global');
  return p === 'gem' && sub === 'install';
}

/** Context paths of the manifests the install needs; undefined when the fix cannot know them. */
function manifestsFor(hit: Hit, ctx: BuildContext): string[] | undefined {
  const { install } = hit;
  if (install.eco !== 'pip') {
    const names = [...(install.cmd.program === 'mvnw' ? ['mvnw', '.mvn'] : install.cmd.program === 'gradlew' ? ['gradlew'] : []), ...MANIFESTS[install.eco]];
    return names.filter((n) => ctx.exists(n));
  }
  const dest = hit.dest.replace(/(?<!\/)\/+$/, '');
  const toContext = (f: string) => {
    const rel = f.startsWith('/') ? (dest.startsWith('/') && f.startsWith(dest + '/') ? f.slice(dest.length + 1) : undefined) : f.replace(/^(\.\/)+/, '');
    return rel && !rel.includes('$') && !rel.split('/').includes('..') ? rel : undefined;
  };
  const files: string[] = [];
  const queue = (install.files ?? []).map(toContext);
  while (queue.length) {
    const f = queue.shift();
    const body = f === undefined ? undefined : ctx.readFile(f);
    if (f === undefined || body === undefined) return undefined;
    if (files.includes(f)) continue;
    files.push(f);
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    for (const line of splitLines(body)) {
      // A requirement on the project itself (`-e .`) needs the sources: the install cannot move.
      if (/^\s*(?:(?:-e|--editable)\s+)?\.(?:[\s/[]|$)/.test(line)) return undefined;
      const m = /^\s*(?:-r|--requirement|-c|--constraint)[\s=]+(\S+)/.exec(line);
      if (m) queue.push(toContext(m[1].startsWith('/') ? m[1] : dir + m[1]));
    }
  }
  return files;
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
      const what = install.eco === 'pip' ? (install.files ?? []).join(' and ') : LABEL[install.eco];
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
        const model = buildModel(input.text);
        const hit = findHits(model).find((h) => h.copy.getRange().start.line === finding.data?.copyLine && h.run.instruction.getRange().start.line === finding.data?.runLine);
        const manifests = hit && manifestsFor(hit, ctx);
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
        else if (run.script.commands.every((c) => c === install.cmd || detect(c)?.eco === install.eco || isPrep(c))) {
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
