// CustomResourceDefinitions from outside the workspace's manifests: the files and folders of `kubernetes.crds`
// (.stevedore.yaml) and `stevedore.kubernetes.crds` (settings). Their CRDs join the workspace like any manifest, so
// validation, hover and completion find their kinds through the same lookup (crd-schemas.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from '../config';
import { walk } from '../walk';
import { parseManifest } from './parse';
import type { ManifestWorkspace } from './workspace';

/** A CRD bundle larger than this is not read (the largest common CRDs, Prometheus operator's, are ~1 MB). */
const MAX_CRD_FILE_BYTES = 8 * 1024 * 1024;
const CRD_FILE = /\.(ya?ml|json)$/i;

/** The CRD files and folders every layer of a config names (absolute, in layer order, once each). */
export function configCrdPaths(config: Config): string[] {
  return [...new Set(config.layers.flatMap((l) => l.kubernetesCrds ?? []))];
}

/** The YAML and JSON files of the given files and folders (folders walked, .gitignore honoured). */
export function crdFiles(entries: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entry);
    } catch {
      continue;
    }
    if (stat.isDirectory()) out.push(...walk(entry).filter((f) => CRD_FILE.test(f)));
    else if (stat.isFile()) out.push(entry);
  }
  return [...new Set(out.map((f) => path.resolve(f)))];
}

const published = new WeakMap<ManifestWorkspace, Set<string>>();

/**
 * Adds the CustomResourceDefinitions of the given files and folders to a workspace; a file the workspace already
 * holds (a workspace manifest, or added before) is left as it is, and a list already published to this workspace
 * is not read again (a CRD file changed on disk outside the workspace is read on the next start). Returns how many
 * files were added.
 */
export function publishCrdFiles(workspace: ManifestWorkspace, entries: readonly string[]): number {
  // Once per workspace and list: an analysis per keystroke must not walk the folders again.
  const key = entries.join('\0');
  let done = published.get(workspace);
  if (!done) published.set(workspace, (done = new Set()));
  if (done.has(key)) return 0;
  done.add(key);
  let added = 0;
  for (const file of crdFiles(entries)) {
    if (workspace.file(file)) continue;
    try {
      if (fs.statSync(file).size > MAX_CRD_FILE_BYTES) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('CustomResourceDefinition')) continue;
      const parsed = parseManifest(text, file);
      if (!parsed.objects.some((o) => o.kind === 'CustomResourceDefinition')) continue;
      workspace.set(parsed);
      added++;
    } catch {
      // An unreadable file gives no schemas, not a failed analysis.
    }
  }
  return added;
}
