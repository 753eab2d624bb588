// Reads (never writes) the kubeconfig: contexts and current-context, merged across KUBECONFIG like kubectl does.
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { KubectlError } from './errors';

export interface KubeContext {
  name: string;
  cluster?: string;
  user?: string;
  /** The context's default namespace, if it sets one. */
  namespace?: string;
  /** The API server URL of the context's cluster, for tooltips. */
  server?: string;
}

export interface Kubeconfig {
  /** The files that were looked at, in merge order (missing ones included, for messages). */
  files: string[];
  contexts: KubeContext[];
  currentContext?: string;
}

/** The kubeconfig files kubectl would read: the setting, else KUBECONFIG (path-list), else ~/.kube/config. */
export function kubeconfigPaths(setting: string | undefined, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string[] {
  const expand = (p: string) => (p === '~' ? home : p.startsWith('~/') ? path.join(home, p.slice(2)) : p);
  if (setting?.trim()) return [expand(setting.trim())];
  const list = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  return list.length ? [...new Set(list.map(expand))] : [path.join(home, '.kube', 'config')];
}

interface RawNamed<T> {
  name?: unknown;
  context?: T;
  cluster?: T;
}

/** Reads and merges the files; for each context name (and current-context) the first file that sets it wins. */
export async function readKubeconfig(files: string[]): Promise<Kubeconfig> {
  const contexts = new Map<string, KubeContext>();
  const servers = new Map<string, string>();
  let currentContext: string | undefined;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new KubectlError('failed', `Cannot read kubeconfig ${file}: ${(e as Error).message}`);
    }
    let doc: unknown;
    try {
      doc = parse(text);
    } catch (e) {
      throw new KubectlError('malformed', `Kubeconfig ${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    if (doc === null || doc === undefined) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) throw new KubectlError('malformed', `Kubeconfig ${file} is not a YAML mapping.`);
    const cfg = doc as Record<string, unknown>;
    for (const c of asList<RawNamed<{ server?: unknown }>>(cfg.clusters)) {
      if (typeof c.name === 'string' && typeof c.cluster?.server === 'string' && !servers.has(c.name)) servers.set(c.name, c.cluster.server);
    }
    for (const c of asList<RawNamed<{ cluster?: unknown; user?: unknown; namespace?: unknown }>>(cfg.contexts)) {
      if (typeof c.name !== 'string' || !c.name || contexts.has(c.name)) continue;
      contexts.set(c.name, {
        name: c.name,
        cluster: str(c.context?.cluster),
        user: str(c.context?.user),
        namespace: str(c.context?.namespace),
      });
    }
    if (currentContext === undefined && typeof cfg['current-context'] === 'string' && cfg['current-context']) {
      currentContext = cfg['current-context'];
    }
  }
  for (const c of contexts.values()) c.server = c.cluster ? servers.get(c.cluster) : undefined;
  return { files, contexts: [...contexts.values()], currentContext };
}

function asList<T>(v: unknown): T[] {
  return Array.isArray(v) ? v.filter((x): x is T => typeof x === 'object' && x !== null) : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
