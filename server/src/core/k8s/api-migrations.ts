// The edits that move an object from a deprecated apiVersion to its replacement (used by deprecated-api's fixes).
// Edits are line-wise and keep comments; restructured fields (an Ingress backend, an HPA metric target) are
// rewritten from their own source text.
import { isMap, isScalar, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { mapAt, pairOf, seqAt } from './object';
import type { K8sObject, ManifestFile, YamlDoc } from './parse';
import { splitLines } from '../text';
import type { TextEdit } from '../types';
import { addToMap, endOfNodeLine, eolOf, mapIndent, removeFromMap, replaceNode } from './yaml-edit';

type Edits = TextEdit[] | null;

function src(file: ManifestFile, doc: YamlDoc, node: Node, end = node.range?.[1] ?? 0): string {
  return file.text.slice(doc.start + (node.range?.[0] ?? 0), doc.start + end);
}

/** Source of a node up to its last non-blank character (block maps' ranges run on to the next line). */
function trimmedEnd(file: ManifestFile, doc: YamlDoc, node: Node): number {
  let end = node.range?.[1] ?? 0;
  while (end > 0 && /\s/.test(file.text[doc.start + end - 1])) end--;
  return end;
}

/** A pair's source (`key: value`, nested lines de-indented to the key's column), as a snippet. */
function pairSnippet(file: ManifestFile, doc: YamlDoc, pair: Pair<Node, Node>): string {
  const col = file.positionAt(doc.start + (pair.key.range?.[0] ?? 0)).character;
  const end = pair.value ? trimmedEnd(file, doc, pair.value) : pair.key.range?.[1];
  return splitLines(src(file, doc, pair.key, end))
    .map((l, i) => (i ? l.slice(Math.min(col, /^ */.exec(l)![0].length)) : l))
    .join('\n');
}

/** Replaces a pair (key to end of value; a trailing comment stays) with a snippet indented to the key's column. */
function replacePair(file: ManifestFile, doc: YamlDoc, pair: Pair<Node, Node>, snippet: string): TextEdit {
  const col = file.positionAt(doc.start + (pair.key.range?.[0] ?? 0)).character;
  const end = pair.value ? (isScalar(pair.value) ? pair.value.range?.[1] : trimmedEnd(file, doc, pair.value)) : pair.key.range?.[1];
  const text = snippet.split('\n').join(eolOf(file) + ' '.repeat(col));
  return { range: file.rangeOf(doc.start + (pair.key.range?.[0] ?? 0), doc.start + (end ?? 0)), newText: text };
}

/** Renames a map key in place. */
function renameKey(file: ManifestFile, doc: YamlDoc, map: YAMLMap, from: string, to: string): TextEdit | null {
  const pair = pairOf(map, from);
  return pair ? replaceNode(file, doc, pair.key, to) : null;
}

/** The apiVersion value replaced, keeping its quotes. */
export function renameApiVersion(file: ManifestFile, obj: K8sObject, to: string): TextEdit {
  const node = obj.root.get('apiVersion', true) as Scalar;
  const q = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : '';
  return replaceNode(file, obj.doc, node, q + to + q);
}

const REGEX_CHARS = /[\^$*+?()[\]{}|\\]/;

/** v1beta1 `serviceName`/`servicePort` as a v1 `service` backend. */
function backendEdit(file: ManifestFile, doc: YamlDoc, backend: Node | undefined): TextEdit | null {
  if (!isMap(backend)) return null;
  const name = backend.get('serviceName', true) as Node | undefined;
  const port = backend.get('servicePort', true) as Node | undefined;
  if (!isScalar(name)) return null;
  const p = isScalar(port) ? port.value : undefined;
  const numeric = typeof p === 'number' || (typeof p === 'string' && /^\d+$/.test(p));
  const portText = p === undefined ? undefined : numeric ? `number: ${Number(p)}` : `name: ${src(file, doc, port!)}`;
  const rest = backend.items.filter((i) => !['serviceName', 'servicePort'].includes(String((i.key as Scalar).value)));
  if (backend.flow) {
    const others = rest.map((i) => `, ${src(file, doc, i.key as Node, (i.value as Node | null)?.range?.[1])}`).join('');
    return replaceNode(file, doc, backend, `{service: {name: ${src(file, doc, name)}${portText ? `, port: {${portText}}` : ''}}${others}}`);
  }
  const lines = ['service:', `  name: ${src(file, doc, name)}`, ...(portText ? ['  port:', `    ${portText}`] : [])];
  lines.push(...rest.map((i) => pairSnippet(file, doc, i as Pair<Node, Node>)));
  const pad = ' '.repeat(mapIndent(file, doc, backend) ?? 0);
  return { range: file.rangeOf(doc.start + backend.range![0], doc.start + trimmedEnd(file, doc, backend)), newText: lines.join('\n').split('\n').join(eolOf(file) + pad) };
}

/** `pathType` for a path: Prefix, or ImplementationSpecific for a regex or a missing path. */
function pathTypeEdit(file: ManifestFile, doc: YamlDoc, item: YAMLMap): TextEdit | null {
  if (item.has('pathType')) return null;
  const path = item.get('path', true) as Node | undefined;
  const value = isScalar(path) && !REGEX_CHARS.test(String(path.value)) ? 'Prefix' : 'ImplementationSpecific';
  if (item.flow) {
    const at = doc.start + (path?.range?.[1] ?? 0);
    return path ? { range: file.rangeOf(at, at), newText: `, pathType: ${value}` } : null;
  }
  if (!path) return addToMap(file, doc, item, 'pathType', value);
  const at = endOfNodeLine(file, doc, path);
  const col = file.positionAt(doc.start + (pairOf(item, 'path')!.key.range?.[0] ?? 0)).character;
  return { range: file.rangeOf(at, at), newText: `${' '.repeat(col)}pathType: ${value}${eolOf(file)}` };
}

/** extensions|networking.k8s.io/v1beta1 Ingress → networking.k8s.io/v1. */
export function ingressEdits(file: ManifestFile, obj: K8sObject, to: string): Edits {
  const edits: Array<TextEdit | null> = [renameApiVersion(file, obj, to)];
  const spec = mapAt(obj.root, ['spec']);
  const dflt = spec && pairOf(spec, 'backend');
  if (spec && dflt) edits.push(renameKey(file, obj.doc, spec, 'backend', 'defaultBackend'), backendEdit(file, obj.doc, dflt.value ?? undefined));
  for (const rule of seqAt(spec, ['rules'])) {
    for (const item of seqAt(rule, ['http', 'paths'])) {
      if (!isMap(item)) continue;
      edits.push(pathTypeEdit(file, obj.doc, item), backendEdit(file, obj.doc, item.get('backend', true) as Node | undefined));
    }
  }
  return edits.filter((e): e is TextEdit => e !== null);
}

const METRIC_SOURCES = ['resource', 'containerResource', 'pods', 'object', 'external'];

/** One v2beta1 metric source (`resource:`, `pods:` …) rewritten to the v2beta2/v2 shape. */
function metricSourceEdits(file: ManifestFile, doc: YamlDoc, kind: string, m: YAMLMap): TextEdit[] {
  const edits: Array<TextEdit | null> = [];
  const name = pairOf(m, 'metricName');
  if (name?.value) {
    // `selector` (pods, object) and `metricSelector` (external) move under `metric:`.
    const sel = pairOf(m, 'metricSelector') ?? pairOf(m, 'selector');
    const selText = sel ? `\n  ${pairSnippet(file, doc, sel).replace(/^metricSelector:/, 'selector:').split('\n').join('\n  ')}` : '';
    edits.push(replacePair(file, doc, name, `metric:\n  name: ${src(file, doc, name.value)}${selText}`));
    if (sel) edits.push(removeFromMap(file, doc, m, String((sel.key as Scalar).value)));
  }
  if (kind === 'object') edits.push(renameKey(file, doc, m, 'target', 'describedObject'));
  // An object metric's optional averageValue wins over targetValue, as in the API server's own conversion.
  const targets: Array<[string, string, string]> = [
    ['targetAverageUtilization', 'Utilization', 'averageUtilization'],
    [kind === 'object' ? 'averageValue' : 'targetAverageValue', 'AverageValue', 'averageValue'],
    ['targetValue', 'Value', 'value'],
  ];
  const found = targets.filter(([key]) => pairOf(m, key)?.value);
  found.forEach(([key, type, field], i) => {
    const pair = pairOf(m, key)!;
    edits.push(i ? removeFromMap(file, doc, m, key) : replacePair(file, doc, pair, `target:\n  type: ${type}\n  ${field}: ${src(file, doc, pair.value!)}`));
  });
  return edits.filter((e): e is TextEdit => e !== null);
}

/** autoscaling/v2beta1 HorizontalPodAutoscaler → v2beta2 or v2 (same schema): metric targets restructured. */
export function hpaEdits(file: ManifestFile, obj: K8sObject, to: string): Edits {
  const edits = [renameApiVersion(file, obj, to)];
  for (const metric of seqAt(obj.root, ['spec', 'metrics'])) {
    for (const key of METRIC_SOURCES) {
      const m = isMap(metric) ? metric.get(key, true) : undefined;
      if (!isMap(m)) continue;
      if (m.flow) return null;
      edits.push(...metricSourceEdits(file, obj.doc, key, m));
    }
  }
  return edits;
}

/** extensions|apps/v1beta* workloads → apps/v1, which requires a selector and dropped rollbackTo/templateGeneration. */
export function workloadEdits(file: ManifestFile, obj: K8sObject, to: string): Edits {
  const spec = mapAt(obj.root, ['spec']);
  if (!spec) return null;
  const edits = [renameApiVersion(file, obj, to)];
  for (const key of ['rollbackTo', 'templateGeneration']) if (spec.has(key)) edits.push(removeFromMap(file, obj.doc, spec, key)!);
  if (spec.has('selector')) return edits;
  const labels = mapAt(obj.root, ['spec', 'template', 'metadata', 'labels']);
  if (!labels?.items.length) return null;
  const body = labels.flow ? `matchLabels: ${src(file, obj.doc, labels)}` : `matchLabels:\n${labels.items.map((p) => '  ' + pairSnippet(file, obj.doc, p as Pair<Node, Node>).split('\n').join('\n  ')).join('\n')}`;
  const add = addToMap(file, obj.doc, spec, 'selector', body);
  return add ? [...edits, add] : null;
}

/** flowcontrol v1beta1/v1beta2 → v1beta3/v1 renamed `assuredConcurrencyShares` to `nominalConcurrencyShares`. */
export function flowcontrolEdits(file: ManifestFile, obj: K8sObject, from: string, to: string): Edits {
  const edits = [renameApiVersion(file, obj, to)];
  const limited = mapAt(obj.root, ['spec', 'limited']);
  const renamed = /v1beta[12]$/.test(from) && !/v1beta2$/.test(to);
  const key = limited && renamed ? renameKey(file, obj.doc, limited, 'assuredConcurrencyShares', 'nominalConcurrencyShares') : null;
  return key ? [...edits, key] : edits;
}
