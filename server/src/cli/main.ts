// `stevedore` command line: the same analysis core as the editor, for CI pipelines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { projectConfigLoader } from '../core/config';
import { needsShellGrammar } from '../core/dockerfile/model';
import { initShellParser } from '../core/dockerfile/shell';
import { languageOfFile } from '../core/languages/language';
import { ManifestWorkspace } from '../core/k8s/workspace';
import { languages, LANGUAGES } from '../rules';
import { severityRank, type Severity } from '../core/types';
import { parseLintArgs, USAGE, type LintArgs } from './args';
import { useColor } from './color';
import { debugRequested, errorReport, firstLine, InputError, installProcessGuards, ioError } from './errors';
import { formatText, jsonPieces, sarifPieces, type FileReport } from './format';
import { currentFile, forFile, lintOne, type FileOutcome, type Input, type Run } from './lint-files';
import { walk } from '../core/walk';
import { kustomizeOptions, lintKustomizations } from './kustomize';
import { prefillShellcheck, shellcheckBinary } from './shellcheck';
import { sizeMain } from './size';
import { cliV8Flags } from './v8-flags';

declare const STEVEDORE_VERSION: string | undefined;
const version = typeof STEVEDORE_VERSION === 'string' ? STEVEDORE_VERSION : '0.0.0-dev';

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

function readInput(file: string): string {
  if (file === '-') return readStdin();
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw ioError(file, e);
  }
}

/**
 * Loads the shell grammar when a RUN script of `text` needs it (a Dockerfile of plain command lists does not:
 * core/dockerfile/shell-simple.ts); failing is an InputError. The model built to find out is the one linted next.
 */
async function grammarFor(text: string): Promise<void> {
  if (needsShellGrammar(text)) await loadShellParser();
}

/** Loads the shell parser the Dockerfile rules use; failing is an InputError. */
async function loadShellParser(): Promise<void> {
  try {
    await initShellParser();
  } catch (e) {
    throw new InputError(`cannot load the shell parser: ${firstLine(e)}`, { cause: e });
  }
}

/** Reads every input, in order; a file that cannot be read ends the list and is returned as its error. */
function readInputs(files: string[], args: LintArgs): { inputs: Input[]; error?: unknown } {
  const inputs: Input[] = [];
  for (const file of files) {
    const fromStdin = file === '-';
    const displayPath = fromStdin ? args.stdinFilename ?? '-' : file;
    const diskPath = fromStdin ? (args.stdinFilename ? path.resolve(args.stdinFilename) : undefined) : path.resolve(file);
    try {
      const text = forFile(displayPath, () => readInput(file));
      // Named files of other kinds are linted as Dockerfiles (e.g. `stevedore lint build/Dockerfile-prod`).
      const language = languageOfFile(LANGUAGES, displayPath) ?? languages.dockerfile;
      inputs.push({ file, displayPath, diskPath, text, language });
    } catch (e) {
      return { inputs, error: e };
    }
  }
  return { inputs };
}

/** Loads the manifests among the inputs into one workspace for cross-file checks. */
function publishAll(inputs: Input[]): ManifestWorkspace {
  const workspace = new ManifestWorkspace();
  for (const { displayPath, diskPath, text, language } of inputs) {
    if (diskPath && language.publish) forFile(displayPath, () => language.publish!(workspace, diskPath, text));
  }
  return workspace;
}

/** Lints the inputs on this thread, writing warnings as they come; returns each file's outcome in order. */
function lintHere(inputs: Input[], args: LintArgs, run: Omit<Run, 'warn'>): FileOutcome[] {
  const warn = (line: string) => process.stderr.write(line);
  return inputs.map((input) => forFile(input.displayPath, () => lintOne(input, args, { ...run, warn })));
}

/** Writes the pieces of the output to stdout in chunks of about 64 KB, then a newline. */
function writeOut(pieces: Iterable<string>): void {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length < 1 << 16) continue;
    process.stdout.write(chunk);
    chunk = '';
  }
  process.stdout.write(chunk + '\n');
}

