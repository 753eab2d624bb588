// `stevedore` command line: the same analysis core as the editor, for CI pipelines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultContextRoot } from '../core/analyze';
import { ConfigError, configFailOn, loadProjectConfig } from '../core/config';
import { FolderContext } from '../core/context';
import { initShellParser } from '../core/dockerfile/shell';
import { fileKind } from '../core/files';
import { parseManifest } from '../core/k8s/parse';
import { ManifestWorkspace } from '../core/k8s/workspace';
import { fixInputOf, lintText, type LintTarget } from '../core/lint';
import { rulesById } from '../core/registry';
import { severityRank, type Finding, type Severity } from '../core/types';
import { parseLintArgs, UsageError, USAGE, type LintArgs } from './args';
import { fixText, writeAtomic } from './fixfile';
import { formatJson, formatSarif, formatText, type FileReport } from './format';
import { walk } from '../core/walk';

declare const STEVEDORE_VERSION: string | undefined;
const version = typeof STEVEDORE_VERSION === 'string' ? STEVEDORE_VERSION : '0.0.0-dev';

/** An I/O or configuration problem: exit 2 with a one-line message naming the path. */
class InputError extends Error {}

function ioError(file: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'is a directory' : (err.message ?? String(e)).split('\n')[0];
  return new InputError(`${file}: ${reason}`);
}

/** Expands the given paths into files to lint; folders are walked. */
function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push(p);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw ioError(p, e);
    }
    if (stat.isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  return files;
}

function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch (e) {
    throw ioError('-', e);
  }
}

function fixableFlags(findings: Finding[], text: string, target: LintTarget): boolean[] {
  const input = fixInputOf(text, target);
  return findings.map((f) => (rulesById.get(f.ruleId)?.fixes ?? []).some((fix) => fix.safe && fix.apply(input, f) !== null));
}

function readInput(file: string): string {
  if (file === '-') return readStdin();
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw ioError(file, e);
  }
}

interface Input {
  file: string;
  displayPath: string;
  diskPath?: string;
  text: string;
  kind: 'dockerfile' | 'manifest';
}

/** Reads every input and loads the manifests among them into one workspace for cross-file checks. */
function readInputs(files: string[], args: LintArgs): { inputs: Input[]; workspace: ManifestWorkspace } {
  const workspace = new ManifestWorkspace();
  const inputs = files.map((file): Input => {
    const fromStdin = file === '-';
    const displayPath = fromStdin ? args.stdinFilename ?? '-' : file;
    const diskPath = fromStdin ? (args.stdinFilename ? path.resolve(args.stdinFilename) : undefined) : path.resolve(file);
    const text = readInput(file);
    // Named files of other kinds are linted as Dockerfiles (e.g. `stevedore lint build/Dockerfile-prod`).
    const kind = fileKind(displayPath) ?? 'dockerfile';
    if (kind === 'manifest' && diskPath) workspace.set(parseManifest(text, diskPath));
    return { file, displayPath, diskPath, text, kind };
  });
  return { inputs, workspace };
}

function lintOne(input: Input, args: LintArgs, workspace: ManifestWorkspace): { report?: FileReport; failOn?: Severity | 'none' } {
  const { file, displayPath, diskPath, kind } = input;
  let text = input.text;
  const dir = diskPath ? path.dirname(diskPath) : process.cwd();
  let config;
  try {
    config = loadProjectConfig(dir, args.config ? path.resolve(args.config) : undefined);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(e.message);
    throw e;
  }
  const onRuleError = (id: string, e: unknown) => process.stderr.write(`stevedore: rule ${id} failed on ${displayPath}: ${(e as Error).message}\n`);
  const target: LintTarget = {
    kind,
    // The build context is the file's folder; text from stdin without a name has none.
    dockerfile: { path: diskPath, context: diskPath ? new FolderContext(defaultContextRoot(diskPath)) : undefined, config, onRuleError },
    manifest: { path: diskPath, workspace, config, onRuleError },
  };
  if (kind === 'manifest' && !parseManifest(text, diskPath).objects.length) return {};
  let fixed: string[] = [];
  let wrote: string[] = [];
  if (args.fix && file !== '-') {
    const outcome = fixText(text, target, (other, written) => {
      if (fileKind(other) === 'manifest') workspace.set(parseManifest(written, other));
    });
    if (outcome.text !== text) {
      try {
        writeAtomic(file, outcome.text);
      } catch (e) {
        throw ioError(file, e);
      }
      text = outcome.text;
      if (kind === 'manifest' && diskPath) workspace.set(parseManifest(text, diskPath));
    }
    fixed = outcome.fixed;
    wrote = outcome.touched.map((p) => path.relative(process.cwd(), p) || p);
  }
  const findings = lintText(text, target);
  return { report: { path: displayPath, findings, fixable: fixableFlags(findings, text, target), fixed, wrote }, failOn: configFailOn(config) };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(version + '\n');
    return 0;
  }
  if (command !== 'lint') {
    process.stderr.write(`stevedore: unknown command "${command}" (try: stevedore lint --help)\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const args = parseLintArgs(rest);
    await initShellParser();
    const { inputs, workspace } = readInputs(collectFiles(args.paths), args);
    const reports: FileReport[] = [];
    let configFail: Severity | 'none' | undefined;
    for (const input of inputs) {
      const { report, failOn } = lintOne(input, args, workspace);
      if (report) reports.push(report);
      configFail = failOn ?? configFail;
    }
    const out = args.format === 'json' ? formatJson(reports) : args.format === 'sarif' ? formatSarif(reports, version) : formatText(reports, args.color);
    process.stdout.write(out + '\n');
    const failOn = args.failOn ?? configFail ?? 'warning';
    if (failOn === 'none') return 0;
    const failing = reports.some((r) => r.findings.some((f) => severityRank(f.severity) <= severityRank(failOn)));
    return failing ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`stevedore: ${e.message}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`stevedore: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`stevedore: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
