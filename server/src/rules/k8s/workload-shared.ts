// Helpers shared by the pod-spec rules (resources, probes, security context, selectors, env): finding a container
// again from a finding, pointing at it, and merging small YAML blocks into existing maps without reformatting.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { containers, nodeAt, podSpecPath, scalarAt, seqAt, type ContainerRef, type PathKey } from '../../core/k8s/object';
import { parseManifest, type K8sObject, type ManifestFile, type YamlDoc } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { FixInput, Range, RuleHit, TextEdit } from '../../core/types';
import { addToMap, endOfNodeLine, eolOf, indentBlock, mapIndent } from '../../core/k8s/yaml-edit';

/** Where a finding's target lives: the document index and a path from the object's root. */
export interface Target {
  doc: number;
  path: PathKey[];
}

/** The objects of a file that have a pod spec, with their containers. */
export function podObjects(file: ManifestFile): K8sObject[] {
  return file.objects.filter((o) => podSpecPath(o));
}

/** Workloads whose pods run until stopped (not Jobs, CronJobs, or Pods that do not restart). */
export function longRunning(obj: K8sObject): boolean {
  if (obj.kind === 'Job' || obj.kind === 'CronJob') return false;
  if (obj.kind === 'Pod') return (scalarAt(obj.root, ['spec', 'restartPolicy']) ?? 'Always') === 'Always';
  return true;
}

/** Offset of the `-` that starts the sequence item whose node begins at `nodeStart` (document-relative), if any. */
function dashBefore(file: ManifestFile, doc: YamlDoc, nodeStart: number): number | undefined {
  let at = doc.start + nodeStart - 1;
  while (at >= doc.start && /[ \t\r\n]/.test(file.text[at])) at--;
  return file.text[at] === '-' ? at : undefined;
}

/** Range naming a container: its `name` value, else the `- ` of its item. */
export function containerRange(file: ManifestFile, obj: K8sObject, c: ContainerRef): Range {
  const name = c.map.get('name', true);
  if (isScalar(name) && name.range) return file.nodeRange(obj.doc, name);
  const start = c.map.range?.[0] ?? 0;
  const dash = dashBefore(file, obj.doc, start);
  return dash === undefined ? file.nodeRange(obj.doc, c.map) : file.rangeOf(dash, dash + 1);
}

/** A container's label for messages: `container "web"` or `container #2`. */
export function containerLabel(c: ContainerRef): string {
  const kind = c.init ? 'init container' : 'container';
  return c.name ? `${kind} "${c.name}"` : `${kind} #${Number(c.path[c.path.length - 1]) + 1}`;
}

/** containerLabel capitalised, to start a message. */
export function containerTitle(c: ContainerRef): string {
  const label = containerLabel(c);
  return label[0].toUpperCase() + label.slice(1);
}

type FileContainers = ReadonlyArray<{ obj: K8sObject; c: ContainerRef }>;
// Nine rules walk the containers of the same file in one analysis; a file's objects never change, so the list is
// read once per file and shared (read-only).
const containerLists = new WeakMap<ManifestFile, { all?: FileContainers; main?: FileContainers }>();

/** The containers (init ones too when asked) of every pod-spec object of a file. Shared: do not modify. */
export function allContainers(file: ManifestFile, includeInit: boolean): FileContainers {
  let lists = containerLists.get(file);
  if (!lists) containerLists.set(file, (lists = {}));
  const key = includeInit ? 'all' : 'main';
  return (lists[key] ??= podObjects(file).flatMap((obj) => containers(obj, includeInit).map((c) => ({ obj, c }))));
}

/** Re-parses a fix's text and finds a finding's object and target node again. */
export function locate(input: FixInput, data: unknown): { file: ManifestFile; obj: K8sObject; node: Node | undefined } | null {
  const t = data as Partial<Target> | undefined;
  if (!t || typeof t.doc !== 'number' || !Array.isArray(t.path)) return null;
  const file = parseManifest(input.text, input.path);
  const obj = file.objects.find((o) => o.doc.index === t.doc);
  return obj ? { file, obj, node: nodeAt(obj.root, t.path) } : null;
}

const YAML11_WORDS = /^(y|yes|n|no|true|false|on|off|null|~)$/i;

/** A string as a YAML scalar that every Kubernetes parser reads back as that string (quoted when needed). */
export function yamlString(s: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(s) && !YAML11_WORDS.test(s);
  return plain ? s : JSON.stringify(s);
}

/** Nested entries to merge into a map: a value is a YAML scalar snippet or a nested tree. */
export interface Tree {
  [key: string]: string | Tree;
}

function blockOf(tree: Tree): string {
  return Object.entries(tree)
    .map(([k, v]) => (typeof v === 'string' ? `${k}: ${v}` : `${k}:\n${blockOf(v).replace(/^/gm, '  ')}`))
    .join('\n');
}

