// Writing new YAML for fixes and generators: one tree type for the values to write, one quoting rule for strings,
// and the file's own style (indent step, sequence indentation, quote character) so inserted text looks like its
// neighbours (yamlStyle in yaml-edit.ts reads it). Edits that place the text in a file are in yaml-edit.ts.
import { parse } from 'yaml';

/** A small YAML value to write: scalars are YAML source written as given (see yamlScalar), maps and sequences blocks. */
export type Tree = string | number | Tree[] | { [key: string]: Tree };

/** A map of Trees (a document, or entries to merge into a map). */
export type TreeMap = { [key: string]: Tree };

/** How a file writes YAML: spaces per nesting level, sequence items indented under their key or flush, quotes. */
export interface YamlStyle {
  step: number;
  seqIndent: boolean;
  quote: '"' | "'";
}

/** The quote character of a file's first quoted value (`key: "v"` or `- 'v'`); single quotes when it has none. */
export function quoteStyle(text: string): '"' | "'" {
  const m = /^[ \t]*(?:- +)?(?:[^\s#'"-][^#\r\n]*?:[ \t]+|- +)(["'])/m.exec(text);
  return m?.[1] === '"' ? '"' : "'";
}

const SIMPLE = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const YAML11_WORDS = /^(y|yes|n|no|true|false|on|off|null)$/i;

function parsesTo(s: string, version: '1.1' | '1.2'): boolean {
  try {
    return parse(s, { version }) === s;
  } catch {
    return false;
  }
}

/**
 * A string as a YAML scalar: plain when both YAML 1.2 (core schema) and 1.1 (Kubernetes' parser) read it back as that
 * string, so `100`, `1.0`, `yes`, `~`, `1_000`, `a: b`, `a #b`, `- x` and `*x` get quoted; else quoted with `quote`
 * (double quotes, JSON escapes, for control characters and line breaks; a tab may stay plain).
 */
export function yamlScalar(s: string, quote: '"' | "'" = "'"): string {
  // Most names need no parse: a letter or `_`, then letters, digits and `_./-`, and not a YAML 1.1 boolean or null.
  if (SIMPLE.test(s) && !YAML11_WORDS.test(s)) return s;
  // Control characters other than tab are not printable YAML: the parser may accept them plain, the spec does not.
  if (s && !/[\x00-\x08\x0a-\x1f\x7f]/.test(s) && parsesTo(s, '1.2') && parsesTo(s, '1.1')) return s;
  return quote === '"' || /[\x00-\x1f\x7f]/.test(s) ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`;
}

/** Block YAML lines of `key: value` at `indent`. Scalars are written as given (callers quote them). */
export function yamlLines(key: string, value: Tree, indent: number, style: Pick<YamlStyle, 'step' | 'seqIndent'>): string[] {
  const pad = ' '.repeat(indent);
  if (typeof value !== 'object') return [`${pad}${key}: ${value}`];
  return [`${pad}${key}:`, ...valueLines(value, indent + style.step, indent, style)];
}

function valueLines(value: Tree[] | TreeMap, mapIndentAt: number, keyIndent: number, style: Pick<YamlStyle, 'step' | 'seqIndent'>): string[] {
  if (!Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => yamlLines(k, v, mapIndentAt, style));
  const at = style.seqIndent ? keyIndent + style.step : keyIndent;
  return value.flatMap((item) => {
    const lines = typeof item === 'object' ? valueLines(item, at + 2, at, style) : [`${' '.repeat(at + 2)}${item}`];
    return [`${' '.repeat(at)}- ${lines[0].trimStart()}`, ...lines.slice(1)];
  });
}

/** The entries of a map as block lines at column 0 (joined with '\n'). */
export function blockOf(tree: TreeMap, style: Pick<YamlStyle, 'step' | 'seqIndent'> = { step: 2, seqIndent: true }): string {
  return Object.entries(tree)
    .flatMap(([k, v]) => yamlLines(k, v, 0, style))
    .join('\n');
}

/** The entries of a map as a flow mapping's content (`a: 1, b: {c: 2}`), without the braces. */
export function flowOf(tree: TreeMap): string {
  return Object.entries(tree)
    .map(([k, v]) => `${k}: ${typeof v !== 'object' ? v : Array.isArray(v) ? `[${v.map((i) => (typeof i === 'object' && !Array.isArray(i) ? `{${flowOf(i)}}` : String(i))).join(', ')}]` : `{${flowOf(v)}}`}`)
    .join(', ');
}

/** True for a Tree that is a map (not a scalar or a sequence). */
export function isTreeMap(t: Tree): t is TreeMap {
  return typeof t === 'object' && !Array.isArray(t);
}
