// The environment a stage's ENV and ARG-with-default instructions set, as commands see it (`PIP_NO_CACHE_DIR`,
// `DEBIAN_FRONTEND`): looked up by name and line, through the stages a stage is built FROM.
import type { Stage } from './model';

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
