// Where the cursor is in a manifest: the YAML path of the key or value under it (from the AST), or, for a line being
// typed in a possibly broken document, the path implied by the indentation of the lines above it.
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { splitLines } from '../../text';
import type { PathKey } from '../object';
import type { K8sObject, ManifestFile, YamlDoc } from '../parse';

export interface Cursor {
  doc: YamlDoc;
  obj?: K8sObject;
  /** Path from the document root to the node under the cursor (a key's path ends with that key). */
  path: PathKey[];
  /** The key or value node under the cursor. */
  node: Node;
  onKey: boolean;
}

/** The document of a file that contains an offset. */
export function docAt(file: ManifestFile, offset: number): YamlDoc | undefined {
  return file.docs.find((d) => d.start <= offset && (offset < d.end || (offset === d.end && d === file.docs[file.docs.length - 1])));
}

/** The Kubernetes object of a document, if it is one. */
export function objectOf(file: ManifestFile, doc: YamlDoc | undefined): K8sObject | undefined {
  return doc && file.objects.find((o) => o.doc === doc);
}

// Cursor at either end of a node counts (the cursor usually sits right after the word hovered or typed).
const within = (node: Node | null | undefined, rel: number): node is Node =>
  !!node?.range && node.range[0] < node.range[1] && node.range[0] <= rel && rel <= node.range[1];

function descend(node: Node, rel: number, path: PathKey[]): Omit<Cursor, 'doc' | 'obj'> | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (within(key, rel)) return name === undefined ? undefined : { path: [...path, name], node: key, onKey: true };
      const value = pair.value as Node | null;
      if (within(value, rel) && name !== undefined) return descend(value, rel, [...path, name]);
    }
    return undefined;
  }
  if (isSeq(node)) {
    const i = node.items.findIndex((item) => within(item as Node, rel));
    return i < 0 ? undefined : descend(node.items[i] as Node, rel, [...path, i]);
  }
  return isScalar(node) || isAlias(node) ? { path, node, onKey: false } : undefined;
}

/** The key or value scalar under an offset of a file, with its path. */
export function cursorAt(file: ManifestFile, offset: number): Cursor | undefined {
  const doc = docAt(file, offset);
  const root = doc?.doc.contents as Node | null | undefined;
  const hit = root && doc ? descend(root, offset - doc.start, []) : undefined;
  return hit && doc && { ...hit, doc, obj: objectOf(file, doc) };
}

interface LineShape {
  /** Columns of the `- ` indicators before the content. */
  dashes: number[];
  /** Column of the content after the indicators. */
  col: number;
  key?: string;
  /** Column just after the key's colon. */
  keyEnd?: number;
}

// A run of spaces inside a plain key is consumed whole (`[ \t]+` not followed by a space): with `[^#]*?` the lazy
// loop tried `[ \t]*:` at every space of the run, quadratic on a long line of spaces.
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'{[\]},&*!|>%@`-](?:[^# \t]|[ \t]+(?=[^ \t#]))*?|-[^\s#](?:[^# \t]|[ \t]+(?=[^ \t#]))*?)[ \t]*:(?=[ \t]|\r?$)/;

