// Walks a YAML AST against the generated schema subset, so each finding points at the exact node that is wrong.
import { editDistance } from '../text';
import { isAlias, isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { deref, type Schema } from './schema-load';

export interface SchemaIssue {
  path: (string | number)[];
  /** What is wrong, for callers that treat kinds differently (a Kustomize patch may lack required keys). */
  code: 'type' | 'enum' | 'unknown-field' | 'required' | 'range';
  message: string;
  /** For an unknown field: the known key it is a near miss of (a typo rather than a field the schema lacks). */
  suggestion?: string;
  /** offsets into the YAML source the node came from */
  start: number;
  end: number;
}

type Range = readonly [number, number];
interface Ctx {
  issues: SchemaIssue[];
  path: (string | number)[];
  max: number;
}

const MAX_DEPTH = 128;
// Kubernetes reads manifests as YAML 1.1, where these plain scalars are booleans, whatever the parser here said.
const YAML11_BOOL = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']);
const patterns = new Map<string, RegExp | null>();

/** Validates `node` against `schema` and appends issues; `anchor` is where a missing key is reported. */
export function validateNode(schema: Schema, node: unknown, anchor: Range, issues: SchemaIssue[], max: number): void {
  walk(schema, node, anchor, false, { issues, path: [], max });
}

function rangeOf(node: unknown, fallback: Range): Range {
  const r = (node as YamlNode | null)?.range;
  return r && r[1] > r[0] ? [r[0], r[1]] : fallback;
}

/** Where a missing key of a map is reported: the map's first key, else the map itself. */
export function firstKeyRange(node: unknown, fallback: Range): Range {
  if (isMap(node) && node.items.length) return rangeOf(node.items[0].key, rangeOf(node, fallback));
  return rangeOf(node, fallback);
}

function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) out += out ? `.${step}` : step;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

function report(ctx: Ctx, range: Range, code: SchemaIssue['code'], message: string, path: (string | number)[] = ctx.path): void {
  if (ctx.issues.length >= ctx.max) return;
  const where = pathText(path);
  ctx.issues.push({ path: path.slice(), code, message: where ? `${where}: ${message}` : message, start: range[0], end: range[1] });
}

type Kind = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

function kindOf(node: unknown): Kind | undefined {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'bigint') return 'integer';
  return 'string';
}

const isPlain = (node: Scalar) => node.type === 'PLAIN' || node.type === undefined;

function gotText(node: unknown, kind: Kind): string {
  if (kind === 'object' || kind === 'array' || kind === 'null') return kind;
  const s = node as Scalar;
  if (kind === 'string') {
    const v = String(s.value);
    if (isPlain(s) && YAML11_BOOL.has(v)) return `boolean ${v}`;
    return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  }
  return `${kind} ${typeof s.source === 'string' && s.source ? s.source : String(s.value)}`;
}

/** Whether a node of `kind` satisfies one schema type name, with YAML 1.1 booleans read as Kubernetes reads them. */
function typeAccepts(type: string, kind: Kind, node: unknown): boolean {
  const yaml11Bool = kind === 'string' && isPlain(node as Scalar) && YAML11_BOOL.has(String((node as Scalar).value));
  if (type === 'boolean') return kind === 'boolean' || yaml11Bool;
  if (type === 'string') return kind === 'string' && !yaml11Bool;
  if (type === 'number') return kind === 'number' || kind === 'integer';
  return type === kind;
}

function types(s: Schema): string[] | undefined {
  if (s.type === undefined) return s.properties ? ['object'] : undefined;
  return Array.isArray(s.type) ? s.type : [s.type];
}

/** What walking needs of a schema object, worked out once: a manifest visits the same few schemas thousands of times. */
interface Compiled {
  /** The schema with its $ref followed. */
  s: Schema;
  types: string[] | undefined;
  /** s.properties as a Map: looking a key up in a large parsed JSON object costs more than a Map lookup. */
  props: Map<string, Schema> | undefined;
  required: Set<string> | undefined;
}

// Schemas come from the JSON loaded once and are never modified, so what is derived from one stays valid.
const compiled = new WeakMap<Schema, Compiled>();

function compile(schema: Schema): Compiled {
  let c = compiled.get(schema);
  if (!c) {
    const s = schema.$ref ? deref(schema) : schema;
    const props = s.properties ? new Map(Object.entries(s.properties)) : undefined;
    c = { s, types: types(s), props, required: s.required ? new Set(s.required) : undefined };
    compiled.set(schema, c);
  }
  return c;
}

function walk(schema: Schema, node: unknown, anchor: Range, required: boolean, ctx: Ctx): void {
  if (ctx.issues.length >= ctx.max || ctx.path.length > MAX_DEPTH) return;
  // Resolving an alias needs its Document, which callers do not pass; an unchecked alias beats a wrong finding.
  if (node === null || node === undefined || isAlias(node)) return;
  const c = compile(schema);
  const s = c.s;
  const kind = kindOf(node);
  if (!kind) return;
  if (kind === 'null') {
    if (required && !s.nullable) report(ctx, rangeOf(node, anchor), 'type', `expected ${expectedText(s)}, got null`);
    return;
  }
  if (s.anyOf) return anyOf(s, node, kind, anchor, ctx);
  const allowed = c.types;
  if (allowed && !allowed.some((t) => typeAccepts(t, kind, node))) {
    report(ctx, rangeOf(node, anchor), 'type', `expected ${expectedText(s)}, got ${gotText(node, kind)}`);
    return;
  }
  if (isScalar(node)) return scalar(s, node, kind, anchor, required, ctx);
  if (isMap(node)) return object(c, schema.requiredAny ?? s.requiredAny, node, anchor, ctx);
  if (isSeq(node) && s.items) {
    node.items.forEach((item, i) => {
      ctx.path.push(i);
      walk(s.items!, item, firstKeyRange(item, rangeOf(node, anchor)), false, ctx);
      ctx.path.pop();
    });
  }
}