/** Runs the CLI; returns the exit code. Never throws: every failure is one line on stderr and exit 2. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const debug = debugRequested(argv, env);
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!command) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (command === '-v' || command === '--version' || (command === 'lint' && (rest.includes('-v') || rest.includes('--version')))) {
    process.stdout.write(version + '\n');
    return 0;
  }
  if (command === 'size') return sizeMain(rest, env);
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
    let files: string[] = [];
    let walkError: unknown;
    try {
      files = collectFiles(args.paths);
    } catch (e) {
      walkError = e;
    }
    const configFile = args.config ? path.resolve(args.config) : undefined;
    const shellcheck = walkError ? undefined : shellcheckBinary(args.shellcheck, env, (line) => process.stderr.write(line));
    // Errors come in this order: the paths, each file's read, the shell grammar (loaded when a file's RUNs need it, or
    // for --fix, whose fixes may write RUNs that do), each file's parse and lint.
    if (walkError) throw walkError;
    const read = readInputs(files, args);
    const { inputs } = read;
    // --fix writes a .dockerignore or manifests, never a config file.
    const run = { workspace: publishAll(inputs), configFor: projectConfigLoader(configFile) };
    if (read.error) throw read.error;
    if (args.fix && inputs.some((input) => input.language.id === 'dockerfile')) await loadShellParser();
    // While ShellCheck works through the RUNs (another process, another core), the files that do not need its
    // answers are linted; the Dockerfiles after it answered. Outcomes stay in input order.
    const shellcheckRun = prefillShellcheck(inputs, shellcheck, run.configFor, (line) => process.stderr.write(line), env, grammarFor);
    await shellcheckRun.started;
    const needsShellcheck = (input: Input) => input.language.id === 'dockerfile';
    const outcomes: FileOutcome[] = new Array(inputs.length);
    const lintWhere = async (keep: (input: Input) => boolean) => {
      for (const [input, i] of inputs.map((input, i) => [input, i] as const).filter(([input]) => keep(input))) {
        if (input.language.id === 'dockerfile') await grammarFor(input.text);
        outcomes[i] = lintHere([input], args, run)[0];
      }
    };
    await lintWhere((input) => !needsShellcheck(input));
    await shellcheckRun.done;
    await lintWhere(needsShellcheck);
    const reports: FileReport[] = [];
    let configFail: Severity | 'none' | undefined;
    for (const { report, failOn } of outcomes) {
      if (report) reports.push(report);
      configFail = failOn ?? configFail;
    }
    lintKustomizations(inputs, reports, run, kustomizeOptions(env), (line) => process.stderr.write(line));
    const color = useColor({ flag: args.color, env, isTTY: process.stdout.isTTY === true });
    if (args.format === 'json') writeOut(jsonPieces(reports));
    else if (args.format === 'sarif') writeOut(sarifPieces(reports, version));
    else process.stdout.write(formatText(reports, color) + '\n');
    const failOn = args.failOn ?? configFail ?? 'warning';
    if (failOn === 'none') return 0;
    const failing = reports.some((r) => r.findings.some((f) => severityRank(f.severity) <= severityRank(failOn)));
    return failing ? 1 : 0;
  } catch (e) {
    process.stderr.write(errorReport(e, debug));
    return 2;
  }
}

/**
 * The run, with the process set up for it: called by the entry bundle (cli/entry.ts) once it has set V8's flags
 * (cliV8Flags) and loaded this one, or directly when this module is the program.
 */
export function runFromCommandLine(): void {
  // Every read of process.env asks the C++ environment, and the YAML parser reads process.env.LOG_TOKENS once per
  // token: with a plain copy that is a property read (that folder's YAML parse: 642 → 579 ms CPU, best of 8).
  process.env = { ...process.env };
  const argv = process.argv.slice(2);
  installProcessGuards(debugRequested(argv, process.env), currentFile);
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) {
  for (const flag of cliV8Flags) setFlagsFromString(flag);
  runFromCommandLine();
}
