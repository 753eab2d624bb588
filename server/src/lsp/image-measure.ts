// "Build and measure" in the language server: on the client's request (never by itself, and only when the client
// said the workspace is trusted) the open Dockerfile's text is built with the configured engine
// (tools/measure.ts), its output streamed to the client's "Stevedore Build" channel; the measurement is kept per
// document and shown as inlay hints, a lens on the final FROM, hovers and wasted-bytes diagnostics of their own
// source (not the rule engine's). "Measure this fix" builds a size fix's result in a temporary copy.
import * as path from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type Position,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileModel } from '../core/dockerfile/model';
import { buildModel, shellGrammarFor } from '../core/dockerfile/model';
import { applyEdits } from '../core/fixes';
import type { ImageMeasurement } from '../core/image/layer-map';
import type { FileEnvironment } from '../core/languages/language';
import type { Finding } from '../core/types';
import { LocalBaseSizes } from './image-base-sizes';
import { EngineError, findEngine, type EngineName, type EngineSettings } from '../tools/image-engine';
import { measureDockerfile } from '../tools/measure';
import { rulesById } from '../rules';
import {
  BUILD_AND_MEASURE_COMMAND,
  BUILD_AND_MEASURE_REQUEST,
  BUILD_OUTPUT_NOTIFICATION,
  MEASURE_FIX_COMMAND,
  MEASURE_FIX_REQUEST,
  WORKSPACE_TRUSTED_NOTIFICATION,
  type BuildAndMeasureParams,
  type ImageBuildResult,
  type MeasureFixArgs,
} from '../protocol';
import { fromDiagnostic, uriToPath } from './convert';
import { buildSummary, fixSummary, measurementHints, measurementHover, placeMeasurement, totalTitle, type Placement } from './image-measure-view';
import { IMAGE_SOURCE, wastedDiagnostics } from './image-wasted';
import type { Analysis } from './languages';

export interface ImageMeasureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysisOf(uri: string, token?: CancellationToken): Promise<Analysis | undefined>;
  environment(doc: TextDocument): Promise<FileEnvironment>;
  /** The document's `stevedore` settings. */
  settings(uri: string): Promise<unknown>;
  /** This module's diagnostics of a document changed: re-pull or push them. */
  diagnosticsChanged(uri: string): void;
}

interface Measured {
  measurement: ImageMeasurement;
  /** The text that was built (hints are stale once the document's text differs). */
  text: string;
}

const REFUSED: ImageBuildResult = { ok: false, message: 'Builds run the Dockerfile\'s commands: they are off until the workspace is trusted.' };
const ENGINES: readonly EngineName[] = ['docker', 'podman', 'buildah'];

/** The measurements of the session's documents and the builds under way. */
export class LspImageMeasure {
  /** From the client's initialization options (or its trust notification): nothing is built otherwise. */
  trusted = false;
  private readonly bases = new LocalBaseSizes(); // the FROM hover's local base sizes
  /** The client runs `stevedore.buildAndMeasure` and `stevedore.measureFix`: offer their lens and actions. */
  clientCommands = false;
  /** The client re-asks for inlay hints / lenses when told to (after a build). */
  refresh = { inlayHints: false, codeLenses: false };
  private readonly measured = new Map<string, Measured>();
  private readonly failures = new Map<string, Diagnostic[]>();
  private readonly running = new Map<string, AbortController>();
  private readonly jobs = new Set<Promise<ImageBuildResult>>();

  constructor(private readonly host: ImageMeasureHost) {}

