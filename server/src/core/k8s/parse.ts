// Kubernetes manifests: a YAML file split into documents, each parsed on its own with the `yaml` package so
// that an edit re-parses only the document it touches (unchanged documents come from a cache by their text).
import { isMap, isScalar, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../types';

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

const CACHE_SIZE = 5000;
const cache = new Map<string, Document.Parsed>();

/** Parses one document's text, reusing the tree of an identical earlier text. Trees are only read. */
function parseCached(text: string): Document.Parsed {
  let doc = cache.get(text);
  if (doc) {
    cache.delete(text);
  } else {
    // Aliases stay Alias nodes in the tree (never expanded here), so alias bombs cost nothing; errors are kept
    // on the document for the yaml-syntax rule.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(text, doc);
  return doc;
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
    templated: /\{\{[\s\S]*?\}\}/.test(text),
    nodeRange: (doc, node) => {
      const r = node.range ?? [0, 0, 0];
      return { start: lines.positionAt(doc.start + r[0]), end: lines.positionAt(doc.start + r[1]) };
    },
    rangeOf: (s, e) => ({ start: lines.positionAt(s), end: lines.positionAt(e) }),
    positionAt: (o) => lines.positionAt(o),
    offsetAt: (p) => lines.offsetAt(p),
  };
  if (file.templated) return file;
  for (const [start, end] of splitDocuments(text)) {
    const yamlDoc: YamlDoc = { index: file.docs.length, start, end, doc: parseCached(text.slice(start, end)) };
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
  return file;
}
