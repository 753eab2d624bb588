// In-file suppression pragmas: `# stevedore ignore=a,b` / `# hadolint ignore=DL3008` before an instruction,
// and `# stevedore ignore-file=a` / `# hadolint global ignore=DL3003` for the whole file.
import type { Range } from './types';

export interface Suppressions {
  /** Rule keys (ids or aliases, lower-case) suppressed for the whole file. */
  file: Set<string>;
  /** Per instruction: its line span and the keys suppressed there. */
  spans: Array<{ startLine: number; endLine: number; keys: Set<string> }>;
  /** BuildKit's `# check=…` directive at the top of a Dockerfile, when there is a valid one. */
  checks?: CheckDirective;
}

/** No pragma honoured (`disable-ignore-pragma: true`). */
export const NO_SUPPRESSIONS: Suppressions = Object.freeze({ file: new Set<string>(), spans: [] }) as Suppressions;

// A cheap pre-check: most files have no pragma at all.
const PRAGMA_WORD = /stevedore|hadolint/i;
// No `\s*` after `=`: the key list takes spaces itself, and the overlap was quadratic in a long run of spaces.
const PRAGMA = /^#\s*(stevedore|hadolint)\s+(global\s+ignore|ignore-file|ignore)\s*=([A-Za-z0-9_,\s.-]+)$/i;

/**
 * Reads pragmas from comment lines. `spanAfter(line)` gives the [startLine, endLine] of the construct a line
 * pragma on `line` applies to: the next Dockerfile instruction, or the next YAML key with its value.
 */
export function readSuppressions(lines: string[], spanAfter: (line: number) => [number, number] | undefined): Suppressions {
  const result: Suppressions = { file: new Set(), spans: [] };
  if (!lines.some((l) => PRAGMA_WORD.test(l))) return result;
  for (let line = 0; line < lines.length; line++) {
    const m = PRAGMA.exec(lines[line].trim());
    if (!m) continue;
    const keys = new Set(m[3].split(',').map((k) => k.trim().toLowerCase()).filter(Boolean));
    const scope = m[2].toLowerCase().replace(/\s+/, ' ');
    if (scope === 'ignore-file' || scope === 'global ignore') {
      for (const k of keys) result.file.add(k);
      continue;
    }
    const span = spanAfter(line);
    if (span) result.spans.push({ startLine: span[0], endLine: span[1], keys });
  }
  return result;
}

/** The pragma comments of a text: line index and the pragma as written (for the rule that reports them, DL1001). */
export function pragmaLines(lines: string[]): Array<{ line: number; start: number; text: string }> {
  if (!lines.some((l) => PRAGMA_WORD.test(l))) return [];
  const found: Array<{ line: number; start: number; text: string }> = [];
  lines.forEach((l, line) => {
    const text = l.trim();
    if (PRAGMA.test(text)) found.push({ line, start: l.indexOf(text), text });
  });
  return found;
}

/** True when a finding of a rule (named by any of `keys`) at `range` is suppressed. */
export function isSuppressed(s: Suppressions, keys: string[], range: Range): boolean {
  // Most files have no pragma: nothing to read the keys against.
  if (!s.file.size && !s.spans.length) return false;
  const lower = keys.map((k) => k.toLowerCase());
  if (lower.some((k) => s.file.has(k) || s.file.has('all'))) return true;
  const line = range.start.line;
  // `kube-linter:*` (kube-linter's ignore-all annotation) names every kube-linter alias.
  return s.spans.some((span) => line >= span.startLine && line <= span.endLine && lower.some((k) => span.keys.has(k) || span.keys.has('all') || (span.keys.has('kube-linter:*') && k.startsWith('kube-linter:'))));
}

/** `spanAfter` for Dockerfiles: the first of the (sorted) instruction spans that starts after the line. */
export function nextSpan(spans: Array<[number, number]>): (line: number) => [number, number] | undefined {
  return (line) => spans.find(([start]) => start > line);
}