/** Indicators and key of one line; undefined for blank and comment lines. */
function shapeOf(line: string): LineShape | undefined {
  const dashes: number[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] !== '-' || !(i + 1 === line.length || /[ \t\r]/.test(line[i + 1]))) break;
    dashes.push(i++);
  }
  const rest = line.slice(i);
  if (!dashes.length && /^\s*(#|$)/.test(rest)) return undefined;
  const m = KEY.exec(rest);
  if (!m) return { dashes, col: i };
  return { dashes, col: i, key: m[1].replace(/^(["'])(.*)\1$/, '$2'), keyEnd: i + m[0].length };
}

export interface TypingContext {
  /** Path of the map whose key is being typed. */
  mapPath: PathKey[];
  /** Keys already in that map (from the lines around, not the one being typed). */
  siblings: string[];
  /** Set when the cursor is in a value: the key, the partial value typed, and whether a space follows the colon. */
  value?: { key: string; partial: string; spaced: boolean };
  /** The partial key typed (key position only). */
  partial: string;
}

/**
 * The map path at the cursor's line from the indentation of the lines above it (works while the YAML is broken):
 * each less indented key is a parent, each `- ` a sequence item whose index counts the items above it.
 */
export function typingContext(file: ManifestFile, offset: number): TypingContext | undefined {
  const doc = docAt(file, offset);
  if (!doc) return undefined;
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = file.text.slice(lineStart, offset);
  if (/^---|^\.\.\.|(^|\s)#/.test(prefix)) return undefined;
  const own = shapeOf(prefix + ' ') ?? { dashes: [], col: prefix.length };
  let value: TypingContext['value'];
  let partial = '';
  const v = own.keyEnd !== undefined ? /^([ \t]*)([^\s#|>{[&*!]\S*|)$/.exec(prefix.slice(own.keyEnd)) : null;
  if (own.key !== undefined && v) value = { key: own.key, partial: v[2], spaced: v[1].length > 0 };
  else if (/^[\w./-]*$/.test(prefix.slice(own.col))) partial = prefix.slice(own.col);
  else return undefined;

  const lines = splitLines(file.text.slice(doc.start, lineStart));
  const below = splitLines(file.text.slice(lineStart, doc.end)).slice(1);
  const siblings = siblingKeys(lines, below, own);
  // Steps are collected innermost first; an item index is known once its sequence's parent key is reached.
  const steps: PathKey[] = [];
  let state: { seq: boolean; col: number; items: number } = { seq: false, col: own.col, items: 0 };
  const enterItems = (dashes: number[]) => {
    for (let j = dashes.length - 1; j > 0; j--) steps.push(0);
    state = { seq: true, col: dashes[0], items: 1 };
  };
  if (own.dashes.length) enterItems(own.dashes);
  for (let i = lines.length - 1; i >= 0 && (state.seq || state.col > 0); i--) {
    const s = shapeOf(lines[i]);
    if (!s || /^(---|\.\.\.)/.test(lines[i])) continue;
    if (state.seq) {
      if (s.dashes.includes(state.col)) state.items++;
      else if (s.col <= state.col && (s.key !== undefined || s.dashes.length)) {
        steps.push(state.items - 1);
        if (s.key === undefined) return undefined;
        steps.push(s.key);
        if (s.dashes.length) enterItems(s.dashes);
        else state = { seq: false, col: s.col, items: 0 };
      }
      continue;
    }
    const innerDash = s.dashes[s.dashes.length - 1];
    if (s.key !== undefined && s.col < state.col) {
      steps.push(s.key);
      if (s.dashes.length) enterItems(s.dashes);
      else state = { seq: false, col: s.col, items: 0 };
    } else if ((s.key !== undefined && s.col === state.col && s.dashes.length) || (s.key === undefined && innerDash !== undefined && innerDash < state.col)) {
      enterItems(s.dashes);
    }
  }
  if (state.seq) steps.push(state.items - 1);
  return { mapPath: steps.reverse(), siblings, partial, ...(value ? { value } : {}) };
}

/** Keys at the same column in the same block map as the cursor's line, above and below it. */
function siblingKeys(above: string[], below: string[], own: LineShape): string[] {
  const keys: string[] = [];
  const scan = (lines: string[], up: boolean) => {
    for (const line of lines) {
      const s = shapeOf(line);
      if (!s) continue;
      if (/^(---|\.\.\.)/.test(line) || s.col < own.col) break;
      const startsItem = s.dashes.length > 0 && s.col === own.col;
      if (startsItem && !up) break;
      if (s.col === own.col && s.key !== undefined) keys.push(s.key);
      if (startsItem) break;
    }
  };
  if (!own.dashes.length) scan([...above].reverse(), true);
  scan(below, false);
  return keys;
}
