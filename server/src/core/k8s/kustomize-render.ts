// Checking a rendered Kustomize overlay: the manifest rules run over `kubectl kustomize <dir>`'s output and each
// finding is moved to the file and line it came from (kustomize-trace.ts); a build that fails or hangs becomes one
// finding on the kustomization. The runners that spawn kubectl are lsp/kustomize.ts and cli/kustomize.ts.
import * as path from 'node:path';
import type { Finding } from '../types';
import { readKustomization, type Kustomization } from './kustomize';
import { kustomizationRange, kustomizeSources, traceRange } from './kustomize-trace';
import { parseManifest, type ManifestFile } from './parse';
import type { Workspace } from './workspace';

/** Default time `kubectl kustomize` may take before it is stopped. */
export const KUSTOMIZE_TIMEOUT_MS = 20_000;

/** The argument array that renders a folder (never through a shell). */
export function kustomizeArgs(dir: string): string[] {
  return ['kustomize', dir];
}

/** How a render ended: the YAML it printed, kubectl's error, or stopped after the timeout. */
export type RenderOutcome = { ok: true; stdout: string } | { ok: false; error: string } | { ok: false; timedOut: true; timeoutMs: number };

/** A finding on a file other than the rendered one: absolute path and the finding with its range there. */
export interface PlacedFinding {
  path: string;
  finding: Finding;
}

/** The kustomization a workspace holds for a path, if the file is one. */
export function kustomizationOf(workspace: Workspace, file: string): Kustomization | undefined {
  const f = workspace.file(file);
  return f && readKustomization(f);
}

/** Rules whose findings on rendered output mean nothing (the kustomization's own checks, YAML syntax of kubectl's output). */
const NOT_ON_RENDERED = new Set(['kustomization-invalid', 'yaml-syntax', 'analysis-incomplete']);

/**
 * The findings of a rendered overlay placed on their source files. `analyze` runs the manifest rules over the
 * rendered text (in a workspace of its own, so the sources do not count twice).
 */
export function placeRendered(k: Kustomization, outcome: RenderOutcome, workspace: Workspace, analyze: (rendered: ManifestFile) => Finding[]): PlacedFinding[] {
  const at = k.file.path!;
  const dir = path.basename(path.dirname(at));
  if (!outcome.ok) {
    const message =
      'timedOut' in outcome
        ? `kubectl kustomize did not finish within ${+(outcome.timeoutMs / 1000).toFixed(1)} s and was stopped; the overlay's objects are not checked.`
        : `kubectl kustomize failed: ${outcome.error}`;
    const severity = 'timedOut' in outcome ? 'warning' : 'error';
    return [{ path: at, finding: { ruleId: 'kustomization-invalid', severity, message, range: kustomizationRange(k) } }];
  }
  const rendered = parseManifest(outcome.stdout, path.join(path.dirname(at), '.kustomize-rendered.yaml'));
  const sources = kustomizeSources(workspace, k);
  const out: PlacedFinding[] = [];
  for (const f of analyze(rendered)) {
    if (NOT_ON_RENDERED.has(f.ruleId)) continue;
    const loc = traceRange(rendered, f.range, sources);
    // Fix data points into the rendered text: dropped, the finding is for reading.
    const { data: _data, ...rest } = f;
    out.push({ path: loc.file.path!, finding: { ...rest, message: `${f.message} (overlay ${dir}, rendered by kubectl kustomize)`, range: loc.range } });
  }
  return out;
}

/** kubectl's error output as one line (its last "error:" line, without the log prefix). */
export function kubectlError(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = lines.reverse().find((l) => /error/i.test(l)) ?? lines[0] ?? 'no output';
  // kubectl 1.32 logs `E1207 04:14:51.657963 21529 run.go:72] "command failed" err="…"`; older ones `error: …`.
  const err = /\berr="((?:[^"\\]|\\.)*)"/.exec(last)?.[1]?.replace(/\\(.)/g, '$1');
  return (err ?? last.replace(/^error: /, '')).slice(0, 500);
}
