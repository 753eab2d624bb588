// Per-document analysis with a cache keyed by version, and the settings/config each document runs with.
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDockerfileModel, type DockerfileAnalysis } from '../core/analyze';
import { ConfigError, layerFromRules, loadProjectConfig, withLayers, type Config } from '../core/config';
import { FolderContext } from '../core/context';
import type { BuildContext } from '../core/types';
import { uriToPath } from './convert';

export interface DocumentSettings {
  /** `stevedore.rules`: rule id or alias → error|warning|info|hint|off. */
  rules?: Record<string, unknown>;
}

export interface AnalysisHost {
  /** Settings of the document's scope (cached by the session). */
  settings(uri: string): Promise<DocumentSettings>;
  log(message: string): void;
  /** Reports a configuration problem to the user once per distinct message. */
  configProblem(message: string): void;
}

interface Entry {
  version: number;
  analysis: DockerfileAnalysis;
}

/** Caches analyses per document version; a rule that throws is logged once per rule id. */
export class Analyzer {
  private readonly cache = new Map<string, Entry>();
  private readonly failedRules = new Set<string>();

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
    } catch (e) {
      if (e instanceof ConfigError) this.host.configProblem(e.message);
      else throw e;
    }
    return { path: file, context: file ? new FolderContext(path.dirname(file)) : undefined, config };
  }

  /** Analyses a document (or returns the cached result for its version). Returns undefined when cancelled. */
  async analyse(doc: TextDocument, isCancelled?: () => boolean): Promise<DockerfileAnalysis | undefined> {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const env = await this.environment(doc);
    await this.ready;
    if (isCancelled?.()) return undefined;
    const analysis = analyzeDockerfileModel(doc.getText(), {
      ...env,
      isCancelled,
      onRuleError: (id, e) => {
        if (this.failedRules.has(id)) return;
        this.failedRules.add(id);
        this.host.log(`rule ${id} failed and was skipped: ${(e as Error).stack ?? e}`);
      },
    });
    if (isCancelled?.()) return undefined;
    this.cache.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /** Forgets cached results (settings or project files changed). */
  invalidate(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}