/** BuildKit's `# check=skip=A,B;error=true;experimental=C` directive (names as BuildKit spells them, lower-cased). */
export interface CheckDirective {
  skip: Set<string>;
  skipAll: boolean;
  /** Check warnings fail the build: findings of BuildKit's checks become errors. */
  error: boolean;
  experimental: Set<string>;
  experimentalAll: boolean;
}

/** BuildKit's `docker build --check` rules, by name; the experimental ones run only when the directive asks. */
export const BUILDKIT_CHECKS: readonly string[] = [
  'ConsistentInstructionCasing', 'CopyIgnoredFile', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing',
  'FromAsCasing', 'FromPlatformFlagConstDisallowed', 'InvalidBaseImagePlatform', 'InvalidDefaultArgInFrom',
  'InvalidDefinitionDescription', 'JSONArgsRecommended', 'LegacyKeyValueFormat', 'MaintainerDeprecated',
  'MultipleInstructionsDisallowed', 'NoEmptyContinuation', 'RedundantTargetPlatform', 'ReservedStageName',
  'SecretsUsedInArgOrEnv', 'StageNameCasing', 'UndefinedArgInFrom', 'UndefinedVar', 'WorkdirRelativePath',
];
const EXPERIMENTAL_CHECKS = new Set(['invaliddefinitiondescription']);
const CHECK_NAMES = new Set(BUILDKIT_CHECKS.map((n) => n.toLowerCase()));

// A parser directive: `# name=value`. Directives end at the first line that is not one (an empty line included).
const DIRECTIVE = /^#\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.*)$/;
// Go's strconv.ParseBool.
const BOOLEANS = new Map(Object.entries({ '1': true, t: true, T: true, true: true, True: true, TRUE: true, '0': false, f: false, F: false, false: false, False: false, FALSE: false }));

/** The `# check=` directive among the parser directives at the top of a Dockerfile; undefined when none or invalid. */
export function readCheckDirective(lines: string[]): CheckDirective | undefined {
  for (const line of lines) {
    const m = DIRECTIVE.exec(line.trim());
    if (!m) return undefined;
    if (m[1].toLowerCase() === 'check') return parseCheckOptions(m[2].trim().split(/\s/)[0]);
  }
  return undefined;
}

/** BuildKit's ParseLintOptions: up to three `key=value` parts separated by `;`; anything invalid voids the directive. */
function parseCheckOptions(value: string): CheckDirective | undefined {
  const d: CheckDirective = { skip: new Set(), skipAll: false, error: false, experimental: new Set(), experimentalAll: false };
  for (const part of value.split(';').slice(0, 3)) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    const names = () => new Set(v.split(',').map((n) => n.trim().toLowerCase()));
    if (key === 'skip') v === 'all' ? (d.skipAll = true) : (d.skip = names());
    else if (key === 'experimental') v === 'all' ? (d.experimentalAll = true) : (d.experimental = names());
    else if (key === 'error' && BOOLEANS.has(v)) d.error = BOOLEANS.get(v)!;
    else return undefined;
  }
  return d;
}

/**
 * What a `# check=` directive does to a rule that aliases a BuildKit check: skip it (`skip=`), run it although it
 * is experimental (`experimental=`), report it as an error (`error=true`). Undefined for other rules.
 */
export function checkDirectiveFor(aliases: readonly string[], d: CheckDirective | undefined): { skip: boolean; enable: boolean; error: boolean } | undefined {
  if (!d) return undefined;
  const names = aliases.map((a) => a.toLowerCase()).filter((a) => CHECK_NAMES.has(a));
  if (!names.length) return undefined;
  const experimental = names.some((n) => EXPERIMENTAL_CHECKS.has(n));
  const enable = experimental && (d.experimentalAll || names.some((n) => d.experimental.has(n)));
  // As in BuildKit, `skip=` does not apply to experimental checks, which run only when enabled.
  const skip = !experimental && (d.skipAll || names.some((n) => d.skip.has(n)));
  return { skip, enable, error: d.error };
}