  /** Registers the build requests, the trust notification and the inlay hints. */
  register(): void {
    const { connection } = this.host;
    connection.onRequest(BUILD_AND_MEASURE_REQUEST, (params: BuildAndMeasureParams, token: CancellationToken) => this.build(params, token));
    connection.onRequest(MEASURE_FIX_REQUEST, (args: MeasureFixArgs, token: CancellationToken) => this.measureFix(args, token));
    connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
      this.trusted = true;
      this.refreshViews();
    });
    // A build's processes run in their own process group: stopped when the client shuts the server down.
    connection.onShutdown(() => this.dispose());
    connection.languages.inlayHint.on(async (params, token) => {
      const view = await this.view(params.textDocument.uri, token);
      return view ? measurementHints(view.placement, view.doc.getText(), params.range) : [];
    });
  }

  /** Builds the document's current text and keeps its measurement. */
  async build(params: BuildAndMeasureParams, token?: CancellationToken): Promise<ImageBuildResult> {
    if (!this.trusted) return REFUSED;
    const target = await this.target(params?.uri);
    if ('message' in target) return target;
    const { doc, file, model } = target;
    const text = doc.getText();
    return this.run(doc.uri, token, async (signal) => {
      const measurement = await this.measure(doc.uri, file, text, model, signal, true);
      this.measured.set(doc.uri, { measurement, text });
      if (measurement.base) this.bases.record(measurement.base.image, measurement.base.bytes);
      const message = buildSummary(measurement);
      this.output(`${message}\n`);
      return { ok: true, message };
    });
  }

  /** Builds a size fix's result in a temporary copy and reports the difference with the current text. */
  async measureFix(args: MeasureFixArgs, token?: CancellationToken): Promise<ImageBuildResult> {
    if (!this.trusted) return REFUSED;
    const target = await this.target(args?.uri);
    if ('message' in target) return target;
    const { doc, file, model, analysis } = target;
    if (doc.version !== args.version) return { ok: false, message: 'The Dockerfile changed since this fix was offered: ask for it again.' };
    const rule = rulesById.get(args.ruleId);
    const fix = rule?.fixes?.find((f) => f.id === args.fixId);
    const finding = args.finding as Finding | undefined;
    if (!fix || !finding || finding.ruleId !== args.ruleId || !finding.range) return { ok: false, message: 'This fix is not known.' };
    const text = doc.getText();
    const result = fix.apply(analysis.language.fixInput(text, await this.host.environment(doc), analysis), finding);
    if (!result?.edits.length) return { ok: false, message: 'This fix no longer applies.' };
    const fixed = applyEdits(text, result.edits);
    const title = fix.title(finding);
    return this.run(doc.uri, token, async (signal) => {
      const known = this.measured.get(doc.uri);
      let before = known?.text === text ? known.measurement : undefined;
      if (!before) {
        this.output(`Measuring the current Dockerfile first\n`);
        before = await this.measure(doc.uri, file, text, model, signal, false);
        this.measured.set(doc.uri, { measurement: before, text });
      }
      this.output(`Measuring the Dockerfile with the fix "${title}" (a temporary copy)\n`);
      await shellGrammarFor(fixed);
      const after = await this.measure(doc.uri, file, fixed, buildModel(fixed), signal, false);
      const message = fixSummary(`Measure this fix (${title})`, before, after);
      this.output(`${message}\n`);
      return { ok: true, message };
    });
  }

  /** The "Build and measure" lens (trusted, and a client with the command) and the total on the final FROM. */
  lenses(uri: string, analysis: Analysis): CodeLens[] {
    const model = modelOf(analysis);
    const final = model?.stages.find((s) => s.isFinal && !s.fragment);
    if (!model || !final) return [];
    const at = final.from.getRange().start;
    const range = { start: at, end: at };
    const lenses: CodeLens[] = [];
    if (this.trusted && this.clientCommands) lenses.push({ range, command: { title: 'Build and measure image', command: BUILD_AND_MEASURE_COMMAND, arguments: [{ uri } satisfies BuildAndMeasureParams] } });
    const measured = this.measured.get(uri);
    if (measured) lenses.push({ range, command: { title: totalTitle(measured.measurement, placeMeasurement(measured.measurement, measured.text, model).stale), command: '' } });
    return lenses;
  }

  /** Markdown for the measured instruction under `position` (exact bytes), or undefined. */
  hover(uri: string, analysis: Analysis, position: Position): string | undefined {
    const measured = this.measured.get(uri);
    const model = modelOf(analysis);
    if (!model) return undefined;
    return (measured && measurementHover(measured.measurement, placeMeasurement(measured.measurement, measured.text, model), position.line)) || this.bases.hover(model, position, this.trusted ? async () => findEngine(engineSettings(await this.host.settings(uri))) : undefined);
  }

  /** "Measure this fix" next to each fix of a size rule among the request's diagnostics. */
  codeActions(params: CodeActionParams, doc: TextDocument): CodeAction[] {
    if (!this.trusted || !this.clientCommands) return [];
    if (params.context.only && !params.context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      const finding = fromDiagnostic(d);
      const rule = finding && rulesById.get(finding.ruleId);
      if (!finding || rule?.category !== 'size') continue;
      for (const fix of rule.fixes ?? []) {
        const title = `Measure this fix: ${fix.title(finding)}`;
        const args: MeasureFixArgs = { uri: doc.uri, version: doc.version, ruleId: rule.id, fixId: fix.id, finding };
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: MEASURE_FIX_COMMAND, arguments: [args] } });
      }
    }
    return actions;
  }

  /** This module's diagnostics of a document: where the last build failed, or the wasted bytes it measured. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const failed = this.failures.get(uri);
    if (failed) return failed;
    const view = await this.view(uri);
    return view ? wastedDiagnostics(view.measured.measurement, view.placement) : [];
  }

  /** A closed document's measurement is dropped, and its build stopped. */
  closed(uri: string): void {
    this.running.get(uri)?.abort();
    this.measured.delete(uri);
    this.failures.delete(uri);
  }

  /** Stops the builds under way and waits (at most `waitMs`) until their processes are gone (shutdown). */
  async dispose(waitMs = 10_000): Promise<void> {
    for (const c of this.running.values()) c.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.jobs), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  private async view(uri: string, token?: CancellationToken): Promise<{ doc: TextDocument; measured: Measured; placement: Placement } | undefined> {
    const measured = this.measured.get(uri);
    const doc = this.host.documents.get(uri);
    if (!measured || !doc) return undefined;
    const model = modelOf(await this.host.analysisOf(uri, token));
    return model ? { doc, measured, placement: placeMeasurement(measured.measurement, measured.text, model) } : undefined;
  }

  private async target(uri: unknown): Promise<{ doc: TextDocument; file: string; model: DockerfileModel; analysis: Analysis } | ImageBuildResult> {
    const doc = typeof uri === 'string' ? this.host.documents.get(uri) : undefined;
    if (!doc) return { ok: false, message: 'Open the Dockerfile to build first.' };
    const analysis = await this.host.analysisOf(doc.uri);
    const model = modelOf(analysis);
    if (!analysis || !model) return { ok: false, message: 'Only Dockerfiles can be built and measured.' };
    const file = uriToPath(doc.uri);
    if (!file) return { ok: false, message: 'Save the Dockerfile first: its folder is the build context.' };
    return { doc, file, model, analysis };
  }

  /** Runs one build job for a document (stopping an earlier one), turning failures into results and diagnostics. */
  private run(uri: string, token: CancellationToken | undefined, job: (signal: AbortSignal) => Promise<ImageBuildResult>): Promise<ImageBuildResult> {
    const running = this.runJob(uri, token, job);
    this.jobs.add(running);
    return running.finally(() => this.jobs.delete(running));
  }

  private async runJob(uri: string, token: CancellationToken | undefined, job: (signal: AbortSignal) => Promise<ImageBuildResult>): Promise<ImageBuildResult> {
    this.running.get(uri)?.abort();
    const controller = new AbortController();
    this.running.set(uri, controller);
    const cancel = token?.onCancellationRequested(() => controller.abort());
    try {
      const result = await job(controller.signal);
      this.failures.delete(uri);
      return result;
    } catch (e) {
      if (controller.signal.aborted || (e instanceof EngineError && e.kind === 'cancelled')) {
        this.output('Build cancelled.\n');
        return { ok: false, cancelled: true, message: 'Build cancelled.' };
      }
      const message = failureMessage(e);
      this.output(`${message}\n`);
      const line = e instanceof EngineError ? e.line : undefined;
      if (line !== undefined) this.failures.set(uri, [{ range: { start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }, severity: 1, source: IMAGE_SOURCE, message }]);
      return { ok: false, message };
    } finally {
      cancel?.dispose();
      if (this.running.get(uri) === controller) this.running.delete(uri);
      this.host.diagnosticsChanged(uri);
      this.refreshViews();
    }
  }

  private async measure(uri: string, file: string, text: string, model: DockerfileModel, signal: AbortSignal, wasted: boolean): Promise<ImageMeasurement> {
    const engine = await findEngine(engineSettings(await this.host.settings(uri)));
    this.output(`Building ${path.basename(file)} with ${engine.name} (${engine.path}), context ${path.dirname(file)}\n`);
    return measureDockerfile({ engine, dockerfile: file, context: path.dirname(file), text, model, signal, onOutput: (chunk) => this.output(chunk), wasted });
  }

  private output(text: string): void {
    void this.host.connection.sendNotification(BUILD_OUTPUT_NOTIFICATION, { text });
  }

  private refreshViews(): void {
    if (this.refresh.inlayHints) this.host.connection.languages.inlayHint.refresh().catch(() => undefined);
    if (this.refresh.codeLenses) this.host.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }
}

function modelOf(analysis: Analysis | undefined): DockerfileModel | undefined {
  return analysis?.language.core.id === 'dockerfile' ? (analysis as Analysis & { model?: DockerfileModel }).model : undefined;
}

/** `stevedore.build.*` settings as the engine layer takes them (unknown values fall back to auto and PATH). */
export function engineSettings(settings: unknown): EngineSettings {
  const build = ((settings as { build?: Record<string, unknown> } | undefined)?.build ?? {}) as Record<string, unknown>;
  const engine = ENGINES.includes(build.engine as EngineName) ? (build.engine as EngineName) : 'auto';
  const paths: Partial<Record<EngineName, string>> = {};
  for (const name of ENGINES) {
    const p = build[`${name}Path`];
    if (typeof p === 'string' && p.trim()) paths[name] = p.trim();
  }
  return { engine, paths };
}

function failureMessage(e: unknown): string {
  if (!(e instanceof EngineError)) return `Build failed: ${e instanceof Error ? e.message : String(e)}`;
  const at = e.line !== undefined ? ` at line ${e.line + 1}` : '';
  return `Build failed${at}: ${e.message}`;
}