function flowOf(tree: Tree): string {
  return Object.entries(tree)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : `{${flowOf(v)}}`}`)
    .join(', ');
}

/**
 * Edits adding the entries of `tree` that `map` lacks, descending into nested maps that exist (block or flow).
 * Existing values win. Returns null when an existing entry is in the way (a scalar where a map is needed).
 */
export function mergeMap(file: ManifestFile, doc: YamlDoc, map: YAMLMap, tree: Tree): TextEdit[] | null {
  const edits: TextEdit[] = [];
  const adds: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    const existing = map.get(key, true);
    if (existing === undefined) adds[key] = value;
    else if (typeof value !== 'string') {
      if (!isMap(existing)) return null;
      const inner = mergeMap(file, doc, existing, value);
      if (!inner) return null;
      edits.push(...inner);
    }
  }
  if (Object.keys(adds).length) {
    if (map.flow) {
      const end = doc.start + (map.range?.[1] ?? 0);
      let close = end - 1;
      while (close > 0 && file.text[close] !== '}') close--;
      const sep = map.items.length ? ', ' : '';
      const at = file.positionAt(close);
      edits.push({ range: { start: at, end: at }, newText: sep + flowOf(adds) });
    } else {
      const parts = Object.entries(adds).map(([k, v]) => addToMap(file, doc, map, k, typeof v === 'string' ? v : blockOf(v)));
      if (parts.some((p) => !p)) return null;
      edits.push(...joinInsertions(file, parts as TextEdit[]));
    }
  }
  return joinInsertions(file, edits);
}

/** Like addToMap, but inserts `key:` with a block value as the map's first entry (`metadata` before `spec`). */
export function prependToMap(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string, tree: Tree): TextEdit | null {
  const indent = mapIndent(file, doc, map);
  const first = map.items[0]?.key as Node | undefined;
  if (indent === undefined || !first?.range) return null;
  const eol = eolOf(file);
  const at = file.positionAt(doc.start + first.range[0]);
  // The first key may share its line with a `- ` item; then the new entry takes that place and the old key moves down.
  const text = `${key}:${eol}${indentBlock(blockOf(tree), indent + 2, eol)}${eol}${' '.repeat(indent)}`;
  return { range: { start: at, end: at }, newText: text };
}

/** Joins insertions at the same position into one edit (in order), so their order never depends on the client. */
function joinInsertions(file: ManifestFile, edits: TextEdit[]): TextEdit[] {
  const eol = eolOf(file);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character && o.range.end.line === o.range.start.line && o.range.end.character === o.range.start.character);
    // addToMap prefixes a line break when the file has no final newline; only the first piece needs it.
    if (same) same.newText += same.newText.startsWith(eol) && e.newText.startsWith(eol) ? e.newText.slice(eol.length) : e.newText;
    else out.push({ ...e });
  }
  return out;
}

/** An edit deleting the whole lines of a block sequence item (from its `- ` to the end of its value). */
export function removeSeqItem(file: ManifestFile, doc: YamlDoc, item: Node): TextEdit | null {
  const dash = dashBefore(file, doc, item.range?.[0] ?? 0);
  if (dash === undefined) return null;
  const lineStart = file.offsetAt({ line: file.positionAt(dash).line, character: 0 });
  if (file.text.slice(lineStart, dash).trim()) return null;
  return { range: file.rangeOf(lineStart, endOfNodeLine(file, doc, item)), newText: '' };
}

// Ports that conventionally serve plain HTTP; 443/8443 and names with "https" serve TLS, which an httpGet probe
// without `scheme: HTTPS` cannot talk to, so they get a TCP probe (as do gRPC ports).
const HTTP_PORTS = new Set([80, 3000, 5000, 8000, 8080, 8081, 9000]);

/** The values a new probe starts with; the user should review them, so they become the fix's placeholders. */
const PROBE_DEFAULTS = { path: '/healthz', initialDelaySeconds: '5', periodSeconds: '10' };

/** The probe block to insert for a container's first port (httpGet on HTTP-like ports, else tcpSocket), or null. */
export function probeSnippet(container: YAMLMap): string | null {
  const port = seqAt(container, ['ports'])[0];
  const name = scalarAt(port, ['name']);
  const num = scalarAt(port, ['containerPort']);
  if (typeof num !== 'number' && typeof name !== 'string') return null;
  const ref = typeof name === 'string' && name ? yamlString(name) : String(num);
  const lname = typeof name === 'string' ? name.toLowerCase() : '';
  const http = !/https|grpc/.test(lname) && (/http|web|metrics/.test(lname) || (typeof num === 'number' && HTTP_PORTS.has(num)));
  const check = http ? `httpGet:\n  path: ${PROBE_DEFAULTS.path}\n  port: ${ref}` : `tcpSocket:\n  port: ${ref}`;
  return `${check}\ninitialDelaySeconds: ${PROBE_DEFAULTS.initialDelaySeconds}\nperiodSeconds: ${PROBE_DEFAULTS.periodSeconds}`;
}

/** check() and fixes of a rule flagging long-running containers without a `readinessProbe`/`livenessProbe`. */
export function missingProbeRule(field: 'readinessProbe' | 'livenessProbe', consequence: string): Pick<ManifestRule, 'check' | 'fixes'> {
  return {
    check({ file }) {
      const hits: RuleHit[] = [];
      for (const { obj, c } of allContainers(file, false)) {
        if (!longRunning(obj) || c.map.has(field)) continue;
        hits.push({
          message: `${containerTitle(c)} of ${obj.kind} ${obj.name ?? '(unnamed)'} has no ${field}, so ${consequence}; add one.`,
          range: containerRange(file, obj, c),
          data: { doc: obj.doc.index, path: c.path },
        });
      }
      return hits;
    },
    fixes: [
      {
        id: `add-${field === 'readinessProbe' ? 'readiness' : 'liveness'}-probe`,
        title: () => `Add a ${field} on the container's first port (review the path and timings)`,
        safe: false,
        apply(input, finding) {
          const found = locate(input, finding.data);
          if (!found || !isMap(found.node) || found.node.has(field)) return null;
          const snippet = probeSnippet(found.node);
          const edit = snippet && addToMap(found.file, found.obj.doc, found.node, field, snippet);
          const placeholders = Object.entries(PROBE_DEFAULTS).map(([key, value]) => ({ key, value }));
          return edit ? { edits: [edit], placeholders } : null;
        },
      },
    ],
  };
}
