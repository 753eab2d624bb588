// The non-scaling HPA explained: when its ScalingActive condition says FailedGetResourceMetric / missing request,
// the condition node links to the hpa-cpu-without-requests rule's docs and — when a workspace manifest defines the
// target Deployment — to that manifest at the container's resources. The search and the YAML lookup are plain code
// over a file source; only `workspaceManifests` and `openHpaLink` touch VS Code (passed in).
import type * as vscodeT from 'vscode';
import { isMap, isSeq, LineCounter, parseAllDocuments, type YAMLMap } from 'yaml';
import { ruleDocsUrl } from '../../../server/src/core/rule';
import { HPA_LINK_COMMAND } from '../../../server/src/protocol';
import type { ClusterNode } from './model';
import type { HorizontalPodAutoscaler } from './types';

export const REQUESTS_RULE = 'hpa-cpu-without-requests';

/** What the HPA controller could not read: `missing request for cpu in container web of Pod web-…`. */
export interface MissingRequest {
  resource: string;
  container: string;
  deployment: string;
}

/** The missing request behind a FailedGetResourceMetric ScalingActive=False condition of an HPA on a Deployment. */
export function missingRequest(h: HorizontalPodAutoscaler): MissingRequest | undefined {
  const c = h.status?.conditions?.find((x) => x.type === 'ScalingActive');
  const target = h.spec?.scaleTargetRef;
  if (c?.status !== 'False' || c.reason !== 'FailedGetResourceMetric' || target?.kind !== 'Deployment' || !target.name) return undefined;
  const m = /missing request for (\w+) in container (\S+) of Pod/.exec(c.message ?? '');
  return m ? { resource: m[1], container: m[2], deployment: target.name } : undefined;
}

/** A place in a file (zero-based line and character). */
export interface ManifestLocation {
  path: string;
  line: number;
  character: number;
  /** The container has a `resources` key (the location is on it); otherwise the location is the container. */
  atResources: boolean;
}

/** Where a Deployment document in `text` has `container` (its `resources` key if any); namespace unset matches any. */
export function locateContainer(text: string, deployment: string, namespace: string, container: string): Omit<ManifestLocation, 'path'> | undefined {
  const lines = new LineCounter();
  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    if (!('contents' in doc) || doc.get('kind') !== 'Deployment' || doc.getIn(['metadata', 'name']) !== deployment) continue;
    const ns = doc.getIn(['metadata', 'namespace']);
    if (typeof ns === 'string' && ns && ns !== namespace) continue;
    const containers = doc.getIn(['spec', 'template', 'spec', 'containers'], true);
    const items = isSeq(containers) ? containers.items.filter(isMap) : [];
    const c = items.find((i) => (i as YAMLMap).get('name') === container) ?? items[0];
    if (!c) continue;
    const resources = (c as YAMLMap).items.find((p) => (p.key as { value?: unknown } | null)?.value === 'resources');
    const offset = (resources?.key as { range?: number[] } | null)?.range?.[0] ?? c.range?.[0] ?? 0;
    const pos = lines.linePos(offset);
    return { line: pos.line - 1, character: pos.col - 1, atResources: !!resources };
  }
  return undefined;
}

/** The files a search looks at, and how to read them. */
export interface ManifestSource {
  list(): Promise<string[]>;
  read(path: string): Promise<string>;
}

/** The first file (in the source's order) with a Deployment of that name and the container's location in it. */
export async function findDeploymentManifest(source: ManifestSource, m: MissingRequest, namespace: string): Promise<ManifestLocation | undefined> {
  // The workspace search: files that say `kind: Deployment` and name it, then the YAML lookup.
  const mentions = (text: string) => /^kind:\s*["']?Deployment\b/m.test(text) && text.includes(m.deployment);
  for (const path of await source.list()) {
    let text: string;
    try {
      text = await source.read(path);
    } catch {
      continue;
    }
    if (!mentions(text)) continue;
    const at = locateContainer(text, m.deployment, namespace, m.container);
    if (at) return { path, ...at };
  }
  return undefined;
}

/** What the tree needs to look a manifest up (register.ts gives it the workspace). */
export interface HpaLinks {
  source: ManifestSource;
  /** Shown in the node's label: the path relative to the workspace. */
  relative(path: string): string;
}

/** The argument of the internal `stevedore.openHpaLink` command. */
export type HpaLinkArg = { url: string } | ManifestLocation;

/** The condition node's children: the rule's docs, and the manifest (or why none is linked). */
export async function missingRequestLinks(parentId: string, m: MissingRequest, namespace: string, links: HpaLinks | undefined): Promise<ClusterNode[]> {
  const leaf = (id: string, label: string, description: string, icon: string, arg?: HpaLinkArg): ClusterNode => ({
    id: `${parentId}/${id}`,
    label,
    description,
    contextValue: 'stevedore.hpa.link',
    icon,
    collapsible: false,
    ...(arg ? { command: { command: HPA_LINK_COMMAND, title: label, arguments: [arg] } } : {}),
  });
  const nodes = [leaf('rule', `Rule ${REQUESTS_RULE}`, `utilization is a share of the ${m.resource} request: set one on every container`, 'book', { url: ruleDocsUrl(REQUESTS_RULE) })];
  const found = links && (await findDeploymentManifest(links.source, m, namespace));
  if (found) {
    const where = found.atResources ? `container ${m.container} · resources` : `container ${m.container} (no resources yet)`;
    nodes.push(leaf('manifest', `Open deployment ${m.deployment} in ${links.relative(found.path)}`, where, 'go-to-file', found));
  } else {
    nodes.push(leaf('manifest', `No workspace manifest defines Deployment ${m.deployment}`, `add a ${m.resource} request to container ${m.container}`, 'info'));
  }
  return nodes;
}

/** The workspace's YAML files (not node_modules or .git), read with workspace.fs. */
export function workspaceManifests(vscode: typeof vscodeT): HpaLinks {
  return {
    source: {
      list: async () => (await vscode.workspace.findFiles('**/*.{yaml,yml}', '**/{node_modules,.git}/**', 2000)).map((u) => u.fsPath).sort(),
      read: async (p) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(p))),
    },
    relative: (p) => vscode.workspace.asRelativePath(p),
  };
}

/** Runs a link: the docs in the browser, or the manifest at the container's resources. */
export async function openHpaLink(vscode: typeof vscodeT, arg: HpaLinkArg): Promise<void> {
  if ('url' in arg) {
    await vscode.env.openExternal(vscode.Uri.parse(arg.url));
    return;
  }
  const at = new vscode.Position(arg.line, arg.character);
  await vscode.window.showTextDocument(vscode.Uri.file(arg.path), { selection: new vscode.Range(at, at) });
}