function expectedText(s: Schema): string {
  if (s.anyOf) return [...new Set(s.anyOf.flatMap((a) => types(a.$ref ? deref(a) : a) ?? []))].join(' or ') || 'a value';
  return (types(s) ?? ['a value']).join(' or ');
}

function scalar(s: Schema, node: Scalar, kind: Kind, anchor: Range, required: boolean, ctx: Ctx): void {
  const value = kind === 'string' ? String(node.value) : node.value;
  // An empty optional string is the Go zero value, which the API server treats as unset and defaults.
  if (s.enum && !s.enum.includes(value) && !(value === '' && !required)) {
    const got = kind === 'string' ? JSON.stringify(value) : gotText(node, kind);
    report(ctx, rangeOf(node, anchor), 'enum', `expected one of ${s.enum.join(', ')}, got ${got}`);
    return;
  }
  if ((s.minimum !== undefined || s.maximum !== undefined) && (kind === 'integer' || kind === 'number')) return bounds(s, node, anchor, ctx);
  if (s.pattern && kind === 'string') {
    let re = patterns.get(s.pattern);
    if (re === undefined) {
      try {
        re = new RegExp(s.pattern);
      } catch {
        re = null;
      }
      patterns.set(s.pattern, re);
    }
    if (re && !re.test(value as string)) {
      const what = s.format === 'quantity' ? 'a quantity such as 500m, 2, 1.5, 512Mi or 1Gi' : `a string matching ${s.pattern}`;
      report(ctx, rangeOf(node, anchor), 'type', `expected ${what}, got ${gotText(node, kind)}`);
    }
  }
}

/** minimum/maximum of a CRD schema, with OpenAPI v3's boolean exclusive flags. */
function bounds(s: Schema, node: Scalar, anchor: Range, ctx: Ctx): void {
  const v = Number(node.value);
  const low = s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum);
  const high = s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum);
  if (!low && !high) return;
  const limit = low ? `${s.exclusiveMinimum ? 'greater than' : 'at least'} ${s.minimum}` : `${s.exclusiveMaximum ? 'less than' : 'at most'} ${s.maximum}`;
  report(ctx, rangeOf(node, anchor), 'range', `expected a number ${limit}, got ${node.source ?? String(node.value)}`);
}

function anyOf(s: Schema, node: unknown, kind: Kind, anchor: Range, ctx: Ctx): void {
  let fallback: SchemaIssue[] | undefined;
  for (const alt of s.anyOf!) {
    const trial: Ctx = { issues: [], path: ctx.path, max: ctx.max };
    walk(alt, node, anchor, false, trial);
    if (!trial.issues.length) return;
    const altTypes = types(alt.$ref ? deref(alt) : alt);
    // The alternative of the node's own type explains best what is wrong inside it.
    if (!fallback && altTypes?.some((t) => typeAccepts(t, kind, node))) fallback = trial.issues;
  }
  if (!fallback) return report(ctx, rangeOf(node, anchor), 'type', `expected ${expectedText(s)}, got ${gotText(node, kind)}`);
  for (const issue of fallback) if (ctx.issues.length < ctx.max) ctx.issues.push(issue);
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null || k.value === undefined ? k.source : String(k.value);
  return typeof k === 'string' ? k : undefined;
}

function object(c: Compiled, requiredAny: string[] | undefined, node: YAMLMap, anchor: Range, ctx: Ctx): void {
  const s = c.s;
  const props = c.props;
  const extra = s.additionalProperties;
  let merged = false;
  const present = s.required || requiredAny ? new Set<string>() : undefined;
  for (const pair of node.items) {
    if (ctx.issues.length >= ctx.max) return;
    const key = keyText(pair);
    if (key === undefined) continue;
    if (key === '<<' && isPlain(pair.key as Scalar)) {
      merged = true;
      continue;
    }
    present?.add(key);
    const keyRange = rangeOf(pair.key, anchor);
    const own = props?.get(key);
    const child = own !== undefined ? own : typeof extra === 'object' ? extra : undefined;
    ctx.path.push(key);
    if (child) walk(child, pair.value, keyRange, !!c.required?.has(key), ctx);
    else if (extra === false) {
      const near = s.properties ? closest(key, Object.keys(s.properties)) : undefined;
      const before = ctx.issues.length;
      report(ctx, keyRange, 'unknown-field', near ? `unknown field (did you mean "${near}"?)` : 'unknown field');
      if (near && ctx.issues.length > before) ctx.issues[before].suggestion = near;
    }
    ctx.path.pop();
  }
  // A merge key may supply any of them; only the YAML parser could tell which.
  if (merged || !present) return;
  for (const key of s.required ?? []) if (!present.has(key)) report(ctx, anchor, 'required', `missing required key "${key}"`);
  if (requiredAny && !requiredAny.some((k) => present.has(k))) report(ctx, anchor, 'required', `required key ${requiredAny.map((k) => `"${k}"`).join(' or ')}`);
}

/** The candidate equal ignoring case, else the nearest within edit distance 2 (1 for short keys). */
function closest(key: string, candidates: string[]): string | undefined {
  const lower = key.toLowerCase();
  const same = candidates.find((c) => c.toLowerCase() === lower);
  if (same) return same;
  const limit = key.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDist = limit + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - key.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase(), bestDist);
    if (d < bestDist) [best, bestDist] = [c, d];
  }
  return best;
}

