// Kubernetes manifests: a YAML file split into documents, each parsed on its own with the `yaml` package so
// that an edit re-parses only the document it touches (unchanged documents come from a cache by their text).
import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../types';
import { ParseSession } from './parse-cache';

/** One `---`-separated document of a file. Node offsets are relative to `start`. */
export interface YamlDoc {
  index: number;
  /** Offsets of the document's text in the file. */
  start: number;
  end: number;
  doc: Document.Parsed;
}

/** A Kubernetes object: a document whose root map has string `apiVersion` and `kind`. */
export interface K8sObject {
  file: ManifestFile;
  doc: YamlDoc;
  root: YAMLMap;
  apiVersion: string;
  kind: string;
  name?: string;
  /** metadata.namespace, or "default". */
  namespace: string;
}

export interface ManifestFile {
  /** Filesystem path, when the text has one. */
  path?: string;
  text: string;
  docs: YamlDoc[];
  objects: K8sObject[];
  /** True for Helm templates (`{{ … }}`), which are not checked. */
  templated: boolean;
  /** Range in the file of a node of a document. */
  nodeRange(doc: YamlDoc, node: Node): Range;
  /** Range of file offsets. */
  rangeOf(start: number, end: number): Range;
  positionAt(offset: number): Range['start'];
  offsetAt(position: Range['start']): number;
}

/** Start/end offsets of the documents of a YAML stream: each starts at its `---` line; `...` lines end one. */
export function splitDocuments(text: string): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let start = 0;
  const re = /^(---|\.\.\.)(?=[ \t]|\r?$)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    pieces.push([start, m.index]);
    start = m[1] === '---' ? m.index : text.indexOf('\n', m.index) + 1 || text.length;
  }
  pieces.push([start, text.length]);
  const docs = pieces.filter(([s, e]) => e > s);
  return docs.length ? docs : [[0, text.length]];
}

/**
 * Helm templates hold a `{{` with a `}}` after it. Two scans, not /\{\{[\s\S]*?\}\}/: that regex retries from
 * every `{{` to the end of the text, quadratic when `}}` never comes (80,000 `{{` took 7 s).
 */
export function isHelmTemplate(text: string): boolean {
  const open = text.indexOf('{{');
  return open >= 0 && text.indexOf('}}', open + 2) >= 0;
}

function stringAt(map: YAMLMap, key: string): string | undefined {
  const v = map.get(key, true);
  return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
}

/** Parses a manifest file into documents and Kubernetes objects. Never throws on any text. */
export function parseManifest(text: string, path?: string): ManifestFile {
  const lines = TextDocument.create('file:///manifest.yaml', 'yaml', 0, text);
  const file: ManifestFile = {
    path,
    text,
    docs: [],
    objects: [],
    templated: isHelmTemplate(text),
    nodeRange: (doc, node) => {
      const r = node.range ?? [0, 0, 0];
      return { start: lines.positionAt(doc.start + r[0]), end: lines.positionAt(doc.start + r[1]) };
    },
    rangeOf: (s, e) => ({ start: lines.positionAt(s), end: lines.positionAt(e) }),
    positionAt: (o) => lines.positionAt(o),
    offsetAt: (p) => lines.offsetAt(p),
  };
  if (file.templated) return file;
  const parses = new ParseSession(path ?? '');
  for (const [start, end] of splitDocuments(text)) {
    const yamlDoc: YamlDoc = { index: file.docs.length, start, end, doc: parses.parse(text.slice(start, end), end - start < text.length) };
    file.docs.push(yamlDoc);
    const root = yamlDoc.doc.contents;
    if (!isMap(root)) continue;
    const apiVersion = stringAt(root, 'apiVersion');
    const kind = stringAt(root, 'kind');
    if (!apiVersion || !kind) continue;
    const metadata = root.get('metadata', true);
    const name = isMap(metadata) ? stringAt(metadata, 'name') : undefined;
    const namespace = (isMap(metadata) ? stringAt(metadata, 'namespace') : undefined) ?? 'default';
    file.objects.push({ file, doc: yamlDoc, root, apiVersion, kind, name, namespace });
  }
  parses.commit();
  return file;
}
