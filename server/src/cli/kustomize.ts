// `stevedore lint` on Kustomize overlays: each kustomization among the linted files is rendered with kubectl
// (STEVEDORE_KUBECTL or `kubectl`, an argument array, a timeout) and the rendered objects' findings are added to the
// reports of the files they came from (base resource, patch or the kustomization), without repeating a finding
// the file's own lint already has.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entryPath, isKustomizationPath, KUSTOMIZATION_FILES, readKustomization, type Kustomization } from '../core/k8s/kustomize';
import { KUSTOMIZE_TIMEOUT_MS, kubectlError, kustomizationOf, kustomizeArgs, placeRendered, type RenderOutcome } from '../core/k8s/kustomize-render';
import { ManifestWorkspace } from '../core/k8s/workspace';
import type { Finding } from '../core/types';
import type { FileReport } from './format';
import { lintText } from './lint';
import type { Input, Run } from './lint-files';

/** Where kubectl is and how long a render may take, from the environment. */
export interface KustomizeOptions {
  kubectl: string;
  timeoutMs: number;
}

/** The options from the environment: STEVEDORE_KUBECTL (path), STEVEDORE_KUSTOMIZE_TIMEOUT_MS. */
export function kustomizeOptions(env: Record<string, string | undefined>): KustomizeOptions {
  const t = Number(env.STEVEDORE_KUSTOMIZE_TIMEOUT_MS);
  return { kubectl: env.STEVEDORE_KUBECTL || 'kubectl', timeoutMs: t > 0 ? t : KUSTOMIZE_TIMEOUT_MS };
}

/** Runs `kubectl kustomize <dir>`; undefined when kubectl cannot be started (not installed). */
export function renderSync(dir: string, options: KustomizeOptions): RenderOutcome | undefined {
  const r = spawnSync(options.kubectl, kustomizeArgs(dir), { encoding: 'utf8', timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 << 20, windowsHide: true });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { ok: false, timedOut: true, timeoutMs: options.timeoutMs };
  if (r.error) return { ok: false, error: r.error.message };
  return r.status === 0 ? { ok: true, stdout: r.stdout } : { ok: false, error: kubectlError(r.stderr) };
}

/** Reads into the workspace the files a kustomization lists that it does not hold yet (bases outside the linted paths), recursively. */
function loadSources(workspace: ManifestWorkspace, k: Kustomization, publish: (file: string, text: string) => void, depth = 0): void {
  if (depth > 8) return;
  for (const e of k.entries) {
    const abs = entryPath(k, e);
    if (!abs) continue;
    const files = isDirectory(abs) ? KUSTOMIZATION_FILES.map((n) => path.join(abs, n)) : [abs];
    for (const f of files) {
      if (!workspace.file(f)) {
        const text = readText(f);
        if (text === undefined) continue;
        publish(f, text);
      }
      const sub = isKustomizationPath(f) ? workspace.file(f) : undefined;
      const subK = sub && readKustomization(sub);
      if (subK) loadSources(workspace, subK, publish, depth + 1);
    }
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readText(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function sameFinding(a: Finding, b: Finding): boolean {
  const r = (f: Finding) => `${f.range.start.line}:${f.range.start.character}:${f.range.end.line}:${f.range.end.character}`;
  return a.ruleId === b.ruleId && r(a) === r(b);
}

/**
 * Renders the kustomizations among `inputs` and adds their findings to `reports` (new reports for source files
 * that were not linted themselves). `warn` gets one line when kubectl is missing.
 */
export function lintKustomizations(inputs: Input[], reports: FileReport[], run: Omit<Run, 'warn'>, options: KustomizeOptions, warn: (line: string) => void): void {
  const kustomizations = inputs.filter((i) => i.diskPath && isKustomizationPath(i.diskPath));
  if (!kustomizations.length) return;
  const byPath = new Map<string, FileReport>();
  for (const i of inputs) {
    const report = reports.find((r) => r.path === i.displayPath);
    if (i.diskPath && report) byPath.set(i.diskPath, report);
  }
  for (const input of kustomizations) {
    const k = kustomizationOf(run.workspace, input.diskPath!);
    if (!k) continue;
    loadSources(run.workspace, k, (file, text) => input.language.publish?.(run.workspace, file, text));
    const own = byPath.get(input.diskPath!);
    // Files the kustomization lists that do not exist already have their finding; kubectl would only repeat it.
    if (own?.findings.some((f) => f.ruleId === 'kustomization-invalid' && f.severity === 'error')) continue;
    const outcome = renderSync(path.dirname(input.diskPath!), options);
    if (!outcome) {
      warn(`stevedore: ${options.kubectl} not found; Kustomize overlays are not rendered (set STEVEDORE_KUBECTL)\n`);
      return;
    }
    const config = run.configFor(path.dirname(input.diskPath!));
    const analyze = (rendered: Parameters<Parameters<typeof placeRendered>[3]>[0]) =>
      lintText(rendered.text, { language: input.language, env: { path: rendered.path, workspace: new ManifestWorkspace(), config } });
    for (const placed of placeRendered(k, outcome, run.workspace, analyze)) {
      let report = byPath.get(placed.path);
      if (!report) {
        report = { path: path.relative(process.cwd(), placed.path) || placed.path, findings: [], fixable: [], fixed: [] };
        byPath.set(placed.path, report);
        reports.push(report);
      }
      if (report.findings.some((f) => sameFinding(f, placed.finding))) continue;
      const at = report.findings.findIndex((f) => f.range.start.line > placed.finding.range.start.line || (f.range.start.line === placed.finding.range.start.line && f.range.start.character > placed.finding.range.start.character));
      const i = at < 0 ? report.findings.length : at;
      report.findings.splice(i, 0, placed.finding);
      report.fixable.splice(i, 0, false);
    }
  }
}
