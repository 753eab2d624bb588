// Per-document analysis with a cache keyed by version, and the settings/config each document runs with.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDockerfileModel, type DockerfileAnalysis } from '../core/analyze';
import { fileKind } from '../core/files';
import { analyzeManifest, type ManifestAnalysis } from '../core/k8s/analyze';
import { parseManifest } from '../core/k8s/parse';
import { ManifestWorkspace } from '../core/k8s/workspace';
import { walk } from '../core/walk';
import { ConfigError, layerFromRules, loadProjectConfig, parseKubernetesVersion, withLayers, type Config } from '../core/config';
import { FolderContext } from '../core/context';
import type { BuildContext } from '../core/types';
import { uriToPath } from './convert';

export interface DocumentSettings {
  /** `stevedore.rules`: rule id or alias → error|warning|info|hint|off. */
  rules?: Record<string, unknown>;
  /** `stevedore.kubernetes.version`. */
  kubernetes?: { version?: unknown };
}

export interface AnalysisHost {
  /** Settings of the document's scope (cached by the session). */
  settings(uri: string): Promise<DocumentSettings>;
  log(message: string): void;
  /** Reports a configuration problem to the user once per distinct message. */
  configProblem(message: string): void;
}

export type Analysis = ({ kind: 'dockerfile' } & DockerfileAnalysis) | ({ kind: 'manifest' } & ManifestAnalysis);

interface Entry {
  version: number;
  /** For manifests: the workspace generation the result was computed against (other files matter). */
  generation: number;
  analysis: Analysis;
}

/** Files larger than this are not loaded into the manifest workspace (generated dumps, not manifests people edit). */
const MAX_MANIFEST_BYTES = 2_000_000;

/** Whether an open document is a Dockerfile or (possibly) a Kubernetes manifest. */
export function documentKind(doc: TextDocument): 'dockerfile' | 'manifest' | undefined {
  if (doc.languageId === 'dockerfile') return 'dockerfile';
  if (doc.languageId === 'yaml') return 'manifest';
  const file = uriToPath(doc.uri);
  return file ? fileKind(file) : undefined;
}

/** Caches analyses per document version; a rule that throws is logged once per rule id. */
export class Analyzer {
  private readonly cache = new Map<string, Entry>();
  private readonly failedRules = new Set<string>();
  /** Manifests on disk (scanned from the workspace folders) for cross-file checks; open documents overlay them. */
  readonly manifests = new ManifestWorkspace();
  /** Bumped whenever a manifest changes, so cached manifest results that may depend on it are recomputed. */
  private generation = 0;

  constructor(
    private readonly ready: Promise<void>,
    private readonly host: AnalysisHost,
  ) {}

  /** The file path, build context and effective config of a document. */
  async environment(doc: TextDocument): Promise<{ path?: string; context?: BuildContext; config: Config }> {
    const file = uriToPath(doc.uri);
    const settings = await this.host.settings(doc.uri);
    let config: Config = { layers: [] };
    try {
      if (file) config = loadProjectConfig(path.dirname(file));
      if (settings.rules) config = withLayers(config, layerFromRules('settings (stevedore.rules)', settings.rules));
      if (settings.kubernetes?.version) {
        config = withLayers(config, { source: 'settings', rules: [], kubernetesVersion: parseKubernetesVersion('settings (stevedore.kubernetes.version)', settings.kubernetes.version) });
      }
    } catch (e) {
      if (e instanceof ConfigError) this.host.configProblem(e.message);
      else throw e;
    }
    return { path: file, context: file ? new FolderContext(path.dirname(file)) : undefined, config };
  }

  /** Analyses a document (or returns the cached result for its version). Returns undefined when cancelled. */
  async analyse(doc: TextDocument, isCancelled?: () => boolean): Promise<Analysis | undefined> {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version && (cached.analysis.kind === 'dockerfile' || cached.generation === this.generation)) return cached.analysis;
    const kind = documentKind(doc);
    if (!kind) return undefined;
    const env = await this.environment(doc);
    if (kind === 'dockerfile') await this.ready;
    if (isCancelled?.()) return undefined;
    const onRuleError = (id: string, e: unknown) => {
      if (this.failedRules.has(id)) return;
      this.failedRules.add(id);
      this.host.log(`rule ${id} failed and was skipped: ${(e as Error).stack ?? e}`);
    };
    const analysis: Analysis =
      kind === 'dockerfile'
        ? { kind, ...analyzeDockerfileModel(doc.getText(), { ...env, isCancelled, onRuleError }) }
        : { kind, ...analyzeManifest(doc.getText(), { path: env.path, config: env.config, workspace: this.manifests, isCancelled, onRuleError }) };
    if (isCancelled?.()) return undefined;
    this.cache.set(doc.uri, { version: doc.version, generation: this.generation, analysis });
    return analysis;
  }

  /** Loads the Kubernetes manifests under the workspace folders (gitignored files and node_modules skipped). */
  loadManifests(folders: string[]): number {
    let count = 0;
    for (const folder of folders) {
      for (const file of walk(folder)) {
        if (fileKind(file) !== 'manifest') continue;
        if (this.readManifest(file)) count++;
      }
    }
    this.generation++;
    return count;
  }

  /** Re-reads one manifest from disk after it changed, was created or was deleted. */
  manifestChanged(file: string): void {
    if (!this.readManifest(file)) this.manifests.delete(file);
    this.generation++;
  }

  /** Makes an open document's unsaved text what other manifests see. */
  manifestEdited(file: string, text: string): void {
    this.manifests.set(parseManifest(text, file));
    this.generation++;
  }

  private readManifest(file: string): boolean {
    try {
      if (fs.statSync(file).size > MAX_MANIFEST_BYTES) return false;
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('apiVersion') || !text.includes('kind')) return false;
      const parsed = parseManifest(text, file);
      if (!parsed.objects.length) return false;
      this.manifests.set(parsed);
      return true;
    } catch {
      return false;
    }
  }

  /** Forgets cached results (settings or project files changed). */
  invalidate(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}
