// Build-time variables of a Dockerfile as BuildKit expands them in instructions (not in RUN, whose shell does):
// the `$NAME` / `${NAME…}` references of an instruction, the build args BuildKit predefines for FROM, which names a
// stage's instructions see (declaredNames), and BuildKit's "did you mean" suggestion.
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from './model';
import type { Range } from '../types';

/** Build args BuildKit defines for every FROM (and for a stage only once it declares them with a bare `ARG`). */
export const PLATFORM_ARGS: readonly string[] = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
];

/** Args BuildKit reads itself and never puts into a stage's environment. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** True for a name BuildKit never reports as undefined. */
export function isBuildkitOwnArg(name: string): boolean {
  return NON_ENV_ARGS.has(name);
}

/** A `$NAME` or `${NAME…}` reference: the whole reference and the name in it. */
export interface VariableRef {
  name: string;
  range: Range;
  nameRange: Range;
}

const BRACED = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(?::?[-+?])[^}]*)?\}/y;
const BARE = /\$([A-Za-z_][A-Za-z0-9_]*)/y;

/**
 * The variable references BuildKit expands in an instruction's arguments (flags included): not after the escape
 * character, not inside single quotes. (dockerfile-ast's getVariables() resolves each one by walking the file,
 * quadratic on a large Dockerfile.)
 */
export function expandedVariables(model: DockerfileModel, ins: Instruction): VariableRef[] {
  const base = model.offsetAt(ins.getInstructionRange().end);
  const text = model.text.slice(base, model.offsetAt(ins.getRange().end));
  const refs: VariableRef[] = [];
  if (!text.includes('$')) return refs;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === model.escape) i++;
    else if (c === '"') quote = quote ? undefined : '"';
    else if (c === "'") quote = "'";
    else if (c === '$') {
      const re = text[i + 1] === '{' ? BRACED : BARE;
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const nameStart = base + i + (re === BRACED ? 2 : 1);
      refs.push({ name: m[1], range: model.rangeOf(base + i, base + i + m[0].length), nameRange: model.rangeOf(nameStart, nameStart + m[1].length) });
      i += m[0].length - 1;
    }
  }
  return refs;
}

/** The names an ARG or ENV instruction defines (ARGs with or without a default); none for other instructions. */
export function declaredNames(ins: Instruction): string[] {
  const kw = ins.getKeyword();
  if (kw !== 'ARG' && kw !== 'ENV') return [];
  return (ins as unknown as { getProperties(): { getName(): string }[] }).getProperties().map((p) => p.getName());
}

/**
 * BuildKit's suggestion for a misspelt name: the closest option less than 3 edits away (case-sensitive), none when
 * the name is itself an option.
 */
export function suggestName(name: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let min = 3;
  for (const option of options) {
    if (option === name) return undefined;
    // Names whose lengths differ by `min` or more are at least that far apart: most options end here.
    if (Math.abs(option.length - name.length) >= min) continue;
    const d = boundedDistance(name, option, min);
    if (d < min) {
      best = option;
      min = d;
    }
  }
  return best;
}

/** Levenshtein distance of `a` and `b` when below `limit`, else `limit`: only a band of width 2·limit is computed. */
function boundedDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    cur[from - 1] = from === 1 ? i : limit;
    let rowMin = cur[from - 1];
    for (let j = from; j <= to; j++) {
      const up = j <= i - 1 + limit ? prev[j] : limit;
      const v = Math.min(up + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v > limit ? limit : v;
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (to < m) cur[to + 1] = limit;
    if (rowMin >= limit) return limit;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m], limit);
}
