// Completion for Kubernetes manifests: schema keys, enum values, and names of the objects a reference can point at.
import { CompletionItemKind, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { containers, nodeAt, scalarAt, seqAt, type PathKey } from '../object';
import type { K8sObject, ManifestFile } from '../parse';
import { keysAt } from '../schema';
import { yamlScalar } from '../yaml-write';
import { enumAt } from '../schema-enum';
import type { Workspace } from '../workspace';
import { docAt, objectOf, typingContext } from './cursor';
import { resolve } from './refs';

interface Target {
  apiVersion: string;
  kind: string;
  namespace: string;
  /** The parsed object when the document still parses as one. */
  obj?: K8sObject;
}

/** The document's apiVersion/kind/namespace, read from its text when the YAML is too broken to give an object. */
function targetAt(file: ManifestFile, offset: number): Target | undefined {
  const doc = docAt(file, offset);
  const obj = objectOf(file, doc);
  if (obj) return { apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.namespace, obj };
  const text = doc ? file.text.slice(doc.start, doc.end) : '';
  const field = (re: RegExp) => re.exec(text)?.[1].replace(/^(["'])(.*)\1$/, '$2');
  const apiVersion = field(/^apiVersion:[ \t]*(\S+)/m);
  const kind = field(/^kind:[ \t]*(\S+)/m);
  return apiVersion && kind ? { apiVersion, kind, namespace: field(/^ {2,}namespace:[ \t]*(\S+)/m) ?? 'default' } : undefined;
}

const isBlock = (type: string) => type.endsWith('[]') || type.startsWith('map[') || type === 'object' || (/^[A-Z]/.test(type) && type !== 'Quantity');

function keyItems(t: Target, mapPath: PathKey[], siblings: string[], workspace: Workspace): CompletionItem[] {
  const present = new Set(siblings);
  // `status` is written by the cluster, never in a manifest.
  const keys = keysAt(t.apiVersion, t.kind, mapPath, workspace).filter((k) => !present.has(k.name) && !(mapPath.length === 0 && k.name === 'status'));
  return keys.map((k) => ({
    label: k.name,
    kind: CompletionItemKind.Property,
    detail: k.required ? `${k.type} (required)` : k.type,
    ...(k.description ? { documentation: { kind: MarkupKind.Markdown, value: k.description } } : {}),
    sortText: `${k.required ? 0 : 1}${k.name}`,
    insertText: isBlock(k.type) ? `${k.name}:\n  ` : `${k.name}: `,
    insertTextMode: InsertTextMode.adjustIndentation,
  }));
}

function valueItem(value: string | number | boolean, kind: CompletionItemKind, detail: string, spaced: boolean, rank = 0): CompletionItem {
  const text = String(value);
  // Strings YAML would read as another type keep their quotes.
  const quoted = typeof value === 'string' ? yamlScalar(text, '"') : text;
  return { label: text, kind, detail, sortText: `${rank}${text}`, insertText: spaced ? quoted : ` ${quoted}` };
}

const str = (v: unknown): v is string => typeof v === 'string';

/** Container port names and numbers of a container map. */
function portsOf(container: unknown): Array<{ name?: string; port?: number }> {
  return seqAt(container, ['ports']).map((p) => {
    const name = scalarAt(p, ['name']);
    const port = scalarAt(p, ['containerPort']);
    return { ...(str(name) ? { name } : {}), ...(typeof port === 'number' ? { port } : {}) };
  });
}

function portItems(ports: Array<{ name?: string; port?: number }>, detail: string, spaced: boolean, names = true): CompletionItem[] {
  const seen = new Set<string>();
  const items = ports.flatMap((p) => [
    ...(names && p.name ? [valueItem(p.name, CompletionItemKind.Reference, `${detail} ${p.port ?? ''}`.trim(), spaced, 0)] : []),
    ...(p.port !== undefined ? [valueItem(p.port, CompletionItemKind.Value, p.name ? `${detail} ${p.name}` : detail, spaced, 1)] : []),
  ]);
  return items.filter((i) => !seen.has(i.label) && !!seen.add(i.label));
}

const SCALABLE = ['Deployment', 'StatefulSet', 'ReplicaSet'];

/** Object names and ports a reference value can take at `path` (the value's key path). */
function referenceItems(workspace: Workspace, t: Target, path: PathKey[], spaced: boolean): CompletionItem[] {
  const root = t.obj?.root;
  const last = path[path.length - 1];
  const inNs = (kind: string) => workspace.objects().filter((o) => o.kind === kind && o.namespace === t.namespace && o.name);
  if (t.kind === 'Ingress' && path.length >= 3 && path[path.length - 2] === 'service' && last === 'name' && ['backend', 'defaultBackend'].includes(String(path[path.length - 3]))) {
    return inNs('Service').map((s) => valueItem(s.name!, CompletionItemKind.Reference, `Service (${s.namespace})`, spaced));
  }
  if (t.kind === 'Ingress' && path.length >= 4 && path[path.length - 3] === 'service' && path[path.length - 2] === 'port' && (last === 'name' || last === 'number')) {
    const name = scalarAt(root, [...path.slice(0, -2), 'name']);
    const services = inNs('Service').filter((s) => s.name === name);
    const ports = services.flatMap((s) => seqAt(s.root, ['spec', 'ports']).map((p) => ({ name: scalarAt(p, ['name']), port: scalarAt(p, ['port']) })));
    return last === 'name'
      ? ports.filter((p) => str(p.name)).map((p) => valueItem(p.name as string, CompletionItemKind.Reference, `port ${p.port}`, spaced))
      : ports.filter((p) => typeof p.port === 'number').map((p) => valueItem(p.port as number, CompletionItemKind.Value, str(p.name) ? `port ${p.name}` : 'port', spaced));
  }
  if ((t.kind === 'HorizontalPodAutoscaler' || t.kind === 'ScaledObject') && path.join('.') === 'spec.scaleTargetRef.name') {
    const kind = scalarAt(root, ['spec', 'scaleTargetRef', 'kind']);
    const kinds = str(kind) ? [kind] : t.kind === 'ScaledObject' ? ['Deployment'] : SCALABLE;
    return kinds.flatMap((k) => inNs(k).map((o) => valueItem(o.name!, CompletionItemKind.Reference, `${o.kind} (${o.namespace})`, spaced)));
  }
  if ((t.kind === 'HorizontalPodAutoscaler' || t.kind === 'ScaledObject') && path.join('.') === 'spec.scaleTargetRef.kind') {
    return SCALABLE.map((k) => valueItem(k, CompletionItemKind.EnumMember, 'scalable kind', spaced));
  }
  if (t.kind === 'Service' && t.obj && path.length === 4 && path[0] === 'spec' && path[1] === 'ports' && last === 'targetPort') {
    const workloads = resolve(workspace, { type: 'selector', from: t.obj });
    return portItems(workloads.flatMap((w) => containers(w).flatMap((c) => portsOf(c.map))), 'container port', spaced);
  }
  const probe = path.length >= 4 && last === 'port' && /^(liveness|readiness|startup)Probe$/.test(String(path[path.length - 3]));
  if (probe && ['httpGet', 'tcpSocket', 'grpc'].includes(String(path[path.length - 2]))) {
    return portItems(portsOf(nodeAt(root, path.slice(0, -3))), 'container port', spaced, path[path.length - 2] !== 'grpc');
  }
  return [];
}

/** Completion items at an offset: keys of the map being typed in, or values for the key being typed. */
export function manifestCompletions(file: ManifestFile, workspace: Workspace, offset: number): CompletionItem[] {
  if (file.templated) return [];
  const ctx = typingContext(file, offset);
  const t = ctx && targetAt(file, offset);
  if (!ctx || !t) return [];
  if (!ctx.value) return keyItems(t, ctx.mapPath, ctx.siblings, workspace);
  const path = [...ctx.mapPath, ctx.value.key];
  const spaced = ctx.value.spaced;
  const items = enumAt(t.apiVersion, t.kind, path, workspace).map((v) => valueItem(v, CompletionItemKind.EnumMember, 'allowed value', spaced));
  const type = keysAt(t.apiVersion, t.kind, ctx.mapPath, workspace).find((k) => k.name === ctx.value!.key)?.type;
  if (!items.length && type === 'boolean') items.push(...[true, false].map((v) => valueItem(v, CompletionItemKind.Value, 'boolean', spaced)));
  return [...items, ...referenceItems(workspace, t, path, spaced)];
}
