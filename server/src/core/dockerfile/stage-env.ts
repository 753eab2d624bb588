// The environment a command of a RUN sees (`PIP_NO_CACHE_DIR`, `DEBIAN_FRONTEND`): assignments on the command
// itself, then `export`s earlier in the RUN, then the stage's ENV and ARG-with-default instructions, looked up by
// name and line through the stages a stage is built FROM.
import type { RunInfo, Stage } from './model';
import type { ShellCommand } from './shell';

/** One ENV / ARG-with-default assignment of a stage, in document order. */
interface EnvChange {
  line: number;
  name: string;
  value: string;
}

/** Per stage: its own ENV/ARG assignments, and by name the lines and values (ascending lines) for lookups. */
interface StageEnvIndex {
  changes: EnvChange[];
  byName: Map<string, { lines: number[]; values: string[] }>;
}

// Stages belong to one immutable model, so their ENV/ARG assignments are read once per stage.
const envIndexes = new WeakMap<Stage, StageEnvIndex>();

function stageEnvIndex(stage: Stage): StageEnvIndex {
  let index = envIndexes.get(stage);
  if (index) return index;
  index = { changes: [], byName: new Map() };
  for (const ins of stage.instructions) {
    const keyword = ins.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG') continue;
    const line = ins.getRange().start.line;
    const props = (ins as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties();
    for (const p of props) {
      // A bare `ARG NAME` does not override an inherited ENV value.
      if (keyword === 'ARG' && p.getValue() === null) continue;
      const change = { line, name: p.getName(), value: p.getValue() ?? '' };
      index.changes.push(change);
      let entry = index.byName.get(change.name);
      if (!entry) index.byName.set(change.name, (entry = { lines: [], values: [] }));
      entry.lines.push(line);
      entry.values.push(change.value);
    }
  }
  envIndexes.set(stage, index);
  return index;
}

/** The value an ENV or ARG-with-default gives `name` in a stage (or the stages it builds on) before `beforeLine`. */
export function stageEnvValue(stage: Stage, beforeLine: number, name: string): string | undefined {
  for (let s: Stage | undefined = stage, before = beforeLine; s; s = s.parent, before = Infinity) {
    const entry = stageEnvIndex(s).byName.get(name);
    if (!entry) continue;
    // The last assignment on a line before `before`.
    let lo = 0;
    let hi = entry.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entry.lines[mid] < before) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) return entry.values[lo - 1];
  }
  return undefined;
}

/** A command's environment: the value of a variable as the command sees it, undefined when unset. */
export type CommandEnv = (name: string) => string | undefined;

/** The value the last `NAME=value` word of `words` gives `name`. */
function assigned(words: readonly { value: string }[], name: string): string | undefined {
  let value: string | undefined;
  for (const w of words) if (w.value.startsWith(name + '=')) value = w.value.slice(name.length + 1);
  return value;
}

/** Only the assignments written on the command itself (`PIP_NO_CACHE_DIR=1 pip install …`). */
export function inlineEnv(cmd: ShellCommand): CommandEnv {
  return (name) => assigned(cmd.assignments, name);
}

// `export NAME=value …` (options like `-n` skipped); the names and values are read from group 1.
const EXPORT = /(?:^|[\s;&|(){}])export((?:[ \t]+(?:-[a-z]+|[A-Za-z_][A-Za-z0-9_]*(?:=(?:"[^"]*"|'[^']*'|[^\s;&|()]*))?))+)/g;
const EXPORTED = /([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|()]*)/g;

/** The value the last `export NAME=value` of `script` gives `name` (quotes removed), undefined when none does. */
export function exportedValue(script: string, name: string): string | undefined {
  if (!script.includes('export')) return undefined;
  let value: string | undefined;
  for (const m of script.matchAll(EXPORT)) {
    for (const [, n, v] of m[1].matchAll(EXPORTED)) if (n === name) value = /^(["']).*\1$/s.test(v) ? v.slice(1, -1) : v;
  }
  return value;
}

/**
 * The environment `cmd` of `run` sees: `NAME=value cmd …` first, then an `export NAME=value` earlier in the same
 * RUN (read from `text`, the document, when given), then the stage's ENV/ARG before the RUN.
 */
export function commandEnv(run: RunInfo, cmd: ShellCommand, text?: string): CommandEnv {
  // Line continuations (`\` or the escape directive's backtick, then a line break) joined so `export A=1 \` reads on.
  const before = text !== undefined && !run.execForm ? text.slice(run.scriptStart, Math.max(run.scriptStart, cmd.start)).replace(/[\\`]\r?\n/g, ' ') : '';
  return (name) =>
    assigned(cmd.assignments, name) ?? (before ? exportedValue(before, name) : undefined) ?? stageEnvValue(run.stage, run.instruction.getRange().start.line, name);
}
