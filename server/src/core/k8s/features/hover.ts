// Hover for Kubernetes manifests: schema docs of the key or value, what a reference resolves to, quantity meanings.
import { isScalar } from 'yaml';
import { describePath } from '../schema';
import type { ManifestFile } from '../parse';
import type { Workspace } from '../workspace';
import { cursorAt } from './cursor';
import { referenceAt, resolve, type Reference } from './refs';
import { quantityMeaning, serviceSummary, workloadSummary } from './summary';

const QUANTITY_KEYS = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage']);

function referenceMarkdown(workspace: Workspace, ref: Reference): string {
  const targets = resolve(workspace, ref);
  const ns = `namespace \`${ref.from.namespace}\``;
  if (ref.type === 'selector') {
    const what = ref.label === undefined ? 'This selector' : `The selector (label \`${ref.label}\`)`;
    if (!targets.length) return `${what} matches no workload's pod labels in ${ns}.`;
    return [`${what} selects ${targets.length} workload${targets.length > 1 ? 's' : ''}:`, ...targets.map((t) => `- ${workloadSummary(t)}`)].join('\n');
  }
  if (ref.type === 'backend') {
    if (ref.name === undefined) return 'The backend names no Service.';
    return targets.length ? `Routes to Service: ${serviceSummary(targets[0])}` : `No Service \`${ref.name}\` in ${ns}.`;
  }
  return targets.length ? `Scales ${workloadSummary(targets[0])}` : `The scale target is not defined in ${ns}.`;
}

function schemaMarkdown(apiVersion: string, kind: string, path: (string | number)[], workspace: Workspace): string | undefined {
  const info = describePath(apiVersion, kind, path, workspace);
  if (!info) return undefined;
  const key = path.length ? String(path[path.length - 1]) : kind;
  const head = `**${key}** \`${info.type}\``;
  return info.description ? `${head}\n\n${info.description}` : head;
}

/** Markdown for the key or value at an offset of a manifest, or undefined when there is nothing to say. */
export function manifestHover(file: ManifestFile, workspace: Workspace, offset: number): string | undefined {
  const cursor = cursorAt(file, offset);
  const obj = cursor?.obj;
  if (!cursor || !obj || file.templated) return undefined;
  const parts: string[] = [];
  const schema = schemaMarkdown(obj.apiVersion, obj.kind, cursor.path, workspace);
  if (schema) parts.push(schema);
  const ref = referenceAt(obj, cursor.path);
  if (ref) parts.push(referenceMarkdown(workspace, ref));
  const last = cursor.path[cursor.path.length - 1];
  if (!cursor.onKey && typeof last === 'string' && QUANTITY_KEYS.has(last) && isScalar(cursor.node)) {
    // The source text, not the parsed number: `1.0` and `129e6` are shown as written.
    const value = cursor.node.source ?? cursor.node.value;
    const meaning = typeof value === 'string' || typeof value === 'number' ? quantityMeaning(last, value) : undefined;
    if (meaning) parts.push(meaning);
  }
  return parts.length ? parts.join('\n\n---\n\n') : undefined;
}
